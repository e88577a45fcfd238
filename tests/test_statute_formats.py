"""The statute model: both formats checked alike, relations as data, one number parser."""

from __future__ import annotations

import pytest
from conftest import FIXTURES, col_of, edit, line_of, lint, triples

from disclosure_lint import statute
from disclosure_lint.statute import numbers, relations

ZONE_2019 = FIXTURES / "formats" / "zone-2019.yaml"
TABLE_CODES = ("DL1", "DL2", "DL4")


@pytest.fixture
def zone_text() -> str:
    return ZONE_2019.read_text(encoding="utf-8")


def _table_findings(text: str) -> list[tuple[str, int, int]]:
    return [t for t in triples(lint(text)) if t[0].startswith(TABLE_CODES) or t[0] == "DL505"]


def _table_messages(text: str) -> list[str]:
    return [f.message() for f in lint(text).findings if f.code.startswith(TABLE_CODES)]


def test_a_2019_report_on_the_2019_format_has_no_table_or_format_finding(zone_text: str) -> None:
    from ruamel.yaml import YAML

    result = lint(zone_text)
    assert statute.format_of(YAML(typ="safe").load(zone_text)) is statute.FORMAT_2019
    assert _table_findings(zone_text) == []
    assert not any(f.severity.label == "error" for f in result.findings)


def test_one_wrong_result_cell_in_a_2019_report_is_one_finding_at_that_cell(zone_text: str) -> None:
    text = edit(
        zone_text,
        "重复申请:                       [3, 0, 0, 0, 0, 0, 3]",
        "重复申请:                       [4, 0, 0, 0, 0, 0, 3]",
    )
    line = line_of(text, "重复申请:")
    assert _table_findings(text) == [("DL205", line, col_of(text, "[4,", "重复申请:") + 1)]
    assert _table_messages(text)[0] == (
        "（五）不予处理·2.重复申请·自然人 很可能应为 3：按行合计和按列合计都差 1，改这一格即可两处平衡（实为 4）"
    )


def test_a_2020_report_with_a_wrong_results_total_gets_the_table_error(zone_text: str) -> None:
    text = edit(zone_text, "年度: 2019", "年度: 2020")
    text = edit(text, "发布日期: 2020-01-20", "发布日期: 2021-01-20")
    text = edit(
        text,
        "    总计:                             [23, 0, 0, 0, 0, 0, 23]",
        "    总计:                             [23, 0, 0, 0, 0, 0, 24]",
    )
    line = line_of(text, "    总计:")
    found = _table_findings(text)
    assert found == [("DL205", line, col_of(text, "24]", "    总计:"))]
    assert "（七）总计·总计 很可能应为 23" in _table_messages(text)[0]


def test_the_single_other_handling_row_counts_in_the_2019_sums(zone_text: str) -> None:
    text = edit(
        zone_text,
        "    其他处理:                         [0, 0, 0, 0, 0, 0, 0]",
        "    其他处理:                         [1, 0, 0, 0, 0, 0, 1]",
    )
    line = line_of(text, "    总计:")
    first, last = col_of(text, "[23,", "    总计:") + 1, col_of(text, "23]", "    总计:")
    assert _table_findings(text) == [("DL202", line, first), ("DL202", line, last)]
    assert _table_messages(text)[0] == "（七）总计·自然人 应为 24（19项办理结果之和），实为 23"


def test_a_negative_change_is_legal_in_the_2019_table(zone_text: str) -> None:
    text = edit(
        zone_text,
        "行政许可: {上一年项目数量: 396, 本年增/减: 0,",
        "行政许可: {上一年项目数量: 396, 本年增/减: -12,",
    )
    assert _table_findings(text) == []


def test_a_negative_count_is_still_an_error_in_the_2019_table(zone_text: str) -> None:
    text = edit(zone_text, "处理决定数量: 181}", "处理决定数量: -181}")
    assert [code for code, _, _ in _table_findings(text)] == ["DL404"]


def test_a_2022_report_on_the_2019_format_is_one_finding_and_its_sums_still_run(zone_text: str) -> None:
    text = edit(zone_text, "年度: 2019", "年度: 2022")
    text = edit(text, "发布日期: 2020-01-20", "发布日期: 2023-01-20")
    text = edit(
        text,
        "重复申请:                       [3, 0, 0, 0, 0, 0, 3]",
        "重复申请:                       [4, 0, 0, 0, 0, 0, 3]",
    )
    codes = [code for code, _, _ in _table_findings(text)]
    assert codes.count("DL106") == 1
    assert "DL205" in codes
    assert "DL101" not in codes and "DL102" not in codes


