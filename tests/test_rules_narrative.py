"""rules/applications.py, appeals.py, fee.py: figures and statements in the text against tables 三 and 四 (DL701–DL706).

Each check is tried on many wordings, both ones that contradict the tables and ones that must
stay silent. Most cases rewrite one text line of the city fixture (新收 66, 上年结转 4, 办结 65,
结转 5; 行政复议 4, 直接起诉 2, 复议后起诉 0; （六）2 = 0) or of the county fixture, whose
single-text part 一 states its figures in Chinese numerals and whose （六）2 is 2.
"""

from __future__ import annotations

import time

import pytest
from conftest import EXAMPLES, FIXTURES, col_of, edit, line_of, lint, triples

from disclosure_lint.findings import WARNING
from disclosure_lint.prose import read_number

COUNTY = FIXTURES / "narrative" / "county-hrss-2023.yaml"

CITY_APPLICATIONS = (
    "    2023年，我局共收到政府信息公开申请70件，其中本年新收66件，上年结转4件；\n"
    "    已办结65件，结转下年度继续办理5件。\n"
)
CITY_OVERSIGHT = "    我局将政务公开纳入年度绩效考核，全年组织业务培训2次。\n"
CITY_PROACTIVE = "    2023年，我局通过门户网站主动公开政府信息412条，其中政策文件15条，政策解读22条，\n"
COUNTY_PART6 = (
    "  本年度共发出信息处理费收费通知2件，金额合计600元；申请人均未在期限内缴纳，未实际收取信息处理费。\n"
)

# The city fixture's table cells as the messages name them.
NEW = "“本年新收”总计为 66（第 33 行）"
NEW_AND_CARRIED_IN = "加上“上年结转”为 70（第 34 行）"
CARRIED_IN = "“上年结转”总计为 4（第 34 行）"
COMPLETED = "办理结果“（七）总计”为 65（第 61 行）"
CARRIED_OUT = "“结转下年度继续办理”总计为 5（第 62 行）"
REVIEW = "“行政复议”总计为 4（第 66 行）"
DIRECT = "“未经复议直接起诉”总计为 2（第 67 行）"
AFTER_REVIEW = "“复议后起诉”总计为 0（第 68 行）"
FEE_ROW = "（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"


@pytest.fixture
def county_text() -> str:
    return COUNTY.read_text(encoding="utf-8")


def applications(city_text: str, sentence: str) -> str:
    """The city's 依申请公开 aspect saying `sentence` (line 14), keeping every line number."""
    return edit(city_text, CITY_APPLICATIONS, f"    {sentence}\n    申请人对答复总体满意。\n")


def oversight(city_text: str, sentence: str) -> str:
    """The city's 监督保障 aspect saying `sentence` (line 21)."""
    return edit(city_text, CITY_OVERSIGHT, f"    {sentence}\n")


def at(text: str, needle: str, within: str | None = None) -> tuple[int, int]:
    """(line, column) of `needle` on the only line containing `within` (default: `needle`)."""
    return line_of(text, within or needle), col_of(text, needle, within)


def narrative(text: str) -> list[tuple[str, int, int]]:
    """The findings of this module (DL70x); a stale year in the same sentence is DL711's."""
    return [t for t in triples(lint(text)) if t[0].startswith("DL70")]


# ---------------------------------------------------------------- the fixtures are clean


def test_fixtures_and_examples_are_clean(city_text: str, seed_text: str, county_text: str) -> None:
    assert triples(lint(city_text)) == []
    assert triples(lint(seed_text)) == []  # "123条，其中…36…19…63…3…2" adds up; 未收到申请 over 0
    assert triples(lint(county_text)) == []
    broken = lint((EXAMPLES / "broken-2023.yaml").read_text(encoding="utf-8"))
    assert not [f for f in broken.findings if f.code.startswith("DL7")]


# ---------------------------------------------------------------- DL701


