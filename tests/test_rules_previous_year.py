"""rules/previous_year.py: this year's report against last year's (DL721–DL724, `--previous`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CITY_BUREAU, FIXTURES, edit, line_of, lint, triples
from test_cli import run
from test_rules_totals import cell_pos

from disclosure_lint import engine
from disclosure_lint.findings import ERROR, WARNING, Finding
from disclosure_lint.lint import check_report
from disclosure_lint.loader import load_text

PREVIOUS = FIXTURES / "previous" / "city-bureau-2022.yaml"
MODULES = engine.load_rule_modules(entry_points=False)
CARRIED_OUT_2022 = "[3, 1, 0, 0, 0, 0, 4]"
CARRIED_IN = "上年结转政府信息公开申请数量"
PREVIOUS_PART5 = (
    "  一是规划类信息发布偏重结果公布，过程公开不足；二是个别申请的答复引用依据不够具体。\n"
    "  2023年，我局将推动规划编制阶段的意见征集公开，并制作依申请公开答复文书参考样本，\n"
    "  组织业务科室集中学习答复规范。\n"
)
CITY_PART5 = (
    "  一是部分业务科室主动公开意识不强，信息报送不够及时；二是政策解读形式较为单一。\n"
    "  2024年，我局将建立信息报送提醒机制，并增加图解、视频等解读形式。\n"
)


@pytest.fixture
def previous_text() -> str:
    return PREVIOUS.read_text(encoding="utf-8")


def findings(text: str, previous: str) -> list[Finding]:
    """Every finding of `text` (as 2023.yaml) with `previous` (as 2022.yaml) as last year's report."""
    report = load_text(text, "2023.yaml").report
    assert report is not None
    report.previous = load_text(previous, "2022.yaml").report
    return sorted(check_report(report, MODULES), key=Finding.sort_key)


def codes(found: list[Finding]) -> list[tuple[str, int, int]]:
    return [(f.code, f.pos.line, f.pos.col) for f in found]


# ---------------------------------------------------------------- clean


def test_last_years_report_leads_to_this_years(city_text: str, previous_text: str) -> None:
    assert findings(city_text, previous_text) == []
    assert triples(lint(previous_text)) == []  # the fixture is itself a clean report


def test_without_last_years_report_nothing_is_compared(city_text: str) -> None:
    assert triples(lint(city_text)) == []


# ---------------------------------------------------------------- DL721


def test_carried_in_differs_per_applicant_column(city_text: str, previous_text: str) -> None:
    previous = edit(previous_text, CARRIED_OUT_2022, "[4, 0, 0, 0, 0, 0, 4]")
    found = findings(city_text, previous)
    assert codes(found) == [
        ("DL721", *cell_pos(city_text, CARRIED_IN, 0)),
        ("DL721", *cell_pos(city_text, CARRIED_IN, 1)),
    ]  # the 总计 agrees: the applications were only counted under another applicant
    assert found[0].severity == ERROR
    assert found[0].message() == (
        "“二、上年结转政府信息公开申请数量·自然人”为 3，但上年（2022 年度）报告的“四、结转下年度继续办理·自然人”"
        "为 4（2022.yaml 第 63 行）：本年的上年结转就是上年结转下年度继续办理的申请，两者应相等"
    )
    assert found[1].message("en") == (
        "'二、上年结转政府信息公开申请数量·商业企业' is 1, but last year's report (2022) has "
        "'四、结转下年度继续办理·商业企业' 0 (2022.yaml, line 63): the applications carried over into this "
        "year are the ones last year carried forward"
    )


def test_a_column_that_differs_is_not_repeated_in_the_total(city_text: str, previous_text: str) -> None:
    previous = edit(previous_text, CARRIED_OUT_2022, "[5, 1, 0, 0, 0, 0, 6]")
    assert codes(findings(city_text, previous)) == [("DL721", *cell_pos(city_text, CARRIED_IN, 0))]