def test_removing_a_relation_from_the_model_removes_its_findings(
    zone_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = edit(
        zone_text,
        "    总计:                             [23, 0, 0, 0, 0, 0, 23]",
        "    总计:                             [23, 0, 0, 0, 0, 0, 25]",
    )
    assert [code for code, _, _ in _table_findings(text)] == ["DL205"]  # row, column and balance
    kinds = dict(relations.KINDS)
    for kind in (relations.ROW_TOTAL, relations.RESULTS_TOTAL, relations.BALANCE):
        monkeypatch.delitem(relations.KINDS, kind)
    assert _table_findings(text) == []
    monkeypatch.setattr(relations, "KINDS", {relations.ROW_TOTAL: kinds[relations.ROW_TOTAL]})
    assert [code for code, _, _ in _table_findings(text)] == ["DL203"]


def test_a_total_that_would_have_to_be_negative_is_not_suggested(zone_text: str) -> None:
    text = edit(
        zone_text,
        "  本年新收政府信息公开申请数量:         [23, 0, 0, 0, 0, 0, 23]",
        "  本年新收政府信息公开申请数量:         [23, 0, 0, 0, 0, 0, 23]",
    )
    text = edit(
        text,
        "    予以公开:                         [7, 0, 0, 0, 0, 0, 7]",
        "    予以公开:                         [7, 0, 0, 0, 0, 5, 12]",
    )
    text = edit(
        text,
        "    总计:                             [23, 0, 0, 0, 0, 0, 23]",
        "    总计:                             [23, 0, 0, 0, 0, 5, 28]",
    )
    found = lint(text).findings
    messages = [f.message() for f in found if f.code.startswith("DL2")]
    assert not any("应为 -" in message for message in messages), messages
    assert [f.code for f in found if f.code.startswith("DL2")] == ["DL207", "DL207"]
    assert "要为负数才能平衡" in messages[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("百", 100),
        ("一百零五", 105),
        ("十二", 12),
        ("二〇二三", 2023),
        ("１２", 12),
        ("12", 12),
        ("两千", 2000),
        ("三万五千", 35000),
    ],
)
def test_one_number_parser_reads_every_notation(text: str, value: int) -> None:
    assert numbers.whole_number(text) == value


@pytest.mark.parametrize("text", ["", "十二件", "abc", "1.5", "-3"])
def test_the_number_parser_refuses_what_is_not_a_whole_number(text: str) -> None:
    assert numbers.whole_number(text) is None


def test_each_format_has_its_result_rows() -> None:
    assert len(statute.FORMAT_2021.result_rows) == 21
    assert len(statute.FORMAT_2019.result_rows) == 19
    assert len(statute.FORMAT_2021.squeezed().result_rows) == 19
    assert statute.format_for_year(2020) is statute.FORMAT_2019
    assert statute.format_for_year(2021) is statute.FORMAT_2021


@pytest.mark.parametrize(("year", "version"), [(2020, 2019), (2024, 2021)])
def test_init_writes_the_format_of_the_year(year: int, version: int) -> None:
    from disclosure_lint.template import render

    text = render("某县人民政府", year, statute.KIND_GOVERNMENT)
    assert f"格式版本: {version}" in text
    codes = {code for code, _, _ in triples(lint(text))}
    assert codes == {"DL304", "DL105"}  # only the placeholders a clerk must fill in


def test_ignoring_the_totals_rules_does_not_change_what_the_prose_rules_say() -> None:
    from disclosure_lint.config import Options

    text = (FIXTURES / "narrative" / "county-hrss-2023.yaml").read_text(encoding="utf-8")
    # the table no longer adds up: the prose is then not compared with it, whichever rules run
    first_row = next(line for line in text.splitlines() if line.lstrip().startswith("予以公开:"))
    cells = first_row[first_row.index("[") :]
    numbers_in_row = [int(n) for n in cells.strip("[]").split(",")]
    numbers_in_row[0] += 1
    changed = first_row.replace(cells, "[" + ", ".join(str(n) for n in numbers_in_row) + "]")
    broken = text.replace(first_row, changed, 1)
    for report in (text, broken):
        everything = [t for t in triples(lint(report)) if t[0].startswith("DL7")]
        without_totals = [
            t for t in triples(lint(report, Options(ignore=("DL2",)))) if t[0].startswith("DL7")
        ]
        assert everything == without_totals
    assert any(t[0].startswith("DL2") for t in triples(lint(broken)))
