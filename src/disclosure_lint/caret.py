"""A finding's source line drawn under it, as ruff and rustc do:

       |
    37 |     予以公开:                         [21, 3, 1, 0, 1, 1, 26]
       |                                       ^~

The caret stands under the finding's column in display columns, not characters: a Chinese
character takes two columns on a terminal, a tab is expanded to the next multiple of four, a
control character is shown as its escape (`\\x1b`), and a character the output's encoding cannot
carry as the `\\uXXXX` escape standard output writes instead (streams.py). Widths come from the
standard library's East Asian Width table (unicodedata): the same answers as wcwidth for the
characters of a report, without its 60 ms import on every run that has findings.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Iterator

from .escape import visible
from .excerpts import Excerpt

TAB = 4
MOST = 120  # display columns of source shown; a longer line is cut around the caret
BEFORE = 40  # of which, at most, before the caret on a cut line
CUT = "..."
_UNICODE = frozenset(("utf-8", "utf-16", "utf-32", "gb18030"))


def char_width(char: str) -> int:
    """Terminal columns of one (printable) character: 2 for wide and full-width, 0 for combining."""
    if char < "\u0300":  # ASCII and Latin-1: the common case, one column
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class Painter:
    """Draws excerpts for one output stream (its encoding decides what becomes an escape)."""

    def __init__(self, encoding: str | None = None, color: bool = False) -> None:
        name = _codec_name(encoding)
        self.encoding = None if name in _UNICODE else name
        self.color = color
        self._shown: dict[str, tuple[str, int]] = {}

    def lines(self, excerpt: Excerpt, col: int, span: int, hue: str) -> Iterator[str]:
        """The gutter, the line and the caret for a finding at `col` covering `span` characters."""
        columns: list[tuple[str, int]] = []  # what each character is shown as, and its columns
        width = 0
        for char in excerpt.text:
            shown, columns_taken = self._piece(char)
            if shown == "\t":  # tabs stop at multiples of TAB display columns
                shown = " " * (TAB - width % TAB)
                columns_taken = len(shown)
            columns.append((shown, columns_taken))
            width += columns_taken
        at = min(max(col - 1 - excerpt.start, 0), len(columns))
        under = max(1, sum(w for _, w in columns[at : at + max(span, 1)]) if at < len(columns) else 1)
        first, last = self._window(columns, at, under)
        left = CUT if first > 0 or excerpt.start > 0 else ""
        right = CUT if last < len(columns) or excerpt.more else ""
        source = left + "".join(text for text, _ in columns[first:last]) + right
        offset = len(left) + sum(w for _, w in columns[first:at])
        number = str(excerpt.line)
        blank = " " * len(number)
        caret = "^" + "~" * (under - 1)
        if self.color:
            gutter, reset = "\033[1;34m", "\033[0m"
            yield f"{gutter}{blank} |{reset}"
            yield f"{gutter}{number} |{reset} {source}".rstrip()
            yield f"{gutter}{blank} |{reset} {' ' * offset}{hue}{caret}{reset}"
        else:
            yield f"{blank} |"
            yield f"{number} | {source}".rstrip()
            yield f"{blank} | {' ' * offset}{caret}"

    def _piece(self, char: str) -> tuple[str, int]:
        known = self._shown.get(char)
        if known is None:
            if char == "\t":
                known = ("\t", 0)
            else:
                shown = visible(char)
                if shown == char and char >= "\u0300" and unicodedata.category(char) == "Cf":
                    shown = f"\\u{ord(char):04x}"  # a zero-width space or BOM: seen, not hidden
                if shown != char:
                    known = (shown, len(shown))
                elif self.encoding is not None and not _encodable(char, self.encoding):
                    escape = char.encode("ascii", "backslashreplace").decode("ascii")
                    known = (char, len(escape))  # standard output writes it as this escape
                else:
                    known = (char, char_width(char))
            self._shown[char] = known
        return known

    @staticmethod
    def _window(columns: list[tuple[str, int]], at: int, under: int) -> tuple[int, int]:
        """The pieces shown: all, or about MOST columns with the caret BEFORE columns in."""
        if sum(w for _, w in columns) <= MOST:
            return 0, len(columns)
        first, width = at, 0
        while first > 0 and width + columns[first - 1][1] <= BEFORE:
            first -= 1
            width += columns[first][1]
        last, width = first, 0
        while last < len(columns) and (
            last < at + 1 or width + columns[last][1] <= max(MOST, under + BEFORE)
        ):
            width += columns[last][1]
            last += 1
        return first, last


def _codec_name(encoding: str | None) -> str:
    try:
        return codecs.lookup(encoding or "utf-8").name
    except LookupError:
        return "utf-8"


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
        return True
    except (UnicodeEncodeError, LookupError):
        return False
