"""The completion snippets (`defaultSnippets`) the schemas carry, from the statute model.

The YAML extension of VS Code (Red Hat's yaml-language-server) offers a schema's
`defaultSnippets` as completions: in an empty file the root's (the whole report), on an empty
line inside a part that part's rows, after `予以公开: ` the row's cells. It writes a snippet's
`body` as YAML: an object becomes `key: value` lines; a string that starts with `^` is inserted as
written, which is how a row comes out as the statutory `[0, 0, 0, 0, 0, 0, 0]` and not as a list
of `- 0` lines. `${1:…}` are the snippet's tab stops.

When the extension completes a key whose schema has `items`, it writes `- ` list items whatever
the snippet says; so a row's schema keeps its `type` and `items` inside `allOf` (see `row` in
build_schema.py), and completing `予以公开` gives the row's own snippet. Tested by
tests/test_schema_editor.py, which instantiates every snippet and validates it.
"""

from __future__ import annotations

from typing import Any

from disclosure_lint import statute as s
from disclosure_lint.statute import tables as t
from disclosure_lint.statute.formats import Format
from disclosure_lint.template import PLACEHOLDER


def zeros(cells: int) -> str:
    return "[" + ", ".join(["0"] * cells) + "]"


def row_snippets(cells: int) -> list[dict[str, Any]]:
    text = zeros(cells)
    return [{"label": text, "description": f"{cells}格，没有的填 0。", "body": "^" + text}]


def part2_row_text(row: t.Part2Row) -> str:
    return "{" + ", ".join(f"{column}: 0" for column in row.columns) + "}"


def part2_row_snippets(row: t.Part2Row) -> list[dict[str, Any]]:
    text = part2_row_text(row)
    return [{"label": text, "description": "没有的填 0。", "body": "^" + text}]


def part1_body() -> dict[str, str]:
    return dict.fromkeys(s.ASPECTS, PLACEHOLDER)


def part2_body(fmt: Format) -> dict[str, str]:
    return {row.label: "^" + part2_row_text(row) for row in fmt.part2_rows}


def results_body(fmt: Format) -> dict[str, Any]:
    row = "^" + zeros(len(s.PART3_COLUMNS))
    body: dict[str, Any] = {}
    for group, items in fmt.result_groups:
        body[group] = row if items is None else dict.fromkeys(items, row)
    body[s.TOTAL] = row
    return body


def part3_body(fmt: Format) -> dict[str, Any]:
    row = "^" + zeros(len(s.PART3_COLUMNS))
    return {s.NEW: row, s.CARRIED_IN: row, s.RESULTS: results_body(fmt), s.CARRIED_OUT: row}


def part4_body() -> dict[str, str]:
    return dict.fromkeys(s.PART4_BLOCKS, "^" + zeros(len(s.PART4_COLUMNS)))


def group_body(items: tuple[str, ...]) -> dict[str, str]:
    return dict.fromkeys(items, "^" + zeros(len(s.PART3_COLUMNS)))


def report_body(fmt: Format) -> dict[str, Any]:
    kinds = ",".join(s.REPORT_KINDS)
    return {
        s.VERSION: fmt.version,
        s.AGENCY: f"${{1:{PLACEHOLDER}}}",
        s.YEAR: f"^${{2:{fmt.first_year}}}",
        s.KIND: f"^${{3|{kinds}|}}",
        s.PUBLISHED: f"^${{4:~}}  # 写成 {fmt.first_year + 1}-01-20 的形式",
        s.PART1: part1_body(),
        s.PART2: part2_body(fmt),
        s.PART3: part3_body(fmt),
        s.PART4: part4_body(),
        s.PART5: PLACEHOLDER,
        s.PART6: PLACEHOLDER,
    }


def snippet(label: str, description: str, body: Any) -> list[dict[str, Any]]:
    return [{"label": label, "description": description, "body": body}]


def report_snippets(fmt: Format) -> list[dict[str, Any]]:
    return snippet(
        f"政府信息公开工作年度报告（{fmt.version}年格式）",
        f"{fmt.document}的全部项目：表格每格为 0，文字处为“{PLACEHOLDER}”。",
        report_body(fmt),
    )
