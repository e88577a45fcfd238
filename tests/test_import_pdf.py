"""Published PDFs: ruled tables, wrapped labels, a table cut by a page break, footers, scans, bad files.

The PDFs are drawn here with reportlab (its built-in CID font STSong-Light prints Chinese
without font files), so every cell and every printed line is known: positions are
page:printed line, a table row counting as one line.
"""

from __future__ import annotations

import builtins
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

pytest.importorskip("pdfplumber", reason="the [pdf] extra (pdfplumber) is not installed")
pytest.importorskip("reportlab", reason="reportlab, which draws the test PDFs, is not installed")

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from disclosure_lint import statute as s
from disclosure_lint.findings import Pos
from disclosure_lint.importer import ReadError, import_bytes, load_document
from disclosure_lint.importer import pdf_tables as tb
from disclosure_lint.importer import pdf_text as tx
from disclosure_lint.importer.model import Row
from disclosure_lint.importer.pdf import read_pdf
from disclosure_lint.importer.pdf_tables import cell_text
from disclosure_lint.loader import load_text

FONT = "STSong-Light"
WIDTH, HEIGHT = A4
LEFT, RIGHT = 60.0, 535.0
BODY = 12.0  # running text
SMALL = 8.5  # table text
ROW = 24.0  # a table row: room for a label over two lines


