"""DL6xx: figures that are well-formed but unlikely to be what the clerk meant.

The 2021 format (国办公开办函〔2021〕30号) prints the fee column of part 二 as
“本年收费金额（单位：万元）” for the 行政事业性收费 of 《条例》第二十条第（八）项.
Finance systems report in 元, and a figure copied from them without dividing by
10 000 makes the organ appear to have collected hundreds of millions: evaluators
list "收费金额单位错误" among the usual faults.

What is plausible depends on whose fees the report covers. A bureau rarely collects 1 亿元 in a
year; a county's or a zone's own report covers all its departments, and several 亿元 is normal
there (real reports: 4068.2 万元 for a county, 24252.31 万元 for a zone government); a city's or
a province's runs to tens or hundreds of 亿元. The limit follows 报告类型 and the level read from
the organ's name, and the message says which it assumed, since both can be guessed wrong.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

from disclosure_lint.api import WARNING, Finding, Report, Rule, statute

FEE_PATH = (statute.PART2, statute.FEES, statute.FEE_AMOUNT)

FEE_IN_YUAN = Rule(
    code="DL601",
    name="fee-unit-yuan",
    severity=WARNING,
    summary_zh="收费金额很大，疑似把“元”当成了“万元”",
    summary_en="The fee amount is so large it was probably entered in 元, not 万元",
    clause=f"《条例》第二十条第（八）项；{statute.DOCUMENT_2021}（本年收费金额单位：万元）",
    message_zh="“行政事业性收费·本年收费金额”的单位是万元，填的是 {amount} 万元（{yi} 亿元），按{assumed}估计，"
    "一年的收费很少超过 {limit} 亿元；如果这是以元计的 {amount} 元，应填 {in_wan}",
    message_en="'行政事业性收费·本年收费金额' is in 万元 (10,000 yuan): {amount} 万元 is {yi} 亿元 (100 million yuan), "
    "more than {assumed_en} usually collects in a year ({limit} 亿元); if the figure is {amount} yuan, "
    "write {in_wan}",
)

RULES = (FEE_IN_YUAN,)

# 万元 a year above which a fee is more likely 元 typed in the 万元 column, by whose fees they are.
DEPARTMENT_LIMIT = 10_000  # 1 亿元: one bureau, one township
COUNTY_LIMIT = 500_000  # 50 亿元: a county, district or zone government with all its departments
CITY_LIMIT = 2_000_000  # 200 亿元: a city (地级) government
PROVINCE_LIMIT = 10_000_000  # 1000 亿元: a province or a municipality under the State Council
MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")


def check(report: Report) -> Iterable[Finding]:
    amount = report.get(FEE_PATH)
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return  # missing or not a number: the cell and schema rules report it
    if isinstance(amount, float) and not math.isfinite(amount):
        return
    limit, assumed, assumed_en = scale(report)
    if amount < limit:
        return
    written = report.scalars[FEE_PATH].text if FEE_PATH in report.scalars else str(amount)
    value = Decimal(written) if _is_decimal(written) else Decimal(str(amount))
    shifted = value / 10_000
    if statute.KIND in report.guessed:
        assumed, assumed_en = f"{assumed}（报告类型是推测的）", f"{assumed_en} (a guessed kind)"
    yield FEE_IN_YUAN.at(
        report.pos(FEE_PATH),
        FEE_PATH,
        amount=_plain(value),
        yi=_plain(shifted),
        in_wan=_plain(shifted),
        limit=_plain(Decimal(limit) / 10_000),
        assumed=assumed,
        assumed_en=assumed_en,
    )


def scale(report: Report) -> tuple[int, str, str]:
    """(limit in 万元, what was assumed in Chinese, in English) from 报告类型 and the organ's name."""
    kind = report.get((statute.KIND,))
    if kind not in (statute.KIND_GOVERNMENT, statute.KIND_ZONE):
        if kind == statute.KIND_TOWNSHIP:
            return DEPARTMENT_LIMIT, "一个乡镇（街道）", "a township"
        return DEPARTMENT_LIMIT, "一个部门", "a single department"
    agency = report.get((statute.AGENCY,))
    name = agency.strip().removesuffix("人民政府") if isinstance(agency, str) else ""
    if name.endswith(("省", "自治区")) or name in MUNICIPALITIES:
        return PROVINCE_LIMIT, "省级政府（含所属部门）", "a provincial government with its departments"
    if name.endswith(("市", "州", "盟")):
        return CITY_LIMIT, "市级政府（含所属部门）", "a city government with its departments"
    return (
        COUNTY_LIMIT,
        "县级政府或管委会（含所属部门）",
        "a county-level government or zone with its departments",
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
