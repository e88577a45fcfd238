"""Reports as OCR tools and converters write them in Markdown: the tables as HTML blocks.

Inputs are built by `ocr_markdown.py` in our own words, with the figures of a real county
government's 2025 report (and hypothesis' figures where any will do)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ocr_markdown import PART3_ROWS, PART4_BLOCKS, Figures, Layout, as_pipe_table, markdown
from test_cli import run

from disclosure_lint import statute as s
from disclosure_lint.findings import Pos
from disclosure_lint.importer import import_bytes, load_document
from disclosure_lint.importer.latex import unwrap
from disclosure_lint.importer.model import Cell, Line

AGENCY = "示例县人民政府"
YEAR = 2025

# The figures of a real county government's 2025 report.
TABLE3 = {
    "本年新收": [705, 3, 0, 0, 5, 0, 713],
    "上年结转": [36, 0, 0, 0, 0, 0, 36],
    "予以公开": [290, 1, 0, 0, 3, 0, 294],
    "部分公开": [99, 0, 0, 0, 2, 0, 101],
    "属于国家秘密": [0] * 7,
    "其他法律行政法规禁止公开": [0] * 7,
    "危及“三安全一稳定”": [2, 0, 0, 0, 0, 0, 2],
    "保护第三方合法权益": [2, 0, 0, 0, 0, 0, 2],
    "属于三类内部事务信息": [13, 0, 0, 0, 0, 0, 13],
    "属于四类过程性信息": [2, 0, 0, 0, 0, 0, 2],
    "属于行政执法案卷": [4, 0, 0, 0, 0, 0, 4],
    "属于行政查询事项": [9, 0, 0, 0, 0, 0, 9],
    "本机关不掌握相关政府信息": [111, 0, 0, 0, 0, 0, 111],
    "没有现成信息需要另行制作": [2, 0, 0, 0, 0, 0, 2],
    "补正后申请内容仍不明确": [0] * 7,
    "信访举报投诉类申请": [12, 0, 0, 0, 0, 0, 12],
    "重复申请": [6, 1, 0, 0, 0, 0, 7],
    "要求提供公开出版物": [0] * 7,
    "无正当理由大量反复申请": [0] * 7,
    "要求行政机关确认或重新出具已获取信息": [0] * 7,
    "逾期不补正": [9, 0, 0, 0, 0, 0, 9],
    "逾期未缴费": [7, 0, 0, 0, 0, 0, 7],
    "其他处理_其他": [142, 1, 0, 0, 0, 0, 143],
    "总计": [710, 3, 0, 0, 5, 0, 718],
    "结转下年度继续办理": [31, 0, 0, 0, 0, 0, 31],
}
TABLE2 = {
    "规章": [0, 0, 0],
    "行政规范性文件": [6, 1, 32],
    "行政许可": [517645],
    "行政处罚": [693957],
    "行政强制": [2154],
    "行政事业性收费": ["4068.208"],
}
TABLE4 = {
    "行政复议": [27, 10, 9, 15, 61],
    "未经复议直接起诉": [3, 0, 0, 0, 3],
    "复议后起诉": [8, 0, 1, 1, 10],
}


def figures(table2=TABLE2, table3=TABLE3, table4=TABLE4) -> Figures:
    text = lambda rows: {key: [str(v) for v in values] for key, values in rows.items()}  # noqa: E731
    return Figures(text(table2), text(table3), text(table4))


def document(layout: Layout, numbers: Figures | None = None) -> str:
    return markdown(AGENCY, YEAR, numbers or figures(), layout)


def read(text: str):
    return import_bytes(text.encode("utf-8"), "markdown", "r.md").draft


def table3_path(key: str) -> tuple:
    """The statute's path of a table 三 row named as ocr_markdown names it."""
    label = next(row[1] for row in PART3_ROWS if row[3] == key)
    for row in s.FORMAT_2021.part3_rows:
        if str(row.path[-1]) in re.sub(r"^[一二三四]、|^（[一二三四五六七]）|^\d\.", "", label):
            return row.path
    raise AssertionError(key)


