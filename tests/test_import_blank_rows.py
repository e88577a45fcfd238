"""Web pages whose tables leave cells empty, as many published reports do: a whole row of empty
cells, a 总计 column filled only on some rows, a 2019-format page that prints 采购总金额 with 元.
The page below is written in our own words; its figures follow a real 2019 municipal report."""

from __future__ import annotations

import re
from pathlib import Path

from test_cli import run

from disclosure_lint import statute as s
from disclosure_lint.importer import import_bytes

# Table 三 as the page prints it: "" where the cell is empty.
_ROWS_2019: list[tuple[str, list[str]]] = [
    ("一、本年新收政府信息公开申请数量", ["821", "35", "", "", "2", "1", "859"]),
    ("二、上年结转政府信息公开申请数量", ["18", "", "", "", "", "", "18"]),
    ("（一）予以公开", ["258", "12", "", "", "1", "1", ""]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ["3", "", "", "", "", "", ""]),
    ("1.属于国家秘密", ["14", "", "", "", "", "", ""]),
    ("2.其他法律行政法规禁止公开", [""] * 7),
    ("3.危及“三安全一稳定”", [""] * 7),
    ("4.保护第三方合法权益", [""] * 7),
    ("5.属于三类内部事务信息", ["5", "", "", "", "", "", ""]),
    ("6.属于四类过程性信息", ["3", "1", "", "", "", "", ""]),
    ("7.属于行政执法案卷", [""] * 7),
    ("8.属于行政查询事项", ["10", "2", "", "", "", "", ""]),
    ("1.本机关不掌握相关政府信息", ["252", "12", "", "", "1", "", ""]),
    ("2.没有现成信息需要另行制作", ["44", "3", "", "", "", "", ""]),
    ("3.补正后申请内容仍不明确", ["25", "", "", "", "", "", ""]),
    ("1.信访举报投诉类申请", ["148", "1", "", "", "", "", ""]),
    ("2.重复申请", ["5", "4", "", "", "", "", ""]),
    ("3.要求提供公开出版物", [""] * 7),
    ("4.无正当理由大量反复申请", [""] * 7),
    ("5.要求行政机关确认或重新出具已获取信息", [""] * 7),
    ("（六）其他处理", [""] * 7),
    ("（七）总计", ["767", "35", "", "", "2", "1", "805"]),
    ("四、结转下年度继续办理", ["72", "", "", "", "", "", "72"]),
]
_GROUPS = {"1.属于国家秘密": "（三）不予公开", "1.本机关不掌握相关政府信息": "（四）无法提供",
           "1.信访举报投诉类申请": "（五）不予处理"}  # fmt: skip
_GROUP_ROWS = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5}


def _td(text: str, attrs: str = "") -> str:
    return f"<td{attrs}><p>{text if text else '&nbsp;'}</p></td>"


def _table3(rows: list[tuple[str, list[str]]]) -> list[str]:
    out = [
        "<table border=1><tbody>",
        "<tr>" + _td("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", ' colspan="3" rowspan="3"')
        + _td("申请人情况", ' colspan="7"') + "</tr>",
        "<tr>" + _td("自然人", ' rowspan="2"') + _td("法人或其他组织", ' colspan="5"') + _td("总计", ' rowspan="2"')
        + "</tr>",
        "<tr>" + "".join(_td(c) for c in s.APPLICANT_COLUMNS[1:]) + "</tr>",
    ]  # fmt: skip
    for label, cells in rows:
        lead = ""
        if label.startswith("（一）"):
            lead = _td("三、本年度办理结果", ' rowspan="20"')
        if label in _GROUPS:
            lead += _td(_GROUPS[label], f' rowspan="{_GROUP_ROWS[_GROUPS[label]]}"')
        span = ' colspan="3"' if label[0] in "一二四" else ' colspan="2"' if label[0] == "（" else ""
        out.append("<tr>" + lead + _td(label, span) + "".join(_td(c) for c in cells) + "</tr>")
    out.append("</tbody></table>")
    return out


