"""Build a report as OCR tools write it in Markdown: prose as Markdown, each table as one HTML block.

The layout follows what MinerU, PaddleOCR and marker put out for a scanned or printed 年度报告
(tables on one line, `<html><body>` around them, `<br>` in wrapped labels, a table cut in two at a
page break with the page number between, figures wrapped as LaTeX, a table cropped as an image).
The prose is our own; the figures are any the test gives (real reports' numbers, or hypothesis').
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

PART3_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
PART4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")

# Table 三's rows as printed: (group label or None, label, group size at its first row, the key the
# benchmark's truth files use).
PART3_ROWS: tuple[tuple[str | None, str, int, str], ...] = (
    (None, "一、本年新收政府信息公开申请数量", 0, "本年新收"),
    (None, "二、上年结转政府信息公开申请数量", 0, "上年结转"),
    ("三、本年度办理结果", "（一）予以公开", 22, "予以公开"),
    ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 0, "部分公开"),
    ("（三）不予公开", "1.属于国家秘密", 8, "属于国家秘密"),
    ("（三）不予公开", "2.其他法律行政法规禁止公开", 0, "其他法律行政法规禁止公开"),
    ("（三）不予公开", "3.危及“三安全一稳定”", 0, "危及“三安全一稳定”"),
    ("（三）不予公开", "4.保护第三方合法权益", 0, "保护第三方合法权益"),
    ("（三）不予公开", "5.属于三类内部事务信息", 0, "属于三类内部事务信息"),
    ("（三）不予公开", "6.属于四类过程性信息", 0, "属于四类过程性信息"),
    ("（三）不予公开", "7.属于行政执法案卷", 0, "属于行政执法案卷"),
    ("（三）不予公开", "8.属于行政查询事项", 0, "属于行政查询事项"),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", 3, "本机关不掌握相关政府信息"),
    ("（四）无法提供", "2.没有现成信息需要另行制作", 0, "没有现成信息需要另行制作"),
    ("（四）无法提供", "3.补正后申请内容仍不明确", 0, "补正后申请内容仍不明确"),
    ("（五）不予处理", "1.信访举报投诉类申请", 5, "信访举报投诉类申请"),
    ("（五）不予处理", "2.重复申请", 0, "重复申请"),
    ("（五）不予处理", "3.要求提供公开出版物", 0, "要求提供公开出版物"),
    ("（五）不予处理", "4.无正当理由大量反复申请", 0, "无正当理由大量反复申请"),
    ("（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", 0, "要求行政机关确认或重新出具已获取信息"),
    (
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        3,
        "逾期不补正",
    ),
    (
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        0,
        "逾期未缴费",
    ),
    ("（六）其他处理", "3.其他", 0, "其他处理_其他"),
    ("三、本年度办理结果", "（七）总计", 0, "总计"),
    (None, "四、结转下年度继续办理", 0, "结转下年度继续办理"),
)
PART4_BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")


@dataclass
class Figures:
    """A report's tables: table 二 (row → figures), table 三 (truth key → 7), table 四 (block → 5)."""

    table2: dict[str, list[str]]
    table3: dict[str, list[str]]
    table4: dict[str, list[str]]


@dataclass
class Layout:
    """How the OCR tool wrote the document."""

    wrap: bool = False  # <html><body> around each table (MinerU, PaddleOCR)
    th: bool = False  # header cells as <th> in a <thead>, data in <tbody> (marker, pandoc)
    breaks: bool = False  # long labels wrapped with <br> where the printed cell wrapped them
    bold: bool = False  # part headings as **一、总体情况** lines, not `#` headings
    split: int | None = None  # table 三 cut in two before this row (a page break)
    repeat: bool = False  # the second part repeats the header rows
    furniture: tuple[str, ...] = ()  # lines between the two parts: page number, running header
    unclosed: bool = False  # no </td> and no </tr> (an OCR model's terse markup)
    image4: str | None = None  # table 四 printed as this image instead of a table
    figure: Callable[[str], str] = field(default=lambda text: text)  # how a figure cell is written


def _cell(text: str, tag: str = "td", rowspan: int = 1, colspan: int = 1, close: bool = True) -> str:
    attrs = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<{tag}{attrs}>{text}" + (f"</{tag}>" if close else "")


