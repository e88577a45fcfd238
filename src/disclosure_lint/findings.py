"""Rules and the findings they produce.

A rule is declared once with a stable code and its message in Chinese and
English; a finding is that rule at a position, with the values that fill the
message. Messages are formatted only when printed, in the language asked for.
A finding may carry a `Fix`: edits of the report's text that mend it, and whether
that is safe (as ruff's fixes are: `--fix` applies safe ones, `--unsafe-fixes` the rest).

The records are named tuples and small classes, not dataclasses: every lint pays their set-up at
start, and on Python 3.11 `dataclasses` costs about 17 ms to import (it imports `inspect`) and a
millisecond a class, a fifth of what a pre-commit hook waits for.
"""

from __future__ import annotations

import enum
from typing import Any, NamedTuple

Path = tuple[str | int, ...]


class Severity(enum.IntEnum):
    """How sure a finding is that the published report is wrong.

    ERROR: the published tables or required parts are wrong. WARNING: very likely wrong, a person
    should look. INFO: worth knowing, often fine (never fails a run unless `--fail-on info`).
    """

    INFO = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()


ERROR = Severity.ERROR
WARNING = Severity.WARNING
INFO = Severity.INFO


class Pos(NamedTuple):
    """A 1-based line and column (columns count characters, not bytes)."""

    line: int
    col: int


# The start of the file, and, as this very object, "the file as a whole": a finding made at START
# (an encoding warning, a missing part) is shown without a source line (excerpts.py).
START = Pos(1, 1)

# How sure a fix is. SAFE: it changes only how something is written, never what it means
# (１２ → 12, "12" → 12, a full-width colon after a key); `--fix` applies it. UNSAFE: very likely
# right, but it changes a value or reads one unit as another (the one wrong cell whose
# balancing value is certain); applied only with `--unsafe-fixes`. Plain strings, so that a fix
# crosses process boundaries and the result cache as it is.
SAFE = "safe"
UNSAFE = "unsafe"
APPLICABILITIES = (SAFE, UNSAFE)


class Edit(NamedTuple):
    """Replace the text from `start` up to (not including) `end` with `content`.

    Positions are a finding's own (1-based line, column in characters), so an edit means the
    same in a file with CRLF line ends as in the text the loader read. `start == end` inserts.
    """

    start: Pos
    end: Pos
    content: str = ""


class _FixFields(NamedTuple):
    edits: tuple[Edit, ...]
    applicability: str = SAFE
    message_zh: str = ""
    message_en: str = ""


class Fix(_FixFields):
    """Edits that mend a finding, all applied or none, with what they do in both languages."""

    __slots__ = ()

    def __new__(
        cls, edits: tuple[Edit, ...], applicability: str = SAFE, message_zh: str = "", message_en: str = ""
    ) -> Fix:
        if applicability not in APPLICABILITIES:
            raise ValueError(f"a fix is {' or '.join(APPLICABILITIES)}, not {applicability!r}")
        return super().__new__(cls, edits, applicability, message_zh, message_en)

    @property
    def safe(self) -> bool:
        return self.applicability == SAFE

    def message(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message_zh

    def applies(self, unsafe: bool) -> bool:
        """Whether `--fix` applies it: always when safe, with `--unsafe-fixes` otherwise."""
        return self.safe or unsafe


class Rule(NamedTuple):
    """One check with a stable code.

    `message_zh` / `message_en` are str.format templates filled from the
    finding's arguments; `summary_*` is the one-line description for rule lists. `fix` names the
    applicabilities its findings' fixes can have (`(SAFE,)`, `(UNSAFE,)`, both, or none), for
    `--explain`; the fix itself comes with each finding.
    """

    code: str
    name: str
    severity: Severity
    summary_zh: str
    summary_en: str
    clause: str
    message_zh: str
    message_en: str
    fix: tuple[str, ...] = ()

    def at(
        self,
        pos: Pos,
        path: Path = (),
        *,
        covers: tuple[Path, ...] = (),
        span: int = 0,
        fix: Fix | None = None,
        **args: Any,
    ) -> Finding:
        """This rule's finding at `pos` (and report `path`), its message filled from `args`."""
        return Finding(self, pos, path, args, covers=tuple(covers), span=span, fix=fix)


# A finding's fields, in the order Finding() takes them.
_FINDING_FIELDS = ("rule", "pos", "path", "args", "covers", "span", "fix")


class Finding:
    """A rule at a position, with the values that fill its message.

    `path` is the report value the finding is about. A rule's finding there replaces the
    schema's type or range error at the same path (it knows more). `covers` names other paths
    the same mistake explains, whose schema findings are dropped too: "1,234" typed in a row is
    one finding at its first part, though YAML made it two cells and the row too long.
    `args` fill the message templates only; they carry no control data. `span` is how many
    characters from `pos` the finding covers on its line, where known (the text output underlines
    them); 0 is a point. `fix`, when there is one, mends the problem in the report's text.
    Two findings are the same finding when their rule, position and path are: the rest says how
    it is worded and mended.
    """

    __slots__ = _FINDING_FIELDS

    def __init__(
        self,
        rule: Rule,
        pos: Pos,
        path: Path = (),
        args: dict[str, Any] | None = None,
        covers: tuple[Path, ...] = (),
        span: int = 0,
        fix: Fix | None = None,
    ) -> None:
        set_field = object.__setattr__  # a finding is not changed once made (see __setattr__)
        set_field(self, "rule", rule)
        set_field(self, "pos", pos)
        set_field(self, "path", path)
        set_field(self, "args", {} if args is None else args)
        set_field(self, "covers", covers)
        set_field(self, "span", span)
        set_field(self, "fix", fix)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.rule, self.pos, self.path) == (other.rule, other.pos, other.path)  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.rule, self.pos, self.path))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a finding is not changed once made: use _replace({name}=…)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("a finding is not changed once made")

    def __reduce__(self) -> tuple[Any, ...]:  # pickled by its fields (the slots have no setter)
        return (Finding, tuple(getattr(self, name) for name in _FINDING_FIELDS))

    def __repr__(self) -> str:
        return (
            f"Finding(rule={self.rule.code}, pos={self.pos!r}, path={self.path!r}, args={self.args!r}, "
            f"covers={self.covers!r}, span={self.span!r}, fix={self.fix!r})"
        )

    def _replace(self, **changes: Any) -> Finding:
        """The same finding with some fields changed (as a named tuple's `_replace`)."""
        fields = {name: getattr(self, name) for name in _FINDING_FIELDS}
        return Finding(**(fields | changes))

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    def message(self, lang: str = "zh") -> str:
        template = self.rule.message_en if lang == "en" else self.rule.message_zh
        return template.format(**self.args)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.pos.line, self.pos.col, self.rule.code)
