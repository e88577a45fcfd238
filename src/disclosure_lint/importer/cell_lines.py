"""Tables crawled one cell to a line: `规章 |`, `0 |`, a bare `|`, `|||` after a row.

Some crawlers write each cell of an HTML table on its own line followed by a pipe, and the
columns a merged cell covers as pipes only, on a line of their own or after the row's last
cell (`7  | ||`). Others write a Markdown row whose every cell starts on a new line: a bare
`|` opens the row, then ` 规章  |`, ` 0  |` … No line then holds a whole row, so the rows
are put back together here from what the cells say: a row label starts a row (labels that
follow one another, "三、本年度办理结果" then "（一）予以公开", belong to the same row),
figures and blanks follow it, and covered columns end the row they close. A bare `|` is a
blank cell, unless in this run it only ever comes before a label or heading: then it opens
a row. A run is taken for such a table only when it is long and holds labels of the format;
anything else is left to the other readers untouched.
"""

from __future__ import annotations

import itertools
import re

from ..findings import Pos
from . import inline
from .labels import figure_like
from .model import Cell, Row

# One cell and its closing pipe, then any covered columns: "规章 |", "|", " 7  | ||"
_CELL = re.compile(r"^(\s*)([^|]*?)\s*\|(\s*\|[\s|]*)?\s*$")
_COVERED = re.compile(r"^\s*\|{2,}\s*$")  # the columns a merged cell covers: "|||"
_MIN_RUN = 8  # lines: a shorter run is a stray pipe or a one-cell row of an ordinary table
_MIN_WORDS = 3  # labels or column headings of the format in a run (table 四 has headings only)


def join_bare_pipes(lines: list[str]) -> None:
    """Put a line that holds only a pipe back after the cell on the line before it, in place.

    Some crawlers write each cell on a line of its own and its border as a line `|` below it
    (`规章`, `|`, `0`, `|` …). Joined (`规章 |`, `0 |`), such a table is one of the runs below.
    Done only where the page has many such pairs, so a stray pipe in running text stays as it was;
    the pipe's line is left blank, so every other line keeps its number."""
    pairs = [
        index
        for index in range(1, len(lines))
        if lines[index].strip() == "|" and lines[index - 1].strip() and "|" not in lines[index - 1]
    ]
    if len(pairs) < _MIN_RUN:
        return
    for index in pairs:
        lines[index - 1] = lines[index - 1].rstrip() + " |"
        lines[index] = ""


def cell_line(line: str) -> bool:
    """Whether a line is one crawled cell (or a line of covered columns)."""
    return bool(_COVERED.match(line) or _CELL.match(line))


def runs(lines: list[str]) -> list[tuple[int, int]]:
    """The (first, end) indices of the runs of lines that are a table crawled one cell to a line."""
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if not cell_line(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and (cell_line(lines[end]) or not lines[end].strip()):
            end += 1
        if end - index >= _MIN_RUN and _table_words(lines[index:end]) >= _MIN_WORDS:
            found.append((index, end))
        index = end
    return found


def rows_of_run(lines: list[str], first: int, end: int) -> list[Row]:
    """The rows of one run; `first` is the run's index in `lines` (line numbers count from 1)."""
    rows: list[Row] = []
    current: list[Cell] = []
    kinds: list[str] = []

    def close() -> None:
        filled = [cell for cell in current if cell.text]
        if filled:
            rows.append(Row(list(current), filled[0].pos, grid=True))
        current.clear()
        kinds.clear()

    opens = _bare_pipe_opens_rows(lines, first, end)
    for index in range(first, end):
        line = lines[index]
        if not line.strip():
            continue
        if _COVERED.match(line):
            close()
            continue
        match = _CELL.match(line)
        if match is None:  # cannot happen inside a run; kept safe
            continue
        text = match.group(2)
        if not text and opens and not line[:1].isspace():
            close()
            continue
        kind = _kind(text)
        if _starts_row(kind, kinds):
            close()
        current.append(Cell(text, Pos(index + 1, len(match.group(1)) + 1)))
        kinds.append(kind)
        if match.group(3):  # covered columns after the cell: the row ends here
            close()
    close()
    return rows


def _bare_pipe_opens_rows(lines: list[str], first: int, end: int) -> bool:
    """Whether the run's bare `|` lines open rows rather than stand for blank cells: every cell
    is written indented (" 规章  |") while bare pipes stand at the margin, or each bare pipe
    comes before a label or heading (never before a figure or another blank)."""
    matches = [(line, m) for line in lines[first:end] if (m := _CELL.match(line)) is not None]
    texts = [m.group(2) for _, m in matches]
    if any(not line[:1].isspace() and not m.group(2) for line, m in matches) and all(
        line[:1].isspace() for line, m in matches if m.group(2)
    ):
        return True
    following = [after for before, after in itertools.pairwise(texts) if not before]
    return bool(following) and all(after and _kind(after) != "figure" for after in following)


def _starts_row(kind: str, kinds: list[str]) -> bool:
    """Whether a cell of this kind, after the cells of `kinds`, begins a new row."""
    if not kinds:
        return False
    if kind == "label":
        return kinds[-1] != "label"  # "三、本年度办理结果" then "（一）予以公开": one row
    if kind in ("head", "text"):
        return "figure" in kinds
    return kinds[-1] == "head"  # table 四 has no row label: its figures follow the column headings


def _kind(text: str) -> str:
    """label (a row of the tables), head (a column heading), figure (a value or a blank) or text."""
    if not text or figure_like(text):
        return "figure"
    match = inline._labels().fullmatch(text)
    if match is None:
        return "text"
    return "label" if inline._kind(match) in ("row", "group") else "head"


def _table_words(lines: list[str]) -> int:
    count = 0
    for line in lines:
        match = _CELL.match(line)
        if match and match.group(2) and _kind(match.group(2)) in ("label", "head"):
            count += 1
    return count
