"""Tables 三 and 四 must add up: the arithmetic printed in the 2021 format (国办公开办函〔2021〕30号).

表三 counts applications by six kinds of applicant (自然人 … 其他) and their 总计, in 25 rows:
一、本年新收, 二、上年结转, the 21 results （一）予以公开 … （六）3.其他, （七）总计 and
四、结转下年度继续办理. 表四 counts appeals in three blocks of 结果维持, 结果纠正, 其他结果,
尚未审结 and 总计. Every published table obeys:

表三, in each of its seven columns (the six applicants and 总计):
    DL201  一 + 二 = （七）总计 + 四  — what came in was either completed or is carried over;
           the format prints this equation in the table itself.
    DL202  （七）总计 = （一） + （二） + （三）1–8 + （四）1–3 + （五）1–5 + （六）1–3.
表三, in each of its 25 rows:
    DL203  总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
表四, in each of its three blocks:
    DL204  总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

A broken relation is reported at the cell that states its result: 四、结转下年度继续办理 for
DL201, （七）总计 for DL202, the row's 总计 for DL203, the block's 总计 for DL204. The message
gives the value the other cells call for, so the clerk can see which side is off.

One wrong cell (DL205). A single mistyped count breaks every relation it takes part in: a result
cell breaks its row and its column, a cell of 一/二/四 its row and DL201, a cell of （七）总计
its row, DL202 and DL201. Reporting each relation at its total would send the clerk to two or
three correct cells. So when a cell takes part in at least two relations, all of them are broken,
and all of them are mended by the same value for that cell, the relations are reported once, as
DL205 at that cell, with that value. If two cells explain the same broken relation equally well
(two equal slips in different rows and columns), neither is guessed at and the relations are
reported as they are. The value that mends them all is then certain as arithmetic, but it changes
a published figure (the slip may have been elsewhere, in two cells that cancel out), so the
finding's fix, writing that value, is unsafe: only `--fix --unsafe-fixes` applies it. No other
finding here offers a fix: "应为" at a total only says what the other cells call for.

Storms. A table with only its 总计 column filled (every applicant cell 0) breaks DL203 in every
row that has applications: that is reported once, as DL206 at the first such row's 总计, instead
of row by row. So is a table whose 总计 column is all 0 while applicant cells are filled.
Either needs at least two broken rows; one broken row is an ordinary slip.
The column relations are still checked, on the columns that were filled.

Cells that are not counts (blank, "/", text, negative) are reported by the cell rules, and rows of
the wrong length by the schema; every relation involving such a cell or row is skipped here, so
one bad cell gives one finding.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from disclosure_lint.api import (
    ERROR,
    UNSAFE,
    Finding,
    Path,
    Report,
    Rule,
    describe,
    replace_value,
    row_label,
    statute,
)
from disclosure_lint.statute import relations as model
from disclosure_lint.statute.relations import Relation
from disclosure_lint.table_counts import cell_counts, excesses

TABLE3 = f"{statute.DOCUMENT_2021} 表三"
TABLE4 = f"{statute.DOCUMENT_2021} 表四"

BALANCE = Rule(
    code="DL201",
    name="carry-over-balance",
    severity=ERROR,
    summary_zh="表三每列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
    summary_en="Table 三, each column: new + carried over from last year = completed + carried over to next year",
    clause=TABLE3,
    message_zh="{cell} 应为 {expected}（本年新收 {new} + 上年结转 {carried_in} − 办结总计 {completed}），"
    "实为 {actual}",
    message_en="'{cell}' should be {expected} (new {new} + carried over {carried_in} − completed {completed}), "
    "found {actual}",
)
RESULTS_TOTAL = Rule(
    code="DL202",
    name="results-total",
    severity=ERROR,
    summary_zh="表三每列：（七）总计等于各项办理结果之和",
    summary_en="Table 三, each column: （七）总计 is the sum of the result rows",
    clause=TABLE3,
    message_zh="{cell} 应为 {expected}（{rows}项办理结果之和），实为 {actual}",
    message_en="'{cell}' should be {expected} (the sum of the {rows} result rows), found {actual}",
)
ROW_TOTAL = Rule(
    code="DL203",
    name="row-total",
    severity=ERROR,
    summary_zh="表三每行：总计等于六类申请人之和",
    summary_en="Table 三, each row: 总计 is the sum of the six applicant columns",
    clause=TABLE3,
    message_zh="{cell} 应为 {expected}（六类申请人之和），实为 {actual}",
    message_en="'{cell}' should be {expected} (the sum of the six applicant columns), found {actual}",
)
APPEALS_TOTAL = Rule(
    code="DL204",
    name="appeals-total",
    severity=ERROR,
    summary_zh="表四每项：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
    summary_en="Table 四, each block: 总计 is 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    clause=TABLE4,
    message_zh="{cell} 应为 {expected}（{terms}），实为 {actual}",
    message_en="'{cell}' should be {expected} ({terms}), found {actual}",
)
ONE_WRONG_CELL = Rule(
    code="DL205",
    name="one-wrong-cell",
    severity=ERROR,
    summary_zh="表三一格数字使所在行和列同时不平衡",
    summary_en="One cell of table 三 unbalances both its row and its column",
    clause=TABLE3,
    message_zh="{cell} 很可能应为 {expected}：{relations}都差 {difference}，改这一格即可{count}处平衡（实为 {actual}）",
    message_en="'{cell}' is probably {expected}: {relations_en} are each off by {difference}, "
    "and changing this one cell balances {count_en} (found {actual})",
    fix=(UNSAFE,),
)
HALF_FILLED = Rule(
    code="DL206",
    name="half-filled-table",
    severity=ERROR,
    summary_zh="表三只填了总计列，或只填了六类申请人各列",
    summary_en="Table 三 has only its 总计 column filled, or only its applicant columns",
    clause=TABLE3,
    message_zh="表三{situation}，有{rows}行的总计不等于六类申请人之和：{advice}",
    message_en="table 三 {situation_en}, so {rows} rows do not add up: {advice_en}",
)
NOT_ONE_CELL = Rule(
    code="DL207",
    name="unbalanced-not-one-cell",
    severity=ERROR,
    summary_zh="表格不平衡，且不是改总计一格就能平衡的",
    summary_en="A table relation is off, and no count in its total cell mends it",
    clause=TABLE3,
    message_zh="{relation}不成立：{left} = {left_sum}，{right} = {right_sum}，相差 {difference}；"
    "“{cell}”要为负数才能平衡，所以是其余各格中有数字不对，请逐格核对",
    message_en="{relation_en} does not hold: {left} = {left_sum} but {right} = {right_sum}, off by {difference}; "
    "'{cell}' would have to be negative to balance it, so one of the other cells is wrong: check them one by one",
)

RULES = (BALANCE, RESULTS_TOTAL, ROW_TOTAL, APPEALS_TOTAL, ONE_WRONG_CELL, HALF_FILLED, NOT_ONE_CELL)

# Each relation kind of the statute model and the rule that reports it.
RULE_OF = {
    model.BALANCE: BALANCE,
    model.RESULTS_TOTAL: RESULTS_TOTAL,
    model.ROW_TOTAL: ROW_TOTAL,
    model.APPEALS_TOTAL: APPEALS_TOTAL,
}
RELATION_TITLES = {
    model.BALANCE: ("收结平衡（一+二=（七）+四）", "the balance 一 + 二 = （七） + 四"),
    model.RESULTS_TOTAL: ("按列合计", "the column sum"),
    model.ROW_TOTAL: ("按行合计", "the row sum"),
    model.APPEALS_TOTAL: ("表四合计", "the table-四 sum"),
}
# How DL205 names each relation, in the order it lists them: row, column, balance.
DL205_ORDER = (model.ROW_TOTAL, model.RESULTS_TOTAL, model.BALANCE)
COUNT_WORDS = {2: ("两", "both"), 3: ("三", "all three")}
PART3_RELATIONS = frozenset({model.BALANCE, model.RESULTS_TOTAL, model.ROW_TOTAL})


def check(report: Report) -> Iterator[Finding]:
    fmt = report.format
    counts = _counts(report, fmt)
    known = _known(model.relations(fmt), counts)
    excess = excesses(report)  # each relation evaluated once per report, for every rule that asks
    yield from _check_table3(report, [r for r in known if r.kind in PART3_RELATIONS], counts, excess)
    for relation in known:
        if relation.kind not in PART3_RELATIONS and excess[relation]:
            yield _broken(report, relation, counts)


# ---------------------------------------------------------------- reading the tables


def _counts(report: Report, fmt: statute.Format) -> dict[Path, int]:
    """Every table cell that is a count. Rows of the wrong length count as unreadable:
    their cells may be shifted, and the schema already reports the row. Cells an importer could
    not read are left out too: a relation over them is not the publisher's error."""
    counts: dict[Path, int] = {}
    every = cell_counts(report)
    for path, width in model.table_cells(fmt):
        cells = report.get(path)
        if not isinstance(cells, list) or len(cells) != width:
            continue
        for column in range(width):
            cell = (*path, column)
            value = every[cell]
            if value is not None and cell not in report.unreadable:
                counts[cell] = value
    return counts


