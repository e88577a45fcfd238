"""The report as a Word document (.docx), written with python-docx.

Laid out like an official document (GB/T 9704): A4, 仿宋 三号 for the text, 黑体 for
part headings, 楷体 for part 一's aspects, the title in 小标宋; tables in 宋体 五号
with their header cells merged as in the statutory format.

python-docx finds the place of every property it sets by searching the element's children
against the schema's order, which made formatting each run and cell the bulk of a render. So
each distinct set of properties (a paragraph style's `w:pPr`, a font's `w:rPr`, a table cell's
`w:tcPr`) is made once with python-docx's own setters, on an element outside the document, and
copied (lxml copies in C) wherever it recurs; a table's merged cells are written as python-docx
writes a merge of empty cells. The document is the same, byte for byte.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from copy import deepcopy
from typing import Any

from .layout import Block, Paragraph, Table

FONTS = {
    "title": ("方正小标宋简体", 22, False),
    "part": ("黑体", 16, False),
    "aspect": ("楷体_GB2312", 16, True),
    "body": ("仿宋_GB2312", 16, False),
    "signature": ("仿宋_GB2312", 16, False),
    "table": ("宋体", 10.5, False),
}


def render_docx(blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = document.styles["Normal"]
    _font(normal, *FONTS["body"][:2])
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)
    title = next((b.lines[0] for b in blocks if isinstance(b, Paragraph) and b.style == "title"), "")
    document.core_properties.title = title
    document.core_properties.comments = "disclosure-lint render"
    kit = _Kit()
    end = document.element.body.sectPr  # new content goes before the section properties
    for block in blocks:
        if isinstance(block, Table):
            _table(document, block, section.page_width - section.left_margin - section.right_margin, kit)
            continue
        name, size, bold = FONTS.get(block.style, FONTS["body"])
        paragraph = kit.paragraph(block.style, lambda p, style=block.style: _format_paragraph(p, style))
        end.addprevious(paragraph)
        for index, line in enumerate(block.lines):
            run = kit.run(paragraph, line, (name, size, bold))
            if index < len(block.lines) - 1:
                run.add_br()
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


class _Kit:
    """Properties made once with python-docx and copied: by paragraph kind, font and cell shape."""

    def __init__(self) -> None:
        from docx.oxml import OxmlElement

        self._new = OxmlElement
        self._properties: dict[object, Any] = {}

    def _made(self, key: object, tag: str, child: str, make: Callable[[Any], None]) -> Any:
        """The `child` properties python-docx gives a `tag` element when `make` formats it."""
        if key not in self._properties:
            scratch = self._new(tag)
            make(scratch)
            self._properties[key] = scratch.find(_qn(child))
        return self._properties[key]

    def paragraph(self, key: object, make: Callable[[Any], None]) -> Any:
        """A new `w:p` formatted as `make` formats a paragraph (the same `key`, the same format)."""
        paragraph = self._new("w:p")
        properties = self._made(("p", key), "w:p", "w:pPr", make)
        if properties is not None:
            paragraph.append(deepcopy(properties))
        return paragraph

    def run(self, paragraph: Any, text: str, font: tuple[str, float, bool]) -> Any:
        """A run of `text` in `font` at the end of `paragraph`, as `add_run` and `_font` make it."""
        from docx.text.run import Run
        from lxml.etree import SubElement

        run = SubElement(paragraph, _qn("w:r"))
        properties = self._made(("r", font), "w:r", "w:rPr", lambda r: _font(Run(r, None), *font))
        if properties is not None:
            run.append(deepcopy(properties))
        if text and not any(c in text for c in "\t\r\n"):
            t = SubElement(run, _qn("w:t"))  # what python-docx's add_t writes for plain text
            t.text = text
            if len(text.strip()) < len(text):
                t.set(_qn("xml:space"), "preserve")
        elif text:
            run.text = text  # tabs and line breaks: python-docx's own translation
        return run

    def empty_paragraph(self) -> Any:
        return self._new("w:p")

    def cell(self, row: Any, twips: int, span: int, merge: str | None, centre: bool) -> Any:
        """A new `w:tc` at the end of `row`: its width, horizontal span, vertical merge and alignment."""
        from lxml.etree import SubElement

        cell = SubElement(row, _qn("w:tc"))
        key = ("tc", twips, span, merge, centre)
        cell.append(deepcopy(self._made(key, "w:tc", "w:tcPr", lambda tc: _cell_format(tc, *key[1:]))))
        return cell


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _format_paragraph(p: Any, style: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph as DocxParagraph

    paragraph = DocxParagraph(p, None)
    size = FONTS.get(style, FONTS["body"])[1]
    form = paragraph.paragraph_format
    if style == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        form.space_after = Pt(16)
        form.line_spacing = Pt(36)
    elif style == "signature":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    else:
        form.first_line_indent = Pt(2 * size)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if style == "body" else None


def _format_cell_paragraph(p: Any, label: bool) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph as DocxParagraph

    paragraph = DocxParagraph(p, None)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if label else WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.line_spacing = Pt(FONTS["table"][1] * 1.4)
    paragraph.paragraph_format.first_line_indent = Pt(0)


def _cell_format(tc: Any, twips: int, span: int, merge: str | None, centre: bool) -> None:
    """A cell's properties as python-docx leaves them after sizing, merging and aligning it."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.shared import Twips

    tc.width = Twips(twips)
    if span > 1:
        tc.grid_span = span
    if merge is not None:
        tc.vMerge = merge
    if centre:
        tc.get_or_add_tcPr().vAlign_val = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _font(target: Any, name: str, size: float, bold: bool = False) -> None:
    """Set the font for Chinese text too: Word reads East Asian characters from w:eastAsia."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    target.font.name = name
    target.font.size = Pt(size)
    if bold:
        target.font.bold = True
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)


def _table(document: Any, table: Table, width: Any, kit: _Kit) -> None:
    """The table as python-docx builds it cell by cell and merges it, written row by row.

    A merge of empty cells leaves the top-left cell with the span (`w:gridSpan`), the summed
    width and `w:vMerge="restart"` when it spans rows; each row below keeps one cell there with
    the same span and width and a bare `w:vMerge`, and the other cells of the span are gone.
    """
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml.simpletypes import ST_Merge
    from docx.shared import Emu

    word = document.add_table(rows=0, cols=table.columns)
    word.style = "Table Grid"
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    total = sum(table.widths) or table.columns
    widths = [Emu(int(width * w / total)).twips for w in (table.widths or (1,) * table.columns)]
    starts: dict[tuple[int, int], Any] = {}  # grid position → the layout cell whose top-left it is
    below: dict[tuple[int, int], int] = {}  # grid position → span of the merged cell it continues
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            starts[(r, c)] = cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    covered.add((r + dr, c + dc))
                if dr:
                    below[(r + dr, c)] = cell.colspan
            c += cell.colspan
    name, size, _ = FONTS["table"]
    for r in range(len(table.rows)):
        tr = word._tbl.add_tr()
        for c in range(table.columns):
            if (r, c) in starts:
                cell = starts[(r, c)]
                twips = sum(widths[c : c + cell.colspan])
                merge = ST_Merge.RESTART if cell.rowspan > 1 else None
                tc = kit.cell(tr, twips, cell.colspan, merge, True)
                paragraph = kit.paragraph(
                    ("cell", bool(cell.label)),
                    lambda p, label=bool(cell.label): _format_cell_paragraph(p, label),
                )
                tc.append(paragraph)
                kit.run(paragraph, cell.text, (name, size, False))
            elif (r, c) in below:
                span = below[(r, c)]
                tc = kit.cell(tr, sum(widths[c : c + span]), span, ST_Merge.CONTINUE, False)
                tc.append(kit.empty_paragraph())
    document.add_paragraph()  # Word needs a paragraph between adjacent tables; it also spaces the table
