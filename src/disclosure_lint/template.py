"""A blank report in the format of its year (2021, or 2019 for 2019–2020): every part, every cell 0.

The placeholders are ones the linter reports (DL304, and DL105 for the date), so a
clerk cannot publish the skeleton by accident.
"""

from __future__ import annotations

from . import statute as s

PLACEHOLDER = "（待填写）"
PART3_HEADER = "[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]"
PART4_HEADER = "[结果维持, 结果纠正, 其他结果, 尚未审结, 总计]"


def render(agency: str, year: int, kind: str = s.KIND_DEPARTMENT, schema_ref: str | None = None) -> str:
    lines: list[str] = []
    if schema_ref:
        lines.append(f"# yaml-language-server: $schema={schema_ref}")
    fmt = s.format_for_year(year)
    due = s.deadlines.deadline(kind, year)
    limit = f"，不晚于 {due.year} 年{due.month}月{due.day}日（{s.deadlines.ARTICLE}）" if due else ""
    lines += [
        f"# {agency} {year} 年政府信息公开工作年度报告（{fmt.version}年格式，{fmt.document}）。",
        f"# 表格中没有的情况填 0；“{PLACEHOLDER}”处写好后删去这几个字。写完运行：disclosure-lint 本文件",
        f"{s.VERSION}: {fmt.version}",
        f"{s.AGENCY}: {agency}",
        f"{s.YEAR}: {year}",
        f"{s.KIND}: {kind}",
        f"{s.PUBLISHED}: 待填写  # 写成 {year + 1}-01-20 的形式{limit}",
        "",
        f"{s.PART1}:",
    ]
    for aspect in s.ASPECTS:
        lines += [f"  {aspect}: |", f"    {PLACEHOLDER}"]
    lines += ["", f"{s.PART2}:"]
    for row in fmt.part2_rows:
        cells = ", ".join(f"{column}: 0" for column in row.columns)
        unit = "  # 万元" if s.FEE_AMOUNT in row.columns else ""
        lines.append(f"  {row.label}: {{{cells}}}{unit}")
    lines += ["", f"{s.PART3}:"]
    lines += _rows(
        [(2, s.NEW), (2, s.CARRIED_IN), (2, f"{s.RESULTS}:")]
        + [
            entry
            for group, items in fmt.result_groups
            for entry in (
                [(4, group)] if items is None else [(4, f"{group}:"), *((6, item) for item in items)]
            )
        ]
        + [(4, s.TOTAL), (2, s.CARRIED_OUT)],
        cells=len(s.PART3_COLUMNS),
        header=PART3_HEADER,
    )
    lines += ["", f"{s.PART4}:"]
    lines += _rows([(2, block) for block in s.PART4_BLOCKS], cells=len(s.PART4_COLUMNS), header=PART4_HEADER)
    lines += [
        "",
        f"{s.PART5}: |",
        f"  {PLACEHOLDER}",
        "",
        f"{s.PART6}: |",
        f"  {PLACEHOLDER}（请写明信息处理费的收取情况，如“本年度未收取信息处理费”）",
    ]
    return "\n".join(lines) + "\n"


def _rows(entries: list[tuple[int, str]], cells: int, header: str) -> list[str]:
    """Table rows with their cells lined up, under a comment naming the columns."""
    zeros = "[" + ", ".join(["0"] * cells) + "]"
    # Line up the cells; the two very long 其他处理 labels are let run past the column.
    width = (
        max(w for indent, key in entries if not key.endswith(":") and (w := _width(indent, key)) <= 48) + 1
    )
    lines = [f"  #{' ' * (width - 3)}{header}"]
    for indent, key in entries:
        if key.endswith(":"):
            lines.append(f"{' ' * indent}{key}")
        else:
            padding = " " * max(width - _width(indent, key), 1)
            lines.append(f"{' ' * indent}{key}:{padding}{zeros}")
    return lines


def _width(indent: int, key: str) -> int:
    """Display width: CJK characters take two columns in an editor."""
    return indent + sum(2 if ord(char) > 0x2E7F else 1 for char in key) + 1
