"""HTML: a government web page, or a report exported from Word or rendered by us.

The standard library's `html.parser` reads it (no dependency, and it tolerates the
unclosed tags of real pages); positions are those of the source, character by
character, so a finding names the line and column where the cell or paragraph is.

Tables with `rowspan`/`colspan` are laid out on their grid: a cell merged over
several columns is one cell of its row, a cell merged down over several rows is
repeated in each row below it (marked `above`). A table that holds another table,
has a single column or a very long cell is page layout, not a statutory table: its
cells are read as running text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .. import messages as m
from ..findings import START, Pos
from .model import Block, Cell, Line, ReadError, Row, Source
from .text import clean, decode

BREAK = "\x00"  # a <br>: the text goes on in the same paragraph, on a new line
PARAGRAPH = "\x01"  # a block boundary inside a table cell: a new paragraph
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "caption",
    ]
)
_SKIP_TAGS = frozenset(
    ["script", "style", "noscript", "template", "svg", "math"]
)  # code and drawings, not text
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_LAYOUT_CELL = 300  # characters: a cell this long is a page's text column, not a table cell
_MAX_SPAN = 100
_MAX_AREA = 200_000  # grid places of one table; a statutory table has a few hundred

Chars = list[
    tuple[str, int, int]
]  # runs of text (or a BREAK/PARAGRAPH mark) with the line and column they start at


@dataclass
class _Cell:
    pos: Pos
    rowspan: int = 1
    colspan: int = 1
    chars: Chars = field(default_factory=list)
    inner: list[tuple[int, list[Block]]] = field(
        default_factory=list
    )  # (offset in chars, blocks of a nested table)


@dataclass
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)
    cell: _Cell | None = None
    in_row: bool = False
    layout: bool = False


def read_html(raw: bytes) -> Source:
    declared = _CHARSET.search(raw[:4096])
    text = clean(decode(raw, declared.group(1).decode("ascii") if declared else None))
    parser = _Parser()
    try:
        parser.feed(text)
        parser.close()
    except AssertionError:  # html.parser's last resort on malformed markup
        pass
    parser.finish()
    if not parser.blocks:
        raise ReadError(
            m.NOT_A_REPORT.at(
                START, reason="网页里没有任何正文文字", reason_en="the page holds no text outside its markup"
            )
        )
    return Source(parser.blocks, text, title=parser.title.strip())


def blocks_of_fragment(fragment: str, line: int, col: int) -> list[Block]:
    """The blocks of a piece of HTML that begins at `line`:`col` of another file (a table that an OCR
    tool or a converter embedded in Markdown), read as a page's tables are, with positions in that file."""
    parser = _Parser((line, col))
    try:
        parser.feed(fragment)
        parser.close()
    except AssertionError:  # html.parser's last resort on malformed markup
        pass
    parser.finish()
    return parser.blocks


