"""Applying fixes to a report's text, and where a value is written, for the rules that make them.

Edits are placed by line and column, counted as the loader counts them (ruamel.yaml's line
breaks: LF, CRLF, CR, NEL, LS, PS; a CRLF is one break), so that the same edit lands in the
same characters of the file as it is on disk and of the normalised text the loader read.
A fix is applied whole or not at all; fixes whose edits overlap one already taken wait for the
next round (the caller lints again and repeats, as ruff does).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .findings import SAFE, UNSAFE, Edit, Fix, Path, Pos

if TYPE_CHECKING:
    from .document import Report

__all__ = ["SAFE", "UNSAFE", "apply_fixes", "offsets", "replace_value", "value_span"]

_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


class LineIndex:
    """Line starts of a text, to turn (line, column) positions into offsets and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
        self.ends = [match.start() for match in _LINE_BREAK.finditer(text)] + [len(text)]

    def offset(self, pos: Pos) -> int | None:
        """The offset of `pos`, or None when the line does not exist or the column is past its end."""
        if not 1 <= pos.line <= len(self.starts) or pos.col < 1:
            return None
        offset = self.starts[pos.line - 1] + pos.col - 1
        return offset if offset <= self.ends[pos.line - 1] else None

    def pos(self, offset: int) -> Pos:
        line = bisect.bisect_right(self.starts, offset) - 1
        return Pos(line + 1, offset - self.starts[line] + 1)

    def line(self, number: int) -> str:
        return (
            self.text[self.starts[number - 1] : self.ends[number - 1]]
            if 1 <= number <= len(self.starts)
            else ""
        )


def offsets(index: LineIndex, fix: Fix) -> list[tuple[int, int, str]] | None:
    """The fix's edits as (start, end, content) offsets, in order; None if one does not fit the text."""
    spans = []
    for edit in fix.edits:
        start, end = index.offset(edit.start), index.offset(edit.end)
        if start is None or end is None or end < start:
            return None
        spans.append((start, end, edit.content))
    spans.sort()
    for (_, end, _), (start, _, _) in itertools.pairwise(spans):
        if start < end:
            return None  # a fix whose own edits overlap is not applied
    return spans


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """`text` with every fix applied that does not overlap one taken before it (in text order),
    and how many were applied. Two fixes that make the same edits count once."""
    index = LineIndex(text)
    taken: list[tuple[int, int, str]] = []
    seen: set[tuple[tuple[int, int, str], ...]] = set()
    count = 0
    placed = [(spans, fix) for fix in fixes if (spans := offsets(index, fix))]
    for spans, _fix in sorted(placed, key=lambda item: item[0][0][:2]):
        key = tuple(spans)
        if key in seen:
            continue
        if any(_overlap(span, other) for span in spans for other in taken):
            continue
        seen.add(key)
        taken.extend(spans)
        count += 1
    out, at = [], 0
    for start, end, content in sorted(taken):
        out.append(text[at:start])
        out.append(content)
        at = end
    out.append(text[at:])
    return "".join(out), count


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Edits touching the same characters, or two insertions at one place (their order is unknown)."""
    if a[0] == a[1] == b[0] == b[1]:
        return True
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------- where a value is written


def value_span(report: Report, path: Path) -> tuple[Pos, Pos] | None:
    """Where the scalar at `path` is written, quotes included, when it is on one line and its
    text there reads as the loader read it; None otherwise (a block or folded scalar, a multi-line
    or escaped one, an anchored or tagged one): then no fix is offered rather than a wrong one."""
    start = report.values.get(path)
    scalar = report.scalars.get(path)
    if start is None or scalar is None or "\n" in scalar.text:
        return None
    line = report.line_text(start.line)
    at = start.col - 1
    if scalar.style is None:
        end = at + len(scalar.text)
        if not scalar.text or line[at:end] != scalar.text:
            return None
        return start, Pos(start.line, end + 1)
    if scalar.style not in ("'", '"') or line[at : at + 1] != scalar.style:
        return None
    close = _closing_quote(line, at)
    if close is None:
        return None
    inside = line[at + 1 : close]
    read = inside.replace("''", "'") if scalar.style == "'" else inside
    if read != scalar.text:
        return None
    return start, Pos(start.line, close + 2)


def _closing_quote(line: str, at: int) -> int | None:
    """The index of the quote closing the one at `at` on the same line; None for a double-quoted
    text with escapes (its source is not its value) or a quote left open."""
    quote = line[at]
    index = at + 1
    while index < len(line):
        char = line[index]
        if quote == '"' and char == "\\":
            return None
        if char == quote:
            if quote == "'" and line[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return None


def replace_value(
    report: Report,
    path: Path,
    content: str,
    *,
    unsafe: bool = False,
    message_zh: str = "",
    message_en: str = "",
) -> Fix | None:
    """A fix that writes `content` in place of the value at `path`, or None when its place in
    the text cannot be told exactly (see `value_span`)."""
    span = value_span(report, path)
    if span is None:
        return None
    return Fix(
        (Edit(span[0], span[1], content),),
        UNSAFE if unsafe else SAFE,
        message_zh or f"改为 {content}",
        message_en or f"write {content}",
    )
