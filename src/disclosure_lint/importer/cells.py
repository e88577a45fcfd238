"""A table row's printed pieces fitted to its cells, and the rows written into the draft.

Cells missing from the source, or figures that ran together so that reading alone
cannot cut them, are the importer's loss: they go to `Draft.lost` (reported as DL020)
and `Draft.runs` (for the solver), never as blanks the publisher would be blamed for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import statute as s
from ..findings import Path, Pos
from . import figures
from . import labels as lb
from .draft import Draft, Lost, Run, Value, read_value
from .model import Text

NO_FIGURES = "这一行没有找到数字"
EXPECTED_3 = len(s.PART3_COLUMNS)
EXPECTED_4 = len(s.PART4_COLUMNS)
TOTAL_3 = s.PART3_COLUMNS.index(s.TOTAL)
TOTAL_4 = s.PART4_COLUMNS.index(s.TOTAL)


@dataclass
class Record:
    part: int
    path: Path
    expected: int
    label: Text
    labels: list[Text]
    values: list[Text] = field(default_factory=list)
    lead: list[Text] = field(default_factory=list)
    trail: list[Text] = field(default_factory=list)
    grid: bool = True
    run: Run | None = None  # figures that ran together and could not be cut by reading
    columns: tuple[str, ...] = ()  # a table 二 row's columns, in its format
    reported: bool = False  # its cells are lost and already listed in `Draft.lost`
    blank_row: bool = False  # read from a row of empty cells: a later row of its label with figures wins


def cell_paths(path: Path, expected: int, columns: tuple[str, ...] = ()) -> list[Path]:
    """The paths of a row's cells, in printed order (a table 二 row's by its columns)."""
    if path[0] == s.PART2:
        if not columns:
            row = s.FORMAT_2021.part2_row(str(path[1])) or s.FORMAT_2019.part2_row(str(path[1]))
            columns = row.columns if row is not None else ()
        return [(*path, column) for column in columns]
    return [(*path, index) for index in range(expected)]


def cut_run(pieces: list[Text], expected: int, paths: list[Path]) -> tuple[list[Text] | None, Run | None]:
    """Pieces of digits cut into `expected` cells where only one cut fits; else the run for the solver."""
    texts = [piece.text for piece in pieces]
    tail = (
        figures.TAIL.search(texts[-1]) if texts else None
    )  # "…432.52元": decimals and unit end the last cell
    if tail is not None and tail.start() > 0:
        texts[-1] = texts[-1][: tail.start()]
    if len(texts) == expected or not figures.runs_together(texts):
        return None, None
    found = figures.cuts(texts, expected, limit=2)
    if found and tail is not None and tail.start() > 0:
        for way in found:
            way[-1][-1] += tail.group()
    if not found:
        return None, None  # no cut fits: cells are missing, not run together
    if len(found) == 1:
        if not _adds_up([number for way in found[0] for number in way], paths):
            # the one cut breaks the row's own total: cells left out (a PDF's text drops empty
            # cells: "258 12 1 1" for seven), not digits run together
            return None, None
        cells: list[Text] = []
        for piece, way in zip(pieces, found[0], strict=True):
            at = 0
            for number in way:
                cells.append(piece.piece(at, at + len(number)))
                at += len(number)
        return cells, None
    return None, Run(paths, list(pieces), figures.count(tuple(texts), expected))


def _adds_up(numbers: list[str], paths: list[Path]) -> bool:
    """Whether cells cut from a run keep the total of each row they fill (表三: six applicant
    columns make 总计; 表四: four outcomes make 总计); table 二 has no total to keep."""
    by_row: dict[Path, dict[int, int]] = {}
    for number, path in zip(numbers, paths, strict=True):
        if path[0] in (s.PART3, s.PART4) and isinstance(path[-1], int):
            digits = "".join(ch for ch in number if ch.isdigit())
            by_row.setdefault(path[:-1], {})[path[-1]] = int(digits or 0)
    for row_path, cells in by_row.items():
        total = TOTAL_3 if row_path[0] == s.PART3 else TOTAL_4
        if total in cells and len(cells) == total + 1 and sum(cells[i] for i in range(total)) != cells[total]:
            return False
    return True


def fit(record: Record, draft: Draft) -> None:
    """The row's printed pieces as exactly its cells: blanks from the grid's edges, run-together digits cut."""
    values = list(record.values)
    # Blank cells at a row's edges count only in a real grid: in copied text they may be the label's columns,
    # unless they make exactly the row's cells (a browser's copy keeps a tab for each empty cell).
    trail, lead = (list(record.trail), list(record.lead)) if record.grid else ([], [])
    if not record.grid and len(values) < record.expected:
        trail, lead = edge_blanks(len(values), record.lead, record.trail, record.expected)
    while len(values) < record.expected and trail:
        values.append(trail.pop(0))
    while len(values) < record.expected and lead:
        values.insert(0, lead.pop())
    if not record.grid:  # in a grid a cell is a cell: its digits are one number, never cut
        cut, run = cut_run(values, record.expected, cell_paths(record.path, record.expected, record.columns))
        if cut is not None:
            values = cut
        elif run is not None:
            record.run = run
            draft.runs.append(run)
            values = []
    if len(values) > record.expected:
        extra = values[record.expected :]
        values = values[: record.expected]
        text = " ".join(v.text for v in extra if v.text)
        if text:
            draft.note(
                extra[0].pos,
                text,
                f"这一行的格子多于法定格式的 {record.expected} 格，多出的没有放入",
                f"more cells than the {record.expected} of the format; the extra ones were left out",
            )
    record.values = values
    record.lead, record.trail = [], []


def edge_blanks(
    found: int, lead: list[Text], trail: list[Text], expected: int
) -> tuple[list[Text], list[Text]]:
    """The blank cells before and after a copied row's figures that are its cells: all of them when
    they make exactly the row, else those after the figures when these do; none otherwise."""
    if found + len(lead) + len(trail) == expected:
        return list(trail), list(lead)
    if found + len(trail) == expected:
        return list(trail), []
    return [], []


def split_pool(pool: list[Text], records: dict[Path, Record], seen: dict[str, Pos], draft: Draft) -> None:
    """Table 四 as printed: one row of 15 numbers, 行政复议 then 未经复议直接起诉 then 复议后起诉."""
    if not pool:
        return
    blocks = [block for block in s.PART4_BLOCKS if (s.PART4, block) not in records]
    paths = [path for block in blocks for path in cell_paths((s.PART4, block), EXPECTED_4)]
    cut, run = cut_run(pool, len(paths), paths) if len(pool) < len(paths) else (None, None)
    if run is not None:
        draft.runs.append(run)
    pool = cut if cut is not None else list(pool)
    if run is None and len(pool) < len(paths):
        # fewer figures than cells and no cut of them fits: which cells are missing (a PDF's
        # text drops empty ones), the figures do not say; none is given to the first blocks
        first = pool[0]
        for block in blocks:
            label = Text(block, seen.get(block, first.pos))
            records[(s.PART4, block)] = Record(4, (s.PART4, block), EXPECTED_4, label, [label], reported=True)
        draft.lost.append(
            Lost(
                paths,
                first.pos,
                " ".join(v.text for v in pool),
                f"复议诉讼表只找到 {len(pool)} 格，少了 {len(paths) - len(pool)} 格，无法确定少的是哪几格",
                f"only {len(pool)} of table 四's {len(paths)} cells were found, so which are missing is unknown",
            )
        )
        return
    for block in blocks:
        path = (s.PART4, block)
        if not pool and run is None:
            continue
        label = Text(block, seen.get(block, (pool or run.pieces)[0].pos))  # type: ignore[union-attr]
        if run is not None:
            records[path] = Record(4, path, EXPECTED_4, label, [label], [], run=run)
            continue
        cells, pool = pool[:EXPECTED_4], pool[EXPECTED_4:]
        records[path] = Record(4, path, EXPECTED_4, label, [label], cells)
    if pool and run is None:
        draft.note(
            pool[0].pos,
            " ".join(v.text for v in pool),
            "复议诉讼表中多出的数字",
            "numbers beyond the 15 cells of table 四",
        )


def place(draft: Draft, records: dict[Path, Record]) -> None:
    """Every row's cells into the draft, with positions; cells the importer lost listed as such."""
    reported: set[int] = set()
    for path, record in records.items():
        values = [read_value(v) for v in record.values]
        paths = cell_paths(path, record.expected, record.columns)
        values = [
            _in_yuan(value) if at[-1] == s.tables.PROCUREMENT_AMOUNT else value
            for value, at in zip(values, paths, strict=False)
        ]
        if record.reported:
            values = [Value("", record.label.pos, "lost")] * record.expected
        elif record.run is not None:
            values = [Value("", record.run.pos, "lost")] * record.expected
            if id(record.run) not in reported:
                reported.add(id(record.run))
                run = record.run
                draft.lost.append(
                    Lost(
                        list(run.paths),
                        run.pos,
                        run.text,
                        f"数字连在一起，有 {_many(run.candidates)} 种拆成 {len(run.paths)} 格的方式，无法确定各格",
                        f"the figures ran together and cut into {len(run.paths)} cells in "
                        f"{_many(run.candidates)} ways",
                    )
                )
        elif not values:
            values = [Value("", record.label.pos, "lost")] * record.expected
            draft.lost.append(
                Lost(
                    paths,
                    record.label.pos,
                    record.label.text,
                    NO_FIGURES,
                    "no figures found for this row",
                )
            )
        elif len(values) < record.expected:  # which cell is missing, the source does not say
            found = len(values)
            values = [Value("", record.values[0].pos, "lost")] * record.expected
            draft.lost.append(
                Lost(
                    paths,
                    record.values[0].pos,
                    " ".join(v.text for v in record.values),
                    f"这一行只找到 {found} 格，少了 {record.expected - found} 格，无法确定少的是哪一格",
                    f"only {found} of the row's {record.expected} cells were found, so which one is missing is unknown",
                )
            )
        for index, value in enumerate(values):
            if value.kind == "unreadable" and lb.MISREAD.match(value.text):
                # digits with letters a text recogniser confuses with them ("1O", "l2"): our misreading
                values[index] = Value("", value.pos, "lost")
                draft.lost.append(
                    Lost(
                        [paths[index]],
                        value.pos,
                        value.text,
                        "数字中夹着形近的字母，像是文字识别（OCR）读错了",
                        "letters that look like digits among the digits, as text recognition (OCR) misreads them",
                    )
                )
            elif (
                value.kind == "unreadable"
            ):  # the publisher wrote words in a cell: the cells rule explains it
                draft.note(
                    value.pos,
                    value.text,
                    "看不懂的格子，按空格处理（不是数字，也不是“/”“—”“无”之类的占位符）",
                    "a cell that is neither a number nor a 'none' mark; left blank",
                )
        _write(draft, path, record, values)


