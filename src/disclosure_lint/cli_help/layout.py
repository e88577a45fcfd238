"""Help laid out by the columns a terminal shows, where a Chinese character takes two.

click wraps help by counting characters and breaks lines only at spaces, so a Chinese sentence
(no spaces, two columns a character) runs far past the terminal's edge. This formatter measures
East Asian wide characters as two columns, may break between two of them, and keeps closing
punctuation off the start of a line and opening punctuation off its end, as Chinese is set.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from typer._click import HelpFormatter

# A line does not start with these, nor end with the openers.
_CLOSERS = frozenset("，。、；：？！）》」』〕】…％,.;:?!)]}")
_OPENERS = frozenset("（《「『〔【([{")


def width(text: str) -> int:
    """Columns `text` takes on a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _words(text: str) -> list[tuple[str, str]]:
    """(the space before it, the word) for each run of non-space characters (no regex: the help
    needs none compiled)."""
    words = []
    at, end = 0, len(text)
    while at < end:
        start = at
        while at < end and text[at].isspace():
            at += 1
        word = at
        while at < end and not text[at].isspace():
            at += 1
        if at > word:
            words.append((text[start:word], text[word:at]))
    return words


def _units(paragraph: str) -> list[tuple[str, str]]:
    """Pieces a line may break between, each with the space that stood before it."""
    units: list[tuple[str, str]] = []
    for gap, word in _words(paragraph):
        run = ""
        if word.startswith("["):  # a note such as [默认：auto] stays on one line
            units.append((word, gap))
            continue
        for char in word:
            if _wide(char):
                if run:
                    units.append((run, gap))
                    gap, run = "", ""
                units.append((char, gap))
                gap = ""
            else:
                run += char
        if run:
            units.append((run, gap))
    glued: list[tuple[str, str]] = []
    for text, gap in units:
        if glued and not gap and (text[0] in _CLOSERS or glued[-1][0][-1] in _OPENERS):
            glued[-1] = (glued[-1][0] + text, glued[-1][1])
        else:
            glued.append((text, gap))
    return glued


def _join(lines: list[str]) -> str:
    """A paragraph's source lines as one: a space between them, except between two wide characters."""
    text = ""
    for line in lines:
        line = line.strip()
        if text and not (_wide(text[-1]) and _wide(line[0])):
            text += " "
        text += line
    return text


def wrap(text: str, columns: int, first: str = "", rest: str = "") -> str:
    """`text` (paragraphs split by a blank line) filled to `columns`, lines prefixed `first`/`rest`."""
    paragraphs = [[]]  # type: list[list[str]]
    for line in text.splitlines():
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out = []
    for lines in paragraphs:
        if lines:
            out.append(_fill(_join(lines), columns, first, rest))
    return "\n\n".join(out)


def _fill(paragraph: str, columns: int, first: str, rest: str) -> str:
    lines: list[str] = []
    line, used = first, width(first)
    empty = True
    for text, gap in _units(paragraph):
        gap = "" if empty else gap
        size = width(text)
        if not empty and used + len(gap) + size > columns:
            lines.append(line)
            line, used, gap = rest, width(rest), ""
        line += gap + text
        used += len(gap) + size
        empty = False
    lines.append(line)
    return "\n".join(lines)


class Formatter(HelpFormatter):
    """click's help formatter, measuring and wrapping by terminal columns."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = "Usage: " if prefix is None else prefix
        start = f"{prefix:>{self.current_indent}}{prog} "
        room = self.width - self.current_indent
        if room >= width(start) + 20:
            self.write(wrap(args, room, start, " " * width(start)))
        else:  # the program's name is too long: its arguments go on the next line
            indent = " " * (max(self.current_indent, width(prefix)) + 4)
            self.write(f"{start}\n{wrap(args, room, indent, indent)}")
        self.write("\n")

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}\n")  # the catalogue's heading has its colon

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(wrap(text, self.width, indent, indent))
        self.write("\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10)).splitlines()
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")
