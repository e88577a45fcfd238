"""Metadata: the agency and year from the title, the publication date, the kind of body; the 落款 and page footer."""

from __future__ import annotations

import re

from .. import statute as s
from ..findings import START, Pos
from . import labels as lb
from .draft import Draft
from .model import Block, Line, Row, Source

_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})\s*日?")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_CN_DATE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LABEL = re.compile(r"(发布|公开|成文|印发)?(日期|时间)[:：]")
_TITLE = re.compile(r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:的)?\s*(?P<rest>.*报告.*)$")
_TITLE_MAX = 200
_AGENCY_END = re.compile(
    r"(?:局|委|办|厅|部|院|政府|委员会|中心|署|会|所|站|处|室|馆|队|公司|街道|镇|乡|司|办公室|管委会)$"
)


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT.get(text, 0)


def find_date(text: str) -> tuple[str, int, int] | None:
    """A date written in the text, as 2024-01-22, with where it is."""
    match = _DATE.search(text)
    if match:
        y, mo, d = (int(g) for g in match.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}", match.start(), match.end()
    match = _CN_DATE.search(text)
    if match:
        y = int("".join(str(_CN_DIGIT[c]) for c in match.group(1)))
        return (
            f"{y:04d}-{_cn_number(match.group(2)):02d}-{_cn_number(match.group(3)):02d}",
            match.start(),
            match.end(),
        )
    return None


def _date_only(text: str) -> str | None:
    found = find_date(text)
    if found is None:
        return None
    date, start, end = found
    rest = (text[:start] + text[end:]).strip()
    rest = _DATE_LABEL.sub("", rest).strip(" :：")
    return date if not rest else None


_CHROME = re.compile(
    r"版权所有|主办单位|承办单位|网站标识码|ICP|备案号|公网安备|技术支持|联系我们|网站地图|打印本页|关闭窗口|"
    r"【打印】|【关闭】|扫一扫|分享到|字号[:：]|上一篇|下一篇|相关链接"
)


def tail(blocks: list[Block]) -> tuple[list[Line], list[Line]]:
    """The end of part 六 that is not its text: the 落款 (agency name and date), and a web page's footer."""
    end = len(blocks)
    chrome: list[Line] = []
    while end and isinstance(blocks[end - 1], Line) and _CHROME.search(blocks[end - 1].text):
        end -= 1
        chrome.insert(0, blocks[end])  # type: ignore[arg-type]
    signature: list[Line] = []
    while end and isinstance(blocks[end - 1], Line):
        text = blocks[end - 1].text.strip()
        if _date_only(text) or (
            len(text) <= 40 and _AGENCY_END.search(text) and not re.search("[，。；：,;]", text)
        ):
            end -= 1
            signature.insert(0, blocks[end])  # type: ignore[arg-type]
            continue
        break
    return signature, chrome


def metadata(draft: Draft, source: Source, preamble: list[Block], signature: list[Line]) -> None:
    meta = draft.meta
    lines = [b for b in preamble if isinstance(b, Line)]
    used: set[int] = set()
    title_index = next(
        (
            i
            for i, line in enumerate(lines)
            if "报告" in line.text and "政府信息公开" in line.text and len(line.text) <= _TITLE_MAX
        ),
        None,
    )
    agency: tuple[str, Pos] | None = None
    year: tuple[int, Pos] | None = None
    if title_index is not None:
        title = lines[title_index]
        used.add(title_index)
        match = _TITLE.match(title.text.strip())
        if match:
            year = (int(match.group("year")), title.pos)
            name = match.group("agency").strip(" ：:，,")
            if name:
                agency = (name, title.pos)
        if agency is None:
            for i in range(title_index - 1, -1, -1):
                text = lines[i].text.strip()
                if text and _date_only(text) is None:
                    if len(text) <= 40:
                        agency = (text, lines[i].pos)
                        used.add(i)
                    break
    if year is None and source.title and len(source.title) <= _TITLE_MAX:
        match = _TITLE.match(source.title)
        if match:
            year = (int(match.group("year")), START)
            if agency is None and match.group("agency").strip():
                agency = (match.group("agency").strip(), START)
    if agency is None:
        for i, line in enumerate(lines):
            text = line.text.strip()
            if len(text) <= 40 and _AGENCY_END.search(text):
                agency = (text, line.pos)
                used.add(i)
                break
    date: tuple[str, Pos] | None = None
    for i, line in enumerate(lines):
        found = find_date(line.text)
        if found and (_DATE_LABEL.search(line.text) or _date_only(line.text)):
            date = (found[0], line.pos)
            used.add(i)
            break
    for line in signature:
        found_date = _date_only(line.text)
        if found_date and date is None:
            date = (found_date, line.pos)
        elif not found_date and agency is not None and lb.squash(line.text) != lb.squash(agency[0]):
            draft.note(
                line.pos, line.text, "落款中的机关名称与标题不同", "the signature names another agency"
            )
    title_pos = lines[title_index].pos if title_index is not None else (lines[0].pos if lines else START)
    version = meta.pop(s.VERSION, None)
    if version is None and year is not None and year[0] >= 2021:
        version = 2021
    if version is not None:
        meta[s.VERSION] = version
        draft.keys[(s.VERSION,)] = draft.values[(s.VERSION,)] = title_pos
    if agency is not None:
        meta[s.AGENCY] = agency[0]
        draft.keys[(s.AGENCY,)] = draft.values[(s.AGENCY,)] = agency[1]
        kind = guess_kind(agency[0])
    else:
        kind = None
        draft.note(START, "", "没有找到机关名称（标题或标题前一行）", "no agency name found", s.AGENCY)
    if year is not None:
        meta[s.YEAR] = year[0]
        draft.keys[(s.YEAR,)] = draft.values[(s.YEAR,)] = year[1]
    else:
        draft.note(
            START, "", "没有找到报告年度（标题中的“××××年”）", "no report year found in the title", s.YEAR
        )
    if kind is not None:
        meta[s.KIND] = kind
        draft.keys[(s.KIND,)] = draft.values[(s.KIND,)] = title_pos
    if date is not None:
        meta[s.PUBLISHED] = date[0]
        draft.keys[(s.PUBLISHED,)] = draft.values[(s.PUBLISHED,)] = date[1]
    else:
        draft.note(
            START,
            "",
            "没有找到发布日期，请补上“发布日期”",
            "no publication date found; add 发布日期",
            s.PUBLISHED,
        )
    for i, line in enumerate(lines):
        if i not in used:
            draft.note(
                line.pos,
                line.text,
                "标题前的文字，不属于报告的任何部分",
                "text before the title, in no part of the report",
            )
    for block in preamble:
        if isinstance(block, Row):
            text = " ".join(c.text for c in block.cells if c.text and not c.above)
            draft.note(block.pos, text, "第一部分之前的表格", "a table before part 一")


def guess_kind(agency: str) -> str:
    """本级政府 for a people's government itself (not its offices), else 部门 (《条例》第四十九条)."""
    return s.KIND_GOVERNMENT if agency.strip().endswith("人民政府") else s.KIND_DEPARTMENT