@pytest.mark.parametrize(
    ("sentence", "needle", "said", "cells"),
    [
        ("2023年，我局共收到政府信息公开申请75件。", "75件", "我局共收到政府信息公开申请75件", f"{NEW}，{NEW_AND_CARRIED_IN}"),
        ("全年共受理依申请公开七十五件。", "七十五件", "全年共受理依申请公开七十五件", f"{NEW}，{NEW_AND_CARRIED_IN}"),
        ("全年共收到政府信息公开申请７５件。", "７５件", "全年共收到政府信息公开申请75件", f"{NEW}，{NEW_AND_CARRIED_IN}"),
        ("我局收到75件政府信息公开申请，均已答复。", "75件", "我局收到75件政府信息公开申请", f"{NEW}，{NEW_AND_CARRIED_IN}"),
        ("本年度新收政府信息公开申请一百零五件。", "一百零五件", "本年度新收政府信息公开申请一百零五件", NEW),
        ("本年新收申请67件，上年结转4件。", "67件", "本年新收申请67件", NEW),
        ("上年度结转申请两件，已于本年办结。", "两件", "上年度结转申请两件", CARRIED_IN),
        ("全年办结依申请公开六十四件。", "六十四件", "全年办结依申请公开六十四件", COMPLETED),
        ("结转至2024年继续办理的申请有6件。", "6件", "结转至2024年继续办理的申请有6件", CARRIED_OUT),
        ("共有6件申请结转下年度办理。", "6件", "共有6件申请结转下年度办理", CARRIED_OUT),
        ("共办理政府信息公开申请71件。", "71件", "共办理政府信息公开申请71件", f"{NEW}，{NEW_AND_CARRIED_IN}，{COMPLETED}"),
        ("申请办理结果中，予以公开27件，部分公开7件。", "27件", "予以公开27件", "“（一）予以公开”总计为 26（第 36 行）"),
        ("全年收到的政府信息公开申请中，不予公开十一件。", "十一件", "不予公开十一件", "“（三）不予公开”各项总计之和为 12（第 39–46 行）"),
        ("全年收到政府信息公开申请70件，均已办结。", "均已办结", "均已办结", CARRIED_OUT),
        ("依申请公开方面，全年收到申请80件。", "80件", "全年收到申请80件", f"{NEW}，{NEW_AND_CARRIED_IN}"),
        ("对3件申请作出不予公开答复。", "3件", "对3件申请作出不予公开答复", "“（三）不予公开”各项总计之和为 12（第 39–46 行）"),
        ("全年共处理政府信息公开申请72件（含上年结转4件）。", "72件", "全年共处理政府信息公开申请72件", f"{NEW}，{NEW_AND_CARRIED_IN}，{COMPLETED}"),
        # letters that were disclosure applications: "来信" right after 依申请公开 is how they came in
        ("我局收到依申请公开来信60件次，均按时答复。", "60件", "我局收到依申请公开来信60件次", f"{NEW}，{NEW_AND_CARRIED_IN}"),
        ("我局收到依申请公开来信66件次。处理结果中，予以公开25件，部分公开7件。", "25件", "予以公开25件", "“（一）予以公开”总计为 26（第 36 行）"),
    ],
)  # fmt: skip
def test_application_counts_against_table_three(
    city_text: str, sentence: str, needle: str, said: str, cells: str
) -> None:
    text = applications(city_text, sentence)
    result = lint(text)
    assert triples(result) == [("DL701", *at(text, needle, sentence))]
    assert result.findings[0].severity == WARNING
    assert result.findings[0].message() == f"正文说“{said}”，但表三{cells}"


def test_two_wrong_figures_in_one_sentence(city_text: str) -> None:
    text = applications(city_text, "本年度新收政府信息公开申请六十七件，上年度结转申请三件。")
    assert triples(lint(text)) == [("DL701", *at(text, "六十七件")), ("DL701", *at(text, "三件", "六十七件"))]


