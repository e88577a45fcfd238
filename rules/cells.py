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

YAML itself reads some of what clerks type as something else. The file is read
as YAML 1.2 says (017 is 17, `yes` is the text "yes"), and where the clerk
likely meant something else the finding says so: `yes`/`no`/`true` in a cell
(DL407), 0x1F, 0o17, 1_000 or .inf (DL408), and 1,234 inside [ ] or { }, where
the comma splits one number into two cells (DL402, at the first part).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from disclosure_lint.api import ERROR, WARNING, Finding, Path, Pos, Report, Rule, statute

FORMAT = "国办公开办函〔2021〕30号"

BLANK = Rule(
    code="DL401",
    name="blank-cell",
    severity=ERROR,
    summary_zh="表格格子为空或填了“/”“—”“无”等占位符",
    summary_en="A table cell is blank or holds a placeholder such as '/', '—' or '无'",
    clause=f"{FORMAT}（表格每格都要填数字）",
    message_zh="“{cell}”为空（{written}）：没有就填 0",
    message_en="'{cell}' is blank ({written_en}): write 0 if there were none",
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
)

RULES = (BLANK, TEXT, FULL_WIDTH, NEGATIVE, FRACTION, FLOAT, YES_NO, NOTATION)

# What clerks type for "none" (compared after stripping spaces, case-insensitively): the statute module.
PLACEHOLDERS = statute.NONE_MARKS

# Answers to "were there any?", not counts. YAML 1.2 reads true/false as booleans and the rest as
# text; YAML 1.1 tools read yes/no/on/off as booleans too. Compared case-insensitively.
YES_NO_WORDS = frozenset(("true", "false", "yes", "no", "on", "off", "y", "n", "是", "否", "有"))
_BASES = {"x": ("十六进制", "hexadecimal"), "o": ("八进制", "octal"), "b": ("二进制", "binary")}
_NOTATION = re.compile(r"^[+-]?0([xob])", re.IGNORECASE)

_COUNT_UNITS = ("件", "个", "条", "项", "次", "人", "起", "宗", "份")
# Fee units and the factor that turns them into 万元.
_FEE_UNITS = (("亿元", Decimal(10000)), ("万元", Decimal(1)), ("万", Decimal(1)), ("元", Decimal("0.0001")))
_MAX_DIGITS = 30  # longer digit strings are not a clerk's count; leave them to the schema

_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]+(?:\.[0-9]+)?$")
_GROUPED_NUMBER = re.compile(r"^[+-]?[0-9]{1,3}(?:[,，][0-9]{3})+(?:\.[0-9]+)?$")


@dataclass(frozen=True)
class Cell:
    path: Path
    label: str  # as the clerk reads it: row·column
    is_fee: bool = False  # an amount (万元 or 元): decimals allowed
    signed: bool = False  # the 2019 format's 本年增/减: negative allowed


def check(report: Report) -> Iterable[Finding]:
    thousands = _thousands_findings(report)
    for cell in cells(report):
        if cell.path in report.unreadable:
            continue  # the importer could not read it, and says so itself (DL020): not the publisher's blank
        finding = _check_cell(report, cell) or thousands.get(cell.path)
        if finding is not None:
            yield finding


def cells(report: Report) -> Iterator[Cell]:
    """Every number cell that is present in the report, walking the tables of the report's format."""
    s = statute
    fmt = s.format_of(report.data)
    for row in fmt.part2_rows:
        for column in row.columns:
            path = (s.PART2, row.label, column)
            if report.has(path) and isinstance(report.get(path[:-1]), dict):
                yield Cell(
                    path,
                    f"{row.label}·{column}",
                    is_fee=column in s.tables.AMOUNT_COLUMNS,
                    signed=column in s.tables.SIGNED_COLUMNS,
                )
    for row3 in fmt.part3_rows:
        yield from _row_cells(report, row3.path, row3.label, s.PART3_COLUMNS)
    for block in s.PART4_BLOCKS:
        yield from _row_cells(report, (s.PART4, block), block, s.PART4_COLUMNS)


def _row_cells(report: Report, path: Path, label: str, columns: tuple[str, ...]) -> Iterator[Cell]:
    row = report.get(path)
    if not isinstance(row, list):
        return
    for index in range(len(row)):
        column = columns[index] if index < len(columns) else f"第{index + 1}格"
        yield Cell((*path, index), f"{label}·{column}")


