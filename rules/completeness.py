"""DL3xx: the text parts say what the statute and the 2021 format ask them to say.

《条例》第五十条 lists what an annual report must contain, and the 2021 format
(国办公开办函〔2021〕30号) says part 一 总体情况 mainly covers five aspects:
主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障. Published
reports that follow the format also state in part 六 how the 信息处理费 was
charged (《政府信息公开信息处理费管理办法》，国办函〔2020〕109号). Evaluators mark
down reports that leave a part empty, skip an aspect, are silent on the fee,
or still carry the template's "（待填写）".

Whether a part or a table row is present at all is the schema's missing-key
finding (DL101); these rules look at what a present text part says.

Part 一's aspects are what it covers, not headings a clerk must type: many reports write
"一是……二是……" or "（一）主动公开方面" in one text, or name the aspects their own way ("平台载体
建设方面", "常态化开展监督管理"). DL301 reads all of part 一 — one text or the aspects written
as keys — for the aspect or its usual wordings, and at most warns. The five aspects and the
信息处理费 statement (DL303, under a measure in force from 2021) belong to the 2021 format:
they are not asked of a report on 2019 or 2020, or one declared on the 2019 format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from disclosure_lint.api import ERROR, WARNING, Finding, Path, Pos, Report, Rule, statute

FORMAT = statute.DOCUMENT_2021

ASPECT_MISSING = Rule(
    code="DL301",
    name="aspect-missing",
    severity=WARNING,
    summary_zh="总体情况没有提到 2021 年格式要求的某个方面",
    summary_en="Part 一 does not mention one of the five aspects of the 2021 format",
    clause=f"{FORMAT}（总体情况）",
    message_zh="“总体情况”没有提到“{aspect}”方面：2021 年格式要求总体情况概述主动公开、依申请公开、政府信息管理、"
    "平台建设、监督保障五个方面的工作，请补写{aspect}方面的情况",
    message_en="'总体情况' does not mention '{aspect}' ({aspect_en}): the 2021 format asks part 一 to cover 主动公开, "
    "依申请公开, 政府信息管理, 平台建设 and 监督保障; add a passage on {aspect}",
)
EMPTY_TEXT = Rule(
    code="DL302",
    name="empty-text",
    severity=ERROR,
    summary_zh="文字部分没有内容",
    summary_en="A text part is empty",
    clause="《条例》第五十条",
    message_zh="“{part}”没有内容：{hint}",
    message_en="'{part}' is empty: {hint_en}",
)
FEE_SILENT = Rule(
    code="DL303",
    name="fee-not-reported",
    severity=WARNING,
    summary_zh="“其他需要报告的事项”没有说明信息处理费收取情况",
    summary_en="Part 六 says nothing about the 信息处理费",
    clause="《条例》第五十条第（五）项；国办函〔2020〕109号",
    message_zh="“其他需要报告的事项”没有说明信息处理费的收取情况：请按《政府信息公开信息处理费管理办法》写明发出收费通知的件数、"
    "金额和实际收取的金额；没有收取的，写明“本年度未收取信息处理费”",
    message_en="'其他需要报告的事项' says nothing about the 信息处理费 (information processing fee): state how many fee "
    "notices were sent, for how much, and what was collected — or that no fee was charged",
)
PLACEHOLDER = Rule(
    code="DL304",
    name="template-placeholder",
    severity=ERROR,
    summary_zh="文字中还留着模板的占位文字",
    summary_en="A text part still holds template placeholder text",
    clause="《条例》第五十条",
    message_zh="“{part}”里还留着模板的占位文字“{placeholder}”{more}：请换成实际内容",
    message_en="'{part}' still holds the template placeholder '{placeholder}'{more_en}: replace it with the real content",
)

RULES = (ASPECT_MISSING, EMPTY_TEXT, FEE_SILENT, PLACEHOLDER)

# Wordings that count as mentioning an aspect of part 一: its name, its usual headings and the
# work reports describe under it.
ASPECT_WORDS: dict[str, tuple[str, ...]] = {
    "主动公开": ("主动公开", "主动发布", "公开政府信息", "发布政府信息", "政策解读", "解读"),
    "依申请公开": ("依申请", "公开申请", "申请公开"),
    "政府信息管理": (
        "信息管理", "发布审核", "信息审核", "审核发布", "审核把关", "保密审查", "三审", "公开属性",
        "文件清理", "信息清理", "公开目录", "公开指南", "公文公开", "动态更新", "动态调整",
    ),
    "平台建设": ("平台", "网站", "门户", "新媒体", "公众号", "公开专栏", "政务公开专区", "公开栏", "载体"),
    "监督保障": (
        "监督", "保障", "考核", "培训", "责任追究", "问责", "评议", "督查", "督导", "检查", "评估",
        "组织领导", "通报",
    ),
}  # fmt: skip
TITLES = re.compile(r"《[^》]*》")
FIRST_2021_YEAR = 2021
ASPECT_EN = {
    "主动公开": "proactive disclosure",
    "依申请公开": "disclosure on request",
    "政府信息管理": "information management",
    "平台建设": "disclosure platforms",
    "监督保障": "oversight and safeguards",
}
# "收费" alone is not enough: part 六 may speak of 行政事业性收费, which is another matter.
FEE_WORDS = ("信息处理费", "处理费", "收费通知", "收取费用", "未收费")

PLACEHOLDERS = re.compile(
    r"[（(]\s*待填写\s*[)）]|待填写|此处填写|在此填写"
    r"|(?<![A-Za-z])TODO(?![A-Za-z])"
    r"|(?<![A-Za-z])[Xx]{3,}(?![A-Za-z])|[×Ｘｘ]{2,}"
    r"|(?<![A-Za-z0-9])[XxＸ×]+(?=[件元条个项次人])",
    re.IGNORECASE,
)

# What every placeholder contains, found without the lookbehinds that make PLACEHOLDERS try each
# character of a long text: most texts have none of it, and are not scanned again.
MAYBE_PLACEHOLDER = re.compile(r"待填写|此处填写|在此填写|[Tt][Oo][Dd][Oo]|[XxＸｘ×]")

_HINTS = {
    statute.PART1: (
        "请概述本年度政府信息公开工作，包括主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面",
        "summarise the year's disclosure work: 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障",
    ),
    statute.PART5: (
        "请写明政府信息公开工作存在的主要问题及改进情况（《条例》第五十条第（四）项）",
        "state the main problems of the disclosure work and how they are being addressed (第五十条第（四）项)",
    ),
    statute.PART6: (
        "请写明其他需要报告的事项，至少说明信息处理费的收取情况；确实没有的，写明“无其他需要报告的事项”",
        "state the other matters to report, at least the 信息处理费; if there are none, say so",
    ),
}


class TextPart(NamedTuple):
    path: Path
    label: str


def check(report: Report) -> Iterable[Finding]:
    part1 = report.get((statute.PART1,))
    format_2021 = _format_2021(report)
    if format_2021 and isinstance(part1, dict):
        yield from _missing_aspects(report, _part1_prose(part1))
    for part in text_parts(report):
        value = report.get(part.path)
        if value is None or (isinstance(value, str) and not value.strip()):
            yield _empty(report, part)
            continue
        if not isinstance(value, str):
            continue  # a list or a number where text belongs: the schema's type error
        placeholder = _placeholder(report, part, value)
        if placeholder is not None:
            yield placeholder
            continue
        if not format_2021:
            continue
        if part.path == (statute.PART1,) and isinstance(part1, str):
            yield from _missing_aspects(report, value)
        elif part.path == (statute.PART6,) and not any(word in value for word in FEE_WORDS):
            yield FEE_SILENT.at(report.pos(part.path), part.path)
    agency = report.get((statute.AGENCY,))
    if isinstance(agency, str) and agency.strip():
        placeholder = _placeholder(report, TextPart((statute.AGENCY,), statute.AGENCY), agency)
        if placeholder is not None:
            yield placeholder


def text_parts(report: Report) -> Iterator[TextPart]:
    """The present text parts: 一 (or each of its aspects), 五 and 六, with their labels."""
    for path in report.text_paths():
        label = f"总体情况·{path[-1]}" if len(path) > 1 else str(path[0])
        yield TextPart(path, label)


def _empty(report: Report, part: TextPart) -> Finding:
    key = part.path[0]
    if len(part.path) > 1:
        aspect = str(part.path[-1])
        hint = f"请写明本年度{aspect}方面的工作情况"
        hint_en = f"describe the year's work on {aspect} ({ASPECT_EN[aspect]})"
    else:
        hint, hint_en = _HINTS[str(key)]
    return EMPTY_TEXT.at(report.key_pos(part.path), part.path, part=part.label, hint=hint, hint_en=hint_en)


def _format_2021(report: Report) -> bool:
    """Whether the 2021 format's requirements apply: not to a report on 2019 or 2020, nor to one
    declared on the 2019 format (DL504 says when that declaration is itself wrong)."""
    year, version = report.get((statute.YEAR,)), report.get((statute.VERSION,))
    if isinstance(year, int) and not isinstance(year, bool) and year < FIRST_2021_YEAR:
        return False
    return not (version == 2019 and not isinstance(version, bool))


def _part1_prose(part1: dict[object, object]) -> str:
    """Part 一 written as aspect keys, read as one text: a heading present covers its aspect
    (an empty one is DL302's), and what is written under one heading may cover another."""
    present = [f"{key}。" for key in statute.ASPECTS if key in part1]
    return "".join(present) + "".join(v for v in part1.values() if isinstance(v, str))


def _missing_aspects(report: Report, text: str) -> Iterator[Finding]:
    text = TITLES.sub("", text)  # 《…信息公开条例》 names a title, not the work
    for aspect in statute.ASPECTS:
        if not any(word in text for word in (*statute.ASPECT_HEADINGS[aspect], *ASPECT_WORDS[aspect])):
            # One text: where it starts; aspect keys: the 总体情况 key above them.
            at = report.key_pos if isinstance(report.get((statute.PART1,)), dict) else report.pos
            yield ASPECT_MISSING.at(
                at((statute.PART1,)), (statute.PART1,), aspect=aspect, aspect_en=ASPECT_EN[aspect]
            )


def _placeholder(report: Report, part: TextPart, text: str) -> Finding | None:
    if not MAYBE_PLACEHOLDER.search(text):
        return None
    matches = list(PLACEHOLDERS.finditer(text))
    if not matches:
        return None
    first = matches[0].group()
    more, more_en = "", ""
    if len(matches) > 1:
        more, more_en = f"（共 {len(matches)} 处）", f" ({len(matches)} places)"
    return PLACEHOLDER.at(
        locate(report, part.path, first),
        part.path,
        part=part.label,
        placeholder=first,
        more=more,
        more_en=more_en,
    )


def locate(report: Report, path: Path, needle: str) -> Pos:
    """Where `needle` is written inside the value at `path`, or the value's own position.

    The value's lines run from its start to the next key written after it.
    """
    start = report.pos(path)
    later = [pos.line for pos in report.keys.values() if pos.line > start.line]
    end = min(later) if later else None
    lines = report.source.splitlines()
    for number in range(start.line, (end or len(lines) + 1)):
        if number > len(lines):
            break
        line = lines[number - 1]
        index = line.find(needle, start.col - 1 if number == start.line else 0)
        if index >= 0:
            return Pos(number, index + 1)
    return start
