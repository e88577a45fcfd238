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
    """A table cell as read: `kind` is number, text (a written form the linter explains), blank or unreadable."""

    text: str
    pos: Pos
    kind: str


@dataclass
class Draft:
    meta: dict[str, Any] = field(default_factory=dict)
    part1: str | dict[str, str] | None = None
    part2: dict[str, list[Value]] = field(default_factory=dict)
    part3: dict[Path, list[Value]] = field(default_factory=dict)
    part4: dict[str, list[Value]] = field(default_factory=dict)
    part5: str | None = None
    part6: str | None = None
    parts: set[str] = field(default_factory=set)  # parts whose heading or content was found
    keys: dict[Path, Pos] = field(default_factory=dict)
    values: dict[Path, Pos] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)

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
