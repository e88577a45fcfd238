"""Plain text copied from a published page: one line per paragraph, tables as tab-separated rows."""

from __future__ import annotations

import codecs
import re

from .. import messages as m
from ..findings import START, Pos
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
    """Bytes to text: a byte-order mark, then the declared charset, then UTF-8, then GB18030 (GBK, GB2312)."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as error:
                raise ReadError(_undecodable(raw, error.start)) from None
    candidates = []
    if declared:
        name = declared.strip().lower()
        candidates.append("gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936") else name)
    candidates += ["utf-8", "gb18030"]
    first_error: int | None = None
    for codec in candidates:
        try:
            return raw.decode(codec)
        except UnicodeDecodeError as error:
            first_error = error.start if first_error is None else first_error
        except LookupError:
            continue
    raise ReadError(_undecodable(raw, first_error or 0))


def _undecodable(raw: bytes, offset: int) -> object:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    return m.ENCODING.at(Pos(line, col), byte=f"0x{raw[offset]:02X}" if offset < len(raw) else "?")


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
    from .markdown import blocks_of_markdown, looks_like_markdown

    if markdown or (markdown is None and looks_like_markdown(text)):
        return Source(blocks_of_markdown(text.split("\n")), text)
    return Source(list(blocks_of_lines(text.split("\n"))), text)


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
