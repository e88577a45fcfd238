"""Which findings offer a fix, and what it writes: a slip typed into a correct report is mended back
to that report byte for byte, and nothing is offered where the intended value is not certain."""

from __future__ import annotations

import pytest
from conftest import col_of, edit, fix, line_of, lint

from disclosure_lint.findings import SAFE, UNSAFE, Edit, Fix, Pos

CITY_NEW = "[52, 8, 1, 0, 3, 2, 66]"


def codes(text: str) -> list[str]:
    return [f.code for f in lint(text).findings]


def the_fix(text: str, code: str) -> Fix:
    (finding,) = [f for f in lint(text).findings if f.code == code]
    assert finding.fix is not None, finding
    return finding.fix


@pytest.mark.parametrize(
    ("correct", "slip", "code"),
    [
        ("现行有效件数: 12}", "现行有效件数: １２}", "DL403"),
        ("现行有效件数: 12}", "现行有效件数: '１２'}", "DL403"),
        ("现行有效件数: 12}", '现行有效件数: "12"}', "DL402"),
        ("现行有效件数: 12}", "现行有效件数: 12件}", "DL402"),
        ("现行有效件数: 12}", "现行有效件数: 十二}", "DL402"),
        ("现行有效件数: 12}", "现行有效件数: 12.0}", "DL406"),
        ("本年处理决定数量: 1520}", "本年处理决定数量: 1,520}", "DL402"),
        ("本年处理决定数量: 1520}", "本年处理决定数量: 1，520}", "DL402"),
        ("本年处理决定数量: 1520}", "本年处理决定数量: 1_520}", "DL408"),
        ("本年处理决定数量: 1520}", "本年处理决定数量: ' 1520 '}", "DL402"),
        ("本年收费金额: 12.35}", "本年收费金额: 12.35万元}", "DL402"),
        ("本年收费金额: 12.35}", '本年收费金额: "12.35"}', "DL402"),
        (CITY_NEW, "[52, 8, 1, 0, 3, 2, ６６]", "DL403"),
        (CITY_NEW, "[52, 8, 1, 0, 3, '2', 66]", "DL402"),
        (CITY_NEW, "[52，8, 1, 0, 3, 2, 66]", "DL042"),  # a full-width comma between two cells
        (CITY_NEW, "［52, 8, 1, 0, 3, 2, 66］", "DL042"),  # full-width brackets
        ("年度: 2023", '年度: "2023"', "DL103"),
        ("年度: 2023", "年度: 2023年", "DL103"),
        ("年度: 2023", "年度: ２０２３", "DL103"),
        ("格式版本: 2021", "格式版本: '2021'", "DL105"),
        ("发布日期: 2024-01-26", "发布日期: 2024年1月26日", "DL105"),
        ("发布日期: 2024-01-26", "发布日期: 2024/1/26", "DL105"),
        ("发布日期: 2024-01-26", "发布日期: ２０２４.０１.２６", "DL105"),
        ("\n总体情况:", "\n一、总体情况:", "DL102"),
        ("    予以公开:", "    （一）予以公开:", "DL102"),
        ("本年处理决定数量: 1520}", "本年处理决定数量：1520}", "DL042"),
        ("本年处理决定数量: 1520}", "本年处理决定数量： 1520}", "DL042"),
        ("本年处理决定数量: 1520}", "本年处理决定数量：\u30001520}", "DL042"),
        ("行政许可: {本年", "行政许可:{本年", "DL102"),
    ],
)
def test_a_notation_slip_is_fixed_safely_back_to_the_report(
    city_text: str, correct: str, slip: str, code: str
) -> None:
    text = edit(city_text, correct, slip)
    assert code in codes(text)
    assert the_fix(text, code).applicability == SAFE
    fixed = fix(text)
    assert fixed.text == city_text
    assert fixed.applied == 1
    assert fixed.result.findings == []


