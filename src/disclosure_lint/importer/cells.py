"""A table row's printed pieces fitted to its cells, and the rows written into the draft.

Cells missing from the source, or figures that ran together so that reading alone
cannot cut them, are the importer's loss: they go to `Draft.lost` (reported as DL020)
and `Draft.runs` (for the solver), never as blanks the publisher would be blamed for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import statute as s
from ..findings import Path, Pos
from . import figures
from . import labels as lb
from .draft import Draft, Lost, Run, Value, read_value
from .model import Text

EXPECTED_3 = len(s.PART3_COLUMNS)
EXPECTED_4 = len(s.PART4_COLUMNS)


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
        cells: list[Text] = []
        for piece, way in zip(pieces, found[0], strict=True):
            at = 0
            for number in way:
                cells.append(piece.piece(at, at + len(number)))
                at += len(number)
        return cells, None
    return None, Run(paths, list(pieces), figures.count(tuple(texts), expected))


def fit(record: Record, draft: Draft) -> None:
    """The row's printed pieces as exactly its cells: blanks from the grid's edges, run-together digits cut."""
    values = list(record.values)
    # Blank cells at a row's edges count only in a real grid: in copied text they may be the label's columns.
    trail, lead = (list(record.trail), list(record.lead)) if record.grid else ([], [])
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
        if record.run is not None:
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
                    "这一行没有找到数字",
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


def lose_table(draft: Draft, part: int, pos: Pos, version: int | None) -> None:
    """A table part whose heading was found but that holds no row at all: every cell of its table
    is the importer's loss (the table was an image, or a copy dropped it), never the publisher's
    omission. One DL020 names the whole table; the YAML gets the table's rows as `~`."""
    fmt = s.FORMAT_2019 if version == 2019 else s.FORMAT_2021
    rows: list[tuple[Path, int, tuple[str, ...]]]
    if part == 2:
        rows = [((s.PART2, row.label), len(row.columns), row.columns) for row in fmt.part2_rows]
    elif part == 3:
        rows = [(row.path, len(s.PART3_COLUMNS), ()) for row in fmt.part3_rows]
    else:
        rows = [((s.PART4, block), len(s.PART4_COLUMNS), ()) for block in s.PART4_BLOCKS]
    paths: list[Path] = []
    for path, expected, columns in rows:
        label = Text("", pos)
        record = Record(part, path, expected, label, [label], columns=columns)
        _write(draft, path, record, [Value("", pos, "lost")] * expected)
        paths += cell_paths(path, expected, columns)
    draft.lost.append(
        Lost(
            paths,
            pos,
            "",
            "这一部分在原文中只有标题，没有表格内容（表格可能是图片，或复制网页时丢了），各格未能读出",
            "the part has its heading but no table in the source (an image, or lost in copying); "
            "its cells could not be read",
        )
    )