@dataclass
class Drawing:
    """A PDF drawn top-down: text lines, paragraphs wrapped at the margin, ruled tables, footers."""

    buffer: io.BytesIO = field(default_factory=io.BytesIO)
    y: float = 60.0  # from the top of the page
    page: int = 1

    def __post_init__(self) -> None:
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
        self.canvas = canvas.Canvas(self.buffer, pagesize=A4)

    def text(self, text: str, x: float = LEFT, size: float = BODY) -> None:
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(x, HEIGHT - self.y - size, text)
        self.y += size * 1.6

    def centred(self, text: str, size: float = 16.0) -> None:
        self.text(text, (WIDTH - len(text) * size) / 2, size)

    def paragraph(self, text: str) -> None:
        """Indented by two characters, broken where the line is full (CJK: one character = one size)."""
        per_line = int((RIGHT - LEFT) // BODY)
        first, rest = text[: per_line - 2], text[per_line - 2 :]
        self.text(first, LEFT + 2 * BODY)
        while rest:
            self.text(rest[:per_line])
            rest = rest[per_line:]

    def footer(self, text: str) -> None:
        self.canvas.setFont(FONT, 10)
        self.canvas.drawCentredString(WIDTH / 2, 40, text)

    def new_page(self) -> None:
        self.canvas.showPage()
        self.page += 1
        self.y = 60.0

    def table(self, widths: list[float], cells: list[tuple[int, int, int, int, str]]) -> None:
        """Cells as (row, col, rowspan, colspan, text); each cell is boxed, "\\n" breaks its text."""
        rows = max(r + rs for r, _, rs, _, _ in cells)
        for r, c, rowspan, colspan, text in cells:
            x = LEFT + sum(widths[:c])
            top = self.y + r * ROW
            width, height = sum(widths[c : c + colspan]), rowspan * ROW
            self.canvas.rect(x, HEIGHT - top - height, width, height)
            lines = text.split("\n") if text else []
            self.canvas.setFont(FONT, SMALL)
            first = top + (height - len(lines) * SMALL * 1.3) / 2
            for k, line in enumerate(lines):
                self.canvas.drawString(x + 2, HEIGHT - first - (k + 1) * SMALL * 1.3 + 2, line)
        self.y += rows * ROW + 12

    def image_page(self) -> None:
        """A page that is only a picture, as a scanner makes it."""
        from PIL import Image
        from reportlab.lib.utils import ImageReader

        picture = Image.new("L", (60, 80), 200)
        self.canvas.drawImage(ImageReader(picture), 0, 0, WIDTH, HEIGHT)
        self.new_page()

    def bytes(self) -> bytes:
        self.canvas.save()
        return self.buffer.getvalue()


# ---------------------------------------------------------------- a whole report

AGENCY = "示例县人民政府"
NEW = [10, 1, 0, 0, 0, 0, 11]
CARRIED_IN = [1, 0, 0, 0, 0, 0, 1]
DISCLOSED = [5, 1, 0, 0, 0, 0, 6]
PARTLY = [2, 0, 0, 0, 0, 0, 2]
SECRET = [1, 0, 0, 0, 0, 0, 1]
NOT_HELD = [2, 0, 0, 0, 0, 0, 2]
TOTAL = [10, 1, 0, 0, 0, 0, 11]
CARRIED_OUT = [1, 0, 0, 0, 0, 0, 1]
ZERO = [0] * 7
PART4 = [[3, 1, 0, 0, 4], [1, 0, 0, 1, 2], [0, 1, 0, 0, 1]]
PROSE = "本年度我们按照条例要求推进公开工作，在门户网站集中发布各类信息，及时回应社会关切，工作总体平稳有序。"
LABEL3 = [48.0, 64.0, 172.0]  # group, sub-group, item
WIDTHS3 = [*LABEL3, *([27.0] * 7)]


def _row3(r: int, label: list[tuple[int, int, int, str]], numbers: list[int]) -> list:
    """A table 三 row: its label cells (col, rowspan, colspan, text) and its seven numbers."""
    return [(r, c, rs, cs, t) for c, rs, cs, t in label] + [
        (r, 3 + k, 1, 1, str(n)) for k, n in enumerate(numbers)
    ]


def report_pdf(scanned_page: bool = False, repeat_header: bool = False) -> bytes:
    d = Drawing()
    # page 1 -------------------------------------------------------------
    d.centred(AGENCY)  # 1:1
    d.centred("2024年政府信息公开工作年度报告")  # 1:2
    d.text("一、总体情况")  # 1:3
    d.paragraph(PROSE * 2)  # 1:4–1:6, one paragraph over three printed lines
    d.text("二、主动公开政府信息情况")  # 1:7
    w2 = [150.0, 100.0, 100.0, 100.0]
    d.table(
        w2,
        [
            (0, 0, 1, 4, "第二十条第（一）项"),  # 1:8, a boxed line as wide as the table: text
            (1, 0, 1, 1, "信息内容"), (1, 1, 1, 1, "本年制发件数"), (1, 2, 1, 1, "本年废止件数"),
            (1, 3, 1, 1, "现行有效件数"),  # 1:9
            (2, 0, 1, 1, "规章"), (2, 1, 1, 1, "0"), (2, 2, 1, 1, "/"), (2, 3, 1, 1, ""),  # 1:10
            (3, 0, 1, 1, "行政规范性文件"), (3, 1, 1, 1, "2"), (3, 2, 1, 1, "1"), (3, 3, 1, 1, "15"),  # 1:11
            (4, 0, 1, 4, "第二十条第（五）项"),
            (5, 0, 1, 1, "信息内容"), (5, 1, 1, 3, "本年处理决定数量"),
            (6, 0, 1, 1, "行政许可"), (6, 1, 1, 3, "120"),  # 1:14
            (7, 0, 1, 4, "第二十条第（六）项"),
            (8, 0, 1, 1, "信息内容"), (8, 1, 1, 3, "本年处理决定数量"),
            (9, 0, 1, 1, "行政处罚"), (9, 1, 1, 3, "30"),
            (10, 0, 1, 1, "行政强制"), (10, 1, 1, 3, "4"),
            (11, 0, 1, 4, "第二十条第（八）项"),
            (12, 0, 1, 1, "信息内容"), (12, 1, 1, 3, "本年收费金额（单位：万元）"),
            (13, 0, 1, 1, "行政事业性收费"), (13, 1, 1, 3, "12.5"),  # 1:21
        ],
    )  # fmt: skip
    d.footer("- 1 -")
    d.new_page()
    # page 2: table 三, cut by the page break ---------------------------------------------------------
    d.text("三、收到和处理政府信息公开申请情况")  # 2:1
    head = [
        (0, 0, 3, 3, "（本列数据的勾稽关系为：第一项加第二\n项之和，等于第三项加第四项之和）"),
        (0, 3, 1, 7, "申请人情况"),
        (1, 3, 2, 1, "自然人"), (1, 4, 1, 5, "法人或其他组织"), (1, 9, 2, 1, "总计"),
        *[(2, 4 + k, 1, 1, t) for k, t in enumerate(["商业\n企业", "科研\n机构", "社会公\n益组织", "法律服\n务机构", "其他"])],
    ]  # fmt: skip
    body = [
        *head,  # 2:2–2:4
        *_row3(3, [(0, 1, 3, "一、本年新收政府信息\n公开申请数量")], NEW),  # 2:5, label over two lines
        *_row3(4, [(0, 1, 3, "二、上年结转政府信息公开申请数量")], CARRIED_IN),
        *_row3(5, [(0, 11, 1, "三、本\n年度办\n理结果"), (1, 1, 2, "（一）予以公开")], DISCLOSED),  # 2:7
        *_row3(6, [(1, 1, 2, "（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）")], PARTLY),
        *_row3(7, [(1, 8, 1, "（三）不予公开"), (2, 1, 1, "1.属于国家秘密")], SECRET),
    ]
    for k, item in enumerate(s.RESULT_GROUPS[2][1][1:], start=2):  # type: ignore[index]
        body += _row3(6 + k, [(2, 1, 1, f"{k}.{item}")], ZERO)
    body += _row3(15, [(1, 1, 1, "（四）无"), (2, 1, 1, "1.本机关不掌握相关政府信息")], NOT_HELD)  # 2:17
    d.table(WIDTHS3, body)
    d.footer("— 2 —")
    d.new_page()
    # page 3: table 三 goes on; its merged labels were cut by the page break --------------------------
    rest = [
        (0, 0, 11, 1, ""),  # the rest of 三、本年度办理结果, empty on this page
        *_row3(0, [(1, 2, 1, "法提供"), (2, 1, 1, "2.没有现成信息需要另行制作")], ZERO),  # 3:1
        *_row3(1, [(2, 1, 1, "3.补正后申请内容仍不明确")], ZERO),
        *_row3(2, [(1, 5, 1, "（五）不予处理"), (2, 1, 1, "1.信访举报投诉类申请")], ZERO),
        *_row3(3, [(2, 1, 1, "2.重复申请")], ZERO),
        *_row3(4, [(2, 1, 1, "3.要求提供公开出版物")], ZERO),
        *_row3(5, [(2, 1, 1, "4.无正当理由大量反复申请")], ZERO),
        *_row3(6, [(2, 1, 1, "5.要求行政机关确认或重新\n出具已获取信息")], ZERO),  # 3:7
    ]
    others = s.RESULT_GROUPS[5][1]
    assert others is not None
    rest += _row3(7, [(1, 3, 1, "（六）其他\n处理"), (2, 1, 1, "1.申请人无正当理由逾期不补正、\n行政机关不再处理其政府信息公开申请")], ZERO)  # fmt: skip
    rest += _row3(8, [(2, 1, 1, "2.申请人逾期未按收费通知要求缴纳\n费用、行政机关不再处理其政府信息公开申请")], ZERO)  # fmt: skip
    rest += _row3(9, [(2, 1, 1, "3.其他")], ZERO)
    rest += _row3(10, [(1, 1, 2, "（七）总计")], TOTAL)  # 3:11
    rest += _row3(11, [(0, 1, 3, "四、结转下年度继续办理")], CARRIED_OUT)
    if repeat_header:  # Word's "repeat as header row" prints the headings again on the new page
        rest = head + [(r + 3, c, rs, cs, t) for r, c, rs, cs, t in rest]
    d.table(WIDTHS3, rest)
    d.text("四、政府信息公开行政复议、行政诉讼情况")  # 3:13
    w4 = [30.0] * 15
    cols = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    d.table(
        w4,
        [
            (0, 0, 2, 5, "行政复议"), (0, 5, 1, 10, "行政诉讼"),
            (1, 5, 1, 5, "未经复议直接起诉"), (1, 10, 1, 5, "复议后起诉"),
            *[(2, k, 1, 1, cols[k % 5]) for k in range(15)],
            *[(3, 5 * b + k, 1, 1, str(n)) for b, block in enumerate(PART4) for k, n in enumerate(block)],
        ],
    )  # fmt: skip
    d.text("五、存在的主要问题及改进情况")  # 3:18
    d.paragraph("部分单位答复文书还不够规范，明年将加强培训，统一答复模板，提升办理质量。")  # 3:19
    d.text("六、其他需要报告的事项")
    d.table([RIGHT - LEFT], [(0, 0, 1, 1, "本年度未收取信息处理费。")])  # a boxed paragraph: one column
    d.footer("第3页")
    if scanned_page:
        d.new_page()
        d.image_page()
    return d.bytes()


def _small_report() -> bytes:
    """One page: a heading, a paragraph and a ruled table, for damaging at random."""
    d = Drawing()
    d.text("二、主动公开政府信息情况")
    d.paragraph(PROSE)
    d.table(
        [150.0, 100.0, 100.0, 100.0],
        [(0, 0, 1, 1, "规章"), (0, 1, 1, 1, "0"), (0, 2, 1, 1, "1"), (0, 3, 1, 1, "2")],
    )
    d.footer("- 1 -")
    return d.bytes()


SMALL_REPORT = _small_report()


@pytest.fixture(scope="module")
def report() -> bytes:
    return report_pdf()


def _write(tmp_path: Path, raw: bytes, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def test_every_cell_of_a_ruled_report_comes_through(report: bytes) -> None:
    imported = import_bytes(report, "pdf", "report.pdf", {s.PUBLISHED: "2025-01-20"})
    data = load_text(imported.yaml, "imported.yaml").report.data  # type: ignore[union-attr]
    assert data[s.AGENCY] == AGENCY and data[s.YEAR] == 2024
    assert data[s.PART2]["规章"] == {"本年制发件数": 0, "本年废止件数": "/", "现行有效件数": None}
    assert data[s.PART2]["行政规范性文件"] == {"本年制发件数": 2, "本年废止件数": 1, "现行有效件数": 15}
    assert data[s.PART2]["行政许可"] == {"本年处理决定数量": 120}
    assert data[s.PART2]["行政强制"] == {"本年处理决定数量": 4}
    assert data[s.PART2]["行政事业性收费"] == {"本年收费金额": 12.5}
    part3 = data[s.PART3]
    assert part3[s.NEW] == NEW and part3[s.CARRIED_IN] == CARRIED_IN and part3[s.CARRIED_OUT] == CARRIED_OUT
    results = part3[s.RESULTS]
    assert results["予以公开"] == DISCLOSED and results["部分公开"] == PARTLY and results["总计"] == TOTAL
    assert results["不予公开"]["属于国家秘密"] == SECRET
    assert results["无法提供"] == {
        "本机关不掌握相关政府信息": NOT_HELD,
        "没有现成信息需要另行制作": ZERO,
        "补正后申请内容仍不明确": ZERO,
    }
    assert results["不予处理"]["要求行政机关确认或重新出具已获取信息"] == ZERO
    assert list(results["其他处理"].values()) == [ZERO, ZERO, ZERO]
    assert [data[s.PART4][b] for b in s.PART4_BLOCKS] == PART4
    assert data[s.PART5].startswith("部分单位答复文书")
    assert data[s.PART6] == "本年度未收取信息处理费。\n"
    assert imported.draft.notes == []  # nothing left over: footers dropped, wrapped labels joined


def test_a_table_whose_headings_repeat_on_the_next_page_is_still_one_table() -> None:
    source = read_pdf(report_pdf(repeat_header=True))
    rows = [b for b in source.blocks if isinstance(b, Row)]
    row = next(r for r in rows if any(c.text == "2.没有现成信息需要另行制作" for c in r.cells))
    assert [(c.text, c.above) for c in row.cells[:2]] == [
        ("三、本年度办理结果", True),
        ("（四）无法提供", True),
    ]
    imported = import_bytes(report_pdf(repeat_header=True), "pdf", "report.pdf", {s.PUBLISHED: "2025-01-20"})
    assert imported.draft.notes == []
    results = load_text(imported.yaml, "x.yaml").report.data[s.PART3][s.RESULTS]  # type: ignore[union-attr]
    assert results["无法提供"]["没有现成信息需要另行制作"] == ZERO and results["总计"] == TOTAL


def test_a_paragraph_over_printed_lines_is_one_paragraph(report: bytes) -> None:
    imported = import_bytes(report, "pdf", "report.pdf")
    text = load_text(imported.yaml, "x.yaml").report.data[s.PART1]  # type: ignore[union-attr]
    assert text == PROSE * 2 + "\n"


def test_positions_are_page_and_printed_line(report: bytes, tmp_path: Path) -> None:
    loaded = load_document(_write(tmp_path, report))
    assert loaded.report is not None
    pos = loaded.report.pos
    results = (s.PART3, s.RESULTS)
    assert pos((s.AGENCY,)) == Pos(1, 1)
    assert pos((s.PART1,)) == Pos(1, 4)
    assert pos((s.PART2, "规章", "本年废止件数")) == Pos(1, 10)
    assert pos((s.PART2, "行政许可", "本年处理决定数量")) == Pos(1, 14)
    assert pos((s.PART2, "行政事业性收费", "本年收费金额")) == Pos(1, 21)
    assert pos((s.PART3, s.NEW, 6)) == Pos(2, 5)  # three heading rows and the part's title above it
    assert pos((*results, "予以公开", 0)) == Pos(2, 7)
    assert pos((*results, "无法提供", "本机关不掌握相关政府信息", 0)) == Pos(2, 17)
    assert pos((*results, "无法提供", "没有现成信息需要另行制作", 0)) == Pos(3, 1)
    assert pos((*results, "不予处理", "要求行政机关确认或重新出具已获取信息", 0)) == Pos(3, 7)
    assert pos((*results, "总计", 6)) == Pos(3, 11)
    assert pos((s.PART4, s.SUIT_AFTER_REVIEW, 4)) == Pos(3, 17)
    assert pos((s.PART5,)) == Pos(3, 19)


def test_the_cut_group_label_is_joined_and_repeated_below_the_break(report: bytes) -> None:
    rows = [b for b in read_pdf(report).blocks if isinstance(b, Row)]
    row = next(r for r in rows if any(c.text == "2.没有现成信息需要另行制作" for c in r.cells))
    assert [(c.text, c.above) for c in row.cells[:3]] == [
        ("三、本年度办理结果", True),
        ("（四）无法提供", True),
        ("2.没有现成信息需要另行制作", False),
    ]
    assert row.pos == Pos(3, 1)
    cut = next(r for r in rows if any(c.text == "1.本机关不掌握相关政府信息" for c in r.cells))
    assert [(c.text, c.above) for c in cut.cells[1:3]] == [
        ("（四）无法提供", False),
        ("1.本机关不掌握相关政府信息", False),
    ]


def test_footers_and_page_numbers_are_dropped(report: bytes) -> None:
    texts = [b.text for b in read_pdf(report).blocks if not isinstance(b, Row)]
    assert not any("—" in t or "- 1 -" in t or "第3页" in t for t in texts)


def test_a_report_pdf_lints_with_positions_in_the_pdf(report: bytes, tmp_path: Path) -> None:
    path = _write(tmp_path, report)
    done = run(path, "--format", "json")
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr == ""
    found = [(f["code"], f["line"], f["column"]) for f in json.loads(done.stdout)["files"][0]["findings"]]
    # a consistent report: no date (not stated, so a note: DL021), prose naming none of the five aspects,
    # and the publisher's "/" and blank cell in 规章 (a blank or "/" cell the publisher printed stays DL401)
    assert found == [("DL021", 1, 1), *[("DL301", 1, 4)] * 4, ("DL401", 1, 10), ("DL401", 1, 10)]


def test_a_scanned_page_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    loaded = load_document(_write(tmp_path, report_pdf(scanned_page=True)))
    assert [(f.code, f.pos) for f in loaded.findings if f.code == "DL030"] == [("DL030", Pos(4, 1))]
    assert "OCR" in next(f for f in loaded.findings if f.code == "DL030").message("en")
    assert loaded.report is not None and loaded.report.data[s.PART3][s.NEW] == NEW
    done = run(tmp_path / "report.pdf")
    assert done.returncode == 2 and "DL030" in done.stdout and "Traceback" not in done.stderr
    imported = run("import", tmp_path / "report.pdf", "-o", tmp_path / "report.yaml")
    assert imported.returncode == 2  # the rest is written, but a page could not be read
    assert f"{tmp_path / 'report.pdf'}:4:1: DL030 PDF 第4页只有图像" in imported.stderr
    assert "本年新收政府信息公开申请数量" in (tmp_path / "report.yaml").read_text(encoding="utf-8")


def test_a_scan_without_any_text_says_it_needs_ocr(tmp_path: Path) -> None:
    d = Drawing()
    d.image_page()
    d.image_page()
    path = _write(tmp_path, d.bytes(), "扫描件.pdf")
    done = run(path)
    assert done.returncode == 2
    assert done.stdout.startswith(f"{path}:1:1: DL030 ") and "OCR" in done.stdout
    imported = run("import", path)
    assert imported.returncode == 2 and "扫描件" in imported.stderr and "Traceback" not in imported.stderr


def _objects_to_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (numbered from 1, the first the catalogue), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _type0_pdf(codes: str, to_unicode: dict[int, str] | None = None) -> bytes:
    """One line drawn in a two-byte font that is not embedded, with or without a ToUnicode map
    (glyph number → text); without one, text extraction sees only (cid:N)."""
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [5 0 R]"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 6 0 R >>",
        font + (b" /ToUnicode 7 0 R >>" if to_unicode else b" >>"),
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    streams = [f"BT /F1 12 Tf 72 700 Td <{codes}> Tj ET".encode()]
    if to_unicode:
        pairs = "".join(f"<{code:04X}> <{ord(text):04X}>\n" for code, text in to_unicode.items())
        streams.append(
            (
                "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def\n"
                "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                f"{len(to_unicode)} beginbfchar\n{pairs}endbfchar\n"
                "endcmap CMapName currentdict /CMap defineresource pop end end"
            ).encode()
        )
    for stream in streams:
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return _objects_to_pdf(objects)


def _cid_pdf() -> bytes:
    return _type0_pdf("0102030405060708")


def test_kangxi_radicals_a_font_maps_to_read_as_the_characters_printed() -> None:
    heading = "\u2f00、总体情况"  # ⼀ (KANGXI RADICAL ONE) looks like 一 but is another character
    raw = _type0_pdf("".join(f"{k:04X}" for k in range(1, 7)), dict(enumerate(heading, start=1)))
    assert [b.text for b in read_pdf(raw).blocks] == ["一、总体情况"]


def test_private_use_characters_are_an_unmapped_font() -> None:
    raw = _type0_pdf("000100020003", {1: "\ue001", 2: "\ue002", 3: "\ue003"})
    with pytest.raises(ReadError) as raised:
        read_pdf(raw)
    assert raised.value.finding.code == "DL031"


def test_a_font_without_a_character_map_is_named(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as raised:
        read_pdf(_cid_pdf())
    assert raised.value.finding.code == "DL031" and "ToUnicode" in raised.value.finding.message("en")
    done = run(_write(tmp_path, _cid_pdf()))
    assert done.returncode == 2 and "DL031" in done.stdout and done.stderr == ""


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"<html>not a pdf</html>", "not a PDF file"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "damaged"),
    ],
)
def test_a_broken_file_gets_one_clear_line(raw: bytes, words: str, tmp_path: Path) -> None:
    with pytest.raises(ReadError) as raised:
        read_pdf(raw)
    assert raised.value.finding.code == "DL001" and words in raised.value.finding.message("en")
    done = run(_write(tmp_path, raw), "--lang", "en")
    assert done.returncode == 2 and done.stdout.startswith(f"{tmp_path / 'report.pdf'}:1:1: DL001")
    assert "Traceback" not in done.stderr


