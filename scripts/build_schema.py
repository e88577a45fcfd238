"""Write schemas/report-2021.schema.json from the statute model.

The schema is committed so editors and check-jsonschema can use it without our
code; tests/test_schema.py fails when it drifts from statute.py.
Run: python scripts/build_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from disclosure_lint import statute as s  # noqa: E402

SCHEMA_ID = "https://disclosure-lint.invalid/schemas/report-2021.schema.json"
SCHEMA_PATH = ROOT / "schemas" / "report-2021.schema.json"

# The cell and row types are written out in place rather than referenced with $ref: jsonschema
# resolves a $ref for every one of the ~200 cells, which made validation 2.5x slower.
COUNT = {"type": "integer", "minimum": 0, "description": "件数：非负整数，没有就填 0。"}
AMOUNT = {"type": "number", "minimum": 0, "description": "金额，单位万元，可有小数；没有就填 0。"}
APPLICATIONS_ROW = {
    "type": "array",
    "items": COUNT,
    "minItems": 7,
    "maxItems": 7,
    "description": "7格：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计。",
}
APPEALS_ROW = {
    "type": "array",
    "items": COUNT,
    "minItems": 5,
    "maxItems": 5,
    "description": "5格：结果维持、结果纠正、其他结果、尚未审结、总计。",
}


def obj(properties: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
        **extra,
    }


def text(title: str, description: str) -> dict[str, Any]:
    return {"type": "string", "title": title, "description": description}


def part3_row(title: str) -> dict[str, Any]:
    return {**APPLICATIONS_ROW, "title": title}


def part2() -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for row in s.PART2_ROWS:
        cells: dict[str, Any] = {}
        for column in row.columns:
            if column == s.FEE_AMOUNT:
                cells[column] = {**AMOUNT, "title": "本年收费金额（单位：万元）"}
            else:
                cells[column] = {**COUNT, "title": column}
        rows[row.label] = obj(cells, title=row.label, description=f"《条例》{row.clause}")
    return obj(
        rows,
        title="二、主动公开政府信息情况",
        description="《条例》第二十条第（一）（五）（六）（八）项规定主动公开的信息。",
    )


def part3() -> dict[str, Any]:
    groups: dict[str, Any] = {}
    ordinals = "一二三四五六七"
    for index, (group, items) in enumerate(s.RESULT_GROUPS):
        title = f"（{ordinals[index]}）{group}"
        if group == s.PARTLY:
            title += "（区分处理的，只计这一情形，不计其他情形）"
        if items is None:
            groups[group] = part3_row(title)
        else:
            groups[group] = obj(
                {item: part3_row(f"{n}.{item}") for n, item in enumerate(items, 1)},
                title=title,
            )
    groups[s.TOTAL] = part3_row("（七）总计")
    return obj(
        {
            s.NEW: part3_row("一、本年新收政府信息公开申请数量"),
            s.CARRIED_IN: part3_row("二、上年结转政府信息公开申请数量"),
            s.RESULTS: obj(groups, title="三、本年度办理结果"),
            s.CARRIED_OUT: part3_row("四、结转下年度继续办理"),
        },
        title="三、收到和处理政府信息公开申请情况",
        description=(
            "每行7格，依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计。"
            "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和。"
        ),
    )


def part4() -> dict[str, Any]:
    return obj(
        {
            s.REVIEW: {**APPEALS_ROW, "title": "行政复议"},
            s.SUIT_DIRECT: {**APPEALS_ROW, "title": "行政诉讼·未经复议直接起诉"},
            s.SUIT_AFTER_REVIEW: {**APPEALS_ROW, "title": "行政诉讼·复议后起诉"},
        },
        title="四、政府信息公开行政复议、行政诉讼情况",
        description="每行5格，依次为：结果维持、结果纠正、其他结果、尚未审结、总计。",
    )


def part1() -> dict[str, Any]:
    return {
        "type": ["string", "object"],
        "title": "一、总体情况",
        "description": (
            "可写成一段文字，也可分为主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面"
            "（国办公开办函〔2021〕30号）。"
        ),
        "properties": {
            aspect: text(f"（{o}）{aspect}", f"总体情况的“{aspect}”方面。")
            for o, aspect in zip("一二三四五", s.ASPECTS, strict=True)
        },
        "required": list(s.ASPECTS),
        "additionalProperties": False,
    }


def build() -> dict[str, Any]:
    properties: dict[str, Any] = {
        s.VERSION: {
            "enum": [2019, 2021],
            "title": "格式版本",
            "description": "所用年度报告格式：2021 指国办公开办函〔2021〕30号印发的格式。",
        },
        s.AGENCY: {
            "type": "string",
            "minLength": 1,
            "title": "机关",
            "description": "发布年度报告的行政机关全称。",
        },
        s.YEAR: {
            "type": "integer",
            "minimum": 2008,
            "maximum": 2100,
            "title": "年度",
            "description": "报告所述年度（公历年）。",
        },
        s.KIND: {
            "enum": list(s.REPORT_KINDS),
            "title": "报告类型",
            "description": (
                "部门：县级以上人民政府部门的报告，次年1月31日前公布；"
                "本级政府：县级以上地方人民政府的报告，次年3月31日前公布（《条例》第四十九条）。"
            ),
        },
        s.PUBLISHED: {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "title": "发布日期",
            "description": "向社会公布的日期，写成 2024-01-20 的形式。",
        },
        s.PART1: part1(),
        s.PART2: part2(),
        s.PART3: part3(),
        s.PART4: part4(),
        s.PART5: text("五、存在的主要问题及改进情况", "《条例》第五十条第（四）项。"),
        s.PART6: text("六、其他需要报告的事项", "含信息处理费收取情况等（《条例》第五十条第（五）项）。"),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **obj(
            properties,
            title="政府信息公开工作年度报告（2021年格式）",
            description="《中华人民共和国政府信息公开条例》第五十条；国办公开办函〔2021〕30号。",
        ),
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(ROOT)}")
