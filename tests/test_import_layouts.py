"""Import of the layouts real publishers produce, built here from the figures of the city-bureau fixture.

Each layout is written the way a web page, a Word file or a copy-and-paste gives it —
merged header cells, a header row repeated mid-table, rows split across lines, cells
run together with spaces, Word tables — and must import with every table number in
place and every paragraph kept. The texts are the fixture's own (our words).
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from conftest import CITY_BUREAU, lint, triples

from disclosure_lint import statute as s
from disclosure_lint.importer import import_bytes
from disclosure_lint.loader import load_file, load_text

CITY: dict[str, Any] = load_file(CITY_BUREAU).report.data  # type: ignore[union-attr]
AGENCY = CITY[s.AGENCY]
TABLES = (s.PART2, s.PART3, s.PART4)


def number(value: Any) -> str:
    return str(value)


def texts_of(data: dict[str, Any]) -> list[str]:
    out = [*data[s.PART1].values()] if isinstance(data[s.PART1], dict) else [data[s.PART1]]
    return [*out, data[s.PART5], data[s.PART6]]


def flat(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------- the statutory rows


def part3_rows(data: dict[str, Any]) -> list[tuple[str, str, str, list[str]]]:
    """Table 三 as printed: (first, second, third label cell, numbers); "" where a merged cell continues."""
    table = data[s.PART3]
    results = table[s.RESULTS]
    rows: list[tuple[str, str, str, list[str]]] = [
        (f"一、{s.NEW}", "", "", [number(v) for v in table[s.NEW]]),
        (f"二、{s.CARRIED_IN}", "", "", [number(v) for v in table[s.CARRIED_IN]]),
    ]
    first = "三、本年度办理结果"
    for index, (group, items) in enumerate(s.RESULT_GROUPS):
        head = f"（{'一二三四五六'[index]}）{group}"
        if items is None:
            label = head + ("（区分处理的，只计这一情形，不计其他情形）" if group == s.PARTLY else "")
            rows.append((first, label, "", [number(v) for v in results[group]]))
            first = ""
            continue
        for n, item in enumerate(items, start=1):
            rows.append(
                (first, head if n == 1 else "", f"{n}.{item}", [number(v) for v in results[group][item]])
            )
            first = ""
    rows.append(("", "（七）总计", "", [number(v) for v in results[s.TOTAL]]))
    rows.append((f"四、{s.CARRIED_OUT}", "", "", [number(v) for v in table[s.CARRIED_OUT]]))
    return rows


def part4_numbers(data: dict[str, Any]) -> list[str]:
    return [number(v) for block in s.PART4_BLOCKS for v in data[s.PART4][block]]


def part2_lines(data: dict[str, Any], sep: str = "\t") -> list[str]:
    table = data[s.PART2]

    def three(label: str) -> str:
        return sep.join([label, *(number(table[label][c]) for c in s.DOCS_COLUMNS)])

    return [
        f"第二十条第（一）项{sep}{sep}{sep}",
        sep.join(["信息内容", *s.DOCS_COLUMNS]),
        three(s.REGULATIONS),
        three(s.NORMATIVE_DOCS),
        f"第二十条第（五）项{sep}{sep}{sep}",
        f"信息内容{sep}本年处理决定数量{sep}{sep}",
        f"{s.LICENSING}{sep}{number(table[s.LICENSING][s.DECISIONS])}{sep}{sep}",
        f"第二十条第（六）项{sep}{sep}{sep}",
        f"信息内容{sep}本年处理决定数量{sep}{sep}",
        f"{s.PENALTY}{sep}{number(table[s.PENALTY][s.DECISIONS])}{sep}{sep}",
        f"{s.COERCION}{sep}{number(table[s.COERCION][s.DECISIONS])}{sep}{sep}",
        f"第二十条第（八）项{sep}{sep}{sep}",
        f"信息内容{sep}本年收费金额（单位：万元）{sep}{sep}",
        f"{s.FEES}{sep}{number(table[s.FEES][s.FEE_AMOUNT])}{sep}{sep}",
    ]


PART3_HEADER = [
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t",
    "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
    "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t",
]
PART4_HEADER = [
    "行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t",
    "结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
    "\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计",
]


def text_paragraphs(data: dict[str, Any]) -> dict[str, list[str]]:
    """Each part's text as the paragraphs a page shows: the YAML's lines."""
    out = {}
    part1 = data[s.PART1]
    for index, aspect in enumerate(s.ASPECTS):
        out[aspect] = [f"（{'一二三四五'[index]}）{aspect}方面", *part1[aspect].splitlines()]
    out[s.PART5] = data[s.PART5].splitlines()
    out[s.PART6] = data[s.PART6].splitlines()
    return out


def copied_text(
    data: dict[str, Any],
    *,
    repeat_header: bool = False,
    split_rows: bool = False,
    spaces: bool = False,
) -> str:
    """The report as text copied from a web page: blank lines between paragraphs, tables as tab rows."""
    paragraphs = text_paragraphs(data)
    lines = [AGENCY, "", "2023 年政府信息公开工作年度报告", "", "一、总体情况", ""]
    for aspect in s.ASPECTS:
        for paragraph in paragraphs[aspect]:
            lines += [paragraph, ""]
    lines += ["二、主动公开政府信息情况", ""]
    lines += part2_lines(data, " " if spaces else "\t")
    lines += ["", "三、收到和处理政府信息公开申请情况", ""]
    header = [" ".join(h.split()) for h in PART3_HEADER] if spaces else PART3_HEADER
    lines += header
    for index, (first, second, third, values) in enumerate(part3_rows(data)):
        if spaces:
            lines.append(" ".join(t for t in (first, second, third, *values) if t))
        elif split_rows and third.startswith("1.申请人"):
            lines.append(f"{first}\t{second}\t{third[:20]}")  # the label wraps onto the next line
            lines.append(f"\t\t{third[20:]}\t" + "\t".join(values))
        elif split_rows and first.startswith("一、"):
            lines.append(f"{first}\t\t\t" + "\t".join(values[:3]))  # the numbers wrap
            lines.append("\t".join(values[3:]))
        elif split_rows and second == "（七）总计":
            lines.append(f"{second}")  # the label alone, the numbers on the next line
            lines.append("\t\t\t" + "\t".join(values))
        else:
            lines.append(f"{first}\t{second}\t{third}\t" + "\t".join(values))
        if repeat_header and index == 12:  # a page break: the browser's copy repeats the header rows
            lines += ["", *header]
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", ""]
    numbers = part4_numbers(data)
    if spaces:
        lines += [" ".join(h.split()) for h in PART4_HEADER] + [" ".join(numbers)]
    elif split_rows:
        lines += [*PART4_HEADER, "\t".join(numbers[:10]), "\t".join(numbers[10:])]
    else:
        lines += [*PART4_HEADER, "\t".join(numbers)]
    lines += ["", "五、存在的主要问题及改进情况", ""]
    for paragraph in paragraphs[s.PART5]:
        lines += [paragraph, ""]
    lines += ["六、其他需要报告的事项", ""]
    for paragraph in paragraphs[s.PART6]:
        lines += [paragraph, ""]
    lines += [AGENCY, "2024年1月26日", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------- HTML with merged cells


def cell(text: str, rowspan: int = 1, colspan: int = 1, tag: str = "td") -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f'<{tag}{attrs}><p style="text-align:center"><span>{text}</span></p></{tag}>'


def html_tables(data: dict[str, Any], repeat_header: bool = False) -> dict[str, str]:
    t2 = data[s.PART2]
    part2 = ["<table border=1>"]
    for clause, labels, columns in (
        ("第二十条第（一）项", (s.REGULATIONS, s.NORMATIVE_DOCS), s.DOCS_COLUMNS),
        ("第二十条第（五）项", (s.LICENSING,), (s.DECISIONS,)),
        ("第二十条第（六）项", (s.PENALTY, s.COERCION), (s.DECISIONS,)),
        ("第二十条第（八）项", (s.FEES,), ("本年收费金额（单位：万元）",)),
    ):
        part2.append("<tr>" + cell(clause, colspan=4) + "</tr>")
        span = 1 if len(columns) == 3 else 3
        part2.append("<tr>" + cell("信息内容") + "".join(cell(c, colspan=span) for c in columns) + "</tr>")
        for label in labels:
            row = next(r for r in s.PART2_ROWS if r.label == label)
            values = "".join(cell(number(t2[label][c]), colspan=span) for c in row.columns)
            part2.append("<tr>" + cell(label) + values + "</tr>")
    part2.append("</table>")

    header = [
        "<tr>" + cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3, "th")
        + cell("申请人情况", colspan=7, tag="th") + "</tr>",
        "<tr>" + cell("自然人", 2, tag="th") + cell("法人或其他组织", colspan=5, tag="th")
        + cell("总计", 2, tag="th") + "</tr>",
        "<tr>" + "".join(cell(c, tag="th") for c in s.APPLICANT_COLUMNS[1:]) + "</tr>",
    ]  # fmt: skip
    part3 = ["<table border=1>", "<thead>", *header, "</thead>", "<tbody>"]
    rows = part3_rows(data)
    group_sizes = {
        f"（{'一二三四五六'[i]}）{g}": len(items) for i, (g, items) in enumerate(s.RESULT_GROUPS) if items
    }
    for index, (first, second, third, values) in enumerate(rows):
        cells = []
        if first.startswith("三、"):
            cells.append(cell(first, rowspan=22))
        elif first:
            cells.append(cell(first, colspan=3))
        if second in group_sizes:
            cells.append(cell(second, rowspan=group_sizes[second]))
        elif second:
            cells.append(cell(second, colspan=2))
        if third:
            cells.append(cell(third))
        cells += [cell(v) for v in values]
        part3.append("<tr>\n" + "\n".join(cells) + "\n</tr>")
        if repeat_header and index == 14:
            part3 += header  # the header printed again mid-table, as an export of a two-page table does
    part3 += ["</tbody>", "</table>"]

    part4 = [
        "<table border=1>",
        "<tr>" + cell("行政复议", colspan=5) + cell("行政诉讼", colspan=10) + "</tr>",
        "<tr>" + "".join(cell(c, 2) for c in ("结果<br>维持", "结果<br>纠正", "其他<br>结果", "尚未<br>审结", "总计"))
        + cell("未经复议直接起诉", colspan=5) + cell("复议后起诉", colspan=5) + "</tr>",
        "<tr>" + "".join(cell(c) for c in s.PART4_COLUMNS * 2) + "</tr>",
        "<tr>" + "".join(cell(v) for v in part4_numbers(data)) + "</tr>",
        "</table>",
    ]  # fmt: skip
    return {s.PART2: "\n".join(part2), s.PART3: "\n".join(part3), s.PART4: "\n".join(part4)}


def web_page(data: dict[str, Any], repeat_header: bool = False) -> str:
    """A government web page: navigation around the report, a 发布时间 line, paragraphs in <p>, merged tables."""
    paragraphs = text_paragraphs(data)
    tables = html_tables(data, repeat_header)
    body = [
        f"<h1 class='title'>{AGENCY}2023年政府信息公开工作年度报告</h1>",
        f"<div class='info'>发布时间：2024-01-26&nbsp;&nbsp;来源：{AGENCY}</div>",
        "<div class='TRS_Editor'>",
        "<p style='text-indent:2em'><strong>一、总体情况</strong></p>",
    ]
    for aspect in s.ASPECTS:
        body += [f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>" for p in paragraphs[aspect]]
    body += ["<p><strong>二、主动公开政府信息情况</strong></p>", tables[s.PART2]]
    body += ["<p><strong>三、收到和处理政府信息公开申请情况</strong></p>", tables[s.PART3]]
    body += ["<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>", tables[s.PART4]]
    body += ["<p><strong>五、存在的主要问题及改进情况</strong></p>"]
    body += [f"<p>{p}</p>" for p in paragraphs[s.PART5]]
    body += ["<p><strong>六、其他需要报告的事项</strong></p>"]
    body += [f"<p>{p}</p>" for p in paragraphs[s.PART6]]
    body += ["</div>"]
    return "\n".join(
        [
            "<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>",
            f"<title>{AGENCY}2023年政府信息公开工作年度报告</title>",
            "<script>var nav = '<p>not text</p>';</script><style>p { margin: 0 }</style></head><body>",
            "<div class='nav'><a href='/'>首页</a> &gt; <a href='/zwgk'>政务公开</a></div>",
            *body,
            "<div class='footer'>主办单位：示例市人民政府办公室</div>",
            "</body></html>",
        ]
    )


# ---------------------------------------------------------------- Word


def word_document(data: dict[str, Any], split_table: bool = False) -> bytes:
    """A .docx as clerks write it: paragraphs, and Word tables with merged cells."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(f"{AGENCY}2023年政府信息公开工作年度报告")
    paragraphs = text_paragraphs(data)
    document.add_paragraph("一、总体情况")
    for aspect in s.ASPECTS:
        for paragraph in paragraphs[aspect]:
            document.add_paragraph(paragraph)
    document.add_paragraph("二、主动公开政府信息情况")
    for line in part2_lines(data):
        cells = line.split("\t")
        table = document.add_table(rows=1, cols=4)
        row = table.rows[0].cells
        filled = [c for c in cells if c]
        if len(filled) == 1:
            row[0].merge(row[3]).text = filled[0]
        elif len(filled) == 2:
            row[0].text = filled[0]
            row[1].merge(row[3]).text = filled[1]
        else:
            for target, text in zip(row, cells, strict=True):
                target.text = text
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    rows = part3_rows(data)
    chunks = [rows[:12], rows[12:]] if split_table else [rows]
    for chunk in chunks:  # a table broken over two pages, its header rows repeated on the second
        table = document.add_table(rows=3 + len(chunk), cols=10)
        table.cell(0, 0).merge(
            table.cell(2, 2)
        ).text = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
        table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
        table.cell(1, 3).merge(table.cell(2, 3)).text = "自然人"
        table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
        table.cell(1, 9).merge(table.cell(2, 9)).text = "总计"
        for offset, name in enumerate(s.APPLICANT_COLUMNS[1:]):
            table.cell(2, 4 + offset).text = name
        for r, (first, second, third, values) in enumerate(chunk, start=3):
            for c, value in enumerate(values, start=3):
                table.cell(r, c).text = value
            if first and not second:
                table.cell(r, 0).merge(table.cell(r, 2)).text = first
            else:
                table.cell(r, 0).text = first
                if second and not third:
                    table.cell(r, 1).merge(table.cell(r, 2)).text = second
                else:
                    table.cell(r, 1).text = second
                    table.cell(r, 2).text = third
        for r in range(4, 3 + len(chunk)):  # merge the group labels down their items, as Word tables do
            for c in (0, 1):
                above, here = table.cell(r - 1, c), table.cell(r, c)
                if not here.text and above.text and c < 2 and table.cell(r, 2).text:
                    merged = above.merge(here)
                    merged.text = above.text.split("\n")[0]
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    for c, name in enumerate(s.PART4_COLUMNS):
        table.cell(1, c).merge(table.cell(2, c)).text = name
    table.cell(1, 5).merge(table.cell(1, 9)).text = s.SUIT_DIRECT
    table.cell(1, 10).merge(table.cell(1, 14)).text = s.SUIT_AFTER_REVIEW
    for c, name in enumerate(s.PART4_COLUMNS * 2, start=5):
        table.cell(2, c).text = name
    for c, value in enumerate(part4_numbers(data)):
        table.cell(3, c).text = value
    document.add_paragraph("五、存在的主要问题及改进情况")
    for paragraph in paragraphs[s.PART5]:
        document.add_paragraph(paragraph)
    document.add_paragraph("六、其他需要报告的事项")
    for paragraph in paragraphs[s.PART6]:
        document.add_paragraph(paragraph)
    document.add_paragraph(AGENCY)
    document.add_paragraph("二〇二四年一月二十六日")
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