def cells(draft) -> tuple[dict, dict, dict]:
    return (
        {label: [v.text for v in values] for label, values in draft.part2.items()},
        {path: [v.text for v in values] for path, values in draft.part3.items()},
        {block: [v.text for v in values] for block, values in draft.part4.items()},
    )


def assert_read(draft, expected: Figures) -> None:
    part2, part3, part4 = cells(draft)
    assert part2 == {label: values for label, values in expected.table2.items()}
    assert part3 == {table3_path(key): values for key, values in expected.table3.items()}
    assert part4 == expected.table4
    assert draft.lost == []


def position(text: str, needle: str, nth: int = 0) -> Pos:
    """The line and column of the `nth` occurrence of `needle` in `text`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return Pos(line, at - (text.rfind("\n", 0, at) + 1) + 1)


# ---------------------------------------------------------------- tables as HTML blocks


def test_one_line_html_tables_are_read_cell_for_cell_with_positions_in_the_markdown() -> None:
    text = document(Layout(wrap=True))
    assert text.count("<table>") == 3 and "<html><body><table><tr><td" in text
    draft = read(text)
    assert_read(draft, figures())
    assert (draft.meta[s.AGENCY], draft.meta[s.YEAR], draft.meta[s.PUBLISHED]) == (AGENCY, YEAR, "2026-01-20")
    assert draft.values[(*s.ROW_NEW.path, 6)] == position(text, "713</td>")
    assert draft.values[(s.PART2, "行政处罚", "本年处理决定数量")] == position(text, "693957<")
    assert [n.text for n in draft.notes if n.text] == []  # <html><body> and the tables leave nothing over


def test_a_wrong_total_in_an_html_table_is_reported_at_its_cell_in_the_markdown(tmp_path: Path) -> None:
    wrong = dict(TABLE3, 本年新收=[705, 3, 0, 0, 5, 0, 714])
    text = document(Layout(wrap=True), figures(table3=wrong))
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    done = run("r.md", "--lang", "en", "--format", "concise", "--ignore", "DL301", cwd=tmp_path)
    where = position(text, "714<")
    assert done.stdout.splitlines() == [
        f"r.md:{where.line}:{where.col}: DL205 '一、本年新收政府信息公开申请数量·总计' is probably 713: the row sum "
        "and the balance 一 + 二 = （七） + 四 are each off by 1, and changing this one cell balances both (found 714)",
        "Found 1 problem (1 error, 0 warnings) in 1 file.",
    ]
    assert done.returncode == 1
    (tmp_path / "ocr.md").write_text(text, encoding="utf-8")
    shown = run("ocr.md", "--ignore", "DL301", cwd=tmp_path).stdout
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"$ disclosure-lint ocr.md --ignore DL301\n{shown}```" in readme  # the manual shows it as it is


def test_the_rendered_example_as_ocr_markdown_lints_as_its_web_page_does(tmp_path: Path) -> None:
    page = tmp_path / "x.html"
    assert (
        run("render", Path(__file__).parents[1] / "examples/xiqu-sifaju-2023.yaml", "-o", page).returncode
        == 0
    )
    html = page.read_text(encoding="utf-8")
    tables = re.findall(r"<table.*?</table>", html, re.S)
    assert len(tables) == 3
    body = html[html.index("<h1>") : html.index("</main>")]
    for table in tables:
        body = body.replace(table, "\n\n" + re.sub(r"\s*\n\s*", "", table) + "\n\n")
    body = re.sub(r"<h(\d)>(.*?)</h\d>", lambda m: "#" * int(m.group(1)) + " " + m.group(2) + "\n", body)
    body = re.sub(r"<p[^>]*>|</p>|<br>\n?", "\n", body)
    (tmp_path / "x.md").write_text(body, encoding="utf-8")
    from_md, from_html = load_document(tmp_path / "x.md"), load_document(page)
    assert from_md.report is not None and from_html.report is not None
    for part in (s.PART2, s.PART3, s.PART4):
        assert from_md.report.data[part] == from_html.report.data[part]
    assert [f.code for f in from_md.findings] == [f.code for f in from_html.findings] == []


def test_th_cells_thead_and_br_in_wrapped_labels() -> None:
    text = document(Layout(th=True, breaks=True))
    assert "<thead><tr><th" in text and "<br>" in text
    assert_read(read(text), figures())


def test_markup_without_closing_tags_and_a_table_cut_off_before_its_end() -> None:
    text = document(Layout(unclosed=True))
    assert "</td>" not in text
    assert_read(read(text), figures())
    # An OCR model that stopped before </table>: the table ends at the blank line, and the
    # heading after it is still a heading.
    cut = text.replace("</table>", "", 1)
    draft = read(cut)
    assert_read(draft, figures())


def test_headings_written_in_bold() -> None:
    text = document(Layout(bold=True, wrap=True))
    assert "**三、收到和处理政府信息公开申请情况**" in text and "\n## " not in text
    assert_read(read(text), figures())


def test_table_three_cut_at_a_page_break_with_the_header_repeated_and_furniture_between() -> None:
    furniture = ("- 5 -", f"{AGENCY}{YEAR}年政府信息公开工作年度报告", "<!-- page 6 -->")
    text = document(Layout(split=12, repeat=True, furniture=furniture, wrap=True))
    assert text.count("<table>") == 4
    assert_read(read(text), figures())


def test_table_three_cut_at_a_page_break_going_on_with_its_rows() -> None:
    text = document(Layout(split=9, furniture=("第 5 页 共 9 页",)))
    second = text.split("第 5 页 共 9 页")[1]
    assert second.lstrip().startswith(
        '<table><tr><td rowspan="15">三、本年度办理结果</td><td rowspan="3">（三）不予公开</td><td>6.属于四类过程性信息'
    )
    assert_read(read(text), figures())


def test_a_table_printed_as_an_image_is_one_unread_table_never_missing(tmp_path: Path) -> None:
    text = document(Layout(image4="images/9c1d0e7a.jpg"))
    draft = read(text)
    assert [sorted({path[0] for path in lost.paths}) for lost in draft.lost] == [[s.PART4]]
    assert len(draft.lost[0].paths) == 15
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    done = run("r.md", "--lang", "en", "--format", "concise", "--select", "DL0,DL1,DL2,DL4", cwd=tmp_path)
    assert re.findall(r" (DL\d{3}) ", done.stdout) == ["DL020"], done.stdout
    assert done.returncode == 0


@pytest.mark.parametrize("repeat", [True, False])
def test_pipe_tables_with_a_merged_cells_text_in_each_place_or_only_its_first(repeat: bool) -> None:
    text = re.sub(r"<table>.*?</table>", lambda m: as_pipe_table(m.group(), repeat), document(Layout()))
    total = (
        "| 三、本年度办理结果 | （七）总计 | （七）总计 | 710 |" if repeat else "|  | （七）总计 |  | 710 |"
    )
    assert total in text and "<table>" not in text
    draft = read(text)
    assert_read(draft, figures())
    left = [note.text for note in draft.notes if note.text]
    assert not any("总计" in note or "第二十条" in note for note in left), left


# ---------------------------------------------------------------- figures written as LaTeX


def test_figures_wrapped_as_latex_in_cells_are_read_as_the_figures() -> None:
    spaced = Layout(figure=lambda v: "$" + " ".join(v) + "$")
    text = document(spaced)
    assert "<td>$7 1 3$</td>" in text
    draft = read(text)
    assert_read(draft, figures())
    at = position(text, "$7 1 3$")
    assert draft.values[(*s.ROW_NEW.path, 6)] == Pos(at.line, at.col + 1)
    roman = Layout(figure=lambda v: f"$\\mathrm{{{v}}}$", wrap=True)
    assert_read(read(document(roman)), figures())


def test_latex_in_prose_is_read_as_the_figure_at_its_own_columns() -> None:
    line = Line("全年收到申请$7 1 3$件，增长$1 2 . 5 \\%$，公式$x+1$不动。", Pos(9, 1))
    plain = unwrap(line)
    assert plain.text == "全年收到申请713件，增长12.5%，公式$x+1$不动。"
    assert plain.pos_at(plain.text.index("713")) == Pos(9, 8)
    assert plain.pos_at(plain.text.index("713") + 2) == Pos(9, 12)
    assert plain.pos_at(plain.text.index("件")) == Pos(9, 14)
    assert plain.pos_at(plain.text.index("%")) == Pos(9, 28)  # the `\\` of `\\%` goes
    assert unwrap(Cell("$\\mathrm{ 1 2 }$", Pos(3, 5))).text == "12"
    assert unwrap(Cell("$$12$$", Pos(3, 5))).text == "$$12$$"  # display math is no figure in a cell


@given(
    number=st.integers(min_value=0, max_value=10**9),
    command=st.sampled_from(["", "\\mathrm", "\\mathbf", "\\text"]),
    gaps=st.lists(st.sampled_from(["", " ", "  ", "\\,", "~"]), min_size=10, max_size=10),
    lead=st.text(alphabet="共收到申请件，。 ", max_size=6),
)
def test_any_figure_written_as_latex_reads_back_with_each_digit_at_its_place(
    number: int, command: str, gaps: list[str], lead: str
) -> None:
    digits = str(number)
    body = "".join(digit + gap for digit, gap in zip(digits, gaps, strict=False))
    source = f"{lead}${command}{{{body}}}$件" if command else f"{lead}${body}$件"
    plain = unwrap(Line(source, Pos(4, 3)))
    assert plain.text == f"{lead}{digits}件"
    for index, digit in enumerate(digits):
        at = plain.pos_at(len(lead) + index)
        assert source[at.col - 3] == digit
        assert at.line == 4
        assert sum(1 for char in source[: at.col - 3] if char.isdigit()) == index


# ---------------------------------------------------------------- any figures, any layout


_FIGURE = st.integers(min_value=0, max_value=99999).map(str)


@st.composite
def report_figures(draw) -> Figures:
    part3 = {key: draw(st.lists(_FIGURE, min_size=7, max_size=7)) for *_, key in PART3_ROWS}
    part4 = {block: draw(st.lists(_FIGURE, min_size=5, max_size=5)) for block in PART4_BLOCKS}
    part2 = {
        "规章": draw(st.lists(_FIGURE, min_size=3, max_size=3)),
        "行政规范性文件": draw(st.lists(_FIGURE, min_size=3, max_size=3)),
        **{label: [draw(_FIGURE)] for label in ("行政许可", "行政处罚", "行政强制", "行政事业性收费")},
    }
    return Figures(part2, part3, part4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    numbers=report_figures(),
    wrap=st.booleans(),
    th=st.booleans(),
    breaks=st.booleans(),
    unclosed=st.booleans(),
    split=st.one_of(st.none(), st.integers(min_value=1, max_value=len(PART3_ROWS) - 1)),
    repeat=st.booleans(),
)
def test_any_figures_in_any_of_the_layouts_read_back_exactly(
    numbers: Figures, wrap: bool, th: bool, breaks: bool, unclosed: bool, split: int | None, repeat: bool
) -> None:
    layout = Layout(wrap=wrap, th=th, breaks=breaks, unclosed=unclosed, split=split, repeat=repeat,
                    furniture=("- 4 -",))  # fmt: skip
    assert_read(read(document(layout, numbers)), numbers)
