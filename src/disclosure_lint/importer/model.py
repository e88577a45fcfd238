"""What a reader hands the recogniser: the document as a flat run of lines and table rows.

Every reader (plain text, HTML, Word) turns its format into the same blocks, each
with the position it came from, so the recogniser knows nothing of formats:

- `Line`: one line of running text (a paragraph, or one line of a paragraph broken
  with a line break — then `soft` is true and the line is never joined to the one
  before it);
- `Row`: one table row, as its cells from left to right. A cell merged over several
  columns appears once; a cell merged over several rows is repeated in the rows below
  it with `above` set, so every row carries its own row labels.

A line of plain text that holds tab characters is a `Row` with `grid` false: its
cells are where the copy put tabs, which need not line up with the printed table.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ..findings import Pos


@dataclass
class Text:
    """A piece of text and where it came from.

    `spans` lists (offset, line, col) wherever the text's characters stop following
    one another on one source line (HTML, where markup and collapsed spaces sit
    between them); `exact` is false where a position names a whole block rather than
    a character (Word: paragraph or row number, cell number).
    """

    text: str
    pos: Pos
    spans: tuple[tuple[int, int, int], ...] = ()
    exact: bool = True

    def pos_at(self, offset: int) -> Pos:
        if not self.exact:
            return self.pos
        if self.spans:
            index = bisect.bisect_right(self.spans, (offset, 1 << 62, 0)) - 1
            start, line, col = self.spans[max(index, 0)]
            return Pos(line, col + max(0, offset - start))
        return Pos(self.pos.line, self.pos.col + offset)

    def piece(self, start: int, end: int) -> Text:
        """The text from `start` to `end`, with its own positions."""
        spans: tuple[tuple[int, int, int], ...] = ()
        if self.spans:
            first = self.pos_at(start)
            later = [(offset - start, line, col) for offset, line, col in self.spans if start < offset < end]
            spans = ((0, first.line, first.col), *later)
        return Text(self.text[start:end], self.pos_at(start), spans, self.exact)


@dataclass
class Cell(Text):
    above: bool = False  # repeated from a cell merged down from an earlier row


@dataclass
class Line(Text):
    soft: bool = False  # continues the paragraph of the line before (a line break, not a new paragraph)
    heading: int | None = None  # 0–5: the heading of part 一–六, as the segmenter found it


@dataclass
class Row:
    cells: list[Cell]
    pos: Pos
    grid: bool = True  # cells come from a real table (HTML, Word), not from tabs in copied text
    head: bool = False  # the table's header row as the format marks it (Markdown's row above |---|)


Block = Line | Row


@dataclass
class Source:
    """A read document: its blocks, the text positions refer to, and what went wrong reading it."""

    blocks: list[Block]
    text: str  # the source as lines: what `line:col` positions count in
    title: str = ""  # an HTML <title>, used when the body names neither agency nor year
    problems: list[Any] = field(default_factory=list)  # findings from reading (encoding warnings)
    # Whether `text` is the file itself, line for line, so that a position can be shown in its line:
    # a web page or a text file; not Word (paragraph and cell numbers) or PDF (pages, printed lines).
    is_file: bool = True


class ReadError(Exception):
    """The document cannot be read at all; `finding` says why (DL001, DL002, DL006 or DL007)."""

    def __init__(self, finding: Any) -> None:
        super().__init__(finding.message("en"))
        self.finding = finding
