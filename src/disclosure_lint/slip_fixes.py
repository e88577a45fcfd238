"""Fixes for typing slips that stop the YAML from being read at all (DL004, DL006).

A Chinese input method types `：` for `:`, and a clerk writes `年度:2023` without the space: the
line is then not a key but text, which may swallow the lines after it, so the parser fails
several lines on, or reads the whole file as one text. The fix is therefore found by reading,
not only at the reported position. The measure is the first line at which the text stops
reading: the smallest number of leading lines that does not read as a mapping (found by
bisection). The slip is at or above that line: the lines above it whose key is one of the
format's own keys, written with `：` or a `:` without its space, are tried nearest first (and
runs of such lines together, since two slipped lines in a row read as one text). A mend is
taken only if the text then reads past that line; each taken mend is one more step, so one fix
mends every slip of a file. A narrative line that happens to start like a key never reads
further when mended, so it is never touched.

Also safe, since no value changes: deleting invisible characters (a zero-width space, a byte
order mark in the middle) and a few stray control characters; closing a quote left open at the
end of its line; putting a value that has quotes in the middle (`"某某"局`) into single quotes,
so that it reads exactly as typed.
"""

from __future__ import annotations

import functools
import re

from .findings import SAFE, Edit, Finding, Fix, Pos
from .fixes import LineIndex

MAX_STEPS = 500  # mends in one fix; a report has a few hundred lines at most
REACH = 400  # lines looked back from where the text stops reading
# Reading is the cost: the search reads about this many characters per finding (a report of
# 2,500 characters with every key slipped reads about 100,000 to mend them all). Once it is spent
# the mends found so far are the fix, and --fix's next round reads on with a new allowance; the
# first mend may read up to four times as much, so that every round mends something if it can.
READ_BUDGET = 400_000
MAX_CONTROLS = 16  # more stray control characters than this and the file is not text gone astray

# A key, then `：` (with any spaces after it), `:` and a full-width space, or `:` with no space.
_KEY_SLIP = re.compile(
    r"(?P<key>[^\s:：#{}\[\],\"'][^:：#{}\[\],\"']*?)\s*(?P<sep>：[ \t\u3000]*|:\u3000[ \t\u3000]*|:(?=[^\s]))"
)
_STRUCTURE = re.compile(r"^\s*(?:-\s+)?")
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_OPEN_QUOTE = re.compile(r"^(?P<lead>\s*(?:-\s+)?[^\s:#][^:#]*?:\s+)(?P<quote>[\"'])(?P<rest>[^\"']*)$")
_QUOTED_THEN_TEXT = re.compile(
    r"^(?P<lead>\s*(?:-\s+)?[^\s:#\"'][^:#\"']*?:\s+)(?P<value>\"[^\"\\]*\"[^\s#].*?)\s*$"
)

TEXTS = {
    "colon": ("键后面改用半角冒号加空格“: ”", "write ': ' (a half-width colon and a space) after the key"),
    "invisible": ("删去 {n} 个看不见的字符", "delete {n} invisible character(s)"),
    "control": ("删去 {n} 个控制字符", "delete {n} control character(s)"),
    "close": ("在行末补上引号 {quote}", "close the quote {quote} at the end of the line"),
    "wrap": (
        "给整段文字加单引号，引号照原样保留",
        "put the whole text in single quotes, keeping its quotes as typed",
    ),
}

Slips = list[tuple[int, list[tuple[int, int, str]]]]  # (line, [(start, end, new) in the line]), in order


@functools.cache
def known_keys() -> frozenset[str]:
    """Every key of every format's schema: a slip is mended only on a key the format names."""
    from . import statute
    from .labels import norm
    from .schema import load_schema

    names: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for name, child in node.items():
                if name == "properties" and isinstance(child, dict):
                    names.update(child)
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for version in statute.FORMATS:
        walk(load_schema(version))
    return frozenset(names | {norm(name) for name in names})


def _is_key(text: str) -> bool:
    from .labels import norm

    return text in known_keys() or norm(text) in known_keys()


def _fix(edits: list[Edit], kind: str, **values: object) -> Fix:
    zh, en = TEXTS[kind]
    return Fix(tuple(edits), SAFE, zh.format(**values), en.format(**values))


# ---------------------------------------------------------------- how far the text reads


