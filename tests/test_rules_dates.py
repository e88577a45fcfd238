"""DL5xx: real dates, published after the year and by the 第四十九条 deadline, the format of the year."""

from __future__ import annotations

import pytest
from conftest import edit, line_of, lint, triples

from disclosure_lint import engine
from disclosure_lint.findings import ERROR, INFO, WARNING

DATE = "发布日期: 2024-01-22"
DATES = next(m for m in engine.load_rule_modules(entry_points=False) if m.name.endswith("dates.py"))


def published(text: str, date: str, kind: str = "部门") -> str:
    text = edit(text, DATE, f"发布日期: {date}")
    return edit(text, "报告类型: 部门", f"报告类型: {kind}") if kind != "部门" else text


def at_date(text: str) -> tuple[int, int]:
    return line_of(text, "发布日期:"), 7


# ---------------------------------------------------------------- DL501


@pytest.mark.parametrize(
    ("date", "reason", "reason_en"),
    [
        ("2024-13-45", "月份只能是 01 到 12，这里写的是 13", "the month must be 01 to 12, not 13"),
        ("2024-00-10", "月份只能是 01 到 12，这里写的是 00", "the month must be 01 to 12, not 00"),
        ("2023-02-29", "2023 年 2 月只有 28 天，这里写的是 29 日", "February 2023 has 28 days, not 29"),
        ("2024-01-32", "2024 年 1 月只有 31 天，这里写的是 32 日", "January 2024 has 31 days, not 32"),
    ],
)
def test_date_that_does_not_exist(seed_text: str, date: str, reason: str, reason_en: str) -> None:
    text = published(seed_text, date)
    result = lint(text)
    assert triples(result) == [("DL501", *at_date(text))]
    assert result.findings[0].message() == f"“发布日期”{date} 不是真实的日期：{reason}"
    assert result.findings[0].message("en") == f"'发布日期' {date} is not a real date: {reason_en}"


def test_leap_day_is_a_real_date(seed_text: str) -> None:
    assert triples(lint(published(seed_text, "2024-02-29", "本级政府"))) == []


def test_quoted_date_is_read_the_same(seed_text: str) -> None:
    assert triples(lint(published(seed_text, "'2024-01-22'"))) == []


def test_date_in_another_shape_is_left_to_the_schema(seed_text: str) -> None:
    text = published(seed_text, "2024年1月22日")
    assert triples(lint(text)) == [("DL105", *at_date(text))]


# ---------------------------------------------------------------- DL502


@pytest.mark.parametrize("date", ["2023-12-31", "2023-06-30"])
def test_published_before_the_year_ended(seed_text: str, date: str) -> None:
    text = published(seed_text, date)
    result = lint(text)
    assert triples(result) == [("DL502", *at_date(text))]
    assert result.findings[0].message() == (
        f"“发布日期”{date} 在 2023 年度结束之前：年度报告总结的是全年的工作，应在 2024 年 1 月 1 日以后公布，"
        "请检查“年度”和“发布日期”是否写错"
    )


def test_first_of_january_is_fine(seed_text: str) -> None:
    assert triples(lint(published(seed_text, "2024-01-01"))) == []


# ---------------------------------------------------------------- DL503


@pytest.mark.parametrize(
    ("kind", "date"), [("部门", "2024-01-31"), ("本级政府", "2024-03-30"), ("本级政府", "2024-03-31")]
)
def test_published_on_time(seed_text: str, kind: str, date: str) -> None:
    assert triples(lint(published(seed_text, date, kind))) == []


def test_department_report_after_31_january(seed_text: str) -> None:
    text = published(seed_text, "2024-02-01")
    result = lint(text)
    assert triples(result) == [("DL503", *at_date(text))]
    assert result.findings[0].severity == ERROR
    assert result.findings[0].message() == (
        "“发布日期”2024-02-01 晚于法定期限：县级以上人民政府部门的 2023 年度报告应在 2024 年 1 月 31 日前向社会公布"
        "（《条例》第四十九条）"
    )


def test_government_report_after_31_march(seed_text: str) -> None:
    text = published(seed_text, "2024-04-01", "本级政府")
    result = lint(text)
    assert triples(result) == [("DL503", *at_date(text))]
    assert "应在 2024 年 3 月 31 日前向社会公布（《条例》第四十九条）" in result.findings[0].message()
    assert "by 31 March 2024 (《条例》第四十九条)" in result.findings[0].message("en")


def test_deadline_is_skipped_when_the_kind_is_not_valid(seed_text: str) -> None:
    text = edit(published(seed_text, "2024-04-01"), "报告类型: 部门", "报告类型: 区政府")
    assert [code for code, _, _ in triples(lint(text))] == ["DL105"]


