"""Tables of a PDF page: cells from the ruling lines, laid out on their grid and stitched across pages.

pdfplumber finds the cells (rectangles closed by ruling lines); this module decides
what they mean for a report: a cell as wide as its whole table is a boxed paragraph,
not a table cell; a table cut by a page break is one table; a row label merged down
over several rows is repeated in each row (marked `above`), a merged number never is.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..findings import START, Pos
from . import labels as lb
from .model import Cell, Row

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points, from the top of the page
_SNAP = 2.0  # points: cell edges closer than this are one grid line
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018-\u201d\u2026]")
_NEW_LABEL = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])"
)


@dataclass(eq=False)
class GridCell:
    """One cell as drawn: its box, its text and where the text starts; spans are in grid lines."""

    bbox: BBox
    text: str
    top: float  # where its text starts (its middle when it is empty)
    pos: Pos = START  # set once the page's lines are numbered
    col0: int = 0
    col1: int = 1
    row0: int = 0
    row1: int = 1


@dataclass(eq=False)
class Segment:
    """Rows of one table with no boxed paragraph between them, on one page."""

    page: int
    grid: list[list[GridCell | None]]  # rows × columns; a merged cell is in every place it covers
    tops: list[float]  # each grid row's top
    bbox: BBox
    boxes: list[BBox] = field(default_factory=list)  # its cells' boxes: the text in them is the table's
    ruled: bool = True  # False: found from word positions only (a page with no ruling lines)
    continues: Segment | None = None  # the segment on the page before that this one continues

    @property
    def columns(self) -> int:
        return len(self.grid[0]) if self.grid else 0


def cell_text(raw: str) -> str:
    """A cell's text on one line: a line break inside Chinese text or a number is no space; spaces that
    justified Chinese text leaves between characters are dropped."""
    out: list[str] = []
    lines = [line.strip() for line in raw.split("\n")]
    for line in lines:
        if not line:
            continue
        if out:
            before, after = out[-1][-1], line[0]
            if not (_CJK.match(before) or _CJK.match(after) or (before.isdigit() and after.isdigit())):
                out.append(" ")
        out.append(line)
    text = "".join(out)
    return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", " ".join(text.split()))


_FIGURE_CHARS = frozenset("0123456789.,%-０１２３４５６７８９．，％")


def spaced_figure(chars: Sequence[dict[str, Any]]) -> str | None:
    """A figure printed with its digits spread out (`7 0 5`: Word's distributed alignment, or
    spaces typed between them) as the one figure it is: its glyphs on one line, every gap between
    them the same and narrower than a character. Two figures side by side (a ruling line missing
    between two cells) stand farther apart, or unevenly: None, and they are read as they stand."""
    glyphs = sorted((c for c in chars if str(c["text"]).strip()), key=lambda c: float(c["x0"]))
    if len(glyphs) < 2 or any(c["text"] not in _FIGURE_CHARS for c in glyphs):
        return None
    size = sorted(float(c["size"]) for c in glyphs)[len(glyphs) // 2]
    if max(float(c["top"]) for c in glyphs) - min(float(c["top"]) for c in glyphs) > size / 2:
        return None  # over more than one line
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(glyphs)]
    if max(gaps) > size or max(gaps) - min(gaps) > max(1.0, size / 4):
        return None
    return "".join(str(c["text"]) for c in glyphs)


def _snap(values: Sequence[float]) -> list[float]:
    lines: list[float] = []
    for value in sorted(values):
        if not lines or value - lines[-1] > _SNAP:
            lines.append(value)
    return lines


def _index(lines: list[float], value: float) -> int:
    return min(range(len(lines)), key=lambda i: abs(lines[i] - value))


def read_tables(
    tables: Sequence[Any],
    page: int,
    text_of: Callable[[BBox], tuple[str, float | None]],
    ruled: bool = True,
) -> list[Segment]:
    """The table segments of one page from pdfplumber's tables (each with `.cells` boxes).

    `text_of(bbox)` gives the text inside a box and the top of its first character. A cell as wide as its table is a boxed paragraph: its text is left
    to the running text (a one-column "table" is all boxed paragraphs).
    """
    found: list[Segment] = []
    for table in tables:
        boxes = [tuple(c) for c in table.cells if c is not None]
        if not boxes:
            continue
        left = min(b[0] for b in boxes)
        right = max(b[2] for b in boxes)
        cells = [b for b in boxes if not (b[0] - left <= _SNAP and right - b[2] <= _SNAP)]
        for group in _groups(cells):
            segment = _segment(group, page, text_of, ruled)
            if segment is not None:
                found.append(segment)
    return found


def _groups(cells: list[BBox]) -> list[list[BBox]]:
    """Cells in vertical runs: a gap (where a boxed paragraph was) starts a new run."""
    groups: list[list[BBox]] = []
    bottom = None
    for box in sorted(cells, key=lambda b: (b[1], b[0])):
        if bottom is None or box[1] > bottom + _SNAP:
            groups.append([])
            bottom = box[3]
        groups[-1].append(box)
        bottom = max(bottom, box[3])
    return groups


def _segment(
    boxes: list[BBox],
    page: int,
    text_of: Callable[[BBox], tuple[str, float | None]],
    ruled: bool,
) -> Segment | None:
    xs = _snap([v for b in boxes for v in (b[0], b[2])])
    ys = _snap([v for b in boxes for v in (b[1], b[3])])
    if len(xs) < 3 or len(ys) < 2:  # fewer than two columns: not a table
        return None
    grid: list[list[GridCell | None]] = [[None] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for box in boxes:
        raw, first_top = text_of(box)
        top = first_top if first_top is not None else (box[1] + box[3]) / 2
        cell = GridCell(box, cell_text(raw), top)
        cell.col0, cell.col1 = _index(xs, box[0]), _index(xs, box[2])
        cell.row0, cell.row1 = _index(ys, box[1]), _index(ys, box[3])
        for r in range(cell.row0, cell.row1):
            for c in range(cell.col0, cell.col1):
                if grid[r][c] is None:
                    grid[r][c] = cell
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return Segment(page, grid, ys[:-1], bbox, boxes, ruled)


def place(segment: Segment, line_of: Callable[[float], int]) -> None:
    """Each cell's position: its page and the printed line (or table row) where its text starts."""
    for row in segment.grid:
        for cell in row:
            if cell is not None:
                cell.pos = Pos(segment.page, line_of(cell.top))


