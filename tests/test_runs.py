"""Run-together digits: the real runs of the shared reports, ambiguity, inconsistency and hostile runs."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from disclosure_lint import statute as s
from disclosure_lint.findings import INFO, WARNING, Pos
from disclosure_lint.importer import runs as runs_module
from disclosure_lint.importer import runs_split
from disclosure_lint.importer.runs import Status
from disclosure_lint.importer.runs_split import Run, count_splits
from disclosure_lint.importer.runs_tables import equations, findings, read_table2, solve_table3, solve_table4

REAL = Path(__file__).resolve().parents[1].parent / "shared" / "real"

# The table-三 rows of three crawled reports, exactly as their digits stand in the text.
A_ZONE_2021 = [
    "640020470", "0000000", "270020130", "500000 5", "0000000", "0000000", "0000000", "0000000",
    "1000001", "0000000", "6000006", "1000001", "220000325", "0000000", "0000000", "0000000",
    "0000000", "0000000", "0000000", "0000000", "0000000", "0000000", "1000001", "630020469", "1000001",
]  # fmt: skip
B_ZONE_2019 = [
    "230 000023", "0000000", "7000007", "1000001", *["0000000"] * 8, "7000007", "0000000", "5000005",
    "0000000", "3000003", "0000000", "0000000", "0000000", "0 0 0 0 0 00", "23 0 00 0 023", " 0 0 00 00 0 ",
]  # fmt: skip
D_BUREAU_2022 = [
    "1000001", "1000001", "0000000", "1000001", *["0000000"] * 16, "1000001", "0000000", "0000000",
    "2000002", "0000000",
]  # fmt: skip
TABLE4 = {
    "a-zone-2021": "10203120001200000",
    "b-zone-2019": "000000000000000",
    "d-bureau-2022": "000000000000000",
}
ROWS_2021 = [row.path for row in s.PART3_ROWS]
OTHER_2019 = (s.PART3, s.RESULTS, s.OTHER_HANDLING)
ROWS_2019 = [p for p in ROWS_2021 if p[:3] != OTHER_2019]
ROWS_2019.insert(ROWS_2019.index(s.ROW_RESULTS_TOTAL.path), OTHER_2019)
BLOCKS = tuple(s.PART4_BLOCKS)
DOCS, DOCS_2019 = s.FORMAT_2021.part2_rows[1].columns, s.FORMAT_2019.part2_rows[1].columns
DECISION, FEE = (s.DECISIONS,), (s.FEE_AMOUNT,)
CHANGES, FEES_2019, PROCUREMENT = (
    r.columns for r in s.FORMAT_2019.part2_rows if r.label in ("行政许可", "行政事业性收费", "政府集中采购")
)


def table3(texts: list[str], paths: list[tuple] = ROWS_2021) -> dict[tuple, Run]:
    assert len(texts) == len(paths)
    return {path: Run(text, 7) for path, text in zip(paths, texts, strict=True)}


def truth(name: str) -> dict:
    path = REAL / f"{name}.truth.json"
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared real reports live beside the worktree in shared/real")
    return json.loads(path.read_text(encoding="utf-8"))


def truth_rows(data: dict) -> list[list[int]]:
    return list(data["table3"]["rows"].values())


# ---------------------------------------------------------------- the real runs


def test_a_zone_table3_is_recovered_whole() -> None:
    solution = solve_table3(table3(A_ZONE_2021))
    readings = solution.readings
    assert readings[s.ROW_NEW.path].cells == ("64", "0", "0", "2", "0", "4", "70")
    assert readings[s.ROW_NEW.path].status is Status.RECOVERED
    assert readings[(s.PART3, s.RESULTS, s.DISCLOSED)].cells == ("27", "0", "0", "2", "0", "1", "30")
    unable = (s.PART3, s.RESULTS, s.UNABLE, "本机关不掌握相关政府信息")
    assert readings[unable].cells == ("22", "0", "0", "0", "0", "3", "25")
    assert readings[s.ROW_RESULTS_TOTAL.path].cells == ("63", "0", "0", "2", "0", "4", "69")
    assert solution.recovered == [
        s.ROW_NEW.path,
        (s.PART3, s.RESULTS, s.DISCLOSED),
        unable,
        s.ROW_RESULTS_TOTAL.path,
    ]
    partly = readings[(s.PART3, s.RESULTS, s.PARTLY)]  # "500000 5": the space decides
    assert (partly.status, partly.cells, partly.offsets) == (
        Status.FORCED,
        ("5", "0", "0", "0", "0", "0", "5"),
        (0, 1, 2, 3, 4, 5, 7),
    )
    assert solution.broken == ()


@pytest.mark.parametrize(
    ("name", "texts", "paths"),
    [
        ("a-zone-2021", A_ZONE_2021, ROWS_2021),
        ("b-zone-2019", B_ZONE_2019, ROWS_2019),
        ("d-bureau-2022", D_BUREAU_2022, ROWS_2021),
    ],
)
def test_real_tables_match_their_truth(name: str, texts: list[str], paths: list[tuple]) -> None:
    data = truth(name)
    source = (REAL / f"{name}.txt").read_text(encoding="utf-8")
    for text in {t.strip() for t in texts if len(t.strip()) > 7}:
        assert text in source, f"{text!r} is not in {name}.txt"
    solution = solve_table3(table3(texts, paths))
    assert [list(solution.readings[p].numbers) for p in paths] == truth_rows(data)
    assert solution.broken == ()
    four = solve_table4({BLOCKS: Run(TABLE4[name], 15)}).readings[BLOCKS]
    assert four.read
    assert [list(four.numbers[i : i + 5]) for i in (0, 5, 10)] == list(data["table4"].values())


def test_b_zone_spaced_rows() -> None:
    solution = solve_table3(table3(B_ZONE_2019, ROWS_2019))
    new = solution.readings[s.ROW_NEW.path]
    assert (new.status, new.cells) == (Status.RECOVERED, ("23", "0", "0", "0", "0", "0", "23"))
    assert new.offsets == (0, 2, 4, 5, 6, 7, 8)
    other = solution.readings[OTHER_2019]  # "0 0 0 0 0 00": only the last piece splits, and only one way
    assert (other.status, other.offsets) == (Status.FORCED, (0, 2, 4, 6, 8, 10, 11))
    total = solution.readings[s.ROW_RESULTS_TOTAL.path]  # "23 0 00 0 023"
    assert (total.status, total.cells) == (Status.FORCED, ("23", "0", "0", "0", "0", "0", "23"))
    assert solution.recovered == [s.ROW_NEW.path]


def test_table4_run_of_fifteen_cells() -> None:
    reading = solve_table4({BLOCKS: Run("10203120001200000", 15)}).readings[BLOCKS]
    assert reading.status is Status.RECOVERED
    assert reading.cells == ("1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0")
    assert reading.offsets[5:10] == (5, 7, 8, 9, 10)


def test_equations_come_from_the_statute_relations() -> None:
    three = equations(s.FORMAT_2021.squeezed(), 3)
    assert len(three) == 7 + 7 + 23  # balance and results-total per column, row-total per row
    column_sums = [eq for eq in three if len(eq) == 20]  # （七）总计 and 19 result rows
    assert len(column_sums) == 7
    assert all(((*OTHER_2019, c), -1) in eq for c, eq in enumerate(column_sums))
    assert len(equations(s.FORMAT_2021, 3)) == 7 + 7 + 25
    four = equations(s.FORMAT_2021, 4)
    assert [len(eq) for eq in four] == [5, 5, 5]
    assert (((s.PART4, s.REVIEW, 4), 1)) in four[0]


@pytest.mark.parametrize(
    ("text", "columns", "status", "cells", "count"),
    [
        ("000", DOCS, Status.FORCED, ("0", "0", "0"), 1),  # a-zone 规章
        ("417", DOCS, Status.FORCED, ("4", "1", "7"), 1),  # d-bureau 行政规范性文件
        ("2293", DECISION, Status.FORCED, ("2293",), 1),
        ("24252.311082", FEE, Status.FORCED, ("24252.311082",), 1),  # a-zone 收费 (万元)
        ("693665", DOCS, Status.AMBIGUOUS, (), 10),  # a-zone 行政规范性文件: 69|3|665 in the page
        ("898989", DOCS_2019, Status.AMBIGUOUS, (), 10),  # b-zone 规范性文件
        ("3960181", CHANGES, Status.AMBIGUOUS, (), 11),  # b-zone 行政许可 (2019: 本年增/减)
        ("350", FEES_2019, Status.AMBIGUOUS, (), 2),  # b-zone 行政事业性收费
        ("13575394432.52", PROCUREMENT, Status.AMBIGUOUS, (), 10),  # b-zone 政府集中采购: count | yuan
        # figures of other published reports (a sub-district's 4|0|4, a town's 4|0|32), run together
        ("404", DOCS, Status.FORCED, ("4", "0", "4"), 1),
        ("4032", DOCS, Status.AMBIGUOUS, (), 2),
    ],
)
def test_table2_runs(text: str, columns: tuple[str, ...], status: Status, cells: tuple, count: int) -> None:
    reading = read_table2(Run(text, len(columns)), columns)
    assert (reading.status, reading.cells, reading.count) == (status, cells, count)


def test_table2_ambiguity_lists_the_truth_among_candidates() -> None:
    reading = read_table2(Run("350", 2), FEES_2019)
    assert set(reading.candidates) == {("35", "0"), ("3", "50")}
    amount = read_table2(Run("13575394432.52", 2), PROCUREMENT)
    assert all("." in cells[1] and "." not in cells[0] for cells in amount.candidates)
    assert ("135", "75394432.52") in {cells for cells in _all_candidates(Run("13575394432.52", 2))}


def test_a_town_s_documents_row_lists_both_readings() -> None:
    reading = read_table2(Run("4032", 3), DOCS)
    assert set(reading.candidates) == {("4", "0", "32"), ("40", "3", "2")}


def _all_candidates(run: Run) -> list[tuple[str, ...]]:
    grammar = runs_split.Grammar(max_digits=runs_split.MAX_AMOUNT_DIGITS, decimals=True)
    return [cells for cells, _ in runs_split.split_run(run, [], grammar)]


# ---------------------------------------------------------------- ambiguity and inconsistency


SECRET = (s.PART3, s.RESULTS, s.WITHHELD, "属于国家秘密")
LAW = (s.PART3, s.RESULTS, s.WITHHELD, "其他法律行政法规禁止公开")


def swappable() -> dict[tuple, Run]:
    """d-bureau's table with two rows "110000011", each 1|10|0|0|0|0|11 or 11|0|0|0|0|0|11: they can swap."""
    texts = list(D_BUREAU_2022)
    texts[ROWS_2021.index(SECRET)] = texts[ROWS_2021.index(LAW)] = "110000011"
    texts[0], texts[-2] = "1310000023", "1410000024"  # 本年新收 13|10|…|23 and （七）总计 14|10|…|24
    return table3(texts)


