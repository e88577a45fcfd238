"""The arithmetic of the tables (勾稽关系) as data: every relation once, for every format.

A relation says sum(left) = sum(right) over cells, and names the cell that states its result
(`target`), where a broken relation is reported. Cells are paths: (*row path, column index).

Table 三, in each of its seven columns:
    balance        一 + 二 = （七）总计 + 四   (printed in the table's corner)
    results-total  （七）总计 = the sum of the result rows (21 in 2021, 19 in 2019)
Table 三, in each row:
    row-total      总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他
Table 四, in each block:
    appeals-total  总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结

`KINDS` is the registry: a relation kind removed from it is no longer checked anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from . import tables as t
from .formats import Format
from .parts import PART4

Cell = tuple[str | int, ...]

BALANCE = "balance"
RESULTS_TOTAL = "results-total"
ROW_TOTAL = "row-total"
APPEALS_TOTAL = "appeals-total"

TOTAL_COLUMN = t.PART3_COLUMNS.index(t.TOTAL)
APPLICANTS = tuple(range(len(t.APPLICANT_COLUMNS)))
PART4_TOTAL = t.PART4_COLUMNS.index(t.TOTAL)


class Relation:
    """`left` adds up to `right` (cells by path); `target` is the cell a message is about.

    Rules keep relations in sets and dicts, so the cells and the hash are worked out once.
    """

    __slots__ = ("_hash", "cells", "kind", "left", "right", "target")

    def __init__(self, kind: str, target: Cell, left: tuple[Cell, ...], right: tuple[Cell, ...]) -> None:
        self.kind = kind
        self.target = target
        self.left = left
        self.right = right
        self.cells = left + right
        self._hash = hash((kind, target, left, right))

    def _key(self) -> tuple[str, Cell, tuple[Cell, ...], tuple[Cell, ...]]:
        return (self.kind, self.target, self.left, self.right)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Relation:
            return NotImplemented
        return self._hash == other._hash and self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return self._hash

    def __repr__(self) -> str:
        return (
            f"Relation(kind={self.kind!r}, target={self.target!r}, left={self.left!r}, right={self.right!r})"
        )

    def excess(self, values: Mapping[Cell, int | float]) -> int | float:
        """How much the left side exceeds the right; 0 when the relation holds."""
        return sum(values[cell] for cell in self.left) - sum(values[cell] for cell in self.right)

    def mending(self, cell: Cell, values: Mapping[Cell, int | float]) -> int | float:
        """The value of `cell` that makes the relation hold, the other cells as they are."""
        excess = self.excess(values)
        return values[cell] - excess if cell in self.left else values[cell] + excess


def _balance(fmt: Format) -> Iterator[Relation]:
    for column in range(len(t.PART3_COLUMNS)):
        new, carried_in, completed, carried_out = (
            (*row.path, column)
            for row in (fmt.row_new, fmt.row_carried_in, fmt.row_results_total, fmt.row_carried_out)
        )
        yield Relation(BALANCE, carried_out, (new, carried_in), (completed, carried_out))


def _results_total(fmt: Format) -> Iterator[Relation]:
    for column in range(len(t.PART3_COLUMNS)):
        completed = (*fmt.row_results_total.path, column)
        yield Relation(
            RESULTS_TOTAL, completed, (completed,), tuple((*row.path, column) for row in fmt.result_rows)
        )


def _row_total(fmt: Format) -> Iterator[Relation]:
    for row in fmt.part3_rows:
        total = (*row.path, TOTAL_COLUMN)
        yield Relation(ROW_TOTAL, total, (total,), tuple((*row.path, column) for column in APPLICANTS))


def _appeals_total(fmt: Format) -> Iterator[Relation]:
    for block in t.PART4_BLOCKS:
        total = (PART4, block, PART4_TOTAL)
        parts = tuple(
            (PART4, block, column) for column in range(len(t.PART4_COLUMNS)) if column != PART4_TOTAL
        )
        yield Relation(APPEALS_TOTAL, total, (total,), parts)


KINDS: dict[str, Callable[[Format], Iterator[Relation]]] = {
    BALANCE: _balance,
    RESULTS_TOTAL: _results_total,
    ROW_TOTAL: _row_total,
    APPEALS_TOTAL: _appeals_total,
}


def relations(fmt: Format) -> list[Relation]:
    """Every relation the tables of `fmt` obey (a new list; built once per format and registry)."""
    builds = tuple(KINDS.values())
    known = _BUILT.get(id(fmt))
    if known is None or known[0] is not fmt or known[1] != builds:
        known = _BUILT[id(fmt)] = (fmt, builds, tuple(r for build in builds for r in build(fmt)))
    return list(known[2])


# By the format's id (a Format would hash all its rows on every call), with the builders used.
_Build = Callable[[Format], Iterator[Relation]]
_BUILT: dict[int, tuple[Format, tuple[_Build, ...], tuple[Relation, ...]]] = {}


def table_cells(fmt: Format) -> list[tuple[Cell, int]]:
    """Each row of tables 三 and 四 as (path, width): where the relations' cells live."""
    rows = [(row.path, len(t.PART3_COLUMNS)) for row in fmt.part3_rows]
    return rows + [((PART4, block), len(t.PART4_COLUMNS)) for block in t.PART4_BLOCKS]
