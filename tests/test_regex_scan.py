"""The whole-text scans (regex_scan.anywhere) find a match in exactly the texts their patterns do."""

from __future__ import annotations

import re
from re import _constants as c
from re import _parser
from typing import Any

import disclosure_lint.rules  # noqa: F401  (the rule modules make their scans on import)
import pytest
from conftest import EXAMPLES, FIXTURES
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_lint import prose, regex_scan
from disclosure_lint.loader import load_file


def _first_chars(items: Any) -> set[str] | None:
    """The characters a match of the parsed sequence `items` can start with; None where that is
    not a small set of characters (a match may be empty, start with any character, a category …)."""
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the next item starts the match
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            chars: set[str] = set()
            for kind, value in av:
                if kind is c.LITERAL:
                    chars.add(chr(value))
                elif kind is c.RANGE and value[1] - value[0] < 64:
                    chars.update(chr(code) for code in range(value[0], value[1] + 1))
                else:
                    return None
            return chars
        if op is c.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                chars_of = _first_chars(alternative)
                if chars_of is None:
                    return None
                found |= chars_of
            return found
        if op is c.SUBPATTERN:
            return _first_chars(av[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _first_chars(av[2])
        return None
    return None


def _scans() -> list[tuple[re.Pattern[str], str, re.Pattern[str]]]:
    return list(regex_scan.SCANS)


def test_the_rules_make_their_scans() -> None:
    from disclosure_lint.rules.applications import NONE_APPLICATIONS, NONE_APPLICATIONS_ANYWHERE

    assert _scans() == [(NONE_APPLICATIONS, "未没尚并均从无暂不政信依公", NONE_APPLICATIONS_ANYWHERE)]


@pytest.mark.parametrize(("pattern", "first", "scan"), _scans(), ids=lambda value: str(value)[:24])
def test_every_match_starts_with_a_character_of_first(
    pattern: re.Pattern[str], first: str, scan: re.Pattern[str]
) -> None:
    chars = _first_chars(_parser.parse(pattern.pattern, pattern.flags).data)
    assert chars is not None and chars <= set(first), sorted((chars or set()) - set(first))


def _texts() -> list[str]:
    found = []
    for path in sorted({*EXAMPLES.glob("*.yaml"), *FIXTURES.rglob("*.yaml")}):
        report = load_file(path).report
        if report is not None:
            found += [flat.text for flat in prose.texts(report)]
    return found


def test_real_looking_texts_are_found_alike() -> None:
    texts = _texts()
    assert len(texts) > 20
    for pattern, _, scan in _scans():
        for text in texts:
            assert (scan.search(text) is None) == (pattern.search(text) is None), (pattern.pattern, text)


# Pieces of the patterns' own words, the characters around them and other prose.
_PIECES = st.sampled_from(
    [
        *("未", "没有", "尚未", "无", "暂无", "不存在", "均", "全部", "都", "已", "全数", "收到", "受理"),
        *("政府信息公开申请", "信息公开申请", "依申请公开", "公开申请", "申请", "人", "为", "0", "零", "件"),
        *("接到", "收悉", "过", "发生", "产生", "任何", "数量", "均", "都", "〇", "人", "者", "的", "被"),
        *("，", "。", "；", "：", "我局", "2023年", "办结", "行政复议", "提出"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_generated_texts_are_found_alike(text: str) -> None:
    for pattern, _, scan in _scans():
        assert (scan.search(text) is None) == (pattern.search(text) is None), pattern.pattern