def test_two_valid_splits_give_the_ambiguity_with_both_candidates() -> None:
    solution = solve_table3(swappable())
    for row in (SECRET, LAW):
        reading = solution.readings[row]
        assert reading.status is Status.AMBIGUOUS
        assert set(reading.candidates) == {
            ("1", "10", "0", "0", "0", "0", "11"),
            ("11", "0", "0", "0", "0", "0", "11"),
        }
        assert reading.count == 2
    assert solution.readings[s.ROW_RESULTS_TOTAL.path].cells == ("14", "10", "0", "0", "0", "0", "24")
    assert solution.readings[s.ROW_NEW.path].cells == ("13", "10", "0", "0", "0", "0", "23")
    assert solution.broken == ()  # nothing is claimed broken while rows are unread


def test_ambiguity_finding_names_the_row_and_candidates() -> None:
    row = (s.PART3, s.RESULTS, s.WITHHELD, "属于国家秘密")
    run = Run("110000011", 7, Pos(41, 17))
    solution = solve_table3({row: run})
    (finding,) = findings(solution, {row: run}, {row: "（三）不予公开·1.属于国家秘密"})
    assert (finding.code, finding.severity, finding.pos, finding.path) == ("DL026", WARNING, Pos(41, 17), row)
    assert "1|10|0|0|0|0|11" in finding.message() and "11|0|0|0|0|0|11" in finding.message()
    assert "cannot be read unambiguously" in finding.message("en")