class _Parser(HTMLParser):
    def __init__(self, origin: tuple[int, int] = (1, 1)) -> None:
        super().__init__(convert_charrefs=False)
        self.origin = origin  # where the text fed begins in the file positions count in
        self.blocks: list[Block] = []
        self.chars: Chars = []  # the running paragraph outside tables
        self.tables: list[_Table] = []
        self.skip: list[str] = []
        self.in_title = False
        self.title = ""

    # ------------------------------------------------------------ where text goes

    def _here(self) -> tuple[int, int]:
        """The line and column the parser is at, in the file the fed text was taken from."""
        line, offset = self.getpos()
        if line == 1:
            return self.origin[0], self.origin[1] + offset
        return self.origin[0] + line - 1, offset + 1

    def _sink(self) -> Chars:
        if self.tables and self.tables[-1].cell is not None:
            return self.tables[-1].cell.chars
        return self.chars

    def _add(self, text: str) -> None:
        if self.skip:
            return
        if self.in_title:
            self.title += text
            return
        self._sink().append((text, *self._here()))

    def _break(self, mark: str = BREAK) -> None:
        sink = self._sink()
        if sink and sink[-1][0] not in (BREAK, PARAGRAPH):
            sink.append((mark, *self._here()))

    def _flush(self) -> None:
        if self.chars:
            self._emit(_lines(self.chars))
            self.chars = []

    def _emit(self, blocks: list[Block]) -> None:
        """Blocks go to the open cell of an enclosing table (which is then layout), or to the page."""
        table = self.tables[-1] if self.tables else None
        if table is not None and table.cell is not None:
            table.layout = True
            table.cell.inner.append((len(table.cell.chars), blocks))
        else:
            self.blocks.extend(blocks)

    # ------------------------------------------------------------ parser events

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip.append(tag)
            return
        if self.skip:
            return
        if tag == "body" or tag in _BLOCK_TAGS or tag == "table":
            self.in_title = False  # a <title> left open ends where the page's body begins
        if tag == "title":
            self.in_title = True
        elif tag == "br":
            self._break()
        elif tag == "table":
            if self.tables and self.tables[-1].cell is not None:
                self.tables[-1].layout = True
            else:
                self._flush()
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            table = self.tables[-1]
            table.cell = None
            table.rows.append([])
            table.in_row = True
        elif tag in ("td", "th") and self.tables:
            table = self.tables[-1]
            if not table.in_row:
                table.rows.append([])
                table.in_row = True
            values = dict(attrs)
            table.cell = _Cell(Pos(*self._here()), _span(values.get("rowspan")), _span(values.get("colspan")))
            table.rows[-1].append(table.cell)
        elif tag in _BLOCK_TAGS:
            if self._sink() is self.chars:
                self._flush()
            else:
                self._break(PARAGRAPH)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _SKIP_TAGS:
            self.handle_starttag(tag, attrs)
            if tag not in ("br", "hr"):
                self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag == "title":
            self.in_title = False
        elif tag == "table" and self.tables:
            self._end_table()
        elif tag in ("td", "th") and self.tables:
            self.tables[-1].cell = None
        elif tag == "tr" and self.tables:
            self.tables[-1].cell = None
            self.tables[-1].in_row = False
        elif tag in _BLOCK_TAGS:
            if self._sink() is self.chars:
                self._flush()
            else:
                self._break(PARAGRAPH)

    def handle_data(self, data: str) -> None:
        self._add(data)

    def handle_entityref(self, name: str) -> None:
        self._add(html.unescape(f"&{name};") if not self.skip else "")

    def handle_charref(self, name: str) -> None:
        self._add(html.unescape(f"&#{name};") if not self.skip else "")

    def finish(self) -> None:
        while self.tables:
            self._end_table()
        self._flush()

    def _end_table(self) -> None:
        table = self.tables.pop()
        if table.layout or _looks_like_layout(table):
            blocks: list[Block] = []
            for row in table.rows:
                for cell in row:
                    blocks.extend(_cell_flow(cell))
        else:
            blocks = list(_grid_rows(table))
        if self.tables and self.tables[-1].cell is not None:
            self.tables[-1].layout = True
            self.tables[-1].cell.inner.append((len(self.tables[-1].cell.chars), blocks))
        else:
            self.blocks.extend(blocks)


def _span(value: str | None) -> int:
    try:
        return max(1, min(_MAX_SPAN, int((value or "1").strip())))
    except ValueError:
        return 1


# ---------------------------------------------------------------- text


