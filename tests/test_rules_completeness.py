"""DL3xx: the five aspects of part 一, empty text parts, the 信息处理费 in part 六, template leftovers."""

from __future__ import annotations

import pytest
from conftest import col_of, edit, line_of, lint, triples

from disclosure_lint.findings import ERROR, WARNING

CITY_PLATFORM = "  平台建设: |\n    我局优化门户网站信息公开专栏，完成政务新媒体账号清理整合。\n"
CITY_PART5 = (
    "存在的主要问题及改进情况: |\n"
    "  一是部分业务科室主动公开意识不强，信息报送不够及时；二是政策解读形式较为单一。\n"
    "  2024年，我局将建立信息报送提醒机制，并增加图解、视频等解读形式。\n"
)
CITY_PART6 = (
    "其他需要报告的事项: |\n"
    "  本年度发出信息处理费收费通知0件，未收取信息处理费。\n"
    "  我局办理人大代表建议31件、政协提案24件，办理结果已全部公开。\n"
)


def with_part1_text(text: str, part1: str) -> str:
    """Replace part 一's five-aspect mapping with a single block of text."""
    start = text.index("总体情况:\n")
    end = text.index("主动公开政府信息情况:")
    return (
        text[:start]
        + "总体情况: |\n"
        + "".join(f"  {line}\n" for line in part1.splitlines())
        + "\n"
        + text[end:]
    )


# ---------------------------------------------------------------- DL301


def test_single_text_part_one_missing_two_aspects(seed_text: str) -> None:
    text = with_part1_text(
        seed_text,
        "2023年，我局主动公开政府信息123条。依申请公开方面，全年未收到政府信息公开申请。\n"
        "信息发布实行三级审核，政府信息管理规范有序。",
    )
    result = lint(text)
    pos = (line_of(text, "总体情况: |"), col_of(text, "|", "总体情况: |"))
    assert triples(result) == [("DL301", *pos), ("DL301", *pos)]
    assert [f.args["aspect"] for f in result.findings] == ["平台建设", "监督保障"]
    assert result.findings[0].severity == WARNING
    assert result.findings[0].message() == (
        "“总体情况”没有提到“平台建设”方面：2021 年格式要求总体情况概述主动公开、依申请公开、政府信息管理、"
        "平台建设、监督保障五个方面的工作，请补写平台建设方面的情况"
    )
    assert (
        result.findings[1]
        .message("en")
        .startswith("'总体情况' does not mention '监督保障' (oversight and safeguards)")
    )


def test_single_text_part_one_with_other_wordings_is_clean(seed_text: str) -> None:
    text = with_part1_text(
        seed_text,
        "2023年，我局主动公开政府信息123条，依申请办理政府信息公开申请0件。\n"
        "我局落实信息发布审核制度，维护好门户网站和政务新媒体，将政务公开纳入年度考核并开展培训。",
    )
    assert triples(lint(text)) == []


def test_single_text_part_one_missing_everything_gives_one_finding_per_aspect(seed_text: str) -> None:
    text = with_part1_text(seed_text, "2023年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。")
    result = lint(text)
    assert [code for code, _, _ in triples(result)] == ["DL301"] * 5
    assert [f.args["aspect"] for f in result.findings] == [
        "主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障",
    ]  # fmt: skip


# ---------------------------------------------------------------- DL302


def test_empty_aspect_replaces_the_schema_type_error(city_text: str) -> None:
    text = edit(city_text, CITY_PLATFORM, "  平台建设:\n")
    result = lint(text)
    assert triples(result) == [("DL302", line_of(text, "  平台建设:"), 3)]
    assert result.findings[0].severity == ERROR
    assert result.findings[0].message() == "“总体情况·平台建设”没有内容：请写明本年度平台建设方面的工作情况"
    assert result.findings[0].message("en") == (
        "'总体情况·平台建设' is empty: describe the year's work on 平台建设 (disclosure platforms)"
    )


