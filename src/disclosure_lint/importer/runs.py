"""Reading table cells that a crawled page ran together into one string of digits.

A crawler that drops the cell boundaries of the statutory tables leaves rows such as
``640020470`` for seven cells (64|0|0|2|0|4|70). The digits alone rarely decide the cells;
the tables' own relations (row 总计, column totals, 一+二 = （七）+四, table-四 block totals)
usually do. So the whole table is solved at once:

1. every run is split in every way its digits allow — spaces in the source are hard
   boundaries, a number of several digits does not begin with 0, a count has at most
   `MAX_DIGITS` digits — keeping the splits that satisfy the relations lying inside the run
   (its own row total), found by a pruned search (the total first, then the cells left to
   right, the last cell of a relation computed rather than guessed);
2. the runs' readings are combined by branch and bound over the relations between rows,
   keeping every combination that breaks the fewest relations.

A run whose reading is the same in every best combination is read; one whose readings
differ is ambiguous, and the candidates are returned rather than a guess. A run none of whose
splits balances its own row (the publisher's slip) is read among all its splits, so the
relations between rows still choose and the totals rules then report the slip. Searches are
bounded: past the bound the answer is "too many possibilities", never a hang.

On a consistent table the true cells are always among the best combinations, so a run that is
read is read right; `tests/test_runs_property.py` checks this on random tables.

Pure: no I/O and no findings. `Run` is what the importer hands in, `Solution` what it gets
back; relations are plain equations, lists of (cell, coefficient) terms whose sum is 0.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from .runs_split import Cut, Grammar, LocalEq, Run, count_splits, split_run

CellKey = Hashable  # a cell, e.g. its statute path (*row path, column index)
Term = tuple[CellKey, int]  # (cell, coefficient)
Equation = tuple[Term, ...]  # Σ coefficient × cell = 0

COMBINE_LIMIT = 200_000  # search steps for combining the runs of one table
CANDIDATE_LIMIT = 2_000  # readings of one run carried into the combination
SHOWN = 5  # candidates kept for a message


class Status(enum.Enum):
    FORCED = "forced"  # the digits and spaces allow one split only
    RECOVERED = "recovered"  # several splits, and the relations chose one
    AMBIGUOUS = "ambiguous"  # several readings break equally few relations
    TOO_MANY = "too-many"  # the search was cut off before it could decide
    IMPOSSIBLE = "impossible"  # the digits cannot be split into that many cells


@dataclass(frozen=True)
class Reading:
    """What came of one run: its cells (as written) when read, else the readings that tie."""

    status: Status
    cells: tuple[str, ...] = ()
    offsets: tuple[int, ...] = ()  # where each cell begins in `Run.text`
    candidates: tuple[tuple[str, ...], ...] = ()  # up to `SHOWN` of the tied readings
    count: int = 0  # how many readings tie (ambiguous), or how many splits exist

    @property
    def read(self) -> bool:
        return self.status in (Status.FORCED, Status.RECOVERED)

    @property
    def numbers(self) -> tuple[int, ...]:
        return tuple(int(cell) for cell in self.cells)


@dataclass(frozen=True)
class Solution:
    """The readings of a table's runs, by the caller's key, and what the chosen reading breaks.

    `broken` lists the relations the best reading still breaks (when every run was read):
    then the report itself is inconsistent and the linter's totals rules will say where.
    """

    readings: dict[Hashable, Reading] = field(default_factory=dict)
    broken: tuple[Equation, ...] = ()

    @property
    def recovered(self) -> list[Hashable]:
        return [key for key, reading in self.readings.items() if reading.status is Status.RECOVERED]


# ---------------------------------------------------------------- the whole table


@dataclass
class _Options:
    """One run in the combination: its readings and what each adds to the relations between runs."""

    key: Hashable
    splits: int  # how many splits the digits allow, relations aside
    readings: list[tuple[tuple[str, ...], tuple[int, ...]]]
    own_breaks: list[int]  # relations inside the run each reading breaks (0 unless none fits)
    # relation → (each reading's Σ coefficient × cell, the least, the greatest)
    sums: dict[int, tuple[list[int], int, int]] = field(default_factory=dict)


def solve(
    runs: Mapping[Hashable, tuple[Run, Sequence[CellKey]]],
    known: Mapping[CellKey, int | None],
    equations: Sequence[Equation],
    grammar: Grammar | None = None,
) -> Solution:
    """Read every run of one table at once.

    `runs` maps the caller's key to a run and the cells it fills, in order; `known` gives the
    cells read in the ordinary way (None: unreadable); `equations` are the table's relations.
    A relation over a cell that is neither known nor in a run is left out.
    """
    grammar = grammar or Grammar()
    owner: dict[CellKey, tuple[Hashable, int]] = {}
    for key, (_, cells) in runs.items():
        for index, cell in enumerate(cells):
            owner[cell] = (key, index)
    readings: dict[Hashable, Reading] = {}
    options: list[_Options] = []
    for key, (run, _) in runs.items():
        ways = count_splits(run, grammar)
        if ways == 0:
            readings[key] = Reading(Status.IMPOSSIBLE)
            continue
        local = [_local(eq, key, owner, known) for eq in equations if _inside(eq, key, owner, known)]
        try:
            found = split_run(run, local, grammar)
            breaks = [0] * len(found)
            if not found and ways <= CANDIDATE_LIMIT:  # no reading fits its own total: keep them all
                found = split_run(run, [], grammar)
                breaks = [sum(1 for eq in local if _off(eq, texts)) for texts, _ in found]
        except Cut:
            found = []
        if not found or len(found) > CANDIDATE_LIMIT:
            readings[key] = Reading(Status.TOO_MANY, count=ways)
            continue
        options.append(_Options(key, ways, found, breaks))
    placed = {option.key for option in options}
    between = [
        eq
        for eq in equations
        if all((cell in owner and owner[cell][0] in placed) or known.get(cell) is not None for cell, _ in eq)
        and len({owner[cell][0] for cell, _ in eq if cell in owner}) > 1
    ]
    for number, eq in enumerate(between):
        for option in options:
            terms = [
                (owner[cell][1], coefficient)
                for cell, coefficient in eq
                if owner.get(cell, (None,))[0] == option.key
            ]
            if terms:
                sums = [sum(c * int(texts[index]) for index, c in terms) for texts, _ in option.readings]
                option.sums[number] = (sums, min(sums), max(sums))
    constants = [
        sum(c * known[cell] for cell, c in eq if cell not in owner or owner[cell][0] not in placed)
        for eq in between
    ]  # type: ignore[operator]
    seen, chosen = _combine(options, constants, len(between))
    if seen is None:  # cut off: only runs with a single reading are read
        seen = [{0} if len(option.readings) == 1 else set(range(len(option.readings))) for option in options]
        chosen = None
    for option, indices in zip(options, seen, strict=True):
        if len(indices) == 1 and (chosen is not None or len(option.readings) == 1):
            texts, offsets = option.readings[next(iter(indices))]
            status = Status.FORCED if option.splits == 1 else Status.RECOVERED
            readings[option.key] = Reading(status, texts, offsets, count=option.splits)
        elif chosen is None:
            readings[option.key] = Reading(Status.TOO_MANY, count=option.splits)
        else:
            # in reading order: shorter first cells first, as a clerk would go through them
            ordered = sorted(indices, key=lambda i: [len(cell) for cell in option.readings[i][0]])
            shown = tuple(option.readings[index][0] for index in ordered[:SHOWN])
            readings[option.key] = Reading(Status.AMBIGUOUS, candidates=shown, count=len(indices))
    broken: tuple[Equation, ...] = ()
    if equations and all(reading.read for reading in readings.values()):
        values = {cell: int(text) for cell, text in known.items() if text is not None}  # type: ignore[misc]
        for key, (_, cells) in runs.items():
            values.update(zip(cells, readings[key].numbers, strict=True))
        broken = tuple(
            eq for eq in equations if all(c in values for c, _ in eq) and sum(k * values[c] for c, k in eq)
        )
    return Solution({key: readings[key] for key in runs}, broken)


def _inside(
    eq: Equation, key: Hashable, owner: Mapping[CellKey, tuple[Hashable, int]], known: Mapping
) -> bool:
    """The relation involves this run and otherwise only known cells."""
    mine = False
    for cell, _ in eq:
        if cell in owner and owner[cell][0] == key:
            mine = True
        elif known.get(cell) is None:
            return False
    return mine


def _local(
    eq: Equation, key: Hashable, owner: Mapping[CellKey, tuple[Hashable, int]], known: Mapping
) -> LocalEq:
    terms = [(owner[cell][1], c) for cell, c in eq if cell in owner and owner[cell][0] == key]
    constant = sum(c * known[cell] for cell, c in eq if not (cell in owner and owner[cell][0] == key))
    return LocalEq(terms, constant)


def _off(eq: LocalEq, texts: tuple[str, ...]) -> bool:
    return bool(eq.constant + sum(c * int(texts[index]) for index, c in eq.terms))


def _combine(
    options: list[_Options], constants: list[int], count: int, limit: int = COMBINE_LIMIT
) -> tuple[list[set[int]] | None, list[int] | None]:
    """Branch and bound over the runs' readings, fewest broken relations first.

    Returns, for each run, the readings that occur in some best combination, and one best
    combination; (None, None) when cut off.
    """
    order = sorted(range(len(options)), key=lambda i: len(options[i].readings))
    total = list(constants)
    low = [0] * count
    high = [0] * count
    for option in options:
        for number, (_, least, greatest) in option.sums.items():
            low[number] += least
            high[number] += greatest

    def hopeless(number: int) -> bool:
        return total[number] + low[number] > 0 or total[number] + high[number] < 0

    bad = sum(hopeless(number) for number in range(count))
    best = 1 << 60
    seen: list[set[int]] = [set() for _ in options]
    chosen: list[int] = [0] * len(options)
    best_choice: list[int] | None = None
    steps = 0

    def visit(depth: int, cost: int) -> None:
        nonlocal bad, best, steps, seen, best_choice
        steps += 1
        if steps > limit:
            raise Cut
        if cost + bad > best:
            return
        if depth == len(order):
            if cost + bad < best:
                best = cost + bad
                seen = [set() for _ in options]
                best_choice = list(chosen)
            for index, pick in enumerate(chosen):
                seen[index].add(pick)
            return
        run = order[depth]
        option = options[run]
        for pick in range(len(option.readings)):
            for number, (sums, least, greatest) in option.sums.items():
                bad -= hopeless(number)
                total[number] += sums[pick]
                low[number] -= least
                high[number] -= greatest
                bad += hopeless(number)
            chosen[run] = pick
            visit(depth + 1, cost + option.own_breaks[pick])
            for number, (sums, least, greatest) in option.sums.items():
                bad -= hopeless(number)
                total[number] -= sums[pick]
                low[number] += least
                high[number] += greatest
                bad += hopeless(number)

    try:
        visit(0, 0)
    except Cut:
        return None, None
    return seen, best_choice
