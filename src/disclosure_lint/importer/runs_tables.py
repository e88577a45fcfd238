"""The statutory tables as run-together digit problems: their relations, and the findings a solution gives.

`solve_table3` and `solve_table4` take a table's rows — each either a `Run` of digits or the
cells read the ordinary way — and solve the whole table at once (see `runs`); `read_table2`
reads one table-二 run, where no relation helps: it is read only when its digits allow one
split. `findings` turns a solution into what the clerk is told.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence

from .. import messages as m
from .. import statute as s
from ..findings import Finding
from ..statute.relations import APPEALS_TOTAL, Relation, relations
from .runs import Equation, Reading, Solution, Status, solve
from .runs_split import MAX_AMOUNT_DIGITS, Grammar, Run

Path = tuple[str | int, ...]
Row = Run | Sequence[int | None]

_WIDTH_3 = len(s.PART3_COLUMNS)
_WIDTH_4 = len(s.PART4_COLUMNS)


def equations(fmt: s.Format, table: int) -> list[Equation]:
    """The relations of table 三 or 四 of `fmt` (statute.relations) as equations: Σ coefficient × cell = 0."""

    def equation(relation: Relation) -> Equation:
        return (*((cell, 1) for cell in relation.left), *((cell, -1) for cell in relation.right))

    return [equation(r) for r in relations(fmt) if (r.kind == APPEALS_TOTAL) == (table == 4)]


def _format_of(rows: Mapping[Path, Row]) -> s.Format:
    """The 2021 format, read with the single 2019-style （六）其他处理 row when the table prints one."""
    return s.FORMAT_2021.squeezed() if s.formats.SINGLE_OTHER_PATH in rows else s.FORMAT_2021


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


def solve_table3(rows: Mapping[Path, Row], fmt: s.Format | None = None) -> Solution:
    """Read table 三's runs; `rows` maps each row's path (Format.part3_rows) to a Run or its cells.

    `fmt` defaults to the 2021 format, squeezed when the rows include the single （六）其他处理
    (the 2019 format's table 三 is the same). A cell is (*row path, column index).
    """
    runs, known = _split_rows(rows, lambda key: [(*key, c) for c in range(_WIDTH_3)])
    return solve(runs, known, equations(fmt or _format_of(rows), 3))


def solve_table4(rows: Mapping[str | tuple[str, ...], Row]) -> Solution:
    """Read table 四's runs; a key is a block (statute.PART4_BLOCKS) or a tuple of the blocks one run spans."""

    def cells_of(key: str | tuple[str, ...]) -> list[Path]:
        blocks = key if isinstance(key, tuple) else (key,)
        return [(s.PART4, block, c) for block in blocks for c in range(_WIDTH_4)]

    runs, known = _split_rows(rows, cells_of)
    return solve(runs, known, equations(s.FORMAT_2021, 4))


def read_table2(run: Run, columns: Sequence[str]) -> Reading:
    """Read a table-二 run filling `columns` (Part2Row.columns): forced or ambiguous, as no relation helps.

    A signed column (the 2019 本年增/减) may be negative; an amount, printed last, may have decimals.
    """
    grammar = Grammar(
        max_digits=MAX_AMOUNT_DIGITS,
        signed=any(column in s.tables.SIGNED_COLUMNS for column in columns),
        decimals=bool(columns) and columns[-1] in s.tables.AMOUNT_COLUMNS,
    )
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


_BASIS = {
    False: ("按表内勾稽关系只有一种分法", "the table's relations allow one reading only"),
    True: (
        "最符合表内勾稽关系的分法只有一种（按这种分法表格仍不平衡，见合计的提示）",
        "one reading fits the table's relations best (even so the table does not balance: see the totals findings)",
    ),
}


def _row_path(key: Hashable) -> Path:
    """The row a run's finding is about: a table-三 or table-二 row path, or a table-四 block."""
    if isinstance(key, str):
        return (s.PART4, key)
    if isinstance(key, tuple) and key and key[0] in s.PARTS:
        return key
    if isinstance(key, tuple) and key and key[0] in s.PART4_BLOCKS:
        return (s.PART4, key[0])
    return ()


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
        path = _row_path(key)
        common = {"row": names.get(key, str(key)), "digits": _short(run.text.strip()), "width": run.width}
        if reading.status is Status.RECOVERED:
            basis, basis_en = _BASIS[bool(solution.broken)]
            cells = "|".join(reading.cells)
            out.append(
                m.DIGITS_RECOVERED.at(run.pos, path, cells=cells, basis=basis, basis_en=basis_en, **common)
            )
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
