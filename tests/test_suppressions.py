"""Inline suppressions: with a reason they silence one finding; otherwise they are reported."""

from __future__ import annotations

from conftest import EXAMPLES, edit, line_of, lint, triples

BROKEN = (EXAMPLES / "broken-2023.yaml").read_text(encoding="utf-8")
APPEALS = "  行政复议:         [2, 1, 0, 1, 5]"


def codes(text: str) -> list[str]:
    return [code for code, _, _ in triples(lint(text))]


def test_trailing_comment_with_reason_silences_its_line() -> None:
    text = edit(
        BROKEN,
        APPEALS,
        APPEALS + "  # disclosure-lint: disable=DL204 一件复议决定书年底才送达，以法院通知为准",
    )
    assert "DL204" not in codes(text)
    assert len(codes(text)) == 7


def test_comment_line_applies_to_the_next_line() -> None:
    text = edit(BROKEN, APPEALS, "  # disclosure-lint: disable=DL204 已报上级同意\n" + APPEALS)
    assert "DL204" not in codes(text)


def test_prefix_and_several_codes() -> None:
    text = edit(BROKEN, APPEALS, APPEALS + "  # disclosure-lint: disable=DL2,DL4 核对中")
    assert "DL204" not in codes(text)
    line = line_of(text, "disable=DL2,DL4")
    assert ("DL012", line, text.splitlines()[line - 1].index("#") + 1) in triples(lint(text))  # DL4 unused


def test_file_wide_suppression() -> None:
    text = "# disclosure-lint: disable-file=DL303,DL601 本机关收费由财政统一公布\n" + BROKEN
    assert codes(text) == ["DL503", "DL403", "DL205", "DL401", "DL204", "DL102"]


def test_missing_reason_unknown_code_and_unused_are_reported() -> None:
    text = edit(BROKEN, APPEALS, APPEALS + "  # disclosure-lint: disable=DL204")
    text = edit(
        text, "发布日期: 2024-02-05", "发布日期: 2024-02-05  # disclosure-lint: disable=DL999 写错了代码"
    )
    text = edit(text, "年度: 2023", "年度: 2023  # disclosure-lint: disable=DL201 没有问题的一行")
    result = lint(text)
    found = {(f.code, f.pos.line) for f in result.findings if f.code.startswith("DL01")}
    assert found == {
        ("DL010", line_of(text, "disable=DL204")),
        ("DL011", line_of(text, "DL999")),
        ("DL012", line_of(text, "年度: 2023")),
    }
    assert "DL204" not in codes(text)  # silenced, though the reason is missing
    no_reason = next(f for f in result.findings if f.code == "DL010")
    assert no_reason.message().startswith("抑制注释没有写明原因")


def test_hash_inside_a_text_block_is_not_a_directive(seed_text: str) -> None:
    text = edit(
        seed_text,
        "  本年度未收取信息处理费，无其他需要报告的事项。",
        "  本年度未收取信息处理费。 # disclosure-lint: disable=DL204 这只是正文",
    )
    assert triples(lint(text)) == []