@pytest.mark.parametrize("value", ['""', "'   '", "'　　'", "|\n\n"])
def test_blank_part_five(city_text: str, value: str) -> None:
    text = edit(city_text, CITY_PART5, f"存在的主要问题及改进情况: {value}\n")
    result = lint(text)
    assert triples(result) == [("DL302", line_of(text, "存在的主要问题及改进情况:"), 1)]
    assert result.findings[0].message() == (
        "“存在的主要问题及改进情况”没有内容：请写明政府信息公开工作存在的主要问题及改进情况（《条例》第五十条第（四）项）"
    )


def test_empty_part_six_is_one_finding_not_also_fee_silence(city_text: str) -> None:
    text = edit(city_text, CITY_PART6, "其他需要报告的事项:\n")
    assert triples(lint(text)) == [("DL302", line_of(text, "其他需要报告的事项:"), 1)]


def test_empty_single_text_part_one(seed_text: str) -> None:
    start = seed_text.index("总体情况:\n")
    end = seed_text.index("主动公开政府信息情况:")
    text = seed_text[:start] + "总体情况: ''\n\n" + seed_text[end:]
    result = lint(text)
    assert triples(result) == [("DL302", line_of(text, "总体情况: ''"), 1)]
    assert "主动公开、依申请公开、政府信息管理、平台建设、监督保障" in result.findings[0].message()


# ---------------------------------------------------------------- DL303


def test_part_six_silent_on_the_fee(seed_text: str) -> None:
    text = edit(seed_text, "  本年度未收取信息处理费，无其他需要报告的事项。", "  无其他需要报告的事项。")
    result = lint(text)
    assert triples(result) == [("DL303", line_of(text, "其他需要报告的事项: |"), 12)]
    assert result.findings[0].severity == WARNING
    assert result.findings[0].message().startswith("“其他需要报告的事项”没有说明信息处理费的收取情况")
    assert "information processing fee" in result.findings[0].message("en")


@pytest.mark.parametrize(
    "wording", ["本年度未收取信息处理费。", "本年度未收费。", "本年度未发生处理费收取。"]
)
def test_fee_wordings_are_accepted(seed_text: str, wording: str) -> None:
    text = edit(seed_text, "  本年度未收取信息处理费，无其他需要报告的事项。", f"  {wording}")
    assert triples(lint(text)) == []


# ---------------------------------------------------------------- DL304


@pytest.mark.parametrize("placeholder", ["（待填写）", "待填写", "TODO", "todo", "XXX", "××", "此处填写"])
def test_placeholder_in_part_five_points_at_it(city_text: str, placeholder: str) -> None:
    line = "  2024年，我局将建立信息报送提醒机制，并增加图解、视频等解读形式。"
    text = edit(city_text, line, f"  2024年，我局将{placeholder}。")
    result = lint(text)
    assert triples(result) == [("DL304", line_of(text, "2024年，我局将"), 12)]
    assert col_of(text, placeholder, "2024年，我局将") == 12
    assert result.findings[0].message() == (
        f"“存在的主要问题及改进情况”里还留着模板的占位文字“{placeholder}”：请换成实际内容"
    )


def test_template_counts_in_part_six_also_silence_the_fee_warning(seed_text: str) -> None:
    text = edit(
        seed_text,
        "  本年度未收取信息处理费，无其他需要报告的事项。",
        "  本年度发出收费通知X件，总金额X元，实际收取X元。",
    )
    result = lint(text)
    assert triples(result) == [("DL304", line_of(text, "发出收费通知X件"), 12)]
    assert result.findings[0].message() == (
        "“其他需要报告的事项”里还留着模板的占位文字“X”（共 3 处）：请换成实际内容"
    )
    assert result.findings[0].message("en") == (
        "'其他需要报告的事项' still holds the template placeholder 'X' (3 places): replace it with the real content"
    )


