"""The texts of the parts: paragraphs joined where a page broke them, part 一 cut into its aspects."""

from __future__ import annotations

import re

from .. import statute as s
from ..findings import START, Pos
from ..punctuation import SENTENCE_END
from . import labels as lb
from .draft import Draft
from .model import Block, Line

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


def glyphs(lines: list[Line]) -> list[Pos]:
    """Where each non-blank character of `assemble(lines)` stands in the source, in order: joining
    paragraphs only changes whitespace, so a rule's offset in the text finds its place in the page."""
    return [line.pos_at(i) for line in lines for i, char in enumerate(line.text) if not char.isspace()]


def lines_of(blocks: list[Block]) -> list[Line]:
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


def part1(draft: Draft, blocks: list[Block]) -> None:
    lines = lines_of(blocks)
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
        draft.glyphs[(s.PART1,)] = glyphs(intro)
        draft.values[(s.PART1,)] = intro[0].pos if intro else draft.keys.get((s.PART1,), START)
        return
    first = next(iter(aspects))
    aspects[first][:0] = intro  # a general opening paragraph goes with the first aspect
    draft.part1 = {}
    draft.values[(s.PART1,)] = next(iter(draft.keys.get((s.PART1, a), START) for a in aspects))
    for aspect in s.ASPECTS:
        if aspect in aspects:
            draft.part1[aspect] = assemble(aspects[aspect])
            draft.glyphs[(s.PART1, aspect)] = glyphs(aspects[aspect])
            body = aspects[aspect]
            draft.values[(s.PART1, aspect)] = body[0].pos if body else draft.keys[(s.PART1, aspect)]
