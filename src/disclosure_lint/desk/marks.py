"""Where on the printed document each finding belongs: a table cell, a sentence, a heading, or the top.

The document is the one `render.layout` lays out for every output format; its table cells and
paragraphs carry the report path they show. A finding is placed by its own path and position,
never by checking anything again:

* a path that is a cell (or a row, whose label cell carries the row's path) marks that cell, and
  the cells the finding says it also explains (`covers`);
* a path that is a text, with a position inside it, marks the sentence at that position;
* a path under a part, a text or the agency/date line sits beside that heading or paragraph;
* anything else (metadata, the file as a whole) is listed above the document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..document import Report
from ..findings import Finding, Path, Severity
from ..punctuation import SENTENCE_END
from ..render.layout import Block, Paragraph, Table


@dataclass
class Placed:
    """The findings on the document, each with its number (1-based, the order of the findings list)."""

    cells: dict[Path, list[int]] = field(default_factory=dict)
    # (text path, offset in the text) of each finding placed on a sentence.
    sentences: dict[int, tuple[Path, int]] = field(default_factory=dict)
    beside: dict[Path, list[int]] = field(default_factory=dict)  # notes under a heading or paragraph
    general: list[int] = field(default_factory=list)
    anchor: dict[int, str] = field(default_factory=dict)  # number → what it points at: cell/text/note


def table_cells(blocks: Sequence[Block]) -> Iterator[Path]:
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                yield from (cell.path for cell in row if cell.path)


def place(report: Report | None, blocks: Sequence[Block], findings: Sequence[Finding]) -> Placed:
    placed = Placed()
    cells = set(table_cells(blocks))
    paragraphs = {b.path for b in blocks if isinstance(b, Paragraph) and b.path}
    texts = {b.path for b in blocks if isinstance(b, Paragraph) and b.path and b.style == "body"}
    for number, finding in enumerate(findings, start=1):
        path = tuple(finding.path)
        if path in cells:
            marked = [path, *(tuple(c) for c in finding.covers if tuple(c) in cells)]
            for cell in dict.fromkeys(marked):
                placed.cells.setdefault(cell, []).append(number)
            placed.anchor[number] = "cell"
            continue
        if report is not None and path in texts:
            offset = text_offset(report, path, finding)
            if offset is not None:
                placed.sentences[number] = (path, offset)
                placed.anchor[number] = "text"
                continue
        owner = next((path[:n] for n in range(len(path), 0, -1) if path[:n] in paragraphs), None)
        if owner is not None:
            placed.beside.setdefault(owner, []).append(number)
            placed.anchor[number] = "note"
        else:
            placed.general.append(number)
            placed.anchor[number] = "general"
    return placed


def text_offset(report: Report, path: Path, finding: Finding) -> int | None:
    """The character of the text at `path` the finding's position points at, or None when it points elsewhere.

    `Report.text_pos` maps characters to positions; its inverse is found by bisection over the
    text's non-blank characters, whose positions only grow.
    """
    value = report.get(path)
    if not isinstance(value, str):
        return None
    glyphs = [index for index, char in enumerate(value) if not char.isspace()]
    if not glyphs:
        return None
    wanted = (finding.pos.line, finding.pos.col)

    def key(k: int) -> tuple[int, int]:
        pos = report.text_pos(path, glyphs[k])
        return pos.line, pos.col

    if not key(0) <= wanted <= key(len(glyphs) - 1):
        return None
    low, high = 0, len(glyphs) - 1  # the last glyph at or before the position
    while low < high:
        middle = (low + high + 1) // 2
        if key(middle) <= wanted:
            low = middle
        else:
            high = middle - 1
    return glyphs[low]


@dataclass(frozen=True)
class Piece:
    """A stretch of one printed line, with the findings whose sentence it belongs to."""

    text: str
    numbers: tuple[int, ...] = ()


def line_pieces(paragraph: Paragraph, index: int, offsets: dict[int, int]) -> list[Piece]:
    """Line `index` of `paragraph` cut into sentences, the ones holding a finding's offset marked.

    `offsets` maps finding numbers to offsets in the paragraph's text.
    """
    line = paragraph.lines[index]
    start = paragraph.starts[index] if index < len(paragraph.starts) else None
    if start is None:
        return [Piece(line)]
    inside = {n: o - start for n, o in offsets.items() if start <= o < start + len(line)}
    if not inside:
        return [Piece(line)]
    ends = [i + 1 for i, char in enumerate(line) if char in SENTENCE_END]
    bounds = sorted({0, *ends, len(line)})
    pieces = []
    for a, b in pairwise(bounds):
        numbers = tuple(sorted(n for n, o in inside.items() if a <= o < b))
        pieces.append(Piece(line[a:b], numbers))
    return pieces


def worst(findings: Sequence[Finding], numbers: Sequence[int]) -> Severity:
    return max(findings[n - 1].severity for n in numbers)


def sentence_offsets(placed: Placed, path: Path) -> dict[int, int]:
    return {n: offset for n, (p, offset) in placed.sentences.items() if p == path}


__all__ = ["Piece", "Placed", "line_pieces", "place", "sentence_offsets", "worst"]
