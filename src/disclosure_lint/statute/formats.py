"""The two formats a report may follow, and how to tell which one a report follows.

- 2021: 国办公开办函〔2021〕30号, for reports on 2021 and later.
- 2019: 国办公开办函〔2019〕60号, for the reports on 2019 and 2020.

A format is its table 二 rows and its table-三 result rows; everything else (parts, table 四,
the relations) is shared. A 2021-format table that still prints the single 2019-style
（六）其他处理 row is the 2021 format "squeezed": `Format.squeezed()`.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from . import tables as t
from .metadata import VERSION
from .parts import PART2, PART3

DOCUMENT_2021 = "国办公开办函〔2021〕30号"
DOCUMENT_2019 = "国办公开办函〔2019〕60号"


class Format(NamedTuple):
    version: int
    document: str  # the notice that issued it
    part2_rows: tuple[t.Part2Row, ...]
    result_groups: t.ResultGroups
    first_year: int  # the first report year it applies to
    last_year: int | None = None  # the last report year it applies to (None: still in force)
    squeezed_other: bool = False  # a 2021 table printing （六）其他处理 as one row

    @property
    def _rows(self) -> tuple[tuple[t.Part3Row, ...], tuple[t.Part3Row, ...]]:
        return t.part3_rows(self.result_groups)  # worked out once for each result groups

    @property
    def result_rows(self) -> tuple[t.Part3Row, ...]:
        """（一）… to （六）…: the rows that add up to （七）总计."""
        return self._rows[0]

    @property
    def part3_rows(self) -> tuple[t.Part3Row, ...]:
        return self._rows[1]

    @property
    def row_new(self) -> t.Part3Row:
        return self.part3_rows[0]

    @property
    def row_carried_in(self) -> t.Part3Row:
        return self.part3_rows[1]

    @property
    def row_results_total(self) -> t.Part3Row:
        return self.part3_rows[-2]

    @property
    def row_carried_out(self) -> t.Part3Row:
        return self.part3_rows[-1]

    def part2_row(self, label: str) -> t.Part2Row | None:
        return next((row for row in self.part2_rows if row.label == label), None)

    def applies_to(self, year: int) -> bool:
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    def squeezed(self) -> Format:
        """This format with （六）其他处理 read as the single 2019-style row."""
        groups = tuple(
            (group, None if group == t.OTHER_HANDLING else items) for group, items in self.result_groups
        )
        return self._replace(result_groups=groups, squeezed_other=True)


FORMAT_2021 = Format(2021, DOCUMENT_2021, t.PART2_ROWS_2021, t.RESULT_GROUPS_2021, first_year=2021)
FORMAT_2019 = Format(
    2019, DOCUMENT_2019, t.PART2_ROWS_2019, t.RESULT_GROUPS_2019, first_year=2019, last_year=2020
)
FORMATS = {format_.version: format_ for format_ in (FORMAT_2021, FORMAT_2019)}
CURRENT = FORMAT_2021


def format_for_year(year: int) -> Format:
    """The format a report on `year` should follow."""
    return FORMAT_2019 if FORMAT_2019.applies_to(year) else FORMAT_2021


# Labels that only the 2019 format prints in table 二: seeing one means the 2019 table was used.
# 规范性文件 alone is not evidence: 2021 reports often drop the 行政 of 行政规范性文件.
_ONLY_2019 = frozenset(
    {
        *t.DOCS_COLUMNS_2019,
        t.OTHER_SERVICES_2019,
        t.PREVIOUS_ITEMS,
        t.CHANGE,
        t.DECISIONS_2019,
        t.PROCUREMENT,
        t.PROCUREMENT_ITEMS,
        t.PROCUREMENT_AMOUNT,
    }
)
SINGLE_OTHER_PATH = (PART3, t.RESULTS, t.OTHER_HANDLING)


def evidence_2019(data: Any) -> list[tuple[str, ...]]:
    """Where a report's table 二 uses labels only the 2019 format has (paths to them)."""
    part2 = data.get(PART2) if isinstance(data, dict) else None
    found: list[tuple[str, ...]] = []
    if not isinstance(part2, dict):
        return found
    for row, cells in part2.items():
        if row in _ONLY_2019:
            found.append((PART2, row))
        elif isinstance(cells, dict):
            found.extend((PART2, row, column) for column in cells if column in _ONLY_2019)
    return found


def single_other_row(data: Any) -> bool:
    """True when （六）其他处理 is written as one row of cells rather than three sub-items."""
    node: Any = data
    for step in SINGLE_OTHER_PATH:
        node = node.get(step) if isinstance(node, dict) else None
    return isinstance(node, list)


_ONLY_2021 = frozenset({*t.DOCS_COLUMNS, t.NORMATIVE_DOCS, t.DECISIONS, t.FEE_AMOUNT})


def _labels_2021(data: Any) -> int:
    """How many of table 二's labels only the 2021 format has."""
    part2 = data.get(PART2) if isinstance(data, dict) else None
    if not isinstance(part2, dict):
        return 0
    return sum(
        (row in _ONLY_2021)
        + (sum(column in _ONLY_2021 for column in cells) if isinstance(cells, dict) else 0)
        for row, cells in part2.items()
    )


def format_of(data: Any) -> Format:
    """The format a report's tables follow: what most of its table 二 shows, else what it declares.

    The tables decide, so a report that declares one format and prints the other is still
    checked cell by cell (the mismatch is one finding). A 2021 report whose table 三 squeezes
    （六）其他处理 into one row is read with that row, so its arithmetic still runs.
    """
    declared = data.get(VERSION) if isinstance(data, dict) else None
    old, new = len(evidence_2019(data)), _labels_2021(data)
    if old > new or (declared == 2019 and old == new):
        return FORMAT_2019
    if single_other_row(data):
        return _squeezed_2021()
    return FORMAT_2021


@functools.cache
def _squeezed_2021() -> Format:
    """One squeezed 2021 format for every report that needs it (its rows are worked out once)."""
    return FORMAT_2021.squeezed()
