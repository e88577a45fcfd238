"""Splitting one run of digits into cells: every split its digits allow, pruned by relations.

Part of the run-together digits solver (see `runs`): spaces in the source are hard
boundaries, a number of several digits does not begin with 0, and a cell has at most
`max_digits` digits. Relations among the run's own cells (a row's total) prune the search:
the last cell is chosen first, then the cells from the left, and a cell that is the only
unknown left in a relation is computed rather than tried.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from ..findings import START, Pos

MAX_DIGITS = 9  # a count in tables 三 and 四: no body receives a billion applications
MAX_AMOUNT_DIGITS = 15  # an amount in table 二 (yuan), before any decimal point
SPLIT_LIMIT = 200_000  # search steps for one run's splits


@dataclass(frozen=True)
class Run:
    """Digits that hold `width` cells, as the source has them (spaces included), and where they begin."""

    text: str
    width: int
    pos: Pos = START

    @property
    def chunks(self) -> list[tuple[int, str]]:
        """(offset, text) of each space-separated piece."""
        return [(match.start(), match.group()) for match in re.finditer(r"\S+", self.text)]


@dataclass(frozen=True)
class Grammar:
    """What one cell may look like."""

    max_digits: int = MAX_DIGITS
    signed: bool = False  # table 二 (2019): 本年增/减 may be negative
    decimals: bool = False  # table 二: the last cell of a run (an amount) may have a decimal part

    def pattern(self, last: bool = False) -> re.Pattern[str]:
        sign = "-?" if self.signed else ""
        fraction = r"(?:\.[0-9]+)?" if self.decimals and last else ""
        return re.compile(rf"{sign}(?:0|[1-9][0-9]{{0,{self.max_digits - 1}}}){fraction}")

    @property
    def widest(self) -> int:
        """The most characters a cell other than the last may have."""
        return self.max_digits + self.signed


def _cell_ends(piece: str, start: int, grammar: Grammar, pattern: re.Pattern[str]) -> list[int]:
    """Where a cell (not the last) beginning at `start` of `piece` may end: the next cell must be able to begin there."""
    limit = min(len(piece), start + grammar.widest)
    return [
        end
        for end in range(start + 1, limit + 1)
        if pattern.fullmatch(piece, start, end) and (end == len(piece) or piece[end] != ".")
    ]


def count_splits(run: Run, grammar: Grammar | None = None) -> int:
    """How many ways the run's digits split into `run.width` cells (no relation applied)."""
    grammar = grammar or Grammar()
    pieces = [text for _, text in run.chunks]
    plain, last = grammar.pattern(), grammar.pattern(last=True)

    @cache
    def ways(index: int, start: int, left: int) -> int:
        if index == len(pieces) or left <= 0:
            return 1 if index == len(pieces) and left == 0 else 0
        piece = pieces[index]
        if left == 1:  # the last cell takes the rest, which must be the last piece
            return 1 if index == len(pieces) - 1 and last.fullmatch(piece, start) else 0
        total = 0
        for end in _cell_ends(piece, start, grammar, plain):
            total += ways(index + 1, 0, left - 1) if end == len(piece) else ways(index, end, left - 1)
        return total

    return ways(0, 0, run.width)


@dataclass
class LocalEq:
    """A relation among one run's cells (others known): Σ coefficient × cell + constant = 0."""

    terms: list[tuple[int, int]]
    constant: int


class Cut(Exception):
    """The search ran past its bound."""


