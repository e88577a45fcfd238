"""From a document's blocks to a draft report.

The six parts are found by their headings, part 一's five aspects by their
sub-headings, and the three tables by their statutory row labels — not by where
cells sit, since real exports merge, repeat, split and run cells together. What
cannot be placed is kept as a `Note`, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import statute as s
from ..findings import START, Path, Pos
from . import labels as lb
from .model import Block, Line, Row, Source, Text


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


# ---------------------------------------------------------------- the whole document


def recognise(source: Source) -> Draft:
    draft = Draft()
    regions: list[list[Block]] = [[] for _ in range(7)]  # 0: before part 一; 1–6: the parts
    heads: dict[int, Line] = {}
    current = 0
    for block in source.blocks:
        if isinstance(block, Line):
            index = lb.part_heading(block.text)
            if index is not None and index + 1 > current:
                current = index + 1
                heads[current] = block
                continue
        regions[current].append(block)
    for number, head in heads.items():
        part = s.PARTS[number - 1]
        draft.parts.add(part)
        draft.keys[(part,)] = head.pos
    tables = _Tables(draft)
    _part1(draft, regions[1])
    for number in (2, 3, 4):
        tables.part = number
        for block in regions[number]:
            tables.feed(block)
        tables.close()
    tables.finish()
    signature, chrome = _tail(regions[6])
    for line in chrome:
        draft.note(
            line.pos, line.text, "网页的页脚，不属于报告", "a web page's footer, not part of the report"
        )
    for number, part in ((5, s.PART5), (6, s.PART6)):
        blocks = regions[number]
        if number == 6:
            blocks = blocks[: len(blocks) - len(signature) - len(chrome)]
        lines = _lines(blocks)
        if lines or part in draft.parts:
            draft.parts.add(part)
            draft.values[(part,)] = lines[0].pos if lines else draft.keys.get((part,), START)
            text = assemble(lines)
            if number == 5:
                draft.part5 = text
            else:
                draft.part6 = text
    _metadata(draft, source, regions[0], signature)
    draft.notes.sort(key=lambda note: (note.pos.line, note.pos.col))
    return draft


# ---------------------------------------------------------------- texts

# What ends a paragraph: a line ending otherwise, followed by more text, is a paragraph broken by a page.
SENTENCE_END = frozenset("。！？!?…”’」』)）】].")
_LIST_START = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]|[一二三四五六七八九十]是|第[一二三四五六七八九十]|[①-⑳]|[-•·●■◆])"
)
_JOIN_MIN = 30  # a line shorter than this that ends without punctuation is a heading, not a broken paragraph


def _joins(before: str, after: str) -> bool:
    """A paragraph broken by a page break: the first part ends mid-sentence and the next is no new item."""
    return (
        len(before) >= _JOIN_MIN
        and before[-1] not in SENTENCE_END
        and not _LIST_START.match(after)
        and not lb.part_heading(after)
    )


def assemble(lines: list[Line]) -> str:
    """The text of a part: one line per paragraph (or per line of a paragraph broken with line breaks)."""
    out: list[str] = []
    for line in lines:
        text = " ".join(line.text.split()) if "\t" in line.text else line.text.strip()
        if not text:
            continue
        if out and not line.soft and _joins(out[-1], text):
            glue = " " if out[-1][-1].isascii() and out[-1][-1].isalnum() and text[0].isascii() else ""
            out[-1] += glue + text
        else:
            out.append(text)
    return "\n".join(out) + "\n" if out else ""


def _lines(blocks: list[Block]) -> list[Line]:
    """Running text; a table row in a text part is kept as a line of its cells."""
    lines: list[Line] = []
    for block in blocks:
        if isinstance(block, Line):
            lines.append(block)
        else:
            cells = [cell.text for cell in block.cells if cell.text and not cell.above]
            if cells:
                lines.append(Line(" ".join(cells), block.pos, exact=False))
    return lines


def _part1(draft: Draft, blocks: list[Block]) -> None:
    lines = _lines(blocks)
    if not lines and s.PART1 not in draft.parts:
        return
    draft.parts.add(s.PART1)
    intro: list[Line] = []
    aspects: dict[str, list[Line]] = {}
    current: str | None = None
    for line in lines:
        found = lb.aspect_heading(line.text)
        if found is not None and found[0] not in aspects:
            current, offset = found
            aspects[current] = []
            draft.keys[(s.PART1, current)] = line.pos
            rest = line.text[offset:].strip()
            if rest:
                piece = line.piece(offset, len(line.text))
                aspects[current].append(Line(rest, piece.pos, piece.spans, piece.exact))
            continue
        (aspects[current] if current else intro).append(line)
    if not aspects:
        draft.part1 = assemble(intro)
        draft.values[(s.PART1,)] = intro[0].pos if intro else draft.keys.get((s.PART1,), START)
        return
    first = next(iter(aspects))
    aspects[first][:0] = intro  # a general opening paragraph goes with the first aspect
    draft.part1 = {}
    draft.values[(s.PART1,)] = next(iter(draft.keys.get((s.PART1, a), START) for a in aspects))
    for aspect in s.ASPECTS:
        if aspect in aspects:
            draft.part1[aspect] = assemble(aspects[aspect])
            body = aspects[aspect]
            draft.values[(s.PART1, aspect)] = body[0].pos if body else draft.keys[(s.PART1, aspect)]


# ---------------------------------------------------------------- tables


@dataclass
class _Split:
    labels: list[Text]
    values: list[Text]  # from the first to the last number-like cell, with what lies between
    lead: list[Text]  # blank cells between the labels and the values
    trail: list[Text]  # blank cells after the values
    extra: list[Text]  # non-blank cells after the values


def _tokens(cell: Text) -> list[Text]:
    """A cell holding a label and numbers run together with spaces, split into label and numbers."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", cell.text)]
    if len(spans) <= 1:
        return [cell]
    k = len(spans)
    while k > 0 and lb.value_like(cell.text[spans[k - 1][0] : spans[k - 1][1]]):
        k -= 1
    if k == len(spans):
        return [cell]
    out = [cell.piece(spans[0][0], spans[k - 1][1])] if k else []
    out.extend(cell.piece(a, b) for a, b in spans[k:])
    return out


