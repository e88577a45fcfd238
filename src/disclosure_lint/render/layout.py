"""The official document laid out once, for every output format: headings, paragraphs and the three tables.

The tables follow the printed statutory format (国办公开办函〔2021〕30号): the
part 二 table in four blocks by clause of 第二十条, the part 三 table with its
three heading rows (申请人情况 / 自然人, 法人或其他组织, 总计 / the five kinds of
法人或其他组织) and its row labels merged down their groups, and the part 四 table
as one row of fifteen numbers under two heading rows. Every number is written as
the YAML wrote it.

Texts: each line of a YAML text keeps its line break. A line that ends a sentence
(。！？… and closing quotes or brackets) ends a paragraph; other line ends are line
breaks inside the paragraph, so what is wrapped in the YAML is wrapped in the
document and reads back the same way.
"""

from __future__ import annotations

import datetime
from typing import Any, NamedTuple

from .. import statute as s
from ..document import Report
from ..findings import Path
from ..punctuation import SENTENCE_END

TITLE_SUFFIX = "年政府信息公开工作年度报告"
ASPECT_TITLES = s.parts.ASPECT_TITLES
PART3_NOTE = s.PART3_NOTE
PARTLY_LABEL = f"（二）{s.PARTLY}{s.PARTLY_NOTE}"
ORDINALS = "一二三四五六七八九十"


def part2_clauses(fmt: s.Format) -> list[tuple[str, tuple[s.Part2Row, ...]]]:
    """Table 二's blocks as printed: one per clause of 第二十条, with its rows."""
    clauses: dict[str, list[s.Part2Row]] = {}
    for row in fmt.part2_rows:
        clauses.setdefault(row.clause, []).append(row)
    return [(clause, tuple(rows)) for clause, rows in clauses.items()]


class Paragraph(NamedTuple):
    lines: list[str]
    style: str = "body"  # title, part, aspect, body, signature
    path: Path = ()  # the report value it shows (a text, a part, the agency or date), for marking findings
    starts: tuple[int, ...] = ()  # where each line starts in that text (character offsets)


class TableCell(NamedTuple):
    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    label: bool = False  # a row label: left-aligned in the printed table
    path: Path = ()  # the cell's value (a row's path for its label), for marking findings


class Table:
    """A table as printed: `name` part2, part3 or part4; its rows of cells, filled in as it is laid
    out; `widths`, the columns' relative widths."""

    __slots__ = ("columns", "name", "rows", "widths")

    def __init__(
        self,
        name: str,
        columns: int,
        rows: list[list[TableCell]] | None = None,
        widths: tuple[float, ...] = (),
    ) -> None:
        self.name = name
        self.columns = columns
        self.rows: list[list[TableCell]] = [] if rows is None else rows
        self.widths = widths


Block = Paragraph | Table


def title(report: Report) -> str:
    agency = report.get((s.AGENCY,))
    year = report.get((s.YEAR,))
    agency_text = agency if isinstance(agency, str) else ""
    year_text = str(year) if isinstance(year, int) and not isinstance(year, bool) else ""
    return (
        f"{agency_text}{year_text}{TITLE_SUFFIX}" if year_text else f"{agency_text}政府信息公开工作年度报告"
    )


def paragraphs(text: Any, path: Path = ()) -> list[Paragraph]:
    if not isinstance(text, str):
        return []
    out: list[Paragraph] = []
    current: list[str] = []
    starts: list[int] = []
    offset = 0
    for raw in text.rstrip("\n").split("\n"):
        line = raw.strip()
        start, offset = offset + len(raw) - len(raw.lstrip()), offset + len(raw) + 1
        if not line:
            if current:
                out.append(Paragraph(current, path=path, starts=tuple(starts)))
                current, starts = [], []
            continue
        current.append(line)
        starts.append(start)
        if line[-1] in SENTENCE_END:
            out.append(Paragraph(current, path=path, starts=tuple(starts)))
            current, starts = [], []
    if current:
        out.append(Paragraph(current, path=path, starts=tuple(starts)))
    return out


def cell_text(report: Report, path: Path) -> str:
    """A number as the YAML wrote it: 12.30 stays 12.30, "/" stays "/"; nothing for an empty cell."""
    value = report.get(path)
    if value is None or isinstance(value, dict | list):
        return ""
    scalar = report.scalars.get(path)
    if scalar is not None and not isinstance(value, str):
        return scalar.text.strip()
    return str(value).strip()


def chinese_date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return f"{date.year}年{date.month}月{date.day}日"


def part_value(report: Report, part: str) -> tuple[bool, Any]:
    """(found, value) of a part; a misspelt part key (`五、存在的主要问题及改进情况`) counts, as the linter suggests."""
    if report.has((part,)):
        return True, report.get((part,))
    if isinstance(report.data, dict):
        from ..schema import suggest

        for key, value in report.data.items():
            if key not in s.PARTS and suggest(str(key), list(s.PARTS)) == part:
                return True, value
    return False, None


