"""The five real reports of `../shared/real/`, written out as statutory YAML for the rules.

The tables come from each report's hand-checked `*.truth.json`; the prose is ours: a short
paraphrase that states the figures the real report states (its `narrative_figures`, traps
included) in the way such reports phrase them, never the report's own sentences. A rule that
finds an arithmetic or prose fault in any of these is wrong: the truth files are consistent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from disclosure_lint import statute as s

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REAL = SHARED / "real"
NAMES = ("a-zone-2021", "b-zone-2019", "c-county-2025", "d-bureau-2022", "e-district-2024")

KINDS = {
    "a-zone-2021": "管委会",
    "b-zone-2019": "管委会",
    "c-county-2025": s.KIND_GOVERNMENT,
    "d-bureau-2022": s.KIND_DEPARTMENT,
    "e-district-2024": s.KIND_GOVERNMENT,
}

# Our own short prose per report: (part 一, part 五, part 六). Figures are the real report's.
PROSE: dict[str, tuple[str, str, str]] = {
    "a-zone-2021": (
        "2021年，我区围绕企业和群众关切推进政务公开，让决策和服务更加透明。\n"
        "（一）主动公开方面。全年主动公开全区各单位政府信息2645条，通过政府网站、政务新媒体、\n"
        "宣传栏和报刊广播发布，对29项重要政策文件作了解读。\n"
        "（二）依申请公开方面。坚持当天登记、当天转办、及时答复，疑难申请会商办理。\n"
        "本年度全区共收到70件申请，依法按时办结69件，1件结转下年度继续办理。\n"
        "（三）政府信息管理方面。一是各单位明确分管领导和经办人；二是落实发布审核和保密审查；\n"
        "三是改造办公系统，主动公开的公文自动上网。\n"
        "（四）平台载体建设方面。优化政府网站和政务新媒体栏目，关停不规范的政务新媒体2个。\n"
        "（五）监督保障方面。开展季度检查4次并通报问题，细化考核细则，引入第三方评估。\n",
        "政策解读形式较少，政务新媒体宣传不足。下一步将丰富解读形式，拓宽公开渠道。\n",
        "2021年，没有收取信息处理费。\n",
    ),
    "b-zone-2019": (
        "2019年，我区落实新修订的《条例》，理顺工作机制，拓宽公开渠道。\n"
        "（一）基本情况。今年，全区各公开单位发布政府信息2599条，（其中机构职能类25条，\n"
        "政策、规范性文件类68条，规划计划类28条，行政许可类69条，重大建设项目90条，\n"
        "为民办实事类175条，民政扶贫救灾社会保障就业类67条，国土资源城乡建设环保能源类983条，\n"
        "科教文体卫生类48条，安全生产、应急管理类124条，其他856条）主要经政府网站、宣传栏和报刊发布。\n"
        "（二）主要做法。区财政金融局今年发布财政资金信息380条，其中专项资金152条，\n"
        "预决算公开197条（政府预决算32条、部门预决算公开165条）、“三公”经费27条、债券发行4条。\n"
        "区住建部门全年公开核准企业资质条、施工许可证76条。\n",  # the source lost one count here
        "个别部门主动性不足，兼职人员流动较大。2020年，我们将健全审核、培训和考核机制。\n",
        "无其他需要报告的事项。\n",
    ),
    "c-county-2025": (
        "2025年，我县围绕县委、县政府中心工作推进政务公开。\n"
        "（一）主动公开。全年通过县政府门户网站主动公开政府信息4511条，公开政策文件4件；\n"
        "发布解读信息21条，其中图文和视频类17篇。\n"
        "（二）依申请公开。全县全年共受理政府信息公开申请749件，其中自然人申请741件，\n"
        "法人或其他组织申请8件；共办理718件，结转下一年31件。\n"
        "依法做好行政复议、行政诉讼应诉工作，全县共办理相关案件74件。\n"
        "（三）公开平台。加强网站发布审核和巡检，清理过期信息697条。\n"
        "（四）监督管理。把政务公开纳入考核，组织业务培训。\n",
        "个别单位答复文书不够规范。下一步将加强培训和案例指导。\n",
        "本年度收取信息处理费共计380元，其中民政局1件，收取380元。\n",
    ),
    "d-bureau-2022": (
        "2022年，我局依托实验区政府网站推进公安政府信息公开。\n"
        "（一）突出重点。全年累计主动公开公安政府信息179条。\n"
        "2022年，我局收到政府信息公开申请1件，经逐级审查，区分可以公开和不予公开的部分后作出答复；\n"
        "结转上年度政府信息公开申请1件，因申请人无正当理由逾期不补正，不再处理。\n"
        "全年没有因政府信息公开针对我局申请行政复议或提起行政诉讼的事项。\n"
        "（二）规范管理。修订政府信息公开指南，落实保密审查和发布登记。\n"
        "（三）拓宽渠道。依托门户网站栏目和省网上办事大厅发布办事指南。\n"
        "（四）强化监督。上网发布的179条信息均登记备案，整改第三方评估发现的问题。\n",
        "公开面不够广，解读形式单一。2023年，我局将拓宽公开范围，丰富解读形式。\n",
        "2022年，无收取信息处理费情况。\n",
    ),
    "e-district-2024": (
        "2024年，区政府以完善公开制度、推进平台建设为抓手推动政务公开。\n"
        "（一）主动公开情况。我区在政府网站平台主动发布各类政府信息2428条，公开政府常务会议7期，\n"
        "发布解读信息7条。\n"
        "（二）依申请公开情况。2024年，区政府办代表区政府受理政府信息公开申请17件，\n"
        "均已在法定期限内予以答复。\n"
        "（三）政府信息管理情况。落实信息审核发布报备和“三审三校”制度。\n"
        "（四）政府信息公开平台建设情况。定期检查政务新媒体，关停整合运维不力的账号。\n"
        "（五）政府信息公开监督保障情况。把网站信息公开纳入全区高质量发展考核。\n",
        "个别部门研判复杂申请的能力不足。2025年，我们将优化流程，加强业务培训。\n",
        "2024年，区政府全年收取政府信息公开信息处理费0元。\n",
    ),
}

ROW_KEYS = {
    "本年新收": (s.NEW,),
    "上年结转": (s.CARRIED_IN,),
    "予以公开": (s.RESULTS, s.DISCLOSED),
    "部分公开": (s.RESULTS, s.PARTLY),
    "逾期不补正": (s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][0]),  # type: ignore[index]
    "逾期未缴费": (s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][1]),  # type: ignore[index]
    "其他处理_其他": (s.RESULTS, s.OTHER_HANDLING, "其他"),
    "其他处理": (s.RESULTS, s.OTHER_HANDLING),
    "总计": (s.RESULTS, s.TOTAL),
    "结转下年度继续办理": (s.CARRIED_OUT,),
}


def truth(name: str) -> dict[str, Any]:
    path = REAL / f"{name}.truth.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent: the real reports live beside the worktree in ../shared/real/")
    return json.loads(path.read_text(encoding="utf-8"))


def _row_path(label: str) -> tuple[str, ...]:
    if label in ROW_KEYS:
        return ROW_KEYS[label]
    for group, items in s.RESULT_GROUPS:
        if items and label in items:
            return (s.RESULTS, group, label)
    raise KeyError(label)


def _cells(values: list[int | None]) -> str:
    return "[" + ", ".join("" if v is None else str(v) for v in values) + "]"


def _block(text: str, indent: str = "  ") -> str:
    return "".join(f"{indent}{line}\n" for line in text.splitlines())


def _part2(data: dict[str, Any], old: bool) -> list[str]:
    t2 = data["table2"]
    if old:
        docs = ("本年新制作数量", "本年新公开数量", "对外公开总数量")
        items = ("上一年项目数量", "本年增/减", "处理决定数量")
        lines = [
            f"  规章: {{{', '.join(f'{c}: {v}' for c, v in zip(docs, t2['规章'], strict=True))}}}",
            f"  规范性文件: {{{', '.join(f'{c}: {v}' for c, v in zip(docs, t2['规范性文件'], strict=True))}}}",
        ]
        for row in ("行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"):
            pairs = ", ".join(f"{c}: {v}" for c, v in zip(items, t2[row], strict=True))
            lines.append(f"  {row}: {{{pairs}}}")
        last, change = t2["行政事业性收费"]
        lines.append(f"  行政事业性收费: {{上一年项目数量: {last}, 本年增/减: {change}}}")
        number, amount = t2["政府集中采购"]
        lines.append(f"  政府集中采购: {{采购项目数量: {number}, 采购总金额: {amount}}}")
        return lines
    lines = []
    for row in (s.REGULATIONS, s.NORMATIVE_DOCS):
        pairs = ", ".join(f"{c}: {v}" for c, v in zip(s.DOCS_COLUMNS, t2[row], strict=True))
        lines.append(f"  {row}: {{{pairs}}}")
    for row in (s.LICENSING, s.PENALTY, s.COERCION):
        lines.append(f"  {row}: {{{s.DECISIONS}: {t2[row]}}}")
    lines.append(f"  {s.FEES}: {{{s.FEE_AMOUNT}: {t2['行政事业性收费_万元']}}}")
    return lines


def _part3(data: dict[str, Any]) -> list[str]:
    tree: dict[str, Any] = {}
    for label, values in data["table3"]["rows"].items():
        node = tree
        *parents, leaf = _row_path(label)
        for key in parents:
            node = node.setdefault(key, {})
        node[leaf] = values
    lines: list[str] = []

    def emit(node: dict[str, Any], depth: int) -> None:
        for key, value in node.items():
            if isinstance(value, dict):
                lines.append(f"{'  ' * depth}{key}:")
                emit(value, depth + 1)
            else:
                lines.append(f"{'  ' * depth}{key}: {_cells(value)}")

    ordered = {k: tree[k] for k in (s.NEW, s.CARRIED_IN, s.RESULTS, s.CARRIED_OUT)}
    results = ordered[s.RESULTS]
    order = [group for group, _ in s.RESULT_GROUPS] + [s.TOTAL]
    ordered[s.RESULTS] = {k: results[k] for k in order if k in results}
    emit(ordered, 1)
    return lines


def report_yaml(name: str) -> str:
    """The report `name` as statutory YAML: truth tables, our own prose."""
    header = f"# {name}: tables from ../shared/real/{name}.truth.json; prose written for the tests."
    return build_yaml(truth(name), KINDS[name], PROSE[name], header)


def build_yaml(data: dict[str, Any], kind: str, prose: tuple[str, str, str], header: str = "") -> str:
    """A report from a truth-shaped dict (agency, year, published, format, table2/3/4) and prose."""
    old = data["format"] == "2019"
    part1, part5, part6 = prose
    lines = [
        header or "# built for a test",
        f"格式版本: {data['format']}",
        f"机关: {data['agency']}",
        f"年度: {data['year']}",
        f"报告类型: {kind}",
    ]
    if data["published"]:
        lines.append(f"发布日期: {data['published']}")
    lines += ["", f"{s.PART1}: |", _block(part1).rstrip("\n"), "", f"{s.PART2}:"]
    lines += _part2(data, old)
    lines += ["", f"{s.PART3}:", *_part3(data), "", f"{s.PART4}:"]
    for block in s.PART4_BLOCKS:
        lines.append(f"  {block}: {_cells(data['table4'][block])}")
    lines += ["", f"{s.PART5}: |", _block(part5).rstrip("\n"), "", f"{s.PART6}: |", _block(part6)]
    return "\n".join(lines)
