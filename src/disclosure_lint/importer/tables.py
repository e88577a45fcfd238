"""The three statutory tables, found by their row labels rather than by where cells sit.

Real exports merge, repeat, split and run cells together; a row is identified by its
label (joined over wrapped lines where needed) and its cells are fitted to the format.
"""

from __future__ import annotations

import re
from typing import Any

from .. import statute as s
from ..findings import Path, Pos
from . import labels as lb
from .cells import EXPECTED_3, EXPECTED_4, Record, edge_blanks, fit, place, split_pool
from .draft import Draft
from .model import Block, Row, Text
from .rowparts import Split, split_row

_EXPECTED_3 = EXPECTED_3
_MAX_LABEL_CELLS = 8  # a row label is a few cells at most; longer runs of text are not tried as labels
_MAX_FRAGMENTS = 3  # a label wrapped over this many lines at most
# A character or two before a label: a merged label printed one character a line ("年 3.危及…").
_STRAY = re.compile(r"^\s*[^\s\d（(]{1,2}\s+(?=\S)")
_EXPECTED_4 = EXPECTED_4
# A sentence written in a table part beside its table: punctuation of running text, and long enough.
_SENTENCE = re.compile("[，。；：,;:！？]")
_SENTENCE_MIN = 8
_STARVED_RUN = 2  # labels with no figures before the one now read: more than a blank row or two