_YUAN = re.compile(r"^([0-9]+(?:\.[0-9]+)?)\s*元$")


def _in_yuan(value: Value) -> Value:
    """The 2019 format's 采购总金额 as "251000元": its format names no unit and reports write it in
    元, so the figure is read as written; the unit is no error (万元, a conversion, stays text)."""
    found = _YUAN.match(value.text) if value.kind == "text" else None
    return Value(found.group(1), value.pos, "number") if found else value


def _many(candidates: int) -> str:
    return f"{candidates}+" if candidates >= figures.CAP else str(candidates)


def _write(draft: Draft, path: Path, record: Record, values: list[Value]) -> None:
    part = path[0]
    draft.parts.add(str(part))
    draft.keys[path] = record.label.pos
    draft.values[path] = values[0].pos if values else record.label.pos
    if part == s.PART2:
        for column, value in zip(record.columns, values, strict=False):
            draft.values[(*path, column)] = draft.keys[(*path, column)] = value.pos
    else:
        for index, value in enumerate(values):
            draft.values[(*path, index)] = value.pos
    if part == s.PART2:
        draft.part2[str(path[1])] = values
        draft.columns[str(path[1])] = record.columns
    elif part == s.PART3:
        draft.part3[path] = values
    else:
        draft.part4[str(path[1])] = values


