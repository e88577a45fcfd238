"""Word (.docx), read with python-docx.

A .docx has no lines and columns, so positions count blocks instead: the body's
paragraphs and table rows are numbered 1, 2, 3… in document order (every paragraph
counts, empty ones too) and that number is the "line"; in a table row the "column"
is the cell's number in the row (a merged cell counts once), and 1 elsewhere.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from .. import messages as m
from ..findings import START, Pos
from .model import Block, Cell, Line, ReadError, Row, Source
from .text import blocks_of_lines, clean

# Bounds on the work a .docx may ask for, checked on the ZIP's central directory and with a
# streaming XML pass before python-docx builds anything. A real annual report is a few hundred
# KB unpacked, 20-60 parts and some 50,000 XML elements nested about 15 deep; pictures of a seal
# or a scanned page may add a few MB each.
MAX_UNPACKED = 100 * 1024 * 1024  # all parts together, as the central directory declares them
MAX_XML_BYTES = 32 * 1024 * 1024  # all XML parts together: what lxml would hold in memory
MAX_ENTRIES = 1_000
MAX_XML_DEPTH = 200
MAX_XML_NODES = 500_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(raw: bytes) -> Source:
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        entries = archive.infolist()
        has_body = "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ReadError(
            _unreadable("不是有效的 Word（.docx）文件", "not a valid Word (.docx) file")
        ) from None
    if not has_body:
        raise ReadError(_unreadable("不是 Word（.docx）文件：压缩包里没有正文", "not a Word (.docx) file"))
    _check_bounds(archive, entries)
    try:
        from docx import Document
    except ImportError:
        raise ReadError(
            _unreadable(
                "读取 Word 文件需要 python-docx：pip install 'disclosure-lint[docx]'",
                "reading Word files needs python-docx: pip install 'disclosure-lint[docx]'",
            )
        ) from None
    try:
        document = Document(io.BytesIO(raw))
    except Exception as error:  # python-docx and lxml raise many kinds on a damaged file
        problem = f"Word 文件已损坏（{type(error).__name__}）"
        raise ReadError(_unreadable(problem, f"the Word file is damaged ({type(error).__name__})")) from None
    reader = _Reader(document)
    reader.body(document.element.body)
    if not any(isinstance(b, Row) or b.text for b in reader.blocks):
        raise ReadError(
            m.NOT_A_REPORT.at(
                START, reason="Word 文件里没有任何文字", reason_en="the Word file holds no text"
            )
        )
    return Source(reader.blocks, "\n".join(reader.lines) + "\n", is_file=False)


def _too_complex(reason: str, reason_en: str) -> ReadError:
    return ReadError(
        m.TOO_COMPLEX.at(START, reason=f"{reason}，不像一份年度报告，未读取", reason_en=reason_en)
    )


def _mb(count: int) -> str:
    return f"{count / 1024 / 1024:.0f} MB"


def _check_bounds(archive: zipfile.ZipFile, entries: list[zipfile.ZipInfo]) -> None:
    """Refuse a .docx that would take more memory or time than a report can need (a zip bomb).

    Sizes come from the central directory, which zipfile also holds each part to when it
    decompresses, so a part that claims less than it holds fails its CRC rather than growing."""
    if len(entries) > MAX_ENTRIES:
        raise _too_complex(
            f"Word 文件里有 {len(entries)} 个部件，超过上限 {MAX_ENTRIES} 个",
            f"the Word file has {len(entries)} parts, more than the limit of {MAX_ENTRIES}",
        )
    unpacked = sum(info.file_size for info in entries)
    if unpacked > MAX_UNPACKED:
        raise _too_complex(
            f"Word 文件解压后有 {_mb(unpacked)}，超过上限 {_mb(MAX_UNPACKED)}",
            f"the Word file unpacks to {_mb(unpacked)}, more than the limit of {_mb(MAX_UNPACKED)}",
        )
    xml_parts = [info for info in entries if info.filename.lower().endswith((".xml", ".rels"))]
    xml_bytes = sum(info.file_size for info in xml_parts)
    if xml_bytes > MAX_XML_BYTES:
        raise _too_complex(
            f"Word 文件的 XML 解压后有 {_mb(xml_bytes)}，超过上限 {_mb(MAX_XML_BYTES)}",
            f"the Word file's XML unpacks to {_mb(xml_bytes)}, more than the limit of {_mb(MAX_XML_BYTES)}",
        )
    nodes = 0
    for info in xml_parts:
        nodes = _scan_xml(archive, info, nodes)


def _scan_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo, nodes: int) -> int:
    """Count the elements of one XML part and check its depth, streaming, without building a tree."""
    from xml.parsers import expat

    depth = 0
    parser = expat.ParserCreate()

    def start(_name: str, _attributes: Any) -> None:
        nonlocal depth, nodes
        depth += 1
        nodes += 1
        if depth > MAX_XML_DEPTH:
            raise _too_complex(
                f"Word 文件的 {info.filename} 嵌套超过 {MAX_XML_DEPTH} 层",
                f"{info.filename} in the Word file nests more than {MAX_XML_DEPTH} levels deep",
            )
        if nodes > MAX_XML_NODES:
            raise _too_complex(
                f"Word 文件的 XML 元素超过 {MAX_XML_NODES} 个",
                f"the Word file's XML has more than {MAX_XML_NODES} elements",
            )

    def end(_name: str) -> None:
        nonlocal depth
        depth -= 1

    def no_doctype(*_: Any) -> None:  # Word never writes a DTD; one is an entity bomb or XXE attempt
        raise _too_complex(
            f"Word 文件的 {info.filename} 含有 DTD（<!DOCTYPE>）",
            f"{info.filename} in the Word file holds a DTD",
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.StartDoctypeDeclHandler = no_doctype
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (expat.ExpatError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return nodes  # damaged: python-docx says so, or the part is one it never reads
    return nodes


def _unreadable(reason: str, reason_en: str) -> Any:
    return m.UNREADABLE.at(START, reason=reason, reason_en=reason_en)


class _Reader:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.blocks: list[Block] = []
        self.lines: list[str] = []  # one per numbered block: what the positions count

    def _number(self, text: str) -> int:
        self.lines.append(text.replace("\n", " "))
        return len(self.lines)

    def body(self, element: Any) -> None:
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag == f"{_W}p":
                self.paragraph(Paragraph(child, self.document))
            elif child.tag == f"{_W}tbl":
                self.table(Table(child, self.document))
            elif child.tag == f"{_W}sdt":  # a content control: its content is ordinary body content
                for content in child.iterchildren(f"{_W}sdtContent"):
                    self.body(content)

    def paragraph(self, paragraph: Any) -> None:
        text = clean(paragraph_text(paragraph._p))
        number = self._number(text)
        for index, piece in enumerate(text.split("\n")):
            if "\t" in piece:  # a "table" laid out with tab stops
                for block in blocks_of_lines([piece], number):
                    if isinstance(block, Row):
                        block = Row(
                            [Cell(c.text, Pos(number, 1), exact=False) for c in block.cells],
                            Pos(number, 1),
                            grid=False,
                        )
                    self.blocks.append(block)
            elif piece.strip():
                self.blocks.append(Line(piece.strip(), Pos(number, 1), exact=False, soft=index > 0))

    def table(self, table: Any) -> None:
        if any(tc.tbl_lst for tc in table._tbl.iter_tcs()) or _columns(table) <= 1:
            self.layout(table)  # a table holding tables, or a single column: page layout
            return
        for tr in table._tbl.tr_lst:
            cells: list[Cell] = []
            number = self._number("")
            texts = []
            for index, tc in enumerate(tr.tc_lst, start=1):
                above = tc.vMerge == "continue"
                source = _top(tc)
                text = " ".join(clean(cell_text(source)).split())
                texts.append(text)
                cells.append(Cell(text, Pos(number, index), exact=False, above=above))
            self.lines[number - 1] = "\t".join(texts)
            if any(cell.text and not cell.above for cell in cells):
                self.blocks.append(Row(cells, Pos(number, 1)))

    def layout(self, table: Any) -> None:
        from docx.table import _Cell

        for tr in table._tbl.tr_lst:
            for tc in tr.tc_lst:
                if tc.vMerge != "continue":
                    self.body(_Cell(tc, table)._tc)


# Inline elements whose runs are the paragraph's text as printed: a tracked insertion not yet
# accepted, the smart tags Word puts round dates and numbers (chsdate, chmetcnv), a content
# control, custom XML, a simple field's result, a hyperlink, bidirectional text. python-docx's
# `Paragraph.text` reads only the runs directly under the paragraph and its hyperlinks, so a
# date in a smart tag, say, vanished from the text. A deletion (`w:del`, `w:moveFrom`) is not
# printed; drawings and text boxes inside a run are not the paragraph's own words (CT_R.text
# leaves them out).
_INLINE = frozenset(
    f"{_W}{tag}"
    for tag in (
        "ins",
        "moveTo",
        "smartTag",
        "sdt",
        "sdtContent",
        "customXml",
        "fldSimple",
        "hyperlink",
        "dir",
        "bdo",
    )
)


def paragraph_text(p: Any) -> str:
    """The text a `w:p` prints, its runs read by python-docx (tabs and breaks translated)."""
    pieces: list[str] = []
    _runs_text(p, pieces)
    return "".join(pieces)


def _runs_text(element: Any, pieces: list[str]) -> None:
    for child in element.iterchildren():
        if child.tag == f"{_W}r":
            pieces.append(child.text)  # python-docx's CT_R.text: w:t, w:tab, w:br, w:cr…
        elif child.tag in _INLINE:
            _runs_text(child, pieces)


def cell_text(tc: Any) -> str:
    """A table cell's paragraphs, one a line, as `paragraph_text` reads them (content controls too)."""
    lines: list[str] = []
    for child in tc.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(paragraph_text(child))
        elif child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                lines.extend(paragraph_text(p) for p in content.iterchildren(f"{_W}p"))
    return "\n".join(lines)


def _top(tc: Any) -> Any:
    """The cell a vertically merged cell continues (itself when it starts the merge or nothing is above)."""
    for _ in range(10_000):
        if tc.vMerge != "continue":
            return tc
        try:
            tc = tc._tc_above
        except (ValueError, IndexError, AttributeError):  # a merge continuing from nothing: a damaged table
            return tc
    return tc


def _columns(table: Any) -> int:
    try:
        return len(table._tbl.tblGrid.gridCol_lst)
    except AttributeError:
        return max((len(tr.tc_lst) for tr in table._tbl.tr_lst), default=0)