def _cell_name(cell: Path) -> str:
    """The cell as printed: "（一）予以公开·自然人", "行政复议·总计"."""
    if cell[0] == statute.PART3:
        return f"{row_label(cell[:-1])}·{statute.PART3_COLUMNS[int(cell[-1])]}"
    return describe(cell)


def _known(relations: Iterable[Relation], counts: Mapping[Path, int]) -> list[Relation]:
    return [r for r in relations if all(cell in counts for cell in r.cells)]


def _args(relation: Relation, counts: Mapping[Path, int]) -> dict[str, Any]:
    """What a relation's message names besides the cell: the terms it was computed from."""
    if relation.kind == model.BALANCE:
        (new, carried_in), (completed, _) = relation.left, relation.right
        return {"new": counts[new], "carried_in": counts[carried_in], "completed": counts[completed]}
    if relation.kind == model.APPEALS_TOTAL:
        terms = " + ".join(
            f"{statute.PART4_COLUMNS[int(cell[-1])]} {counts[cell]}" for cell in relation.right
        )
        return {"terms": terms}
    if relation.kind == model.RESULTS_TOTAL:
        return {"rows": len(relation.right)}
    return {}


# ---------------------------------------------------------------- table 三


def _check_table3(
    report: Report, known: list[Relation], counts: Mapping[Path, int], excess: Mapping[Relation, int]
) -> Iterator[Finding]:
    rows = [r for r in known if r.kind == model.ROW_TOTAL]
    storm = _storm(report, rows, counts, excess)
    if storm is not None:
        yield storm
        rows = []  # the one finding stands for every row; the columns are still checked
    relations = [*rows, *(r for r in known if r.kind != model.ROW_TOTAL)]
    broken = [r for r in relations if excess[r]]
    explained: set[Relation] = set()
    for cell, its_relations in _single_wrong_cells(relations, broken, counts):
        explained.update(its_relations)
        yield _one_wrong_cell(report, cell, its_relations, counts)
    for relation in broken:
        if relation not in explained:
            yield _broken(report, relation, counts)