def test_recovered_row_gives_an_info_at_its_position() -> None:
    run = Run("640020470", 7, Pos(12, 1033))
    solution = solve_table3({**table3(A_ZONE_2021), s.ROW_NEW.path: run})
    runs = {key: Run(r.text, 7) for key, r in table3(A_ZONE_2021).items()} | {s.ROW_NEW.path: run}
    found = findings(solution, runs, {s.ROW_NEW.path: "一、本年新收政府信息公开申请数量"})
    first = found[0]
    assert (first.code, first.severity, first.pos) == ("DL025", INFO, Pos(12, 1033))
    assert "64|0|0|2|0|4|70" in first.message()
    assert "只有一种分法" in first.message() and "不平衡" not in first.message()
    assert [f.code for f in found] == ["DL025"] * 4  # forced rows say nothing


def test_unique_best_that_breaks_relations_is_returned_with_them() -> None:
    texts = list(A_ZONE_2021)
    texts[-2] = "630020470"  # the publisher typed 70 for （七）总计·总计 (it is 69)
    solution = solve_table3(table3(texts))
    total = solution.readings[s.ROW_RESULTS_TOTAL.path]
    assert (total.status, total.cells) == (Status.RECOVERED, ("63", "0", "0", "2", "0", "4", "70"))
    broken = {frozenset(eq) for eq in solution.broken}
    total_path = s.ROW_RESULTS_TOTAL.path
    row_total = frozenset({*(((*total_path, c), -1) for c in range(6)), ((*total_path, 6), 1)})
    assert row_total in broken
    # its row, and in the 总计 column the sum of results and 一 + 二 = （七）+ 四
    assert len(broken) == 3
    assert all(((*total_path, 6), 1) in eq or ((*total_path, 6), -1) in eq for eq in broken)
    runs = table3(texts)
    recovered = [f for f in findings(solution, runs, {}) if f.path == total_path]
    assert [f.code for f in recovered] == ["DL025"]
    assert "仍不平衡" in recovered[0].message() and "does not balance" in recovered[0].message("en")


