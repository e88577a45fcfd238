"""The statutory schema: in step with statute.py, and its findings land on the right key or value."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT, col_of, edit, line_of, lint, triples

from disclosure_lint import statute
from disclosure_lint.resources import schema_path


@pytest.mark.parametrize("version", [2021, 2019])
def test_committed_schema_matches_the_statute_model(version: int) -> None:
    code = f"import build_schema as b; from disclosure_lint import statute as s; print(b.render(s.FORMATS[{version}]), end='')"
    generated = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT / "scripts", capture_output=True, text=True, check=True
    ).stdout
    assert generated == (ROOT / "schemas" / f"report-{version}.schema.json").read_text(encoding="utf-8"), (
        "schema is stale: run python scripts/build_schema.py"
    )


def test_schema_is_valid_draft_2020_12_with_titles() -> None:
    from jsonschema import Draft202012Validator

    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == [
        statute.VERSION,
        statute.AGENCY,
        statute.YEAR,
        statute.KIND,
        statute.PUBLISHED,
        *statute.PARTS,
    ]
    assert schema["additionalProperties"] is False
    for key, sub in schema["properties"].items():
        assert sub.get("title"), key


def test_missing_part_is_reported_once_at_the_document_start(seed_text: str) -> None:
    start = seed_text.index("存在的主要问题及改进情况: |")
    end = seed_text.index("其他需要报告的事项:")
    result = lint(seed_text[:start] + seed_text[end:])
    assert triples(result) == [("DL101", 1, 1)]
    assert result.findings[0].message() == "“报告”下缺少“存在的主要问题及改进情况”"


def test_missing_row_is_reported_at_its_parent_key(city_text: str) -> None:
    text = edit(city_text, "      重复申请:                       [1, 0, 0, 0, 0, 0, 1]\n", "")
    result = lint(text)
    parent = line_of(text, "    不予处理:")
    codes = [t for t in triples(result) if t[0].startswith("DL1")]
    assert codes == [("DL101", parent, 5)]
    assert result.findings[0].message("en") == "'不予处理' is missing '重复申请'"


def test_key_with_ordinal_gets_one_finding_with_a_suggestion(city_text: str) -> None:
    text = edit(city_text, "  本年新收政府信息公开申请数量:", "  一、本年新收政府信息公开申请数量:")
    result = lint(text)
    assert triples(result) == [("DL102", line_of(text, "一、本年新收"), 3)]
    assert result.findings[0].message().endswith("是不是“本年新收政府信息公开申请数量”？")


def test_misspelt_part_heading_suggests_the_statutory_label(seed_text: str) -> None:
    text = edit(seed_text, "\n总体情况:", "\n一、总体情况:")
    result = lint(text)
    assert triples(result) == [("DL102", line_of(text, "一、总体情况"), 1)]
    assert "是不是“总体情况”" in result.findings[0].message()


def test_truncated_label_suggests_the_full_one(city_text: str) -> None:
    text = edit(city_text, "  本年新收政府信息公开申请数量:", "  本年新收政府信息公开申请数:")
    result = lint(text)
    assert triples(result) == [("DL102", line_of(text, "本年新收政府信息公开申请数:"), 3)]
    assert "本年新收政府信息公开申请数量" in result.findings[0].message()


def test_2019_label_is_named_as_the_old_format(city_text: str) -> None:
    text = edit(
        city_text,
        "  行政许可: {本年处理决定数量: 1520}\n",
        "  行政许可: {本年处理决定数量: 1520}\n  政府集中采购: {采购项目数量: 3}\n",
    )
    result = lint(text)
    assert triples(result) == [("DL106", line_of(text, "政府集中采购"), 3)]
    assert "如“政府集中采购”" in result.findings[0].message()


def test_row_with_too_few_cells_points_at_the_row(city_text: str) -> None:
    text = edit(city_text, "复议后起诉:       [0, 0, 0, 0, 0]", "复议后起诉:       [0, 0, 0, 0]")
    result = lint(text)
    assert triples(result) == [("DL104", line_of(text, "复议后起诉:"), col_of(text, "[0, 0, 0, 0]"))]
    assert result.findings[0].message() == (
        "“复议后起诉”应有5格（结果维持、结果纠正、其他结果、尚未审结、总计），实有4格"
    )


def test_enum_and_type_errors_point_at_the_value(seed_text: str) -> None:
    text = edit(seed_text, "报告类型: 部门", "报告类型: 区政府")
    text = edit(text, "年度: 2023", "年度: 二〇二三")
    result = lint(text)
    assert triples(result) == [("DL103", 6, 5), ("DL105", 7, 7)]
    assert result.findings[0].message() == "“年度”应为整数，实为文字“二〇二三”"
    assert result.findings[1].message() == "“报告类型”应为 部门 或 本级政府 或 乡镇 或 管委会，实为“区政府”"


def test_part_written_as_a_list_is_a_type_error(seed_text: str) -> None:
    start = seed_text.index("主动公开政府信息情况:")
    end = seed_text.index("收到和处理政府信息公开申请情况:")
    text = seed_text[:start] + "主动公开政府信息情况:\n  - 规章\n\n" + seed_text[end:]
    result = lint(text)
    assert triples(result) == [("DL103", line_of(text, "- 规章"), 3)]


def test_old_2019_template_is_one_finding_naming_the_2021_format() -> None:
    text = (FIXTURES / "old-template-2022.yaml").read_text(encoding="utf-8")
    result = lint(text)
    assert triples(result) == [("DL106", line_of(text, "  规章: {本年新制作数量"), 8)]
    message = result.findings[0].message()
    assert "“本年新制作数量”、“本年新公开数量”、“对外公开总数量”" in message
    assert "国办公开办函〔2021〕30号" in message
    assert "2019" in result.findings[0].message("en")


def test_single_row_other_handling_is_one_layout_warning_and_still_adds_up(city_text: str) -> None:
    start = city_text.index("    其他处理:\n")
    end = city_text.index("    总计:")
    block = city_text[start:end]
    assert "[1, 1, 0, 0, 0, 0, 2]" in block  # the three sub-rows add up to this single row
    text = city_text[:start] + "    其他处理: [1, 1, 0, 0, 0, 0, 2]\n" + city_text[end:]
    result = lint(text)
    assert triples(result) == [("DL107", line_of(text, "其他处理: [1"), 5)]
    assert result.findings[0].severity.label == "warning"
    assert "1.申请人无正当理由逾期不补正" in result.findings[0].message()


def test_single_row_other_handling_still_checks_the_column_sums(city_text: str) -> None:
    start = city_text.index("    其他处理:\n")
    end = city_text.index("    总计:")
    text = city_text[:start] + "    其他处理: [2, 1, 0, 0, 0, 0, 3]\n" + city_text[end:]
    result = lint(text)
    total_line = line_of(text, "    总计:")
    assert triples(result) == [
        ("DL107", line_of(text, "其他处理: [2"), 5),
        ("DL202", total_line, 38),
        ("DL202", total_line, 57),
    ]
    assert result.findings[1].message() == "（七）总计·自然人 应为 52（19项办理结果之和），实为 51"


def test_old_template_does_not_hide_problems_elsewhere() -> None:
    text = (FIXTURES / "old-template-2022.yaml").read_text(encoding="utf-8")
    text = edit(text, "报告类型: 部门", "报告类型: 部")
    assert [code for code, _, _ in triples(lint(text))] == ["DL105", "DL106"]
