"""The statutory tables as run-together digit problems: their relations, and the findings a solution gives.

`solve_table3` and `solve_table4` take a table's rows — each either a `Run` of digits or the
cells read the ordinary way — and solve the whole table at once (see `runs`); `read_table2`
reads one table-二 run, where no relation helps: it is read only when its digits allow one
split. `findings` turns a solution into what the clerk is told.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence

from .. import messages as m
from .. import statute as s
from ..findings import Finding
from .runs import Equation, Reading, Solution, Status, solve
from .runs_split import MAX_AMOUNT_DIGITS, Grammar, Run

Path = tuple[str | int, ...]
Row = Run | Sequence[int | None]

_APPLICANTS = range(len(s.APPLICANT_COLUMNS))
_TOTAL = len(s.APPLICANT_COLUMNS)
_OTHER_ITEMS = {row.path for row in s.RESULT_ROWS if row.path[:3] == (s.PART3, s.RESULTS, s.OTHER_HANDLING)}
RESULTS_2021 = frozenset(row.path for row in s.RESULT_ROWS)
# The 2019 format (and some 2021 tables that kept it) print （六）其他处理 as one row.
RESULTS_2019 = (RESULTS_2021 - _OTHER_ITEMS) | {(s.PART3, s.RESULTS, s.OTHER_HANDLING)}


def table3_equations(rows: Iterable[Path]) -> list[Equation]:
    """Table 三's relations over the rows present, as equations (Σ coefficient × cell = 0).

    Row 总计 = the six applicant columns; in each column 一 + 二 = （七）总计 + 四, and （七）总计 =
    the result rows (all 21 of the 2021 format, or 19 and one （六）其他处理 row).
    """
    order = list(dict.fromkeys(rows))
    present = set(order)
    equations: list[Equation] = []
    for row in order:
        equations.append((*(((row, c), 1) for c in _APPLICANTS), ((row, _TOTAL), -1)))
    total = s.ROW_RESULTS_TOTAL.path
    flow = (s.ROW_NEW.path, s.ROW_CARRIED_IN.path, total, s.ROW_CARRIED_OUT.path)
    results = {row for row in present if row[:2] == (s.PART3, s.RESULTS) and row != total}
    for column in range(_TOTAL + 1):
        if set(flow) <= present:
            signs = (1, 1, -1, -1)
            equations.append(tuple(((row, column), sign) for row, sign in zip(flow, signs, strict=True)))
        if total in present and results in (RESULTS_2021, RESULTS_2019):
            equations.append(
                (*(((row, column), 1) for row in order if row in results), ((total, column), -1))
            )
    return equations


def table4_equations(blocks: Iterable[str]) -> list[Equation]:
    """Table 四's relations: in each block, 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    return [(*(((block, c), 1) for c in range(4)), ((block, 4), -1)) for block in blocks]


def _split_rows(rows: Mapping[Hashable, Row], cells_of) -> tuple[dict, dict]:
    runs: dict[Hashable, tuple[Run, list]] = {}
    known: dict = {}
    for key, row in rows.items():
        cells = cells_of(key)
        if isinstance(row, Run):
            runs[key] = (row, cells[: row.width])
        else:
            known.update(zip(cells, row, strict=False))
    return runs, known


def solve_table3(rows: Mapping[Path, Row]) -> Solution:
    """Read table 三's runs; `rows` maps each row's path (statute.PART3_ROWS) to a Run or its cells."""
    runs, known = _split_rows(rows, lambda key: [(key, c) for c in range(_TOTAL + 1)])
    return solve(runs, known, table3_equations(rows))


def solve_table4(rows: Mapping[str | tuple[str, ...], Row]) -> Solution:
    """Read table 四's runs; a key is a block (statute.PART4_BLOCKS) or a tuple of the blocks one run spans."""

    def cells_of(key: str | tuple[str, ...]) -> list[tuple[str, int]]:
        blocks = key if isinstance(key, tuple) else (key,)
        return [(block, c) for block in blocks for c in range(len(s.PART4_COLUMNS))]

    runs, known = _split_rows(rows, cells_of)
    blocks = [b for key in rows for b in (key if isinstance(key, tuple) else (key,))]
    return solve(runs, known, table4_equations(blocks))


def read_table2(run: Run, signed: bool = False) -> Reading:
    """Read a table-二 run (amounts may carry decimals; `signed` for the 2019 本年增/减): forced or ambiguous."""
    grammar = Grammar(max_digits=MAX_AMOUNT_DIGITS, signed=signed, decimals=True)
    return solve({0: (run, list(range(run.width)))}, {}, [], grammar).readings[0]


# ---------------------------------------------------------------- what the clerk is told


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _listed(reading: Reading) -> tuple[str, str]:
    shown = "；".join("|".join(cells) for cells in reading.candidates)
    more = reading.count > len(reading.candidates)
    return (
        shown + (f"……共{reading.count}种" if more else ""),
        "; ".join("|".join(cells) for cells in reading.candidates)
        + (f" … {reading.count} in all" if more else ""),
    )


def findings(
    solution: Solution, runs: Mapping[Hashable, Run], names: Mapping[Hashable, str]
) -> list[Finding]:
    """One finding per run that was not simply forced: recovered (info), or left unread (warning).

    `names` gives each run's row as a clerk reads it ("一、本年新收政府信息公开申请数量").
    A forced run (its digits allow one split only) needs no word.
    """
    out: list[Finding] = []
    for key, reading in solution.readings.items():
        run = runs[key]
        path = key if isinstance(key, tuple) and all(isinstance(p, (str, int)) for p in key) else ()
        common = {"row": names.get(key, str(key)), "digits": _short(run.text.strip()), "width": run.width}
        if reading.status is Status.RECOVERED:
            out.append(m.DIGITS_RECOVERED.at(run.pos, path, cells="|".join(reading.cells), **common))
        elif reading.status is Status.AMBIGUOUS:
            shown, shown_en = _listed(reading)
            out.append(
                m.DIGITS_AMBIGUOUS.at(
                    run.pos, path, count=reading.count, candidates=shown, candidates_en=shown_en, **common
                )
            )
        elif reading.status is Status.TOO_MANY:
            out.append(m.DIGITS_TOO_MANY.at(run.pos, path, **common))
        elif reading.status is Status.IMPOSSIBLE:
            out.append(m.DIGITS_UNSPLITTABLE.at(run.pos, path, **common))
    return out