class Tables:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.part = 2
        self.group: str | None = None
        self.awaiting: Record | None = None
        self.fragments: list[Text] = []
        self.pending: list[Text] | None = None  # figures with no label yet, waiting for the label below
        self.pool: list[Text] = []  # unlabelled numbers of table 四, in printed order
        self.records: dict[Path, Record] = {}
        self.seen: dict[str, Pos] = {}  # where a header or group label was printed
        self.version: int | None = None
        self.starved = 0  # row labels just read one after another with no figures of their own

    # ------------------------------------------------------------ feeding

    def feed(self, block: Block) -> None:
        cells = block.cells if isinstance(block, Row) else [block]
        grid = isinstance(block, Row) and block.grid
        split = split_row(cells)
        if not split.labels and not split.values:
            return
        if isinstance(block, Row) and block.head and not (split.labels and split.values):
            for t in split.labels:  # a table's header row: words, never data (even garbled: 数据1, 类别)
                self.seen.setdefault(lb.norm(t.text), t.pos)
            return
        marks_only = not any(ch.isdigit() for v in split.values for ch in v.text)
        if not split.labels and self.part in (2, 3) and marks_only and self.awaiting is None:
            return  # a row of "-" marks under no label (an empty table an OCR tool drew): nothing to place
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
            # a row of empty cells: in a real grid; in copied text only with a blank for each cell
            self._labels_only(split.labels, split.trail, exact=not grid)
        elif not split.labels:
            self._values_only(split, grid, block)
        else:
            self._labelled(split, grid, block)

    def _identify(self, labels: list[Text]) -> tuple[str, Any, int] | None:
        """What the labels name; a stray character or two in front (a merged label printed
        one character per line, as "年 3.危及…") is passed over."""
        found = self._identify_as_printed(labels)
        if found is None and labels:
            stray = _STRAY.match(labels[0].text)
            if stray:
                found = self._identify_as_printed(
                    [labels[0].piece(stray.end(), len(labels[0].text)), *labels[1:]]
                )
        return found

    def _identify_as_printed(self, labels: list[Text]) -> tuple[str, Any, int] | None:
        """("row", path, expected), ("group", name, 0), ("context", None, 0) or None; this part's table first."""
        texts = [t.text for t in labels]
        order = [self.part] + [p for p in (2, 3, 4) if p != self.part]
        for part in order:
            if part == 2:
                found2 = lb.part2_row(texts, self.version)
                if found2 is not None:
                    row, version = found2
                    if version == 2019 and row.label not in {r.label for r in s.FORMAT_2021.part2_rows}:
                        self.version = 2019  # a row only the 2019 format has
                    if version == 2019 and self.version != 2019:
                        row = s.FORMAT_2021.part2_row(row.label) or row
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
        if not lb.is_header(own or [t.text for t in labels]) or self._one_block(labels):
            return False
        for t in labels:
            if lb.squash(t.text) in lb.OLD_FORMAT_WORDS:
                self.version = 2019
            self.seen.setdefault(lb.norm(t.text), t.pos)
        if self.part == 4:  # "行政复议", "未经复议直接起诉" … were table 四's headings, not blocks' labels
            for path in [
                p for p, r in self.records.items() if r.part == 4 and not r.values and r.run is None
            ]:
                del self.records[path]
                if self.awaiting is not None and self.awaiting.path == path:
                    self.awaiting = None
        self._close()
        return True

    def _one_block(self, labels: list[Text]) -> bool:
        """A heading that names one block of table 四 ("行政复议", "行政诉讼（复议后起诉）"): a row label."""
        if self.part != 4 or len(labels) != 1:
            return False
        joined = lb.norm(labels[0].text)
        named = sum(name in joined for name in (s.SUIT_DIRECT, s.SUIT_AFTER_REVIEW))
        return (named == 1 and "直接起诉复议后起诉" not in joined) or joined == s.REVIEW

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

    def _labels_only(self, labels: list[Text], blanks: list[Text], exact: bool = False) -> None:
        """A row with no figure: a heading, a label wrapped onto the next line, or (in a real grid,
        with a blank cell for each of its cells) a row the publisher left empty."""
        found, labels = self._identify_with_fragments(labels)

        def fits(cells: int) -> bool:
            return len(blanks) == cells if exact else len(blanks) >= cells

        if (
            found is not None
            and found[0] == "group"
            and found[1] == s.OTHER_HANDLING
            and self._format_2019()
            and fits(_EXPECTED_3)
        ):  # the 2019 format's single row; in a 2021 table, an empty heading row over its three items
            found = ("row", (s.PART3, s.RESULTS, s.OTHER_HANDLING), _EXPECTED_3)
        if found is not None and found[0] == "row" and fits(found[2]) and self.pending is None:
            if found[1] in self.records:
                return  # the tail of a wrapped label whose row is already read
            self._close()
            self._start(found[1], found[2], labels, blanks[: found[2]], [], [], grid=True)
            self.records[found[1]].blank_row = True  # a later row of this label with figures wins
            return
        values: list[Text] = []
        if found is None and len(labels) <= _MAX_LABEL_CELLS:
            for cut in range(len(labels) - 1, 0, -1):  # a row label, then cells that are not numbers
                shorter = self._identify(labels[:cut])
                if shorter is not None and shorter[0] == "row" and len(labels) - cut <= shorter[2]:
                    found, values, labels = shorter, labels[cut:], labels[:cut]
                    break
        if found is not None and found[0] == "row" and found[1] in self.records and not values:
            return  # the tail of a wrapped label whose row is already read ("已获取信息")
        if found is None:
            self.fragments.extend(labels)
            while len(self.fragments) > _MAX_FRAGMENTS:
                t = self.fragments.pop(0)
                if lb.format_fragment(t.text):
                    continue
                self._note_fragment(t)
            return
        self._close()
        kind, what, expected = found
        if kind == "row" and not values and self.pending is not None:
            # figures printed on the line above their label (a PDF centres them on a tall cell)
            values, self.pending = self.pending, None
        if kind == "row":
            self._start(what, expected, labels, values, [], [], grid=True)
        else:
            self.seen.setdefault(what or "本年度办理结果", labels[-1].pos)

    def _format_2019(self) -> bool:
        """The table is in the 2019 format: by a row only that format has, or by the report's year."""
        year = self.draft.meta.get(s.YEAR)
        return self.version == 2019 or (isinstance(year, int) and s.format_for_year(year).version == 2019)

    def _values_only(self, split: Split, grid: bool, block: Block) -> None:
        record = self.awaiting
        if record is not None and not record.values and self.starved >= _STARVED_RUN:
            # Labels printed one after another with no figures, then rows of figures (a table
            # flattened column by column): which label each row of figures belongs to, the source
            # does not say, so none is given to the last label; its cells stay unread.
            record = None
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
            if grid:
                cells = [*split.lead, *split.values, *split.trail]
            else:
                trail, lead = edge_blanks(len(split.values), split.lead, split.trail, _EXPECTED_4 * 3)
                cells = [*lead, *split.values, *trail] if not self.pool else split.values
            self.pool.extend(cells)
            self._extra(split.extra)
            return
        self._close()
        self._drop_pending()
        self.pending = list(split.values)  # the next row label may be printed below its figures

    def _drop_pending(self) -> None:
        if self.pending:
            self.draft.note(
                self.pending[0].pos,
                " ".join(v.text for v in self.pending if v.text),
                "一行数字没有行标题，无法确定属于哪一行",
                "a row of numbers with no row label",
            )
        self.pending = None

    def _labelled(self, split: Split, grid: bool, block: Block) -> None:
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
        if found is not None and found[0] == "group" and found[1] == s.OTHER_HANDLING:
            # （六）其他处理 as one row: the 2019 format's, and some 2021 tables still print it
            found = ("row", (s.PART3, s.RESULTS, s.OTHER_HANDLING), _EXPECTED_3)
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
        columns: tuple[str, ...] = ()
        if path[0] == s.PART2:
            format_ = s.FORMAT_2019 if self.version == 2019 else s.FORMAT_2021
            row = format_.part2_row(str(path[1]))
            columns = row.columns if row is not None else ()
        if path in self.records and self.records[path].blank_row and any(v.text for v in values):
            del self.records[path]  # the label's first line with empty cells, its figures on the next
        if path in self.records:
            text = " ".join(t.text for t in [*labels, *values] if t.text)
            self.draft.note(
                label.pos,
                text,
                "这一行重复出现，只保留了第一次的数字",
                "this row appears twice; the first is kept",
            )
            return
        record = Record(
            self.part,
            path,
            expected,
            label,
            list(labels),
            list(values),
            list(lead),
            list(trail),
            grid,
            columns=columns,
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
            starved = not self.awaiting.values and self.awaiting.run is None
            self.starved = self.starved + 1 if starved else 0
            self._fit(self.awaiting)
            self.awaiting = None

    def _fit(self, record: Record) -> None:
        fit(record, self.draft)

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
            if lb.format_fragment(t.text):
                continue  # a piece of a heading or note of the format, wrapped onto a line of its own
            self._note_fragment(t)
        self.fragments = []

    def _note_fragment(self, t: Text) -> None:
        """Text in a table part that is no label: a sentence the report writes beside its table
        ("本年度未发生行政复议…。", "该部分以表格形式报告。") is said to be one, not a garbled cell."""
        if _SENTENCE.search(t.text) and len(t.text) > _SENTENCE_MIN:
            self.draft.note(
                t.pos,
                t.text,
                "表格部分中的说明文字，不属于表格",
                "a sentence in a table part, outside the table",
            )
            return
        self.draft.note(
            t.pos, t.text, "表格中无法识别的文字", "text in a table that is not one of the format's labels"
        )

    def close(self) -> None:
        """The end of a table part."""
        self._close()
        self.starved = 0
        self._flush_fragments()
        self._drop_pending()

    def finish(self) -> None:
        self._rekey_part2()
        split_pool(self.pool, self.records, self.seen, self.draft)
        place(self.draft, self.records)
        self._intermediate_keys()
        if self.version is not None:
            self.draft.meta[s.VERSION] = self.version

    def _rekey_part2(self) -> None:
        """Rows of table 二 read before the table showed it is the 2019 format's (a row only that
        format prints, its column headings) take that format's columns, as the later rows do."""
        if self.version != 2019:
            return
        for record in self.records.values():
            if record.part != 2 or record.run is not None:
                continue
            row = s.FORMAT_2019.part2_row(str(record.path[1]))
            if row is not None and len(row.columns) == len(record.columns):
                record.columns = row.columns

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
