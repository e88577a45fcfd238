"""The source lines findings point at, picked while the file's text is still in memory.

The text output draws each finding's line under it with a caret (`caret.py`); it runs after the
report has gone (a worker process, the result cache), so the lines travel with the result as
plain data: `Excerpt`s, only for the lines findings name and, on a long line (a web page saved
as one line), only a window around each finding. A finding about the whole file (at `START`,
such as an encoding warning or a missing part) gets none, and neither does a position that is
not a place in a text file the user has (a Word paragraph number, a PDF page).

A finding's `span` (the characters it covers) is set here where the source shows it: the key or
the value its path names, written exactly as the report holds it. Anything else is a point.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .findings import START, Finding, Pos
from .yaml_errors import LINE_BREAK

if TYPE_CHECKING:
    from .document import Report

WHOLE_LINE = 200  # characters: a line this long or shorter is kept whole
BEFORE, AFTER = 60, 140  # a longer line keeps this many characters before and after the finding


class Excerpt(NamedTuple):
    """Part of source line `line`: `text` starts at character `start` (0-based) of the line;
    `more` is true when the line goes on after it."""

    line: int
    start: int
    text: str
    more: bool


def pick(
    findings: Sequence[Finding],
    text: str | None,
    report: Report | None = None,
    exact: Collection[Pos] | None = None,
) -> tuple[list[Finding], tuple[Excerpt, ...]]:
    """The findings with their spans set, and the excerpts of the lines they point at.

    `text` is what positions count in (None: no file to show); `exact`, for a published
    document, the positions read from it: only findings there are shown in their line (a
    rule's position inside a paragraph is counted in the YAML the document became).
    """
    placed = {id(f) for f in findings if _placed(f, exact)}
    if text is None or not placed:
        return list(findings), ()
    lines = LINE_BREAK.split(text)
    out: list[Finding] = []
    excerpts: dict[tuple[int, int], Excerpt] = {}
    for finding in findings:
        pos = finding.pos
        line = lines[pos.line - 1] if id(finding) in placed and 0 < pos.line <= len(lines) else None
        if line is None or pos.col > len(line) + 1:
            out.append(finding)
            continue
        span = _span(finding, line, report) if report is not None and not finding.span else 0
        out.append(finding._replace(span=span) if span > 1 else finding)
        if len(line) <= WHOLE_LINE:
            excerpts.setdefault((pos.line, 0), Excerpt(pos.line, 0, line, False))
        elif find(list(excerpts.values()), pos) is None:
            start = max(0, pos.col - 1 - BEFORE)
            end = min(len(line), pos.col - 1 + AFTER)
            excerpts[(pos.line, start)] = Excerpt(pos.line, start, line[start:end], end < len(line))
    return out, tuple(sorted(excerpts.values()))


def _placed(finding: Finding, exact: Collection[Pos] | None) -> bool:
    if finding.pos is START:  # the file as a whole (see findings.START)
        return False
    return exact is None or finding.pos in exact


def _span(finding: Finding, line: str, report: Report) -> int:
    """How many characters from the finding's column its key or value takes, where the line shows it."""
    path, pos = finding.path, finding.pos
    at = pos.col - 1
    if path and report.keys.get(path) == pos and isinstance(path[-1], str):
        key = path[-1]
        return len(key) if line.startswith(key, at) else 0
    scalar = report.scalars.get(path) if path else None
    if scalar is None or report.values.get(path) != pos or "\n" in scalar.text or scalar.style in ("|", ">"):
        return 0
    written = scalar.text
    if scalar.quoted and scalar.style in ("'", '"'):
        written = f"{scalar.style}{written}{scalar.style}"
    return len(written) if written and line.startswith(written, at) else 0


def find(excerpts: Sequence[Excerpt], pos: Pos) -> Excerpt | None:
    """The excerpt that shows the character at `pos`, if one was kept."""
    for excerpt in excerpts:
        if excerpt.line == pos.line and excerpt.start <= pos.col - 1 <= excerpt.start + len(excerpt.text):
            return excerpt
    return None
