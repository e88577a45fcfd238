"""Plain text copied from a published page: one line per paragraph, tables as tab-separated rows."""

from __future__ import annotations

import codecs
import re

from .. import decoding
from .. import messages as m
from ..findings import START, Finding, Pos
from .model import Block, Cell, Line, ReadError, Row, Source

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters that are not text: C0/C1 controls other than tab and line breaks.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufeff\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")  # \x0b: Word's line break


def decode(raw: bytes, declared: str | None = None) -> str:
    """Bytes to text: a charset the page declares (HTML), else the project's one decoder.

    `decoding.decode` recognises byte-order marks, UTF-8, UTF-16 without a mark, GB18030 and,
    by detection, Big5 or Shift-JIS, so a published page is read the way a YAML report is. Its
    legacy-encoding warning (DL003) is for the clerk who saved the YAML; a published page's
    encoding is the publisher's web server's, not something the report can fix, so it is dropped.
    """
    if declared and not raw.startswith(tuple(bom for bom, _ in _BOMS)):
        name = declared.strip().lower()
        codec = "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936") else name
        try:
            return raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            pass  # a page whose declaration is wrong: read it as any other
    problems: list[Finding] = []
    text = decoding.decode(raw, problems)
    if text is None:
        raise ReadError(next(f for f in problems if f.code == m.ENCODING.code))
    return text


def clean(text: str) -> str:
    """Line breaks made \\n, control characters removed (they are never report content)."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


def read_text(raw: bytes, markdown: bool | None = None) -> Source:
    """Copied text, or Markdown (`markdown` true, or None: when the text looks like Markdown)."""
    text = clean(decode(raw))
    if not text.strip():
        raise ReadError(
            m.NOT_A_REPORT.at(START, reason="文件是空的，没有任何内容", reason_en="the file is empty")
        )
    from .cell_lines import join_bare_pipes, rows_of_run, runs
    from .hant import looks_traditional, simplified
    from .markdown import blocks_of_markdown, looks_like_markdown

    # A page in Traditional characters is laid out by its Simplified reading (the crawled-table
    # runs below are told by their labels); one character for one, so positions stay; `text` is kept.
    lines = (simplified(text) if looks_traditional(text) else text).split("\n")
    join_bare_pipes(lines)
    crawled: list[Block] = []
    for first, end in runs(lines):  # tables crawled one cell to a line: rows put back together
        crawled += rows_of_run(lines, first, end)
        lines[first:end] = [""] * (end - first)
    if markdown or (markdown is None and looks_like_markdown("\n".join(lines))):
        blocks = blocks_of_markdown(lines)
    else:
        blocks = blocks_of_lines(lines)
    if crawled:
        blocks = sorted(blocks + crawled, key=lambda block: (block.pos.line, block.pos.col))
    return Source(blocks, text)


def blocks_of_lines(lines: list[str], first_line: int = 1) -> list[Block]:
    """Each line with a tab is a table row (a cell between tabs); any other non-blank line is a paragraph."""
    blocks: list[Block] = []
    for number, line in enumerate(lines, start=first_line):
        if "\t" in line:
            cells, col = [], 0
            for part in line.split("\t"):
                lead = len(part) - len(part.lstrip())
                cells.append(Cell(part.strip(), Pos(number, col + lead + 1)))
                col += len(part) + 1
            filled = [c for c in cells if c.text]
            if filled:
                blocks.append(Row(cells, filled[0].pos, grid=False))
        elif line.strip():
            lead = len(line) - len(line.lstrip())
            blocks.append(Line(line.strip(), Pos(number, lead + 1)))
    return blocks
