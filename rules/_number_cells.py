"""The number cells of a report, and how to read a number a clerk typed as text.

Shared by the DL4xx cell rules (`cells.py`) and the thousands-separator reading
(`_thousands.py`): `cells(report)` walks the tables of the report's format; `parse_number`
reads "12件", "1,234", "１２", 十二 or "3.5万元" as the number the clerk meant.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from disclosure_lint.api import Path, Report, statute

_COUNT_UNITS = ("件", "个", "条", "项", "次", "人", "起", "宗", "份")
# Fee units and the factor that turns them into 万元.
_FEE_UNITS = (("亿元", Decimal(10000)), ("万元", Decimal(1)), ("万", Decimal(1)), ("元", Decimal("0.0001")))
_MAX_DIGITS = 30  # longer digit strings are not a clerk's count; leave them to the schema

_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?$")


class Cell(NamedTuple):
    path: Path
    label: str  # as the clerk reads it: row·column
    is_fee: bool = False  # an amount (万元 or 元): decimals allowed
    signed: bool = False  # the 2019 format's 本年增/减: negative allowed


def cells(report: Report) -> list[Cell]:
    """Every number cell that is present in the report, walking the tables of the report's format."""
    return [cell for cell, _ in cells_with_values(report)]


def cells_with_values(report: Report) -> list[tuple[Cell, Any]]:
    """Every number cell with its value, from one walk of the tables per report: the cell rules
    and the thousands reading both go through them, and neither looks a cell up again."""
    return report.derived(cells_with_values, lambda: list(_cells(report)))


def _cells(report: Report) -> Iterator[tuple[Cell, Any]]:
    s = statute
    fmt = report.format
    for row in fmt.part2_rows:
        written = report.get((s.PART2, row.label))
        if not isinstance(written, dict):
            continue
        for column in row.columns:
            if column in written:
                cell = Cell(
                    (s.PART2, row.label, column),
                    f"{row.label}·{column}",
                    is_fee=column in s.tables.AMOUNT_COLUMNS,
                    signed=column in s.tables.SIGNED_COLUMNS,
                )
                yield cell, written[column]
    for row3 in fmt.part3_rows:
        yield from _row_cells(report, row3.path, row3.label, s.PART3_COLUMNS)
    for block in s.PART4_BLOCKS:
        yield from _row_cells(report, (s.PART4, block), block, s.PART4_COLUMNS)


def _row_cells(
    report: Report, path: Path, label: str, columns: tuple[str, ...]
) -> Iterator[tuple[Cell, Any]]:
    row = report.get(path)
    if not isinstance(row, list):
        return
    for index, value in enumerate(row):
        column = columns[index] if index < len(columns) else f"第{index + 1}格"
        yield Cell((*path, index), f"{label}·{column}"), value


class Reading(NamedTuple):
    """A number read from a clerk's text, why that text is not a plain number, and how it was read."""

    number: Decimal  # in the cell's unit (万元 for the fee)
    why: str
    why_en: str
    full_width: bool  # had full-width digits
    converted: bool  # a unit other than the cell's (元, 亿元) was converted: the digits change


def parse_number(text: str, fee: bool = False, quoted: bool = True, yuan: bool = False) -> Reading | None:
    """Read a number a clerk typed as text ("12件", "1,234", "１２", 十二, "3.5万元"); None when the
    text is not a recognisable number. `yuan`: an amount in 元 (the 2019 format's 采购总金额, whose
    format names no unit), so "251000元" is 251000 with its unit left out, not 25.1 万元."""
    full_width = any("０" <= ch <= "９" for ch in text)
    body = _half_width(text)
    reasons: list[tuple[str, str]] = []
    if quoted:
        reasons.append(("不要加引号", "leave out the quotes"))
    if body != body.strip():
        reasons.append(("去掉多余的空格", "remove the spaces"))
        body = body.strip()
    factor = Decimal(1)
    units = _FEE_UNITS if fee else tuple((unit, Decimal(1)) for unit in _COUNT_UNITS)
    if yuan and body.endswith("元") and not body.endswith(("万元", "亿元")):
        units = (("元", Decimal(1)),)
        fee = False  # 元 is the column's own unit: nothing to convert
    for unit, unit_factor in units:
        if body.endswith(unit) and len(body) > len(unit):
            body = body[: -len(unit)].strip()
            factor = unit_factor
            if fee and unit == "元":
                reasons.append(("金额单位是万元，元要换算成万元", "the unit is 万元, so 元 are converted"))
            elif fee and unit == "亿元":
                reasons.append(
                    ("金额单位是万元，亿元要换算成万元", "the unit is 万元, so 亿元 are converted")
                )
            else:
                reasons.append((f"不要写单位“{unit}”", f"leave out the unit '{unit}'"))
            break
    number: Decimal | None = None
    if len(body) <= _MAX_DIGITS and _PLAIN_NUMBER.match(body):
        number = Decimal(body)
    elif len(body) <= _MAX_DIGITS and _GROUPED_NUMBER.match(body):
        number = Decimal(re.sub("[,，]", "", body))
        reasons.append(("不要用千位分隔符（逗号）", "leave out the thousands separators"))
    else:
        chinese = parse_chinese(body)
        if chinese is not None:
            number = Decimal(chinese)
            reasons.append(("请用阿拉伯数字", "use Arabic digits"))
    if number is None:
        return None
    try:
        number = number * factor
    except InvalidOperation:
        return None
    if not reasons:
        reasons.append(("请直接写数字", "write a plain number"))
    why = "；".join(zh for zh, _ in reasons)
    why_en = "; ".join(en for _, en in reasons)
    return Reading(number, why, why_en, full_width, factor != 1)


def parse_chinese(text: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 二〇二三 → 2023; None if `text` is not a Chinese numeral (the statute's one parser)."""
    return statute.numbers.chinese_numeral(text)


def format_number(number: Decimal) -> str:
    """12 for 12.0, 0.035 for 3.5E-2: the way the clerk should type it."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _half_width(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        elif ch == "\u3000":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)
