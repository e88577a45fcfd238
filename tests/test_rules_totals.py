"""rules/totals.py: tables 三 and 四 add up, and one wrong cell is reported once, at that cell."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from conftest import CITY_BUREAU, edit, lint, triples
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_lint import statute
from disclosure_lint.lint import FileResult

Table = dict[str, list[int]]  # row key as written in the YAML → its cells


# ---------------------------------------------------------------- helpers


def row_line(text: str, key: str) -> int:
    """1-based line of the table row written as `key: [...]`."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if line.strip().startswith(f"{key}:")]
    assert len(hits) == 1, f"{key!r} on lines {hits}"
    return hits[0]


def cell_pos(text: str, key: str, column: int) -> tuple[int, int]:
    """(line, column) of cell `column` of the row `key`, a flow list of plain numbers."""
    line = row_line(text, key)
    written = text.splitlines()[line - 1]
    start = written.index("[") + 1
    for _ in range(column):
        start = written.index(",", start) + 1
        while written[start] == " ":
            start += 1
    return line, start + 1


def set_row(text: str, key: str, cells: Sequence[int | str]) -> str:
    lines = text.splitlines(keepends=True)
    index = row_line(text, key) - 1
    lines[index] = re.sub(r"\[.*\]", "[" + ", ".join(map(str, cells)) + "]", lines[index])
    return "".join(lines)


def cells_of(text: str, key: str) -> list[str]:
    written = text.splitlines()[row_line(text, key) - 1]
    return written[written.index("[") + 1 : written.index("]")].split(", ")


def set_cell(text: str, key: str, column: int, value: int | str) -> str:
    cells = cells_of(text, key)
    cells[column] = str(value)
    return set_row(text, key, cells)


def table3(text: str) -> Table:
    """Table 三 of a report as written, by row key (the fixtures' keys are unique)."""
    return {key(row): [int(cell) for cell in cells_of(text, key(row))] for row in statute.PART3_ROWS}


def dl2(result: FileResult) -> list[tuple[str, int, int]]:
    return [t for t in triples(result) if t[0].startswith("DL2")]


def key(row: statute.Part3Row) -> str:
    return str(row.path[-1])


DISCLOSED = "予以公开"
PARTLY = "部分公开"
NEW = statute.NEW
CARRIED_OUT = statute.CARRIED_OUT
RESULTS_TOTAL = statute.TOTAL
REVIEW = statute.REVIEW


# ---------------------------------------------------------------- clean reports


def test_both_examples_are_clean(city_text: str, seed_text: str) -> None:
    assert triples(lint(city_text)) == []
    assert triples(lint(seed_text)) == []


# ---------------------------------------------------------------- each relation broken


def test_carry_over_balance(city_text: str) -> None:
    # 四 written one too high in 自然人 and, consistently, in 总计: the row adds up, two columns do not.
    text = edit(city_text, "[4, 1, 0, 0, 0, 0, 5]", "[5, 1, 0, 0, 0, 0, 6]")
    result = lint(text)
    assert triples(result) == [
        ("DL201", *cell_pos(text, CARRIED_OUT, 0)),
        ("DL201", *cell_pos(text, CARRIED_OUT, 6)),
    ]
    assert result.findings[0].message() == (
        "四、结转下年度继续办理·自然人 应为 4（本年新收 52 + 上年结转 3 − 办结总计 51），实为 5"
    )
    assert result.findings[0].message("en") == (
        "'四、结转下年度继续办理·自然人' should be 4 (new 52 + carried over 3 − completed 51), found 5"
    )
    assert result.findings[1].message() == (
        "四、结转下年度继续办理·总计 应为 5（本年新收 66 + 上年结转 4 − 办结总计 65），实为 6"
    )


def test_results_total(city_text: str) -> None:
    # One 予以公开 application moved from 商业企业 to 自然人: the row adds up, two columns do not.
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[21, 2, 1, 0, 1, 1, 26]")
    result = lint(text)
    assert triples(result) == [
        ("DL202", *cell_pos(text, RESULTS_TOTAL, 0)),
        ("DL202", *cell_pos(text, RESULTS_TOTAL, 1)),
    ]
    assert result.findings[0].message() == "（七）总计·自然人 应为 52（21项办理结果之和），实为 51"
    assert result.findings[1].message("en") == (
        "'（七）总计·商业企业' should be 7 (the sum of the 21 result rows), found 8"
    )


