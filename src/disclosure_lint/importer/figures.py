"""Figures that ran together: the ways a row's digits can be cut into its cells.

A flattened table prints a row's seven cells as "640020470" or "500000 5". Where
the source kept a space, a cell ends there; inside a piece, any cut is possible as
long as no cell but "0" itself starts with 0. When exactly one way fits the row's
cell count (all of "0000000", or "23 0 00 0 023"), reading alone decides the cells;
otherwise the row is left to a solver that knows the tables' relations.
"""

from __future__ import annotations

import functools
import re

_DIGITS = re.compile(r"^[0-9]+$")
TAIL = re.compile(r"(?:\.[0-9]+)?(?:元|万元)?$")  # what may follow the digits of a row's last cell
CAP = 1000  # count candidates up to here; more is "many"


def runs_together(pieces: list[str]) -> bool:
    """Whether all pieces are plain digit strings (so a piece may hold several cells)."""
    return bool(pieces) and all(_DIGITS.match(piece) for piece in pieces)


@functools.lru_cache(maxsize=1024)
def _ways(piece: str, cells: int) -> tuple[tuple[str, ...], ...]:
    """Every cut of one piece into exactly `cells` numbers without leading zeros (up to CAP).

    Kept: `cuts` asks again for each way of cutting the pieces before, and a table's rows repeat
    the same runs ("0000000")."""
    out: list[tuple[str, ...]] = []

    def walk(at: int, left: int, taken: list[str]) -> None:
        if len(out) >= CAP:
            return
        if left == 0:
            if at == len(piece):
                out.append(tuple(taken))
            return
        remaining = len(piece) - at
        if remaining < left:
            return
        longest = 1 if piece[at] == "0" else remaining - left + 1
        for size in range(1, longest + 1):
            taken.append(piece[at : at + size])
            walk(at + size, left - 1, taken)
            taken.pop()

    walk(0, cells, [])
    return tuple(out)


@functools.lru_cache(maxsize=256)
def count(pieces: tuple[str, ...], cells: int) -> int:
    """How many ways the pieces cut into `cells` cells (up to CAP)."""
    return len(cuts(pieces, cells, limit=CAP))


def cuts(pieces: tuple[str, ...] | list[str], cells: int, limit: int = 2) -> list[list[list[str]]]:
    """Up to `limit` ways to cut the pieces into `cells` cells: per piece, the cells it holds."""
    pieces = tuple(pieces)
    out: list[list[list[str]]] = []
    if not runs_together(list(pieces)) or sum(len(p) for p in pieces) < cells or len(pieces) > cells:
        return out

    def walk(index: int, left: int, taken: list[list[str]]) -> None:
        if len(out) >= limit:
            return
        if index == len(pieces):
            if left == 0:
                out.append(list(taken))
            return
        later = len(pieces) - index - 1
        piece = pieces[index]
        for size in range(1, min(len(piece), left - later) + 1):
            for way in _ways(piece, size):
                taken.append(list(way))
                walk(index + 1, left - size, taken)
                taken.pop()
                if len(out) >= limit:
                    return

    walk(0, cells, [])
    return out