def _check_cell(report: Report, cell: Cell) -> Finding | None:
    value = report.get(cell.path)
    scalar = report.scalars.get(cell.path)
    if scalar is None:
        return None  # a list or mapping in a cell: the schema's type error says it
    written = scalar.text
    if isinstance(value, bool) or (isinstance(value, str) and value.strip().casefold() in YES_NO_WORDS):
        return _yes_no(report.pos(cell.path), cell, written.strip())
    if value is None:
        # An empty value sits after the colon; the key is where the clerk looks.
        pos = report.key_pos(cell.path) if isinstance(cell.path[-1], str) else report.pos(cell.path)
        if written.strip():
            return BLANK.at(
                pos, cell.path, cell=cell.label, written=f"写的是“{written}”", written_en=f"'{written}'"
            )
        return BLANK.at(pos, cell.path, cell=cell.label, written="什么也没填", written_en="nothing written")
    pos = report.pos(cell.path)
    if isinstance(value, int | float) and not scalar.quoted:
        notation = _notation(cell, written, value)
        if notation is not None:
            why, why_en = notation
            return NOTATION.at(pos, cell.path, cell=cell.label, written=written, why=why, why_en=why_en)
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
        return FLOAT.at(pos, cell.path, cell=cell.label, written=written, expected=int(value))
    if isinstance(value, str):
        return _check_text(cell, pos, value, scalar.quoted)
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


def _notation(cell: Cell, written: str, value: float) -> tuple[str, str] | None:
    """Why a number YAML read is not written as a clerk writes numbers, or None if it is."""
    what, what_en = ("金额", "an amount") if cell.is_fee else ("件数", "a count")
    if isinstance(value, float) and not math.isfinite(value):
        name, name_en = ("“非数”（NaN）", "'not a number'") if math.isnan(value) else ("无穷大", "infinity")
        return (
            f"YAML 把它读作{name}，不是{what}；没有就填 0",
            f"YAML reads this as {name_en}, not {what_en}; write 0 if there were none",
        )
    base = _NOTATION.match(written)
    if base is not None:
        name, name_en = _BASES[base.group(1).lower()]
        return (
            f"这是{name}写法，会被读作 {value}；表格只填普通的十进制数字，请核对后直接写{what}",
            f"this is {name_en} notation, read as {value}; cells take plain decimal numbers — check it and write {what_en}",
        )
    if "_" in written:
        expected = format_number(Decimal(str(value)))
        return (
            f"数字中间不要加下划线，写成 {expected}",
            f"leave out the underscores; write {expected}",
        )
    return None


_DIGITS_GROUP = re.compile(r"[0-9]{3}(?:\.[0-9]+)?")


def _thousands_findings(report: Report) -> dict[Path, Finding]:
    """1,234 in a [ ] row or a { } mapping: YAML splits it at the comma into 1 and 234.

    Found from the source: a plain 1-3 digit cell followed, with no space, by ",ddd" groups that
    YAML read as further cells of a row too long by exactly those parts, or as keys without
    values. The finding is at the first part and `covers` names what YAML made of the rest (the
    row, whose length is then wrong, or the stray keys), which is the same problem.
    """
    found: dict[Path, Finding] = {}
    by_parent: dict[Path, list[Cell]] = {}
    for cell in cells(report):
        by_parent.setdefault(cell.path[:-1], []).append(cell)
    for parent, its_cells in by_parent.items():
        container = report.get(parent)
        if isinstance(container, list):
            splits: list[tuple[Cell, list[str]]] = []
            skip = 0
            for cell in its_cells:
                if skip:
                    skip -= 1
                    continue
                groups = _groups_after(report, cell)
                if groups and _row_parts_match(report, cell, groups):
                    splits.append((cell, groups))
                    skip = len(groups)
            width = len(statute.PART3_COLUMNS) if parent[0] == statute.PART3 else len(statute.PART4_COLUMNS)
            if not splits:
                continue
            if len(container) - sum(len(groups) for _, groups in splits) == width:
                covers: tuple[Path, ...] = (parent,)  # the row's wrong length is this same problem
            elif _spaced_elsewhere(report, its_cells, splits):
                covers = ()  # the row is also short or long for another reason: that stays a finding
            else:
                continue
            for cell, groups in splits:
                found[cell.path] = _thousands(report, cell, groups, covers)
        elif isinstance(container, dict):
            for cell in its_cells:
                groups = _groups_after(report, cell)
                covers = _stray_keys(report, cell, groups) if groups else None
                if covers:
                    found[cell.path] = _thousands(report, cell, groups, covers)
    return found


