"""Tables written inline: a stream of statutory labels and figures cut into rows.

A crawled page keeps a table as one run of text ("规章 000行政规范性文件693665第二十条…").
The statutory labels are found wherever they stand; the figures between a row label
and the next label are that row's cells (still run together: the recogniser splits
them, or keeps them for the solver). Headings of columns and groups become lines of
their own, as they would in a copied table.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from .. import statute as s
from .model import Cell, Line, Row, Text

_QUOTE = "[\"'“”‘’「」]?"


def spaced(text: str) -> str:
    """A regex for a label that allows spaces between characters, either width of brackets, any quotes."""
    out = []
    for ch in text:
        if ch in "、，,":
            out.append("[、，,]?")
        elif ch in "（(":
            out.append("[（(]")
        elif ch in "）)":
            out.append("[）)]")
        elif ch in '“”"':
            out.append(_QUOTE)
        elif ch in "/／":
            out.append("[/／]")
        elif ch in ":：":
            out.append("[:：]")
        else:
            out.append(re.escape(ch))
    return r"\s*".join(out)


_CN = "一二三四五六七八九十"
# A printed note after a label: （区分处理的，…）; never the next row's ordinal, （七）总计.
_NOTE = r"(?:\s*[（(](?!\s*[一二三四五六七八九十]\s*[）)])[^（()）]{0,40}[）)])?"


def _ordinal_cn(number: int) -> str:
    return rf"(?:{_CN[number - 1]}\s*[、.．]\s*)?"


def _ordinal_paren(number: int) -> str:
    return rf"(?:[（(]\s*{_CN[number - 1]}\s*[）)]\s*)?"


def _ordinal_digit(number: int) -> str:
    return rf"(?:{number}\s*[.．、]\s*)"


@functools.cache
def _labels() -> re.Pattern[str]:
    """One pattern for every label of the three tables; a group's name tells what was found."""
    rows: list[tuple[str, str]] = []  # (kind, regex): kind "row" (cells follow) or "head"
    part2 = [row.label for row in s.PART2_ROWS]
    part2 += [label for label in ("规范性文件", "其他对外管理服务事项", "政府集中采购") if label not in part2]
    rows += [("row", spaced(label)) for label in part2]
    heads = [
        *s.DOCS_COLUMNS, s.DECISIONS, "本年新制作数量", "本年新公开数量", "对外公开总数量",
        "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额", "信息内容",
        "申请人情况", "法人或其他组织", *s.APPLICANT_COLUMNS, s.TOTAL, "行政复议", "行政诉讼",
        s.SUIT_DIRECT, s.SUIT_AFTER_REVIEW, *s.PART4_COLUMNS, "结果", "维持", "纠正", "尚未审结",
    ]  # fmt: skip
    rows += [("head", spaced(s.FEE_AMOUNT) + r"(?:\s*[（(]\s*单位\s*[:：]\s*\S{1,3}?\s*[）)])?")]
    rows += [("head", r"第\s*二十\s*条\s*第\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*项")]
    rows += [("head", r"[（(]\s*本列数据[^（()）]{0,60}[）)]")]
    rows += [("head", spaced(word)) for word in heads]
    rows += [("row", _ordinal_cn(1) + spaced(s.NEW)), ("row", _ordinal_cn(2) + spaced(s.CARRIED_IN))]
    rows += [("group", _ordinal_cn(3) + spaced(s.RESULTS))]
    for index, (group, items) in enumerate(s.RESULT_GROUPS, start=1):
        if items is None:
            rows.append(("row", _ordinal_paren(index) + spaced(group) + _NOTE))
            continue
        # A group's name is a heading; its single row (the 2019 （六）其他处理) is a row where figures follow.
        rows.append(("group", _ordinal_paren(index) + spaced(group) + _NOTE))
        for number, item in enumerate(items, start=1):
            prefix = _ordinal_digit(number) if len(item) <= 4 else _ordinal_digit(number) + "?"
            rows.append(("row", prefix + spaced(item)))
    rows += [("row", r"[（(]\s*七\s*[）)]\s*总\s*计")]
    rows += [("row", _ordinal_cn(4) + spaced(s.CARRIED_OUT))]
    rows.sort(key=lambda pair: len(pair[1]), reverse=True)  # the longest label first where two start together
    return re.compile("|".join(f"(?P<{kind}{i}>{regex})" for i, (kind, regex) in enumerate(rows)))


# Figures as a flattened table writes them: digits, spaces, decimals, signs, units and "none" marks.
_FIGURES = re.compile(r"^[\s\d０-９.．,，+\-−－/／—–元万件个条项次无]*$")


def _figures(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and bool(_FIGURES.match(stripped)) and any(ch.isdigit() for ch in stripped)


def _kind(match: re.Match[str]) -> str:
    name = match.lastgroup or ""
    return name.rstrip("0123456789")


def holds_table(text: str) -> bool:
    """Whether a line carries a table: two row labels, a row label with its figures run on
    ("规章000"), or column headings and figures (table 四)."""
    matches = list(_labels().finditer(text))
    kinds = [_kind(m) for m in matches]
    if kinds.count("row") >= 2 or (kinds.count("head") >= 3 and any(ch.isdigit() for ch in text)):
        return True
    return any(
        _kind(m) in ("row", "group") and m.end() < len(text) and text[m.end()].isdigit() for m in matches
    )


def label_inside(text: str) -> bool:
    """Whether a label of the tables starts inside the text, after figures (a row run on into the next)."""
    return any(m.start() > 0 and text[m.start() - 1].isdigit() for m in _labels().finditer(text))


def rows(line: Line) -> Iterator[Line | Row]:
    """A line of a table part as rows of a label and its figures; any other line as it is."""
    if not holds_table(line.text):
        yield line
        return
    pieces: list[tuple[str, int, int]] = []  # (kind, start, end): row, head, group, text or figures
    at = 0
    for match in _labels().finditer(line.text):
        if match.start() > at:
            gap = line.text[at : match.start()]
            pieces.append(("figures" if _figures(gap) else "text", at, match.start()))
        pieces.append((_kind(match), match.start(), match.end()))
        at = match.end()
    if at < len(line.text):
        gap = line.text[at:]
        pieces.append(("figures" if _figures(gap) else "text", at, len(line.text)))
    index = 0
    while index < len(pieces):
        kind, start, end = pieces[index]
        following = pieces[index + 1] if index + 1 < len(pieces) else None
        if kind in ("row", "group", "text") and following is not None and following[0] == "figures":
            label, figures = _cell(line, start, end), _cell(line, following[1], following[2])
            yield Row([label, figures], label.pos, grid=False)
            index += 2
            continue
        if kind == "head":  # a run of column headings: one header row, as a copied table has it
            heads = []
            while index < len(pieces) and pieces[index][0] == "head":
                heads.append(_cell(line, pieces[index][1], pieces[index][2]))
                index += 1
            yield Row(heads, heads[0].pos, grid=False)
            continue
        if kind == "figures":
            figures = _cell(line, start, end)
            yield Row([figures], figures.pos, grid=False)
        else:
            piece = _trimmed(line, start, end)
            if piece.text:
                yield Line(piece.text, piece.pos, piece.spans, piece.exact)
        index += 1


def _trimmed(line: Text, start: int, end: int) -> Text:
    text = line.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return line.piece(start, end)


def _cell(line: Text, start: int, end: int) -> Cell:
    piece = _trimmed(line, start, end)
    return Cell(piece.text, piece.pos, piece.spans, piece.exact)
