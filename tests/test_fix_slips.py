"""Slips that stop the YAML from being read (a full-width colon after a key, no space after the
colon, a quote left open, an invisible character): the fix is found by reading, mends exactly
the slipped characters, and never touches text that only looks like a key."""

from __future__ import annotations

import re

import pytest
from conftest import edit, fix, lint

from disclosure_lint.findings import SAFE, Edit, Pos


def slipped_everywhere(text: str) -> str:
    """Every key written with `：`, as a Chinese input method left on would type it."""
    text = re.sub(r"^(\s*[^\s#][^:\n]*):", r"\1：", text, flags=re.MULTILINE)
    return re.sub(r"([{,]\s*[^\s:,{}]+): ", r"\1：", text)


@pytest.mark.parametrize(
    ("correct", "slip"),
    [
        ("\n年度: 2023\n", "\n年度：2023\n"),
        ("\n年度: 2023\n", "\n年度:2023\n"),
        ("\n总体情况:\n", "\n总体情况：\n"),  # the key of a group: the error is reported a line later
        ("  主动公开: |", "  主动公开：|"),  # the text below is swallowed: the error comes 7 lines on
        ("  行政复议:         [0, 0, 0, 0, 0]", "  行政复议：         [0, 0, 0, 0, 0]"),  # alignment kept
        ("  行政许可: {本年处理决定数量: 0}", "  行政许可: {本年处理决定数量:0}"),
        ("\n年度: 2023\n", "\n年度:\u30002023\n"),  # a full-width space after the colon
        ("\n年度: 2023\n", "\n年度：\u30002023\n"),
        ("其他需要报告的事项: |", "其他需要报告的事项：|"),
        ("\n机关: 攀枝花市西区司法局", "\n机关: 攀枝花市西区\u200b司法局"),
        ("\n机关: 攀枝花市西区司法局", "\n机关: 攀枝花\ufeff市西区\u200b司法局"),
        ("\n机关: 攀枝花市西区司法局", "\n机关: 攀枝花市西区司法局\x07"),
    ],
)
def test_a_slip_that_stops_the_yaml_is_mended_back_to_the_report(
    seed_text: str, correct: str, slip: str
) -> None:
    text = edit(seed_text, correct, slip)
    (finding,) = lint_decoded(text)
    assert finding.code == "DL004"
    assert finding.fix is not None and finding.fix.applicability == SAFE
    fixed = fix(text)
    assert fixed.text == seed_text
    assert fixed.result.findings == []


def lint_decoded(text: str) -> list:
    from conftest import _MODULES

    from disclosure_lint.config import Options
    from disclosure_lint.lint import lint_source

    return lint_source(text, "report.yaml", _MODULES, Options()).findings


def test_the_colon_fix_edits_only_the_colon(seed_text: str) -> None:
    text = edit(seed_text, "  行政复议:         [0, 0, 0, 0, 0]", "  行政复议：         [0, 0, 0, 0, 0]")
    line = text.splitlines().index("  行政复议：         [0, 0, 0, 0, 0]") + 1
    (finding,) = lint_decoded(text)
    assert finding.pos == Pos(line, 7)  # the slip, found where it was typed; the fix mends just it
    assert finding.fix is not None
    assert finding.fix.edits == (Edit(Pos(line, 7), Pos(line, 8), ":"),)
    assert finding.fix.message("en") == "write ': ' (a half-width colon and a space) after the key"


def test_every_key_typed_with_a_full_width_colon_is_mended_in_one_run(seed_text: str) -> None:
    text = slipped_everywhere(seed_text)
    assert sum(a != b for a, b in zip(text.splitlines(), seed_text.splitlines(), strict=True)) == 55
    fixed = fix(text)
    # The five aspects under 总体情况 read as one text once the keys above them are mended (the
    # format allows 总体情况 as one text), so nothing reports them: they stay as typed.
    left = [
        n
        for n, (a, b) in enumerate(zip(fixed.text.splitlines(), seed_text.splitlines(), strict=True), 1)
        if a != b
    ]
    assert [fixed.text.splitlines()[n - 1] for n in left] == [
        "  主动公开： |",
        "  依申请公开： |",
        "  政府信息管理： |",
        "  平台建设： |",
        "  监督保障： |",
    ]
    assert fixed.result.findings == []


