"""PDF, read with pdfplumber (an optional extra: pip install 'disclosure-lint[pdf]').

Tables come from the page's ruling lines (pdfplumber's "lines" strategy, the
settings measured in shared/reference/pdf-tables.md), never from re-splitting text;
running text is the words outside table cells, rejoined into paragraphs.

A PDF has no lines and columns of its own, so a position names a page and a printed
line: `line` is the page number (the first page is 1, as a PDF viewer counts) and
`col` is the printed line on that page, counting every line of text from the top
(headers, table rows and footers included). Positions are approximate
(`exact=False`): they point at the line where a paragraph or a cell's text starts.

What is not read: a page that is only an image (a scan: no OCR here), text in a font
without a character map (shown as "(cid:123)"), and a password-protected file; each
is a clear finding, never a silent gap.
"""

from __future__ import annotations

import bisect
import io
import itertools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from .. import messages as m
from ..findings import START, Pos
from . import pdf_tables as tb
from . import pdf_text as tx
from .model import Block, ReadError, Row, Source
from .pdf_rules import closing_lines

MAX_PAGES = 300  # an annual report has a few dozen pages at most
MAX_CHARS = 1_000_000  # characters in the whole document; a long report has about 50 000
MAX_RULES = 20_000  # lines and rectangles on one page; a ruled table page has a few hundred
# curves on one page beyond which drawings (an emblem, a chart) are not searched for table lines
MAX_CURVES = 2_000
# bytes of one page's drawing instructions, unpacked; a zip bomb has far more
MAX_CONTENT = 50 * 1024 * 1024
INSTALL = "pip install 'disclosure-lint[pdf]'"

LINES = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "edge_min_length": 3,
    "intersection_tolerance": 3,
}
WORDS = {"vertical_strategy": "text", "horizontal_strategy": "text"}
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff]+")  # a glyph number, or a private-use code point
# Many Chinese fonts map 一, 人, 八 … to the look-alike Kangxi radicals (⼀ U+2F00 …): the same glyph on
# the page, another character in the text, so headings and labels would not match. Read as printed.
_RADICALS = str.maketrans(
    {
        chr(code): unicodedata.normalize("NFKC", chr(code))
        for code in range(0x2E80, 0x2FE0)
        if unicodedata.normalize("NFKC", chr(code)) != chr(code)
    }
)


def read_pdf(raw: bytes) -> Source:
    if b"%PDF-" not in raw[:1024]:
        raise ReadError(
            _unreadable("不是 PDF 文件：文件开头没有“%PDF-”", "not a PDF file: it does not start with %PDF-")
        )
    try:
        import pdfplumber
    except ImportError:
        raise ReadError(
            _unreadable(
                f"读取 PDF 文件需要安装 pdfplumber：{INSTALL}",
                f"reading PDF files needs pdfplumber: {INSTALL}",
            )
        ) from None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings on odd fonts are not the user's
    try:
        document = pdfplumber.open(io.BytesIO(raw))
        pages = document.pages
    except Exception as error:  # pdfminer raises many kinds on a damaged or encrypted file
        raise ReadError(_open_problem(error)) from None
    with document:
        return _Reader(pages).read()


def _unreadable(reason: str, reason_en: str, pos: Pos = START) -> Any:
    return m.UNREADABLE.at(pos, reason=reason, reason_en=reason_en)


def _open_problem(error: BaseException) -> Any:
    chain = []
    probe: BaseException | None = error
    while probe is not None and len(chain) < 10:
        chain.append(type(probe).__name__ + " " + str(probe))
        probe = (
            probe.__cause__
            or probe.__context__
            or (probe.args[0] if probe.args and isinstance(probe.args[0], BaseException) else None)
        )
    described = " ".join(chain).lower()
    if "password" in described or "encrypt" in described:
        return _unreadable(
            "PDF 文件已加密，需要密码才能打开：请用不加密的版本",
            "the PDF is encrypted and needs a password to open",
        )
    return _unreadable(
        f"PDF 文件已损坏，无法打开（{type(error).__name__}）",
        f"the PDF is damaged and cannot be opened ({type(error).__name__})",
    )


@dataclass
class _Page:
    number: int
    height: float
    lines: list[tx.TextLine] = field(default_factory=list)
    segments: list[tb.Segment] = field(default_factory=list)


