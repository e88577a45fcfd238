"""DL4xx: blank cells, numbers typed as text, full-width digits, negative and fractional counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CITY_BUREAU, SEED_EXAMPLE, col_of, edit, line_of, lint, triples
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_lint.findings import ERROR, WARNING

SEED_ROW = "  本年新收政府信息公开申请数量:         [0, 0, 0, 0, 0, 0, 0]"
CITY_ROW = "  本年新收政府信息公开申请数量:         [52, 8, 1, 0, 3, 2, 66]"
NATURAL_PERSONS = "一、本年新收政府信息公开申请数量·自然人"


def first_cell(text: str, row: str, cell: str) -> tuple[str, int, int]:
    """Put `cell` in the first cell of `row`; return the new text and the cell's line and column."""
    head, rest = row.split("[", 1)
    new = edit(text, row, f"{head}[{cell}, {rest.split(', ', 1)[1]}")
    return new, line_of(new, head.strip()), len(head) + 2


@pytest.mark.parametrize("path", [SEED_EXAMPLE, CITY_BUREAU], ids=["seed", "city"])
def test_well_formed_reports_have_no_findings(path) -> None:
    assert triples(lint(path.read_text(encoding="utf-8"))) == []


# ---------------------------------------------------------------- DL401


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("/", "写的是“/”"),
        ("'／'", "写的是“／”"),
        ("~", "写的是“~”"),
        ("null", "写的是“null”"),
        ("—", "写的是“—”"),
        ("——", "写的是“——”"),
        ('"-"', "写的是“-”"),
        ("–", "写的是“–”"),
        ("无", "写的是“无”"),
        ("N/A", "写的是“N/A”"),
        ("n/a", "写的是“n/a”"),
        ("NA", "写的是“NA”"),
        ("空", "写的是“空”"),
        ("暂无", "写的是“暂无”"),
        ("''", "写的是空的引号"),
        ("'   '", "只有空格"),
    ],
)
def test_blank_or_placeholder_cell_says_write_zero(seed_text: str, cell: str, shown: str) -> None:
    text, line, col = first_cell(seed_text, SEED_ROW, cell)
    result = lint(text)
    assert triples(result) == [("DL401", line, col)]
    assert result.findings[0].message() == f"“{NATURAL_PERSONS}”为空（{shown}）：没有就填 0"
    assert result.findings[0].severity == ERROR


def test_slash_message_in_english(seed_text: str) -> None:
    text, _, _ = first_cell(seed_text, SEED_ROW, "/")
    assert lint(text).findings[0].message("en") == (
        f"'{NATURAL_PERSONS}' is blank ('/'): write 0 if there were none"
    )


def test_empty_value_in_a_mapping_points_at_its_key(city_text: str) -> None:
    text = edit(city_text, "  行政许可: {本年处理决定数量: 1520}", "  行政许可:\n    本年处理决定数量:")
    result = lint(text)
    assert triples(result) == [("DL401", line_of(text, "    本年处理决定数量:"), 5)]
    assert result.findings[0].message() == "“行政许可·本年处理决定数量”为空（什么也没填）：没有就填 0"


def test_each_blank_cell_of_a_row_is_its_own_finding(city_text: str) -> None:
    text = edit(city_text, "行政复议:         [2, 1, 0, 1, 4]", "行政复议:         [2, /, —, 1, 4]")
    line = line_of(text, "行政复议:")
    assert triples(lint(text)) == [
        ("DL401", line, col_of(text, "/", "行政复议:")),
        ("DL401", line, col_of(text, "—", "行政复议:")),
    ]
    assert lint(text).findings[1].message() == "“行政复议·其他结果”为空（写的是“—”）：没有就填 0"


def test_blank_fee_cell(seed_text: str) -> None:
    text = edit(seed_text, "{本年收费金额: 0}", "{本年收费金额: /}")
    result = lint(text)
    assert triples(result) == [("DL401", line_of(text, "本年收费金额"), col_of(text, "/", "本年收费金额"))]
    assert result.findings[0].message() == "“行政事业性收费·本年收费金额”为空（写的是“/”）：没有就填 0"


# ---------------------------------------------------------------- DL402 / DL403


