"""DL5xx: the report is published on time, for the year it covers, in the format of that year.

《条例》第四十九条: 县级以上人民政府部门 publish their report on the previous year
by 1月31日; the 政府信息公开工作主管部门 publishes the 本级政府 report by 3月31日.
The article sets no date for 乡镇人民政府/街道办事处 (乡镇) or a zone's 管委会, so their
reports get no deadline finding. The deadline follows the kind of body: when an importer only
guessed the kind (`report.guessed`), a late date is worth knowing (DL306), never an error.
Many published reports state no date at all: that is DL305, info, and no deadline is checked.
A report cannot be published before the year it sums up has ended. Reports on
2021 and later years use the format of 国办公开办函〔2021〕30号; the 2019 and 2020
reports used the trial format of 国办公开办函〔2019〕60号, whose tables differ, so
this tool's table checks do not apply to them.

The schema checks only the shape of 发布日期 (2024-01-20) and the allowed values
of 年度, 报告类型 and 格式版本; a rule here is skipped when an input it needs is
missing or malformed, since the schema already reports that.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator

from disclosure_lint.api import ERROR, INFO, Finding, Report, Rule, statute, uses_2019_template

ARTICLE = "《条例》第四十九条"
FORMAT_2021 = statute.DOCUMENT_2021
FORMAT_2019 = statute.DOCUMENT_2019
FIRST_2021_YEAR = 2021
YEARS = range(2008, 2101)  # the schema's bounds for 年度

NOT_A_DATE = Rule(
    code="DL501",
    name="invalid-date",
    severity=ERROR,
    summary_zh="发布日期不是真实存在的日期",
    summary_en="The publication date does not exist",
    clause=ARTICLE,
    message_zh="“发布日期”{date} 不是真实的日期：{reason}",
    message_en="'发布日期' {date} is not a real date: {reason_en}",
)
TOO_EARLY = Rule(
    code="DL502",
    name="published-before-year-end",
    severity=ERROR,
    summary_zh="在报告年度结束之前就已发布",
    summary_en="Published before the year it reports on had ended",
    clause=ARTICLE,
    message_zh="“发布日期”{date} 在 {year} 年度结束之前：年度报告总结的是全年的工作，应在 {next_year} 年 1 月 1 日以后公布，"
    "请检查“年度”和“发布日期”是否写错",
    message_en="'发布日期' {date} is before the end of {year}: an annual report covers the whole year and is published "
    "from 1 January {next_year}; check '年度' and '发布日期'",
)
TOO_LATE = Rule(
    code="DL503",
    name="published-late",
    severity=ERROR,
    summary_zh="晚于法定期限发布",
    summary_en="Published after the legal deadline",
    clause=ARTICLE,
    message_zh="“发布日期”{date} 晚于法定期限：{who}的 {year} 年度报告应在 {deadline}前向社会公布（《条例》第四十九条）",
    message_en="'发布日期' {date} is after the legal deadline: {who_en} must publish the report for {year} "
    "by {deadline_en} (《条例》第四十九条)",
)
OLD_FORMAT_USED = Rule(
    code="DL504",
    name="old-format-for-year",
    severity=ERROR,
    summary_zh="2021 年及以后的年度报告用了 2019 年格式",
    summary_en="A report on 2021 or later uses the 2019 format",
    clause=FORMAT_2021,
    message_zh=f"“格式版本”是 2019，但 {{year}} 年度的报告应使用 2021 年格式（{FORMAT_2021}，自 2021 年度报告起使用）："
    "请按 2021 年格式填写，并把“格式版本”改为 2021",
    message_en=f"'格式版本' is 2019, but a report on {{year}} must use the 2021 format ({FORMAT_2021}, used from the "
    "2021 reports on): fill it in on the 2021 format and set '格式版本' to 2021",
)
OLD_YEAR = Rule(
    code="DL505",
    name="year-before-2021-format",
    severity=INFO,
    summary_zh="2021 年以前的年度报告不适用 2021 年格式",
    summary_en="A report on a year before 2021 predates the 2021 format",
    clause=FORMAT_2021,
    message_zh="{year} 年度的报告当时应使用 {old_format}，而本工具按 2021 年格式（国办公开办函〔2021〕30号）检查："
    "两种格式的表格项目不同，检查结果仅供参考",
    message_en="a report on {year} was written on {old_format_en}, but this tool checks the 2021 format (国办公开办函〔2021〕30号): "
    "the tables differ, so treat the results as indicative only",
)

DATE_UNKNOWN = Rule(
    code="DL305",
    name="publication-date-unknown",
    severity=INFO,
    summary_zh="没有写明发布日期，未检查公布期限",
    summary_en="No publication date is given, so the deadline was not checked",
    clause=ARTICLE,
    message_zh="没有写明“发布日期”，未检查是否在法定期限内公布：{who}的报告应在 {deadline}前公布（《条例》第四十九条）",
    message_en="no '发布日期' is given, so whether the report was published on time was not checked: {who_en} "
    "publishes by {deadline_en} (《条例》第四十九条)",
)
LATE_IF_KIND = Rule(
    code="DL306",
    name="published-late-if-kind",
    severity=INFO,
    summary_zh="按推测的报告类型，晚于法定期限发布",
    summary_en="Published after the deadline of the kind of body the tool guessed",
    clause=ARTICLE,
    message_zh="“发布日期”{date} 晚于{who}的法定期限 {deadline}；“报告类型”{kind} 是推测的，不是报告写明的，"
    "请核对机关类型后再判断是否逾期",
    message_en="'发布日期' {date} is after {who_en}'s deadline of {deadline_en}, but '报告类型' {kind} was guessed, "
    "not read from the report: check the kind of body before calling it late",
)

RULES = (NOT_A_DATE, TOO_EARLY, TOO_LATE, OLD_FORMAT_USED, OLD_YEAR, DATE_UNKNOWN, LATE_IF_KIND)

# 第四十九条: (month, day) of the following year by which each kind of report is published.
DEADLINES = statute.deadlines.DEADLINES  # 部门 1月31日, 本级政府 3月31日; none for 乡镇, 管委会
WHO = {
    statute.KIND_DEPARTMENT: (
        "县级以上人民政府部门",
        "a department of a government at county level or above",
    ),
    statute.KIND_GOVERNMENT: (
        "县级以上地方人民政府（由政府信息公开工作主管部门公布）",
        "the 政府信息公开工作主管部门, for its government's own report,",
    ),
}


def check(report: Report) -> Iterable[Finding]:
    year = _year(report)
    yield from _format_version(report, year)
    published = report.get((statute.PUBLISHED,))
    kind = report.get((statute.KIND,))
    if published is None or (isinstance(published, str) and not published.strip()):
        yield from _unknown_date(report, kind)
        return
    if not isinstance(published, str):
        return
    date, invalid = _date(report, published)
    if invalid is not None:
        yield invalid
    if date is None or year is None:
        return
    pos = report.pos((statute.PUBLISHED,))
    if date <= datetime.date(year, 12, 31):
        yield TOO_EARLY.at(pos, (statute.PUBLISHED,), date=published, year=year, next_year=year + 1)
        return
    if not isinstance(kind, str) or kind not in DEADLINES:
        return  # 乡镇 and 管委会: the article sets no date; an unknown kind is the schema's
    month, day = DEADLINES[kind]
    deadline = datetime.date(year + 1, month, day)
    if date > deadline:
        who, who_en = WHO[kind]
        rule = LATE_IF_KIND if statute.KIND in report.guessed else TOO_LATE
        yield rule.at(
            pos,
            (statute.PUBLISHED,),
            date=published,
            year=year,
            who=who,
            who_en=who_en,
            kind=kind,
            **_deadline_words(deadline),
        )


def _deadline_words(deadline: datetime.date) -> dict[str, str]:
    import calendar  # for a finding only

    return {
        "deadline": f"{deadline.year} 年 {deadline.month} 月 {deadline.day} 日",
        "deadline_en": f"{deadline.day} {calendar.month_name[deadline.month]} {deadline.year}",
    }


def _unknown_date(report: Report, kind: object) -> Iterator[Finding]:
    """DL305 where the deadline would apply: the kind is known and the article sets it a date."""
    year = _year(report)
    if year is None or not isinstance(kind, str) or kind not in DEADLINES:
        return
    if statute.PUBLISHED in report.unstated:
        return  # an imported document that states no date: the importer's DL021 says so, with --date
    month, day = DEADLINES[kind]
    who, who_en = WHO[kind]
    path = (statute.PUBLISHED,) if report.has((statute.PUBLISHED,)) else (statute.YEAR,)
    yield DATE_UNKNOWN.at(
        report.pos(path), path, who=who, who_en=who_en, **_deadline_words(datetime.date(year + 1, month, day))
    )


def _year(report: Report) -> int | None:
    year = report.get((statute.YEAR,))
    if isinstance(year, bool) or not isinstance(year, int) or year not in YEARS:
        return None
    return year


def _date(report: Report, written: str) -> tuple[datetime.date | None, Finding | None]:
    """The date written as 2024-01-20, or a DL501 finding if it has that shape but does not exist."""
    parts = written.split("-")
    if (
        len(parts) != 3
        or [len(p) for p in parts] != [4, 2, 2]
        or not all(p.isascii() and p.isdigit() for p in parts)
    ):
        return None, None  # not the 2024-01-20 shape: the schema's pattern finding
    y, m, d = (int(p) for p in parts)
    try:
        return datetime.date(y, m, d), None
    except ValueError:
        pass
    if y < 1:
        reason, reason_en = "年份不能是 0000", "the year cannot be 0000"
    elif not 1 <= m <= 12:
        reason, reason_en = (
            f"月份只能是 01 到 12，这里写的是 {parts[1]}",
            f"the month must be 01 to 12, not {parts[1]}",
        )
    else:
        import calendar  # for a finding only

        days = calendar.monthrange(y, m)[1]
        reason = f"{y} 年 {m} 月只有 {days} 天，这里写的是 {parts[2]} 日"
        reason_en = f"{calendar.month_name[m]} {y} has {days} days, not {parts[2]}"
    pos = report.pos((statute.PUBLISHED,))
    return None, NOT_A_DATE.at(pos, (statute.PUBLISHED,), date=written, reason=reason, reason_en=reason_en)


def _format_version(report: Report, year: int | None) -> Iterator[Finding]:
    if year is None:
        return
    version = report.get((statute.VERSION,))
    if year >= FIRST_2021_YEAR:
        # A report on the old tables gets DL106, which already names the 2021 format.
        if version == 2019 and not isinstance(version, bool) and not uses_2019_template(report):
            yield OLD_FORMAT_USED.at(report.pos((statute.VERSION,)), (statute.VERSION,), year=year)
        return
    if year >= 2019 and (uses_2019_template(report) or version == 2019):
        return  # the 2019 format is the right one for 2019 and 2020, and every rule checks it
    if year >= 2019:
        old, old_en = f"2019 年格式（{FORMAT_2019}）", f"the 2019 trial format ({FORMAT_2019})"
    else:
        old, old_en = "2019 年以前的格式", "the format in force before 2019"
    yield OLD_YEAR.at(
        report.pos((statute.YEAR,)), (statute.YEAR,), year=year, old_format=old, old_format_en=old_en
    )
