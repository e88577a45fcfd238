"""PDF layouts publishers produce that the ruled report of test_import_pdf.py does not: tables
without their outer left and right borders, figures printed with their digits spread out.

The whole report of test_import_pdf.py is drawn again with its tables drawn another way, so every
cell is known; its positions (page:printed line) must not move."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pdfplumber", reason="the [pdf] extra (pdfplumber) is not installed")
pytest.importorskip("reportlab", reason="reportlab, which draws the test PDFs, is not installed")

import test_import_pdf as base
from test_cli import run

from disclosure_lint import statute as s
from disclosure_lint.importer import import_bytes
from disclosure_lint.importer.pdf import read_pdf
from disclosure_lint.importer.pdf_tables import spaced_figure
from disclosure_lint.importer.pdf_text import tracked_text
from disclosure_lint.loader import load_text


def _table(outer: bool, spread: float):
    """Drawing.table, with the outer vertical borders left out unless `outer`, and each figure's
    digits `spread` points apart (0: as typed)."""

    def table(self, widths: list[float], cells: list[tuple[int, int, int, int, str]]) -> None:
        rows = max(r + rs for r, _, rs, _, _ in cells)
        left, right = base.LEFT, base.LEFT + sum(widths)
        for r, c, rowspan, colspan, text in cells:
            x = base.LEFT + sum(widths[:c])
            top = self.y + r * base.ROW
            width, height = sum(widths[c : c + colspan]), rowspan * base.ROW
            y0, y1 = base.HEIGHT - top, base.HEIGHT - top - height
            self.canvas.line(x, y0, x + width, y0)
            self.canvas.line(x, y1, x + width, y1)
            for edge in (x, x + width):
                if outer or not (abs(edge - left) < 0.1 or abs(edge - right) < 0.1):
                    self.canvas.line(edge, y0, edge, y1)
            lines = text.split("\n") if text else []
            self.canvas.setFont(base.FONT, base.SMALL)
            first = top + (height - len(lines) * base.SMALL * 1.3) / 2
            for k, line in enumerate(lines):
                at = base.HEIGHT - first - (k + 1) * base.SMALL * 1.3 + 2
                if spread and line.replace(".", "").isdigit() and len(line) > 1:
                    step = base.SMALL / 2 + spread  # a digit is half as wide as the type size
                    for n, digit in enumerate(line):
                        self.canvas.drawString(x + 2 + n * step, at, digit)
                else:
                    self.canvas.drawString(x + 2, at, line)
        self.y += rows * base.ROW + 12

    return table


def _report(monkeypatch: pytest.MonkeyPatch, outer: bool = True, spread: float = 0.0) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(base.Drawing, "table", _table(outer, spread))
        return base.report_pdf()


def _assert_every_cell(raw: bytes) -> None:
    """The figures report_pdf prints, every one (as test_every_cell_of_a_ruled_report_comes_through)."""
    imported = import_bytes(raw, "pdf", "report.pdf", {s.PUBLISHED: "2025-01-20"})
    data = load_text(imported.yaml, "imported.yaml").report.data  # type: ignore[union-attr]
    assert data[s.PART2]["规章"] == {"本年制发件数": 0, "本年废止件数": "/", "现行有效件数": None}
    assert data[s.PART2]["行政规范性文件"] == {"本年制发件数": 2, "本年废止件数": 1, "现行有效件数": 15}
    assert data[s.PART2]["行政许可"] == {"本年处理决定数量": 120}
    assert data[s.PART2]["行政事业性收费"] == {"本年收费金额": 12.5}
    part3 = data[s.PART3]
    assert (part3[s.NEW], part3[s.CARRIED_IN], part3[s.CARRIED_OUT]) == (
        base.NEW,
        base.CARRIED_IN,
        base.CARRIED_OUT,
    )
    results = part3[s.RESULTS]
    assert (results["予以公开"], results["部分公开"], results["总计"]) == (
        base.DISCLOSED,
        base.PARTLY,
        base.TOTAL,
    )
    assert results["不予公开"]["属于国家秘密"] == base.SECRET
    assert results["无法提供"]["本机关不掌握相关政府信息"] == base.NOT_HELD
    assert [data[s.PART4][b] for b in s.PART4_BLOCKS] == base.PART4
    assert imported.draft.notes == [] and imported.draft.lost == []


def test_tables_without_outer_borders_read_every_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_every_cell(_report(monkeypatch, outer=False))


def test_tables_without_outer_borders_keep_their_positions(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "open.pdf"
    path.write_bytes(_report(monkeypatch, outer=False))
    done = run(path, "--format", "json")
    found = [(f["code"], f["line"], f["column"]) for f in json.loads(done.stdout)["files"][0]["findings"]]
    # the same findings at the same places as the fully ruled report (test_import_pdf)
    assert found == [("DL021", 1, 1), *[("DL301", 1, 4)] * 4, ("DL401", 1, 10), ("DL401", 1, 10)]


@pytest.mark.parametrize("spread", [1.5, 3.0])
def test_figures_with_their_digits_spread_out_read_as_figures(
    monkeypatch: pytest.MonkeyPatch, spread: float
) -> None:
    _assert_every_cell(_report(monkeypatch, spread=spread))


def test_both_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_every_cell(_report(monkeypatch, outer=False, spread=2.0))


def _glyphs(text: str, x: float, gaps: list[float], size: float = 8.5, top: float = 100.0) -> list[dict]:
    chars, at = [], x
    for char, gap in zip(text, [*gaps, 0.0], strict=False):
        chars.append({"text": char, "x0": at, "x1": at + size / 2, "top": top, "size": size})
        at += size / 2 + gap
    return chars


@given(number=st.integers(min_value=10, max_value=10**8), gap=st.floats(min_value=0.0, max_value=8.0))
def test_evenly_spread_digits_are_one_figure(number: int, gap: float) -> None:
    digits = str(number)
    assert spaced_figure(_glyphs(digits, 50.0, [gap] * (len(digits) - 1))) == digits


@given(
    first=st.integers(min_value=0, max_value=9999),
    second=st.integers(min_value=0, max_value=9999),
    apart=st.floats(min_value=9.0, max_value=60.0),
)
def test_two_figures_side_by_side_are_not_joined(first: int, second: int, apart: float) -> None:
    """A ruling line missing between two cells: the figures stand farther apart than a character."""
    a, b = str(first), str(second)
    gaps = [0.0] * (len(a) - 1) + [apart] + [0.0] * (len(b) - 1)
    assert spaced_figure(_glyphs(a + b, 50.0, gaps)) is None


def test_what_is_no_spread_figure_is_left_to_the_text() -> None:
    assert spaced_figure(_glyphs("规章", 50.0, [0.0])) is None  # not a figure
    assert spaced_figure(_glyphs("7", 50.0, [])) is None  # one glyph: nothing to join
    assert spaced_figure(_glyphs("12", 50.0, [3.0, 1.0, 6.0])) == "12"
    uneven = _glyphs("1234", 50.0, [1.0, 6.0, 1.0])  # two pairs: 12 and 34
    assert spaced_figure(uneven) is None
    two_lines = _glyphs("12", 50.0, [1.0]) + _glyphs("34", 50.0, [1.0], top=112.0)
    assert spaced_figure(two_lines) is None


# ---------------------------------------------------------------- running text spread out


def _spread_text(space: float):
    """Drawing.text with `space` points of character spacing, as Word prints a spread-out line."""

    def text(self, text: str, x: float = base.LEFT, size: float = base.BODY) -> None:
        line = self.canvas.beginText(x, base.HEIGHT - self.y - size)
        line.setFont(base.FONT, size)
        line.setCharSpace(space)
        line.textLine(text)
        self.canvas.drawText(line)
        self.y += size * 1.6

    return text


@pytest.mark.parametrize("space", [2.0, 3.0, 4.5])
def test_running_text_with_its_characters_spread_out_keeps_its_figures_whole(
    monkeypatch: pytest.MonkeyPatch, space: float
) -> None:
    monkeypatch.setattr(base.Drawing, "text", _spread_text(space))
    d = base.Drawing()
    d.centred(base.AGENCY)
    d.centred("2024年政府信息公开工作年度报告")
    d.text("全年共收到申请713件，办结702件。", base.LEFT + 2 * base.BODY)
    d.text("2025年1月20日", 400.0)
    texts = [b.text for b in read_pdf(d.bytes()).blocks]
    assert texts == [
        base.AGENCY,
        "2024年政府信息公开工作年度报告",
        "全年共收到申请713件，办结702件。",
        "2025年1月20日",
    ]


def _line(text: str, gaps: list[float], size: float = 12.0) -> list[dict]:
    chars, at = [], 60.0
    for char, gap in zip(text, [*gaps, 0.0], strict=False):
        width = size if ord(char) > 0x2E80 else size / 2
        chars.append({"text": char, "x0": at, "x1": at + width, "top": 100.0, "size": size})
        at += width + gap
    return chars


@given(
    number=st.integers(min_value=10, max_value=10**6),
    space=st.floats(min_value=1.2, max_value=5.9),
)
def test_a_spread_out_line_joins_what_its_even_spacing_joins(number: int, space: float) -> None:
    text = f"共收到{number}件"
    assert tracked_text(_line(text, [space] * (len(text) - 1)), 12.0) == text


def test_ordinary_lines_and_rows_of_columns_are_left_to_pdfplumber() -> None:
    assert tracked_text(_line("全年共收到申请713件", [0.0] * 10), 12.0) is None  # printed ordinarily
    assert tracked_text(_line("规章000", [0.0, 133.0, 96.0, 96.0]), 12.0) is None  # columns of a table
    words = _line("收到12件 办结10件", [0.0, 0.0, 0.0, 0.0, 6.0, 0.0, 0.0, 0.0, 0.0])
    assert tracked_text(words, 12.0) is None  # a space between words, no spreading
