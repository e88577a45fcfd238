"""Reading reports as portals and converters put them out: crawled one-line pages, OCR'd Markdown,
page footers, titles over two lines, dates in the 落款 — fixtures in our own words, real-looking figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run
from test_import_layouts import AGENCY, CITY, copied_text

from disclosure_lint import statute as s
from disclosure_lint.findings import Pos
from disclosure_lint.importer import figures, import_bytes, load_document

OTHER = s.RESULT_GROUPS[5][1]
assert OTHER is not None


def crawled(text: str) -> str:
    """A copied report as a crawler saves it: a header, then the body on one line, cells run together."""
    body = "".join(line.replace("\t", "") for line in text.split("\n"))
    header = (
        "标题: 示例市自然资源和规划局2023年政府信息公开工作年度报告\n发布时间: 2024-01-26 09:30\n栏目: 年报\n"
    )
    return header + "=" * 12 + " 正文 " + "=" * 12 + "\n" + body + " 附件下载\n"


def imported(text: str, name: str = "r.txt"):
    return import_bytes(text.encode("utf-8"), "text", name)


# ---------------------------------------------------------------- run-together digits


@pytest.mark.parametrize(
    ("pieces", "cells", "expected"),
    [
        (["0000000"], 7, [["0"] * 7]),
        (["23", "0", "00", "0", "023"], 7, [["23"], ["0"], ["0", "0"], ["0"], ["0", "23"]]),
        (["500000", "5"], 7, [["5", "0", "0", "0", "0", "0"], ["5"]]),
    ],
)
def test_a_run_with_one_cut_is_read(pieces: list[str], cells: int, expected: list[list[str]]) -> None:
    assert figures.cuts(pieces, cells, limit=5) == [expected]


def test_a_run_with_several_cuts_is_not_guessed() -> None:
    assert len(figures.cuts(["640020470"], 7, limit=5)) > 1
    assert figures.count(("693665",), 3) == 10


# ---------------------------------------------------------------- a crawled page on one line


def test_crawled_page_on_one_line_imports_parts_rows_and_metadata() -> None:
    draft = imported(crawled(copied_text(CITY))).draft
    assert draft.meta[s.AGENCY] == "示例市自然资源和规划局"
    assert (draft.meta[s.YEAR], draft.meta[s.PUBLISHED], draft.meta[s.VERSION]) == (2023, "2024-01-26", 2021)
    assert draft.parts == set(s.PARTS)
    assert list(draft.part1) == list(s.ASPECTS)  # type: ignore[arg-type]
    assert draft.part1["平台建设"].startswith("我局优化门户网站")  # type: ignore[index]
    assert "附件下载" not in (draft.part6 or "")
    # rows of single digits cut one way only: read
    carried = [v.text for v in draft.part3[(s.PART3, s.CARRIED_IN)]]
    assert carried == ["3", "1", "0", "0", "0", "0", "4"]
    other = [v.text for v in draft.part3[(s.PART3, s.RESULTS, s.OTHER_HANDLING, OTHER[0])]]
    assert other == ["1", "1", "0", "0", "0", "0", "2"]
    # "528103266" holds seven cells in many ways: the digits alone do not decide, the table's relations do
    run_of_new = next(r for r in draft.runs if r.paths[0] == (s.PART3, s.NEW, 0))
    assert run_of_new.text == "528103266" and run_of_new.candidates > 1
    new = draft.part3[(s.PART3, s.NEW)]
    assert [(v.text, v.kind) for v in new] == [(t, "number") for t in ("52", "8", "1", "0", "3", "2", "66")]


def test_crawled_page_with_other_wordings_of_the_part_headings() -> None:
    text = copied_text(CITY)
    text = text.replace(
        "四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况"
    )
    text = text.replace("五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进措施")
    draft = imported(crawled(text)).draft
    assert draft.parts == set(s.PARTS)
    assert [v.text for v in draft.part4[s.SUIT_DIRECT]] == [
        v.text for v in imported(text).draft.part4[s.SUIT_DIRECT]
    ]
    assert (draft.part5 or "").startswith("一是部分业务科室")


def test_crawled_page_lints_without_blaming_the_publisher(tmp_path: Path) -> None:
    text = crawled(copied_text(CITY))
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    done = run("page.txt", cwd=tmp_path)
    lines = done.stdout.splitlines()
    assert not [line for line in lines if " DL4" in line or " DL2" in line or " DL1" in line], done.stdout
    body = text.split("\n")[4]
    col = body.index("528103266") + 1
    assert next(line for line in lines if "本年新收" in line) == (
        f"page.txt:5:{col}: DL025 提示：“一、本年新收政府信息公开申请数量”的7格数字在原文中连成一串（“528103266”），"
        "按表内勾稽关系只有一种分法：52|8|1|0|3|2|66"
    )
    docs = body.index("3112") + 1  # 行政规范性文件: table 二 has no relation to decide 3|1|12 from 31|1|2
    assert next(line for line in lines if "“3112”" in line).startswith(f"page.txt:5:{docs}: DL026 警告：")


def test_a_cell_deleted_from_a_published_text_is_the_importers_finding(tmp_path: Path) -> None:
    text = copied_text(CITY).replace(
        "二、上年结转政府信息公开申请数量\t\t\t3\t1\t0", "二、上年结转政府信息公开申请数量\t\t\t3\t1"
    )
    assert text != copied_text(CITY)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", cwd=tmp_path)
    codes = re.findall(r" (DL\d{3}) ", done.stdout)
    assert "DL020" in codes
    assert not [c for c in codes if c.startswith(("DL4", "DL1"))], done.stdout
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("二、上年结转"))) + 1
    assert f"r.txt:{line}:" in next(x for x in done.stdout.splitlines() if "DL020" in x)


# ---------------------------------------------------------------- page furniture, titles, signatures


def test_page_footers_between_rows_shift_nothing() -> None:
    text = copied_text(CITY)
    text = text.replace("\t\t2.重复申请", "— 5 —\n=== page 6 ===\n\t\t2.重复申请")
    draft = imported(text).draft
    assert [v.text for v in draft.part3[(s.PART3, s.RESULTS, s.NOT_PROCESSED, "重复申请")]] == [
        "1", "0", "0", "0", "0", "0", "1",
    ]  # fmt: skip
    assert [n.text for n in draft.notes if n.text] == []


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("示例县人民政府\n2025 年政府信息公开工作年度报告", "示例县人民政府", 2025),
        ("示例县人民政府 2025 年 政府信息公开工作年度报告", "示例县人民政府", 2025),
        ("示例县市场监督管理局2025年度\n政府信息公开工作年度报告", "示例县市场监督管理局", 2025),
        ("示例县人民政府二〇二五年度政府信息公开工作年度报告", "示例县人民政府", 2025),
        ("2025年度示例镇政府信息公开工作年度报告", "示例镇", 2025),
        ("2025年示例县统计局政府信息公开工作年度报告", "示例县统计局", 2025),
    ],
)
def test_titles_over_lines_and_with_spaces(title: str, agency: str, year: int) -> None:
    text = copied_text(CITY).replace("示例市自然资源和规划局\n\n2023 年政府信息公开工作年度报告", title, 1)
    draft = imported(text).draft
    assert (draft.meta[s.AGENCY], draft.meta[s.YEAR]) == (agency, year)


def test_date_from_the_signature_run_on_to_the_last_paragraph() -> None:
    text = copied_text(CITY)
    end = text.rindex("示例市自然资源和规划局")
    text = text[:end].rstrip() + "示例市自然资源和规划局 2024年1月9日\n"
    draft = imported(text).draft
    assert draft.meta[s.PUBLISHED] == "2024-01-09"
    assert not (draft.part6 or "").rstrip().endswith("日")


def test_no_date_is_a_note_not_an_error(tmp_path: Path) -> None:
    text = copied_text(CITY).replace("2024年1月26日", "")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert "DL021 提示：文档中没有找到“发布日期”" in done.stdout


@pytest.mark.parametrize(
    ("agency", "kind", "guessed"),
    [
        ("示例经济开发区管委会", s.KIND_ZONE, False),
        ("示例经济开发区", s.KIND_ZONE, True),
        ("示例县城关镇人民政府", s.KIND_TOWNSHIP, False),
        ("示例县人民政府", s.KIND_GOVERNMENT, False),
        ("示例县人民政府办公室", s.KIND_DEPARTMENT, False),
    ],
)
def test_the_kind_of_body_and_how_sure(agency: str, kind: str, guessed: bool) -> None:
    draft = imported(copied_text(CITY).replace("示例市自然资源和规划局", agency)).draft
    assert (draft.meta[s.KIND], s.KIND in draft.guessed) == (kind, guessed)


def test_a_guessed_kind_is_a_note_never_an_error(tmp_path: Path) -> None:
    text = copied_text(CITY).replace("示例市自然资源和规划局", "示例经济开发区")
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert "DL022 提示：“报告类型”按机关名称推断为“管委会”" in done.stdout


# ---------------------------------------------------------------- Markdown


OCR_MARKDOWN = """# 示例县人民政府 2024 年 政府信息公开工作年度报告