def _split(cells: list[Text]) -> _Split:
    items: list[Text] = []
    for cell in cells:
        if getattr(cell, "above", False):
            if cell.text and not lb.value_like(cell.text):
                items.append(cell)  # a row label merged down from above
            continue
        items.extend(_tokens(cell))
    numbers = [i for i, item in enumerate(items) if item.text and lb.value_like(item.text)]
    if not numbers:
        return _Split([t for t in items if t.text], [], [], [], [])
    first, last = numbers[0], numbers[-1]
    before, after = items[:first], items[last + 1 :]
    lead: list[Text] = []
    for item in reversed(before):
        if item.text:
            break
        lead.insert(0, item)
    trail: list[Text] = []
    for item in after:
        if item.text:
            break
        trail.append(item)
    return _Split(
        [t for t in before if t.text], items[first : last + 1], lead, trail, [t for t in after if t.text]
    )


@dataclass
class _Record:
    part: int
    path: Path
    expected: int
    label: Text
    labels: list[Text]
    values: list[Text] = field(default_factory=list)
    lead: list[Text] = field(default_factory=list)
    trail: list[Text] = field(default_factory=list)
    grid: bool = True


_EXPECTED_3 = len(s.PART3_COLUMNS)
_MAX_LABEL_CELLS = 8  # a row label is a few cells at most; longer runs of text are not tried as labels
_MAX_FRAGMENTS = 3  # a label wrapped over this many lines at most
_EXPECTED_4 = len(s.PART4_COLUMNS)