# ---------------------------------------------------------------- the tests


def imported(raw: bytes | str, kind: str) -> tuple[dict[str, Any], str, list[Any]]:
    data = raw.encode("gb18030" if kind == "html" else "utf-8") if isinstance(raw, str) else raw
    result = import_bytes(data, kind, f"report.{kind}")
    loaded = load_text(result.yaml, "imported.yaml")
    assert loaded.report is not None, result.yaml
    return loaded.report.data, result.yaml, result.draft.notes


def assert_same_report(data: dict[str, Any], yaml: str) -> None:
    for table in TABLES:
        assert data[table] == CITY[table], table
    for expected, got in zip(texts_of(CITY), texts_of(data), strict=True):
        assert flat(got) == flat(expected)
    for key in (s.AGENCY, s.YEAR, s.KIND, s.PUBLISHED, s.VERSION):
        assert data[key] == CITY[key], key
    assert triples(lint(yaml)) == []


LAYOUTS = {
    "tabs, like the seed": lambda: (copied_text(CITY), "text"),
    "a header row repeated mid-table": lambda: (copied_text(CITY, repeat_header=True), "text"),
    "rows split across lines": lambda: (copied_text(CITY, split_rows=True), "text"),
    "cells run together with spaces": lambda: (copied_text(CITY, spaces=True), "text"),
    "a web page with merged header cells": lambda: (web_page(CITY), "html"),
    "a web page repeating its header rows": lambda: (web_page(CITY, repeat_header=True), "html"),
    "Word tables with merged cells": lambda: (word_document(CITY), "docx"),
    "a Word table broken over two pages": lambda: (word_document(CITY, split_table=True), "docx"),
}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_number_and_paragraph_in_place(layout: str) -> None:
    raw, kind = LAYOUTS[layout]()
    data, yaml, notes = imported(raw, kind)
    assert_same_report(data, yaml)
    if kind != "html":  # a web page has navigation and a footer around the report, listed as notes
        assert notes == []