@pytest.mark.parametrize(
    ("cell", "why", "why_en"),
    [
        ("'52'", "不要加引号", "leave out the quotes"),
        ('"52件"', "不要加引号；不要写单位“件”", "leave out the quotes; leave out the unit '件'"),
        ("52件", "不要写单位“件”", "leave out the unit '件'"),
        ("' 52 '", "不要加引号；去掉多余的空格", "leave out the quotes; remove the spaces"),
        ("五十二", "请用阿拉伯数字", "use Arabic digits"),
    ],
)
def test_number_written_as_text_says_what_to_write(city_text: str, cell: str, why: str, why_en: str) -> None:
    text, line, col = first_cell(city_text, CITY_ROW, cell)
    result = lint(text)
    assert triples(result) == [("DL402", line, col)]
    written = json.loads(cell.replace("'", '"')) if cell[0] in "'\"" else cell
    assert result.findings[0].message() == (
        f"“{NATURAL_PERSONS}”填的是文字“{written}”，不是数字：{why}，写成 52"
    )
    assert result.findings[0].message("en") == (
        f"'{NATURAL_PERSONS}' holds the text '{written}', not a number: {why_en}; write 52"
    )


@pytest.mark.parametrize(
    ("cell", "expected"), [("十二", "12"), ("一", "1"), ("一百零五", "105"), ("'0'", "0")]
)
def test_chinese_numerals_and_quoted_zero_are_converted(seed_text: str, cell: str, expected: str) -> None:
    text, line, col = first_cell(seed_text, SEED_ROW, cell)
    result = lint(text)
    assert triples(result) == [("DL402", line, col)]
    assert result.findings[0].message().endswith(f"写成 {expected}")


def test_thousands_separator_in_part_two(city_text: str) -> None:
    text = edit(city_text, "{本年处理决定数量: 1520}", '{本年处理决定数量: "1,520"}')
    result = lint(text)
    assert triples(result) == [("DL402", line_of(text, "行政许可"), col_of(text, '"1,520"'))]
    assert result.findings[0].message() == (
        "“行政许可·本年处理决定数量”填的是文字“1,520”，不是数字：不要加引号；不要用千位分隔符（逗号），写成 1520"
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("'12.35万元'", "12.35"), ("'1235元'", "0.1235"), ("'1.2亿元'", "12000"), ("12.35万", "12.35")],
)
def test_fee_written_with_a_unit_is_converted_to_wan(city_text: str, cell: str, expected: str) -> None:
    text = edit(city_text, "{本年收费金额: 12.35}", f"{{本年收费金额: {cell}}}")
    result = lint(text)
    assert triples(result) == [("DL402", line_of(text, "本年收费金额"), col_of(text, cell))]
    assert result.findings[0].message().endswith(f"写成 {expected}")


def test_yuan_in_the_fee_cell_explains_the_conversion(city_text: str) -> None:
    text = edit(city_text, "{本年收费金额: 12.35}", "{本年收费金额: '1235元'}")
    assert lint(text).findings[0].message() == (
        "“行政事业性收费·本年收费金额”填的是文字“1235元”，不是数字："
        "不要加引号；金额单位是万元，元要换算成万元，写成 0.1235"
    )


@pytest.mark.parametrize("cell", ["５２", "'５２'", "５２件"])
def test_full_width_digits(city_text: str, cell: str) -> None:
    text, line, col = first_cell(city_text, CITY_ROW, cell)
    result = lint(text)
    assert triples(result) == [("DL403", line, col)]
    written = cell.strip("'")
    assert result.findings[0].message() == f"“{NATURAL_PERSONS}”的“{written}”用了全角数字：请用半角数字 52"
    assert result.findings[0].message("en").endswith("use ordinary digits, 52")


def test_full_width_fee_keeps_its_decimals(city_text: str) -> None:
    text = edit(city_text, "{本年收费金额: 12.35}", "{本年收费金额: １２．３５}")
    result = lint(text)
    assert triples(result) == [("DL403", line_of(text, "本年收费金额"), col_of(text, "１２．３５"))]
    assert result.findings[0].message().endswith("请用半角数字 12.35")


# ---------------------------------------------------------------- DL404 / DL405 / DL406


def test_negative_count_replaces_the_schema_minimum(city_text: str) -> None:
    text = edit(city_text, "行政复议:         [2, 1, 0, 1, 4]", "行政复议:         [2, -1, 0, 1, 4]")
    result = lint(text)
    assert triples(result) == [("DL404", line_of(text, "行政复议:"), col_of(text, "-1"))]
    assert result.findings[0].message() == "“行政复议·结果纠正”填的是 -1：件数不能为负数，没有就填 0"
    assert result.findings[0].message("en") == (
        "'行政复议·结果纠正' is -1: a count cannot be negative; write 0 if there were none"
    )