_ONLY_HEADING = (
    "这一部分在原文中只有标题，没有表格内容（表格可能是图片，或复制网页时丢了），各格未能读出",
    "the part has its heading but no table in the source (an image, or lost in copying); "
    "its cells could not be read",
)
_NO_FIGURE_AT_ALL = (
    "表格只有行标题，没有任何数字（数字可能是图片，或复制时丢了），各格未能读出",
    "the table has its row labels but no figure at all (images, or lost in copying); its cells could not be read",
)


def lose_table(
    draft: Draft, part: int, pos: Pos, version: int | None, why: tuple[str, str] = _ONLY_HEADING
) -> None:
    """A table part none of whose cells could be read: its heading with no table under it, or row
    labels with no figure at all. Every cell of the table is the importer's loss (the table or its
    figures were images, or a copy dropped them), never the publisher's omission: one DL020 names
    the whole table, and the YAML gets every row of the format as `~`, so no rule reads a row as
    missing from the report."""
    paths: list[Path] = []
    for path, expected, columns in _format_rows(part, version):
        label = Text("", pos)
        record = Record(part, path, expected, label, [label], columns=columns)
        _write(draft, path, record, [Value("", pos, "lost")] * expected)
        paths += cell_paths(path, expected, columns)
    draft.lost.append(Lost(paths, pos, "", *why))