示例县人民政府
(2025年1月20日)

本报告依照《条例》编制，统计期间为2024年全年。

## 一、总体情况

### （一）主动公开
全年在门户网站公开信息1204条。

## 二、主动公开政府信息情况

### 第二十条第（一）项
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
|---|---|---|---|
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 4 | 2 | 19 |

### 第二十条第（五）项
| 信息内容 | 本年处理决定数量 |
|---|---|
| 行政许可 | 23810 |

### 第二十条第（六）项
| 信息内容 | 本年处理决定数量 |
|---|---|
| 行政处罚 | 3021 |
| 行政强制 | 77 |

### 第二十条第（八）项
| 信息内容 | 本年收费金额（单位：万元） |
|---|---|
| 行政事业性收费 | 215.6 |

## 三、收到和处理政府信息公开申请情况

### 申请人情况 (自然人)
| (数据项目) | 数量 |
|---|---|
| - | - |

### 一、本年新收政府信息公开申请数量
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 本年新收政府信息公开申请数量 | 41 | 2 | 0 | 0 | 1 | 0 | 44 |

### 二、上年结转政府信息公开申请数量
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |

### (一) 予以公开
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 予以公开 | 20 | 1 | 0 | 0 | 1 | 0 | 22 |

### (六) 其他
| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |
|---|---|---|---|---|---|---|---|
| 1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |

| 项目 | 本年新收件数 | 上年结转件数 | 予以公开 | 部分公开 | 不予公开 | 结转下年度 | 总计 |
|---|---|---|---|---|---|---|---|
| 3. 其他 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |
| （七）总计 | 40 | 2 | 0 | 0 | 1 | 0 | 43 |

## 四、政府信息公开行政复议、行政诉讼情况

### 行政复议
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|----------|----------|----------|----------|------|
| 3 | 1 | 0 | 1 | 5 |

### 行政诉讼（复议后起诉）
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
|----------|----------|----------|----------|------|
| 1 | 0 | 0 | 0 | 1 |

## 五、存在的主要问题及改进情况

解读形式还不够丰富，下一年将增加图解。

六、其他需要报告的事项

本年度未收取信息处理费。
"""


def test_ocr_markdown_with_garbled_headers() -> None:
    draft = import_bytes(OCR_MARKDOWN.encode(), "markdown", "r.md").draft
    assert (draft.meta[s.AGENCY], draft.meta[s.YEAR], draft.meta[s.PUBLISHED]) == (
        "示例县人民政府", 2024, "2025-01-20",
    )  # fmt: skip
    assert [v.text for v in draft.part2["行政规范性文件"]] == ["4", "2", "19"]
    assert [v.text for v in draft.part3[(s.PART3, s.NEW)]] == ["41", "2", "0", "0", "1", "0", "44"]
    assert [v.text for v in draft.part3[(s.PART3, s.RESULTS, s.OTHER_HANDLING, "其他")]] == [
        "5", "0", "0", "0", "0", "0", "5",
    ]  # fmt: skip
    assert [v.text for v in draft.part3[(s.PART3, s.RESULTS, s.TOTAL)]][-1] == "43"
    assert [v.text for v in draft.part4[s.SUIT_AFTER_REVIEW]] == ["1", "0", "0", "0", "1"]
    assert "本报告依照《条例》编制" in draft.part1["主动公开"]  # type: ignore[index]
    assert [n.text for n in draft.notes if n.text] == []  # headers, garbled or not, are no data


def test_markdown_in_a_txt_file_is_read_as_markdown() -> None:
    draft = import_bytes(OCR_MARKDOWN.encode(), "text", "r.txt").draft
    assert [v.text for v in draft.part4[s.REVIEW]] == ["3", "1", "0", "1", "5"]


@pytest.mark.parametrize("suffix", [".md", ".html"])
@pytest.mark.parametrize(
    "example", ["examples/xiqu-sifaju-2023.yaml", "tests/fixtures/formats/zone-2019.yaml"]
)
def test_rendered_examples_import_back_to_the_same_numbers(tmp_path: Path, suffix: str, example: str) -> None:
    example = ROOT / example
    out = tmp_path / f"report{suffix}"
    done = run("render", example, "-o", out, "--force")
    assert done.returncode == 0, done.stderr
    from disclosure_lint.loader import load_file

    original = load_file(example).report
    back = load_document(out).report
    assert original is not None and back is not None
    for part in (s.PART2, s.PART3, s.PART4):
        assert back.data[part] == original.data[part], part
    assert back.data[s.VERSION] == original.data[s.VERSION]
    assert back.unreadable == frozenset()


# ---------------------------------------------------------------- what the document does not state


def _undated(tmp_path: Path) -> Path:
    target = tmp_path / "r.txt"
    target.write_text(copied_text(CITY).replace("2024年1月26日", ""), encoding="utf-8")
    return target


def test_lint_options_supply_what_the_document_does_not_state(tmp_path: Path) -> None:
    _undated(tmp_path)
    done = run("r.txt", "--date", "2024-01-26", "--kind", "部门", "--year", "2023", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert done.stdout == "未发现问题，共检查 1 个文件。\n"


def test_config_keys_supply_what_the_document_does_not_state(tmp_path: Path) -> None:
    _undated(tmp_path)
    (tmp_path / ".disclosure-lint.yaml").write_text(
        "date: 2024-01-26\nagency: 示例市自然资源和规划局\n", encoding="utf-8"
    )
    done = run("r.txt", cwd=tmp_path)
    assert done.stdout == "未发现问题，共检查 1 个文件。\n", done.stdout


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--date", "2024-13-01", "--date: expected a date written as 2024-01-22"),
        ("--kind", "县直", "--kind: expected one of 部门, 本级政府, 乡镇, 管委会"),
        ("--year", "1850", "--year: expected a year such as 2024"),
    ],
)
def test_a_wrong_fact_is_a_usage_error(tmp_path: Path, option: str, value: str, message: str) -> None:
    _undated(tmp_path)
    done = run("r.txt", option, value, cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr, done.stderr


def test_previous_reads_a_published_document_and_refuses_what_is_no_report(tmp_path: Path) -> None:
    (tmp_path / "last.txt").write_text(copied_text(CITY), encoding="utf-8")
    (tmp_path / "this.txt").write_text(copied_text(CITY), encoding="utf-8")
    done = run("this.txt", "--previous", "last.txt", cwd=tmp_path)
    assert done.returncode in (0, 1) and "error" not in done.stderr, done.stderr
    assert "DL724" in done.stdout  # last year's report is of the same year: the comparison says so
    (tmp_path / "prose.txt").write_text("今天天气很好。\n", encoding="utf-8")
    done = run("this.txt", "--previous", "prose.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert "--previous prose.txt: not an annual report" in done.stderr


def test_the_solver_reads_what_the_relations_decide() -> None:
    """With the run-together digits solver in the build, a run the relations decide is read back."""
    pytest.importorskip(
        "disclosure_lint.importer.runs_tables", reason="the run-together digits solver is not in this build"
    )
    text = crawled(copied_text(CITY))
    draft = imported(text).draft
    assert [v.text for v in draft.part3[(s.PART3, s.NEW)]] == ["52", "8", "1", "0", "3", "2", "66"]
    assert (s.PART3, s.NEW, 0) not in {path for lost in draft.lost for path in lost.paths}
    assert any(f.code == "DL025" for f in draft.findings)
    assert "# 原文中连在一起的数字：" in imported(text).yaml


def _cells(draft) -> dict:
    out = {("二", k): [x.text for x in v] for k, v in draft.part2.items()}
    out |= {k: [x.text for x in v] for k, v in draft.part3.items()}
    return out | {("四", k): [x.text for x in v] for k, v in draft.part4.items()}


def _one_cell_a_line(text: str) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        lines += [cell for cell in line.split("\t") if cell.strip()] if "\t" in line else [line]
    return "\n".join(lines)


def _pipes(text: str) -> str:
    return "\n".join(
        f"| {' | '.join(line.split(chr(9)))} |" if "\t" in line else line for line in text.split("\n")
    )


def _trailing_pipes(text: str) -> str:
    """Each row's cells with a pipe after every cell but none before the first, as a page's
    text conversion writes an HTML table: `规章 | 0 | 0 | 0 |`. A cell merged down from the row
    above is not repeated and a merged cell's covered columns are not written, so no line starts
    or ends with an empty cell."""
    lines: list[str] = []
    for line in text.split("\n"):
        cells = [cell.strip() for cell in line.split("\t")]
        while len(cells) > 1 and not cells[0]:
            cells.pop(0)
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        lines.append(f"{' | '.join(cells)} |" if "\t" in line else line)
    return "\n".join(lines)


def _bare_pipe_between_cells(text: str) -> str:
    """Each cell on its own line and a line holding only `|` after it, as some crawlers write a
    table whose cell borders became lines of their own."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            lines.append(line)
            continue
        for cell in line.split("\t"):
            lines += [cell.strip(), "|"]
    return "\n".join(lines)