def _row(cells: list[str], close: bool = True) -> str:
    return "<tr>" + "".join(cells) + ("</tr>" if close else "")


def _label(text: str, layout: Layout) -> str:
    """A long label wrapped as the printed cell wrapped it: every 12 characters."""
    if not layout.breaks or len(text) <= 12:
        return text
    return "<br>".join(text[i : i + 12] for i in range(0, len(text), 12))


def _table(head: list[str], body: list[str], layout: Layout) -> str:
    if layout.th:
        inner = "<thead>" + "".join(head) + "</thead><tbody>" + "".join(body) + "</tbody>"
    else:
        inner = "".join(head) + "".join(body)
    table = f"<table>{inner}</table>"
    return f"<html><body>{table}</body></html>" if layout.wrap else table


def table2(figures: Figures, layout: Layout) -> str:
    close = not layout.unclosed
    td = lambda text, **kw: _cell(text, close=close, **kw)  # noqa: E731
    fig = layout.figure
    rows = [
        _row([td("第二十条第（一）项", colspan=4)], close),
        _row([td("信息内容"), td("本年制发件数"), td("本年废止件数"), td("现行有效件数")], close),
    ]
    for label in ("规章", "行政规范性文件"):
        rows.append(_row([td(label), *(td(fig(v)) for v in figures.table2[label])], close))
    for item, labels, heading in (
        ("（五）", ("行政许可",), "本年处理决定数量"),
        ("（六）", ("行政处罚", "行政强制"), "本年处理决定数量"),
        ("（八）", ("行政事业性收费",), "本年收费金额（单位：万元）"),
    ):
        rows.append(_row([td(f"第二十条第{item}项", colspan=4)], close))
        rows.append(_row([td("信息内容"), td(heading, colspan=3)], close))
        for label in labels:
            rows.append(_row([td(label), td(fig(figures.table2[label][0]), colspan=3)], close))
    return _table([], rows, layout)


def _part3_head(layout: Layout) -> list[str]:
    tag = "th" if layout.th else "td"
    close = not layout.unclosed
    th = lambda text, **kw: _cell(text, tag, close=close, **kw)  # noqa: E731
    return [
        _row(
            [
                th(
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                    rowspan=3,
                    colspan=3,
                ),
                th("申请人情况", colspan=7),
            ],
            close,
        ),
        _row([th("自然人", rowspan=2), th("法人或其他组织", colspan=5), th("总计", rowspan=2)], close),
        _row([th(_label(name, layout)) for name in PART3_COLUMNS[1:6]], close),
    ]


def part3_rows(figures: Figures) -> tuple[tuple[str | None, str, int, str], ...]:
    """Table 三's printed rows: a report that prints the 2019 format's single （六）其他处理 row
    (its figures under the key 其他处理) has that row instead of the three."""
    if "其他处理" not in figures.table3:
        return PART3_ROWS
    rows = [row for row in PART3_ROWS if row[0] != "（六）其他处理"]
    at = next(i for i, row in enumerate(rows) if row[3] == "总计")
    rows.insert(at, ("三、本年度办理结果", "（六）其他处理", 0, "其他处理"))
    return tuple(rows)


def _part3_body(figures: Figures, layout: Layout, start: int, end: int) -> list[str]:
    """Rows start…end of table 三, the merged label cells cut where the part begins (as a page break
    cuts them: the second part's first rows carry their group's label again, merged over what is left)."""
    close = not layout.unclosed
    td = lambda text, **kw: _cell(text, close=close, **kw)  # noqa: E731
    rows: list[str] = []
    printed = part3_rows(figures)
    for index in range(start, end):
        group, label, _, key = printed[index]
        cells: list[str] = []
        if group is None:
            cells.append(td(_label(label, layout), colspan=3))
        else:
            if group == "三、本年度办理结果":
                if index == start or printed[index - 1][0] is None:
                    cells.append(td(_label(group, layout), rowspan=_left(printed, end, index, top=True)))
                cells.append(td(_label(label, layout), colspan=2))
            else:
                if index == start or printed[index - 1][0] != group:
                    if index == start and printed[index - 1][0] is not None:
                        cells.append(td("三、本年度办理结果", rowspan=_left(printed, end, index, top=True)))
                    cells.append(td(_label(group, layout), rowspan=_left(printed, end, index, top=False)))
                cells.append(td(_label(label, layout)))
        cells += [td(layout.figure(value)) for value in figures.table3[key]]
        rows.append(_row(cells, close))
    return rows


