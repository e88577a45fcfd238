"""Prose figures with their own scope, claims the tables contradict, sums inside the prose.

Each kind has a passage phrased as real reports phrase it that must stay silent, and one that
must fire, with exact code, line and column. Most cases rewrite the city fixture's 依申请公开
aspect (line 14; 新收 66 = 自然人 52 + others 14, 上年结转 4 of which 自然人 3, 办结 65, 结转 5,
予以公开 26, 部分公开 7; 行政复议 [2, 1, 0, 1, 4], 直接起诉 [1, 0, 0, 1, 2], 复议后起诉 0);
the others are the real reports of ../shared/real/ written as YAML (tests/real_reports.py).
"""

from __future__ import annotations

import pytest
from conftest import col_of, edit, line_of, lint
from real_reports import report_yaml

from disclosure_lint.findings import INFO, WARNING

CITY_APPLICATIONS = (
    "    2023年，我局共收到政府信息公开申请70件，其中本年新收66件，上年结转4件；\n"
    "    已办结65件，结转下年度继续办理5件。\n"
)


def applications(city_text: str, sentence: str) -> str:
    return edit(city_text, CITY_APPLICATIONS, f"    {sentence}\n    申请人对答复总体满意。\n")


def prose_findings(text: str) -> list[tuple[str, int, int]]:
    return [(f.code, f.pos.line, f.pos.col) for f in lint(text).findings if f.code.startswith("DL70")]


def at(text: str, needle: str, within: str) -> tuple[int, int]:
    return line_of(text, within), col_of(text, needle, within)


# ---------------------------------------------------------------- one applicant column


def test_applicant_column_agrees_with_new_plus_carried(city_text: str) -> None:
    text = applications(
        city_text, "全年收到政府信息公开申请70件，其中自然人申请55件，法人或其他组织申请15件。"
    )
    assert prose_findings(text) == []


def test_applicant_column_that_no_cell_gives(city_text: str) -> None:
    sentence = "全年收到政府信息公开申请70件，其中自然人申请60件，法人或其他组织申请10件。"
    text = applications(city_text, sentence)
    result = lint(text)
    found = [f for f in result.findings if f.code == "DL701"]
    assert [(f.code, f.pos.line, f.pos.col) for f in found] == [
        ("DL701", *at(text, "60件", sentence)),
        ("DL701", *at(text, "10件", sentence)),
    ]
    assert found[0].message() == (
        "正文说“其中自然人申请60件”，但表三“本年新收”中自然人为 52（第 33 行），加上“上年结转”为 55，办结 51"
    )


# ---------------------------------------------------------------- 含上年结转, documents, hotlines


@pytest.mark.parametrize(
    "sentence",
    [
        "全年受理政府信息公开申请70件（含上年结转4件），已办结65件。",
        "本年度依申请公开类信息12件，均按规定归档。",  # documents, not applications
        "12345热线转来涉及政府信息公开的诉求9件，均已回复。",  # a hotline's count
        "全年办理群众来信来访事项31件。",  # petitions
    ],
)
def test_figures_of_another_scope_stay_silent(city_text: str, sentence: str) -> None:
    assert prose_findings(applications(city_text, sentence)) == []


# ---------------------------------------------------------------- one office inside the body


def test_one_office_inside_the_body_is_info_not_a_contradiction(city_text: str) -> None:
    sentence = "区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。"
    text = applications(city_text, sentence)
    result = lint(text)
    assert [(f.code, f.pos.line, f.pos.col) for f in result.findings] == [
        ("DL707", *at(text, "17件", sentence))
    ]
    assert result.findings[0].severity == INFO
    assert "正文的数字是区政府办的，表三可能是整个机关（或全区域）的合计" in result.findings[0].message()


def test_the_office_s_figure_matching_the_table_is_silent(city_text: str) -> None:
    text = applications(city_text, "区政府办代表区政府受理政府信息公开申请66件，均已依法答复。")
    assert prose_findings(text) == []


# ---------------------------------------------------------------- a government's own area


