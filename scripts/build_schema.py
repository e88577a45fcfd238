"""Write schemas/report-2021.schema.json and report-2019.schema.json from the statute model.

The schemas are committed so editors and check-jsonschema can use them without our
code; tests/test_schema.py fails when they drift from the statute package.
Run: python scripts/build_schema.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import schema_snippets as snip  # noqa: E402

from disclosure_lint import statute as s  # noqa: E402
from disclosure_lint.statute import tables as t  # noqa: E402
from disclosure_lint.statute.formats import Format  # noqa: E402

SCHEMA_DIR = ROOT / "schemas"


def schema_name(version: int) -> str:
    return f"report-{version}.schema.json"


# The cell and row types are written out in place rather than referenced with $ref: jsonschema
# resolves a $ref for every one of the ~200 cells, which made validation 2.5x slower.
COUNT = {"type": "integer", "minimum": 0, "description": "件数：非负整数，没有就填 0。"}
AMOUNT = {"type": "number", "minimum": 0, "description": "金额，单位万元，可有小数；没有就填 0。"}
CHANGE = {"type": "integer", "description": "本年增/减：比上一年多为正数，少为负数，不变填 0。"}
PROCUREMENT_AMOUNT = {"type": "number", "minimum": 0, "description": "采购总金额，可有小数；没有就填 0。"}


def row(columns: tuple[str, ...]) -> dict[str, Any]:
    """A table row: its cells in printed order. `type` and `items` sit inside `allOf`, so the
    editor completes the row's key with its snippet, `[0, 0, …]` (see schema_snippets.py)."""
    return {
        "allOf": [{"type": "array", "items": COUNT}],
        "minItems": len(columns),
        "maxItems": len(columns),
        "description": f"{len(columns)}格：{'、'.join(columns)}。",
        "defaultSnippets": snip.row_snippets(len(columns)),
    }


APPLICATIONS_ROW = row(s.PART3_COLUMNS)
APPEALS_ROW = row(s.PART4_COLUMNS)


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


def _cell(column: str) -> dict[str, Any]:
    if column == s.FEE_AMOUNT:
        return {**AMOUNT, "title": "本年收费金额（单位：万元）"}
    if column == t.PROCUREMENT_AMOUNT:
        return {**PROCUREMENT_AMOUNT, "title": column}
    if column in t.SIGNED_COLUMNS:
        return {**CHANGE, "title": column}
    return {**COUNT, "title": column}


def part2(fmt: Format) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for row in fmt.part2_rows:
        cells = {column: _cell(column) for column in row.columns}
        rows[row.label] = obj(
            cells,
            title=row.label,
            description=f"《条例》{row.clause}",
            defaultSnippets=snip.part2_row_snippets(row),
        )
    clauses = "".join(
        dict.fromkeys(row.clause.removeprefix("第二十条第").removesuffix("项") for row in fmt.part2_rows)
    )
    return obj(
        rows,
        title="二、主动公开政府信息情况",
        description=f"《条例》第二十条第{clauses}项规定主动公开的信息。",
        defaultSnippets=snip.snippet("表二的全部行", "每格为 0。", snip.part2_body(fmt)),
    )


def part3(fmt: Format) -> dict[str, Any]:
    groups: dict[str, Any] = {}
    for index, (group, items) in enumerate(fmt.result_groups):
        title = f"（{t.ORDINALS[index]}）{group}"
        if group == s.PARTLY:
            title += s.PARTLY_NOTE
        if items is None:
            groups[group] = part3_row(title)
        else:
            groups[group] = obj(
                {item: part3_row(f"{n}.{item}") for n, item in enumerate(items, 1)},
                title=title,
                defaultSnippets=snip.snippet(f"“{group}”的全部行", "每格为 0。", snip.group_body(items)),
            )
    groups[s.TOTAL] = part3_row("（七）总计")
    return obj(
        {
            s.NEW: part3_row("一、本年新收政府信息公开申请数量"),
            s.CARRIED_IN: part3_row("二、上年结转政府信息公开申请数量"),
            s.RESULTS: obj(
                groups,
                title="三、本年度办理结果",
                defaultSnippets=snip.snippet("办理结果的全部行", "每格为 0。", snip.results_body(fmt)),
            ),
            s.CARRIED_OUT: part3_row("四、结转下年度继续办理"),
        },
        title="三、收到和处理政府信息公开申请情况",
        defaultSnippets=snip.snippet("表三的全部行", "每格为 0。", snip.part3_body(fmt)),
        description=(
            "每行7格，依次为：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计。"
            + s.PART3_NOTE.strip("（）")
            + "。"
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
        defaultSnippets=snip.snippet("表四的全部行", "每格为 0。", snip.part4_body()),
    )


def part1(fmt: Format) -> dict[str, Any]:
    # The aspects are what part 一 should cover, not keys a clerk must type: many reports cover
    # them in flowing prose, so none is required here; the coverage rule reads the prose.
    return {
        "type": ["string", "object"],
        "title": "一、总体情况",
        "description": (
            "可写成一段文字，也可分为主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面"
            f"（{s.DOCUMENT_2021}）。"
        ),
        "properties": {
            aspect: text(f"（{o}）{aspect}", f"总体情况的“{aspect}”方面。")
            for o, aspect in zip("一二三四五", s.ASPECTS, strict=True)
        },
        "required": [],
        "additionalProperties": False,
        "defaultSnippets": snip.snippet("五个方面", "总体情况分五个方面写。", snip.part1_body()),
    }


def build(fmt: Format) -> dict[str, Any]:
    properties: dict[str, Any] = {
        s.VERSION: {
            "enum": [2019, 2021],
            "title": "格式版本",
            "description": (
                f"所用年度报告格式：2021 指{s.DOCUMENT_2021}印发的格式（2021年度起）；"
                f"2019 指{s.DOCUMENT_2019}印发的格式（2019、2020年度）。"
            ),
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
                "本级政府：县级以上地方人民政府的报告，次年3月31日前公布（《条例》第四十九条）；"
                "乡镇：乡镇人民政府、街道办事处的报告；管委会：开发区等管委会的报告（第四十九条未规定期限）。"
            ),
        },
        s.PUBLISHED: {
            "type": ["string", "null"],
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
            "title": "发布日期",
            "description": "向社会公布的日期，写成 2024-01-20 的形式；报告未写明的，可以不填。",
        },
        s.PART1: part1(fmt),
        s.PART2: part2(fmt),
        s.PART3: part3(fmt),
        s.PART4: part4(),
        s.PART5: text("五、存在的主要问题及改进情况", "《条例》第五十条第（四）项。"),
        s.PART6: text("六、其他需要报告的事项", "含信息处理费收取情况等（《条例》第五十条第（五）项）。"),
    }
    report = obj(
        properties,
        title=f"政府信息公开工作年度报告（{fmt.version}年格式）",
        description=f"《中华人民共和国政府信息公开条例》第五十条；{fmt.document}。",
        defaultSnippets=snip.report_snippets(fmt),
    )
    # Many published reports state no date: an unknown date is worth knowing (DL305), not an error.
    report["required"].remove(s.PUBLISHED)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://disclosure-lint.invalid/schemas/{schema_name(fmt.version)}",
        **report,
    }


def render(fmt: Format) -> str:
    return json.dumps(build(fmt), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    for fmt in s.FORMATS.values():
        path = SCHEMA_DIR / schema_name(fmt.version)
        path.write_text(render(fmt), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