def test_application_count_in_english(city_text: str) -> None:
    result = lint(applications(city_text, "2023年，我局共收到政府信息公开申请75件。"))
    assert result.findings[0].message("en") == (
        "the text says '我局共收到政府信息公开申请75件', but table 三 has '本年新收' total 66 (line 33), "
        "70 with '上年结转' (line 34)"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "全年收到政府信息公开申请六十六件。",  # 新收
        "全年共收到政府信息公开申请七十件。",  # 新收 + 上年结转
        "共办理政府信息公开申请65件。",  # 办结
        "本年度新收申请66件，上年结转4件，共计70件；办结65件，结转下年度继续办理5件。",
        "其中予以公开26件，部分公开7件，不予公开12件，无法提供14件，不予处理4件，其他处理2件。",
        "2022年，我局收到政府信息公开申请80件。",  # another year
        "上年收到政府信息公开申请80件，今年有所减少。",
        "受理政府信息公开申请较上年增加5件。",  # a change, not a count
        "全市各级行政机关共收到政府信息公开申请1234件。",  # a wider scope
        "全年收到政府信息公开申请70余件。",  # approximate
        "全年收到政府信息公开申请近80件。",
        "全年收到政府信息公开申请80件左右。",
        "依申请公开方面，全年受理行政许可申请1520件，办结1520件。",  # other business
        "我局办理人大代表建议31件、政协提案24件。",
        "办理群众来信来访12件，均已答复。",
        "收到政府信息公开申请70件，其中60件已按时办结。",  # a subset
        "全年收到网上申请50件，现场申请16件。",
        "上年结转的4件申请已全部办结。",
        "推行“一件事一次办”，政府信息公开申请均在法定期限内答复。",
        "收到政府信息公开申请70件，其中予以公开、部分公开共33件。",
        "2024年，我局力争申请办结率达到100%。",
        "申请人逾期未缴纳信息处理费而不再处理的申请0件。",  # the fee row: DL706's
        "2023年，共收到政府信息公开申请70件（其中网上申请58件，信函申请12件），均已按期答复。",
        "全年共办理依申请公开事项70件，同比下降20%。",
        "其中当场答复3件，延期答复2件。",
        "全年共有2件申请因申请人未补正而终止办理。",  # 办理 after the figure, and ended
        "本机关收到的政府信息公开申请中，涉及土地征收类的有5件。",
        "本年度收到申请中，自然人申请52件，法人或其他组织申请14件。",
        "办理的政府信息公开申请中，因涉及国家秘密不予公开1件。",  # one reason, not the group
        "办理的政府信息公开申请中，本机关不掌握相关信息、无法提供的12件。",
        "对申请人提出的12件申请均在法定期限内予以答复。",
        "全年共处理政府信息公开申请70件（含上年结转4件）。",
        "我局收到依申请公开来信66件次，处理结果中，予以公开26件，部分公开7件。",
        "收到依申请公开来信12件、网上申请54件。",  # letters as one channel of several
        "处理结果中，因信息不存在无法提供的12件。",  # the row 本机关不掌握…, not the group (14)
        "处理结果中，因非本机关信息无法提供的12件。",
        "办理信访来信60件，依申请公开来信66件。",  # letters of other business keep their own count
    ],
)
def test_application_counts_that_stay_silent(city_text: str, sentence: str) -> None:
    assert narrative(applications(city_text, sentence)) == []


def test_an_unbalanced_table_is_reported_by_the_totals_rules_alone(city_text: str) -> None:
    # 新收 written as 67 in 自然人 and 总计: the text's 66 is right, the table is wrong.
    text = edit(city_text, "[52, 8, 1, 0, 3, 2, 66]", "[53, 8, 1, 0, 3, 2, 67]")
    assert [code for code, _, _ in triples(lint(text))] == ["DL201", "DL201"]