def test_a_county_s_own_area_is_read_and_agrees() -> None:
    # c-county-2025: 全县…受理749件 = 新收 713 + 上年结转 36; 其中自然人741件 = 705 + 36; 法人或其他组织8件.
    assert prose_findings(report_yaml("c-county-2025")) == []


def test_a_county_s_own_area_is_held_against_its_tables_as_a_note() -> None:
    # Some governments' table 三 is the whole county's (c-county-2025), others' the government's
    # own handling only: a 全县 figure the table does not give is worth a look, not a warning.
    text = edit(report_yaml("c-county-2025"), "共受理政府信息公开申请749件", "共受理政府信息公开申请750件")
    result = lint(text)
    assert prose_findings(text) == [("DL707", *at(text, "750件", "申请750件"))]
    note = next(f for f in result.findings if f.code == "DL707")
    assert note.severity == INFO
    assert "正文的数字是全县的，表三可能只统计政府本级" in note.message()


# ---------------------------------------------------------------- claims against the tables


def test_two_result_groups_named_together_are_their_sum(city_text: str) -> None:
    assert prose_findings(applications(city_text, "全年依申请予以公开及部分公开33件。")) == []
    sentence = "全年依申请予以公开及部分公开26件。"  # 26 is 予以公开 alone
    text = applications(city_text, sentence)
    result = lint(text)
    assert prose_findings(text) == [("DL701", *at(text, "26件", sentence))]
    assert (
        result.findings[0].message()
        == "正文说“全年依申请予以公开及部分公开26件”，但表三“予以公开”与“部分公开”合计为 33"
    )


def test_all_completed_with_cases_carried_forward(city_text: str) -> None:
    sentence = "本年度共受理政府信息公开申请70件，所有申请均已按期办结。"
    text = applications(city_text, sentence)
    assert prose_findings(text) == [("DL701", *at(text, "均已按期办结", sentence))]


def test_appeal_claimed_in_the_application_aspect_against_an_empty_table_four() -> None:
    # d-bureau-2022's table 四 is all 0.
    text = edit(
        report_yaml("d-bureau-2022"),
        "全年没有因政府信息公开针对我局申请行政复议或提起行政诉讼的事项。",
        "依申请公开方面，全年依法答复。本年度被申请行政复议2件。",
    )
    assert prose_findings(text) == [("DL704", *at(text, "2件", "本年度被申请行政复议2件"))]


def test_appeal_figures_each_against_their_own_block(city_text: str) -> None:
    fine = "因政府信息公开被申请行政复议案件4件、提起行政诉讼案件2件。"
    assert prose_findings(applications(city_text, fine)) == []
    sentence = "因政府信息公开被申请行政复议案件4件、提起行政诉讼案件3件。"
    text = applications(city_text, sentence)
    result = lint(text)
    assert prose_findings(text) == [("DL704", *at(text, "3件", sentence))]
    assert "合计 2" in result.findings[0].message()  # both litigation blocks, never 复议 + 诉讼


def test_related_cases_after_both_words_are_all_three_blocks(city_text: str) -> None:
    lead = "依法做好政府信息公开行政复议、行政诉讼应诉工作，共办理相关案件"
    assert prose_findings(applications(city_text, f"{lead}6件。")) == []
    text = applications(city_text, f"{lead}7件。")
    assert prose_findings(text) == [("DL704", *at(text, "7件", lead))]


def test_all_upheld_while_table_four_has_corrected_and_pending(city_text: str) -> None:
    sentence = "因政府信息公开被申请行政复议4件，均获维持。"
    text = applications(city_text, sentence)
    result = lint(text)
    assert prose_findings(text) == [("DL708", *at(text, "均获维持", sentence))]
    assert result.findings[0].severity == WARNING
    assert result.findings[0].message() == (
        "正文说“均获维持”，但表四“行政复议”结果纠正为 1（第 66 行），“行政复议”尚未审结为 1（第 66 行）"
    )


def test_all_upheld_over_a_table_that_says_so(city_text: str) -> None:
    text = applications(city_text, "因政府信息公开被申请行政复议4件，均获维持。")
    text = edit(text, "行政复议:         [2, 1, 0, 1, 4]", "行政复议:         [4, 0, 0, 0, 4]")
    assert prose_findings(text) == []