def _crawled_cells(text: str, covered: str = "||") -> str:
    """Each cell on its own line with a pipe after it, a blank cell a bare pipe, and the columns
    a merged cell covers as a line of pipes after the row: as some portals' crawlers save tables."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            lines.append(line)
            continue
        lines += [f"{cell.strip()} |".lstrip() for cell in line.split("\t")]
        if covered:
            lines.append(covered)
    return "\n".join(lines)


def _markdown_cells_on_new_lines(text: str) -> str:
    """A Markdown row whose every cell starts on a new line ("| ", then " 规章  | ", " 0  | " …),
    as some converters write a table whose cells held a line break."""
    lines: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            lines.append(line)
            continue
        lines.append("| ")
        lines += [f" {cell.strip()}  | " for cell in line.split("\t")]
    return "\n".join(lines)


@pytest.mark.parametrize(
    "layout",
    [
        _one_cell_a_line,
        _crawled_cells,
        _markdown_cells_on_new_lines,
        lambda text: _crawled_cells(text, covered=""),
        _pipes,
        _trailing_pipes,
        _bare_pipe_between_cells,
        lambda text: text.replace("\t", " "),
        lambda text: text.replace("\t", "\u3000"),
    ],
    ids=[
        "one cell a line",
        "a pipe after each cell",
        "each cell of a Markdown row on a new line",
        "a pipe after each cell, no covered columns",
        "pipes without a separator line",
        "a pipe after each cell of a row, none before",
        "a line of a bare pipe after each cell",
        "spaces",
        "full-width spaces",
    ],
)
def test_tables_copied_in_other_layouts_read_the_same(layout) -> None:
    text = copied_text(CITY)
    expected = _cells(imported(text).draft)
    draft = imported(layout(text)).draft
    assert _cells(draft) == expected
    assert draft.lost == [] and [n.text for n in draft.notes if n.text] == []


def test_rows_with_their_figures_run_on_are_read_or_left_unread() -> None:
    text = copied_text(CITY)
    expected = _cells(imported(text).draft)
    draft = imported("\n".join(line.replace("\t", "") for line in text.split("\n"))).draft
    lost = {path[:-1] for item in draft.lost for path in item.paths}
    got = _cells(draft)
    assert [n.text for n in draft.notes if n.text] == []
    for key, cells in expected.items():
        path = (s.PART2, key[1]) if key[0] == "二" else (s.PART4, key[1]) if key[0] == "四" else key
        assert path in lost or got[key] == cells, key
    assert (s.PART3, s.CARRIED_IN) not in lost  # "3100004": the digits allow one cut only


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_however_lines_are_joined_a_figure_is_read_right_or_not_at_all(data: st.DataObject) -> None:
    """A crawler may drop any line break and any tab: no cell then comes out as another number."""
    text = copied_text(CITY)
    expected = _cells(imported(text).draft)
    lines = text.split("\n")
    joins = data.draw(st.lists(st.booleans(), min_size=len(lines) - 1, max_size=len(lines) - 1))
    drop_tabs = data.draw(st.booleans())
    out = lines[0]
    for line, join in zip(lines[1:], joins, strict=True):
        out += ("" if join else "\n") + line
    if drop_tabs:
        out = out.replace("\t", "")
    draft = imported(out).draft
    lost = {path[:-1] for item in draft.lost for path in item.paths}
    for key, cells in _cells(draft).items():
        path = (s.PART2, key[1]) if key[0] == "二" else (s.PART4, key[1]) if key[0] == "四" else key
        if path not in lost and key in expected:
            assert cells == expected[key], (key, cells)


def test_import_lists_the_cells_it_could_not_read_at_the_top_of_the_yaml() -> None:
    text = crawled(copied_text(CITY))
    yaml = imported(text).yaml
    col = text.split("\n")[4].index("528103266") + 1
    docs = text.split("\n")[4].index("3112") + 1
    assert f"#   5:{docs} “行政规范性文件”的3格数字在原文中连成一串（“3112”），无法确定怎样分格" in yaml
    assert "  行政规范性文件: {本年制发件数: ~, 本年废止件数: ~, 现行有效件数: ~}" in yaml
    assert f"#   5:{col} “一、本年新收政府信息公开申请数量”的7格数字在原文中连成一串" in yaml
    assert "  本年新收政府信息公开申请数量:       [52, 8, 1, 0, 3, 2, 66]" in yaml


def test_web_furniture_in_copied_text_is_no_report_content() -> None:
    furniture = (
        "首页 > 政务公开 > 政府信息公开年报\n"
        ".TRS_Editor P{margin-top:0;font-size:12pt;}\n"
        "当前位置：首页 > 年报\n"
        "【字体：大 中 小】 打印本页 关闭窗口\n"
    )
    text = furniture + copied_text(CITY) + "打印本页 关闭窗口\n第 3 页 共 5 页\n"
    draft = imported(text).draft
    assert [n.text for n in draft.notes if n.text] == []
    assert draft.meta[s.AGENCY] == "示例市自然资源和规划局"
    assert "打印" not in (draft.part6 or "") and "关闭" not in (draft.part6 or "")


def test_an_ocr_slip_in_a_cell_is_the_importers_finding_not_the_publishers(tmp_path: Path) -> None:
    text = OCR_MARKDOWN.replace(
        "| 本年新收政府信息公开申请数量 | 41 |", "| 本年新收政府信息公开申请数量 | 4l |"
    )
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    done = run("r.md", cwd=tmp_path)
    line = next(i for i, x in enumerate(text.split("\n"), 1) if "| 4l |" in x)
    col = text.split("\n")[line - 1].index("4l") + 1
    assert (
        f"r.md:{line}:{col}: DL020 警告：没能从原文读出“一、本年新收政府信息公开申请数量·自然人”"
        in done.stdout
    )
    assert " DL401 " not in done.stdout and " DL2" not in done.stdout, done.stdout


CELL_A_LINE_PAGE = """某区统计局2023年政府信息公开工作年度报告
一、总体情况
本年度我局在门户网站主动公开信息48条，未收到政府信息公开申请。
二、主动公开政府信息情况
第二十条第(一)项 |
|||
信息内容 |
本年制发件数 |
本年废止件数 |
现行有效件数 |
规章 |
/ |
/ |
/ |
行政规范性文件 |
1 |
0 |
2 |
第二十条第(五)项 |
|||
信息内容 |
本年处理决定数量 |
||
行政许可 |
0 |
||
三、收到和处理政府信息公开申请情况
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |
申请人情况 |
||||||||
自然人 |
法人或其他组织 |
总计 |
|||||||
一、本年新收政府信息公开申请数量 |
|
|
|
|
|
|
0 |
||
二、上年结转政府信息公开申请数量 |
0 |
0 |
0 |
0 |
0 |
0 |
0 |
||
"""


def test_a_table_crawled_one_cell_a_line_with_pipes_is_put_back_in_rows() -> None:
    done = imported(CELL_A_LINE_PAGE)
    assert "  规章: {本年制发件数: /, 本年废止件数: /, 现行有效件数: /}" in done.yaml
    assert "  行政规范性文件: {本年制发件数: 1, 本年废止件数: 0, 现行有效件数: 2}" in done.yaml
    assert "  行政许可: {本年处理决定数量: 0}" in done.yaml
    assert "  本年新收政府信息公开申请数量:       [~, ~, ~, ~, ~, ~, 0]" in done.yaml
    assert "  上年结转政府信息公开申请数量:       [0, 0, 0, 0, 0, 0, 0]" in done.yaml
    assert [n.text for n in done.draft.notes if n.text] == []
    cell = done.draft.part3[(s.PART3, s.NEW)][6]
    assert (cell.text, cell.pos.line, cell.pos.col) == ("0", 42, 1)  # the line "0 |" after six blanks


def test_a_short_run_of_lines_ending_in_a_pipe_is_no_crawled_table() -> None:
    text = "一、总体情况\n本年度工作 |\n平台建设 |\n二、主动公开政府信息情况\n"
    from disclosure_lint.importer.cell_lines import runs

    assert runs(text.split("\n")) == []


def _one_cell_a_paragraph(cells: list[str]) -> str:
    return "\n\n".join(cells)


TABLE_2_OF_2019 = [
    "第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
    "规章", "0", "0", "0", "规范性文件", "2", "2", "9",
    "第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量",
    "行政许可", "14", "-2", "36", "其他对外管理服务事项", "3", "0", "5",
    "第二十条第(八)项", "信息内容", "上一年项目数量", "本年增/减", "行政事业性收费", "1", "0",
]  # fmt: skip


def _page_2019(table: str) -> str:
    return (
        "某镇人民政府2020年政府信息公开工作年度报告\n\n一、总体情况\n\n本镇全年在区政府网站公开信息31条。\n\n"
        f"二、主动公开政府信息情况\n\n{table}\n\n三、收到和处理政府信息公开申请情况\n"
    )


@pytest.mark.parametrize(
    "table",
    [
        _one_cell_a_paragraph(TABLE_2_OF_2019),
        "\n".join(f"{cell} |" for cell in TABLE_2_OF_2019),
    ],
    ids=["one cell a paragraph", "a pipe after each cell"],
)
def test_a_2019_table_one_cell_a_line_keeps_its_rows_and_its_columns(table: str) -> None:
    yaml = imported(_page_2019(table)).yaml
    assert "  规章: {本年新制作数量: 0, 本年新公开数量: 0, 对外公开总数量: 0}" in yaml
    assert "  规范性文件: {本年新制作数量: 2, 本年新公开数量: 2, 对外公开总数量: 9}" in yaml
    assert "  行政许可: {上一年项目数量: 14, 本年增/减: -2, 处理决定数量: 36}" in yaml
    assert "  其他对外管理服务事项: {上一年项目数量: 3, 本年增/减: 0, 处理决定数量: 5}" in yaml
    assert "  行政事业性收费: {上一年项目数量: 1, 本年增/减: 0}" in yaml


def test_a_row_read_before_its_table_showed_the_2019_format_takes_that_formats_columns() -> None:
    cells = [c for c in TABLE_2_OF_2019 if c not in ("本年新制作数量", "本年新公开数量")]
    cells.insert(cells.index("对外公开总数量"), "本年新")  # a crawler kept half of each wrapped heading
    yaml = imported(_page_2019("\n".join(f"{cell} |" for cell in cells))).yaml
    assert "  规章: {本年新制作数量: 0, 本年新公开数量: 0, 对外公开总数量: 0}" in yaml


def test_a_2019_table_with_no_figures_in_a_later_year_is_still_the_old_template(tmp_path: Path) -> None:
    cells = [c for c in TABLE_2_OF_2019 if not re.fullmatch(r"-?\d+", c)]  # labels printed, cells left empty
    page = _page_2019(_one_cell_a_paragraph(cells)).replace("2020年", "2022年")
    (tmp_path / "r.txt").write_text(page, encoding="utf-8")
    done = run("r.txt", cwd=tmp_path)
    line = page.split("\n").index("规章") + 1
    assert f"r.txt:{line}:1: DL106 这份报告套用了2019年的旧表格" in done.stdout
    # labels and no figure at all: one finding for the table, at its first row (the figures were lost)
    assert f"r.txt:{line}:1: DL020 警告：没能从原文读出“主动公开政府信息情况（14 格）”" in done.stdout


def test_a_text_over_several_lines_keeps_each_characters_place(tmp_path: Path) -> None:
    text = copied_text(CITY)
    sentence = "2024年，我局将建立信息报送提醒机制，并增加图解、视频等解读形式"
    assert sentence in text
    page = text.replace(sentence, sentence[:20] + "\n" + sentence[20:], 1)  # cut as a page break cuts it
    (tmp_path / "r.txt").write_text(page, encoding="utf-8")
    report = load_document(tmp_path / "r.txt").report
    assert report is not None
    lines = page.split("\n")
    line = next(i for i, x in enumerate(lines, 1) if x.startswith(sentence[20:]))
    word = report.text((s.PART5,)).index("视频")
    where = report.text_pos((s.PART5,), word)
    assert (where.line, where.col) == (line, lines[line - 1].index("视频") + 1)


# ---------------------------------------------------------------- pages that lost their title


SIGNED = AGENCY


def _untitled(preface: str) -> str:
    """The CITY report as a crawler keeps a page whose title sat in a banner it dropped (the
    落款 still names the agency: SIGNED)."""
    text = copied_text(CITY)
    body = text[text.index("一、总体情况") :]
    return f"{preface}\n\n{body}" if preface else body


@pytest.mark.parametrize(
    ("preface", "agency", "year"),
    [
        (
            "依照《条例》的规定，特编制示例县水利局2023年政府信息公开工作年度报告。数据统计期限自2023年1月1日起至2023年12月31日止。",
            "示例县水利局",
            2023,
        ),
        ("现公布区文化和旅游局2022年度政府信息公开工作年度报告。", "区文化和旅游局", 2022),
        ("本报告所列数据的统计期限为2021年1月1日至12月31日。", SIGNED, 2021),
        # a notice cited by its name is not this report
        ("按照《关于做好2020年度政府信息公开工作年度报告的通知》要求编制本报告。", SIGNED, None),
        # the report's name and its period disagree: nothing is decided
        ("特编制我局2023年政府信息公开工作年度报告，统计期限自2022年1月1日至2022年12月31日。", SIGNED, None),
    ],
    ids=["named and period", "named only", "period only", "a cited notice", "years disagree"],
)
def test_a_page_without_its_title_takes_agency_and_year_from_the_preface(
    preface: str, agency: str | None, year: int | None
) -> None:
    draft = imported(_untitled(preface)).draft
    assert (draft.meta.get(s.AGENCY), draft.meta.get(s.YEAR)) == (agency, year)
    assert (s.YEAR in draft.unstated) == (year is None)


def test_the_year_stated_in_the_overview_when_there_is_no_preface() -> None:
    text = _untitled("").replace(
        "一、总体情况\n", "一、总体情况\n\n本报告中所列数据统计期限为2023年1月1日至2023年12月31日。\n", 1
    )
    draft = imported(text).draft
    assert draft.meta[s.YEAR] == 2023
    assert draft.values[(s.YEAR,)] == Pos(3, 14)  # where the period's year is written


def test_a_date_among_other_keys_of_a_portals_header_line() -> None:
    text = copied_text(CITY).replace("2024年1月26日", "")
    line = "信息来源:示例市自然资源和规划局 作者:佚名 发布时间:2024-01-26 16:32 【 字体:"
    draft = imported(f"{line}\n{text}").draft
    assert draft.meta[s.PUBLISHED] == "2024-01-26"
    assert draft.values[(s.PUBLISHED,)] == Pos(1, 1)


def test_a_heading_split_over_two_crawled_cells_is_a_header_not_a_row() -> None:
    from disclosure_lint.importer.labels import is_header

    assert is_header(
        ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况", "自然人"]
    )
    assert is_header(["商业", "企业", "科研", "机构", "社会公益组织", "法律服务机构", "其他"])
    assert not is_header(["商业", "企业", "3"])
    assert not is_header(["商业", "规章"])