def lose_figureless_tables(draft: Draft, seen: dict[str, Pos]) -> None:
    """A table whose rows were found by their labels but without a single figure: one DL020 for
    the table, not one for each row. A row whose label was printed but, with no figures beside it,
    read as a heading (（六）其他处理 of the 2019 format, 行政复议) is unread with them, not missing;
    a row not printed at all is still missing. Rows of blank cells in such a table are unread with
    them: a table without a single figure is more likely figures lost (images in the cells) than a
    publisher who left every cell empty."""
    for number, part in ((2, s.PART2), (3, s.PART3), (4, s.PART4)):
        rows = [item for item in draft.lost if item.paths and item.paths[0][0] == part]
        table: dict[Any, list[Value]] = (
            draft.part2 if number == 2 else draft.part3 if number == 3 else draft.part4  # type: ignore[assignment]
        )
        read = any(value.kind not in ("lost", "blank") for values in table.values() for value in values)
        blank = [key for key, values in table.items() if values and all(v.kind == "blank" for v in values)]
        if len(rows) + len(blank) < 2 or read or any(item.why != NO_FIGURES for item in rows):
            continue
        paths = [path for item in rows for path in item.paths]
        for key in blank:
            path = key if number == 3 else (part, key)
            table[key] = [Value("", value.pos, "lost") for value in table[key]]
            paths += cell_paths(path, len(table[key]), draft.columns.get(str(key), ()))
        starts = [item.pos for item in rows] + [
            draft.keys[key if number == 3 else (part, key)] for key in blank
        ]
        pos = min(starts, key=lambda at: (at.line, at.col))
        for path, expected, columns in _format_rows(number, draft.meta.get(s.VERSION)):
            if str(path[-1]) in seen and path not in draft.keys:
                label = Text("", seen[str(path[-1])])
                record = Record(number, path, expected, label, [label], columns=columns)
                _write(draft, path, record, [Value("", label.pos, "lost")] * expected)
                paths += cell_paths(path, expected, columns)
        draft.lost = [item for item in draft.lost if item not in rows]
        draft.lost.append(Lost(paths, pos, "", *_NO_FIGURE_AT_ALL))


def lose_heading_rows(draft: Draft, seen: dict[str, Pos]) -> None:
    """The 2019 format's single （六）其他处理 row printed with no figure beside it (a PDF's text
    drops empty cells) reads as the 2021 format's group heading; in a 2019 table it is that row,
    unread, not a row missing from the report."""
    path = (s.PART3, s.RESULTS, s.OTHER_HANDLING)
    if draft.meta.get(s.VERSION) != 2019 or path in draft.keys or s.OTHER_HANDLING not in seen:
        return
    label = Text("", seen[s.OTHER_HANDLING])
    record = Record(3, path, EXPECTED_3, label, [label])
    _write(draft, path, record, [Value("", label.pos, "lost")] * EXPECTED_3)
    draft.lost.append(
        Lost(
            cell_paths(path, EXPECTED_3),
            label.pos,
            "（六）其他处理",
            NO_FIGURES,
            "no figures found for this row",
        )
    )


def _format_rows(part: int, version: int | None) -> list[tuple[Path, int, tuple[str, ...]]]:
    """Every row of a table in the format: (path, cells, table 二's columns)."""
    fmt = s.FORMAT_2019 if version == 2019 else s.FORMAT_2021
    if part == 2:
        return [((s.PART2, row.label), len(row.columns), row.columns) for row in fmt.part2_rows]
    if part == 3:
        return [(row.path, len(s.PART3_COLUMNS), ()) for row in fmt.part3_rows]
    return [((s.PART4, block), len(s.PART4_COLUMNS), ()) for block in s.PART4_BLOCKS]