def split_run(
    run: Run, equations: Sequence[LocalEq], grammar: Grammar, limit: int = SPLIT_LIMIT
) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """Every split of `run` into cells that satisfies `equations`, as (cells, offsets). Raises Cut.

    The last cell is chosen first (a row's total stands last), then the cells from the left;
    a cell that is the only unknown left in a relation is computed, not tried.
    """
    pieces = run.chunks
    width = run.width
    if not pieces or width < len(pieces):
        return []
    pattern, last_pattern = grammar.pattern(), grammar.pattern(last=True)
    values: list[int | None] = [None] * width
    texts: list[str] = [""] * width
    offsets: list[int] = [0] * width
    by_cell: dict[int, list[LocalEq]] = {}
    for equation in equations:
        for cell, _ in equation.terms:
            by_cell.setdefault(cell, []).append(equation)
    widest = grammar.widest
    steps = 0
    found: list[tuple[tuple[str, ...], tuple[int, ...]]] = []

    def bound(digits_left: int, cells_left: int) -> int:
        """The largest value an unassigned cell can take."""
        return 10 ** max(0, min(grammar.max_digits, digits_left - cells_left + 1)) - 1

    def feasible(cell: int, digits_left: int, cells_left: int) -> bool:
        top = bound(digits_left, cells_left)
        for equation in by_cell.get(cell, ()):
            low = high = equation.constant
            for other, coefficient in equation.terms:
                value = values[other]
                if value is not None:
                    low += coefficient * value
                    high += coefficient * value
                elif coefficient > 0:
                    high += coefficient * top
                else:
                    low += coefficient * top
            if low > 0 or high < 0:
                return False
        return True

    def forced(cell: int) -> int | bool | None:
        """The value a relation leaves for `cell` when it is that relation's only unknown; False if none fits."""
        for equation in by_cell.get(cell, ()):
            rest = equation.constant
            coefficient_here = 0
            for other, coefficient in equation.terms:
                if other == cell:
                    coefficient_here += coefficient
                elif values[other] is None:
                    break
                else:
                    rest += coefficient * values[other]
            else:
                if coefficient_here == 0 or rest % coefficient_here:
                    return False
                value = -rest // coefficient_here
                return value if value >= 0 else False
        return None

    def place(cell: int, text: str, offset: int) -> None:
        values[cell] = int(text) if re.fullmatch(r"-?[0-9]+", text) else 0
        texts[cell] = text
        offsets[cell] = offset

    # the remaining text as (offset, piece) with each piece's digits
    def left_to_right(
        index: int, start: int, cell: int, segments: list[tuple[int, str]], digits_left: int
    ) -> None:
        nonlocal steps
        steps += 1
        if steps > limit:
            raise Cut
        if cell == width - 1:
            if index == len(segments):
                found.append((tuple(texts), tuple(offsets)))
            return
        if index == len(segments):
            return
        cells_left = width - 1 - cell  # including this one
        if len(segments) - index > cells_left or not cells_left <= digits_left <= cells_left * widest:
            return
        offset, piece = segments[index]
        want = forced(cell)
        if want is False:
            return
        for end in _cell_ends(piece, start, grammar, pattern):
            text = piece[start:end]
            if want is not None and (not re.fullmatch(r"[0-9]+", text) or int(text) != want):
                continue
            place(cell, text, offset + start)
            used = end - start
            if feasible(cell, digits_left - used, cells_left - 1):
                if end == len(piece):
                    left_to_right(index + 1, 0, cell + 1, segments, digits_left - used)
                else:
                    left_to_right(index, end, cell + 1, segments, digits_left - used)
            values[cell] = None
        return

    last_offset, last_piece = pieces[-1]
    digits = sum(len(piece) for _, piece in pieces)
    for start in range(len(last_piece) - 1, -1, -1):
        text = last_piece[start:]
        if not last_pattern.fullmatch(text) or (start and last_piece[start - 1] == "."):
            continue
        place(width - 1, text, last_offset + start)
        if width == 1:
            if len(pieces) == 1 and start == 0:
                found.append(((text,), (last_offset,)))
        elif feasible(width - 1, digits - len(text), width - 1):
            segments = pieces[:-1] + ([(last_offset, last_piece[:start])] if start else [])
            left_to_right(0, 0, 0, segments, digits - len(text))
        values[width - 1] = None
    return found
