"""Hand the rows whose figures ran together to the solver (`runs_tables`), and take back what it reads.

The recogniser keeps such rows as `Run`s and their cells as lost (DL020). Where the solver is
part of the build, each table is solved at once: a run it reads gets its cells back (an INFO
finding says they were recovered); a run it cannot decide keeps its cells unreadable, and the
solver's own finding (ambiguous, too many, impossible) replaces DL020. Without the solver,
nothing changes: the cells stay unreadable, never guessed.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from .. import statute as s
from ..findings import Path, Pos
from .draft import Draft, Lost, Run, Value
from .figures import TAIL


def solve_runs(draft: Draft) -> None:
    if not draft.runs:
        return
    try:
        _solve(draft)
    except (TypeError, AttributeError, KeyError):  # a solver whose interface moved on: cells stay unread
        return


def _solve(draft: Draft) -> None:
    try:
        from . import runs_tables as rt
        from .runs import Solution
        from .runs_split import Run as SolverRun
    except ImportError:  # the solver is not in this build
        return
    lost_of = {tuple(item.paths): item for item in draft.lost}
    runs3: dict[Hashable, Any] = {}
    runs4: dict[Hashable, Any] = {}
    mine: dict[Hashable, Run] = {}
    for run in draft.runs:
        text, _ = _solver_text(run)
        solver_run = SolverRun(text, len(run.paths), run.pos)
        first = run.paths[0]
        if first[0] == s.PART3:
            key: Hashable = first[:-1]
            runs3[key] = solver_run
        elif first[0] == s.PART4:
            blocks = tuple(dict.fromkeys(str(path[1]) for path in run.paths))
            key = blocks if len(blocks) > 1 else blocks[0]
            runs4[key] = solver_run
        else:
            key = first[:2]
            reading = rt.read_table2(solver_run, [str(path[-1]) for path in run.paths])
            _apply(draft, run, Solution({key: reading}), lost_of, rt, {key: solver_run}, key)
            continue
        mine[key] = run
    if runs3:
        rows: dict[Path, Any] = {path: _known(values) for path, values in draft.part3.items()}
        rows.update(runs3)
        fmt = s.FORMAT_2019 if draft.meta.get(s.VERSION) == 2019 else None
        solution = rt.solve_table3(rows, fmt)
        for key in runs3:
            _apply(draft, mine[key], solution, lost_of, rt, runs3, key)
    if runs4:
        rows4: dict[Hashable, Any] = {
            block: _known(values) for block, values in draft.part4.items() if not _in_runs(block, runs4)
        }
        rows4.update(runs4)
        solution = rt.solve_table4(rows4)
        for key in runs4:
            _apply(draft, mine[key], solution, lost_of, rt, runs4, key)


def _in_runs(block: str, runs: dict[Hashable, Any]) -> bool:
    return any(block == key or (isinstance(key, tuple) and block in key) for key in runs)


def _known(values: list[Value]) -> list[int | None]:
    out: list[int | None] = []
    for value in values:
        try:
            out.append(int(value.text) if value.kind == "number" else None)
        except ValueError:
            out.append(None)
    return out


def _solver_text(run: Run) -> tuple[str, list[tuple[int, int]]]:
    """The run's pieces joined by spaces (a unit such as 元 left off), and where each piece starts."""
    starts, parts, at = [], [], 0
    for index, piece in enumerate(run.pieces):
        text = piece.text
        if index == len(run.pieces) - 1:
            tail = TAIL.search(text)
            if tail is not None and tail.start() > 0:
                text = text[: tail.start()] + (tail.group().rstrip("元万") if "." in tail.group() else "")
        starts.append((at, index))
        parts.append(text)
        at += len(text) + 1
    return " ".join(parts), starts


def _pos(run: Run, offset: int) -> Pos:
    _, starts = _solver_text(run)
    piece_start, index = max((start for start in starts if start[0] <= offset), default=(0, 0))
    return run.pieces[index].pos_at(offset - piece_start)


def _apply(
    draft: Draft,
    run: Run,
    solution: Any,
    lost_of: dict[tuple[Path, ...], Lost],
    rt: Any,
    runs: dict[Hashable, Any],
    key: Hashable,
) -> None:
    """Cells read by the solver go back into the draft; its finding replaces DL020 for the run."""
    reading = solution.readings[key]
    item = lost_of.get(tuple(run.paths))
    if reading.read:
        values = [
            Value(cell, _pos(run, offset), "number")
            for cell, offset in zip(reading.cells, reading.offsets, strict=True)
        ]
        for path, value in zip(run.paths, values, strict=True):
            _set(draft, path, value)
        if item is not None:
            draft.lost.remove(item)
    elif item is not None:
        item.reported = True
    one = type(solution)({key: reading}, solution.broken)
    draft.findings.extend(rt.findings(one, {key: runs[key]}, {key: _name(run.paths)}))


def _name(paths: list[Path]) -> str:
    from ..labels import describe, row_label

    rows = {path[:-1] for path in paths}
    if len(rows) == 1:
        return row_label(next(iter(rows)))
    return describe(paths[0][:1])


def _set(draft: Draft, path: Path, value: Value) -> None:
    draft.values[path] = value.pos
    if path[0] == s.PART2:
        label, column = str(path[1]), path[2]
        columns = draft.columns.get(label, ())
        draft.part2[label][columns.index(column)] = value  # type: ignore[arg-type]
    elif path[0] == s.PART3:
        draft.part3[path[:-1]][int(path[-1])] = value
    else:
        draft.part4[str(path[1])][int(path[-1])] = value
