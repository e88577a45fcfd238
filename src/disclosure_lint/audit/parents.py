"""A summary report against the reports it adds up (a county's 全县汇总 and its departments').

Which reports a summary covers is not in any report: the audit's map file says it
(`summaries:`), so nothing here guesses. Tables 三 and 四 are compared cell by cell, with the
map's tolerance. One wrong figure in a department moves several cells of the sum: a row's 总计
column when one of its applicant columns already differs, and a （七）总计 cell when one of the
result rows above it already differs, are not reported again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .. import statute
from ..document import Report
from ..findings import Finding, Path
from ..labels import describe
from .codes import CHILD_MISSING, SUM_DIFFERS
from .load import Entry
from .settings import Summary

APPLICANTS = len(statute.APPLICANT_COLUMNS)
TOTAL = statute.PART3_COLUMNS.index(statute.TOTAL)
PART4_TOTAL = statute.PART4_COLUMNS.index(statute.TOTAL)
MAX_TERMS = 12  # children listed in one message; more are counted


def check(parent: Entry, summary: Summary, children: dict[str, Entry | None]) -> Iterator[Finding]:
    report = parent.report
    assert report is not None and parent.year is not None
    missing = [name for name, entry in children.items() if entry is None or entry.report is None]
    if missing:
        yield CHILD_MISSING.at(
            report.key_pos((statute.AGENCY,)), (statute.AGENCY,), body=parent.body, year=parent.year,
            organs=len(children), missing="、".join(missing),
        )  # fmt: skip
        return
    present = [entry for entry in children.values() if entry is not None]
    yield from _part3(report, present, summary.tolerance)
    yield from _part4(report, present, summary.tolerance)


def _part3(report: Report, children: Sequence[Entry], tolerance: int) -> Iterator[Finding]:
    rows = statute.format_of(report.data).part3_rows
    results = {row.path for row in statute.format_of(report.data).result_rows}
    total_row = statute.format_of(report.data).row_results_total.path
    differing_results: set[int] = set()
    for row in rows:
        cells = [(*row.path, column) for column in range(len(statute.PART3_COLUMNS))]
        off = [c for c in cells if _off(report, children, c, tolerance) is not None]
        if any(c[-1] < APPLICANTS for c in off):
            off = [c for c in off if c[-1] < APPLICANTS]
        if row.path in results:
            differing_results.update(int(c[-1]) for c in off)
        elif row.path == total_row:
            off = [c for c in off if c[-1] not in differing_results]
        for cell in off:
            yield _finding(report, children, cell, tolerance)


def _part4(report: Report, children: Sequence[Entry], tolerance: int) -> Iterator[Finding]:
    for block in statute.PART4_BLOCKS:
        cells = [(statute.PART4, block, column) for column in range(len(statute.PART4_COLUMNS))]
        off = [c for c in cells if _off(report, children, c, tolerance) is not None]
        if any(c[-1] != PART4_TOTAL for c in off):
            off = [c for c in off if c[-1] != PART4_TOTAL]
        for cell in off:
            yield _finding(report, children, cell, tolerance)


def _off(report: Report, children: Sequence[Entry], cell: Path, tolerance: int) -> int | None:
    """The children's sum when it differs from the summary's cell by more than the tolerance.

    A cell any side leaves blank or unreadable is not compared: the cell rules report it.
    """
    actual = report.count(cell)
    if actual is None or cell in report.unreadable:
        return None
    values = []
    for child in children:
        assert child.report is not None
        value = child.report.count(cell)
        if value is None or cell in child.report.unreadable:
            return None
        values.append(value)
    expected = sum(values)
    return expected if abs(actual - expected) > tolerance else None


def _finding(report: Report, children: Sequence[Entry], cell: Path, tolerance: int) -> Finding:
    terms = []
    for child in children[:MAX_TERMS]:
        assert child.report is not None
        pos = child.report.pos(cell)
        terms.append(f"{child.body} {child.report.count(cell)} ({child.name}:{pos.line}:{pos.col})")
    if len(children) > MAX_TERMS:
        terms.append(f"+{len(children) - MAX_TERMS} …")
    expected = sum(child.report.count(cell) or 0 for child in children if child.report is not None)
    return SUM_DIFFERS.at(
        report.pos(cell), cell, cell=describe(cell), actual=report.count(cell), expected=expected,
        count=len(children), tolerance=tolerance, terms="; ".join(terms),
        other=",".join(child.name for child in children),
    )  # fmt: skip