def test_an_encrypted_pdf_asks_for_the_unencrypted_one(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer, pagesize=A4, encrypt="secret")
    sheet.drawString(72, 700, "locked")
    sheet.showPage()
    sheet.save()
    with pytest.raises(ReadError) as raised:
        read_pdf(buffer.getvalue())
    assert raised.value.finding.code == "DL001" and "encrypted" in raised.value.finding.message("en")


def test_too_many_pages_is_one_finding(monkeypatch: pytest.MonkeyPatch, report: bytes) -> None:
    monkeypatch.setattr("disclosure_lint.importer.pdf.MAX_PAGES", 2)
    with pytest.raises(ReadError) as raised:
        read_pdf(report)
    assert raised.value.finding.code == "DL007" and "3 pages" in raised.value.finding.message("en")


def test_too_many_characters_is_one_finding(monkeypatch: pytest.MonkeyPatch, report: bytes) -> None:
    monkeypatch.setattr("disclosure_lint.importer.pdf.MAX_CHARS", 500)
    with pytest.raises(ReadError) as raised:
        read_pdf(report)
    assert raised.value.finding.code == "DL007" and raised.value.finding.pos.line in (1, 2)


def test_without_the_extra_the_message_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, report: bytes
) -> None:
    real_import = builtins.__import__

    def no_pdfplumber(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "pdfplumber" or name.startswith("pdfplumber."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pdfplumber)
    with pytest.raises(ReadError) as raised:
        read_pdf(report)
    assert raised.value.finding.code == "DL001"
    assert "pip install 'disclosure-lint[pdf]'" in raised.value.finding.message("zh")


def test_linting_yaml_does_not_load_pdfplumber() -> None:
    code = (
        "import sys\n"
        "from disclosure_lint.cli import main\n"
        f"sys.argv = ['disclosure-lint', {str(SEED_EXAMPLE)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pdfplumber' in sys.modules, 'pdfminer' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "False False", done.stdout + done.stderr


def test_a_table_without_ruling_lines_is_read_by_position_and_flagged(tmp_path: Path) -> None:
    d = Drawing()
    d.text("二、主动公开政府信息情况")  # 1:1
    d.paragraph(
        "本页的表格没有画线，数字只靠空格对齐，这样的表格只能按文字的位置分格，读出后要人工核对一遍。"
    )
    rows = [
        ("信息内容", ["本年制发件数", "本年废止件数", "现行有效件数"]),  # 1:4
        ("规章", ["0", "0", "1"]),  # 1:5
        ("行政规范性文件", ["4", "2", "30"]),  # 1:6
    ]
    for label, cells in rows:
        d.canvas.setFont(FONT, 10)
        d.canvas.drawString(LEFT, HEIGHT - d.y - 10, label)
        for k, cell in enumerate(cells):
            d.canvas.drawString(LEFT + 150 + k * 100, HEIGHT - d.y - 10, cell)
        d.y += 18
    source = read_pdf(d.bytes())
    table = [b for b in source.blocks if isinstance(b, Row)]
    assert [([c.text for c in r.cells], r.pos, r.grid) for r in table] == [
        (["规章", "0", "0", "1"], Pos(1, 5), False),
        (["行政规范性文件", "4", "2", "30"], Pos(1, 6), False),
    ]
    assert [b.text for b in source.blocks if not isinstance(b, Row)][-1] == (
        "信息内容 本年制发件数 本年废止件数 现行有效件数"
    )  # the heading row and the prose above stay running text
    assert [(f.code, f.pos) for f in source.problems] == [("DL032", Pos(1, 5))]


def _one_page_pdf(content: bytes, filters: bytes = b"/Filter /FlateDecode ") -> bytes:
    """A page with nothing but the given (packed) content stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< " + filters + b"/Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    return _objects_to_pdf(objects)


def test_a_page_that_unpacks_to_a_bomb_is_refused_before_it_is_unpacked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import zlib

    monkeypatch.setattr("disclosure_lint.importer.pdf.MAX_CONTENT", 1024 * 1024)
    bomb = zlib.compress(b" " * (3 * 1024 * 1024), 9)  # 3 KB packed, 3 MB unpacked
    with pytest.raises(ReadError) as raised:
        read_pdf(_one_page_pdf(bomb))
    assert raised.value.finding.code == "DL007" and raised.value.finding.pos == Pos(1, 1)
    assert "unpacks to more than 1 MB" in raised.value.finding.message("en")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(0, 10_000), st.binary(min_size=0, max_size=8)), max_size=4))
def test_a_damaged_pdf_is_read_or_refused_never_a_crash(cuts: list[tuple[int, bytes]]) -> None:
    raw = bytearray(SMALL_REPORT)
    for at, junk in cuts:
        at %= len(raw)
        raw[at : at + len(junk)] = junk
    try:
        source = read_pdf(bytes(raw))
    except ReadError as error:
        assert error.finding.code.startswith("DL0")
    else:
        assert all(isinstance(block.pos, Pos) for block in source.blocks)


@given(
    st.lists(
        st.sampled_from(["三", "、", "本年", "\n", " ", "12", "3", "a", "b", "（", "）", "\n\n"]), max_size=12
    )
)
def test_cell_text_is_one_line_without_gaps_inside_chinese(pieces: list[str]) -> None:
    text = cell_text("".join(pieces))
    assert "\n" not in text and text == text.strip() and "  " not in text
    assert not re.search(r"[^\x00-\x7f]\s[^\x00-\x7f]", text)
    assert cell_text(text) == text


def _segment(page: int, rows: list[list[tuple[str, int]]]) -> tb.Segment:
    """A segment from rows of (text, rowspan) for each column; a merged cell is given in its first row."""
    grid: list[list[tb.GridCell | None]] = [[None] * len(rows[0]) for _ in rows]
    for r, row in enumerate(rows):
        for c, (text, rowspan) in enumerate(row):
            if grid[r][c] is None:
                cell = tb.GridCell(
                    (c, r, c + 1, r + rowspan), text, float(r), Pos(page, r + 1), c, c + 1, r, r + rowspan
                )
                for k in range(rowspan):
                    grid[r + k][c] = cell
    return tb.Segment(page, grid, [float(r) for r in range(len(rows))], (0, 0, len(rows[0]), len(rows)))


@pytest.mark.parametrize(
    ("printed_above", "printed_below", "joined"),
    [
        ("（四）无", "法提供", "（四）无法提供"),  # the label cut in two by the page break
        ("（四）无法提供", "", "（四）无法提供"),  # all of it above the break
        ("", "（四）无法提供", "（四）无法提供"),  # all of it below the break
    ],
)
def test_a_merged_label_cut_by_the_page_break_is_one_cell(
    printed_above: str, printed_below: str, joined: str
) -> None:
    before = _segment(
        1, [[(printed_above, 2), ("1.本机关不掌握相关政府信息", 1), ("2", 1)], [("", 0), ("x", 1), ("0", 1)]]
    )
    after = _segment(
        2,
        [
            [(printed_below, 2), ("2.没有现成信息需要另行制作", 1), ("0", 1)],
            [("", 0), ("3.补正后", 1), ("0", 1)],
        ],
    )
    assert tb.continues(before, after)
    tb.stitch(before, after)
    seen: set[int] = set()
    rows = [row for segment in (before, after) for _, row in tb.rows(segment, seen)]
    assert [(row.cells[0].text, row.cells[0].above) for row in rows] == [
        (joined, False),
        (joined, True),
        (joined, True),
        (joined, True),
    ]


def test_a_new_item_below_the_break_is_not_joined_to_the_one_above() -> None:
    before = _segment(1, [[("（四）无法提供", 2), ("1.甲", 1), ("2", 1)], [("", 0), ("2.乙", 1), ("0", 1)]])
    after = _segment(2, [[("（五）不予处理", 2), ("1.丙", 1), ("0", 1)], [("", 0), ("2.丁", 1), ("0", 1)]])
    tb.stitch(before, after)
    seen: set[int] = set()
    rows = [row for segment in (before, after) for _, row in tb.rows(segment, seen)]
    assert [row.cells[0].text for row in rows] == ["（四）无法提供"] * 2 + ["（五）不予处理"] * 2


def test_without_the_extra_lint_exits_2_with_one_line(report: bytes, tmp_path: Path) -> None:
    path = _write(tmp_path, report)
    code = (
        "import sys\n"
        "sys.modules['pdfplumber'] = None  # as if the [pdf] extra were not installed\n"
        "from disclosure_lint.cli import main\n"
        f"sys.argv = ['disclosure-lint', '--lang', 'en', {str(path)!r}]\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stdout.splitlines()[0] == (
        f"{path}:1:1: DL001 cannot read the file: reading PDF files needs pdfplumber: "
        "pip install 'disclosure-lint[pdf]'"
    )
    assert done.stderr == ""


def test_too_many_lines_and_boxes_on_a_page_is_one_finding(
    monkeypatch: pytest.MonkeyPatch, report: bytes
) -> None:
    monkeypatch.setattr("disclosure_lint.importer.pdf.MAX_RULES", 5)
    with pytest.raises(ReadError) as raised:
        read_pdf(report)
    assert raised.value.finding.code == "DL007" and raised.value.finding.pos == Pos(1, 1)
    assert "page 1 of the PDF draws" in raised.value.finding.message("en")


def test_a_pdf_may_be_larger_than_max_bytes_since_fonts_and_images_weigh(
    report: bytes, tmp_path: Path
) -> None:
    path = _write(tmp_path, report)
    limit = len(report) // 5  # too small for the PDF as YAML, enough at ten times
    assert run("import", path, "--max-bytes", limit).returncode == 0
    refused = run("import", path, "--max-bytes", limit // 3)
    assert refused.returncode == 2 and "超过上限" in refused.stderr  # the one DL007 text


def _line(text: str, top: float, page: int = 1) -> tx.TextLine:
    return tx.TextLine(text, page, LEFT, LEFT + 12 * len(text), top, top + 12, 12.0, Pos(page, 1))


@pytest.mark.parametrize(
    "footer", ["— 5 —", "- 5 -", "5", "第5页", "第 5 页 共 12 页", "5/12", "Page 5 of 12"]
)
def test_page_numbers_at_the_foot_or_head_of_a_page_are_dropped(footer: str) -> None:
    body = _line("正文的一行字。", 400.0)
    assert tx.drop_furniture([[body, _line(footer, 800.0)]], [HEIGHT]) == [[body]]
    assert tx.drop_furniture([[_line(footer, 30.0), body]], [HEIGHT]) == [[body]]
    assert tx.drop_furniture([[_line(footer, 300.0), body]], [HEIGHT])[0][0].text == footer  # mid-page: kept


def test_a_running_header_repeated_on_pages_is_dropped_but_a_single_one_is_kept() -> None:
    pages = [[_line("示例县人民政府办公室", 30.0, p), _line(f"第{p}页的正文。", 400.0, p)] for p in (1, 2)]
    assert [[line.text for line in page] for page in tx.drop_furniture(pages, [HEIGHT, HEIGHT])] == [
        ["第1页的正文。"],
        ["第2页的正文。"],
    ]
    alone = [[_line("示例县人民政府办公室", 30.0), _line("正文。", 400.0)]]
    assert len(tx.drop_furniture(alone, [HEIGHT])[0]) == 2


def test_short_paragraphs_that_fill_their_last_line_stay_apart() -> None:
    d = Drawing()
    per_line = int((RIGHT - LEFT) // BODY)
    d.text("五、存在的主要问题及改进情况")
    d.text("六、其他需要报告的事项")
    firsts = ["一是培训次数偏少", "二是答复模板不统一", "三是网站栏目更新慢"]
    for first in firsts:  # each paragraph is one full printed line, indented
        d.paragraph((first + "，下一年度将逐项整改落实到位" * 3)[: per_line - 2])
    texts = [b.text for b in read_pdf(d.bytes()).blocks]
    assert [t[:5] for t in texts[2:]] == [f[:5] for f in firsts]
