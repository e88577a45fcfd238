"""1,234 in a [ ] row or a { } mapping: YAML splits it at the comma into 1 and 234.

Read from the source text, for the DL402 finding of `cells.py`: which cells are the first part
of such a number, the ",ddd" groups YAML made into further cells or keys, and which paths the
one mistake explains (`Finding.covers`).
"""

from __future__ import annotations

import itertools
import re

from disclosure_lint.api import Path, Pos, Report, statute

from ._number_cells import Cell, cells

_DIGITS_GROUP = re.compile(r"[0-9]{3}(?:\.[0-9]+)?")
_COMMA_GROUP = re.compile(r",[0-9]{3}")  # after a digit: what every split number shows in the source


def thousands_splits(report: Report) -> dict[Path, tuple[Cell, list[str], tuple[Path, ...]]]:
    """1,234 in a [ ] row or a { } mapping: YAML splits it at the comma into 1 and 234.

    Found from the source: a plain 1-3 digit cell followed, with no space, by ",ddd" groups that
    YAML read as further cells of a row too long by exactly those parts, or as keys without
    values. The finding is at the first part and `covers` names what YAML made of the rest (the
    row, whose length is then wrong, or the stray keys), which is the same problem.
    """
    found: dict[Path, tuple[Cell, list[str], tuple[Path, ...]]] = {}
    source = report.source
    if not any(m.start() and source[m.start() - 1].isdecimal() for m in _COMMA_GROUP.finditer(source)):
        return found  # no digit, comma and three digits anywhere: no cell can be followed by a group
    by_parent: dict[Path, list[Cell]] = {}
    for cell in cells(report):
        by_parent.setdefault(cell.path[:-1], []).append(cell)
    for parent, its_cells in by_parent.items():
        container = report.get(parent)
        if isinstance(container, list):
            splits: list[tuple[Cell, list[str]]] = []
            skip = 0
            for cell in its_cells:
                if skip:
                    skip -= 1
                    continue
                groups = _groups_after(report, cell)
                if groups and _row_parts_match(report, cell, groups):
                    splits.append((cell, groups))
                    skip = len(groups)
            width = len(statute.PART3_COLUMNS) if parent[0] == statute.PART3 else len(statute.PART4_COLUMNS)
            if not splits:
                continue
            if len(container) - sum(len(groups) for _, groups in splits) == width:
                covers: tuple[Path, ...] = (parent,)  # the row's wrong length is this same problem
            elif _spaced_elsewhere(report, its_cells, splits):
                covers = ()  # the row is also short or long for another reason: that stays a finding
            else:
                continue
            for cell, groups in splits:
                found[cell.path] = (cell, groups, covers)
        elif isinstance(container, dict):
            for cell in its_cells:
                groups = _groups_after(report, cell)
                covers = _stray_keys(report, cell, groups) if groups else None
                if covers:
                    found[cell.path] = (cell, groups, covers)
    return found


def _groups_after(report: Report, cell: Cell) -> list[str]:
    """The ",ddd" groups written right after a plain 1-3 digit cell, as the source shows them."""
    scalar = report.scalars.get(cell.path)
    value = report.get(cell.path)
    if scalar is None or scalar.quoted or not isinstance(value, int) or isinstance(value, bool):
        return []
    if not 1 <= len(scalar.text) <= 3 or not scalar.text.isdigit():
        return []
    start = report.pos(cell.path)
    line = report.line_text(start.line)
    at = start.col - 1 + len(scalar.text)
    if line[start.col - 1 : at] != scalar.text:
        return []
    groups: list[str] = []
    while at < len(line) and line[at] == ",":
        group = _DIGITS_GROUP.match(line, at + 1)
        if group is None or (group.end() < len(line) and line[group.end()] not in ",]} \t"):
            break
        groups.append(group.group())
        at = group.end()
        if "." in groups[-1]:
            break
    return groups


def _row_parts_match(report: Report, cell: Cell, groups: list[str]) -> bool:
    """Whether the cells after `cell` are exactly the groups, where the source has them."""
    parent, index = cell.path[:-1], cell.path[-1]
    assert isinstance(index, int)
    start = report.pos(cell.path)
    col = start.col + len(report.scalars[cell.path].text) + 1
    for offset, group in enumerate(groups, start=1):
        path = (*parent, index + offset)
        if report.pos(path) != Pos(start.line, col) or path not in report.scalars:
            return False
        col += len(group) + 1
    return True


def _spaced_elsewhere(report: Report, row: list[Cell], splits: list[tuple[Cell, list[str]]]) -> bool:
    """Whether every other comma between cells on the split cells' lines is followed by a space,
    as in [1,234, 8, 0]: then the unspaced comma is a thousands separator, not the clerk's style."""
    parts = {
        (*cell.path[:-1], cell.path[-1] + offset)
        for cell, groups in splits
        for offset in range(1, len(groups) + 1)
    }  # type: ignore[operator]
    lines = {report.pos(cell.path).line for cell, _ in splits}
    gaps = 0
    for cell, after in itertools.pairwise(row):
        if after.path in parts or report.pos(cell.path).line not in lines:
            continue
        start, end = report.pos(cell.path), report.pos(after.path)
        scalar = report.scalars.get(cell.path)
        if scalar is None or start.line != end.line:
            continue
        gap = report.line_text(start.line)[start.col - 1 + len(scalar.text) : end.col - 1]
        if gap.strip() != "," or gap == ",":
            return False
        gaps += 1
    return gaps >= 2


def _stray_keys(report: Report, cell: Cell, groups: list[str]) -> tuple[Path, ...] | None:
    """The value-less keys YAML made of the groups in a { } mapping, or None if it did not."""
    parent = cell.path[:-1]
    container = report.get(parent)
    start = report.pos(cell.path)
    col = start.col + len(report.scalars[cell.path].text) + 1
    paths = []
    for group in groups:
        path = (*parent, group)
        if report.keys.get(path) != Pos(start.line, col) or container.get(group, 0) is not None:
            return None
        paths.append(path)
        col += len(group) + 1
    return tuple(paths)