def layout(report: Report) -> list[Block]:
    blocks: list[Block] = [Paragraph([title(report)], "title")]
    for index, part in enumerate(s.PARTS):
        found, value = part_value(report, part)
        if not found:
            continue
        blocks.append(Paragraph([f"{ORDINALS[index]}、{part}"], "part", (part,)))
        if part == s.PART1 and isinstance(value, dict):
            for aspect in s.ASPECTS:
                if aspect in value:
                    blocks.append(Paragraph([ASPECT_TITLES[aspect]], "aspect", (part, aspect)))
                    blocks.extend(paragraphs(value[aspect], (part, aspect)))
        elif part == s.PART2:
            blocks.append(part2_table(report))
        elif part == s.PART3:
            blocks.append(part3_table(report))
        elif part == s.PART4:
            blocks.append(part4_table(report))
        else:
            blocks.extend(paragraphs(value, (part,)))
    agency = report.get((s.AGENCY,))
    date = chinese_date(report.get((s.PUBLISHED,)))
    if isinstance(agency, str) and agency.strip():
        blocks.append(Paragraph([agency.strip()], "signature", (s.AGENCY,)))
    if date:
        blocks.append(Paragraph([date], "signature", (s.PUBLISHED,)))
    return blocks


def _spans(count: int) -> list[int]:
    """How `count` columns share the three number columns of the printed table 二."""
    return {1: [3], 2: [1, 2], 3: [1, 1, 1]}[count]


def part2_table(report: Report) -> Table:
    table = Table("part2", 4, widths=(2.2, 1.6, 1.6, 1.6))
    for clause, rows in part2_clauses(s.format_of(report.data)):
        columns = rows[0].columns
        table.rows.append([TableCell(clause, colspan=4, header=True)])
        heading = [TableCell(s.tables.CONTENT_HEADING, header=True)]
        for column, span in zip(columns, _spans(len(columns)), strict=True):
            heading.append(TableCell(s.tables.PRINTED_COLUMNS.get(column, column), colspan=span, header=True))
        table.rows.append(heading)
        for row in rows:
            cells = [TableCell(row.label, label=True, path=(s.PART2, row.label))]
            for column, span in zip(row.columns, _spans(len(row.columns)), strict=True):
                path = (s.PART2, row.label, column)
                cells.append(TableCell(cell_text(report, path), colspan=span, path=path))
            table.rows.append(cells)
    return table


def part3_table(report: Report) -> Table:
    table = Table("part3", 10, widths=(1.0, 1.3, 2.6, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8))
    table.rows.append(
        [
            TableCell(PART3_NOTE, rowspan=3, colspan=3, header=True),
            TableCell(s.tables.APPLICANTS_GROUP, colspan=7, header=True),
        ]
    )
    table.rows.append(
        [
            TableCell("自然人", rowspan=2, header=True),
            TableCell(s.tables.ORGANISATIONS_GROUP, colspan=5, header=True),
            TableCell(s.TOTAL, rowspan=2, header=True),
        ]
    )
    table.rows.append([TableCell(column, header=True) for column in s.APPLICANT_COLUMNS[1:]])

    def numbers(path: Path) -> list[TableCell]:
        cells = [
            TableCell(cell_text(report, (*path, i)), path=(*path, i)) for i in range(len(s.PART3_COLUMNS))
        ]
        return cells

    def row(label: str, path: Path, colspan: int) -> list[TableCell]:
        return [TableCell(label, colspan=colspan, label=True, path=path), *numbers(path)]

    table.rows.append(row(f"一、{s.NEW}", (s.PART3, s.NEW), 3))
    table.rows.append(row(f"二、{s.CARRIED_IN}", (s.PART3, s.CARRIED_IN), 3))
    groups = s.format_of(report.data).result_groups
    results_rows = sum(len(items) if items else 1 for _, items in groups) + 1
    first = True
    for index, (group, items) in enumerate(groups):
        lead = [TableCell(f"三、{s.RESULTS}", rowspan=results_rows, label=True)] if first else []
        first = False
        head = f"（{ORDINALS[index]}）{group}"
        if items is None:
            label = PARTLY_LABEL if group == s.PARTLY else head
            table.rows.append([*lead, *row(label, (s.PART3, s.RESULTS, group), 2)])
            continue
        for number, item in enumerate(items, start=1):
            group_cell = [TableCell(head, rowspan=len(items), label=True)] if number == 1 else []
            path = (s.PART3, s.RESULTS, group, item)
            table.rows.append([*lead, *group_cell, *row(f"{number}.{item}", path, 1)])
            lead = []
    table.rows.append(row("（七）总计", (s.PART3, s.RESULTS, s.TOTAL), 2))
    table.rows.append(row(f"四、{s.CARRIED_OUT}", (s.PART3, s.CARRIED_OUT), 3))
    return table


def part4_table(report: Report) -> Table:
    table = Table("part4", 15, widths=(1.0,) * 15)
    table.rows.append(
        [TableCell(s.REVIEW, colspan=5, header=True), TableCell(s.tables.LITIGATION, colspan=10, header=True)]
    )
    table.rows.append(
        [
            *(TableCell(column, rowspan=2, header=True) for column in s.PART4_COLUMNS),
            TableCell(s.SUIT_DIRECT, colspan=5, header=True),
            TableCell(s.SUIT_AFTER_REVIEW, colspan=5, header=True),
        ]
    )
    table.rows.append([TableCell(column, header=True) for column in s.PART4_COLUMNS * 2])
    table.rows.append(
        [
            TableCell(cell_text(report, (s.PART4, block, index)), path=(s.PART4, block, index))
            for block in s.PART4_BLOCKS
            for index in range(len(s.PART4_COLUMNS))
        ]
    )
    return table