def _groups_after(report: Report, cell: Cell) -> list[str]:
    """The ",ddd" groups written right after a plain 1-3 digit cell, as the source shows them."""
    scalar = report.scalars.get(cell.path)
    value = report.get(cell.path)
    if scalar is None or scalar.quoted or not isinstance(value, int) or isinstance(value, bool):
        return []
    if not 1 <= len(scalar.text) <= 3 or not scalar.text.isdigit():
        return []
    start = report.pos(cell.path)
    line = report.line_text(start.line)
    at = start.col - 1 + len(scalar.text)
    if line[start.col - 1 : at] != scalar.text:
        return []
    groups: list[str] = []
    while at < len(line) and line[at] == ",":
        group = _DIGITS_GROUP.match(line, at + 1)
        if group is None or (group.end() < len(line) and line[group.end()] not in ",]} \t"):
            break
        groups.append(group.group())
        at = group.end()
        if "." in groups[-1]:
            break
    return groups


def _row_parts_match(report: Report, cell: Cell, groups: list[str]) -> bool:
    """Whether the cells after `cell` are exactly the groups, where the source has them."""
    parent, index = cell.path[:-1], cell.path[-1]
    assert isinstance(index, int)
    start = report.pos(cell.path)
    col = start.col + len(report.scalars[cell.path].text) + 1
    for offset, group in enumerate(groups, start=1):
        path = (*parent, index + offset)
        if report.pos(path) != Pos(start.line, col) or path not in report.scalars:
            return False
        col += len(group) + 1
    return True


def _spaced_elsewhere(report: Report, row: list[Cell], splits: list[tuple[Cell, list[str]]]) -> bool:
    """Whether every other comma between cells on the split cells' lines is followed by a space,
    as in [1,234, 8, 0]: then the unspaced comma is a thousands separator, not the clerk's style."""
    parts = {
        (*cell.path[:-1], cell.path[-1] + offset)
        for cell, groups in splits
        for offset in range(1, len(groups) + 1)
    }  # type: ignore[operator]
    lines = {report.pos(cell.path).line for cell, _ in splits}
    gaps = 0
    for cell, after in itertools.pairwise(row):
        if after.path in parts or report.pos(cell.path).line not in lines:
            continue
        start, end = report.pos(cell.path), report.pos(after.path)
        scalar = report.scalars.get(cell.path)
        if scalar is None or start.line != end.line:
            continue
        gap = report.line_text(start.line)[start.col - 1 + len(scalar.text) : end.col - 1]
        if gap.strip() != "," or gap == ",":
            return False
        gaps += 1
    return gaps >= 2


def _stray_keys(report: Report, cell: Cell, groups: list[str]) -> tuple[Path, ...] | None:
    """The value-less keys YAML made of the groups in a { } mapping, or None if it did not."""
    parent = cell.path[:-1]
    container = report.get(parent)
    start = report.pos(cell.path)
    col = start.col + len(report.scalars[cell.path].text) + 1
    paths = []
    for group in groups:
        path = (*parent, group)
        if report.keys.get(path) != Pos(start.line, col) or container.get(group, 0) is not None:
            return None
        paths.append(path)
        col += len(group) + 1
    return tuple(paths)


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
    )


def _negative(cell: Cell, pos: Pos, written: str) -> Finding:
    what, what_en = ("金额", "an amount") if cell.is_fee else ("件数", "a count")
    return NEGATIVE.at(pos, cell.path, cell=cell.label, written=written, what=what, what_en=what_en)


def _check_text(cell: Cell, pos: Pos, text: str, quoted: bool) -> Finding | None:
    shown = text.strip() or text
    if text.strip().casefold() in PLACEHOLDERS or not text.strip():
        written = f"写的是“{text}”" if text.strip() else "只有空格" if text else "写的是空的引号"
        written_en = f"'{text}'" if text.strip() else "only spaces" if text else "empty quotes"
        return BLANK.at(pos, cell.path, cell=cell.label, written=written, written_en=written_en)
    parsed = parse_number(text, fee=cell.is_fee, quoted=quoted)
    if parsed is None:
        return None  # not a number we can read: the schema's type error
    number, why, why_en, full_width = parsed
    if number < 0 and not cell.signed:
        return _negative(cell, pos, shown)
    if not cell.is_fee and number != number.to_integral_value():
        return FRACTION.at(pos, cell.path, cell=cell.label, written=shown)
    expected = format_number(number)
    if full_width:
        return FULL_WIDTH.at(pos, cell.path, cell=cell.label, written=text, expected=expected)
    return TEXT.at(pos, cell.path, cell=cell.label, written=text, why=why, why_en=why_en, expected=expected)


def parse_number(text: str, fee: bool = False, quoted: bool = True) -> tuple[Decimal, str, str, bool] | None:
    """Read a number a clerk typed as text: (value, why it is text zh/en, had full-width digits).

    The value is in the cell's unit (万元 for the fee). None when the text is
    not a recognisable number.
    """
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
    return number, why, why_en, full_width


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