class _Tables:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.part = 2
        self.group: str | None = None
        self.awaiting: _Record | None = None
        self.fragments: list[Text] = []
        self.pool: list[Text] = []  # unlabelled numbers of table 四, in printed order
        self.records: dict[Path, _Record] = {}
        self.seen: dict[str, Pos] = {}  # where a header or group label was printed
        self.version: int | None = None

    # ------------------------------------------------------------ feeding

    def feed(self, block: Block) -> None:
        cells = block.cells if isinstance(block, Row) else [block]
        grid = isinstance(block, Row) and block.grid
        split = _split(cells)
        if not split.labels and not split.values:
            return
        if not split.values and self._header(split.labels):
            return
        if len(split.labels) > _MAX_LABEL_CELLS:  # a run of text cells, no row of the format
            self._close()
            self._flush_fragments()
            text = " ".join(t.text for t in [*split.labels, *split.values, *split.extra] if t.text)
            why = "表格中无法识别的一行：行标题不是法定格式中的项目"
            self.draft.note(
                split.labels[0].pos, text, why, "a table row whose label is not one of the format's rows"
            )
            return
        if not split.values:
            self._labels_only(split.labels)
        elif not split.labels:
            self._values_only(split, grid, block)
        else:
            self._labelled(split, grid, block)

    def _identify(self, labels: list[Text]) -> tuple[str, Any, int] | None:
        """("row", path, expected), ("group", name, 0), ("context", None, 0) or None; this part's table first."""
        texts = [t.text for t in labels]
        order = [self.part] + [p for p in (2, 3, 4) if p != self.part]
        for part in order:
            if part == 2:
                row = lb.part2_row(texts)
                if row is not None:
                    return "row", (s.PART2, row.label), len(row.columns)
            elif part == 3:
                found = lb.part3_row(texts, self.group if self.part == 3 else None)
                if found is not None:
                    kind, path, group = found
                    if group is not None:
                        self.group = group
                    if kind == "row":
                        return "row", path, _EXPECTED_3
                    return kind, group, 0
            else:
                block = lb.part4_block(texts)
                if block is not None:
                    return "row", (s.PART4, block), _EXPECTED_4
        return None

    def _header(self, labels: list[Text]) -> bool:
        """A row of column headings (a label merged down from above does not make it a data row)."""
        own = [t.text for t in labels if not getattr(t, "above", False)]
        if not lb.is_header(own or [t.text for t in labels]):
            return False
        for t in labels:
            if lb.squash(t.text) in lb.OLD_FORMAT_WORDS:
                self.version = 2019
            self.seen.setdefault(lb.norm(t.text), t.pos)
        self._close()
        return True

    def _identify_with_fragments(self, labels: list[Text]) -> tuple[tuple[str, Any, int] | None, list[Text]]:
        """Identify a row by its labels, joining label fragments left over from the lines before."""
        found = self._identify(labels)
        if found is None and self.fragments:
            joined = [*self.fragments, *labels]
            found = self._identify(joined)
            if found is not None:
                self.fragments = []
                return found, joined
        return found, labels

    def _labels_only(self, labels: list[Text]) -> None:
        found, labels = self._identify_with_fragments(labels)
        values: list[Text] = []
        if found is None and len(labels) <= _MAX_LABEL_CELLS:
            for cut in range(len(labels) - 1, 0, -1):  # a row label, then cells that are not numbers
                shorter = self._identify(labels[:cut])
                if shorter is not None and shorter[0] == "row" and len(labels) - cut <= shorter[2]:
                    found, values, labels = shorter, labels[cut:], labels[:cut]
                    break
        if found is None:
            self.fragments.extend(labels)
            while len(self.fragments) > _MAX_FRAGMENTS:
                t = self.fragments.pop(0)
                self.draft.note(
                    t.pos,
                    t.text,
                    "表格中无法识别的文字",
                    "text in a table that is not one of the format's labels",
                )
            return
        self._close()
        kind, what, expected = found
        if kind == "row":
            self._start(what, expected, labels, values, [], [], grid=True)
        else:
            self.seen.setdefault(what or "本年度办理结果", labels[-1].pos)

    def _values_only(self, split: _Split, grid: bool, block: Block) -> None:
        record = self.awaiting
        if record is not None and len(record.values) < record.expected:
            record.values.extend(split.values)
            record.trail = split.trail
            record.grid = record.grid and grid
            self._extra(split.extra)
            if len(record.values) >= record.expected:
                self._close()
            return
        if self.fragments:
            found = self._identify(self.fragments)
            if found is not None and found[0] == "row":
                labels, self.fragments = self.fragments, []
                self._close()
                self._start(found[1], found[2], labels, split.values, split.lead, split.trail, grid)
                self._extra(split.extra)
                return
        if self.part == 4:
            self._close()
            cells = [*split.lead, *split.values, *split.trail] if grid else split.values
            self.pool.extend(cells)
            self._extra(split.extra)
            return
        self._close()
        text = " ".join(v.text for v in split.values if v.text)
        self.draft.note(
            split.values[0].pos,
            text,
            "一行数字没有行标题，无法确定属于哪一行",
            "a row of numbers with no row label",
        )

    def _labelled(self, split: _Split, grid: bool, block: Block) -> None:
        labels, values, lead = split.labels, split.values, split.lead
        record = self.awaiting
        if record is not None and not record.values:  # the rest of a label that wrapped, with the numbers
            again = self._identify([*record.labels, *labels])
            if again is not None and again[0] == "row" and again[1] == record.path:
                record.values, record.lead, record.trail = list(values), list(lead), list(split.trail)
                record.labels += labels
                record.grid = record.grid and grid
                self._extra(split.extra)
                if len(record.values) >= record.expected:
                    self._close()
                return
        found, labels = self._identify_with_fragments(labels)
        if found is None or found[0] != "row":
            for cut in range(
                len(labels) - 1, 0, -1
            ):  # a label cell next to the numbers may be an unreadable cell
                shorter = self._identify(labels[:cut])
                if shorter is not None and shorter[0] == "row":
                    found, values, lead = shorter, [*labels[cut:], *lead, *values], []
                    labels = labels[:cut]
                    break
        self._close()
        if found is None or found[0] != "row":
            text = " ".join(t.text for t in [*split.labels, *split.values, *split.extra] if t.text)
            why = "表格中无法识别的一行：行标题不是法定格式中的项目"
            why_en = "a table row whose label is not one of the format's rows"
            if found is not None and found[0] == "group":
                why = f"“{found[1]}”的合计行：法定格式中只有其下各项和（七）总计，没有这一行"
                why_en = f"a subtotal row for '{found[1]}': the format has only its items and （七）总计"
            self.draft.note(labels[0].pos, text, why, why_en)
            self._flush_fragments()
            return
        self._start(found[1], found[2], labels, values, lead, split.trail, grid)
        self._extra(split.extra)

    # ------------------------------------------------------------ records

    def _start(
        self,
        path: Path,
        expected: int,
        labels: list[Text],
        values: list[Text],
        lead: list[Text],
        trail: list[Text],
        grid: bool,
    ) -> None:
        self._flush_fragments()
        own = [t for t in labels if not getattr(t, "above", False)] or labels
        label = own[-1]
        if self.version == 2019 and path[0] == s.PART2:
            text = " ".join(t.text for t in [*labels, *values] if t.text)
            self.draft.note(
                label.pos,
                text,
                "2019 年格式的表格行：其栏目与 2021 年格式不同，无法对应",
                "a row of the 2019 format, whose columns differ from the 2021 format's",
            )
            return
        if path in self.records:
            text = " ".join(t.text for t in [*labels, *values] if t.text)
            self.draft.note(
                label.pos,
                text,
                "这一行重复出现，只保留了第一次的数字",
                "this row appears twice; the first is kept",
            )
            return
        record = _Record(
            self.part, path, expected, label, list(labels), list(values), list(lead), list(trail), grid
        )
        self.records[path] = record
        for t in labels:
            name = lb.norm(t.text)
            if name:
                self.seen.setdefault(name, t.pos)
        if self.version is None:
            self.version = 2021
        self.awaiting = record if len(record.values) < expected else None
        if self.awaiting is None:
            self._fit(record)

    def _close(self) -> None:
        if self.awaiting is not None:
            self._fit(self.awaiting)
            self.awaiting = None

    def _fit(self, record: _Record) -> None:
        values = list(record.values)
        trail, lead = list(record.trail), list(record.lead)
        while len(values) < record.expected and trail:
            values.append(trail.pop(0))
        while len(values) < record.expected and lead:
            values.insert(0, lead.pop())
        if len(values) > record.expected:
            extra = values[record.expected :]
            values = values[: record.expected]
            text = " ".join(v.text for v in extra if v.text)
            if text:
                self.draft.note(
                    extra[0].pos,
                    text,
                    f"这一行的格子多于法定格式的 {record.expected} 格，多出的没有放入",
                    f"more cells than the {record.expected} of the format; the extra ones were left out",
                )
        record.values = values
        record.lead, record.trail = [], []

    def _extra(self, extra: list[Text]) -> None:
        if extra:
            text = " ".join(t.text for t in extra)
            self.draft.note(
                extra[0].pos,
                text,
                "数字后面的文字，不属于任何格子",
                "text after the numbers of a row, in no cell",
            )

    def _flush_fragments(self) -> None:
        for t in self.fragments:
            self.draft.note(
                t.pos,
                t.text,
                "表格中无法识别的文字",
                "text in a table that is not one of the format's labels",
            )
        self.fragments = []

    def close(self) -> None:
        """The end of a table part."""
        self._close()
        self._flush_fragments()

    def finish(self) -> None:
        draft = self.draft
        self._pool()
        for path, record in self.records.items():
            values = [read_value(v) for v in record.values]
            if not values:
                values = [Value("", record.label.pos, "blank")] * record.expected
                draft.note(
                    record.label.pos,
                    record.label.text,
                    "这一行只有标题，没有数字：各格按空格处理",
                    "a row label with no numbers: its cells are left blank",
                )
            for value in values:
                if value.kind == "unreadable":
                    draft.note(
                        value.pos,
                        value.text,
                        "看不懂的格子，按空格处理（不是数字，也不是“/”“—”“无”之类的占位符）",
                        "a cell that is neither a number nor a 'none' mark; left blank",
                    )
            part = path[0]
            draft.parts.add(str(part))
            draft.keys[path] = record.label.pos
            draft.values[path] = values[0].pos if values else record.label.pos
            if part == s.PART2:
                row = next(r for r in s.PART2_ROWS if r.label == path[1])
                for column, value in zip(row.columns, values, strict=False):
                    draft.values[(*path, column)] = draft.keys[(*path, column)] = value.pos
            else:
                for index, value in enumerate(values):
                    draft.values[(*path, index)] = value.pos
            if part == s.PART2:
                draft.part2[str(path[1])] = values
            elif part == s.PART3:
                draft.part3[path] = values
            else:
                draft.part4[str(path[1])] = values
        self._intermediate_keys()
        if self.version is not None:
            draft.meta[s.VERSION] = self.version

    def _pool(self) -> None:
        """Table 四 as printed: one row of 15 numbers, 行政复议 then 未经复议直接起诉 then 复议后起诉."""
        if not self.pool:
            return
        pool = list(self.pool)
        for block in s.PART4_BLOCKS:
            path = (s.PART4, block)
            if path in self.records or not pool:
                continue
            cells, pool = pool[:_EXPECTED_4], pool[_EXPECTED_4:]
            label_pos = self.seen.get(block, cells[0].pos)
            label = Text(block, label_pos)
            self.records[path] = _Record(4, path, _EXPECTED_4, label, [label], cells)
        if pool:
            self.draft.note(
                pool[0].pos,
                " ".join(v.text for v in pool),
                "复议诉讼表中多出的数字",
                "numbers beyond the 15 cells of table 四",
            )

    def _intermediate_keys(self) -> None:
        """Positions for the keys between a part and its rows: 本年度办理结果 and the result groups."""
        draft = self.draft
        for path in sorted(draft.part3, key=lambda p: draft.keys[p].line):
            for depth in range(2, len(path)):
                parent = path[:depth]
                name = str(parent[-1])
                draft.keys.setdefault(parent, self.seen.get(name, draft.keys[path]))
                draft.values.setdefault(parent, self.seen.get(name, draft.keys[path]))
        for part in (s.PART2, s.PART3, s.PART4):
            rows = [p for p in draft.keys if p[0] == part and len(p) > 1]
            if rows:
                first = min((draft.keys[p] for p in rows), key=lambda pos: (pos.line, pos.col))
                draft.values.setdefault((part,), first)
                draft.keys.setdefault((part,), first)