def test_web_page_footer_is_listed_and_breadcrumb_dropped() -> None:
    data, yaml, notes = imported(web_page(CITY), "html")
    assert [(note.text, note.why) for note in notes] == [
        ("主办单位：示例市人民政府办公室", "网页的页脚，不属于报告"),
    ]
    assert "首页 > 政务公开" not in yaml
    assert "主办单位" not in data[s.PART6]
    assert "<p>not text</p>" not in yaml  # a script is not text


def test_copied_text_keeps_the_layout_of_the_yaml_examples() -> None:
    _, yaml, notes = imported(copied_text(CITY), "text")
    assert notes == []
    assert "  本年新收政府信息公开申请数量:       [52, 8, 1, 0, 3, 2, 66]" in yaml
    assert "  行政事业性收费: {本年收费金额: 12.35}" in yaml
    assert "  行政复议:         [2, 1, 0, 1, 4]" in yaml
    assert (
        "  #                                  [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]"
        in yaml
    )
    assert "  主动公开: |\n" in yaml


def test_a_cell_that_cannot_be_read_becomes_an_empty_cell() -> None:
    text = copied_text(CITY).replace("\t2\t1\t0\t0\t0\t0\t3\n", "\t2\t见附件\t0\t0\t0\t0\t3\n", 1)
    data, yaml, notes = imported(text, "text")
    assert data[s.PART3][s.RESULTS][s.WITHHELD]["保护第三方合法权益"] == [2, None, 0, 0, 0, 0, 3]
    row = "      保护第三方合法权益:             [2, ~, 0, 0, 0, 0, 3]"
    assert row in yaml
    assert [(n.text, n.why) for n in notes] == [
        ("见附件", "看不懂的格子，按空格处理（不是数字，也不是“/”“—”“无”之类的占位符）")
    ]
    line = yaml.splitlines().index(row) + 1
    assert ("DL401", line, row.index("~") + 1) in triples(lint(yaml))


def test_marks_and_odd_numbers_are_kept_as_written_for_the_linter() -> None:
    text = copied_text(CITY).replace("\t1\t0\t0\t0\t0\t0\t1\n", "\t1\t/\t—\t０\t0\t0\t1\n", 1)
    data, yaml, _ = imported(text, "text")
    assert data[s.PART3][s.RESULTS][s.WITHHELD]["属于国家秘密"] == [1, "/", "—", "０", 0, 0, 1]
    codes = [f.code for f in lint(yaml).findings]
    assert codes.count("DL401") == 2 and codes.count("DL403") == 1


def test_a_row_the_format_does_not_have_is_listed() -> None:
    text = copied_text(CITY).replace("（七）总计", "（三）小计\t\t1\t1\t1\t1\t1\t1\t6\n\t（七）总计", 1)
    _, yaml, notes = imported(text, "text")
    assert [n.text for n in notes] == ["（三）小计 1 1 1 1 1 1 6"]
    assert "#       （三）小计 1 1 1 1 1 1 6" in yaml