def _split(chars: Chars) -> list[tuple[str, tuple[tuple[int, int, int], ...], bool]]:
    """The text's lines: HTML whitespace collapsed to single spaces, each line with its position spans and
    whether it follows a <br> (rather than starting a paragraph)."""
    pieces: list[tuple[str, tuple[tuple[int, int, int], ...], bool]] = []
    out: list[str] = []
    spans: list[tuple[int, int, int]] = []
    soft = False
    space: tuple[int, int] | None = (
        None  # where a run of whitespace began, written as one space if text follows
    )
    expect: tuple[int, int] | None = None  # where the next character is if it follows the last one
    for text, line, col in chars:
        if text in (BREAK, PARAGRAPH):
            pieces.append(("".join(out), tuple(spans), soft))
            out, spans, space, expect, soft = [], [], None, None, text == BREAK
            continue
        for char in text:
            if char.isspace():
                if out and space is None:
                    space = (line, col)
            else:
                if space is not None:
                    if expect != space:
                        spans.append((len(out), *space))
                    out.append(" ")
                    expect, space = (space[0], space[1] + 1), None
                if expect != (line, col):
                    spans.append((len(out), line, col))
                out.append(char)
                expect = (line, col + 1)
            if char == "\n":
                line, col = line + 1, 1
            else:
                col += 1
    pieces.append(("".join(out), tuple(spans), soft))
    return pieces


def _lines(chars: Chars) -> list[Block]:
    """A paragraph's text as lines; lines after a <br> continue the paragraph (soft)."""
    lines: list[Block] = []
    for text, spans, soft in _split(chars):
        if text:
            lines.append(Line(text, Pos(spans[0][1], spans[0][2]), spans, soft=soft and bool(lines)))
    return lines


def _cell_flow(cell: _Cell) -> list[Block]:
    blocks: list[Block] = []
    start = 0
    for offset, inner in cell.inner:
        blocks.extend(_lines(cell.chars[start:offset]))
        blocks.extend(inner)
        start = offset
    blocks.extend(_lines(cell.chars[start:]))
    return blocks


def _cell_text(cell: _Cell) -> Cell:
    """A cell's text on one line: its paragraphs and line breaks joined with spaces."""
    parts: list[str] = []
    spans: list[tuple[int, int, int]] = []
    offset = 0
    for text, piece_spans, _ in _split(cell.chars):
        if not text:
            continue
        if parts:
            parts.append(" ")
            offset += 1
        spans.extend((start + offset, line, col) for start, line, col in piece_spans)
        parts.append(text)
        offset += len(text)
    if not parts:
        return Cell("", cell.pos)
    return Cell("".join(parts), Pos(spans[0][1], spans[0][2]), tuple(spans))


def _looks_like_layout(table: _Table) -> bool:
    widths = {sum(c.colspan for c in row) for row in table.rows if row}
    if not widths or max(widths) <= 1:
        return True
    return any(len(_cell_text(cell).text) > _LAYOUT_CELL for row in table.rows for cell in row)


def _grid_rows(table: _Table) -> list[Row]:
    """Lay the cells out on the table's grid and read each row left to right."""
    height = len(table.rows)
    area = sum(min(c.rowspan, height - r) * c.colspan for r, row in enumerate(table.rows) for c in row)
    spans = area <= _MAX_AREA  # merged cells that would cover millions of places are read as single cells
    grid: list[dict[int, tuple[_Cell, bool]]] = [{} for _ in range(height)]
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while c in grid[r]:
                c += 1
            rowspan, colspan = (cell.rowspan, cell.colspan) if spans else (1, 1)
            for dr in range(min(rowspan, height - r)):
                for dc in range(colspan):
                    grid[r + dr].setdefault(c + dc, (cell, dr > 0))
            c += colspan
    rows: list[Row] = []
    texts: dict[int, Cell] = {}
    for places in grid:
        cells: list[Cell] = []
        last: _Cell | None = None
        for c in sorted(places):
            cell, above = places[c]
            if cell is last:
                continue
            last = cell
            if id(cell) not in texts:
                texts[id(cell)] = _cell_text(cell)
            text = texts[id(cell)]
            cells.append(Cell(text.text, text.pos, text.spans, above=above) if above else text)
        own = [cell for cell in cells if cell.text and not cell.above]
        if own:
            rows.append(Row(cells, own[0].pos))
    return rows