# ---------------------------------------------------------------- metadata

_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})\s*日?")
_CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_CN_DATE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LABEL = re.compile(r"(发布|公开|成文|印发)?(日期|时间)[:：]")
_TITLE = re.compile(r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:的)?\s*(?P<rest>.*报告.*)$")
_TITLE_MAX = 200
_AGENCY_END = re.compile(
    r"(?:局|委|办|厅|部|院|政府|委员会|中心|署|会|所|站|处|室|馆|队|公司|街道|镇|乡|司|办公室|管委会)$"
)


def _cn_number(text: str) -> int:
    if text == "十":
        return 10
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0)
    return _CN_DIGIT.get(text, 0)


def find_date(text: str) -> tuple[str, int, int] | None:
    """A date written in the text, as 2024-01-22, with where it is."""
    match = _DATE.search(text)
    if match:
        y, mo, d = (int(g) for g in match.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}", match.start(), match.end()
    match = _CN_DATE.search(text)
    if match:
        y = int("".join(str(_CN_DIGIT[c]) for c in match.group(1)))
        return (
            f"{y:04d}-{_cn_number(match.group(2)):02d}-{_cn_number(match.group(3)):02d}",
            match.start(),
            match.end(),
        )
    return None


def _date_only(text: str) -> str | None:
    found = find_date(text)
    if found is None:
        return None
    date, start, end = found
    rest = (text[:start] + text[end:]).strip()
    rest = _DATE_LABEL.sub("", rest).strip(" :：")
    return date if not rest else None