def numeric_rows(segment: Segment) -> Segment | None:
    """Only the rows that hold two numbers or more, for a table found from word positions alone: there
    the "table" also takes in prose and headings that happen to line up, which stay running text."""
    keep = [
        r
        for r, row in enumerate(segment.grid)
        if sum(1 for c in _distinct(row) if c.text and lb.value_like(c.text)) >= 2
    ]
    if len(keep) < 2 or segment.columns < 3:
        return None
    grid = [segment.grid[r] for r in keep]
    boxes = list({id(c): c.bbox for row in grid for c in row if c is not None}.values())
    top, bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
    bbox = (segment.bbox[0], top, segment.bbox[2], bottom)
    return Segment(segment.page, grid, [segment.tops[r] for r in keep], bbox, boxes, ruled=False)


# ---------------------------------------------------------------- across pages


def _first_data_row(segment: Segment) -> int | None:
    """The first row that is not column headings (a heading row repeated at the top of a page)."""
    for r, row in enumerate(segment.grid):
        own = [c.text for c in _distinct(row) if c.text and c.row0 == r]
        if own and not lb.is_header(own):
            return r
    return None


def continues(before: Segment, after: Segment) -> bool:
    """Whether `after` (first on its page) goes on with `before` (last on the page before): the same
    columns, and rows that are not only a repeat of the column headings."""
    if after.page != before.page + 1 or after.columns != before.columns or not after.grid:
        return False
    return _first_data_row(after) is not None


def stitch(before: Segment, after: Segment) -> None:
    """Join `after` to `before`: a row label merged down and cut by the page break is one cell.

    In the first data row of `after`, each label column (left of the first number) whose cell
    continues the one above the break is taken as that cell: one side is empty, or the label was cut
    in two (a cell merged down, and the part below does not start a new item such as "（五）").
    """
    after.continues = before
    first = after.grid[_first_data_row(after) or 0]
    last = before.grid[-1]
    for c, cell in enumerate(first):
        above = last[c]
        if cell is None or above is None or cell is above:
            continue
        if (cell.text and lb.value_like(cell.text)) or (above.text and lb.value_like(above.text)):
            break
        if (cell.col0, cell.col1) != (above.col0, above.col1) or not (cell.text or above.text):
            continue
        merged_down = (above.row1 - above.row0 > 1) or (cell.row1 - cell.row0 > 1)
        if cell.text and above.text and not (merged_down and not _NEW_LABEL.match(cell.text)):
            continue
        above.text += cell.text
        for row in after.grid:
            for k, place in enumerate(row):
                if place is cell:
                    row[k] = above


# ---------------------------------------------------------------- rows


def _distinct(row: list[GridCell | None]) -> list[GridCell]:
    out: list[GridCell] = []
    for cell in row:
        if cell is not None and (not out or out[-1] is not cell):
            out.append(cell)
    return out


def rows(segment: Segment, seen: set[int]) -> list[tuple[float, Row]]:
    """The segment's rows for the recogniser, with the top of each; `seen` holds the cells already
    given (a cell met again is merged down from an earlier row)."""
    out: list[tuple[float, Row]] = []
    for r, places in enumerate(segment.grid):
        cells: list[Cell] = []
        last: GridCell | None = None
        row_pos: Pos | None = None  # its first cell of one row only, else its first cell
        single = False
        for place in places:
            if place is None:
                cells.append(Cell("", Pos(segment.page, 0), exact=False))
                continue
            if place is last:
                continue
            last = place
            if id(place) in seen:
                if place.text and not lb.value_like(place.text):
                    cells.append(Cell(place.text, place.pos, exact=False, above=True))
                else:  # a number merged over several rows is not repeated: the rows below are blank
                    cells.append(Cell("", place.pos, exact=False))
                continue
            seen.add(id(place))
            cells.append(Cell(place.text, place.pos, exact=False))
            if place.text and (row_pos is None or (place.row1 - place.row0 == 1 and not single)):
                single = place.row1 - place.row0 == 1
                row_pos = place.pos
        if row_pos is None:
            continue
        for cell in cells:
            if cell.pos.col == 0:
                cell.pos = row_pos
        out.append((segment.tops[r], Row(cells, row_pos, grid=segment.ruled)))
    return out