def page_2019(rows: list[tuple[str, list[str]]] = _ROWS_2019) -> str:
    """A municipal office's 2019 report as a web page, one element a line."""
    part2 = [
        "<table border=1><tbody>",
        "<tr>" + _td("第二十条第（一）项", ' colspan="4"') + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("规章", "13", "13", "524")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("规范性文件", "60", "60", "368")) + "</tr>",
        "<tr>" + _td("第二十条第（五）项", ' colspan="4"') + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("行政许可", "0", "0", "0")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("其他对外管理服务事项", "0", "0", "0")) + "</tr>",
        "<tr>" + _td("第二十条第（六）项", ' colspan="4"') + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("信息内容", "上一年项目数量", "本年增/减", "处理决定数量")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("行政处罚", "0", "0", "0")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("行政强制", "0", "0", "0")) + "</tr>",
        "<tr>" + _td("第二十条第（八）项", ' colspan="4"') + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("信息内容", "上一年项目数量", "本年增/减")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("行政事业性收费", "0", "0")) + "</tr>",
        "<tr>" + _td("第二十条第（九）项", ' colspan="4"') + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("信息内容", "采购项目数量", "采购总金额")) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ("政府集中采购", "6", "251000元")) + "</tr>",
        "</tbody></table>",
    ]  # fmt: skip
    part4 = [
        "<table border=1><tbody>",
        "<tr>" + _td("行政复议", ' colspan="5"') + _td("行政诉讼", ' colspan="10"') + "</tr>",
        "<tr>" + "".join(_td(c, ' rowspan="2"') for c in s.PART4_COLUMNS)
        + _td("未经复议直接起诉", ' colspan="5"') + _td("复议后起诉", ' colspan="5"') + "</tr>",
        "<tr>" + "".join(_td(c) for c in s.PART4_COLUMNS * 2) + "</tr>",
        "<tr>" + "".join(_td(c) for c in ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]) + "</tr>",
        "</tbody></table>",
    ]  # fmt: skip
    lines = [
        "<html><head><meta charset='utf-8'><title>示例市人民政府办公厅2019年政府信息公开工作年度报告</title></head><body>",
        "<p>示例市人民政府办公厅2019年政府信息公开工作年度报告</p>",
        "<p>发布日期：2020-01-31</p>",
        "<p>本报告依照《中华人民共和国政府信息公开条例》编写，数据统计期限为2019年1月1日至12月31日。</p>",
        "<p>一、总体情况</p>",
        "<p>（一）主动公开方面</p>",
        "<p>全年通过门户网站和政府公报主动公开规章13件、行政规范性文件60件。</p>",
        "<p>（二）依申请公开方面</p>",
        "<p>全年受理政府信息公开申请859件，答复805件，另有72件顺延到下一年度答复。"
        "予以公开及部分公开258件；不予公开35件；不予处理158件。</p>",
        "<p>（三）政府信息管理方面</p>",
        "<p>公文在拟制时即明确公开属性。</p>",
        "<p>（四）平台建设方面</p>",
        "<p>门户网站改版上线。</p>",
        "<p>（五）监督保障方面</p>",
        "<p>年度考核结果向社会公开。</p>",
        "<p>二、主动公开政府信息情况</p>",
        *part2,
        "<p>三、收到和处理政府信息公开申请情况</p>",
        *_table3(rows),
        "<p>四、政府信息公开行政复议、行政诉讼情况</p>",
        *part4,
        "<p>五、政府信息公开工作存在的主要问题及改进情况</p>",
        "<p>政策解读的形式还不够多样，下一年度将增加图解和视频解读。</p>",
        "<p>六、其他需要报告的事项</p>",
        "<p>无。</p>",
        "</body></html>",
    ]
    return "\n".join(lines) + "\n"


def _imported(page: str):
    return import_bytes(page.encode("utf-8"), "html", "r.html").draft


