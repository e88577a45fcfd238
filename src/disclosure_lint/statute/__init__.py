"""The statute as one model: what the format of the annual report requires, for both formats.

Everything that knows the shape of a report — the JSON Schemas, the rules, the importer, the
renderers, the report template — reads it from here, so each statutory fact is written once:

- `parts`: the six parts (第五十条) with the headings publishers print, and part 一's aspects;
- `tables`: tables 二, 三 and 四, their rows, columns, labels and units, for 2021 and 2019;
- `formats`: the 2021 and 2019 formats, and which one a report follows;
- `relations`: the arithmetic the tables obey (勾稽关系), as data;
- `deadlines`: 第四十九条, by kind of body; `metadata`: the report's own keys and kinds;
- `numbers`: one reader of Arabic, full-width and Chinese numerals.

The names below are the 2021 format's (the current one), kept at the top for the rules.
"""

# ruff: noqa: F401  (this module re-exports the model; __all__ is computed below)
from __future__ import annotations

from . import deadlines, formats, numbers, relations, tables
from .formats import (
    CURRENT,
    DOCUMENT_2019,
    DOCUMENT_2021,
    FORMAT_2019,
    FORMAT_2021,
    FORMATS,
    Format,
    format_for_year,
    format_of,
)
from .metadata import (
    AGENCY,
    KIND,
    KIND_DEPARTMENT,
    KIND_GOVERNMENT,
    KIND_TOWNSHIP,
    KIND_ZONE,
    PUBLISHED,
    REPORT_KINDS,
    VERSION,
    YEAR,
)
from .parts import ASPECT_HEADINGS, ASPECTS, PART1, PART2, PART3, PART4, PART5, PART6, PART_HEADINGS, PARTS
from .tables import (
    APPLICANT_COLUMNS,
    CARRIED_IN,
    CARRIED_OUT,
    COERCION,
    DECISIONS,
    DISCLOSED,
    DOCS_COLUMNS,
    FEE_AMOUNT,
    FEES,
    LICENSING,
    NEW,
    NORMATIVE_DOCS,
    NOT_PROCESSED,
    OTHER_HANDLING,
    PART3_COLUMNS,
    PART3_NOTE,
    PART4_BLOCKS,
    PART4_COLUMNS,
    PARTLY,
    PARTLY_NOTE,
    PENALTY,
    REGULATIONS,
    RESULTS,
    REVIEW,
    SUIT_AFTER_REVIEW,
    SUIT_DIRECT,
    TOTAL,
    UNABLE,
    WITHHELD,
    Part2Row,
    Part3Row,
    Path,
)

FORMAT_VERSION = CURRENT.version
DOCUMENT = CURRENT.document
PART2_ROWS = FORMAT_2021.part2_rows
RESULT_GROUPS = FORMAT_2021.result_groups
RESULT_ROWS = FORMAT_2021.result_rows
PART3_ROWS = FORMAT_2021.part3_rows
ROW_NEW, ROW_CARRIED_IN = PART3_ROWS[0], PART3_ROWS[1]
ROW_RESULTS_TOTAL, ROW_CARRIED_OUT = PART3_ROWS[-2], PART3_ROWS[-1]

# Every label the 2019 format prints that the 2021 format does not.
FORMAT_2019_LABELS = frozenset(
    {row.label for row in FORMAT_2019.part2_rows} | {c for row in FORMAT_2019.part2_rows for c in row.columns}
) - frozenset(
    {row.label for row in FORMAT_2021.part2_rows} | {c for row in FORMAT_2021.part2_rows for c in row.columns}
)

# What clerks type for "none" in a cell. The format has no mark for "not applicable": each of
# these is a blank cell (DL401), both in a YAML report and in an imported document.
NONE_MARKS = frozenset(
    mark.casefold()
    for mark in (
        "/", "／", "\\", "—", "——", "-", "--", "–", "－", "－－", "无", "N/A", "NA", "空", "暂无",
        "null", "none", "nil", "没有",
    )
)  # fmt: skip

__all__ = [name for name in dir() if not name.startswith("_")]