def test_row_total(city_text: str) -> None:
    # One 自然人 application moved from 部分公开 to 予以公开: the column adds up, two rows do not.
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[21, 3, 1, 0, 1, 1, 26]")
    text = edit(text, "[6, 1, 0, 0, 0, 0, 7]", "[5, 1, 0, 0, 0, 0, 7]")
    result = lint(text)
    assert triples(result) == [
        ("DL203", *cell_pos(text, DISCLOSED, 6)),
        ("DL203", *cell_pos(text, PARTLY, 6)),
    ]
    assert result.findings[0].message() == "（一）予以公开·总计 应为 27（六类申请人之和），实为 26"
    assert result.findings[1].message("en") == (
        "'（二）部分公开·总计' should be 6 (the sum of the six applicant columns), found 7"
    )


def test_appeals_total(city_text: str) -> None:
    text = edit(city_text, "[2, 1, 0, 1, 4]", "[2, 1, 0, 1, 5]")
    result = lint(text)
    assert triples(result) == [("DL204", *cell_pos(text, REVIEW, 4))]
    assert result.findings[0].message() == (
        "行政复议·总计 应为 4（结果维持 2 + 结果纠正 1 + 其他结果 0 + 尚未审结 1），实为 5"
    )
    assert result.findings[0].message("en") == (
        "'行政复议·总计' should be 4 (结果维持 2 + 结果纠正 1 + 其他结果 0 + 尚未审结 1), found 5"
    )


# ---------------------------------------------------------------- one wrong cell


def test_one_wrong_result_cell_is_reported_once_at_that_cell(city_text: str) -> None:
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[21, 3, 1, 0, 1, 1, 26]")
    result = lint(text)
    assert triples(result) == [("DL205", *cell_pos(text, DISCLOSED, 0))]
    assert result.findings[0].message() == (
        "（一）予以公开·自然人 很可能应为 20：按行合计和按列合计都差 1，改这一格即可两处平衡（实为 21）"
    )
    assert result.findings[0].message("en") == (
        "'（一）予以公开·自然人' is probably 20: the row sum and the column sum are each off by 1, "
        "and changing this one cell balances both (found 21)"
    )


def test_a_total_cell_wrong_alone(city_text: str) -> None:
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[20, 3, 1, 0, 1, 1, 25]")
    result = lint(text)
    assert triples(result) == [("DL205", *cell_pos(text, DISCLOSED, 6))]
    assert result.findings[0].message() == (
        "（一）予以公开·总计 很可能应为 26：按行合计和按列合计都差 1，改这一格即可两处平衡（实为 25）"
    )


@pytest.mark.parametrize(
    ("row", "column", "value", "message"),
    [
        (
            NEW, 0, 53,
            "一、本年新收政府信息公开申请数量·自然人 很可能应为 52："
            "按行合计和收结平衡（一+二=（七）+四）都差 1，改这一格即可两处平衡（实为 53）",
        ),
        (
            statute.CARRIED_IN, 6, 14,
            "二、上年结转政府信息公开申请数量·总计 很可能应为 4："
            "按行合计和收结平衡（一+二=（七）+四）都差 10，改这一格即可两处平衡（实为 14）",
        ),
        (
            CARRIED_OUT, 1, 0,
            "四、结转下年度继续办理·商业企业 很可能应为 1："
            "按行合计和收结平衡（一+二=（七）+四）都差 1，改这一格即可两处平衡（实为 0）",
        ),
        (
            RESULTS_TOTAL, 0, 50,
            "（七）总计·自然人 很可能应为 51："
            "按行合计、按列合计和收结平衡（一+二=（七）+四）都差 1，改这一格即可三处平衡（实为 50）",
        ),
        (
            RESULTS_TOTAL, 6, 56,
            "（七）总计·总计 很可能应为 65："
            "按行合计、按列合计和收结平衡（一+二=（七）+四）都差 9，改这一格即可三处平衡（实为 56）",
        ),
        (
            "属于国家秘密", 4, 2,
            "（三）不予公开·1.属于国家秘密·法律服务机构 很可能应为 0："
            "按行合计和按列合计都差 2，改这一格即可两处平衡（实为 2）",
        ),
        (
            "其他", 6, 3,
            "（六）其他处理·3.其他·总计 很可能应为 0：按行合计和按列合计都差 3，改这一格即可两处平衡（实为 3）",
        ),
    ],
)  # fmt: skip
def test_one_wrong_cell_anywhere_in_table_three(
    city_text: str, row: str, column: int, value: int, message: str
) -> None:
    text = set_cell(city_text, row, column, value)
    result = lint(text)
    assert triples(result) == [("DL205", *cell_pos(text, row, column))]
    assert result.findings[0].message() == message