def test_only_the_total_differs(city_text: str, previous_text: str) -> None:
    previous = edit(previous_text, CARRIED_OUT_2022, "[3, 1, 0, 0, 0, 0, 5]")
    found = findings(city_text, previous)
    assert codes(found) == [("DL721", *cell_pos(city_text, CARRIED_IN, 6))]
    assert (
        found[0].message().startswith("“二、上年结转政府信息公开申请数量·总计”为 4，但上年（2022 年度）报告")
    )


def test_unreadable_cells_are_not_compared(city_text: str, previous_text: str) -> None:
    previous = edit(previous_text, CARRIED_OUT_2022, "[/, 1, 0, 0, 0, 0, 4]")
    assert findings(city_text, previous) == []


# ---------------------------------------------------------------- DL722


def test_documents_in_force_against_last_years_count(city_text: str, previous_text: str) -> None:
    previous = edit(
        previous_text,
        "行政规范性文件: {本年制发件数: 2, 本年废止件数: 0, 现行有效件数: 10}",
        "行政规范性文件: {本年制发件数: 2, 本年废止件数: 0, 现行有效件数: 11}",
    )
    found = findings(city_text, previous)
    line = line_of(city_text, "  行政规范性文件:")
    assert codes(found) == [("DL722", line, city_text.splitlines()[line - 1].index("现行有效件数: ") + 9)]
    assert found[0].severity == WARNING
    assert found[0].message() == (
        "“行政规范性文件·现行有效件数”为 12，按上年（2022 年度）报告的现行有效件数 11（2022.yaml 第 26 行）"
        "+ 本年制发 3 − 本年废止 1，应为 13：请核对；如有修订、清理或自然失效，请在正文中说明"
    )


def test_regulations_in_force(city_text: str, previous_text: str) -> None:
    text = edit(
        city_text,
        "规章: {本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0}",
        "规章: {本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 0}",
    )
    found = findings(text, previous_text)
    assert [f.code for f in found] == ["DL722"]
    assert found[0].message().startswith("“规章·现行有效件数”为 0，按上年（2022 年度）报告的现行有效件数 0")


# ---------------------------------------------------------------- DL723


def test_part_five_copied_from_last_year(city_text: str, previous_text: str) -> None:
    copy = PREVIOUS_PART5.replace("2023年", "2024年")  # only the year brought up to date
    text = edit(city_text, CITY_PART5, copy)
    found = findings(text, previous_text)
    assert codes(found) == [("DL723", line_of(text, "存在的主要问题及改进情况:"), 1)]
    assert found[0].severity == WARNING
    assert found[0].message() == (
        "“存在的主要问题及改进情况”有 100% 的文字与上年（2022 年度）报告（2022.yaml）相同：照搬上年报告是评议中"
        "常被指出的问题，请按本年度的实际工作撰写"
    )
    assert (
        found[0]
        .message("en")
        .startswith("100% of '存在的主要问题及改进情况' is the same text as last year's")
    )


def test_a_partial_copy_gives_its_share(city_text: str, previous_text: str) -> None:
    half = PREVIOUS_PART5.splitlines(keepends=True)
    text = edit(
        city_text,
        CITY_PART5,
        half[0]
        + half[1].replace("2023年", "2024年")
        + "  同时加快政务新媒体内容更新，每月通报各科室信息报送情况，年底纳入考核。\n",
    )
    found = findings(text, previous_text)
    assert [(f.code, f.args["share"]) for f in found] == [("DL723", 70)]


def test_a_part_below_half_the_same_is_not_reported(city_text: str, previous_text: str) -> None:
    first = PREVIOUS_PART5.splitlines(keepends=True)[0]
    text = edit(
        city_text,
        CITY_PART5,
        first + "  2024年，我局将把政策解读纳入文件起草程序，同步制作图解和短视频，\n"
        "  并在门户网站开设解读专栏，方便群众查阅；对信息报送不及时的科室，\n"
        "  由办公室每月通报，年底与绩效考核挂钩。\n",
    )
    assert findings(text, previous_text) == []


