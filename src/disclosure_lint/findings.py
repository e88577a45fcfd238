"""Rules and the findings they produce.

A rule is declared once with a stable code and its message in Chinese and
English; a finding is that rule at a position, with the values that fill the
message. Messages are formatted only when printed, in the language asked for.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True, slots=True)
class Pos:
    """A 1-based line and column (columns count characters, not bytes)."""

    line: int
    col: int


# The start of the file, and, as this very object, "the file as a whole": a finding made at START
# (an encoding warning, a missing part) is shown without a source line (excerpts.py).
START = Pos(1, 1)


@dataclass(frozen=True)
class Rule:
    """One check with a stable code.

    `message_zh` / `message_en` are str.format templates filled from the
    finding's arguments; `summary_*` is the one-line description for rule lists.
    """

    code: str
    name: str
    severity: Severity
    summary_zh: str
    summary_en: str
    clause: str
    message_zh: str
    message_en: str

    def at(
        self, pos: Pos, path: Path = (), *, covers: tuple[Path, ...] = (), span: int = 0, **args: Any
    ) -> Finding:
        """This rule's finding at `pos` (and report `path`), its message filled from `args`."""
        return Finding(self, pos, path, args, covers=tuple(covers), span=span)


@dataclass(frozen=True)
class Finding:
    """A rule at a position, with the values that fill its message.

    `path` is the report value the finding is about. A rule's finding there replaces the
    schema's type or range error at the same path (it knows more). `covers` names other paths
    the same mistake explains, whose schema findings are dropped too: "1,234" typed in a row is
    one finding at its first part, though YAML made it two cells and the row too long.
    `args` fill the message templates only; they carry no control data. `span` is how many
    characters from `pos` the finding covers on its line, where known (the text output underlines
    them); 0 is a point.
    """

    rule: Rule
    pos: Pos
    path: Path = ()
    args: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    covers: tuple[Path, ...] = field(default=(), compare=False, hash=False)
    span: int = field(default=0, compare=False, hash=False)

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