def test_date_checks_are_skipped_when_the_year_is_not_a_number(seed_text: str) -> None:
    text = edit(published(seed_text, "2023-06-30"), "年度: 2023", "年度: 二〇二三")
    assert triples(lint(text)) == [("DL103", line_of(text, "年度:"), 5)]


# ---------------------------------------------------------------- DL504 / DL505


def test_2019_format_declared_for_a_2023_report(seed_text: str) -> None:
    text = edit(seed_text, "格式版本: 2021", "格式版本: 2019")
    result = lint(text)
    assert triples(result) == [("DL504", line_of(text, "格式版本:"), 7)]
    assert result.findings[0].message() == (
        "“格式版本”是 2019，但 2023 年度的报告应使用 2021 年格式（国办公开办函〔2021〕30号，自 2021 年度报告起使用）："
        "请按 2021 年格式填写，并把“格式版本”改为 2021"
    )


def test_report_on_2020_predates_the_2021_format(seed_text: str) -> None:
    text = edit(seed_text, "年度: 2023", "年度: 2020")
    text = published(text, "2021-01-20")
    result = lint(text)
    assert triples(result) == [("DL505", line_of(text, "年度:"), 5)]
    assert result.findings[0].severity == INFO  # worth knowing: the tables are read as 2021's
    assert result.findings[0].message() == (
        "2020 年度的报告当时应使用 2019 年格式（国办公开办函〔2019〕60号），而本工具按 2021 年格式"
        "（国办公开办函〔2021〕30号）检查：两种格式的表格项目不同，检查结果仅供参考"
    )


def test_report_on_2021_uses_the_2021_format(seed_text: str) -> None:
    text = published(edit(seed_text, "年度: 2023", "年度: 2021"), "2022-01-25")
    assert triples(lint(text)) == []


def test_report_on_2020_declaring_the_2019_format_is_right(seed_text: str) -> None:
    # 格式版本: 2019 for 2019 or 2020 is the format in force then: nothing to say about it.
    text = edit(edit(seed_text, "年度: 2023", "年度: 2020"), "格式版本: 2021", "格式版本: 2019")
    assert [c for c, _, _ in triples(lint(published(text, "2021-01-20")))] == []


# ---------------------------------------------------------------- DL305: no date given


def test_unknown_date_is_info_and_names_the_deadline_of_the_kind(seed_text: str) -> None:
    # A district government's report as published, with no date in it (like e-district-2024).
    text = edit(edit(seed_text, DATE + "\n", ""), "报告类型: 部门", "报告类型: 本级政府")
    result = lint(text)
    assert triples(result) == [("DL305", line_of(text, "年度:"), 5)]
    assert result.findings[0].severity == INFO
    assert result.count(ERROR) == result.count(WARNING) == 0  # never fails a run
    assert "2024 年 3 月 31 日前公布" in result.findings[0].message()


def test_null_date_is_info_at_the_date(seed_text: str) -> None:
    text = edit(seed_text, DATE, "发布日期: ~")
    assert triples(lint(text)) == [("DL305", line_of(text, "发布日期:"), 7)]


@pytest.mark.parametrize("kind", ["乡镇", "管委会"])
def test_no_deadline_for_townships_and_zones(seed_text: str, kind: str) -> None:
    # 第四十九条 sets no date for a 街道办事处 or a zone's 管委会: late or unknown, nothing to say.
    assert triples(lint(published(seed_text, "2024-05-20", kind))) == []
    text = edit(edit(seed_text, DATE + "\n", ""), "报告类型: 部门", f"报告类型: {kind}")
    assert triples(lint(text)) == []


@pytest.mark.parametrize(
    ("kind", "late", "on_time"),
    [("部门", "2024-02-01", "2024-01-31"), ("本级政府", "2024-04-01", "2024-03-31")],
)
def test_deadline_follows_the_kind(seed_text: str, kind: str, late: str, on_time: str) -> None:
    text = published(seed_text, late, kind)
    assert triples(lint(text)) == [("DL503", *at_date(text))]
    assert triples(lint(published(seed_text, on_time, kind))) == []


def test_a_guessed_kind_never_makes_a_late_date_an_error(seed_text: str) -> None:
    # An importer that guessed 部门 from the agency's name: the deadline may not apply.
    from disclosure_lint.loader import load_text

    text = published(seed_text, "2024-03-20")
    report = load_text(text, "r.yaml").report
    assert report is not None
    report.guessed = frozenset({"报告类型"})
    found = [f for f in DATES.check(report)]
    assert [(f.code, f.pos.line, f.pos.col, f.severity) for f in found] == [("DL306", *at_date(text), INFO)]
    assert "推测" in found[0].message()
