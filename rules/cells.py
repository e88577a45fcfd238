"""DL4xx: every number cell holds a number a reader can add up.

The tables of parts 二, 三 and 四 are the statistical core of the report
(《条例》第五十条第（一）至（三）项; 国办公开办函〔2021〕30号). The format has no mark
for "not applicable": every cell is a count (a non-negative whole number, 0 when
there were none) except 行政事业性收费·本年收费金额, an amount in 万元 that may
have decimals. Clerks copying from Word or Excel type "/", "—" or "无" for
none, "12件", "1,234", full-width "１２" or 十二; published reports with such
cells are treated as incomplete, and nothing can check that the tables add up.

Each bad cell gets one finding at the cell itself, which says what to write
instead; it replaces the schema's generic "should be a whole number". Junk the
rule cannot interpret (a nested list, arbitrary text) is left to the schema's
type error.

Fixes. Where the number the clerk meant is certain and only its notation is wrong (１２, "12",
12件, 1,234 and 1，234, 十二, 12.0, 1_000), the finding offers a safe fix that writes it plainly;
the value never changes. Converting 元 or 亿元 into the column's 万元 changes the digits, and a
placeholder such as "/" may not mean 0: those fixes are unsafe (`--unsafe-fixes`). A full-width
comma in a row that is short by exactly as many cells may separate cells rather than group
thousands: no fix is offered then. Nothing is offered for 0x1F, 0o17, .inf, yes/no, negatives
or fractions, whose intended value is not known.

YAML itself reads some of what clerks type as something else. The file is read
as YAML 1.2 says (017 is 17, `yes` is the text "yes"), and where the clerk
likely meant something else the finding says so: `yes`/`no`/`true` in a cell
(DL407), 0x1F, 0o17, 1_000 or .inf (DL408), and 1,234 inside [ ] or { }, where
the comma splits one number into two cells (DL402, at the first part).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import Decimal

from disclosure_lint.api import (
    ERROR,
    SAFE,
    UNSAFE,
    WARNING,
    Edit,
    Finding,
    Fix,
    Path,
    Pos,
    Report,
    Rule,
    replace_value,
    statute,
)

from ._number_cells import Cell, cells_with_values, format_number, parse_number
from ._thousands import thousands_splits

FORMAT = statute.DOCUMENT_2021

BLANK = Rule(
    code="DL401",
    name="blank-cell",
    severity=ERROR,
    summary_zh="表格格子为空或填了“/”“—”“无”等占位符",
    summary_en="A table cell is blank or holds a placeholder such as '/', '—' or '无'",
    clause=f"{FORMAT}（表格每格都要填数字）",
    message_zh="“{cell}”为空（{written}）：没有就填 0",
    message_en="'{cell}' is blank ({written_en}): write 0 if there were none",
    fix=(UNSAFE,),
)
TEXT = Rule(
    code="DL402",
    name="number-as-text",
    severity=ERROR,
    summary_zh="数字写成了文字（加了引号、单位、千位逗号或用了汉字数字）",
    summary_en="A number is written as text (quoted, with a unit, thousands separators or Chinese numerals)",
    clause=f"{FORMAT}（表格每格都要填数字）",
    message_zh="“{cell}”填的是文字“{written}”，不是数字：{why}，写成 {expected}",
    message_en="'{cell}' holds the text '{written}', not a number: {why_en}; write {expected}",
    fix=(SAFE, UNSAFE),
)
FULL_WIDTH = Rule(
    code="DL403",
    name="full-width-digits",
    severity=ERROR,
    summary_zh="数字用了全角字符",
    summary_en="A number is written with full-width digits",
    clause=f"{FORMAT}（表格每格都要填数字）",
    message_zh="“{cell}”的“{written}”用了全角数字：请用半角数字 {expected}",
    message_en="'{cell}' is written with full-width digits ('{written}'): use ordinary digits, {expected}",
    fix=(SAFE, UNSAFE),
)
NEGATIVE = Rule(
    code="DL404",
    name="negative-number",
    severity=ERROR,
    summary_zh="件数或金额为负数",
    summary_en="A count or an amount is negative",
    clause=f"{FORMAT}（件数为非负整数，金额不小于 0）",
    message_zh="“{cell}”填的是 {written}：{what}不能为负数，没有就填 0",
    message_en="'{cell}' is {written}: {what_en} cannot be negative; write 0 if there were none",
)
FRACTION = Rule(
    code="DL405",
    name="fractional-count",
    severity=ERROR,
    summary_zh="件数带小数",
    summary_en="A count has a fractional part",
    clause=f"{FORMAT}（件数为非负整数）",
    message_zh="“{cell}”填的是 {written}：件数应为整数",
    message_en="'{cell}' is {written}: a count must be a whole number",
)
FLOAT = Rule(
    code="DL406",
    name="float-count",
    severity=WARNING,
    summary_zh="件数写成了带“.0”的小数",
    summary_en="A count is written as a decimal ending in .0",
    clause=f"{FORMAT}（件数为非负整数）",
    message_zh="“{cell}”填的是 {written}：件数是整数，写成 {expected}",
    message_en="'{cell}' is {written}: a count is a whole number; write {expected}",
    fix=(SAFE,),
)

YES_NO = Rule(
    code="DL407",
    name="yes-no-in-cell",
    severity=ERROR,
    summary_zh="表格格子填了“是/否”（yes、no、true 等）",
    summary_en="A table cell holds a yes/no answer (yes, no, true …)",
    clause=f"{FORMAT}（表格每格都要填数字）",
    message_zh="“{cell}”填的是“{written}”，这是“是/否”的回答，不是{what}：{fill}",
    message_en="'{cell}' holds '{written}', a yes/no answer, not {what_en}: {fill_en}",
)
NOTATION = Rule(
    code="DL408",
    name="number-notation",
    severity=ERROR,
    summary_zh="数字用了十六进制、八进制、下划线等特殊写法",
    summary_en="A number is written in a programmer's notation (0x1F, 0o17, 1_000, .inf)",
    clause=f"{FORMAT}（表格每格都要填数字）",
    message_zh="“{cell}”写的是 {written}：{why}",
    message_en="'{cell}' is written {written}: {why_en}",
    fix=(SAFE,),
)

RULES = (BLANK, TEXT, FULL_WIDTH, NEGATIVE, FRACTION, FLOAT, YES_NO, NOTATION)

# What clerks type for "none" (compared after stripping spaces, case-insensitively): the statute module.
PLACEHOLDERS = statute.NONE_MARKS

# Answers to "were there any?", not counts. YAML 1.2 reads true/false as booleans and the rest as
# text; YAML 1.1 tools read yes/no/on/off as booleans too. Compared case-insensitively.
YES_NO_WORDS = frozenset(("true", "false", "yes", "no", "on", "off", "y", "n", "是", "否", "有"))
_BASES = {"x": ("十六进制", "hexadecimal"), "o": ("八进制", "octal"), "b": ("二进制", "binary")}
_NOTATION = re.compile(r"^[+-]?0([xob])", re.IGNORECASE)


def check(report: Report) -> Iterable[Finding]:
    thousands = {path: _thousands(report, *split) for path, split in thousands_splits(report).items()}
    for cell, value in cells_with_values(report):
        if cell.path in report.unreadable:
            continue  # the importer could not read it, and says so itself (DL020): not the publisher's blank
        finding = _check_cell(report, cell, value) or thousands.get(cell.path)
        if finding is not None:
            yield finding


def _check_cell(report: Report, cell: Cell, value: object) -> Finding | None:
    scalar = report.scalars.get(cell.path)
    if scalar is None:
        return None  # a list or mapping in a cell: the schema's type error says it
    written = scalar.text
    if type(value) is int and value >= 0 and not scalar.quoted and written.isascii() and written.isdigit():
        return None  # a count written as digits, as nearly every cell is: nothing below applies
    if isinstance(value, bool) or (isinstance(value, str) and value.strip().casefold() in YES_NO_WORDS):
        return _yes_no(report.pos(cell.path), cell, written.strip())
    if value is None:
        # An empty value sits after the colon; the key is where the clerk looks.
        pos = report.key_pos(cell.path) if isinstance(cell.path[-1], str) else report.pos(cell.path)
        if written.strip():
            return BLANK.at(
                pos, cell.path, cell=cell.label, written=f"写的是“{written}”", written_en=f"'{written}'",
                fix=_zero(report, cell),
            )  # fmt: skip
        return BLANK.at(pos, cell.path, cell=cell.label, written="什么也没填", written_en="nothing written")
    pos = report.pos(cell.path)
    if isinstance(value, int | float) and not scalar.quoted:
        notation = _notation(cell, written, value)
        if notation is not None:
            why, why_en, expected = notation
            fix = replace_value(report, cell.path, expected) if expected is not None else None
            return NOTATION.at(
                pos, cell.path, cell=cell.label, written=written, why=why, why_en=why_en, fix=fix
            )
    if isinstance(value, int):
        if value < 0 and not cell.signed:
            return _negative(cell, pos, written)
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value < 0 and not cell.signed:
            return _negative(cell, pos, written)
        if cell.is_fee:
            return None
        if value != int(value):
            return FRACTION.at(pos, cell.path, cell=cell.label, written=written)
        fix = replace_value(report, cell.path, str(int(value)))
        return FLOAT.at(pos, cell.path, cell=cell.label, written=written, expected=int(value), fix=fix)
    if isinstance(value, str):
        return _check_text(report, cell, pos, value, scalar.quoted)
    return None


def _yes_no(pos: Pos, cell: Cell, written: str) -> Finding:
    if cell.is_fee:
        what, what_en = "金额", "an amount"
        fill, fill_en = "填收费金额（万元），没有就填 0", "write the amount in 万元, or 0 if none"
    else:
        what, what_en = "件数", "a count"
        fill, fill_en = "有几件就写几，没有就填 0", "write how many there were, or 0 if none"
    return YES_NO.at(
        pos,
        cell.path,
        cell=cell.label,
        written=written,
        what=what,
        what_en=what_en,
        fill=fill,
        fill_en=fill_en,
    )


def _notation(cell: Cell, written: str, value: float) -> tuple[str, str, str | None] | None:
    """Why a number YAML read is not written as a clerk writes numbers, and the plain number when
    it is certain (1_000 → 1000; not 0x1F, which the clerk may not have meant as 31), or None."""
    what, what_en = ("金额", "an amount") if cell.is_fee else ("件数", "a count")
    if isinstance(value, float) and not math.isfinite(value):
        name, name_en = ("“非数”（NaN）", "'not a number'") if math.isnan(value) else ("无穷大", "infinity")
        return (
            f"YAML 把它读作{name}，不是{what}；没有就填 0",
            f"YAML reads this as {name_en}, not {what_en}; write 0 if there were none",
            None,
        )
    base = _NOTATION.match(written)
    if base is not None:
        name, name_en = _BASES[base.group(1).lower()]
        return (
            f"这是{name}写法，会被读作 {value}；表格只填普通的十进制数字，请核对后直接写{what}",
            f"this is {name_en} notation, read as {value}; cells take plain decimal numbers — check it and write {what_en}",
            None,
        )
    if "_" in written:
        expected = format_number(Decimal(str(value)))
        return (
            f"数字中间不要加下划线，写成 {expected}",
            f"leave out the underscores; write {expected}",
            expected,
        )
    return None


def _thousands(report: Report, cell: Cell, groups: list[str], covers: tuple[Path, ...]) -> Finding:
    written = ",".join((report.scalars[cell.path].text, *groups))
    expected = format_number(Decimal(written.replace(",", "")))
    bracket, bracket_en = ("方括号“[ ]”", "[ ]") if isinstance(cell.path[-1], int) else ("花括号“{ }”", "{ }")
    return TEXT.at(
        report.pos(cell.path),
        cell.path,
        cell=cell.label,
        written=written,
        why=f"在{bracket}里半角逗号是分隔符，“{written}”被读成了 {len(groups) + 1} 个数；不要用千位分隔符（逗号）",
        why_en=f"inside {bracket_en} a comma separates items, so '{written}' was read as {len(groups) + 1} numbers; leave out the thousands separators",
        expected=expected,
        covers=covers,
        fix=_joined(report, cell, written, expected),
    )


def _joined(report: Report, cell: Cell, written: str, expected: str) -> Fix | None:
    """1,234 that YAML split: write the whole of it, from its first part, as one number."""
    start = report.pos(cell.path)
    if report.line_text(start.line)[start.col - 1 : start.col - 1 + len(written)] != written:
        return None
    end = Pos(start.line, start.col + len(written))
    return Fix((Edit(start, end, expected),), SAFE, f"改为 {expected}", f"write {expected}")


def _negative(cell: Cell, pos: Pos, written: str) -> Finding:
    what, what_en = ("金额", "an amount") if cell.is_fee else ("件数", "a count")
    return NEGATIVE.at(pos, cell.path, cell=cell.label, written=written, what=what, what_en=what_en)


def _check_text(report: Report, cell: Cell, pos: Pos, text: str, quoted: bool) -> Finding | None:
    shown = text.strip() or text
    if text.strip().casefold() in PLACEHOLDERS or not text.strip():
        written = f"写的是“{text}”" if text.strip() else "只有空格" if text else "写的是空的引号"
        written_en = f"'{text}'" if text.strip() else "only spaces" if text else "empty quotes"
        return BLANK.at(
            pos, cell.path, cell=cell.label, written=written, written_en=written_en, fix=_zero(report, cell)
        )
    yuan = cell.path[-1] == statute.tables.PROCUREMENT_AMOUNT
    reading = parse_number(text, fee=cell.is_fee, quoted=quoted, yuan=yuan)
    if reading is None:
        return None  # not a number we can read: the schema's type error
    if reading.number < 0 and not cell.signed:
        return _negative(cell, pos, shown)
    if not cell.is_fee and reading.number != reading.number.to_integral_value():
        return FRACTION.at(pos, cell.path, cell=cell.label, written=shown)
    expected = format_number(reading.number)
    fix = (
        None
        if _separates_cells(report, cell, text)
        else _plain_number(report, cell, expected, reading.converted)
    )
    if reading.full_width:
        return FULL_WIDTH.at(pos, cell.path, cell=cell.label, written=text, expected=expected, fix=fix)
    return TEXT.at(
        pos, cell.path, cell=cell.label, written=text, why=reading.why, why_en=reading.why_en,
        expected=expected, fix=fix,
    )  # fmt: skip


def _plain_number(report: Report, cell: Cell, expected: str, converted: bool) -> Fix | None:
    """Write the number plainly: safe, unless a unit was converted into the column's (the digits change)."""
    if converted:
        return replace_value(
            report, cell.path, expected, unsafe=True,
            message_zh=f"换算成万元，改为 {expected}", message_en=f"convert to 万元: write {expected}",
        )  # fmt: skip
    return replace_value(report, cell.path, expected)


def _zero(report: Report, cell: Cell) -> Fix | None:
    """0 for a blank or a placeholder: what the format asks for when there were none, but a "/"
    may also mean "not counted", so the fix is unsafe."""
    return replace_value(
        report, cell.path, "0", unsafe=True, message_zh="没有就填 0：改为 0", message_en="none: write 0"
    )


def _separates_cells(report: Report, cell: Cell, text: str) -> bool:
    """A full-width comma in a row short by exactly as many cells: "1，234" may be two cells typed
    with a Chinese input method, not one number, so neither reading is fixed."""
    commas = text.count("，")
    row = report.get(cell.path[:-1])
    if not commas or not isinstance(row, list):
        return False
    width = len(statute.PART3_COLUMNS) if cell.path[0] == statute.PART3 else len(statute.PART4_COLUMNS)
    return len(row) + commas == width
