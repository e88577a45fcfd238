"""DL812, DL815: two items of the evaluators' checklist that every lint should catch.

Provincial 政务公开 offices and the evaluators they hire score each annual report on a checklist
(第三方评估指标). Most of it is the statute's tables (the other rules) or the preface of a
published document (DL811, DL813, DL814: asked by `disclosure-lint audit`). Two items are slips in
the report itself, worth a clerk's look before publishing:

* a statistical period in a published document's preface that names another year than the
  report's ("统计期限自2021年1月1日起至2021年12月31日止" in the report on 2022): text carried
  over from an old report (DL812; inside the text parts the same slip is DL711's);
* part 五, 存在的主要问题及改进情况 (《条例》第五十条第（四）项), that says only "无": evaluators
  mark it as 敷衍塞责, for every body finds something to improve (DL815). An empty part is DL302;
  a part 六 that says only "无" is DL303 (the 信息处理费 must be stated there).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclosure_lint.api import WARNING, Finding, Report, Rule, statute
from disclosure_lint.audit.preface import DOCUMENT_SUFFIXES, PERIOD, squeezed

PERIOD_WRONG_YEAR = Rule(
    "DL812", "statistical-period-wrong-year", WARNING,
    "写明的统计期限不是报告年度", "The stated statistical period is another year's",
    "第三方评估指标（年度报告）",
    "统计期限写的是 {stated} 年（“{quote}”），而本报告是 {year} 年度的：多半是沿用了旧报告的文字",
    "the statistical period names {stated} ('{quote}'), but this is the report for {year}: most likely "
    "text left over from an older report",
)  # fmt: skip
BARE_NONE = Rule(
    "DL815", "part-says-only-none", WARNING,
    "“存在的主要问题及改进情况”只写了“无”", "Part 五 says only 无 (none)",
    "《条例》第五十条第（四）项；评估指标“内容雷同、敷衍塞责”",
    "“{part}”只写了“{text}”：《条例》要求报告存在的主要问题及改进情况，请写明本年发现的问题和改进措施",
    "'{part}' says only '{text}': the regulation asks for the main problems and how they are being "
    "addressed; state this year's problems and the measures taken",
)  # fmt: skip
RULES = (PERIOD_WRONG_YEAR, BARE_NONE)

NONE_ONLY = frozenset(
    {"无", "暂无", "没有", "无问题", "暂无问题", "没有问题", "不存在问题", "无相关情况", "无此情况"}
)
_PUNCTUATION = re.compile(r"[\s。．.，,；;！!、]")


def check(report: Report) -> Iterator[Finding]:
    yield from _bare_none(report)
    year = report.get((statute.YEAR,))
    if isinstance(year, int) and not isinstance(year, bool):
        yield from _period_year(report, year)


def _bare_none(report: Report) -> Iterator[Finding]:
    value = report.get((statute.PART5,))
    if not isinstance(value, str):
        return
    bare = _PUNCTUATION.sub("", value)
    if bare in NONE_ONLY:
        path = (statute.PART5,)
        yield BARE_NONE.at(report.pos(path), path, part=statute.PART5, text=bare)


def _period_year(report: Report, year: int) -> Iterator[Finding]:
    """The first period stated in a published document's preface: one slip, one finding.

    A stale period inside the text parts is DL711's (rules/stale_text.py); the preface, which the
    importer does not place in any part, is read here from the document's own text.
    """
    if not report.filename.lower().endswith(DOCUMENT_SUFFIXES):
        return
    text, where = squeezed(report)
    part1 = report.key_pos((statute.PART1,))
    limit = (part1.line, part1.col) if report.has((statute.PART1,)) else (len(report.source) + 1, 0)
    for match in PERIOD.finditer(text):
        if (where[match.start(1)].line, where[match.start(1)].col) >= limit:
            return
        stated = {int(y) for y in match.groups() if y}
        if stated != {year}:
            other = sorted(stated - {year}) or sorted(stated)
            yield PERIOD_WRONG_YEAR.at(
                where[match.start(1)], (), stated="、".join(map(str, other)), quote=match.group(0), year=year
            )
        return