def test_known_cells_take_part() -> None:
    rows: dict = {path: [0] * 7 for path in ROWS_2021}
    rows[s.ROW_NEW.path] = [64, 0, 0, 2, 0, 4, 70]
    rows[s.ROW_RESULTS_TOTAL.path] = Run("630020469", 7)
    rows[s.ROW_CARRIED_OUT.path] = [1, 0, 0, 0, 0, 0, 1]
    rows[(s.PART3, s.RESULTS, s.DISCLOSED)] = [63, 0, 0, 2, 0, 4, 69]
    reading = solve_table3(rows).readings[s.ROW_RESULTS_TOTAL.path]
    assert reading.cells == ("63", "0", "0", "2", "0", "4", "69")


def test_unreadable_known_cell_drops_its_relations() -> None:
    rows: dict = {path: [0] * 7 for path in ROWS_2021}
    rows[s.ROW_NEW.path] = [None] * 7
    rows[s.ROW_CARRIED_IN.path] = [None] * 7
    rows[(s.PART3, s.RESULTS, s.DISCLOSED)] = Run("110000011", 7)
    rows[s.ROW_RESULTS_TOTAL.path] = Run("110000011", 7)
    solution = solve_table3(rows)
    # the column sums tie the two runs together, but nothing says which reading both take
    assert solution.readings[s.ROW_RESULTS_TOTAL.path].status is Status.AMBIGUOUS


# ---------------------------------------------------------------- hostile and impossible runs


def test_too_few_digits_is_impossible() -> None:
    run = Run("00000", 7, Pos(3, 4))
    solution = solve_table3({s.ROW_CARRIED_IN.path: run})
    assert solution.readings[s.ROW_CARRIED_IN.path].status is Status.IMPOSSIBLE
    (finding,) = findings(solution, {s.ROW_CARRIED_IN.path: run}, {s.ROW_CARRIED_IN.path: "二、上年结转"})
    assert (finding.code, finding.pos) == ("DL028", Pos(3, 4))


def test_leading_zero_is_not_a_number() -> None:
    assert count_splits(Run("0012", 3)) == 1  # 0|0|12 only: never 00|1|2 or 0|01|2
    assert count_splits(Run("0120", 3)) == 2  # 0|12|0 and 0|1|20
    assert count_splits(Run("00 12", 3)) == 1  # a space is a boundary: "00" is 0|0, "12" one cell
    assert count_splits(Run("0 0 1 2", 3)) == 0  # four pieces cannot make three cells


def test_a_200_digit_run_is_refused_at_once() -> None:
    rows = {**table3(A_ZONE_2021), s.ROW_NEW.path: Run("1" * 200, 7)}
    start = time.perf_counter()
    solution = solve_table3(rows)
    assert time.perf_counter() - start < 1
    assert (
        solution.readings[s.ROW_NEW.path].status is Status.IMPOSSIBLE
    )  # seven counts have at most 63 digits
    assert solution.readings[s.ROW_CARRIED_IN.path].status is Status.FORCED


@pytest.mark.parametrize("digits", ["19" * 31, "1203" * 15, "1" * 56, "10" * 30])
def test_hostile_runs_finish_quickly(digits: str) -> None:
    start = time.perf_counter()
    solve_table3({**table3(A_ZONE_2021), s.ROW_NEW.path: Run(digits, 7)})
    solve_table4({BLOCKS: Run(digits + digits, 15)})
    read_table2(Run(digits * 3, 3), CHANGES)
    assert time.perf_counter() - start < 5


def test_search_bound_says_too_many(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runs_split, "SPLIT_LIMIT", 5)
    monkeypatch.setattr(runs_split.split_run, "__defaults__", (5,))
    run = Run("640020470", 7, Pos(2, 2))
    solution = solve_table3({s.ROW_NEW.path: run})
    assert solution.readings[s.ROW_NEW.path].status is Status.TOO_MANY
    (finding,) = findings(solution, {s.ROW_NEW.path: run}, {s.ROW_NEW.path: "一、本年新收"})
    assert (finding.code, finding.pos) == ("DL027", Pos(2, 2))


def test_combination_bound_says_too_many(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runs_module._combine, "__defaults__", (3,))
    solution = solve_table3(swappable())
    assert solution.readings[SECRET].status is Status.TOO_MANY
    assert solution.readings[s.ROW_NEW.path].status is Status.RECOVERED  # its own total leaves one reading
    assert solution.readings[s.ROW_CARRIED_IN.path].status is Status.FORCED
