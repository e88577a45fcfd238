"""What the recogniser makes of a document: the draft report, its cells as read, and notes.

A `Note` keeps what could not be placed (never dropped); a `Value` is one table cell
as written; a `Run` is a row whose figures ran together so that the cells cannot be
told apart without solving the table (see `runs.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Path, Pos
from . import labels as lb
from .model import Text


@dataclass
class Note:
    """Something in the source the importer could not place, or had to guess."""

    pos: Pos
    text: str
    why: str
    why_en: str
    key: str | None = None  # the metadata key a note about something missing is about


@dataclass
class Value:
    """A table cell as read.

    `kind` is number; text (a written form the linter explains, e.g. "/"); blank (the publisher
    left it empty); unreadable (words where a number belongs, as the publisher wrote them); or
    lost (the importer could not find or cut the cell: see `Draft.lost`).
    """

    text: str
    pos: Pos
    kind: str


@dataclass
class Run:
    """Figures that ran together ("640020470") and cannot be cut into their cells by reading alone.

    `paths` are the cells the figures fill, in printed order (one row's, or all 15 of table 四);
    `pieces` the figures as printed, split only where the source had spaces; `candidates` how
    many ways the digits cut into that many cells (counted up to a cap). A solver that knows
    the tables' relations (`runs.py`) can choose among them; until one does, the cells are
    unreadable, never guessed.
    """

    paths: list[Path]
    pieces: list[Text]
    candidates: int

    @property
    def text(self) -> str:
        return " ".join(piece.text for piece in self.pieces)

    @property
    def pos(self) -> Pos:
        return self.pieces[0].pos


@dataclass
class Lost:
    """Cells the importer could not read from the source: reported once, by the importer (DL020)."""

    paths: list[Path]
    pos: Pos
    text: str  # what the source had there ("" where nothing was found)
    why: str
    why_en: str
    reported: bool = False  # the solver reports these cells itself (ambiguous, too many …)


@dataclass
class Draft:
    meta: dict[str, Any] = field(default_factory=dict)
    part1: str | dict[str, str] | None = None
    part2: dict[str, list[Value]] = field(default_factory=dict)
    columns: dict[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # a table 二 row's columns, in its format
    part3: dict[Path, list[Value]] = field(default_factory=dict)
    part4: dict[str, list[Value]] = field(default_factory=dict)
    part5: str | None = None
    part6: str | None = None
    parts: set[str] = field(default_factory=set)  # parts whose heading or content was found
    keys: dict[Path, Pos] = field(default_factory=dict)
    values: dict[Path, Pos] = field(default_factory=dict)
    glyphs: dict[Path, list[Pos]] = field(default_factory=dict)  # a text part's characters in the source
    notes: list[Note] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    lost: list[Lost] = field(default_factory=list)
    findings: list[Any] = field(default_factory=list)  # what the run-together digits solver reports
    guessed: set[str] = field(default_factory=set)  # metadata keys inferred, not read
    unstated: set[str] = field(default_factory=set)  # metadata keys the document does not give

    def note(self, pos: Pos, text: str, why: str, why_en: str, key: str | None = None) -> None:
        self.notes.append(Note(pos, text, why, why_en, key))


def read_value(cell: Text) -> Value:
    text = cell.text.strip()
    if not text:
        return Value("", cell.pos, "blank")
    if lb.PLAIN_INT.match(text) or lb.PLAIN_DECIMAL.match(text):
        return Value(text, cell.pos, "number")
    if lb.value_like(text):
        return Value(text, cell.pos, "text")
    return Value(text, cell.pos, "unreadable")
