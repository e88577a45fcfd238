"""DL801–DL809, DL811, DL813, DL814: what `disclosure-lint audit` finds.

Declared here, importable, and listed by `rules/cross_report.py` so that `--list-rules`,
`--explain` and `--select` know them; they are produced only by the audit, which sees a folder
of reports at once (and asks the evaluators' questions of each published document's preface). Each finding sits in the later (or the summary) report and names the other
file with its line and column.
"""

from __future__ import annotations

from .. import statute
from ..findings import INFO, WARNING, Rule

UNIDENTIFIED = Rule(
    code="DL801",
    name="audit-unidentified",
    severity=INFO,
    summary_zh="无法确定报告的机关或年度，未参与跨报告核对",
    summary_en="The report's organ or year is unknown, so it was not compared with others",
    clause="—",
    message_zh="无法确定这份报告的{missing}，跨年度和跨部门的核对没有包括它：请在报告中写明“机关”和“年度”",
    message_en="the report's {missing_en} could not be read, so it was left out of the checks across years and "
    "departments: state 机关 and 年度 in the report",
)
YEAR_GAP = Rule(
    code="DL802",
    name="audit-year-gap",
    severity=INFO,
    summary_zh="同一机关的报告缺少中间年度，结转无法逐年核对",
    summary_en="A year is missing from an organ's reports, so carry-overs cannot be chained",
    clause=f"{statute.DOCUMENT_2021} 表三（跨年度）",
    message_zh="“{body}”有 {before} 年度（{other}）和 {year} 年度的报告，缺少 {missing} 年度：这几年之间的上年结转和现行有效件数没有核对",
    message_en="'{body}' has reports for {before} ({other}) and {year} but none for {missing}, so the carry-overs "
    "between them were not checked",
)
DUPLICATE = Rule(
    code="DL803",
    name="audit-duplicate-report",
    severity=INFO,
    summary_zh="同一机关同一年度有两份报告（已逐项比对）",
    summary_en="Two files hold the same organ's report for one year (compared cell by cell)",
    clause="—",
    message_zh="“{body}”{year} 年度的报告另有一份：{other}。跨年度核对使用那一份，两份之间的差异逐项列出",
    message_en="'{body}' has another report for {year}: {other}. The checks across years use that one; the differences "
    "between the two are listed one by one",
)
COPIED_ACROSS = Rule(
    code="DL804",
    name="copied-from-other-report",
    severity=WARNING,
    summary_zh="文字部分与另一机关同年度的报告大段相同",
    summary_en="A text part largely repeats another organ's report of the same year",
    clause="《条例》第五十条；第三方评估“内容雷同”",
    message_zh="“{part}”有 {share}% 的文字与“{other_body}”的报告相同（{other}），最长的相同段落：“{passage}”",
    message_en="{share}% of '{part}' is the same text as the report of '{other_body}' ({other}); the longest shared "
    "passage: '{passage}'",
)
SUM_DIFFERS = Rule(
    code="DL805",
    name="summary-not-sum",
    severity=WARNING,
    summary_zh="汇总报告的数字不等于所含各报告之和",
    summary_en="A summary report's figure is not the sum of the reports it covers",
    clause=f"{statute.DOCUMENT_2021} 表三、表四；审计配置中的汇总关系",
    message_zh="“{cell}”为 {actual}，但它汇总的 {count} 份报告之和为 {expected}（允许误差 {tolerance}）：{terms}",
    message_en="'{cell}' is {actual}, but the {count} reports it covers add up to {expected} (tolerance {tolerance}): {terms}",
)
CHILD_MISSING = Rule(
    code="DL806",
    name="summary-child-missing",
    severity=INFO,
    summary_zh="汇总报告所含的报告缺失，汇总核对未做",
    summary_en="A report the summary covers is missing, so the sums were not checked",
    clause="审计配置中的汇总关系",
    message_zh="“{body}”{year} 年度的报告汇总了 {organs} 个机关，其中 {missing} 没有 {year} 年度的报告：表三、表四的汇总核对未做",
    message_en="the {year} report of '{body}' covers {organs} organs, but {missing} have no report for {year}: the "
    "sums of tables 三 and 四 were not checked",
)
COPY_CELL = Rule(
    code="DL807",
    name="copies-differ-cell",
    severity=WARNING,
    summary_zh="同一报告的两份文本中，表格数字不同",
    summary_en="Two copies of one report print a different figure",
    clause="《条例》第五十条；同一报告应只有一个版本",
    message_zh="“{cell}”为 {actual}，另一份（{other}）为 {expected}",
    message_en="'{cell}' is {actual}, but the other copy ({other}) has {expected}",
)
COPY_TEXT = Rule(
    code="DL808",
    name="copies-differ-text",
    severity=WARNING,
    summary_zh="同一报告的两份文本中，文字不同",
    summary_en="Two copies of one report differ in their text",
    clause="《条例》第五十条；同一报告应只有一个版本",
    message_zh="“{part}”与另一份（{other}）不同：本份为“{actual}”，另一份为“{expected}”",
    message_en="'{part}' differs from the other copy ({other}): this one has '{actual}', the other '{expected}'",
)
LOCAL_DEADLINE = Rule(
    code="DL809",
    name="published-after-local-deadline",
    severity=WARNING,
    summary_zh="发布日期晚于本地规定的期限",
    summary_en="Published after the deadline the place sets",
    clause="审计配置中的本地期限（如省级通知要求部门 2 月底前发布）",
    message_zh="发布日期 {published} 晚于本地对“{kind}”规定的 {deadline}（{source}）",
    message_en="published on {published}, after the local deadline for '{kind}', {deadline} ({source})",
)

