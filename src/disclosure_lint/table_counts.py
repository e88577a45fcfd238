"""Every cell of tables 三 and 四 read as a count, and every relation of the tables evaluated, once
per report.

The totals rules report the relations that do not hold (rules/totals.py); the prose rules hold
the text against table 三 only where the table adds up (table_facts.py). Both read the same
cells and the same relations of the statute model, so the cells are read in one pass over the
rows and each relation is evaluated once (`Report.derived`); each reader then keeps the ones
its own policy allows: rows of the wrong length, cells the importer could not read.
"""

from __future__ import annotations

from .document import Report, as_count
from .statute import relations
from .statute.relations import Cell, Relation


def cell_counts(report: Report) -> dict[Cell, int | None]:
    """Each cell of every row of tables 三 and 四 that is written as a list (of any length), as
    `Report.count` reads it: None where it is not a count."""
    return report.derived(cell_counts, lambda: _cell_counts(report))


def _cell_counts(report: Report) -> dict[Cell, int | None]:
    counts: dict[Cell, int | None] = {}
    for path, _width in relations.table_cells(report.format):
        row = report.get(path)
        if isinstance(row, list):
            for column, value in enumerate(row):
                counts[(*path, column)] = as_count(value)
    return counts


def excesses(report: Report) -> dict[Relation, int]:
    """How far each relation of the report's format is off (0: it holds), for the relations
    whose cells are all counts."""
    return report.derived(excesses, lambda: _excesses(report))


def _excesses(report: Report) -> dict[Relation, int]:
    counts = cell_counts(report)
    found: dict[Relation, int] = {}
    for relation in relations.relations(report.format):
        if all(counts.get(cell) is not None for cell in relation.cells):
            found[relation] = relation.excess(counts)  # type: ignore[arg-type]
    return found