class _Reader:
    def __init__(self, pages: list[Any]) -> None:
        self.pages = pages
        self.problems: list[Any] = []
        self.chars = 0
        self.cid = 0
        self.scanned: list[int] = []

    def read(self) -> Source:
        if len(self.pages) > MAX_PAGES:
            raise ReadError(
                m.TOO_COMPLEX.at(
                    START,
                    reason=f"PDF 有 {len(self.pages)} 页，超过 {MAX_PAGES} 页的上限，不像一份年度报告",
                    reason_en=f"the PDF has {len(self.pages)} pages, more than the limit of {MAX_PAGES} for an annual report",
                )
            )
        read: list[_Page] = []
        for number, page in enumerate(self.pages, start=1):
            try:
                read.append(self._page(number, page))
            except ReadError:
                raise
            except Exception as error:  # pdfminer on a damaged page
                raise ReadError(
                    _unreadable(
                        f"PDF 第{number}页已损坏，无法读取（{type(error).__name__}）",
                        f"page {number} of the PDF is damaged and cannot be read ({type(error).__name__})",
                        Pos(number, 1),
                    )
                ) from None
        if self.chars == 0:
            if self.scanned:
                raise ReadError(m.PDF_SCANNED.at(Pos(self.scanned[0], 1), **_scan_message(None)))
            raise ReadError(
                m.NOT_A_REPORT.at(START, reason="PDF 里没有任何文字", reason_en="the PDF holds no text")
            )
        if self.cid * 2 > self.chars:
            raise ReadError(m.PDF_UNMAPPED_FONT.at(START, **_cid_message(None, self.cid)))
        blocks = _blocks(read)
        # one (empty) line per page: positions count pages and printed lines, not characters
        return Source(blocks, "\n" * len(read), problems=self.problems, is_file=False)

    def _page(self, number: int, page: Any) -> _Page:
        height = float(page.height)
        if _content_size(page.page_obj) > MAX_CONTENT:
            raise ReadError(
                m.TOO_COMPLEX.at(
                    Pos(number, 1),
                    reason=f"PDF 第{number}页的内容解压后超过 {MAX_CONTENT // 1024 // 1024} MB，不像年度报告的页面",
                    reason_en=f"page {number} of the PDF unpacks to more than {MAX_CONTENT // 1024 // 1024} MB",
                )
            )
        rules = len(page.lines) + len(page.rects)
        if rules > MAX_RULES:
            raise ReadError(
                m.TOO_COMPLEX.at(
                    Pos(number, 1),
                    reason=f"PDF 第{number}页有 {rules} 条线和方框，超过 {MAX_RULES} 的上限，不像年度报告的页面",
                    reason_en=f"page {number} of the PDF draws {rules} lines and boxes, more than the limit of {MAX_RULES}",
                )
            )
        page = page.dedupe_chars()  # text printed twice over itself (fake bold) is read once
        chars = page.chars
        self.chars += len(chars)
        if self.chars > MAX_CHARS:
            raise ReadError(
                m.TOO_COMPLEX.at(
                    Pos(number, 1),
                    reason=f"PDF 的文字超过 {MAX_CHARS} 个字符（到第{number}页），不像一份年度报告",
                    reason_en=f"the PDF holds more than {MAX_CHARS} characters (by page {number}), too many for an annual report",
                )
            )
        result = _Page(number, height)
        if not chars:
            if page.images:
                self.scanned.append(number)
                self.problems.append(m.PDF_SCANNED.at(Pos(number, 1), **_scan_message(number)))
            return result
        for char in chars:
            char["text"] = str(char.get("text", "")).translate(_RADICALS)
        cid = sum(1 for c in chars if _UNMAPPED.fullmatch(c["text"]))
        if cid:
            self.cid += cid
            self.problems.append(m.PDF_UNMAPPED_FONT.at(Pos(number, 1), **_cid_message(number, cid)))
        drawn = (
            page if len(page.curves) <= MAX_CURVES else page.filter(lambda o: o.get("object_type") != "curve")
        )
        ruled = bool(drawn.edges)
        settings = WORDS
        if ruled:
            closing = closing_lines(drawn.edges)  # outer borders the table does not draw
            settings = {**LINES, "explicit_vertical_lines": closing} if closing else LINES
        tables = drawn.find_tables(settings)
        text_of = _TextIn(chars)
        segments = tb.read_tables(tables, number, text_of, ruled)
        if not ruled:
            segments = [kept for s in segments if (kept := tb.numeric_rows(s)) is not None]
        result.segments = sorted(segments, key=lambda s: s.bbox[1])
        # Each table's cell boxes with the box round them all: a character outside that is
        # outside every cell of the table without looking at them one by one.
        owned = [(_around(s.boxes), s.boxes) for s in segments if s.boxes]

        def outside(obj: dict) -> bool:
            if obj.get("object_type") != "char":
                return True
            x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
            return not any(
                a[0] <= x <= a[2]
                and a[1] <= y <= a[3]
                and any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)
                for a, boxes in owned
            )

        text_page = page.filter(outside) if owned else page
        result.lines = tx.text_lines(text_page.extract_text_lines(), number)
        line_of = tx.number(result.lines, [top for s in segments for top in s.tops])
        for segment in segments:
            tb.place(segment, line_of)
        if segments and not ruled:
            first = Pos(number, line_of(result.segments[0].bbox[1]))
            self.problems.append(m.PDF_UNRULED_TABLE.at(first, page=number))
        return result


def _content_size(page: Any) -> int:
    """How many bytes the page's content streams unpack to, counting no further than the limit: pdfminer
    would unpack them whole before drawing a single character."""
    import zlib

    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

    total = 0
    for reference in page.contents:
        stream = resolve1(reference)
        if not isinstance(stream, PDFStream):
            continue
        raw = stream.get_rawdata()
        filters = [f for f, _ in stream.get_filters()]
        if raw is None:  # already unpacked
            total += len(stream.get_data() or b"")
        elif len(filters) == 1 and filters[0] in LITERALS_FLATE_DECODE:
            try:
                total += len(zlib.decompressobj().decompress(raw, MAX_CONTENT + 1 - total))
            except zlib.error:
                total += len(raw)  # pdfminer copes with a damaged stream its own way
        else:
            total += len(raw)
        if total > MAX_CONTENT:
            break
    return total


