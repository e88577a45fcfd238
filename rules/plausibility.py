"""DL6xx: figures that are well-formed but unlikely to be what the clerk meant.

The 2021 format (国办公开办函〔2021〕30号) prints the fee column of part 二 as
“本年收费金额（单位：万元）” for the 行政事业性收费 of 《条例》第二十条第（八）项.
Finance systems report in 元, and a figure copied from them without dividing by
10 000 makes the organ appear to have collected hundreds of millions: evaluators
list "收费金额单位错误" among the usual faults. A figure of 1 亿元 (10 000 万元)
or more is possible for a large government, so this is a warning that shows
both readings and lets the clerk decide.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

from disclosure_lint.api import WARNING, Finding, Report, Rule, statute

FEE_PATH = (statute.PART2, statute.FEES, statute.FEE_AMOUNT)
SUSPICIOUS_WAN = 10_000  # 万元, i.e. 1 亿元

FEE_IN_YUAN = Rule(
    "DL601", "fee-unit-yuan", WARNING,
    "收费金额很大，疑似把“元”当成了“万元”", "The fee amount is so large it was probably entered in 元, not 万元",
    "《条例》第二十条第（八）项；国办公开办函〔2021〕30号（本年收费金额单位：万元）",
    "“行政事业性收费·本年收费金额”的单位是万元，填的是 {amount} 万元（{yi} 亿元），一个机关一年的收费很少有这么多；"
    "如果这是以元计的 {amount} 元，应填 {in_wan}",
    "'行政事业性收费·本年收费金额' is in 万元 (10,000 yuan): {amount} 万元 is {yi} 亿元 (100 million yuan), "
    "far more than an organ usually collects in a year; if the figure is {amount} yuan, write {in_wan}",
)  # fmt: skip

RULES = (FEE_IN_YUAN,)


def check(report: Report) -> Iterable[Finding]:
    amount = report.get(FEE_PATH)
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return  # missing or not a number: the cell and schema rules report it
    if isinstance(amount, float) and not math.isfinite(amount):
        return
    if amount < SUSPICIOUS_WAN:
        return
    written = report.scalars[FEE_PATH].text if FEE_PATH in report.scalars else str(amount)
    value = Decimal(written) if _is_decimal(written) else Decimal(str(amount))
    shifted = value / 10_000
    yield FEE_IN_YUAN.at(
        report.pos(FEE_PATH), FEE_PATH, amount=_plain(value), yi=_plain(shifted), in_wan=_plain(shifted)
    )


def _is_decimal(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def _plain(number: Decimal) -> str:
    """35000, 3.5, 0.0012: no exponent, no trailing zeros."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")