def parse_failure(text: str, prefix: bool = False) -> tuple[int, int] | None:
    """Where reading stops, as 0-based (line, column); None when the text reads as a mapping
    (`prefix`: or as nothing, since the leading lines of a report may be comments only).

    Only the parser's events are read (in C, four times as fast as building the nodes), which
    is all that whether and where the YAML reads depends on.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.events import DocumentStartEvent, MappingStartEvent, NodeEvent
    from ruamel.yaml.reader import ReaderError

    root = None
    documents = 0
    try:
        for event in YAML(typ="safe").parse(text):
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:  # a second document: the loader refuses it
                    return (event.start_mark.line, event.start_mark.column)
            elif root is None and isinstance(event, NodeEvent):  # the document's root
                root = event
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return (mark.line, mark.column) if mark is not None else (0, 0)
    except (ReaderError, RecursionError):
        return (0, 0)
    if isinstance(root, MappingStartEvent) or (prefix and root is None):
        return None
    return (0, 0)  # read, but as one text or a list


class _OutOfBudget(Exception):
    pass


class _Reading:
    """Reads for one search, counting the characters read against READ_BUDGET."""

    def __init__(self) -> None:
        self.read = 0
        self.steps = 0  # mends taken

    def failure(self, text: str, prefix: bool = False) -> tuple[int, int] | None:
        self.read += len(text)
        if self.read > READ_BUDGET * (1 if self.steps else 4):
            raise _OutOfBudget
        return parse_failure(text, prefix)

    def stops_at(self, text: str) -> int | None:
        """The first line (1-based) such that the lines up to it do not read; None if the text reads."""
        if self.failure(text) is None:
            return None
        index = LineIndex(text)
        good, bad = 0, len(index.starts)  # the first `good` lines read, the first `bad` do not
        while bad - good > 1:
            middle = (good + bad) // 2
            if self.failure(text[: index.ends[middle - 1]], prefix=True) is None:
                good = middle
            else:
                bad = middle
        return bad


# ---------------------------------------------------------------- key slips


def _line_slips(line: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for each key on this line written with `：` or `:` and no space:
    the line's first key, and keys opening or following a comma in a { } mapping. The spaces
    after a `：` stay (they align the rows), a full-width space there becomes an ordinary one, and
    `：` or `:` right before a value becomes `: `."""
    found = []
    lead = _STRUCTURE.match(line)
    starts = [lead.end() if lead else 0, *(m.end() for m in re.finditer(r"[{,]\s*", line))]
    for start in starts:
        match = _KEY_SLIP.match(line, start)
        if match is None or not _is_key(match.group("key").strip()):
            continue
        colon, sep = match.start("sep"), match.group("sep")
        spaces = sep[1:].replace("\u3000", " ")  # a full-width space becomes an ordinary one
        if not spaces:
            spaces = " " if line[match.end() :].strip() else ""
        found.append((colon, match.end(), ":" + spaces))
    return found


def colon_slips(text: str, reading: _Reading | None = None) -> Fix | None:
    """Mend key slips one verified step at a time, until the text reads or no mend helps (or the
    allowance for reading is spent: the steps taken so far are the fix)."""
    reading = reading or _Reading()
    original = LineIndex(text)
    current = text
    try:
        for _ in range(MAX_STEPS):
            stop = reading.stops_at(current)
            if stop is None:
                break
            step = _one_step(reading, current, stop)
            if step is None:
                break
            current = step
            reading.steps += 1
    except _OutOfBudget:
        pass
    if current == text:
        return None
    return _fix(_line_edits(original, LineIndex(current)), "colon")


def _one_step(reading: _Reading, text: str, stop: int) -> str | None:
    """The text with the slipped line nearest above `stop` mended (or a run of lines from it, or
    the line with its quote closed too), if that lets it read through `stop`."""
    index = LineIndex(text)
    found: Slips = []
    for number in range(max(1, stop - REACH), stop + 1):
        slips = _line_slips(index.line(number))
        if slips:
            found.append((number, slips))
    run_end = list(range(len(found)))  # each slipped line's run: the slipped lines after it, alike
    for at in range(len(found) - 2, -1, -1):
        if _same_run(index, found[at][0], found[at + 1][0]):
            run_end[at] = run_end[at + 1]
    through = index.ends[min(stop, len(index.ends)) - 1]  # mends above `stop` shift it by their length

    def reads(mended: str) -> bool:
        return reading.failure(mended[: through + len(mended) - len(text)], prefix=True) is None

    for at in range(len(found) - 1, -1, -1):
        run = found[at : run_end[at] + 1]
        for attempt in [run[:1], run] if len(run) > 1 else [run]:
            mended = _replace_lines(text, index, attempt)
            if reads(mended):
                return mended
        number = found[at][0]  # `key："text` : the colon and then the quote left open
        mended = _replace_lines(text, index, run[:1])
        line = mended[index.starts[number - 1] : index.ends[number - 1] + len(mended) - len(text)]
        for quote in _quote_candidates(line, number):
            both = _apply(mended, quote)
            if both is not None and reads(both):
                return both
    return None


