"""Write a draft as the YAML report, in the shape of the bundled examples.

Metadata first, texts as literal block scalars, part 二 as one flow mapping per
row, tables 三 and 四 as flow sequences under a comment naming the columns. What
could not be placed is listed in comments at the top, with its place in the source.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from .. import statute as s
from .draft import Draft, Lost, Note, Value

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # written plain, as in the examples: the loader keeps it as text
_TABLE3_COLUMN = 38  # display column where the rows of table 三 start, as in examples/
_TABLE4_COLUMN = 20


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(prefix: str, column: int) -> str:
    return prefix + " " * max(1, column - width(prefix))


@functools.cache
def _plain_ok(text: str, flow: bool) -> bool:
    """Whether `text` can be written unquoted and reads back as the same string."""
    from ruamel.yaml import YAML

    if not text or text != text.strip() or "\n" in text or "#" in text:
        return False
    if flow and any(ch in text for ch in ",[]{}"):
        return False
    document = f"a: [{text}]\n" if flow else f"a: {text}\n"
    try:
        data = YAML(typ="safe").load(document)
    except Exception:  # any YAML error: quote it
        return False
    value = data["a"][0] if flow else data["a"]
    return isinstance(value, str) and value == text


def scalar(text: str, flow: bool = False) -> str:
    if _plain_ok(text, flow):
        return text
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return f'"{escaped}"'


def cell(value: Value) -> str:
    if value.kind == "number":
        return value.text
    if value.kind == "text":
        return scalar(value.text, flow=True)
    return "~"  # blank, or a cell that could not be read: the linter reports it as blank (DL401)


def text_block(key: str, text: str, indent: int) -> list[str]:
    """`key: |` and the text's lines, indented two more spaces; the chomping indicator keeps the line ends."""
    pad = " " * indent
    if not text.strip():
        return [f'{pad}{key}: ""']
    body = text.rstrip("\n")
    newlines = len(text) - len(body)
    chomp = "-" if newlines == 0 else "" if newlines == 1 else "+"
    lines = body.split("\n")
    first = next(line for line in lines if line.strip())
    indicator = "2" if first[0].isspace() else ""
    out = [f"{pad}{key}: |{indicator}{chomp}"]
    out += [f"{pad}  {line}" if line.strip() else "" for line in lines]
    out += [""] * (newlines - 1)
    return out


def lost_name(item: Lost) -> tuple[str, str]:
    """The lost cells as a clerk reads them: one cell, a row's N cells, or N cells of table 四."""
    from ..labels import describe, row_label

    count = len(item.paths)
    if count == 1:
        return describe(item.paths[0]), describe(item.paths[0])
    rows = {path[:-1] for path in item.paths}
    row = row_label(next(iter(rows))) if len(rows) == 1 else describe(item.paths[0][:1])
    return f"{row}（{count} 格）", f"{count} cells of {row}"


def lost_comment(lost: list[Lost]) -> list[str]:
    """The cells the importer could not read, so the clerk fills them from the original (never a guess)."""
    lost = [item for item in lost if not item.reported]  # the solver's own note explains those
    if not lost:
        return []
    lines = ["# 以下格子没能从原文读出，写作 ~，请对照原文填写；位置是原文件中的“行:列”："]
    for item in lost:
        text = item.text if len(item.text) <= 40 else item.text[:40] + "…"
        lines.append(
            f"#   {item.pos.line}:{item.pos.col} {lost_name(item)[0]}：{item.why}（原文：{text or '无'}）"
        )
    return lines


def notes_comment(notes: list[Note], source: str) -> list[str]:
    placed = [n for n in notes if n.text]
    missing = [n for n in notes if not n.text]
    lines = [f"# 由 disclosure-lint import 从 {source} 导入。"]
    for note in missing:
        lines.append(f"# 注意：{note.why}。")
    if placed:
        lines.append("# 以下原文内容没有放进报告（或按空格处理），请核对；位置是原文件中的“行:列”：")
        for note in placed:
            lines.append(f"#   {note.pos.line}:{note.pos.col} {note.why}：")
            for piece in note.text.split("\n"):
                while piece:
                    lines.append(f"#       {piece[:60]}")
                    piece = piece[60:]
    return lines


