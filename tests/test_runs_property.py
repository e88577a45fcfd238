"""Property: the digit-run solver never reads a cell wrong on a consistent table.

Random consistent tables 三 (2021 and 2019 layouts) and 四 are flattened into digit runs, with
the spaces between cells randomly dropped, some rows left as ordinary cells. Asserted, for
every run:

- a run the solver reads (forced or recovered) has exactly the generated cells;
- a run it cannot decide is ambiguous (at least two readings, the generated one among the
  candidates whenever all are listed) or too-many; never "impossible";
- the solution never claims a relation broken (the generated table breaks none).

Ambiguity itself is allowed: flattened digits can genuinely fit several tables.
"""

from __future__ import annotations

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from disclosure_lint import statute as s
from disclosure_lint.importer.runs import SHOWN, Reading, Status
from disclosure_lint.importer.runs_split import Run
from disclosure_lint.importer.runs_tables import read_table2, solve_table3, solve_table4

COUNT = st.one_of(st.just(0), st.just(0), st.integers(0, 9), st.integers(10, 99), st.integers(100, 5000))
OTHER_2019 = (s.PART3, s.RESULTS, s.OTHER_HANDLING)


def _results(fmt: int) -> list[tuple]:
    rows = [row.path for row in s.RESULT_ROWS]
    if fmt == 2019:
        rows = [p for p in rows if p[:3] != OTHER_2019] + [OTHER_2019]
    return rows


def _flatten(data: st.DataObject, cells: list[int]) -> str:
    text = str(cells[0])
    for cell in cells[1:]:
        text += data.draw(st.sampled_from(["", "", "", " "])) + str(cell)
    return text


def _check(reading: Reading, truth: list[int]) -> None:
    event(reading.status.value)
    assert reading.status is not Status.IMPOSSIBLE
    if reading.read:
        assert list(reading.numbers) == truth
    elif reading.status is Status.AMBIGUOUS:
        assert reading.count >= 2
        if reading.count <= SHOWN:
            assert tuple(str(v) for v in truth) in reading.candidates


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from([2021, 2019]))
def test_consistent_table3_is_read_right_or_called_ambiguous(data: st.DataObject, fmt: int) -> None:
    results = _results(fmt)
    applicants = range(len(s.APPLICANT_COLUMNS))
    table = {row: [data.draw(COUNT) for _ in applicants] for row in results}
    carried_out = [data.draw(COUNT) for _ in applicants]
    total = [sum(table[row][c] for row in results) for c in applicants]
    carried_in = [min(data.draw(COUNT), total[c] + carried_out[c]) for c in applicants]
    table[s.ROW_NEW.path] = [total[c] + carried_out[c] - carried_in[c] for c in applicants]
    table[s.ROW_CARRIED_IN.path] = carried_in
    table[s.ROW_RESULTS_TOTAL.path] = total
    table[s.ROW_CARRIED_OUT.path] = carried_out
    for cells in table.values():
        cells.append(sum(cells))
    rows: dict = {}
    for row, cells in table.items():
        as_run = data.draw(st.booleans() | st.just(True))
        rows[row] = Run(_flatten(data, cells), 7) if as_run else list(cells)
    solution = solve_table3(rows)
    for row, reading in solution.readings.items():
        _check(reading, table[row])
    assert solution.broken == ()


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_consistent_table4_is_read_right_or_called_ambiguous(data: st.DataObject) -> None:
    table = {}
    for block in s.PART4_BLOCKS:
        cells = [data.draw(COUNT) for _ in range(4)]
        table[block] = [*cells, sum(cells)]
    if data.draw(st.booleans()):
        key = tuple(s.PART4_BLOCKS)
        flat = [cell for block in s.PART4_BLOCKS for cell in table[block]]
        solution = solve_table4({key: Run(_flatten(data, flat), 15)})
        _check(solution.readings[key], flat)
    else:
        solution = solve_table4({block: Run(_flatten(data, table[block]), 5) for block in s.PART4_BLOCKS})
        for block, reading in solution.readings.items():
            _check(reading, table[block])
    assert solution.broken == ()


@settings(max_examples=150, deadline=None)
@given(st.data(), st.sampled_from(s.FORMAT_2021.part2_rows + s.FORMAT_2019.part2_rows))
def test_table2_run_is_read_only_when_forced(data: st.DataObject, row: s.Part2Row) -> None:
    """No relation helps in table 二: a run is read only when its digits allow one split, and then right."""
    cells = [str(data.draw(COUNT)) for _ in row.columns]
    if row.columns[-1] in s.tables.AMOUNT_COLUMNS and data.draw(st.booleans()):
        cells[-1] += "." + str(data.draw(st.integers(0, 99))).zfill(2)
    if row.columns[0] in s.tables.SIGNED_COLUMNS or (
        len(cells) > 1 and row.columns[1] in s.tables.SIGNED_COLUMNS
    ):
        index = [c in s.tables.SIGNED_COLUMNS for c in row.columns].index(True)
        if cells[index] != "0" and data.draw(st.booleans()):
            cells[index] = "-" + cells[index]
    text = cells[0]
    for cell in cells[1:]:
        text += data.draw(st.sampled_from(["", "", " "])) + cell
    reading = read_table2(Run(text, len(cells)), row.columns)
    assert reading.status in (Status.FORCED, Status.AMBIGUOUS)
    if reading.read:
        assert list(reading.cells) == cells
    elif reading.count <= SHOWN:
        assert tuple(cells) in reading.candidates
