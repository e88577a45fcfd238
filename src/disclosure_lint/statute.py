"""The 2021 statutory format (国办公开办函〔2021〕30号) as data.

Everything that knows the shape of a report — the JSON Schema, the rules, the
report template, "did you mean" suggestions — reads it from here, so the
statute is written down once.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT_VERSION = 2021

# ---------------------------------------------------------------- metadata
AGENCY = "机关"
YEAR = "年度"
KIND = "报告类型"
PUBLISHED = "发布日期"
VERSION = "格式版本"

KIND_DEPARTMENT = "部门"
KIND_GOVERNMENT = "本级政府"
REPORT_KINDS = (KIND_DEPARTMENT, KIND_GOVERNMENT)

# ---------------------------------------------------------------- the six parts (第五十条)
PART1 = "总体情况"
PART2 = "主动公开政府信息情况"
PART3 = "收到和处理政府信息公开申请情况"
PART4 = "政府信息公开行政复议、行政诉讼情况"
PART5 = "存在的主要问题及改进情况"
PART6 = "其他需要报告的事项"
PARTS = (PART1, PART2, PART3, PART4, PART5, PART6)

# Part 一 covers these five aspects (the 2021 notice, 总体情况).
ASPECTS = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障")

# ---------------------------------------------------------------- part 二 (第二十条)
DOCS_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
DECISIONS = "本年处理决定数量"
FEE_AMOUNT = "本年收费金额"
REGULATIONS = "规章"
NORMATIVE_DOCS = "行政规范性文件"
LICENSING = "行政许可"
PENALTY = "行政处罚"
COERCION = "行政强制"
FEES = "行政事业性收费"


@dataclass(frozen=True)
class Part2Row:
    label: str
    clause: str
    columns: tuple[str, ...]


PART2_ROWS = (
    Part2Row(REGULATIONS, "第二十条第（一）项", DOCS_COLUMNS),
    Part2Row(NORMATIVE_DOCS, "第二十条第（一）项", DOCS_COLUMNS),
    Part2Row(LICENSING, "第二十条第（五）项", (DECISIONS,)),
    Part2Row(PENALTY, "第二十条第（六）项", (DECISIONS,)),
    Part2Row(COERCION, "第二十条第（六）项", (DECISIONS,)),
    Part2Row(FEES, "第二十条第（八）项", (FEE_AMOUNT,)),
)

# ---------------------------------------------------------------- part 三
APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
TOTAL = "总计"
PART3_COLUMNS = (*APPLICANT_COLUMNS, TOTAL)

NEW = "本年新收政府信息公开申请数量"
CARRIED_IN = "上年结转政府信息公开申请数量"
RESULTS = "本年度办理结果"
CARRIED_OUT = "结转下年度继续办理"

DISCLOSED = "予以公开"
PARTLY = "部分公开"
WITHHELD = "不予公开"
UNABLE = "无法提供"
NOT_PROCESSED = "不予处理"
OTHER_HANDLING = "其他处理"

# Result groups in printed order; a group is either a single row (None) or sub-items.
RESULT_GROUPS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    (DISCLOSED, None),
    (PARTLY, None),
    (
        WITHHELD,
        (
            "属于国家秘密",
            "其他法律行政法规禁止公开",
            "危及“三安全一稳定”",
            "保护第三方合法权益",
            "属于三类内部事务信息",
            "属于四类过程性信息",
            "属于行政执法案卷",
            "属于行政查询事项",
        ),
    ),
    (
        UNABLE,
        ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"),
    ),
    (
        NOT_PROCESSED,
        (
            "信访举报投诉类申请",
            "重复申请",
            "要求提供公开出版物",
            "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息",
        ),
    ),
    (
        OTHER_HANDLING,
        (
            "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他",
        ),
    ),
)

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Part3Row:
    """One numbered row of table 三, where it sits in the YAML and how it is printed."""

    path: Path
    label: str  # as a clerk reads it in a message, e.g. "（三）不予公开·1.属于国家秘密"


def _part3_rows() -> tuple[tuple[Part3Row, ...], tuple[Part3Row, ...]]:
    ordinals = "一二三四五六七"
    results: list[Part3Row] = []
    for index, (group, items) in enumerate(RESULT_GROUPS):
        head = f"（{ordinals[index]}）{group}"
        if items is None:
            results.append(Part3Row((PART3, RESULTS, group), head))
        else:
            for number, item in enumerate(items, start=1):
                results.append(Part3Row((PART3, RESULTS, group, item), f"{head}·{number}.{item}"))
    return tuple(results), (
        Part3Row((PART3, NEW), f"一、{NEW}"),
        Part3Row((PART3, CARRIED_IN), f"二、{CARRIED_IN}"),
        *results,
        Part3Row((PART3, RESULTS, TOTAL), "（七）总计"),
        Part3Row((PART3, CARRIED_OUT), f"四、{CARRIED_OUT}"),
    )


RESULT_ROWS, PART3_ROWS = _part3_rows()
ROW_NEW, ROW_CARRIED_IN = PART3_ROWS[0], PART3_ROWS[1]
ROW_RESULTS_TOTAL, ROW_CARRIED_OUT = PART3_ROWS[-2], PART3_ROWS[-1]
assert len(RESULT_ROWS) == 21 and len(PART3_ROWS) == 25

# ---------------------------------------------------------------- part 四
REVIEW = "行政复议"
SUIT_DIRECT = "未经复议直接起诉"
SUIT_AFTER_REVIEW = "复议后起诉"
PART4_BLOCKS = (REVIEW, SUIT_DIRECT, SUIT_AFTER_REVIEW)
PART4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", TOTAL)

# ---------------------------------------------------------------- labels of the superseded 2019 format
FORMAT_2019_LABELS = frozenset(
    {
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "规范性文件",
        "其他对外管理服务事项",
        "上一年项目数量",
        "本年增/减",
        "政府集中采购",
        "采购项目数量",
        "采购总金额",
    }
)


# What clerks type for "none" in a cell. The format has no mark for "not applicable": each of
# these is a blank cell (DL401), both in a YAML report and in an imported document.
NONE_MARKS = frozenset(
    mark.casefold()
    for mark in (
        "/", "／", "\\", "—", "——", "-", "--", "–", "－", "－－", "无", "N/A", "NA", "空", "暂无",
        "null", "none", "nil", "没有",
    )
)  # fmt: skip