def _at(page: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """The line and column of the nth occurrence of `needle` in the page."""
    at = [m.start() for m in re.finditer(re.escape(needle), page)][nth]
    line = page.count("\n", 0, at) + 1
    return line, at - (page.rfind("\n", 0, at) + 1) + 1


def test_a_row_of_empty_cells_in_a_web_table_is_read_as_blanks_not_as_unread() -> None:
    draft = _imported(page_2019())
    assert draft.lost == []
    row = (s.PART3, s.RESULTS, s.WITHHELD, "其他法律行政法规禁止公开")
    assert [v.kind for v in draft.part3[row]] == ["blank"] * 7
    # the 2019 format's single （六）其他处理 row, printed with no figure, is there and blank
    assert [v.kind for v in draft.part3[(s.PART3, s.RESULTS, s.OTHER_HANDLING)]] == ["blank"] * 7


def test_the_2019_procurement_total_in_yuan_is_read_as_its_figure() -> None:
    draft = _imported(page_2019())
    amount = draft.part2[s.tables.PROCUREMENT][1]
    assert (amount.text, amount.kind) == ("251000", "number")


def test_a_table_without_a_single_figure_is_unread_not_blamed_on_the_publisher(tmp_path: Path) -> None:
    rows = [(label, [""] * 7) for label, _ in _ROWS_2019]
    page = page_2019(rows)
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    done = run("r.html", "--format", "concise", cwd=tmp_path)
    line, col = _at(page, "一、本年新收政府信息公开申请数量")
    assert (
        f"r.html:{line}:{col}: DL020 警告：没能从原文读出“收到和处理政府信息公开申请情况（161 格）”"
        in done.stdout
    )
    assert not any(
        "收到和处理" in x or "本年度办理结果" in x for x in done.stdout.splitlines() if "DL401" in x
    )


def test_prose_against_a_row_whose_total_cell_is_empty_takes_the_row_sum(tmp_path: Path) -> None:
    page = page_2019()
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    done = run("r.html", "--format", "concise", cwd=tmp_path)
    prose = [x for x in done.stdout.splitlines() if " DL7" in x]
    line, col = _at(page, "258件")
    # 予以公开 (258+12+1+1, 总计 empty) and 部分公开 (3) are 275 in all: the text's 258 disagrees
    assert prose == [
        f"r.html:{line}:{col}: DL701 警告：正文说“予以公开及部分公开258件”，但表三“予以公开”与“部分公开”合计为 275"
    ], done.stdout
    # 不予公开 35 and 不予处理 158 agree with their rows' columns although their 总计 cells are empty
    codes = re.findall(r" (DL\d{3}) ", done.stdout)
    assert "DL020" not in codes and "DL101" not in codes and "DL402" not in codes, done.stdout


# ---------------------------------------------------------------- the same tables copied from a browser


def copied_2019(rows: list[tuple[str, list[str]]] = _ROWS_2019) -> str:
    """The page as a browser copies it: each table row one line, a tab before each cell (an empty
    cell keeps its tab), cells merged down from the rows above left out."""
    lines = ["示例市人民政府办公厅2019年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况"]
    for label, cells in rows:
        lines.append("\t".join([label, *cells]))
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议\t行政诉讼",
        "\t".join([*s.PART4_COLUMNS, "未经复议直接起诉", "复议后起诉"]),
        "\t".join(["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]),
    ]
    return "\n".join(lines) + "\n"


def test_copied_rows_keep_their_empty_cells_when_the_tabs_make_the_row() -> None:
    draft = imported(copied_2019())
    granted = draft.part3[(s.PART3, s.RESULTS, s.DISCLOSED)]
    assert [(v.text, v.kind) for v in granted] == [
        ("258", "number"), ("12", "number"), ("", "blank"), ("", "blank"), ("1", "number"), ("1", "number"),
        ("", "blank"),
    ]  # fmt: skip
    assert [v.kind for v in draft.part3[(s.PART3, s.RESULTS, s.OTHER_HANDLING)]] == ["blank"] * 7
    assert [v.text for v in draft.part4[s.SUIT_AFTER_REVIEW]] == [""] * 5
    assert [v.text for v in draft.part4[s.SUIT_DIRECT]] == ["8", "", "", "1", "9"]
    assert draft.lost == []


def test_a_copied_row_short_of_its_empty_cells_stays_unread() -> None:
    rows = [
        (label, cells[:-1]) if label == "（一）予以公开" else (label, cells) for label, cells in _ROWS_2019
    ]
    draft = imported(copied_2019(rows))  # one tab fewer: which cell is gone, the copy does not say
    assert [v.kind for v in draft.part3[(s.PART3, s.RESULTS, s.DISCLOSED)]] == ["lost"] * 7
    (lost,) = [item for item in draft.lost if (s.PART3, s.RESULTS, s.DISCLOSED, 0) in item.paths]
    assert lost.why == "这一行只找到 6 格，少了 1 格，无法确定少的是哪一格"


def imported(text: str):
    return import_bytes(text.encode("utf-8"), "text", "r.txt").draft


# ---------------------------------------------------------------- the same tables as a PDF's text


def pdf_text_2019() -> str:
    """The report as a PDF's text extraction gives it: a row's label and figures on one line with
    spaces between them, and nothing at all for an empty cell."""
    lines = [
        "示例市人民政府办公厅2019年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        "信息内容 本年新制作数量 本年新公开数量 对外公开总数量",
        "规章 13 13 524",
        "规范性文件 60 60 368",
        "三、收到和处理政府信息公开申请情况",
    ]
    lines += [" ".join([label, *(c for c in cells if c)]) for label, cells in _ROWS_2019]
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 行政诉讼",
        " ".join([*s.PART4_COLUMNS, "未经复议直接起诉", "复议后起诉"]),
        "5 2 7 8 1 9",
    ]
    return "\n".join(lines) + "\n"


def test_figures_that_cut_one_way_only_by_breaking_their_row_total_are_not_cut() -> None:
    # "258 12 1 1" cuts into seven cells one way only (2|5|8|1|2|1|1), and 2+5+8+1+2+1 is not 1:
    # the empty cells were dropped, the digits did not run together
    draft = imported(pdf_text_2019())
    path = (s.PART3, s.RESULTS, s.DISCLOSED)
    assert [v.kind for v in draft.part3[path]] == ["lost"] * 7
    (lost,) = [item for item in draft.lost if (*path, 0) in item.paths]
    assert (lost.text, lost.why) == ("258 12 1 1", "这一行只找到 4 格，少了 3 格，无法确定少的是哪一格")


def test_a_short_row_of_appeal_figures_is_not_dealt_out_to_the_first_blocks(tmp_path: Path) -> None:
    text = pdf_text_2019()
    draft = imported(text)
    for block in s.PART4_BLOCKS:
        assert [v.kind for v in draft.part4[block]] == ["lost"] * 5
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", "--format", "concise", cwd=tmp_path)
    line = text.split("\n").index("5 2 7 8 1 9") + 1
    assert (
        f"r.txt:{line}:1: DL020 警告：没能从原文读出“政府信息公开行政复议、行政诉讼情况（15 格）”："
        "复议诉讼表只找到 6 格，少了 9 格，无法确定少的是哪几格（原文：“5 2 7 8 1 9”）"
    ) in done.stdout
    assert " DL204 " not in done.stdout and " DL203 " not in done.stdout, done.stdout


def test_the_2019_single_other_handling_row_with_no_figure_is_unread_not_missing(tmp_path: Path) -> None:
    text = pdf_text_2019()
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", "--format", "concise", cwd=tmp_path)
    line = text.split("\n").index("（六）其他处理") + 1
    assert (
        f"r.txt:{line}:1: DL020 警告：没能从原文读出“（六）其他处理（7 格）”：这一行没有找到数字"
        in done.stdout
    )
    assert "缺少“其他处理”" not in done.stdout, (
        done.stdout
    )  # the page leaves out other parts: those are missing


# ---------------------------------------------------------------- a crawled page on one line


def test_a_row_label_right_after_a_figureless_one_is_not_read_as_its_note() -> None:
    # "（六）其他处理 （七）总计0000000": the ordinal of the next row is no printed note of the row before
    cells = " ".join(label if label == "（六）其他处理" else f"{label}0000000" for label, _ in _ROWS_2019)
    page = f"示例市人民政府办公厅2019年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况 {cells}\n"
    draft = imported(page)
    total = draft.part3[s.ROW_RESULTS_TOTAL.path]
    assert [(v.text, v.kind) for v in total] == [("0", "number")] * 7
    assert not [note for note in draft.notes if "没有行标题" in note.why]


def test_a_label_wrapped_onto_the_row_below_its_empty_first_line_takes_the_figures() -> None:
    # a table whose label wrapped into a row of its own: the first line with empty cells, the rest
    # of the label with the figures
    rows = []
    for label, cells in _ROWS_2019:
        if label == "5.要求行政机关确认或重新出具已获取信息":
            rows += [
                ("5.要求行政机关确认或重新出具", [""] * 7),
                ("已获取信息", ["2", "", "", "", "", "", "2"]),
            ]
        else:
            rows.append((label, cells))
    draft = _imported(page_2019(rows))
    row = (s.PART3, s.RESULTS, s.NOT_PROCESSED, "要求行政机关确认或重新出具已获取信息")
    assert [v.text for v in draft.part3[row]] == ["2", "", "", "", "", "", "2"]
    assert not [note for note in draft.notes if "重复" in note.why]


def test_a_2021_tables_empty_other_handling_heading_row_stays_a_heading() -> None:
    # （六）其他处理 printed as a row of its own with empty cells, its three items below it: in the
    # 2021 format that is their heading, not the 2019 format's single row
    from test_import_layouts import CITY, web_page

    page = web_page(CITY)
    group = '<td rowspan="3"><p style="text-align:center"><span>（六）其他处理</span></p></td>\n'
    assert group in page
    heading = '<td colspan="2"><p>（六）其他处理</p></td>' + "<td></td>" * 7 + "</tr>\n<tr>\n"
    draft = _imported(page.replace(group, heading))
    assert (s.PART3, s.RESULTS, s.OTHER_HANDLING) not in draft.part3
    items = [path for path in draft.part3 if path[2:3] == (s.OTHER_HANDLING,)]
    assert len(items) == 3 and draft.lost == []