def _left(printed: tuple[tuple[str | None, str, int, str], ...], end: int, index: int, top: bool) -> int:
    """How many rows from `index` (up to `end`) the merged label (the top group, or the subgroup) covers."""
    group = printed[index][0]
    count = 0
    for row in printed[index:end]:
        inside = row[0] is not None if top else row[0] == group
        if not inside:
            break
        count += 1
    return count


def table3(figures: Figures, layout: Layout) -> list[str]:
    """Table 三 as one block, or two with what stands between them on the page."""
    count = len(part3_rows(figures))
    if layout.split is None:
        return [_table(_part3_head(layout), _part3_body(figures, layout, 0, count), layout)]
    first = _table(_part3_head(layout), _part3_body(figures, layout, 0, layout.split), layout)
    head = _part3_head(layout) if layout.repeat else []
    second = _table(head, _part3_body(figures, layout, layout.split, count), layout)
    return [first, *layout.furniture, second]


def table4(figures: Figures, layout: Layout) -> str:
    if layout.image4:
        return f"![]({layout.image4})"
    close = not layout.unclosed
    tag = "th" if layout.th else "td"
    th = lambda text, **kw: _cell(text, tag, close=close, **kw)  # noqa: E731
    head = [
        _row([th("行政复议", colspan=5), th("行政诉讼", colspan=10)], close),
        _row(
            [
                *(th(_label(c, layout), rowspan=2) for c in PART4_COLUMNS),
                th("未经复议直接起诉", colspan=5),
                th("复议后起诉", colspan=5),
            ],
            close,
        ),
        _row([th(c) for c in PART4_COLUMNS * 2], close),
    ]
    body = [
        _row(
            [_cell(layout.figure(v), close=close) for block in PART4_BLOCKS for v in figures.table4[block]],
            close,
        )
    ]
    return _table(head, body, layout)


def markdown(agency: str, year: int, figures: Figures, layout: Layout) -> str:
    """The whole report as an OCR tool's Markdown, blocks separated by blank lines."""
    heading = (lambda text: f"**{text}**") if layout.bold else (lambda text: f"## {text}")
    blocks = [
        f"# {agency}{year}年政府信息公开工作年度报告",
        f"本报告依据《中华人民共和国政府信息公开条例》编写，所列数据的统计期限为{year}年1月1日至12月31日。",
        heading("一、总体情况"),
        f"{year}年，本机关按照条例要求做好主动公开和依申请公开工作，及时更新公开目录。",
        heading("二、主动公开政府信息情况"),
        table2(figures, layout),
        heading("三、收到和处理政府信息公开申请情况"),
        *table3(figures, layout),
        heading("四、政府信息公开行政复议、行政诉讼情况"),
        table4(figures, layout),
        heading("五、存在的主要问题及改进情况"),
        "公开内容的及时性还需提高，下一步将加强培训和审核。",
        heading("六、其他需要报告的事项"),
        "本年度未收取信息处理费。",
        f"{agency}",
        f"{year + 1}年1月20日",
    ]
    return "\n\n".join(blocks) + "\n"


def as_pipe_table(table: str, repeat: bool = True) -> str:
    """An HTML table of this module as a converter writes it as a Markdown pipe table: every grid
    place a cell, a merged cell's text written in each place it covers (Docling) or only in its
    first (`repeat` false, marker), the first row taken for the header."""
    rows = re.findall(r"<tr>(.*?)</tr>", table)
    grid: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in re.finditer(r'<t[dh](?: rowspan="(\d+)")?(?: colspan="(\d+)")?>(.*?)</t[dh]>', row):
            while (r, c) in grid:
                c += 1
            text = cell.group(3).replace("<br>", "")
            for dr in range(int(cell.group(1) or 1)):
                for dc in range(int(cell.group(2) or 1)):
                    grid[(r + dr, c + dc)] = text if repeat or (dr, dc) == (0, 0) else ""
            c += int(cell.group(2) or 1)
    width = max(c for _, c in grid) + 1
    lines = ["| " + " | ".join(grid.get((r, c), "") for c in range(width)) + " |" for r in range(len(rows))]
    return "\n".join([lines[0], "|" + "---|" * width, *lines[1:]])