def test_a_report_without_part_one_aspects_is_read_as_one_text(county_text: str) -> None:
    text = edit(county_text, "本年度新收政府信息公开申请十六件", "本年度新收政府信息公开申请十五件")
    result = lint(text)
    assert triples(result) == [("DL701", *at(text, "十五件"))]
    assert result.findings[0].message() == (
        "正文说“本年度新收政府信息公开申请十五件”，但表三“本年新收”总计为 16（第 33 行）"
    )


# ---------------------------------------------------------------- DL702


@pytest.mark.parametrize(
    ("sentence", "needle", "said"),
    [
        ("2023年，我局未收到政府信息公开申请。", "未收到", "我局未收到政府信息公开申请"),
        ("本年度无依申请公开。", "无依申请", "本年度无依申请公开"),
        ("我局暂无政府信息公开申请。", "暂无", "我局暂无政府信息公开申请"),
        (
            "全年未收到公民、法人或者其他组织提出的政府信息公开申请。",
            "未收到",
            "全年未收到公民、法人或者其他组织提出的政府信息公开申请",
        ),
        ("本年度依申请公开件数为0。", "依申请公开件数", "本年度依申请公开件数为0"),
        ("全年没有收到申请。", "没有收到", "全年没有收到申请"),
    ],
)
def test_no_applications_over_a_table_with_some(
    city_text: str, sentence: str, needle: str, said: str
) -> None:
    text = applications(city_text, sentence)
    result = lint(text)
    assert triples(result) == [("DL702", *at(text, needle, sentence))]
    assert result.findings[0].message() == f"正文说“{said}”，但表三“本年新收”总计为 66（第 33 行）"
    assert result.findings[0].message("en") == (
        f"the text says '{said}' (no applications), but table 三 '本年新收' totals 66 (line 33)"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "对未受理的政府信息公开申请，及时告知申请人。",
        "2022年，我局未收到政府信息公开申请。",
        "本年度未收到行政复议申请。",
        "未收到申请人的补正材料的，按规定处理。",
        "全县各级行政机关均未收到政府信息公开申请。",
        "确保未收到政府信息公开申请的情况及时报告。",
        "除上述申请外，未收到其他政府信息公开申请。",  # some, not none
        "本年度未收到涉及国家秘密的政府信息公开申请。",
    ],
)
def test_no_applications_that_stay_silent(city_text: str, sentence: str) -> None:
    assert narrative(applications(city_text, sentence)) == []


def test_no_applications_over_an_empty_table_is_right(seed_text: str) -> None:
    assert "我局未收到政府信息公开申请" in seed_text
    assert triples(lint(seed_text)) == []


# ---------------------------------------------------------------- DL703


@pytest.mark.parametrize(
    ("sentence", "needle", "said", "cells"),
    [
        ("全年未发生因政府信息公开引起的行政复议、行政诉讼。", "未发生", "全年未发生因政府信息公开引起的行政复议、行政诉讼", f"{REVIEW}，{DIRECT}"),
        ("政府信息公开工作未被申请行政复议。", "未被", "政府信息公开工作未被申请行政复议", REVIEW),
        ("本年度政府信息公开工作没有引发行政诉讼。", "没有", "本年度政府信息公开工作没有引发行政诉讼", DIRECT),
        ("政府信息公开行政复议、行政诉讼案件均为零。", "行政复议、", "政府信息公开行政复议、行政诉讼案件均为零", f"{REVIEW}，{DIRECT}"),
    ],
)  # fmt: skip
def test_no_appeals_over_a_table_with_some(
    city_text: str, sentence: str, needle: str, said: str, cells: str
) -> None:
    text = oversight(city_text, sentence)
    result = lint(text)
    assert triples(result) == [("DL703", *at(text, needle, sentence))]
    assert result.findings[0].message() == f"正文说“{said}”，但表四{cells}"


