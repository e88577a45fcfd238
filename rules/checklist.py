"""DL815: part 五 that says only "无", an item of the evaluators' checklist every lint should catch.

Provincial 政务公开 offices and the evaluators they hire score each annual report on a checklist
(第三方评估指标). Most of it is the statute's tables (the other rules), the preface of a published
document (DL811, DL813, DL814: asked by `disclosure-lint audit`), a statistical period naming
another year (DL711), the 信息处理费 in part 六 and table 三 （六）2 (DL303, DL706). One more is a
slip in the report itself, worth a clerk's look before publishing: part 五, 存在的主要问题及改进
情况 (《条例》第五十条第（四）项), that says only "无". Evaluators mark it as 敷衍塞责 — every body
finds something to improve. An empty part is DL302; a part 六 that says only "无" is DL303 (the
信息处理费 must be stated there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclosure_lint.api import WARNING, Finding, Report, Rule, statute

BARE_NONE = Rule(
    code="DL815",
    name="part-says-only-none",
    severity=WARNING,
    summary_zh="“存在的主要问题及改进情况”只写了“无”",
    summary_en="Part 五 says only 无 (none)",
    clause="《条例》第五十条第（四）项；评估指标“内容雷同、敷衍塞责”",
    message_zh="“{part}”只写了“{text}”：《条例》要求报告存在的主要问题及改进情况，请写明本年发现的问题和改进措施",
    message_en="'{part}' says only '{text}': the regulation asks for the main problems and how they are being "
    "addressed; state this year's problems and the measures taken",
)
RULES = (BARE_NONE,)

NONE_ONLY = frozenset(
    {"无", "暂无", "没有", "无问题", "暂无问题", "没有问题", "不存在问题", "无相关情况", "无此情况"}
)
_PUNCTUATION = re.compile(r"[\s。．.，,；;！!、]")


def check(report: Report) -> Iterator[Finding]:
    yield from _bare_none(report)


def _bare_none(report: Report) -> Iterator[Finding]:
    value = report.get((statute.PART5,))
    if not isinstance(value, str):
        return
    bare = _PUNCTUATION.sub("", value)
    if bare in NONE_ONLY:
        path = (statute.PART5,)
        yield BARE_NONE.at(report.pos(path), path, part=statute.PART5, text=bare)
