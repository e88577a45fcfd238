"""DL601: a fee of 1 亿元 or more in the 万元 column was probably typed in 元."""

from __future__ import annotations

import pytest
from conftest import col_of, edit, line_of, lint, triples

from disclosure_lint.findings import WARNING

FEE = "{本年收费金额: 12.35}"


def with_fee(text: str, amount: str) -> str:
    return edit(text, FEE, f"{{本年收费金额: {amount}}}")


def test_fee_in_yuan_shows_both_readings(city_text: str) -> None:
    text = with_fee(city_text, "35000")
    result = lint(text)
    assert triples(result) == [("DL601", line_of(text, "本年收费金额"), col_of(text, "35000"))]
    assert result.findings[0].severity == WARNING
    assert result.findings[0].message() == (
        "“行政事业性收费·本年收费金额”的单位是万元，填的是 35000 万元（3.5 亿元），按一个部门估计，"
        "一年的收费很少超过 1 亿元；如果这是以元计的 35000 元，应填 3.5"
    )
    assert result.findings[0].message("en") == (
        "'行政事业性收费·本年收费金额' is in 万元 (10,000 yuan): 35000 万元 is 3.5 亿元 (100 million yuan), "
        "more than a single department usually collects in a year (1 亿元); if the figure is 35000 yuan, write 3.5"
    )


@pytest.mark.parametrize(
    ("amount", "in_wan"), [("10000", "1"), ("123456.7", "12.34567"), ("1234567", "123.4567")]
)
def test_threshold_and_decimals(city_text: str, amount: str, in_wan: str) -> None:
    text = with_fee(city_text, amount)
    result = lint(text)
    assert triples(result) == [("DL601", line_of(text, "本年收费金额"), col_of(text, amount))]
    assert result.findings[0].message().endswith(f"如果这是以元计的 {amount} 元，应填 {in_wan}")


@pytest.mark.parametrize("amount", ["9999.99", "0", "0.5"])
def test_plausible_amounts_are_fine(city_text: str, amount: str) -> None:
    assert triples(lint(with_fee(city_text, amount))) == []


def test_quoted_large_fee_is_one_finding_about_the_quotes(city_text: str) -> None:
    text = with_fee(city_text, "'35000'")
    assert triples(lint(text)) == [("DL402", line_of(text, "本年收费金额"), col_of(text, "'35000'"))]


# ---------------------------------------------------------------- by scale


def governed_by(text: str, agency: str, kind: str) -> str:
    text = edit(text, "机关: 示例市自然资源和规划局", f"机关: {agency}")
    return edit(text, "报告类型: 部门", f"报告类型: {kind}")


@pytest.mark.parametrize(
    ("agency", "kind", "amount"),
    [
        ("平潭综合实验区", "管委会", "24252.311082"),  # a zone government's real figure
        ("沭阳县人民政府", "本级政府", "4068.208"),  # a county's real figure
        ("淮安市洪泽区人民政府", "本级政府", "7545"),
        ("示例市人民政府", "本级政府", "1500000"),  # 150 亿元 for a whole city
    ],
)
def test_many_yi_is_normal_for_a_government_with_all_its_departments(
    city_text: str, agency: str, kind: str, amount: str
) -> None:
    text = with_fee(governed_by(city_text, agency, kind), amount)
    assert [f for f in lint(text).findings if f.code == "DL601"] == []


def test_yuan_typed_for_a_county_government_says_what_it_assumed(city_text: str) -> None:
    # 4068.208 万元 copied from the finance system in 元: 40682080.
    text = with_fee(governed_by(city_text, "沭阳县人民政府", "本级政府"), "40682080")
    result = lint(text)
    found = [(f.code, f.pos.line, f.pos.col) for f in result.findings if f.code == "DL601"]
    assert found == [("DL601", line_of(text, "本年收费金额"), col_of(text, "40682080"))]
    message = next(f for f in result.findings if f.code == "DL601").message()
    assert "按县级政府或管委会（含所属部门）估计，一年的收费很少超过 50 亿元" in message
    assert message.endswith("应填 4068.208")


def test_a_township_is_held_to_a_bureau_s_scale(city_text: str) -> None:
    text = with_fee(governed_by(city_text, "示例县某街道办事处", "乡镇"), "52000")
    result = lint(text)
    assert [(f.code, f.pos.line) for f in result.findings if f.code == "DL601"] == [
        ("DL601", line_of(text, "本年收费金额"))
    ]
    assert "按一个乡镇（街道）估计" in result.findings[0].message()