@pytest.mark.parametrize(
    "sentence",
    [
        "全年未发生行政复议、行政诉讼。",  # not tied to 政府信息公开: could be the organ's other work
        "政府信息公开工作无行政复议被纠正的情况。",  # a result column
        "政府信息公开工作未发生败诉的行政诉讼。",
        "无论是政府信息公开行政复议还是行政诉讼，我局均依法应诉。",
        "2022年，政府信息公开工作未引发行政复议。",
        "对未经复议直接起诉的政府信息公开案件，我局依法应诉。",
        "未发生因政府信息公开被行政复议纠错的情况。",
        "未发生需要出庭应诉的政府信息公开诉讼案件。",
    ],
)
def test_no_appeals_that_stay_silent(city_text: str, sentence: str) -> None:
    assert narrative(oversight(city_text, sentence)) == []


def test_no_appeals_over_an_empty_table_is_right(city_text: str) -> None:
    text = oversight(city_text, "全年未发生因政府信息公开引起的行政复议、行政诉讼。")
    text = edit(text, "行政复议:         [2, 1, 0, 1, 4]", "行政复议:         [0, 0, 0, 0, 0]")
    text = edit(text, "未经复议直接起诉: [1, 0, 0, 1, 2]", "未经复议直接起诉: [0, 0, 0, 0, 0]")
    assert triples(lint(text)) == []


# ---------------------------------------------------------------- DL704


@pytest.mark.parametrize(
    ("sentence", "needle", "said", "cells"),
    [
        ("因政府信息公开被申请行政复议3件，被提起行政诉讼2件。", "3件", "因政府信息公开被申请行政复议3件", REVIEW),
        ("因不服政府信息公开答复申请行政复议2件。", "2件", "因不服政府信息公开答复申请行政复议2件", REVIEW),
        ("因政府信息公开被提起行政诉讼三件。", "三件", "因政府信息公开被提起行政诉讼三件", f"{DIRECT}，{AFTER_REVIEW}，合计 2"),
        ("政府信息公开案件中，未经复议直接起诉1件。", "1件", "未经复议直接起诉1件", DIRECT),
        ("因政府信息公开被申请行政复议、提起行政诉讼共5件。", "5件", "因政府信息公开被申请行政复议、提起行政诉讼共5件", f"{REVIEW}，{DIRECT}，{AFTER_REVIEW}，合计 6"),
        ("因政府信息公开被申请行政复议0件。", "0件", "因政府信息公开被申请行政复议0件", REVIEW),
        ("政府信息公开行政诉讼1件（未经复议直接起诉）。", "1件", "政府信息公开行政诉讼1件", f"{DIRECT}，{AFTER_REVIEW}，合计 2"),
    ],
)  # fmt: skip
def test_appeal_counts_against_table_four(
    city_text: str, sentence: str, needle: str, said: str, cells: str
) -> None:
    text = oversight(city_text, sentence)
    result = lint(text)
    assert triples(result) == [("DL704", *at(text, needle, sentence))]
    assert result.findings[0].message() == f"正文说“{said}”，但表四{cells}"


@pytest.mark.parametrize(
    "sentence",
    [
        "因政府信息公开被申请行政复议4件，被提起行政诉讼2件。",
        "因政府信息公开被申请行政复议四件，被提起行政诉讼两件。",
        "因政府信息公开被申请行政复议、提起行政诉讼共6件。",
        "全年办理行政复议案件56件，其中涉及政府信息公开的4件。",  # the organ's own 复议 work
        "因政府信息公开被申请行政复议、提起行政诉讼各1件。",  # 各: which is which is unclear
        "因政府信息公开被申请行政复议4件，其中维持2件，纠正1件，尚未审结1件。",
        "因政府信息公开被申请行政复议4件，其中1件维持，1件尚未审结。",
        "因政府信息公开被申请行政复议较上年增加2件。",
        "2022年因政府信息公开被申请行政复议1件。",
    ],
)
def test_appeal_counts_that_stay_silent(city_text: str, sentence: str) -> None:
    assert narrative(oversight(city_text, sentence)) == []


