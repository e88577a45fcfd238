"""rules/stale_text.py: an earlier year framing the current year's account (DL711)."""

from __future__ import annotations

import pytest
from conftest import col_of, edit, line_of, lint, triples

from disclosure_lint.findings import WARNING

CITY_PART5 = "  一是部分业务科室主动公开意识不强，信息报送不够及时；二是政策解读形式较为单一。\n"


def part5(city_text: str, text: str) -> str:
    """The city fixture's part 五, its first line replaced by `text` (which may span lines)."""
    return edit(city_text, CITY_PART5, "".join(f"  {line}\n" for line in text.split("\n")))


def stale(text: str) -> list[tuple[str, int, int]]:
    return [t for t in triples(lint(text)) if t[0] == "DL711"]


@pytest.mark.parametrize(
    ("sentence", "needle", "quote"),
    [
        ("2022年，我局政务公开工作存在以下问题。", "2022", "2022年，我局政务公开工作存在以下问题"),
        ("2022年度，我局政务公开工作存在以下问题。", "2022", "2022年度，我局政务公开工作存在以下问题"),
        ("2022年度我局政务公开工作存在以下问题。", "2022", "2022年度我局政务公开工作存在以下问题"),
        ("2021年我局共收到申请80件。", "2021", "2021年我局共收到申请80件"),
        ("2022年全年主动公开信息100条。", "2022", "2022年全年主动公开信息100条"),
        ("（一）主动公开方面：2022年，我局主动公开信息100条。", "2022", "2022年，我局主动公开信息100条"),
        ("一是2022年，我局主动公开信息100条。", "2022", "2022年，我局主动公开信息100条"),
        ("全年未发生泄密事件。2021年，本局主动公开信息。", "2021", "2021年，本局主动公开信息"),
        ("２０２２年，我局政务公开工作存在以下问题。", "２０２２", "2022年，我局政务公开工作存在以下问题"),
        ("本年度（2022年）我局主动公开信息100条。", "2022", "本年度（2022年）我局主动公开信息100条"),
        (
            "本报告统计期限自2022年1月1日起至2022年12月31日止。",
            "2022",
            "统计期限自2022年1月1日起至2022年12月31日止",
        ),
        ("现将本局2022年度政府信息公开工作年度报告公布如下。", "2022", "现将本局2022年度政府信息公开工作年度报告公布如下"),
        (
            "2022年，我局围绕规划和不动产登记做了大量工作，各项任务全面完成，群众满意度稳步提升。",
            "2022",
            "2022年，我局围绕规划和不动产登记做了大量工作……",
        ),
    ],
)  # fmt: skip
def test_an_earlier_year_as_the_current_one(city_text: str, sentence: str, needle: str, quote: str) -> None:
    text = part5(city_text, sentence)
    result = lint(text)
    line = line_of(text, sentence[:8])
    assert triples(result) == [("DL711", line, col_of(text, needle, sentence[:8]))]
    assert result.findings[0].severity == WARNING
    assert result.findings[0].message() == (
        f"“{quote}”：这是 2023 年度的报告，这里却以 {needle.translate(str.maketrans('０２', '02'))} "
        "年为本年度叙述，像是沿用了往年报告的文字，请核对年份和内容"
    )


def test_message_in_english(city_text: str) -> None:
    result = lint(part5(city_text, "2022年，我局政务公开工作存在以下问题。"))
    assert result.findings[0].message("en") == (
        "'2022年，我局政务公开工作存在以下问题': this is the report on 2023, but the text speaks of 2022 "
        "as the current year — probably text carried over from an earlier report; check the year and what "
        "the sentence says"
    )


def test_a_year_at_the_start_of_a_wrapped_line(city_text: str) -> None:
    text = part5(city_text, "我局召开专题会议，\n2022年，全局收到申请80件。")
    assert stale(text) == [("DL711", line_of(text, "2022年，全局"), 3)]


def test_one_finding_per_sentence(city_text: str) -> None:
    text = part5(city_text, "2022年，我局收到申请80件，2022年度我局办结78件。")
    assert len(stale(text)) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "我局于2022年12月发布的文件已全部公开。",  # a date, not the year of the account
        "2022年12月，我局印发了政务公开工作规则。",
        "全年主动公开信息较2022年增长10%。",  # a comparison
        "2022年，我局收到申请80件；2023年收到70件。",
        "2022年，我局收到申请80件，同比本年有所减少。",
        "2022年，我局存在的问题本年度已整改。",
        "2019年以来，我局持续推进政务公开。",  # a period up to now
        "依据《2022年政务公开工作要点》，我局推进公开。",  # a title
        "针对2022年度报告中指出的问题，我局已整改。",  # last year's report, named as such
        "2022年我局印发的《政务公开工作规则》继续执行。",  # a past act described
        "2024年，我局将加强培训。",  # the next year: plans
        "2025年，我局将完成平台改造。",  # later years: plans too
        "本报告统计期限自2023年1月1日起至2023年12月31日止。",
        "本年度（2023年）我局主动公开信息100条。",
        "我局按照2022年修订的办法开展工作。",
    ],
)
def test_legitimate_uses_of_an_earlier_year(city_text: str, sentence: str) -> None:
    assert stale(part5(city_text, sentence)) == []


def test_part_one_aspects_and_part_six_are_read(city_text: str) -> None:
    text = edit(city_text, "    2023年，我局通过门户网站主动公开", "    2022年，我局通过门户网站主动公开")
    text = edit(text, "  本年度发出信息处理费收费通知0件", "  2022年度，我局发出信息处理费收费通知0件")
    assert stale(text) == [
        ("DL711", line_of(text, "2022年，我局通过门户网站"), 5),
        ("DL711", line_of(text, "2022年度，我局发出"), 3),
    ]


def test_the_examples_name_only_their_own_year(city_text: str, seed_text: str) -> None:
    assert stale(city_text) == [] and stale(seed_text) == []


def test_without_a_year_nothing_is_compared(city_text: str) -> None:
    text = part5(city_text, "2022年，我局政务公开工作存在以下问题。")
    text = edit(text, "年度: 2023", "年度: 二〇二三")
    assert stale(text) == []
