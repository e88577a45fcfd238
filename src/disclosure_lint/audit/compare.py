"""Two copies of one report (the web page and the PDF, or the file before and after a change):
every figure and every passage of text that differs.

Figures are compared value by value along the same paths; text parts with white space removed
and full-width forms folded (NFKC), since a PDF breaks lines where a web page does not, and then
by difflib's opcodes, so each changed passage is one finding quoting both sides.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any

from ..document import Report
from ..findings import Finding, Path
from ..labels import describe
from .codes import COPY_CELL, COPY_TEXT

MAX_TEXT = 20_000  # characters of one part diffed; beyond that only "differs" is said
MAX_SPANS = 20  # changed passages reported per part
CONTEXT = 8  # characters of unchanged text shown around a change
MISSING = "（无）"


def differences(report: Report, other: Report, where: str) -> Iterator[Finding]:
    """Findings in `report` for each place it differs from `other` (`where` names the other file)."""
    mine, theirs = dict(_leaves(report.data)), dict(_leaves(other.data))
    for path in sorted(set(mine) | set(theirs), key=_order(mine, theirs)):
        a, b = mine.get(path, MISSING), theirs.get(path, MISSING)
        if isinstance(a, str) and isinstance(b, str) and (len(a) > 40 or len(b) > 40 or "\n" in a + b):
            yield from _text(report, other, path, a, b, where)
        elif _same_value(a, b):
            continue
        else:
            yield COPY_CELL.at(
                report.pos(path), path, cell=_label(path), actual=_show(a), expected=_show(b),
                other=f"{where}:{_at(other, path)}",
            )  # fmt: skip


def _order(mine: dict[Path, Any], theirs: dict[Path, Any]) -> Any:
    order = {path: n for n, path in enumerate([*mine, *(p for p in theirs if p not in mine)])}
    return lambda path: order[path]


def _leaves(node: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list) and node and not all(isinstance(v, dict | list) for v in node):
        for index, value in enumerate(node):
            yield (*path, index), value
    else:
        yield path, node


def _same_value(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    return _fold(str(a)) == _fold(str(b)) if isinstance(a, str) and isinstance(b, str) else a == b


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _text(report: Report, other: Report, path: Path, a: str, b: str, where: str) -> Iterator[Finding]:
    from difflib import SequenceMatcher

    left, right = _folded(a), _folded(b)
    if left[0] == right[0]:
        return
    part = _label(path)
    if max(len(left[0]), len(right[0])) > MAX_TEXT:
        yield COPY_TEXT.at(
            report.pos(path), path, part=part, actual="…", expected="…", other=f"{where}:{_at(other, path)}"
        )
        return
    matcher = SequenceMatcher(None, left[0], right[0], autojunk=False)
    for i1, i2, j1, j2 in _spans(matcher.get_opcodes())[:MAX_SPANS]:
        mine = _quote(a, left, i1, i2)
        theirs = _quote(b, right, j1, j2)
        pos = report.text_pos(path, left[1][i1] if i1 < len(left[1]) else len(a))
        other_pos = other.text_pos(path, right[1][j1] if j1 < len(right[1]) else len(b))
        yield COPY_TEXT.at(
            pos, path, part=part, actual=mine, expected=theirs,
            other=f"{where}:{other_pos.line}:{other_pos.col}",
        )  # fmt: skip


def _spans(opcodes: list[tuple[str, int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The changed passages, changes closer than twice the context joined: one edit, one finding."""
    spans: list[list[int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        if spans and i1 - spans[-1][1] <= 2 * CONTEXT and j1 - spans[-1][3] <= 2 * CONTEXT:
            spans[-1][1], spans[-1][3] = i2, j2
        else:
            spans.append([i1, i2, j1, j2])
    return [(a, b, c, d) for a, b, c, d in spans]


def _folded(text: str) -> tuple[str, list[int]]:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in unicodedata.normalize("NFKC", char):
            if not piece.isspace():
                chars.append(piece)
                origin.append(index)
    return "".join(chars), origin


def _quote(original: str, folded: tuple[str, list[int]], start: int, end: int) -> str:
    """The changed characters with a little unchanged text either side, in the original's words."""
    text, origin = folded
    if not origin:
        return MISSING
    first = origin[max(0, start - CONTEXT)] if start - CONTEXT < len(origin) else len(original)
    last = origin[min(len(origin) - 1, end + CONTEXT - 1)] + 1
    quote = " ".join(original[first:last].split())
    changed = text[start:end]
    if not changed:
        return f"{quote}（此处没有这段文字）"
    return quote if len(quote) <= 80 else quote[:80] + "…"


def _label(path: Path) -> str:
    try:
        return describe(path)
    except Exception:  # a path no label knows (a key the format does not have): its own steps
        return "·".join(str(step) for step in path)


def _show(value: Any) -> str:
    if value is None:
        return "空白"
    return str(value)


def _at(report: Report, path: Path) -> str:
    pos = report.pos(path)
    return f"{pos.line}:{pos.col}"