def test_two_independent_slips_are_each_found(city_text: str) -> None:
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[21, 3, 1, 0, 1, 1, 26]")
    text = edit(text, "[8, 2, 0, 0, 1, 1, 12]", "[8, 4, 0, 0, 1, 1, 12]")
    result = lint(text)
    assert triples(result) == [
        ("DL205", *cell_pos(text, DISCLOSED, 0)),
        ("DL205", *cell_pos(text, "本机关不掌握相关政府信息", 1)),
    ]


def test_equal_slips_in_two_rows_and_columns_are_not_guessed_at(city_text: str) -> None:
    # 予以公开·自然人 and 部分公开·商业企业 both one too high: 部分公开·自然人 with
    # 予以公开·商业企业 would explain the same four sums, so no cell is named.
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[21, 3, 1, 0, 1, 1, 26]")
    text = edit(text, "[6, 1, 0, 0, 0, 0, 7]", "[6, 2, 0, 0, 0, 0, 7]")
    assert triples(lint(text)) == [
        ("DL203", *cell_pos(text, DISCLOSED, 6)),
        ("DL203", *cell_pos(text, PARTLY, 6)),
        ("DL202", *cell_pos(text, RESULTS_TOTAL, 0)),
        ("DL202", *cell_pos(text, RESULTS_TOTAL, 1)),
    ]


def test_two_slips_in_one_row_are_reported_by_their_sums(city_text: str) -> None:
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[21, 4, 1, 0, 1, 1, 26]")
    result = lint(text)
    assert triples(result) == [
        ("DL203", *cell_pos(text, DISCLOSED, 6)),
        ("DL202", *cell_pos(text, RESULTS_TOTAL, 0)),
        ("DL202", *cell_pos(text, RESULTS_TOTAL, 1)),
    ]
    assert result.findings[0].message() == "（一）予以公开·总计 应为 28（六类申请人之和），实为 26"


# ---------------------------------------------------------------- storms


def test_only_the_totals_column_filled_is_one_finding(city_text: str) -> None:
    text = city_text
    for row in statute.PART3_ROWS:
        total = table3(city_text)[key(row)][6]
        text = set_row(text, key(row), [0, 0, 0, 0, 0, 0, total])
    result = lint(text)
    assert triples(result) == [("DL206", *cell_pos(text, NEW, 6))]
    assert result.findings[0].message() == (
        "表三只填了“总计”列，六类申请人各列全为 0，有20行的总计不等于六类申请人之和："
        "请按自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他分列填写"
    )
    assert (
        result.findings[0]
        .message("en")
        .startswith(
            "table 三 has only its 总计 column filled, every applicant column being 0, so 20 rows do not add up"
        )
    )


def test_totals_only_still_checks_the_totals_column(city_text: str) -> None:
    text = city_text
    for row in statute.PART3_ROWS:
        total = table3(city_text)[key(row)][6]
        text = set_row(text, key(row), [0, 0, 0, 0, 0, 0, total])
    text = set_cell(text, CARRIED_OUT, 6, 7)
    result = lint(text)
    assert triples(result) == [
        ("DL206", *cell_pos(text, NEW, 6)),
        ("DL201", *cell_pos(text, CARRIED_OUT, 6)),
    ]
    assert result.findings[0].message().startswith("表三只填了“总计”列，六类申请人各列全为 0，有20行")
    assert result.findings[1].message() == (
        "四、结转下年度继续办理·总计 应为 5（本年新收 66 + 上年结转 4 − 办结总计 65），实为 7"
    )


def test_totals_column_left_at_zero_is_one_finding(city_text: str) -> None:
    text = city_text
    for row in statute.PART3_ROWS:
        text = set_cell(text, key(row), 6, 0)
    result = lint(text)
    assert triples(result) == [("DL206", *cell_pos(text, NEW, 6))]
    assert result.findings[0].message() == (
        "表三“总计”列全为 0，六类申请人各列却已填写，有20行的总计不等于六类申请人之和："
        "请填写每行的总计，即六类申请人之和"
    )


# ---------------------------------------------------------------- cells that are not counts


@pytest.mark.parametrize(
    ("row", "column"),
    [(DISCLOSED, 1), (DISCLOSED, 6), (RESULTS_TOTAL, 0), (NEW, 6), (CARRIED_OUT, 3), ("其他", 2)],
)
def test_a_cell_that_is_not_a_count_gives_no_arithmetic_finding(
    city_text: str, row: str, column: int
) -> None:
    result = lint(set_cell(city_text, row, column, "/"))
    assert result.findings, "the cell rule or the schema reports the '/'"
    assert dl2(result) == []


