"""Running text of a PDF: printed lines numbered per page, page furniture dropped, paragraphs rejoined.

A PDF breaks every paragraph into printed lines. A line that runs to the right margin
and is followed by one that starts at the left margin (no first-line indent) goes on
in the same paragraph, also across a page break; the recogniser then gets whole
paragraphs, as it does from HTML and Word. Page numbers and running headers or
footers repeated on several pages are not part of the report and are dropped.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass

from ..findings import Pos
from . import labels as lb
from .model import Line

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―─~～_·•\s]*\d{1,4}[-—–－―─~～_·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
_MARGIN = 0.12  # the top and bottom eighth of a page is where headers and footers are printed
_HEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")


@dataclass
class TextLine:
    """One printed line of running text."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # the font size of its characters (their median)
    pos: Pos


class LineNumbers:
    """The line number of a height on a page, counting each printed line of text (headers and footers
    included) and each table row as one line."""

    tolerance = 1.0  # points

    def __init__(self, tops: list[float]) -> None:
        self.starts: list[float] = []
        for top in sorted(tops):
            if not self.starts or top - self.starts[-1] > self.tolerance:
                self.starts.append(top)

    def __call__(self, top: float) -> int:
        return max(1, bisect.bisect_right(self.starts, top + self.tolerance))


def median_size(chars: list[dict]) -> float:
    sizes = [float(c.get("size") or 0) for c in chars if c.get("size")]
    return statistics.median(sizes) if sizes else 10.0


def text_lines(raw_lines: list[dict], page: int) -> list[TextLine]:
    """pdfplumber's text lines (`extract_text_lines`) as TextLines, blank ones left out; `pos` is set
    by `number` once the page's table rows are known."""
    out: list[TextLine] = []
    for raw in raw_lines:
        size = median_size(raw.get("chars") or [])
        text = tracked_text(raw.get("chars") or [], size) or " ".join(raw["text"].split())
        if not text:
            continue
        out.append(
            TextLine(
                text,
                page,
                raw["x0"],
                raw["x1"],
                raw["top"],
                raw["bottom"],
                size,
                Pos(page, 0),
            )
        )
    return out


def tracked_text(chars: list[dict], size: float) -> str | None:
    """The text of a line printed with its characters spread out (Word's character spacing, or a
    justified heading: `2 0 2 3 年 1 月 2 0 日`), or None for a line printed ordinarily.

    pdfplumber puts a space wherever two characters stand more than 3 points apart, so a spread-out
    line comes out with spaces here and not there (`20 23年1 月20日`), cutting figures in two. In
    such a line (most gaps alike, between a tenth and half a character) a space is only where the
    gap is clearly wider than the usual one."""
    glyphs = [c for c in chars if str(c.get("text", "")).strip()]
    if len(glyphs) < 3:
        return None
    gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(glyphs)]
    usual = statistics.median(gaps)
    if not size / 10 <= usual < size / 2 or any(gap < -size / 2 for gap in gaps):
        return None  # printed ordinarily, columns apart, or not one line
    if sum(1 for gap in gaps if abs(gap - usual) <= usual / 2) * 4 < len(gaps) * 3:
        return None  # no even spacing: words and columns, not a spread-out line
    out = [str(glyphs[0]["text"])]
    for glyph, gap in zip(glyphs[1:], gaps, strict=True):
        if gap > 2 * usual + size / 4:
            out.append(" ")
        out.append(str(glyph["text"]))
    return "".join(out)


def number(lines: list[TextLine], row_tops: list[float]) -> LineNumbers:
    """Number the page's printed lines and table rows; each text line gets its position."""
    line_of = LineNumbers([line.top for line in lines] + row_tops)
    for line in lines:
        line.pos = Pos(line.page, line_of(line.top))
    return line_of


# ---------------------------------------------------------------- page furniture


def _furniture_key(line: TextLine) -> str:
    return re.sub(r"\d+", "#", lb.squash(line.text))


def drop_furniture(pages: list[list[TextLine]], heights: list[float]) -> list[list[TextLine]]:
    """Each page's lines without page numbers, and without a header or footer line repeated on
    other pages; only lines at the top or bottom of a page's text, in its margin, are considered."""
    edges: Counter[tuple[str, str]] = Counter()
    for lines, height in zip(pages, heights, strict=True):
        if lines and lines[0].top < height * _MARGIN:
            edges[("top", _furniture_key(lines[0]))] += 1
        if lines and lines[-1].bottom > height * (1 - _MARGIN):
            edges[("bottom", _furniture_key(lines[-1]))] += 1

    def furniture(line: TextLine, edge: str, height: float) -> bool:
        in_margin = line.top < height * _MARGIN if edge == "top" else line.bottom > height * (1 - _MARGIN)
        if not in_margin:
            return False
        if _PAGE_NUMBER.match(line.text.strip()):
            return True
        return len(line.text) <= 40 and edges[(edge, _furniture_key(line))] >= 2

    kept: list[list[TextLine]] = []
    for lines, height in zip(pages, heights, strict=True):
        start, end = 0, len(lines)
        while start < end and furniture(lines[start], "top", height):
            start += 1
        while end > start and furniture(lines[end - 1], "bottom", height):
            end -= 1
        kept.append(lines[start:end])
    return kept


# ---------------------------------------------------------------- paragraphs


@dataclass
class Margins:
    left: float
    right: float


def margins(lines: list[TextLine]) -> Margins:
    """The text column: the leftmost place where many lines start (not the indent of first lines, which
    may be the commoner where paragraphs are short), and where the longest lines end."""
    long = [line for line in lines if len(line.text) >= 10] or lines
    if not long:
        return Margins(0.0, 0.0)
    starts = Counter(round(line.x0) for line in lines)  # headings count: they start at the margin
    common = [x for x, n in starts.items() if n >= max(2, len(lines) // 10)]
    left = float(min(common)) if common else statistics.median(line.x0 for line in long)
    return Margins(left, max(line.x1 for line in long))


def continues(before: TextLine, after: TextLine, column: Margins) -> bool:
    """Whether `after` is the next printed line of the paragraph `before` ends (on this page or the next)."""
    size = max(before.size, 1.0)
    if before.x1 < column.right - 1.5 * size or after.x0 > column.left + 0.5 * size:
        return False
    if after.page == before.page and after.top - before.bottom > 1.2 * size:
        return False
    return not (_HEADING.match(after.text) or lb.part_heading(after.text) is not None)


def glue(before: str, after: str) -> str:
    """Two printed lines of one paragraph as one text: no space, except between two Latin words."""
    if before[-1:].isascii() and before[-1:].isalpha() and after[:1].isascii() and after[:1].isalpha():
        return before + " " + after
    return before + after


def paragraph(lines: list[TextLine]) -> Line:
    text = lines[0].text
    for line in lines[1:]:
        text = glue(text, line.text)
    return Line(text, lines[0].pos, exact=False)
