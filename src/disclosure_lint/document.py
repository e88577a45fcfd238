"""A loaded report: plain data for the schema, positions for every finding."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from . import statute
from .findings import START, Path, Pos

_MISSING = object()


def as_count(value: Any) -> int | None:
    """A cell's value as a count (`Report.count`), or None when it is not a non-negative whole number."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return None
    return value


class Scalar(NamedTuple):
    """A scalar as the clerk typed it: `text` before conversion, `quoted` if in quotes."""

    text: str
    quoted: bool
    tag: str
    style: str | None = None  # "|" or ">" for block scalars, a quote, or None for plain


# What a report is made with, in the order Report() takes them.
_FIELDS = (
    "filename",
    "source",
    "data",
    "values",
    "keys",
    "scalars",
    "previous",
    "guessed",
    "unreadable",
    "unstated",
)


class Report:
    """The report's data, with where each key and value was written.

    `data` holds plain JSON-like values (what the schema validates). Paths are
    tuples of mapping keys and sequence indices, e.g. ("收到和处理…", "本年新收…", 6).
    `previous` is last year's report, when the user named one (--previous). What an importer
    knows of the document: `guessed`, metadata keys (e.g. 报告类型) it inferred rather than read
    (a rule may mention a guess, but never raises an error on it); `unreadable`, cells (paths) it
    could not read from the source (arithmetic over them is not the publisher's error, and they
    are reported once, by the importer); `unstated`, metadata keys (e.g. 发布日期) the document
    does not state (not the publisher's error, so the schema's "missing" finding gives way to the
    importer's note, DL021).
    """

    __slots__ = (*_FIELDS, "_lines", "_glyphs", "_derived")

    def __init__(
        self,
        filename: str,
        source: str,
        data: Any,
        values: dict[Path, Pos] | None = None,
        keys: dict[Path, Pos] | None = None,
        scalars: dict[Path, Scalar] | None = None,
        previous: Report | None = None,
        guessed: frozenset[str] = frozenset(),
        unreadable: frozenset[Path] = frozenset(),
        unstated: frozenset[str] = frozenset(),
    ) -> None:
        self.filename = filename
        self.source = source
        self.data = data
        self.values = {} if values is None else values
        self.keys = {} if keys is None else keys
        self.scalars = {} if scalars is None else scalars
        self.previous = previous
        self.guessed = guessed
        self.unreadable = unreadable
        self.unstated = unstated
        self._lines: tuple[str, list[str]] | None = None
        self._glyphs: dict[Path, list[Pos]] = {}
        self._derived: dict[Any, Any] = {}

    def __repr__(self) -> str:
        return f"Report(filename={self.filename!r})"

    def relocated(
        self,
        source: str,
        where: Callable[[Path, bool], Pos],
        scalars: dict[Path, Scalar] | None = None,
        glyphs: dict[Path, list[Pos]] | None = None,
        **facts: Any,
    ) -> Report:
        """The same report with its positions pointing into another text it was made from.

        A published document is imported into YAML and that YAML is loaded, so that the document
        is checked exactly as its import would be; the findings must still name the document's
        lines. `where(path, is_key)` maps each value's (False) or key's (True) path to its place in
        `source`; `scalars` replaces how cells were written (a document's blank cell is not the
        YAML's null); `glyphs` gives, for a text, where each of its non-blank characters is in
        `source` (a paragraph joined over lines, a page's markup between words); `facts` sets the
        importer's fields (guessed, unreadable, unstated).
        """
        moved = self._replace(
            source=source,
            values={path: where(path, False) for path in self.values},
            keys={path: where(path, True) for path in self.keys},
            scalars={**self.scalars, **(scalars or {})},
            **facts,
        )
        moved._glyphs = {path: list(places) for path, places in (glyphs or {}).items()}
        return moved

    def _replace(self, **changes: Any) -> Report:
        """A copy with some fields changed (as a named tuple's `_replace`). Where the text's
        characters are is kept; what was worked out from the data is not."""
        fields = {name: getattr(self, name) for name in _FIELDS}
        copy = Report(**(fields | changes))
        copy._glyphs = self._glyphs
        return copy

    def derived(self, key: Any, make: Callable[[], Any]) -> Any:
        """`make()`, computed once per report: what several rules read from the same data (the
        format, the prose cut into sentences, the table values) is worked out once, not per rule.

        Only for what depends on the loaded report alone: the data is not changed once loaded.
        """
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = make()
            return value

    def forget_derived(self) -> None:
        """Drop what `derived` kept, once the report is checked (a result may keep the report)."""
        self._derived.clear()

    @property
    def format(self) -> statute.Format:
        """The format the report's tables follow (`statute.format_of`), worked out once."""
        return self.derived("format", lambda: statute.format_of(self.data))

    def get(self, path: Path, default: Any = None) -> Any:
        node = self.data
        for step in path:
            if isinstance(step, int):
                if not isinstance(node, list) or not -len(node) <= step < len(node):
                    return default
            elif not isinstance(node, dict) or step not in node:
                return default
            node = node[step]
        return node

    def has(self, path: Path) -> bool:
        return self.get(path, _MISSING) is not _MISSING

    def pos(self, path: Path) -> Pos:
        """Where the value at `path` is, or else the nearest ancestor's key."""
        if path in self.values:
            return self.values[path]
        return self.key_pos(path)

    def key_pos(self, path: Path) -> Pos:
        """Where the key of `path` is written; for a missing key, its nearest present ancestor's key."""
        while path:
            if path in self.keys:
                return self.keys[path]
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return START

    def count(self, path: Path) -> int | None:
        """The cell as a count, or None when it is not a non-negative whole number.

        Cells that are not counts are reported by the cell rules; arithmetic
        skips them so one bad cell gives one finding. 12.0 counts as 12 (it only
        earns a warning), so the sums it takes part in are still checked.
        """
        return as_count(self.get(path))

    def text(self, path: Path) -> str:
        value = self.get(path)
        return value if isinstance(value, str) else ""

    def text_paths(self) -> Iterator[Path]:
        """The narrative parts present: 一 (each aspect, or the single text), 五 and 六."""
        part1 = self.get((statute.PART1,))
        if isinstance(part1, dict):
            yield from ((statute.PART1, aspect) for aspect in statute.ASPECTS if aspect in part1)
        elif self.has((statute.PART1,)):
            yield (statute.PART1,)
        for part in (statute.PART5, statute.PART6):
            if self.has((part,)):
                yield (part,)

    def text_pos(self, path: Path, offset: int) -> Pos:
        """Where character `offset` of the text at `path` is in the file.

        Block, folded and quoted scalars change only whitespace and quotes, so the
        text's non-blank characters are matched one by one against the source.
        """
        value = self.get(path)
        if not isinstance(value, str) or path not in self.values:
            return self.pos(path)
        offset = max(0, min(offset, len(value)))
        wanted = sum(1 for char in value[:offset] if not char.isspace())
        glyphs = self._glyphs.get(path)
        if glyphs is None:
            glyphs = self._glyphs[path] = self._glyph_positions(
                path, sum(1 for c in value if not c.isspace())
            )
        return glyphs[wanted] if wanted < len(glyphs) else self.values[path]

    def _glyph_positions(self, path: Path, count: int) -> list[Pos]:
        """Positions of the first `count` non-blank source characters of the value at `path`."""
        start = self.values[path]
        lines = self.source.split("\n")
        scalar = self.scalars.get(path)
        line, col = start.line - 1, start.col - 1
        if scalar is not None and scalar.style in ("|", ">"):
            line, col = line + 1, 0  # the text starts below the | or > indicator
        elif scalar is not None and scalar.quoted:
            col += 1
        found: list[Pos] = []
        while line < len(lines) and len(found) < count:
            text = lines[line]
            while col < len(text) and len(found) < count:
                if not text[col].isspace():
                    found.append(Pos(line + 1, col + 1))
                col += 1
            line, col = line + 1, 0
        return found

    def line_text(self, line: int) -> str:
        if self._lines is None or self._lines[0] is not self.source:
            self._lines = (self.source, self.source.splitlines())  # split once, not once per cell
        lines = self._lines[1]
        return lines[line - 1] if 0 < line <= len(lines) else ""