def test_placeholder_in_an_aspect_and_in_the_agency(city_text: str) -> None:
    text = edit(city_text, "我局优化门户网站信息公开专栏", "（待填写）我局优化门户网站信息公开专栏")
    text = edit(text, "机关: 示例市自然资源和规划局", "机关: XXX市自然资源和规划局")
    assert triples(lint(text)) == [
        ("DL304", line_of(text, "机关:"), 5),
        ("DL304", line_of(text, "（待填写）"), 5),
    ]


def test_words_that_only_look_like_placeholders_are_fine(city_text: str) -> None:
    text = edit(
        city_text,
        "二是政策解读形式较为单一。",
        "二是政策解读形式较为单一，工作机制有待完善；申请人请填写申请表的说明不够清楚。",
    )
    assert triples(lint(text)) == []


# ---------------------------------------------------------------- DL301 reads the prose, not headings


def test_flowing_prose_with_heading_variants_covers_all_five(seed_text: str) -> None:
    # Phrased the way a zone's and a bureau's real reports phrase it: numbered paragraphs with
    # their own headings, not the format's five keys.
    text = with_part1_text(
        seed_text,
        "2023年，我局围绕群众关切深化政务公开。（一）主动公开方面。全年发布政府信息2645条，\n"
        "对29项重要政策作了解读。（二）依申请公开方面。本年度未收到政府信息公开申请。\n"
        "（三）一是各单位明确经办人员，二是落实保密审查。（四）平台载体建设方面。\n"
        "关停不规范的政务新媒体2个。（五）常态化开展季度检查4次，细化考核细则。",
    )
    assert triples(lint(text)) == []


def test_aspect_headings_are_not_required_keys(city_text: str) -> None:
    # Three headings typed; the other two aspects are covered in their prose: nothing to report,
    # and never the schema's missing-key error.
    text = edit(city_text, CITY_PLATFORM, "")
    text = edit(
        text,
        "  监督保障: |\n    我局将政务公开纳入年度绩效考核，全年组织业务培训2次。\n",
        "",
    )
    text = edit(
        text,
        "    我局落实信息发布三级审核，完成行政规范性文件清理，现行有效的行政规范性文件12件。\n",
        "    我局落实信息发布三级审核，维护门户网站专栏，把政务公开纳入绩效考核。\n",
    )
    assert triples(lint(text)) == []


def test_aspect_missing_from_keys_and_prose_is_a_warning_at_part_one(city_text: str) -> None:
    text = edit(city_text, "  监督保障: |\n    我局将政务公开纳入年度绩效考核，全年组织业务培训2次。\n", "")
    result = lint(text)
    assert triples(result) == [("DL301", line_of(text, "总体情况:"), 1)]
    assert result.findings[0].args["aspect"] == "监督保障"
    assert result.findings[0].severity == WARNING


def test_a_title_does_not_cover_an_aspect(seed_text: str) -> None:
    text = with_part1_text(
        seed_text, "我局贯彻《政府信息公开平台建设和监督保障工作规定》，主动公开信息123条。"
    )
    assert [f.args["aspect"] for f in lint(text).findings] == [
        "依申请公开",
        "政府信息管理",
        "平台建设",
        "监督保障",
    ]


@pytest.mark.parametrize(("year", "version"), [("2020", "2019"), ("2020", "2021"), ("2019", "2019")])
def test_2021_requirements_are_not_asked_of_a_2019_format_report(
    seed_text: str, year: str, version: str
) -> None:
    # Part 一 in one paragraph about none of the aspects, part 六 silent on the fee: right for 2019/2020.
    text = with_part1_text(seed_text, "2020年，我局认真贯彻落实《中华人民共和国政府信息公开条例》。")
    text = edit(text, "  本年度未收取信息处理费，无其他需要报告的事项。", "  无其他需要报告的事项。")
    text = edit(edit(text, "年度: 2023", f"年度: {year}"), "格式版本: 2021", f"格式版本: {version}")
    text = edit(text, "发布日期: 2024-01-22", f"发布日期: {int(year) + 1}-01-20")
    codes = [code for code, _, _ in triples(lint(text))]
    assert "DL301" not in codes and "DL303" not in codes
