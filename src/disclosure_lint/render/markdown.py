"""The report as Markdown (GitHub tables). Markdown cannot merge cells, so each table row carries its full label.

Everything taken from the report is escaped (`escape`): a report may hold `<script>`, an
`onerror=` attribute or a `javascript:` link in its agency name or its prose, and Markdown
passes raw HTML and links through to the page. Escaped, they show as the text they are.
"""

from __future__ import annotations

import re

from .. import statute as s
from ..document import Report
from .layout import (
    ASPECT_TITLES,
    ORDINALS,
    cell_text,
    chinese_date,
    paragraphs,
    part2_clauses,
    part_value,
    title,
)

# Characters Markdown gives a meaning to anywhere in a line; & < > " become entities instead.
_INLINE = re.compile(r"([\\`*_\[\]{}()!|~])")
# What makes a line a heading, quote, list item, rule or setext underline when it starts one.
_LINE_START = re.compile(r"^(\s*)([#+=-](?=[\s#=-]|$)|\d{1,9}(?=[.)](?:\s|$)))")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def escape(text: str) -> str:
    """`text` as literal Markdown: no HTML, no link or image, no emphasis, no heading or list.

    With `<`, `>`, `[`, `]`, `(` and `)` escaped no tag, attribute or link (whatever its scheme,
    `javascript:` included) can be formed; the rest keeps the words looking as written."""
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return "".join(_ENTITIES.get(char, char) for char in text)


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(escape(c).replace("\n", "<br>") for c in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(r) for r in rows), ""]


def _text(value: object) -> list[str]:
    out = []
    for paragraph in paragraphs(value):
        out += ["\n".join(escape(line) for line in paragraph.lines), ""]
    return out


def render_markdown(report: Report) -> str:
    out = [f"# {escape(title(report))}", ""]
    fmt = s.format_of(report.data)
    for index, part in enumerate(s.PARTS):
        found, value = part_value(report, part)
        if not found:
            continue
        out += [f"## {ORDINALS[index]}、{part}", ""]
        if part == s.PART1 and isinstance(value, dict):
            for aspect in s.ASPECTS:
                if aspect in value:
                    out += [f"### {ASPECT_TITLES[aspect]}", "", *_text(value[aspect])]
        elif part == s.PART2:
            for clause, rows in part2_clauses(fmt):
                body = [
                    [row.label, *(cell_text(report, (s.PART2, row.label, c)) for c in row.columns)]
                    for row in rows
                ]
                columns = [s.tables.PRINTED_COLUMNS.get(c, c) for c in rows[0].columns]
                out += _table([clause, *columns], body)
        elif part == s.PART3:
            body = []
            for row in fmt.part3_rows:
                label = row.label if row.path[1] != s.RESULTS else f"三、{s.RESULTS}·{row.label}"
                body.append(
                    [label, *(cell_text(report, (*row.path, i)) for i in range(len(s.PART3_COLUMNS)))]
                )
            out += [s.PART3_NOTE, ""]
            out += _table(["", *s.PART3_COLUMNS], body)
        elif part == s.PART4:
            names = {s.REVIEW: s.REVIEW, s.SUIT_DIRECT: f"{s.tables.LITIGATION}·{s.SUIT_DIRECT}"}
            names[s.SUIT_AFTER_REVIEW] = f"{s.tables.LITIGATION}·{s.SUIT_AFTER_REVIEW}"
            body = [
                [names[block], *(cell_text(report, (s.PART4, block, i)) for i in range(len(s.PART4_COLUMNS)))]
                for block in s.PART4_BLOCKS
            ]
            out += _table(["", *s.PART4_COLUMNS], body)
        else:
            out += _text(value)
    agency = report.get((s.AGENCY,))
    date = chinese_date(report.get((s.PUBLISHED,)))
    signature = [escape(t) for t in (agency if isinstance(agency, str) else None, date) if t]
    if signature:
        out += ['<div align="right">', "", "<br>\n".join(signature), "", "</div>", ""]
    return "\n".join(out).rstrip("\n") + "\n"
