"""`--format html` as a clerk or supervisor opens it: the tables with the wrong cells marked, the folder summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import CITY_BUREAU, EXAMPLES, edit, lint
from hypothesis import given
from hypothesis import strategies as st

from disclosure_lint import statute as s
from disclosure_lint.desk.page import render_page
from disclosure_lint.render.layout import paragraphs

BROKEN = EXAMPLES / "broken-2023.yaml"
TABLES = (s.PART2, s.PART3, s.PART4)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "disclosure_lint", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


class Page(HTMLParser):
    """The parts of the page a test looks at: marked cells, marks in text, notes, summary rows, elements."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.marked_cells: list[dict[str, str]] = []
        self.text_marks: list[str] = []
        self.summary_rows: list[list[str]] = []
        self.texts: dict[str, str] = {}  # element id → its text
        self.link_targets: list[str] = []
        self._open: list[tuple[str, str | None, list[str]]] = []  # tag, id, text pieces
        self._row: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_summary = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "td" and "mark" in a.get("class", "").split():
            self.marked_cells.append(a)
        if tag == "a" and a.get("href", "").startswith("#"):
            self.link_targets.append(a["href"][1:])
        if tag == "table" and "summary" in a.get("class", ""):
            self._in_summary = True
        if self._in_summary and tag == "tr":
            self._row = []
        if self._row is not None and tag == "td":
            self._cell = []
        if tag not in ("br", "col", "meta", "input"):
            self._open.append((tag, a.get("id"), []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._in_summary = False
        if tag == "td" and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        if tag == "tr" and self._row is not None:
            if self._row:
                self.summary_rows.append(self._row)
            self._row = None
        while self._open:
            name, element_id, pieces = self._open.pop()
            text = "".join(pieces)
            if self._open:
                self._open[-1][2].append(text)
            if element_id:
                self.texts[element_id] = text
            if name == "mark" and tag == "mark":
                self.text_marks.append(text)
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1][2].append(data)
        if self._cell is not None:
            self._cell.append(data)


def findings_json(*paths: Path) -> dict:
    done = run(*paths, "--format", "json")
    return json.loads(done.stdout)


def test_broken_example_marks_exactly_the_cells_its_findings_name(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    done = run(BROKEN, "--format", "html", "-o", out)
    assert done.returncode == 1, done.stderr  # the same exit status as the text output: it has errors
    page = Page(out.read_text(encoding="utf-8"))
    marked = {tuple(json.loads(cell["data-path"])) for cell in page.marked_cells}
    findings = findings_json(BROKEN)["files"][0]["findings"]
    named = {tuple(f["path"]) for f in findings if f["path"] and f["path"][0] in TABLES}
    assert marked == named
    assert len(marked) == 5  # DL403, DL601 (table 二), DL205, DL401 (table 三), DL204 (table 四)
    by_path = {tuple(json.loads(cell["data-path"])): cell for cell in page.marked_cells}
    for finding in findings:
        cell = by_path.get(tuple(finding["path"]))
        if cell is not None:
            assert f"sev-{finding['severity']}" in cell["class"].split()
            assert finding["message"] in cell["title"]


def test_the_wrong_cell_shows_its_expected_value_and_the_message_beside_the_table(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run(BROKEN, "--format", "html", "-o", out)
    page = Page(out.read_text(encoding="utf-8"))
    dl205 = [
        c for c in page.marked_cells if json.loads(c["data-path"])[-1] == 0 and "予以公开" in c["data-path"]
    ]
    assert len(dl205) == 1
    cell_text = page.texts[dl205[0]["id"]]
    assert cell_text.startswith("21") and "应为 20" in cell_text
    notes = [text for key, text in page.texts.items() if key.startswith("r1-n")]
    assert any("DL205" in note and "很可能应为 20" in note for note in notes)
    # Every finding is in the list, and each list entry links to something on the page.
    items = {key: text for key, text in page.texts.items() if key.startswith("r1-f")}
    assert len(items) == 8
    ids = {a.get("id") for _, a in page.tags}
    assert all(target in ids for target in page.link_targets)


def test_a_finding_on_a_text_marks_its_sentence_and_sits_beside_the_paragraph(city_text: str) -> None:
    text = edit(city_text, "共收到政府信息公开申请70件", "共收到政府信息公开申请71件")
    result = lint(text)
    assert [f.code for f in result.findings] == ["DL701"]
    page = Page(render_page([result]))
    assert len(page.text_marks) == 1
    assert page.text_marks[0].startswith("2023年，我局共收到政府信息公开申请71件")
    assert not page.marked_cells
    assert "DL701" in page.texts["r1-n1"] and "本年新收" in page.texts["r1-n1"]


def test_findings_about_the_whole_report_are_shown_above_the_document(city_text: str) -> None:
    text = edit(city_text, "报告类型: 部门", "报告类型: 部")
    result = lint(text)
    assert result.findings
    page = Page(render_page([result]))
    assert all(f"r1-n{n}" in page.texts for n in range(1, len(result.findings) + 1))


def test_folder_page_lists_each_report_with_its_counts(tmp_path: Path) -> None:
    out = tmp_path / "folder.html"
    done = run(EXAMPLES, "--format", "html", "-o", out)
    assert done.returncode == 1, done.stderr
    page = Page(out.read_text(encoding="utf-8"))
    expected = {
        Path(f["path"]).name: (str(f["errors"]), str(sum(x["severity"] == "warning" for x in f["findings"])))
        for f in findings_json(EXAMPLES)["files"]
    }
    rows = {Path(row[0]).name: (row[4], row[5]) for row in page.summary_rows}
    assert rows == expected
    assert rows["broken-2023.yaml"] == ("6", "2") and rows["xiqu-sifaju-2023.yaml"] == ("0", "0")
    agencies = {Path(row[0]).name: (row[1], row[2], row[3]) for row in page.summary_rows}
    assert agencies["xiqu-sifaju-2023.yaml"] == ("攀枝花市西区司法局", "2023", "2021 版")
    # Each report's section is one click from its row; the chart names the codes found.
    assert {"r1", "r2"} <= set(page.link_targets)
    svg_titles = [a for tag, a in page.tags if tag == "svg"]
    assert len(svg_titles) == 1
    assert all(code in page.texts.get("overview", "") for code in ("DL205", "DL204", "DL503"))


def test_an_unreadable_file_in_a_folder_is_a_row_with_its_reason(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(CITY_BUREAU.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("机关: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out.html"
    done = run(tmp_path, "--format", "html", "-o", out, "--isolated")
    assert done.returncode == 2
    page = Page(out.read_text(encoding="utf-8"))
    rows = {row[0]: row for row in page.summary_rows}
    bad = next(row for name, row in rows.items() if name.endswith("bad.yaml"))
    assert bad[1:4] == ["—", "—", "—"] and bad[4] == "1"
    assert "DL004" in bad[6] and "方括号" in bad[6]
    assert any("bad.yaml" in page.texts[r] and "无法作为年度报告读取" in page.texts[r] for r in ("r1", "r2"))


def test_untrusted_strings_are_escaped(city_text: str) -> None:
    hostile = "<script>alert(1)</script>局"
    text = edit(city_text, "机关: 示例市自然资源和规划局", f'机关: "{hostile}"')
    text = edit(
        text, "我局优化门户网站信息公开专栏", '我局优化<img src=x onerror="alert(2)">门户网站信息公开专栏'
    )
    result = lint(text, filename='"><script>alert(3)</script>.yaml')
    html = render_page([result, lint(city_text)])
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;局" in html
    page = Page(html)
    assert [tag for tag, _ in page.tags].count("script") == 1  # the page's own sort/filter script
    assert not [a for tag, a in page.tags if "onerror" in a]
    assert page.summary_rows[0][1] == hostile  # shown as the text it is


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    run(BROKEN, "--format", "html", "-o", out)
    html = out.read_text(encoding="utf-8")
    page = Page(html)
    assert not [a for _, a in page.tags if "src" in a]
    assert not [a for tag, a in page.tags if tag == "link"]
    assert not [href for _, a in page.tags if (href := a.get("href", "")) and not href.startswith("#")]
    assert "@media print" in html


@given(st.lists(st.text(alphabet=" 　\t年。，；！？a1", max_size=12), max_size=8))
def test_each_paragraph_line_starts_where_the_layout_says(lines: list[str]) -> None:
    text = "\n".join(lines)
    for paragraph in paragraphs(text, ("x",)):
        assert len(paragraph.starts) == len(paragraph.lines)
        for line, start in zip(paragraph.lines, paragraph.starts, strict=True):
            assert text[start : start + len(line)] == line


def test_a_2019_format_report_is_laid_out_in_its_own_format(tmp_path: Path) -> None:
    zone = Path(__file__).resolve().parent / "fixtures" / "formats" / "zone-2019.yaml"
    result = lint(zone.read_text(encoding="utf-8"), filename=zone.name)
    html = render_page([result, lint(CITY_BUREAU.read_text(encoding="utf-8"))])
    page = Page(html)
    assert {row[3] for row in page.summary_rows} == {"2019 版", "2021 版"}
    # The 2019 table 三 prints （六）其他处理 as one row; the 2021 one splits it in three.
    late_fee = "申请人逾期未按收费通知要求缴纳费用"
    assert late_fee not in page.texts["r1"] and late_fee in page.texts["r2"]
    assert "（六）其他处理" in page.texts["r1"]


def test_english_page(city_text: str) -> None:
    result = lint(
        edit(city_text, "  行政复议:         [2, 1, 0, 1, 4]", "  行政复议:         [2, 1, 0, 1, 5]")
    )
    page = Page(render_page([result], lang="en"))
    (cell,) = page.marked_cells
    assert "should be 4" in page.texts[cell["id"]]
    assert page.texts["r1-f1"].split()[1:3] == ["error", "DL204"]
    assert "Findings (1)" in page.texts["r1"]


@pytest.mark.parametrize(
    "text",
    [
        "- a\n- b\n",
        "机关: 1\n",
        "{}\n",
        "",
        "收到和处理政府信息公开申请情况: 5\n政府信息公开行政复议、行政诉讼情况:\n  行政复议: x\n主动公开政府信息情况: [1, 2]\n总体情况: 3\n",
        "收到和处理政府信息公开申请情况:\n  本年度办理结果:\n    予以公开: {a: 1}\n    不予公开: [1]\n",
    ],
)
def test_reports_of_any_shape_give_a_page_with_every_finding_listed(text: str) -> None:
    result = lint(text)
    page = Page(render_page([result]))
    listed = [key for key in page.texts if key.startswith("r1-f")]
    assert len(listed) == len(result.findings) > 0
    ids = {a.get("id") for _, a in page.tags}
    assert all(target in ids for target in page.link_targets)


def test_linting_does_not_load_the_desk() -> None:
    probe = (
        "import sys\n"
        "from disclosure_lint.cli import main\n"
        f"sys.argv = ['disclosure-lint', {str(EXAMPLES / 'broken-2023.yaml')!r}, '--format', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = [m for m in sys.modules if m.startswith('disclosure_lint.desk') or m == 'http.server']\n"
        "sys.stderr.write(repr(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stderr == "[]"


def test_a_cell_the_importer_could_not_read_is_shown_as_lost_not_as_blank(city_text: str) -> None:
    result = lint(city_text)
    assert result.report is not None
    lost = (s.PART3, s.NEW, 1)
    result.report.unreadable = frozenset({lost})
    page = Page(render_page([result]))
    cells = [a for tag, a in page.tags if tag == "td" and "lost" in a.get("class", "").split()]
    assert len(cells) == 1 and "未能从原文件中读出" in cells[0]["title"]


def test_controls_and_bidi_overrides_are_shown_not_obeyed(city_text: str) -> None:
    text = edit(city_text, "机关: 示例市自然资源和规划局", '机关: "示例市\\u202e局划规"')
    result = lint(text, filename="bad\udcffname\x1b[2J.yaml")
    html = render_page([result, lint(city_text)])
    html.encode("utf-8")  # a lone surrogate from a file name that is not UTF-8 would fail here
    assert "\u202e" not in html and "\x1b" not in html
    page = Page(html)
    assert page.summary_rows[0][0] == "bad\\udcffname\\x1b[2J.yaml"
    assert page.summary_rows[0][1] == "示例市\\u202e局划规"


def test_the_summary_names_reports_without_the_folder_they_share() -> None:
    from disclosure_lint.desk.page import short_names

    assert short_names(["各部门/2023/a.yaml", "各部门/2023/财政局/b.docx"]) == ["a.yaml", "财政局/b.docx"]
    assert short_names(["a.yaml", "x/b.yaml"]) == ["a.yaml", "x/b.yaml"]
    assert short_names(["/srv/r/a.yaml", "r/b.yaml"]) == ["/srv/r/a.yaml", "r/b.yaml"]