def _line_edits(before: LineIndex, after: LineIndex) -> list[Edit]:
    """One edit per changed line, of just the characters that differ (mends keep the lines)."""
    edits = []
    for number in range(1, len(before.starts) + 1):
        old, new = before.line(number), after.line(number)
        if old == new:
            continue
        head = 0
        while head < min(len(old), len(new)) and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        edits.append(
            Edit(Pos(number, head + 1), Pos(number, len(old) - tail + 1), new[head : len(new) - tail])
        )
    return edits


def _same_run(index: LineIndex, line: int, later: int) -> bool:
    """`later` follows `line` with only blank or comment lines between, at the same indentation."""

    def indent(number: int) -> int:
        text = index.line(number)
        return len(text) - len(text.lstrip())

    between = (index.line(n).strip() for n in range(line + 1, later))
    return all(not rest or rest.startswith("#") for rest in between) and indent(line) == indent(later)


def block_slips(text: str, first: int, indent: int) -> Fix | None:
    """A group of keys typed with `：` below a key, which YAML therefore read as one text: the
    lines from `first` that are indented more than `indent`, if every one of them is a slipped
    key and mending them all gives valid YAML."""
    index = LineIndex(text)
    found: Slips = []
    for number in range(first, len(index.starts) + 1):
        line = index.line(number)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= indent:
            break
        slips = _line_slips(line)
        if not slips:
            return None
        found.append((number, slips))
    if not found or parse_failure(_replace_lines(text, index, found)) is not None:
        return None
    return _fix(
        [Edit(Pos(n, a + 1), Pos(n, b + 1), new) for n, slips in found for a, b, new in slips], "colon"
    )


def _replace_lines(text: str, index: LineIndex, lines: Slips) -> str:
    for number, slips in reversed(lines):  # from the bottom, so the offsets above stay right
        base = index.starts[number - 1]
        for start, end, new in reversed(slips):
            text = text[: base + start] + new + text[base + end :]
    return text


# ---------------------------------------------------------------- characters and quotes


def invisible_fix(text: str) -> Fix | None:
    """Delete every invisible character the loader refuses (they are never part of a value)."""
    index = LineIndex(text)
    edits = [Edit(index.pos(m.start()), index.pos(m.end())) for m in _INVISIBLE.finditer(text)]
    return _fix(edits, "invisible", n=len(edits)) if edits else None


def control_fix(text: str) -> Fix | None:
    """Delete stray control characters (a paste from another program): a few at most, or the
    file is something else and nothing is offered."""
    index = LineIndex(text)
    found = list(_CONTROLS.finditer(text))
    if not found or len(found) > MAX_CONTROLS:
        return None
    return _fix([Edit(index.pos(m.start()), index.pos(m.end())) for m in found], "control", n=len(found))


def quote_fix(text: str, reported: Pos, reading: _Reading | None = None) -> Fix | None:
    """A quote left open at the end of its line, or a quoted part followed by more text."""
    reading = reading or _Reading()
    index = LineIndex(text)
    try:
        stop = reading.stops_at(text)
        if stop is None:
            return None
        for number in dict.fromkeys((reported.line, stop, reported.line - 1)):
            for fix in _quote_candidates(index.line(number), number):
                mended = _apply(text, fix)
                if mended is not None and (reading.stops_at(mended) or len(index.starts) + 1) > stop:
                    return fix
    except _OutOfBudget:
        pass
    return None


def _quote_candidates(line: str, number: int) -> list[Fix]:
    found = []
    opened = _OPEN_QUOTE.match(line)
    if opened and (opened.group("quote") == "'" or "\\" not in opened.group("rest")):
        rest = opened.group("rest").rstrip()
        if rest and " #" not in rest:
            col = len(opened.group("lead")) + 1 + len(rest) + 1
            quote = opened.group("quote")
            found.append(_fix([Edit(Pos(number, col), Pos(number, col), quote)], "close", quote=quote))
    closed = _QUOTED_THEN_TEXT.match(line)
    if closed and " #" not in closed.group("value"):
        value, start = closed.group("value"), len(closed.group("lead")) + 1
        wrapped = "'" + value.replace("'", "''") + "'"
        found.append(_fix([Edit(Pos(number, start), Pos(number, start + len(value)), wrapped)], "wrap"))
    return found


def _apply(text: str, fix: Fix) -> str | None:
    from .fixes import apply_fixes

    mended, count = apply_fixes(text, [fix])
    return mended if count == 1 else None


def with_fix(text: str, finding: Finding) -> Finding:
    """The loader's finding with the fix for its slip, when one is found and verified."""
    reading = _Reading()
    fix = colon_slips(text, reading) or quote_fix(text, finding.pos, reading)
    return finding._replace(fix=fix) if fix is not None else finding