def test_part_one_copied_with_this_years_figures_is_still_a_copy(city_text: str, previous_text: str) -> None:
    start, end = previous_text.index("总体情况:\n"), previous_text.index("主动公开政府信息情况:")
    copy = previous_text[start:end].replace("2022年", "2023年")
    for old, new in (("49件", "66件"), ("2件；", "4件；"), ("47件", "65件"), ("继续办理4件", "继续办理5件")):
        copy = edit(copy, old, new)
    city_start, city_end = city_text.index("总体情况:\n"), city_text.index("主动公开政府信息情况:")
    text = city_text[:city_start] + copy + city_text[city_end:]
    found = findings(text, previous_text)
    assert [(f.code, f.pos.line, f.pos.col, f.args["share"]) for f in found] == [
        ("DL723", line_of(text, "总体情况:"), 1, 100)
    ]


def test_short_parts_are_the_same_every_year_by_nature(city_text: str, previous_text: str) -> None:
    previous = edit(
        previous_text,
        "  本年度未发出信息处理费收费通知，未收取信息处理费。\n",
        "  本年度发出信息处理费收费通知0件，未收取信息处理费。\n  我局办理人大代表建议31件、政协提案24件，办理结果已全部公开。\n",
    )
    assert findings(city_text, previous) == []


# ---------------------------------------------------------------- DL724


def test_a_report_of_another_year(city_text: str, previous_text: str) -> None:
    previous = edit(previous_text, "年度: 2022", "年度: 2021")
    previous = edit(previous, CARRIED_OUT_2022, "[9, 9, 0, 0, 0, 0, 18]")
    found = findings(city_text, previous)
    assert codes(found) == [("DL724", line_of(city_text, "年度: 2023"), 5)]  # and nothing compared
    assert found[0].severity == WARNING
    assert found[0].message() == (
        "作为上年报告的 2022.yaml 是 2021 年度的报告，而本报告是 2023 年度，跨年度的核对已跳过：请改用 2022 年度的报告"
    )
    assert found[0].message("en") == (
        "2022.yaml, given as last year's report, is for 2021, but this report is for 2023, so the checks "
        "across years were skipped; give the report for 2022"
    )


def test_a_report_of_another_organ(city_text: str, previous_text: str) -> None:
    previous = edit(previous_text, "机关: 示例市自然资源和规划局", "机关: 示例市住房和城乡建设局")
    found = findings(city_text, previous)
    assert codes(found) == [("DL724", line_of(city_text, "机关:"), 5)]
    assert found[0].message() == (
        "作为上年报告的 2022.yaml 是“示例市住房和城乡建设局”的报告，而本报告是“示例市自然资源和规划局”的，"
        "跨年度的核对已跳过；机构更名的，请把上年报告的“机关”改为现名"
    )


def test_the_same_organ_written_with_spaces(city_text: str, previous_text: str) -> None:
    previous = edit(previous_text, "机关: 示例市自然资源和规划局", "机关: 示例市 自然资源和规划局")
    assert findings(city_text, previous) == []


# ---------------------------------------------------------------- the command line


def test_previous_on_the_command_line(tmp_path: Path, previous_text: str) -> None:
    last = tmp_path / "2022.yaml"
    last.write_text(edit(previous_text, CARRIED_OUT_2022, "[4, 0, 0, 0, 0, 0, 4]"), encoding="utf-8")
    done = run("--previous", last, CITY_BUREAU, cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    city_text = CITY_BUREAU.read_text(encoding="utf-8")
    line, col = cell_pos(city_text, CARRIED_IN, 0)
    assert done.stdout.splitlines()[0] == (
        f"{CITY_BUREAU}:{line}:{col}: DL721 “二、上年结转政府信息公开申请数量·自然人”为 3，但上年（2022 年度）报告的"
        f"“四、结转下年度继续办理·自然人”为 4（{last} 第 63 行）：本年的上年结转就是上年结转下年度继续办理的申请，两者应相等"
    )
    assert done.stdout.splitlines()[-1] == "发现 2 个问题（错误 2 个，警告 0 个），共检查 1 个文件。"
    assert done.stderr == ""


def test_matching_previous_on_the_command_line_is_clean() -> None:
    done = run("--previous", PREVIOUS, CITY_BUREAU)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "未发现问题，共检查 1 个文件。\n"
