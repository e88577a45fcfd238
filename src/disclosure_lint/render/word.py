"""The report as a Word document (.docx), written with python-docx.

Laid out like an official document (GB/T 9704): A4, 仿宋 三号 for the text, 黑体 for
part headings, 楷体 for part 一's aspects, the title in 小标宋; tables in 宋体 五号
with their header cells merged as in the statutory format.
"""

from __future__ import annotations

import io
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
    from docx.enum.text import WD_ALIGN_PARAGRAPH
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
    for block in blocks:
        if isinstance(block, Table):
            _table(document, block, section.page_width - section.left_margin - section.right_margin)
            continue
        paragraph = document.add_paragraph()
        name, size, bold = FONTS.get(block.style, FONTS["body"])
        form = paragraph.paragraph_format
        if block.style == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            form.space_after = Pt(16)
            form.line_spacing = Pt(36)
        elif block.style == "signature":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        else:
            form.first_line_indent = Pt(2 * size)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if block.style == "body" else None
        for index, line in enumerate(block.lines):
            run = paragraph.add_run(line)
            _font(run, name, size, bold)
            if index < len(block.lines) - 1:
                run.add_break()
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


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


def _table(document: Any, table: Table, width: Any) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    grid: dict[tuple[int, int], bool] = {}
    placed = []
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[(r + dr, c + dc)] = True
            placed.append((r, c, cell))
            c += cell.colspan
    word = document.add_table(rows=len(table.rows), cols=table.columns)
    word.style = "Table Grid"
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    total = sum(table.widths) or table.columns
    widths = [int(width * w / total) for w in (table.widths or (1,) * table.columns)]
    # The grid is fetched once: python-docx rebuilds it on every table.cell(r, c) or column.cells,
    # which made a report's three tables take seconds. Merging only removes cells inside the
    # merged range, so the other fetched cells stay valid.
    grid_cells = word._cells
    for index, target in enumerate(grid_cells):
        target.width = widths[index % table.columns]
    name, size, _ = FONTS["table"]
    for r, c, cell in placed:
        target = grid_cells[r * table.columns + c]
        if cell.rowspan > 1 or cell.colspan > 1:
            corner = grid_cells[(r + cell.rowspan - 1) * table.columns + c + cell.colspan - 1]
            target = target.merge(corner)
        target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = target.paragraphs[0]
        for extra in target.paragraphs[1:]:  # merging leaves the merged cells' empty paragraphs behind
            extra._element.getparent().remove(extra._element)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if cell.label else WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing = Pt(size * 1.4)
        paragraph.paragraph_format.first_line_indent = Pt(0)
        run = paragraph.add_run(cell.text)
        _font(run, name, size)
    document.add_paragraph()  # Word needs a paragraph between adjacent tables; it also spaces the table