# ---------------------------------------------------------------- sums inside the prose


def test_a_list_ending_in_other_that_falls_short_is_info() -> None:
    # b-zone-2019: eleven 其中 items add to 2533, not the 2599 before them; the 财政 list
    # (152 + 197 + 27 + 4 = 380, with 32 + 165 = 197 in brackets) adds up.
    text = report_yaml("b-zone-2019")
    result = lint(text)
    found = [f for f in result.findings if f.code == "DL705"]
    assert [(f.code, f.pos.line, f.pos.col) for f in found] == [
        ("DL705", *at(text, "25条", "机构职能类25条"))
    ]
    assert found[0].severity == INFO
    assert found[0].args["parts"] == 2533


def test_a_short_list_without_other_stays_silent(city_text: str) -> None:
    # "其中" often names only the notable items.
    text = edit(city_text, "其中政策文件15条，政策解读22条，", "其中政策文件15条，政策解读20条，")
    assert prose_findings(text) == []


# ---------------------------------------------------------------- a count over an empty table


SEED_NONE = "2023年，我局未收到政府信息公开申请。"


def test_one_application_handled_over_a_zero_table(seed_text: str) -> None:
    sentence = "2023年，我局办理政府信息公开申请1件，已按期答复。"
    text = edit(seed_text, SEED_NONE, sentence)
    assert prose_findings(text) == [("DL701", *at(text, "1件", sentence))]


def test_one_application_handled_over_an_empty_total(seed_text: str) -> None:
    # The publisher left the 总计 cells of table 三 empty ("/"): the text's 1 has no cell behind it.
    sentence = "2023年，我局办理政府信息公开申请1件，已按期答复。"
    text = edit(seed_text, SEED_NONE, sentence)
    for row in ("本年新收政府信息公开申请数量:", "上年结转政府信息公开申请数量:", "    总计:"):
        line = next(ln for ln in text.splitlines() if ln.startswith(("  " + row, row)) or ln.startswith(row))
        text = edit(text, line, line.replace(", 0]", ", /]"))
    result = lint(text)
    found = [f for f in result.findings if f.code == "DL701"]
    assert [(f.code, f.pos.line, f.pos.col) for f in found] == [("DL701", *at(text, "1件", sentence))]
    assert "“本年新收”总计为空" in found[0].message()


def test_nothing_said_over_an_empty_total_stays_silent(seed_text: str) -> None:
    line = next(ln for ln in seed_text.splitlines() if ln.startswith("  本年新收政府信息公开申请数量:"))
    text = edit(seed_text, line, line.replace(", 0]", ", /]"))
    assert prose_findings(text) == []  # "未收到申请" over an empty cell: nothing contradicts


@pytest.mark.parametrize(
    "sentence",
    [
        "因政府信息公开被申请行政复议4件，其中纠正1件、尚未审结1件，其余均获维持。",
        "公民、法人或其他组织全年提出政府信息公开申请共70件。",  # every applicant, not one column
    ],
)
def test_limited_claims_and_every_applicant_stay_silent(city_text: str, sentence: str) -> None:
    assert prose_findings(applications(city_text, sentence)) == []


def test_an_organ_s_own_appeals_after_a_sentence_on_disclosure_stay_silent(city_text: str) -> None:
    # A 司法局 handles reviews of other organs' decisions: 信息公开 in the sentence before does not
    # make its caseload a disclosure figure.
    text = edit(
        city_text,
        "    我局将政务公开纳入年度绩效考核，全年组织业务培训2次。\n",
        "    我局严格落实政府信息公开制度。全年办理行政复议案件56件，行政应诉案件32件。\n",
    )
    assert prose_findings(text) == []


def test_one_office_named_as_a_part_of_the_whole_stays_silent() -> None:
    text = edit(
        report_yaml("e-district-2024"),
        "2024年，区政府办代表区政府受理政府信息公开申请17件，",
        "2024年，全区共受理政府信息公开申请95件，其中区政府本级受理17件，",
    )
    assert prose_findings(text) == []