def to_yaml(draft: Draft, source: str, schema: str | None = None, comments: bool = True) -> str:
    out: list[str] = []
    if schema:
        out.append(f"# yaml-language-server: $schema={schema}")
    if comments:
        out += notes_comment(draft.notes, source)
        out += lost_comment(draft.lost)
        if draft.findings:  # what the run-together digits solver read, or could not decide
            out.append("# 原文中连在一起的数字：")
            out += [f"#   {f.pos.line}:{f.pos.col} {f.message('zh')}" for f in draft.findings]
    meta = draft.meta
    for key in (s.VERSION, s.AGENCY, s.YEAR, s.KIND, s.PUBLISHED):
        if key in meta:
            value = meta[key]
            plain = isinstance(value, int) or (key == s.PUBLISHED and _DATE.match(str(value)))
            out.append(f"{key}: {value if plain else scalar(str(value))}")
    if s.PART1 in draft.parts and draft.part1 is not None:
        out.append("")
        if isinstance(draft.part1, dict):
            out.append(f"{s.PART1}:")
            for aspect, text in draft.part1.items():
                out += text_block(aspect, text, 2)
        else:
            out += text_block(s.PART1, draft.part1, 0)
    if s.PART2 in draft.parts:
        out += ["", f"{s.PART2}:" + ("" if draft.part2 else " {}")]
        formats = (
            (s.FORMAT_2019, s.FORMAT_2021)
            if draft.meta.get(s.VERSION) == 2019
            else (s.FORMAT_2021, s.FORMAT_2019)
        )
        order = [row.label for format_ in formats for row in format_.part2_rows]
        for label in sorted(draft.part2, key=order.index):
            columns = draft.columns.get(label, ())
            pairs = ", ".join(
                f"{column}: {cell(v)}" for column, v in zip(columns, draft.part2[label], strict=False)
            )
            out.append(f"  {label}: {{{pairs}}}")
    if s.PART3 in draft.parts:
        out += ["", f"{s.PART3}:" + ("" if draft.part3 else " {}")]
        if draft.part3:
            out.append(_pad("  #", _TABLE3_COLUMN - 1) + "[" + ", ".join(s.PART3_COLUMNS) + "]")
        out += _part3_rows(draft)
    if s.PART4 in draft.parts:
        out += ["", f"{s.PART4}:" + ("" if draft.part4 else " {}")]
        if draft.part4:
            out.append(_pad("  #", _TABLE4_COLUMN) + "[" + ", ".join(s.PART4_COLUMNS) + "]")
        for block in s.PART4_BLOCKS:
            if block in draft.part4:
                out.append(_row(f"  {block}:", draft.part4[block], _TABLE4_COLUMN))
    for part, text in ((s.PART5, draft.part5), (s.PART6, draft.part6)):
        if part in draft.parts and text is not None:
            out.append("")
            out += text_block(part, text, 0)
    return "\n".join(out) + "\n"


def _row(prefix: str, values: list[Value], column: int) -> str:
    return _pad(prefix, column) + "[" + ", ".join(cell(v) for v in values) + "]"


def _part3_rows(draft: Draft) -> list[str]:
    rows = draft.part3
    out: list[str] = []
    for key in (s.NEW, s.CARRIED_IN):
        if (s.PART3, key) in rows:
            out.append(_row(f"  {key}:", rows[(s.PART3, key)], _TABLE3_COLUMN))
    results = [p for p in rows if len(p) > 2 and p[1] == s.RESULTS]
    if results:
        out.append(f"  {s.RESULTS}:")
        for group, items in s.RESULT_GROUPS:
            if (s.PART3, s.RESULTS, group) in rows:  # a single row, as the 2019 format prints （六）其他处理
                items = None
            if items is None:
                path = (s.PART3, s.RESULTS, group)
                if path in rows:
                    out.append(_row(f"    {group}:", rows[path], _TABLE3_COLUMN))
                continue
            present = [item for item in items if (s.PART3, s.RESULTS, group, item) in rows]
            if present:
                out.append(f"    {group}:")
                for item in present:
                    out.append(
                        _row(f"      {item}:", rows[(s.PART3, s.RESULTS, group, item)], _TABLE3_COLUMN)
                    )
        total = (s.PART3, s.RESULTS, s.TOTAL)
        if total in rows:
            out.append(_row(f"    {s.TOTAL}:", rows[total], _TABLE3_COLUMN))
    if (s.PART3, s.CARRIED_OUT) in rows:
        out.append(_row(f"  {s.CARRIED_OUT}:", rows[(s.PART3, s.CARRIED_OUT)], _TABLE3_COLUMN))
    return out