def _storm(
    report: Report, rows: list[Relation], counts: Mapping[Path, int], excess: Mapping[Relation, int]
) -> Finding | None:
    """DL206: one of the two column groups left at 0 while the other is filled."""
    broken = [r for r in rows if excess[r]]
    if len(broken) < 2:
        return None
    first = broken[0].target
    if not any(counts[cell] for r in rows for cell in r.right):
        applicants = "、".join(statute.APPLICANT_COLUMNS)
        args = {
            "situation": "只填了“总计”列，六类申请人各列全为 0",
            "situation_en": "has only its 总计 column filled, every applicant column being 0",
            "advice": f"请按{applicants}分列填写",
            "advice_en": f"fill in the six applicant columns ({applicants}) too",
        }
    elif not any(counts[cell] for r in rows for cell in r.left):
        args = {
            "situation": "“总计”列全为 0，六类申请人各列却已填写",
            "situation_en": "has its 总计 column all 0 while the applicant columns are filled",
            "advice": "请填写每行的总计，即六类申请人之和",
            "advice_en": "fill in each row's 总计, the sum of its six applicant columns",
        }
    else:
        return None
    return HALF_FILLED.at(report.pos(first), first, rows=len(broken), **args)


def _single_wrong_cells(
    relations: list[Relation], broken: list[Relation], counts: Mapping[Path, int]
) -> Iterator[tuple[Path, list[Relation]]]:
    """Cells that alone explain two or more broken relations, and that no other cell explains too.

    A cell explains its relations when every relation it takes part in is broken and all of
    them are mended by one and the same (non-negative) value of that cell.
    """
    if not broken:
        return  # the usual table, which adds up
    involving: dict[Path, list[Relation]] = {}
    for relation in relations:
        for cell in relation.cells:
            involving.setdefault(cell, []).append(relation)
    broken_set = set(broken)
    suspects: dict[Path, list[Relation]] = {}
    for cell, its_relations in involving.items():
        if len(its_relations) < 2 or not broken_set.issuperset(its_relations):
            continue
        mended = {relation.mending(cell, counts) for relation in its_relations}
        if len(mended) == 1 and min(mended) >= 0:
            suspects[cell] = its_relations
    claims = Counter(relation for its_relations in suspects.values() for relation in its_relations)
    for cell, its_relations in suspects.items():
        if all(claims[relation] == 1 for relation in its_relations):
            yield cell, its_relations