def test_a_group_read_as_one_text_is_mended(seed_text: str) -> None:
    rows = (
        "  行政复议:         [0, 0, 0, 0, 0]",
        "  未经复议直接起诉: [0, 0, 0, 0, 0]",
        "  复议后起诉:       [0, 0, 0, 0, 0]",
    )
    text = seed_text
    for row in rows:
        text = edit(text, row, row.replace(":", "：", 1))
    assert [f.code for f in lint(text).findings] == ["DL103"]  # part 四 read as one text
    fixed = fix(text)
    assert fixed.text == seed_text and fixed.applied == 1


def test_a_line_inside_a_text_that_starts_like_a_key_is_never_touched(seed_text: str) -> None:
    narrative = "    我局按规定程序受理、办理和答复网上及现场提交的政府信息公开申请，依法不予公开的信息"
    text = edit(
        seed_text, narrative, "    依申请公开：我局按规定程序受理、办理和答复网上及现场提交的政府信息公开申请"
    )
    text = edit(text, "\n年度: 2023\n", "\n年度：2023\n")
    fixed = fix(text)
    assert fixed.text == edit(
        seed_text, narrative, "    依申请公开：我局按规定程序受理、办理和答复网上及现场提交的政府信息公开申请"
    )


def test_quotes(seed_text: str) -> None:
    for slip, mended in (
        ('机关: "攀枝花市西区司法局', '机关: "攀枝花市西区司法局"'),  # left open: closed at the line's end
        ('机关："攀枝花市西区司法局', '机关: "攀枝花市西区司法局"'),  # and the colon too
        ('机关: "攀枝花市"西区司法局', "机关: '\"攀枝花市\"西区司法局'"),  # quotes inside: kept, as typed
    ):
        text = edit(seed_text, "机关: 攀枝花市西区司法局", slip)
        fixed = fix(text)
        assert fixed.text == edit(seed_text, "机关: 攀枝花市西区司法局", mended), slip
        assert fixed.result.findings == []
    from disclosure_lint.loader import load_text

    wrapped = edit(seed_text, "机关: 攀枝花市西区司法局", "机关: '\"攀枝花市\"西区司法局'")
    assert load_text(wrapped, "r.yaml").report.data["机关"] == '"攀枝花市"西区司法局'


@pytest.mark.parametrize(
    ("correct", "slip"),
    [
        ("\n年度: 2023\n", "\n备注：无\n年度: 2023\n"),  # a key the format does not have: maybe no key at all
        ("  主动公开: |", "\t主动公开: |"),  # a tab: how wide did the clerk mean it?
        ("\n年度: 2023\n", "\n年度: 2023" + "\x01" * 20 + "\n"),  # many control characters: not a stray paste
    ],
)
def test_no_fix_where_the_slip_is_not_certain(seed_text: str, correct: str, slip: str) -> None:
    text = edit(seed_text, correct, slip)
    (finding,) = lint_decoded(text)
    assert finding.code == "DL004"
    assert finding.fix is None
    assert fix(text).text == text


def test_the_search_reads_a_bounded_amount_and_the_next_round_goes_on(
    seed_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from disclosure_lint import slip_fixes as slips

    text = slipped_everywhere(seed_text)
    whole = slips.colon_slips(text)
    monkeypatch.setattr(slips, "READ_BUDGET", 8_000)  # a few reads of this report
    part = slips.colon_slips(text)
    assert whole is not None and part is not None
    assert 0 < len(part.edits) < len(whole.edits)  # the steps taken, each verified
    assert set(part.edits) <= set(whole.edits)
    monkeypatch.undo()
    unbounded = fix(text).text
    monkeypatch.setattr(slips, "READ_BUDGET", 8_000)
    bounded = fix(text)
    assert bounded.text == unbounded  # --fix's later rounds find the rest
    assert bounded.applied > 1
