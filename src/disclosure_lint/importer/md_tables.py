"""HTML tables inside Markdown, as OCR tools and converters write them.

MinerU, PaddleOCR, marker, Docling and pandoc write a document's prose as Markdown but each table
with merged cells as an HTML `<table>` block: often all on one line, sometimes over many, sometimes
wrapped in `<html><body>`, without `<tbody>`, with `<th>` or `<td>`, or cut off before `</table>`
(an OCR model that ran out of output). Each such block is lifted out of the lines and read by the
HTML importer's own table reading (`html.blocks_of_fragment`), so `rowspan`/`colspan` are laid
out exactly as on a web page, and every cell keeps its line and column in the Markdown file. The
block's place in the lines is blanked with spaces, so what stands before or after it on its lines
is still read as text at its own columns.
"""

from __future__ import annotations

import re

from .html import blocks_of_fragment
from .model import Block

# Where a table begins: a <table> tag, or a line that starts with a row or row group whose
# <table> tag the tool left out.
_OPEN = re.compile(r"<table\b|^\s*<(?:thead|tbody|tr)\b", re.IGNORECASE)
_TAGS = re.compile(r"<(/?)table\b[^>]*>|<!--.*?(?:-->|$)", re.IGNORECASE)
_BLANK_OR_HEADING = re.compile(r"^\s*(?:#{1,6}\s|$)")


def lift_tables(lines: list[str]) -> list[tuple[tuple[int, int], list[Block]]]:
    """Take every HTML table out of `lines` (blanking it there) and read it.

    Returns (line, column) where each table began, with the blocks it was read as (rows, or lines
    of text where the table is page layout rather than a table of figures).
    """
    tables: list[tuple[tuple[int, int], list[Block]]] = []
    index = 0
    while index < len(lines):
        found = _OPEN.search(lines[index])
        if found is None:
            index += 1
            continue
        start = found.start() if found.group().startswith("<") else found.end() - len(found.group().lstrip())
        end_line, end_col = _end(
            lines, index, start, closed_by_tag=found.group().lower().startswith("<table")
        )
        fragment = _take(lines, index, start, end_line, end_col)
        tables.append(((index + 1, start + 1), blocks_of_fragment(fragment, index + 1, start + 1)))
        index = end_line  # the rest of the last line may begin another table
    return tables


def _end(lines: list[str], index: int, start: int, closed_by_tag: bool) -> tuple[int, int]:
    """Where the table that begins at `start` on line `index` ends: just after the `</table>` that
    closes it, else (a table cut off) at the end of the last line before a blank line or heading."""
    depth = 0 if closed_by_tag else 1
    number, at = index, start
    while number < len(lines):
        line = lines[number]
        if number > index and _BLANK_OR_HEADING.match(line):
            break
        for tag in _TAGS.finditer(line, at):
            if tag.group().startswith("<!--"):
                continue
            depth += -1 if tag.group(1) else 1
            if depth <= 0:
                return number, tag.end()
        number, at = number + 1, 0
    last = number - 1
    return last, len(lines[last])


def _take(lines: list[str], index: int, start: int, end_line: int, end_col: int) -> str:
    """The table's text, its place in `lines` blanked with spaces of the same width."""
    if end_line == index:
        fragment = lines[index][start:end_col]
        lines[index] = lines[index][:start] + " " * (end_col - start) + lines[index][end_col:]
        return fragment
    parts = [lines[index][start:]]
    lines[index] = lines[index][:start] + " " * (len(lines[index]) - start)
    for number in range(index + 1, end_line):
        parts.append(lines[number])
        lines[number] = " " * len(lines[number])
    parts.append(lines[end_line][:end_col])
    lines[end_line] = " " * end_col + lines[end_line][end_col:]
    return "\n".join(parts)