_CHROME = re.compile(
    r"版权所有|主办单位|承办单位|网站标识码|ICP|备案号|公网安备|技术支持|联系我们|网站地图|打印本页|关闭窗口|"
    r"【打印】|【关闭】|扫一扫|分享到|字号[:：]|上一篇|下一篇|相关链接"
)


def _tail(blocks: list[Block]) -> tuple[list[Line], list[Line]]:
    """The end of part 六 that is not its text: the 落款 (agency name and date), and a web page's footer."""
    end = len(blocks)
    chrome: list[Line] = []
    while end and isinstance(blocks[end - 1], Line) and _CHROME.search(blocks[end - 1].text):
        end -= 1
        chrome.insert(0, blocks[end])  # type: ignore[arg-type]
    signature: list[Line] = []
    while end and isinstance(blocks[end - 1], Line):
        text = blocks[end - 1].text.strip()
        if _date_only(text) or (
            len(text) <= 40 and _AGENCY_END.search(text) and not re.search("[，。；：,;]", text)
        ):
            end -= 1
            signature.insert(0, blocks[end])  # type: ignore[arg-type]
            continue
        break
    return signature, chrome


def _metadata(draft: Draft, source: Source, preamble: list[Block], signature: list[Line]) -> None:
    meta = draft.meta
    lines = [b for b in preamble if isinstance(b, Line)]
    used: set[int] = set()
    title_index = next(
        (
            i
            for i, line in enumerate(lines)
            if "报告" in line.text and "政府信息公开" in line.text and len(line.text) <= _TITLE_MAX
        ),
        None,
    )
    agency: tuple[str, Pos] | None = None
    year: tuple[int, Pos] | None = None
    if title_index is not None:
        title = lines[title_index]
        used.add(title_index)
        match = _TITLE.match(title.text.strip())
        if match:
            year = (int(match.group("year")), title.pos)
            name = match.group("agency").strip(" ：:，,")
            if name:
                agency = (name, title.pos)
        if agency is None:
            for i in range(title_index - 1, -1, -1):
                text = lines[i].text.strip()
                if text and _date_only(text) is None:
                    if len(text) <= 40:
                        agency = (text, lines[i].pos)
                        used.add(i)
                    break
    if year is None and source.title and len(source.title) <= _TITLE_MAX:
        match = _TITLE.match(source.title)
        if match:
            year = (int(match.group("year")), START)
            if agency is None and match.group("agency").strip():
                agency = (match.group("agency").strip(), START)
    if agency is None:
        for i, line in enumerate(lines):
            text = line.text.strip()
            if len(text) <= 40 and _AGENCY_END.search(text):
                agency = (text, line.pos)
                used.add(i)
                break
    date: tuple[str, Pos] | None = None
    for i, line in enumerate(lines):
        found = find_date(line.text)
        if found and (_DATE_LABEL.search(line.text) or _date_only(line.text)):
            date = (found[0], line.pos)
            used.add(i)
            break
    for line in signature:
        found_date = _date_only(line.text)
        if found_date and date is None:
            date = (found_date, line.pos)
        elif not found_date and agency is not None and lb.squash(line.text) != lb.squash(agency[0]):
            draft.note(
                line.pos, line.text, "落款中的机关名称与标题不同", "the signature names another agency"
            )
    title_pos = lines[title_index].pos if title_index is not None else (lines[0].pos if lines else START)
    version = meta.pop(s.VERSION, None)
    if version is None and year is not None and year[0] >= 2021:
        version = 2021
    if version is not None:
        meta[s.VERSION] = version
        draft.keys[(s.VERSION,)] = draft.values[(s.VERSION,)] = title_pos
    if agency is not None:
        meta[s.AGENCY] = agency[0]
        draft.keys[(s.AGENCY,)] = draft.values[(s.AGENCY,)] = agency[1]
        kind = guess_kind(agency[0])
    else:
        kind = None
        draft.note(START, "", "没有找到机关名称（标题或标题前一行）", "no agency name found", s.AGENCY)
    if year is not None:
        meta[s.YEAR] = year[0]
        draft.keys[(s.YEAR,)] = draft.values[(s.YEAR,)] = year[1]
    else:
        draft.note(
            START, "", "没有找到报告年度（标题中的“××××年”）", "no report year found in the title", s.YEAR
        )
    if kind is not None:
        meta[s.KIND] = kind
        draft.keys[(s.KIND,)] = draft.values[(s.KIND,)] = title_pos
    if date is not None:
        meta[s.PUBLISHED] = date[0]
        draft.keys[(s.PUBLISHED,)] = draft.values[(s.PUBLISHED,)] = date[1]
    else:
        draft.note(
            START,
            "",
            "没有找到发布日期，请补上“发布日期”",
            "no publication date found; add 发布日期",
            s.PUBLISHED,
        )
    for i, line in enumerate(lines):
        if i not in used:
            draft.note(
                line.pos,
                line.text,
                "标题前的文字，不属于报告的任何部分",
                "text before the title, in no part of the report",
            )
    for block in preamble:
        if isinstance(block, Row):
            text = " ".join(c.text for c in block.cells if c.text and not c.above)
            draft.note(block.pos, text, "第一部分之前的表格", "a table before part 一")


def guess_kind(agency: str) -> str:
    """本级政府 for a people's government itself (not its offices), else 部门 (《条例》第四十九条)."""
    return s.KIND_GOVERNMENT if agency.strip().endswith("人民政府") else s.KIND_DEPARTMENT