def test_the_fix_is_an_edit_of_exactly_the_value_as_written(city_text: str) -> None:
    text = edit(city_text, "现行有效件数: 12}", "现行有效件数: '１２'}")
    line, col = line_of(text, "'１２'"), col_of(text, "'１２'")
    assert the_fix(text, "DL403") == Fix(
        (Edit(Pos(line, col), Pos(line, col + 4), "12"),), SAFE, "改为 12", "write 12"
    )


def test_thousands_split_by_yaml_in_a_row_are_joined(city_text: str) -> None:
    base = edit(city_text, CITY_NEW, "[1052, 8, 1, 0, 3, 2, 1066]")  # the totals break: still reported
    text = edit(base, "[1052, 8, 1, 0, 3, 2, 1066]", "[1,052, 8, 1, 0, 3, 2, 1,066]")
    fixed = fix(text)
    assert fixed.text == base
    assert fixed.applied == 2
    assert [f.code for f in fixed.result.findings] == codes(base) != []


@pytest.mark.parametrize(
    ("correct", "slip", "code"),
    [
        (
            "本年收费金额: 12.35}",
            "本年收费金额: 123500元}",
            "DL402",
        ),  # 元 converted to 万元: the digits change
        ("[20, 3, 1, 0, 1, 1, 26]", "[21, 3, 1, 0, 1, 1, 26]", "DL205"),  # the one wrong cell
        ("[3, 1, 0, 0, 0, 0, 4]", "[3, 1, /, 0, 0, 0, 4]", "DL401"),  # "/" may not mean 0
    ],
)
def test_a_fix_that_changes_a_value_is_unsafe(city_text: str, correct: str, slip: str, code: str) -> None:
    text = edit(city_text, correct, slip)
    assert the_fix(text, code).applicability == UNSAFE
    unchanged = fix(text)
    assert unchanged.text == text and unchanged.applied == 0
    assert [f.code for f in unchanged.result.findings] == [code]
    fixed = fix(text, unsafe=True)
    assert fixed.text == city_text
    assert fixed.result.findings == []


@pytest.mark.parametrize(
    ("correct", "slip", "code"),
    [
        ("现行有效件数: 12}", "现行有效件数: 0x0C}", "DL408"),  # did the clerk mean 12, or 0C?
        ("现行有效件数: 12}", "现行有效件数: -12}", "DL404"),
        ("现行有效件数: 12}", "现行有效件数: 12.5}", "DL405"),
        ("现行有效件数: 12}", "现行有效件数: yes}", "DL407"),
        ("现行有效件数: 12}", "现行有效件数: 约12件}", "DL103"),
        ("行政复议:         [2, 1, 0, 1, 4]", "行政复议:         [2, 1, 0, 1, 5]", "DL204"),  # a total
        ("发布日期: 2024-01-26", "发布日期: 2024年2月30日", "DL105"),  # no such day
        ("    予以公开:", "    予以发布:", "DL102"),  # a near miss may be another row
        # 1，052 in a row one cell short: one number, or two cells typed with a Chinese comma?
        (CITY_NEW, "[1，052, 1, 0, 3, 2, 66]", "DL402"),
    ],
)
def test_nothing_is_offered_where_the_value_meant_is_not_certain(
    city_text: str, correct: str, slip: str, code: str
) -> None:
    text = edit(city_text, correct, slip)
    findings = lint(text).findings
    assert code in [f.code for f in findings]
    assert [f for f in findings if f.code == code and f.fix is not None] == []
    assert fix(text, unsafe=True).text == text


def test_two_keys_that_mean_one_label_are_not_both_renamed(city_text: str) -> None:
    text = edit(city_text, "\n总体情况:", "\n一、总体情况:")
    text += "\n（一）总体情况: 又一段\n"
    renames = [f for f in lint(text).findings if f.code == "DL102" and f.fix is not None]
    assert len(renames) == 1  # the second would become a duplicate key


def test_fixes_of_codes_not_selected_are_not_offered(city_text: str) -> None:
    from disclosure_lint.config import Options

    text = edit(city_text, "现行有效件数: 12}", "现行有效件数: １２}")
    fixed = fix(text, options=Options(select=("DL2",)))
    assert fixed.text == text and fixed.applied == 0
