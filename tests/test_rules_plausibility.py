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
        "“行政事业性收费·本年收费金额”的单位是万元，填的是 35000 万元（3.5 亿元），一个机关一年的收费很少有这么多；"
        "如果这是以元计的 35000 元，应填 3.5"
    )
    assert result.findings[0].message("en") == (
        "'行政事业性收费·本年收费金额' is in 万元 (10,000 yuan): 35000 万元 is 3.5 亿元 (100 million yuan), "
        "far more than an organ usually collects in a year; if the figure is 35000 yuan, write 3.5"
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
