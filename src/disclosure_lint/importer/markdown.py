"""Markdown: `#` headings and pipe tables, as OCR tools, converters and our own `render` write them.

Headings are lines of text; a pipe table's rows are rows of cells. The row above a
`|---|` line is the table's header: a header row of words (even garbled ones such as
`数据1 | 数据2`) is never taken for data, but one that holds a row label and figures
(an OCR tool that put the first data row there) is read as the row it is. A label
written as a path (`三、本年度办理结果·（三）不予公开·1.属于国家秘密`, as `render` does)
is split into its parts, as if the table had merged cells.

OCR tools and converters write a table with merged cells as an HTML `<table>` block instead
(`md_tables.py` reads it as a web page's table is read); around it they leave images (`![](…)`,
no text to read), HTML comments, and figures wrapped as LaTeX (`$7 1 3$`, read as 713 by
`latex.py`).
"""

from __future__ import annotations

import re

from ..findings import Pos
from .latex import unwrap
from .md_tables import lift_tables
from .model import Block, Cell, Line, Row
from .text import blocks_of_lines

_HEADING = re.compile(r"^(\s{0,3}#{1,6}\s+)(.*?)(?:\s+#+)?\s*$")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TAG = re.compile(
    r"<\s*/?\s*(?:div|p|span|center|font|b|strong|i|em|u|sup|sub|html|body|a|section|figure|figcaption|hr)\b[^>]*>"
    r"|<!--.*?-->",  # and comments (Docling's `<!-- image -->`, page markers)
    re.IGNORECASE,
)
# A picture: Markdown's `![alt](path)` or an <img> tag. OCR tools write one for a stamp, a chart,
# or a table they could only crop as an image; it holds no text to read.
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|<\s*img\b[^>]*>", re.IGNORECASE)
_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_QUOTE = re.compile(r"^\s{0,3}>\s?")
_LABEL = re.compile(r"(?:[（(]?[一二三四五六七八九十\d]{1,2}[）)、.．]\s*)?[^\d\s]*[\u4e00-\u9fff][^\d]{3,}")
_LABEL_PATH = "·"  # the separator `render` writes between a row's label parts


def looks_like_markdown(text: str) -> bool:
    """Whether copied text is Markdown: `#` headings or pipe tables with their `|---|` line."""
    headings = separators = piped = 0
    for line in text.split("\n"):
        if _HEADING.match(line):
            headings += 1
        elif "|" in line and _SEPARATOR.match(line) and "-" in line:
            separators += 1
        elif line.strip().endswith("|") and line.count("|") >= 3 - (not line.strip().startswith("|")):
            piped += 1  # a table written with pipes, even without the |---| line or the leading pipe
        if separators >= 1 or headings >= 2 or piped >= 3 or "<table" in line.lower():
            return True
    return False


def blocks_of_markdown(lines: list[str]) -> list[Block]:
    """The blocks of a Markdown text: headings and paragraphs as lines, pipe-table rows and embedded
    HTML tables as rows; figures written as LaTeX read as the figures they are."""
    lines = list(lines)
    tables = lift_tables(lines)  # blanks each HTML table in `lines`
    groups: list[tuple[tuple[int, int], list[Block]]] = [
        ((block.pos.line, block.pos.col), [block]) for block in _blocks(lines)
    ]
    groups += tables
    groups.sort(key=lambda group: group[0])
    return [_unwrap(block) for _, group in groups for block in group]


def _unwrap(block: Block) -> Block:
    if isinstance(block, Row):
        if any("$" in cell.text for cell in block.cells):
            block.cells = [unwrap(cell) for cell in block.cells]
        return block
    return unwrap(block)


def _blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for index, raw in enumerate(lines):
        number = index + 1
        line = _clean(raw)
        if _SEPARATOR.match(line) and "-" in line:
            if blocks and isinstance(blocks[-1], Row) and blocks[-1].pos.line == number - 1:
                blocks[-1].head = True  # the row above the separator is the table's header
            continue
        if line.lstrip().startswith("|") or line.count("|") >= 2 or line.rstrip().endswith("|"):
            row = _row(line, number)
            if row is not None:
                blocks.append(row)
            continue
        heading = _HEADING.match(line)
        if heading:
            text = heading.group(2).strip()
            if text:
                blocks.append(Line(text, Pos(number, len(heading.group(1)) + 1)))
            continue
        quote = _QUOTE.match(line)
        if quote:
            line = " " * quote.end() + line[quote.end() :]
        blocks.extend(blocks_of_lines([line], first_line=number))
    return blocks


def _clean(line: str) -> str:
    """Markup that is no text made into spaces of the same width, so columns still count from the source."""
    line = _BREAK.sub(lambda m: " " * len(m.group()), line)
    line = _IMAGE.sub(lambda m: " " * len(m.group()), line)
    line = _TAG.sub(lambda m: " " * len(m.group()), line)
    return _EMPHASIS.sub(lambda m: " " * len(m.group(1)) + m.group(2) + " " * len(m.group(1)), line)


def _row(line: str, number: int) -> Row | None:
    cells: list[Cell] = []
    start = 0
    stripped = line.rstrip()
    first = len(line) - len(line.lstrip())
    if stripped[first : first + 1] == "|":
        start = first + 1
    end = len(stripped) - 1 if stripped.endswith("|") and not stripped.endswith("\\|") else len(stripped)
    at = start
    for match in re.finditer(r"(?<!\\)\|", stripped[:end] + "|"):
        if match.start() < start:
            continue
        raw = stripped[at : match.start()]
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip().replace("\\|", "|")
        col = at + lead + 1
        if _LABEL_PATH in text:
            offset = 0
            for part in text.split(_LABEL_PATH):
                if part.strip():
                    cells.append(
                        Cell(part.strip(), Pos(number, col + offset + len(part) - len(part.lstrip())))
                    )
                offset += len(part) + 1
        else:
            cells.append(Cell(text, Pos(number, col)))
        at = match.end()
    cells = _unrepeated(cells)
    filled = [cell for cell in cells if cell.text]
    if not filled:
        return None
    return Row(cells, filled[0].pos, grid=True)


def _unrepeated(cells: list[Cell]) -> list[Cell]:
    """A merged cell that a converter wrote once for each column it spans (Docling:
    `| （七）总计 | （七）总计 | 710 |`) is one cell. Only labels and headings are merged so:
    figures, marks and short words (`0 | 0`, `无 | 无`) side by side are cells of their own."""
    kept: list[Cell] = []
    for cell in cells:
        if kept and cell.text == kept[-1].text and _LABEL.fullmatch(cell.text):
            continue
        kept.append(cell)
    return kept
