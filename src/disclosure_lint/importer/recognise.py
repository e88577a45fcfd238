"""From a document's blocks to a draft report.

The six parts are found by their headings, part 一's five aspects by their
sub-headings, and the three tables by their statutory row labels — not by where
cells sit, since real exports merge, repeat, split and run cells together. What
cannot be placed is kept as a `Note`, never dropped.
"""

from __future__ import annotations

import re

from .. import statute as s
from ..findings import START
from . import labels as lb
from .cells import lose_figureless_tables, lose_heading_rows, lose_table
from .draft import Draft, Note, Value
from .metadata import guess_kind, metadata, tail
from .model import Block, Line, Source
from .parts import SENTENCE_END, assemble, glyphs, lines_of, part1
from .segment import segment
from .solve import solve_runs
from .tables import Tables

__all__ = ["SENTENCE_END", "Draft", "Note", "Value", "guess_kind", "recognise"]


def recognise(source: Source) -> Draft:
    draft = Draft()
    regions: list[list[Block]] = [[] for _ in range(7)]  # 0: before part 一; 1–6: the parts
    heads: dict[int, Line] = {}
    current = 0
    for block in segment(source.blocks):
        if isinstance(block, Line):
            index = block.heading if block.heading is not None else lb.part_heading(block.text)
            if index is not None and index + 1 > current:
                current = index + 1
                heads[current] = block
                if current == 5 and lb.MERGED_FIVE_SIX in lb.squash(block.text):
                    current = 6  # "五、存在的主要问题及改进情况和其他需要报告的事项": one text for both
                    heads[current] = block
                continue
        regions[current].append(block)
    for number, head in heads.items():
        part = s.PARTS[number - 1]
        draft.parts.add(part)
        draft.keys[(part,)] = head.pos
    tables = Tables(draft)
    signature, chrome = tail(regions[6])
    opening = [block for block in regions[1] if isinstance(block, Line)][:3]  # the overview's first lines
    preface = metadata(draft, source, regions[0], signature, keep_preface=bool(heads), opening=opening)
    part1(draft, [*preface, *regions[1]])
    for number in (2, 3, 4):
        tables.part = number
        for block in regions[number]:
            tables.feed(block)
        tables.close()
    tables.finish()
    _lose_empty_tables(draft, heads, regions)
    lose_figureless_tables(draft, tables.seen)
    lose_heading_rows(draft, tables.seen)
    solve_runs(draft)
    for line in chrome:
        draft.note(
            line.pos, line.text, "网页的页脚，不属于报告", "a web page's footer, not part of the report"
        )
    for number, part in ((5, s.PART5), (6, s.PART6)):
        blocks = regions[number]
        if number == 6:
            blocks = blocks[: len(blocks) - len(signature) - len(chrome)]
        lines = lines_of(blocks)
        if lines or part in draft.parts:
            draft.parts.add(part)
            draft.values[(part,)] = lines[0].pos if lines else draft.keys.get((part,), START)
            text = assemble(lines)
            if number == 5 and heads.get(5) is not None and heads.get(5) is heads.get(6):
                lines = lines_of(regions[6][: len(regions[6]) - len(signature) - len(chrome)])
                text = assemble(lines)  # the merged part's text is part 五's as much as part 六's
            draft.glyphs[(part,)] = glyphs(lines)
            if number == 5:
                draft.part5 = text
            else:
                draft.part6 = text
    draft.notes.sort(key=lambda note: (note.pos.line, note.pos.col))
    return draft


# A sentence, not a caption ("表1", "单位：件"): running text's punctuation inside or at the end.
_SENTENCE = re.compile(r"[，。；,;！？].|[。！？]$")


def _instead_of_table(block: Block) -> bool:
    """A sentence written where the table would stand, not one that points at it ("详见下表。")."""
    return (
        isinstance(block, Line)
        and bool(_SENTENCE.search(block.text))
        and not _POINTS_AT_TABLE.search(block.text)
    )


_POINTS_AT_TABLE = re.compile(r"下表|如下|见表|表格|附表")


def _lose_empty_tables(draft: Draft, heads: dict[int, Line], regions: list[list[Block]]) -> None:
    """Table parts printed as a heading with no table under it (the table was an image the copy
    dropped): their cells are unreadable, so no rule reads their rows as missing from the report.
    A part that says in a sentence what its table would hold ("本年度未发生行政复议…。") wrote
    the sentence instead of the table: its rows are missing, as the rules say."""
    for number in (2, 3, 4):
        part = s.PARTS[number - 1]
        if number not in heads or any(len(path) > 1 and path[0] == part for path in draft.keys):
            continue
        if any(_instead_of_table(block) for block in regions[number]):
            continue
        version = draft.meta.get(s.VERSION)
        year = draft.meta.get(s.YEAR)
        if version is None and isinstance(year, int):
            version = s.format_for_year(year).version
            draft.meta[s.VERSION] = version
        lose_table(draft, number, heads[number].pos, version)