# ---------------------------------------------------------------- findings


def _broken(report: Report, relation: Relation, counts: Mapping[Path, int]) -> Finding:
    cell = relation.target
    expected = relation.mending(cell, counts)
    if expected < 0:  # never "应为 -2": the total is not what is wrong
        return _not_one_cell(report, relation, counts)
    return RULE_OF[relation.kind].at(
        report.pos(cell),
        cell,
        cell=_cell_name(cell),
        expected=expected,
        actual=counts[cell],
        **_args(relation, counts),
    )


def _not_one_cell(report: Report, relation: Relation, counts: Mapping[Path, int]) -> Finding:
    cell = relation.target
    title, title_en = RELATION_TITLES[relation.kind]
    left_sum = sum(counts[c] for c in relation.left)
    right_sum = sum(counts[c] for c in relation.right)
    return NOT_ONE_CELL.at(
        report.pos(cell),
        cell,
        relation=title,
        relation_en=title_en,
        left=_side(relation.left),
        right=_side(relation.right),
        left_sum=left_sum,
        right_sum=right_sum,
        difference=abs(left_sum - right_sum),
        cell=_cell_name(cell),
    )


def _side(cells: tuple[Path, ...]) -> str:
    if len(cells) > 3:
        return f"{_cell_name(cells[0])}至{_cell_name(cells[-1])}共{len(cells)}格之和"
    return " + ".join(_cell_name(c) for c in cells)


def _one_wrong_cell(
    report: Report, cell: Path, relations: list[Relation], counts: Mapping[Path, int]
) -> Finding:
    names = [RELATION_TITLES[r.kind] for r in sorted(relations, key=lambda r: DL205_ORDER.index(r.kind))]
    expected = relations[0].mending(cell, counts)
    count_zh, count_en = COUNT_WORDS[len(relations)]
    return ONE_WRONG_CELL.at(
        report.pos(cell),
        cell,
        cell=_cell_name(cell),
        expected=expected,
        actual=counts[cell],
        difference=abs(counts[cell] - expected),
        relations=_join([zh for zh, _ in names], "、", "和"),
        relations_en=_join([en for _, en in names], ", ", " and "),
        count=count_zh,
        count_en=count_en,
        fix=replace_value(
            report, cell, str(expected), unsafe=True,
            message_zh=f"改为 {expected}，使{count_zh}处平衡", message_en=f"write {expected}, which balances {count_en}",
        ),
    )  # fmt: skip


def _join(items: list[str], comma: str, last: str) -> str:
    return items[0] if len(items) == 1 else comma.join(items[:-1]) + last + items[-1]