def _around(boxes: list[tb.BBox]) -> tb.BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class _TextIn:
    """The text inside a box (characters whose centre is in it), and the top of its first line.

    A page's characters are indexed by the height of their centre, so each of a table's hundreds
    of cells looks only at the characters level with it, not at every character of the page."""

    def __init__(self, chars: list[dict]) -> None:
        self.chars = chars
        middles = [((c["top"] + c["bottom"]) / 2, index) for index, c in enumerate(chars)]
        middles.sort()
        self.heights = [height for height, _ in middles]
        self.order = [index for _, index in middles]

    def __call__(self, box: tb.BBox) -> tuple[str, float | None]:
        from pdfplumber.utils import extract_text

        level = self.order[
            bisect.bisect_left(self.heights, box[1]) : bisect.bisect_right(self.heights, box[3])
        ]
        chars = self.chars
        inside = [
            chars[index]
            for index in sorted(level)
            if box[0] <= (chars[index]["x0"] + chars[index]["x1"]) / 2 <= box[2]
        ]
        if not inside:
            return "", None
        figure = tb.spaced_figure(inside)
        if figure is not None:
            return figure, min(float(c["top"]) for c in inside)
        return extract_text(inside, x_tolerance=3, y_tolerance=3), min(float(c["top"]) for c in inside)


def _scan_message(page: int | None) -> dict[str, str]:
    if page is None:
        return {
            "reason": "PDF 没有文字层，是扫描件（每页只有图像）：需要先做文字识别（OCR）转成文字，本工具不做 OCR",
            "reason_en": "the PDF has no text layer, it is a scan (every page is only an image): it needs OCR first, "
            "which this tool does not do",
        }
    return {
        "reason": f"PDF 第{page}页只有图像，没有文字层，可能是扫描件：这一页需要文字识别（OCR），其内容没有读取，也没有检查",
        "reason_en": f"page {page} of the PDF is only an image with no text layer, probably a scan: it needs OCR, "
        "and its content was neither read nor checked",
    }


def _cid_message(page: int | None, count: int) -> dict[str, str]:
    where = f"第{page}页有 {count} 个字符" if page is not None else "PDF 的大部分文字"
    where_en = f"{count} characters on page {page}" if page is not None else "most of the PDF's text"
    return {
        "reason": f"{where}用的字体没有字符对照表（ToUnicode），读出来是“(cid:123)”这样的编号或私用区字符，不是文字："
        "请让发布单位导出带文字的 PDF（嵌入字体的对照表），或改用网页、Word 版本",
        "reason_en": f"{where_en} use a font without a character map (ToUnicode) and read as '(cid:123)' codes or private-use "
        "characters, "
        "not text: ask for a PDF exported with its fonts' character maps, or use the web page or Word version",
    }


# ---------------------------------------------------------------- the document's blocks


def _blocks(pages: list[_Page]) -> list[Block]:
    """Paragraphs and table rows in reading order, over all pages."""
    kept = tx.drop_furniture([p.lines for p in pages], [p.height for p in pages])
    for page, lines in zip(pages, kept, strict=True):
        page.lines = lines
    _stitch(pages)
    column = tx.margins([line for p in pages for line in p.lines])
    flow: list[tx.TextLine | Row] = []
    seen: set[int] = set()
    for page in pages:
        items: list[tuple[float, int, tx.TextLine | Row]] = [(line.top, 0, line) for line in page.lines]
        for segment in page.segments:
            items.extend((top, 1, row) for top, row in tb.rows(segment, seen))
        items.sort(key=lambda item: (item[0], item[1]))
        flow.extend(item for _, _, item in items)
    blocks: list[Block] = []
    paragraph: list[tx.TextLine] = []
    for item in flow:
        if isinstance(item, tx.TextLine):
            if paragraph and not tx.continues(paragraph[-1], item, column):
                blocks.append(tx.paragraph(paragraph))
                paragraph = []
            paragraph.append(item)
            continue
        if paragraph:
            blocks.append(tx.paragraph(paragraph))
            paragraph = []
        blocks.append(item)
    if paragraph:
        blocks.append(tx.paragraph(paragraph))
    return blocks


def _stitch(pages: list[_Page]) -> None:
    """A table that ends a page and one that starts the next, with the same columns, are one table."""
    for before_page, after_page in itertools.pairwise(pages):
        if not before_page.segments or not after_page.segments:
            continue
        before = max(before_page.segments, key=lambda s: s.bbox[3])
        after = min(after_page.segments, key=lambda s: s.bbox[1])
        if any(line.top > before.bbox[3] for line in before_page.lines):
            continue
        if any(line.bottom < after.bbox[1] for line in after_page.lines):
            continue
        if tb.continues(before, after):
            tb.stitch(before, after)