def test_appeal_counts_in_chinese_numerals(county_text: str) -> None:
    text = edit(county_text, "被申请行政复议一件", "被申请行政复议两件")
    result = lint(text)
    assert triples(result) == [("DL704", *at(text, "两件", "被申请行政复议两件"))]
    assert result.findings[0].message() == (
        "正文说“本年度因政府信息公开被申请行政复议两件”，但表四“行政复议”总计为 1（第 66 行）"
    )


# ---------------------------------------------------------------- DL705


def test_breakdown_over_its_whole(seed_text: str) -> None:
    text = edit(seed_text, "法治信息63条", "法治信息64条")
    result = lint(text)
    assert triples(result) == [("DL705", *at(text, "36条"))]
    assert result.findings[0].message() == (
        "“其中”所列各项之和为 124（36 + 19 + 64 + 3 + 2），多于前面说的“全年通过西区政府门户网站主动公开信息123条”"
    )
    assert result.findings[0].message("en") == (
        "the parts listed after 其中 add up to 124 (36 + 19 + 64 + 3 + 2), more than "
        "'全年通过西区政府门户网站主动公开信息123条' before them"
    )


def test_breakdown_short_of_its_whole_may_list_only_some_items(seed_text: str) -> None:
    assert triples(lint(edit(seed_text, "法治信息63条", "法治信息62条"))) == []


def test_breakdown_with_the_rest_must_make_its_whole(city_text: str) -> None:
    text = edit(
        city_text,
        CITY_PROACTIVE + "    规划公示和批后公布375条。\n",
        "    2023年，我局通过门户网站主动公开政府信息412条，其中政策文件15条，政策解读22条，\n"
        "    其余370条为规划公示和批后公布。\n",
    )
    result = lint(text)
    assert triples(result) == [("DL705", *at(text, "15条"))]
    assert result.findings[0].message() == (
        "“其中”所列各项之和为 407（15 + 22 + 370），不等于前面说的“我局通过门户网站主动公开政府信息412条”"
    )


def test_breakdown_in_chinese_numerals(county_text: str) -> None:
    text = edit(county_text, "社保经办信息七十六条", "社保经办信息八十六条")
    assert triples(lint(text)) == [("DL705", *at(text, "十二条"))]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # channels overlap: one item is often published on several
        ("其中政策文件15条，政策解读22条，", "其中门户网站发布400条，微信公众号发布300条，"),
        # a second breakdown follows once the first has made the whole
        ("其中政策文件15条，政策解读22条，", "其中政策文件15条，政策解读22条，规划375条，含图解10条，"),
        ("其中政策文件15条，政策解读22条，", "其中政策文件和解读分别为15条、22条，"),
        ("其中政策文件15条，政策解读22条，", "其中政策文件15条（含解读文件400条），政策解读22条，"),
        ("其中政策文件15条，政策解读22条，", "其中政策文件15件，政策解读400条，"),  # another unit
    ],
)
def test_breakdowns_that_stay_silent(city_text: str, old: str, new: str) -> None:
    assert narrative(edit(city_text, old, new)) == []


def test_breakdown_into_two_dimensions_is_not_summed(city_text: str) -> None:
    sentence = "共收到政府信息公开申请70件，其中自然人55件、法人15件，予以公开26件。"
    assert narrative(applications(city_text, sentence)) == []


def test_wrong_part_of_a_breakdown_is_reported_once(city_text: str) -> None:
    text = applications(city_text, "我局共收到政府信息公开申请71件，其中本年新收66件，上年结转4件。")
    assert triples(lint(text)) == [("DL701", *at(text, "71件", "其中本年新收"))]


# ---------------------------------------------------------------- DL706