CHECKLIST = "第三方评估指标（年度报告）"
PERIOD_MISSING = Rule(
    code="DL811",
    name="statistical-period-missing",
    severity=INFO,
    summary_zh="报告没有写明数据的统计期限",
    summary_en="The report does not state the period its figures cover",
    clause=CHECKLIST,
    message_zh="报告没有写明数据的统计期限：评估时会查看是否写明“本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”",
    message_en="the report does not state the period its figures cover: evaluators look for "
    "'本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止'",
)
CONTACT_MISSING = Rule(
    code="DL813",
    name="contact-missing",
    severity=INFO,
    summary_zh="报告没有写明联系方式",
    summary_en="The report gives no contact details",
    clause=CHECKLIST,
    message_zh="报告没有写明对本报告有疑问时的联系方式（地址、电话或电子邮箱）：评估时会查看这一项",
    message_en="the report gives no contact for questions about it (address, telephone or e-mail): evaluators "
    "look for it",
)
DOWNLOAD_MISSING = Rule(
    code="DL814",
    name="download-place-missing",
    severity=INFO,
    summary_zh="报告没有写明电子版在哪里下载",
    summary_en="The report does not say where it can be downloaded",
    clause=CHECKLIST,
    message_zh="报告没有写明电子版可以在哪里下载或查阅（如“本报告电子版可在××政府门户网站下载”）：评估时会查看这一项",
    message_en="the report does not say where its electronic version can be downloaded or read (e.g. the "
    "government portal): evaluators look for it",
)

RULES = (
    UNIDENTIFIED,
    YEAR_GAP,
    DUPLICATE,
    COPIED_ACROSS,
    SUM_DIFFERS,
    CHILD_MISSING,
    COPY_CELL,
    COPY_TEXT,
    LOCAL_DEADLINE,
    PERIOD_MISSING,
    CONTACT_MISSING,
    DOWNLOAD_MISSING,
)


_WITH_OTHER: dict[int, Rule] = {}


def with_other_side(rule: Rule) -> Rule:
    """A rule of the linter (DL721–DL723) with the other report's file:line:col added to its
    message as `{other}`: the audit names both sides of every finding across reports."""
    if id(rule) not in _WITH_OTHER:
        _WITH_OTHER[id(rule)] = rule._replace(
            message_zh=rule.message_zh + "〔另一份：{other}〕",
            message_en=rule.message_en + " [other report: {other}]",
        )
    return _WITH_OTHER[id(rule)]
