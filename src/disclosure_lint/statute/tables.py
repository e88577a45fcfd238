"""The three statistical tables, row by row and column by column, for both formats.

Labels are the statute's own wording; where the 2019 format (国办公开办函〔2019〕60号) differs
from the 2021 one (国办公开办函〔2021〕30号), both are here and `formats` puts them together.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from .parts import PART3 as PART3_KEY

Path = tuple[str | int, ...]

TOTAL = "总计"

# ---------------------------------------------------------------- table 二 (第二十条)
DOCS_COLUMNS = ("本年制发件数", "本年废止件数", "现行有效件数")
DECISIONS = "本年处理决定数量"
FEE_AMOUNT = "本年收费金额"
REGULATIONS = "规章"
NORMATIVE_DOCS = "行政规范性文件"
LICENSING = "行政许可"
PENALTY = "行政处罚"
COERCION = "行政强制"
FEES = "行政事业性收费"

CLAUSE_DOCS = "第二十条第（一）项"
CLAUSE_LICENSING = "第二十条第（五）项"
CLAUSE_ENFORCEMENT = "第二十条第（六）项"
CLAUSE_FEES = "第二十条第（八）项"
CLAUSE_PROCUREMENT = "第二十条第（九）项"

# The 2019 format's table 二: other columns, an extra row and a 政府集中采购 block.
DOCS_COLUMNS_2019 = ("本年新制作数量", "本年新公开数量", "对外公开总数量")
NORMATIVE_DOCS_2019 = "规范性文件"
OTHER_SERVICES_2019 = "其他对外管理服务事项"
PREVIOUS_ITEMS = "上一年项目数量"
CHANGE = "本年增/减"  # may be negative: the number of items fell
DECISIONS_2019 = "处理决定数量"
ITEMS_COLUMNS_2019 = (PREVIOUS_ITEMS, CHANGE, DECISIONS_2019)
FEES_COLUMNS_2019 = (PREVIOUS_ITEMS, CHANGE)
PROCUREMENT = "政府集中采购"
PROCUREMENT_ITEMS = "采购项目数量"
PROCUREMENT_AMOUNT = "采购总金额"

# Units: the 2021 fee is printed in 万元; the 2019 procurement total has no unit in the format
# and reports write it in 元 or 万元.
UNIT_WAN = "万元"
# Column headings as printed, where the printed heading carries the unit.
PRINTED_COLUMNS = {FEE_AMOUNT: "本年收费金额（单位：万元）"}
CONTENT_HEADING = "信息内容"  # the label column of table 二
AMOUNT_COLUMNS = frozenset({FEE_AMOUNT, PROCUREMENT_AMOUNT})
SIGNED_COLUMNS = frozenset({CHANGE})


class Part2Row(NamedTuple):
    label: str
    clause: str
    columns: tuple[str, ...]


PART2_ROWS_2021 = (
    Part2Row(REGULATIONS, CLAUSE_DOCS, DOCS_COLUMNS),
    Part2Row(NORMATIVE_DOCS, CLAUSE_DOCS, DOCS_COLUMNS),
    Part2Row(LICENSING, CLAUSE_LICENSING, (DECISIONS,)),
    Part2Row(PENALTY, CLAUSE_ENFORCEMENT, (DECISIONS,)),
    Part2Row(COERCION, CLAUSE_ENFORCEMENT, (DECISIONS,)),
    Part2Row(FEES, CLAUSE_FEES, (FEE_AMOUNT,)),
)

PART2_ROWS_2019 = (
    Part2Row(REGULATIONS, CLAUSE_DOCS, DOCS_COLUMNS_2019),
    Part2Row(NORMATIVE_DOCS_2019, CLAUSE_DOCS, DOCS_COLUMNS_2019),
    Part2Row(LICENSING, CLAUSE_LICENSING, ITEMS_COLUMNS_2019),
    Part2Row(OTHER_SERVICES_2019, CLAUSE_LICENSING, ITEMS_COLUMNS_2019),
    Part2Row(PENALTY, CLAUSE_ENFORCEMENT, ITEMS_COLUMNS_2019),
    Part2Row(COERCION, CLAUSE_ENFORCEMENT, ITEMS_COLUMNS_2019),
    Part2Row(FEES, CLAUSE_FEES, FEES_COLUMNS_2019),
    Part2Row(PROCUREMENT, CLAUSE_PROCUREMENT, (PROCUREMENT_ITEMS, PROCUREMENT_AMOUNT)),
)

# ---------------------------------------------------------------- table 三
APPLICANT_COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
PART3_COLUMNS = (*APPLICANT_COLUMNS, TOTAL)
APPLICANTS_GROUP = "申请人情况"
ORGANISATIONS_GROUP = "法人或其他组织"

NEW = "本年新收政府信息公开申请数量"
CARRIED_IN = "上年结转政府信息公开申请数量"
RESULTS = "本年度办理结果"
CARRIED_OUT = "结转下年度继续办理"

DISCLOSED = "予以公开"
PARTLY = "部分公开"
PARTLY_NOTE = "（区分处理的，只计这一情形，不计其他情形）"
WITHHELD = "不予公开"
UNABLE = "无法提供"
NOT_PROCESSED = "不予处理"
OTHER_HANDLING = "其他处理"
# The note printed in the table's corner: the balance relation, in the statute's words.
PART3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

OTHER_HANDLING_ITEMS = (
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "其他",
)

# Result groups in printed order; a group is either a single row (None) or sub-items.
ResultGroups = tuple[tuple[str, tuple[str, ...] | None], ...]

_COMMON_GROUPS: ResultGroups = (
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
    (UNABLE, ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")),
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
)
RESULT_GROUPS_2021: ResultGroups = (*_COMMON_GROUPS, (OTHER_HANDLING, OTHER_HANDLING_ITEMS))
# The 2019 format prints （六）其他处理 as one row.
RESULT_GROUPS_2019: ResultGroups = (*_COMMON_GROUPS, (OTHER_HANDLING, None))

ORDINALS = "一二三四五六七"


class Part3Row(NamedTuple):
    """One numbered row of table 三, where it sits in the YAML and how it is printed."""

    path: Path
    label: str  # as a clerk reads it in a message, e.g. "（三）不予公开·1.属于国家秘密"


@functools.cache
def part3_rows(groups: ResultGroups) -> tuple[tuple[Part3Row, ...], tuple[Part3Row, ...]]:
    """The result rows, and all rows of table 三 in printed order, for these result groups."""
    results: list[Part3Row] = []
    for index, (group, items) in enumerate(groups):
        head = f"（{ORDINALS[index]}）{group}"
        if items is None:
            results.append(Part3Row((PART3_KEY, RESULTS, group), head))
        else:
            for number, item in enumerate(items, start=1):
                results.append(Part3Row((PART3_KEY, RESULTS, group, item), f"{head}·{number}.{item}"))
    return tuple(results), (
        Part3Row((PART3_KEY, NEW), f"一、{NEW}"),
        Part3Row((PART3_KEY, CARRIED_IN), f"二、{CARRIED_IN}"),
        *results,
        Part3Row((PART3_KEY, RESULTS, TOTAL), "（七）总计"),
        Part3Row((PART3_KEY, CARRIED_OUT), f"四、{CARRIED_OUT}"),
    )


# ---------------------------------------------------------------- table 四
REVIEW = "行政复议"
LITIGATION = "行政诉讼"
SUIT_DIRECT = "未经复议直接起诉"
SUIT_AFTER_REVIEW = "复议后起诉"
PART4_BLOCKS = (REVIEW, SUIT_DIRECT, SUIT_AFTER_REVIEW)
PART4_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", TOTAL)