@pytest.mark.parametrize(
    ("sentence", "needle", "said", "why"),
    [
        (
            "本年度未发出信息处理费收费通知，未收取信息处理费。",
            "未发出",
            "未发出信息处理费收费通知",
            "申请人逾期不缴费而不再处理的申请，都先收到过收费通知",
        ),
        (
            "本年度没有向申请人发出收费通知。",
            "没有",
            "没有向申请人发出收费通知",
            "申请人逾期不缴费而不再处理的申请，都先收到过收费通知",
        ),
        (
            "本年度发出信息处理费收费通知1件，未收取信息处理费。",
            "1件",
            "本年度发出信息处理费收费通知1件",
            "有 2 件申请因逾期不缴费而不再处理，就至少发出过 2 件收费通知",
        ),
        (
            "本年度无因申请人逾期未缴纳信息处理费而不再处理的申请。",
            "无因",
            "无因申请人逾期未缴纳信息处理费而不再处理",
            "两处说法应一致",
        ),
        (
            "申请人逾期未按收费通知要求缴纳费用、本局不再处理的申请3件。",
            "3件",
            "申请人逾期未按收费通知要求缴纳费用、本局不再处理的申请3件",
            "两处件数应一致",
        ),
    ],
)
def test_fee_statement_against_row_six_two(
    county_text: str, sentence: str, needle: str, said: str, why: str
) -> None:
    text = edit(county_text, COUNTY_PART6, f"  {sentence}\n")
    result = lint(text)
    assert triples(result) == [("DL706", *at(text, needle, sentence))]
    assert result.findings[0].message() == f"正文说“{said}”，但表三“{FEE_ROW}”总计为 2（第 59 行）：{why}"


def test_fee_statement_in_part_one(county_text: str) -> None:
    text = edit(county_text, "本局不再处理的申请有两件", "本局不再处理的申请有三件")
    result = lint(text)
    assert triples(result) == [("DL706", *at(text, "三件", "不再处理的申请有三件"))]
    assert result.findings[0].message("en") == (
        f"the text says '申请人逾期未缴纳信息处理费、本局不再处理的申请有三件', but table 三 '{FEE_ROW}' totals 2 (line 59): "
        "the two counts should agree"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收取信息处理费。",  # notices sent, nobody paid: nothing collected is consistent
        "本年度发出信息处理费收费通知3件，申请人均未缴纳。",
        "本年度共发出收费通知两件，未实际收取费用。",
        "2022年未发出信息处理费收费通知。",
    ],
)
def test_fee_statements_that_stay_silent(county_text: str, sentence: str) -> None:
    assert narrative(edit(county_text, COUNTY_PART6, f"  {sentence}\n")) == []


def test_no_fee_notice_over_an_empty_row_is_right(city_text: str) -> None:
    assert "本年度发出信息处理费收费通知0件" in city_text
    assert triples(lint(city_text)) == []


# ---------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10), ("十二", 12), ("二十", 20), ("两", 2), ("一百零五", 105), ("一百一十", 110),
        ("一百十", 110), ("两千三百", 2300), ("一千零一", 1001), ("三万二千", 32000), ("一〇五", 105),
        ("零", 0), ("百", 100),
    ],
)  # fmt: skip
def test_chinese_numerals(numeral: str, value: int | None) -> None:
    # The statute model's one reader of numerals: 百 alone is 100 wherever it is read.
    assert read_number(numeral) == value  # loaded by conftest


# ---------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    "body",
    [
        ("收到政府信息公开申请1件其中2件" * 30 + "。") * 100,  # thousands of figures, all wrong
        ("其中1件" * 240 + "。") * 45,
        "收到政府信息公开申请1件，" * 20_000,  # one endless sentence
        "2022年，我局" * 5_500,
    ],
)
def test_hostile_text_stays_fast_and_bounded(city_text: str, body: str) -> None:
    text = edit(
        city_text,
        "  本年度发出信息处理费收费通知0件，未收取信息处理费。",
        f"  本年度未收取信息处理费。{body}",
    )
    started = time.perf_counter()
    result = lint(text)
    assert time.perf_counter() - started < 10
    for code in ("DL701", "DL705", "DL711"):
        assert sum(1 for f in result.findings if f.code == code) <= 50