def test_a_string_cell_in_the_seed_example(seed_text: str) -> None:
    text = set_cell(seed_text, DISCLOSED, 0, "无")
    assert dl2(lint(text)) == []


def test_a_row_of_the_wrong_length_is_left_to_the_schema(city_text: str) -> None:
    # A cell left out shifts the others: adding them up would only repeat the schema's finding.
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[20, 1, 0, 1, 1, 26]")
    result = lint(text)
    assert [f.code for f in result.findings] == ["DL104"]


def test_the_relations_left_when_a_cell_is_unreadable_are_still_checked(city_text: str) -> None:
    # 予以公开·商业企业 is "/", so its row and the 商业企业 column are not added up;
    # the 自然人 column still is, and 予以公开·自然人 is off by one.
    text = edit(city_text, "[20, 3, 1, 0, 1, 1, 26]", "[21, /, 1, 0, 1, 1, 26]")
    result = lint(text)
    assert dl2(result) == [("DL202", *cell_pos(text, RESULTS_TOTAL, 0))]
    assert [f.message() for f in result.findings if f.code == "DL202"] == [
        "（七）总计·自然人 应为 52（21项办理结果之和），实为 51"
    ]


# ---------------------------------------------------------------- property: balanced tables


small = st.integers(min_value=0, max_value=30)


@st.composite
def balanced_tables(draw: st.DrawFn) -> tuple[Table, Table]:
    """Random tables 三 and 四 in which every relation holds."""
    columns: list[dict[str, int]] = []
    for _ in statute.APPLICANT_COLUMNS:
        column = {key(row): draw(small) for row in statute.RESULT_ROWS}
        completed = sum(column.values())
        carried_out = draw(small)
        carried_in = draw(st.integers(min_value=0, max_value=completed + carried_out))
        column |= {
            RESULTS_TOTAL: completed,
            CARRIED_OUT: carried_out,
            statute.CARRIED_IN: carried_in,
            NEW: completed + carried_out - carried_in,
        }
        columns.append(column)
    three = {key(row): [c[key(row)] for c in columns] for row in statute.PART3_ROWS}
    three = {k: [*cells, sum(cells)] for k, cells in three.items()}
    four = {}
    for block in statute.PART4_BLOCKS:
        cells = [draw(small) for _ in range(4)]
        four[block] = [*cells, sum(cells)]
    return three, four


def report_with(city_text: str, three: Table, four: Table) -> str:
    text = city_text
    for row_key, cells in (three | four).items():
        text = set_row(text, row_key, cells)
    return text


CITY_TEXT = CITY_BUREAU.read_text(encoding="utf-8")  # hypothesis cannot use function-scoped fixtures


@settings(max_examples=50, deadline=None)
@given(
    tables=balanced_tables(),
    row=st.sampled_from(statute.RESULT_ROWS),
    column=st.integers(min_value=0, max_value=len(statute.APPLICANT_COLUMNS) - 1),
    k=st.integers(min_value=1, max_value=50),
)
def test_balanced_tables_are_clean_and_one_slip_is_one_finding(
    tables: tuple[Table, Table], row: statute.Part3Row, column: int, k: int
) -> None:
    three, four = tables
    text = report_with(CITY_TEXT, three, four)
    assert dl2(lint(text)) == []

    three[key(row)][column] += k
    text = report_with(CITY_TEXT, three, four)
    result = lint(text)
    assert dl2(result) == [("DL205", *cell_pos(text, key(row), column))]
    assert [f.path for f in result.findings if f.code == "DL205"] == [(*row.path, column)]


@settings(max_examples=50, deadline=None)
@given(
    tables=balanced_tables(),
    row=st.sampled_from(statute.PART3_ROWS),
    column=st.integers(min_value=0, max_value=len(statute.PART3_COLUMNS) - 1),
    k=st.integers(min_value=1, max_value=50),
    down=st.booleans(),
)
def test_any_one_wrong_cell_of_table_three_is_found_at_that_cell(
    tables: tuple[Table, Table], row: statute.Part3Row, column: int, k: int, down: bool
) -> None:
    # Every cell of 表三 — totals, 一/二/四 and （七） included — takes part in two or three relations.
    three, four = tables
    cell = three[key(row)]
    cell[column] = max(cell[column] - k, 0) if down and cell[column] else cell[column] + k
    text = report_with(CITY_TEXT, three, four)
    assert dl2(lint(text)) == [("DL205", *cell_pos(text, key(row), column))]