@pytest.mark.parametrize("cell", ["-1", "'-1'", "-1.5"])
def test_negative_fee(city_text: str, cell: str) -> None:
    text = edit(city_text, "{本年收费金额: 12.35}", f"{{本年收费金额: {cell}}}")
    result = lint(text)
    assert triples(result) == [("DL404", line_of(text, "本年收费金额"), col_of(text, cell))]
    assert "金额不能为负数" in result.findings[0].message()


def test_fraction_in_a_count_cell(city_text: str) -> None:
    text = edit(city_text, "{本年处理决定数量: 87}", "{本年处理决定数量: 87.5}")
    result = lint(text)
    assert triples(result) == [("DL405", line_of(text, "行政处罚"), col_of(text, "87.5"))]
    assert result.findings[0].message() == "“行政处罚·本年处理决定数量”填的是 87.5：件数应为整数"


def test_quoted_fraction_is_a_fraction_not_text(seed_text: str) -> None:
    text, line, col = first_cell(seed_text, SEED_ROW, "'2.5'")
    assert triples(lint(text)) == [("DL405", line, col)]


def test_integral_float_is_a_warning(city_text: str) -> None:
    text = edit(city_text, "{本年处理决定数量: 87}", "{本年处理决定数量: 87.0}")
    result = lint(text)
    assert triples(result) == [("DL406", line_of(text, "行政处罚"), col_of(text, "87.0"))]
    assert result.findings[0].severity == WARNING
    assert result.findings[0].message() == "“行政处罚·本年处理决定数量”填的是 87.0：件数是整数，写成 87"


def test_decimal_fee_is_fine(city_text: str) -> None:
    assert triples(lint(edit(city_text, "{本年收费金额: 12.35}", "{本年收费金额: 12.0}"))) == []


# ---------------------------------------------------------------- left to the schema


@pytest.mark.parametrize("cell", ["[1]", "{a: 1}", "很多"])
def test_junk_the_rule_cannot_read_keeps_the_schema_type_error(seed_text: str, cell: str) -> None:
    text, line, col = first_cell(seed_text, SEED_ROW, cell)
    assert triples(lint(text)) == [("DL103", line, col)]


def test_row_that_is_not_a_list_is_the_schemas(seed_text: str) -> None:
    text = edit(seed_text, SEED_ROW, "  本年新收政府信息公开申请数量:         /")
    assert [code for code, _, _ in triples(lint(text))] == ["DL103"]


_CELL_TEXT = st.one_of(
    st.sampled_from(
        ["/", "无", "12件", "1,234", "１２", "十二", "-3", "2.5", "12.0", "", " ", "０", "一万零一"]
    ),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp")),
        max_size=12,
    ),
)


@settings(max_examples=80, deadline=None)
@given(_CELL_TEXT)
def test_any_text_in_a_count_cell_gives_exactly_one_finding_there(cell: str) -> None:
    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    text, line, col = first_cell(seed, SEED_ROW, json.dumps(cell, ensure_ascii=False))
    result = lint(text)
    assert triples(result) in (
        [(code, line, col)]
        for code in ("DL401", "DL402", "DL403", "DL404", "DL405", "DL407", "DL408", "DL103")
    )
    assert result.findings[0].path[-1] == 0


# ---------------------------------------------------------------- the 2019 format's 采购总金额

ZONE_2019 = Path(__file__).parent / "fixtures" / "formats" / "zone-2019.yaml"


@pytest.mark.parametrize(
    ("written", "why", "expected"),
    [
        ("251000元", "不要写单位“元”", "251000"),  # the format names no unit: 元 is no conversion
        ("75394432.52元", "不要写单位“元”", "75394432.52"),
        ("3.5万元", "不要写单位“万元”", "3.5"),  # a 万元 figure is read as written, as before
    ],
)
def test_the_2019_procurement_total_written_with_its_unit(written: str, why: str, expected: str) -> None:
    text = edit(ZONE_2019.read_text(encoding="utf-8"), "采购总金额: 75394432.52}", f"采购总金额: {written}}}")
    result = lint(text)
    line = line_of(text, "政府集中采购")
    assert triples(result) == [("DL402", line, col_of(text, written))]
    message = result.findings[0].message()
    assert message.startswith(f"“政府集中采购·采购总金额”填的是文字“{written}”，不是数字：{why}")
    assert message.endswith(f"写成 {expected}")
