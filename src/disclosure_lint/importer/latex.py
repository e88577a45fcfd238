"""Figures an OCR tool wrote as LaTeX: `$12$`, `$\\mathrm{12}$`, `$1 2$`, `$3 5 . 6 \\%$`.

Formula-aware OCR (MinerU, marker, PaddleOCR's formula model) sometimes takes a figure in running
text or in a table cell for a formula and wraps it in `$…$`, often with a space between every
digit. In LaTeX's math mode spaces mean nothing, so `$1 2$` is the figure 12. A `$…$` whose
content, once its font commands, braces and spaces are gone, is a plain figure (digits, a decimal
point or thousands separators, a sign, a percent sign) is read as that figure; anything else is
left as written. The characters kept keep their own positions in the source.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

from .model import Text

_MATH = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]{1,80}?)(?<!\\)\$(?!\$)")
# What carries no character of the figure: font commands, braces, LaTeX's spacing commands, spaces.
_NOISE = re.compile(
    r"\\(?:mathrm|mathbf|mathit|mathsf|text|textbf|textrm|rm|bf|boldsymbol)\b|[{}\s~]|\\[,;:! ]"
)
_FIGURE = re.compile(r"[+\-−]?\d[\d.,，]*%?|[+\-−]?\.\d+%?")

T = TypeVar("T", bound=Text)


def unwrap(text: T) -> T:
    """`text` with each figure written as LaTeX put back as the plain figure, positions kept."""
    if "$" not in text.text:
        return text
    kept: list[tuple[int, str]] = []  # (offset in text, character)
    at = 0
    for math in _MATH.finditer(text.text):
        figure = _figure(math.group(1), math.start(1))
        if figure is None:
            continue
        kept += [(offset, text.text[offset]) for offset in range(at, math.start())]
        kept += figure
        at = math.end()
    if at == 0:
        return text
    kept += [(offset, text.text[offset]) for offset in range(at, len(text.text))]
    spans: list[tuple[int, int, int]] = []
    expect = None
    for index, (offset, _) in enumerate(kept):
        pos = text.pos_at(offset)
        if (pos.line, pos.col) != expect:
            spans.append((index, pos.line, pos.col))
        expect = (pos.line, pos.col + 1)
    plain = "".join(char for _, char in kept)
    first = text.pos_at(kept[0][0]) if kept else text.pos
    return dataclasses.replace(text, text=plain, pos=first, spans=tuple(spans))


def _figure(inner: str, base: int) -> list[tuple[int, str]] | None:
    """The characters of the figure in a formula's content (with their offsets), or None if it is
    not a plain figure."""
    chars: list[tuple[int, str]] = []
    at = 0
    for noise in _NOISE.finditer(inner):
        chars += [(base + offset, inner[offset]) for offset in range(at, noise.start())]
        at = noise.end()
    chars += [(base + offset, inner[offset]) for offset in range(at, len(inner))]
    # `\%` is a percent sign: the backslash goes, the sign stays.
    chars = [(offset, char) for index, (offset, char) in enumerate(chars) if not _escape(chars, index)]
    figure = "".join(char for _, char in chars)
    return chars if _FIGURE.fullmatch(figure) else None


def _escape(chars: list[tuple[int, str]], index: int) -> bool:
    return chars[index][1] == "\\" and index + 1 < len(chars) and chars[index + 1][1] == "%"
