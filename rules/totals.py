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
reported as they are.

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
from dataclasses import dataclass, field
from typing import Any

from disclosure_lint.api import ERROR, Finding, Path, Report, Rule, describe, row_label, statute

TABLE3 = "国办公开办函〔2021〕30号 表三"
TABLE4 = "国办公开办函〔2021〕30号 表四"

BALANCE = Rule(
    "DL201", "carry-over-balance", ERROR,
    "表三每列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
    "Table 三, each column: new + carried over from last year = completed + carried over to next year",
    TABLE3,
    "{cell} 应为 {expected}（本年新收 {new} + 上年结转 {carried_in} − 办结总计 {completed}），"
    "实为 {actual}",
    "'{cell}' should be {expected} (new {new} + carried over {carried_in} − completed {completed}), "
    "found {actual}",
)  # fmt: skip
RESULTS_TOTAL = Rule(
    "DL202", "results-total", ERROR,
    "表三每列：（七）总计等于21项办理结果之和",
    "Table 三, each column: （七）总计 is the sum of the 21 result rows",
    TABLE3,
    "{cell} 应为 {expected}（21项办理结果之和），实为 {actual}",
    "'{cell}' should be {expected} (the sum of the 21 result rows), found {actual}",
)  # fmt: skip
ROW_TOTAL = Rule(
    "DL203", "row-total", ERROR,
    "表三每行：总计等于六类申请人之和",
    "Table 三, each row: 总计 is the sum of the six applicant columns",
    TABLE3,
    "{cell} 应为 {expected}（六类申请人之和），实为 {actual}",
    "'{cell}' should be {expected} (the sum of the six applicant columns), found {actual}",
)  # fmt: skip
APPEALS_TOTAL = Rule(
    "DL204", "appeals-total", ERROR,
    "表四每项：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
    "Table 四, each block: 总计 is 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    TABLE4,
    "{cell} 应为 {expected}（{terms}），实为 {actual}",
    "'{cell}' should be {expected} ({terms}), found {actual}",
)  # fmt: skip
ONE_WRONG_CELL = Rule(
    "DL205", "one-wrong-cell", ERROR,
    "表三一格数字使所在行和列同时不平衡", "One cell of table 三 unbalances both its row and its column",
    TABLE3,
    "{cell} 很可能应为 {expected}：{relations}都差 {difference}，改这一格即可{count}处平衡（实为 {actual}）",
    "'{cell}' is probably {expected}: {relations_en} are each off by {difference}, "
    "and changing this one cell balances {count_en} (found {actual})",
)  # fmt: skip
HALF_FILLED = Rule(
    "DL206", "half-filled-table", ERROR,
    "表三只填了总计列，或只填了六类申请人各列",
    "Table 三 has only its 总计 column filled, or only its applicant columns",
    TABLE3,
    "表三{situation}，有{rows}行的总计不等于六类申请人之和：{advice}",
    "table 三 {situation_en}, so {rows} rows do not add up: {advice_en}",
)  # fmt: skip

RULES = (BALANCE, RESULTS_TOTAL, ROW_TOTAL, APPEALS_TOTAL, ONE_WRONG_CELL, HALF_FILLED)

APPLICANTS = range(len(statute.APPLICANT_COLUMNS))  # columns 0–5
TOTAL_COLUMN = statute.PART3_COLUMNS.index(statute.TOTAL)  # column 6
PART3_WIDTH = len(statute.PART3_COLUMNS)
PART4_TOTAL = statute.PART4_COLUMNS.index(statute.TOTAL)

# How DL205 names each relation, in the order it lists them: row, column, balance.
RELATION_NAMES = {
    ROW_TOTAL: ("按行合计", "the row sum"),
    RESULTS_TOTAL: ("按列合计", "the column sum"),
    BALANCE: ("收结平衡（一+二=（七）+四）", "the balance 一 + 二 = （七） + 四"),
}
COUNT_WORDS = {2: ("两", "both"), 3: ("三", "all three")}


@dataclass(frozen=True)
class Relation:
    """sum(left) = sum(right), reported at `target` (one of its cells) under `rule`."""

    rule: Rule
    target: Path
    left: tuple[Path, ...]
    right: tuple[Path, ...]
    args: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def cells(self) -> tuple[Path, ...]:
        return self.left + self.right

    def excess(self, counts: Mapping[Path, int]) -> int:
        """How much the left side exceeds the right; 0 when the relation holds."""
        return sum(counts[cell] for cell in self.left) - sum(counts[cell] for cell in self.right)

    def mending(self, cell: Path, counts: Mapping[Path, int]) -> int:
        """The value of `cell` that would make the relation hold, the other cells as they are."""
        excess = self.excess(counts)
        return counts[cell] - excess if cell in self.left else counts[cell] + excess


def check(report: Report) -> Iterator[Finding]:
    counts = _counts(report)
    yield from _check_table3(report, counts)
    for relation in _table4_relations(counts):
        if relation.excess(counts):
            yield _broken(report, relation, counts)


# ---------------------------------------------------------------- reading the tables


def _counts(report: Report) -> dict[Path, int]:
    """Every table cell that is a count. Rows of the wrong length count as unreadable:
    their cells may be shifted, and the schema already reports the row."""
    rows = [(row.path, PART3_WIDTH) for row in statute.PART3_ROWS]
    rows += [((statute.PART4, block), len(statute.PART4_COLUMNS)) for block in statute.PART4_BLOCKS]
    counts: dict[Path, int] = {}
    for path, width in rows:
        cells = report.get(path)
        if not isinstance(cells, list) or len(cells) != width:
            continue
        for column in range(width):
            value = report.count((*path, column))
            if value is not None:
                counts[(*path, column)] = value
    return counts


def _cell_name(cell: Path) -> str:
    """The cell as printed: "（一）予以公开·自然人", "行政复议·总计"."""
    if cell[0] == statute.PART3:
        return f"{row_label(cell[:-1])}·{statute.PART3_COLUMNS[int(cell[-1])]}"
    return describe(cell)


def _known(relations: Iterable[Relation], counts: Mapping[Path, int]) -> list[Relation]:
    return [r for r in relations if all(cell in counts for cell in r.cells)]


# ---------------------------------------------------------------- the relations


def _row_relations(counts: Mapping[Path, int]) -> list[Relation]:
    """DL203: in every row of 表三, 总计 = the six applicant columns."""
    relations = (
        Relation(
            ROW_TOTAL,
            (*row.path, TOTAL_COLUMN),
            left=((*row.path, TOTAL_COLUMN),),
            right=tuple((*row.path, column) for column in APPLICANTS),
        )
        for row in statute.PART3_ROWS
    )
    return _known(relations, counts)


def _column_relations(counts: Mapping[Path, int]) -> list[Relation]:
    """DL202 and DL201, in every column of 表三."""
    relations: list[Relation] = []
    for column in range(PART3_WIDTH):
        new, carried_in, completed, carried_out = (
            (*row.path, column)
            for row in (
                statute.ROW_NEW,
                statute.ROW_CARRIED_IN,
                statute.ROW_RESULTS_TOTAL,
                statute.ROW_CARRIED_OUT,
            )
        )
        results = tuple((*row.path, column) for row in statute.RESULT_ROWS)
        relations += _known([Relation(RESULTS_TOTAL, completed, left=(completed,), right=results)], counts)
        if all(cell in counts for cell in (new, carried_in, completed, carried_out)):
            args = {"new": counts[new], "carried_in": counts[carried_in], "completed": counts[completed]}
            relations.append(
                Relation(
                    BALANCE, carried_out, left=(new, carried_in), right=(completed, carried_out), args=args
                )
            )
    return relations


def _table4_relations(counts: Mapping[Path, int]) -> list[Relation]:
    """DL204: in every block of 表四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结."""
    relations: list[Relation] = []
    for block in statute.PART4_BLOCKS:
        path = (statute.PART4, block)
        total = (*path, PART4_TOTAL)
        parts = tuple(
            (*path, column) for column in range(len(statute.PART4_COLUMNS)) if column != PART4_TOTAL
        )
        if all(cell in counts for cell in (total, *parts)):
            terms = " + ".join(f"{statute.PART4_COLUMNS[int(cell[-1])]} {counts[cell]}" for cell in parts)
            relations.append(
                Relation(APPEALS_TOTAL, total, left=(total,), right=parts, args={"terms": terms})
            )
    return relations


# ---------------------------------------------------------------- table 三


def _check_table3(report: Report, counts: Mapping[Path, int]) -> Iterator[Finding]:
    rows = _row_relations(counts)
    storm = _storm(report, rows, counts)
    if storm is not None:
        yield storm
        rows = []  # the one finding stands for every row; the columns are still checked
    relations = [*rows, *_column_relations(counts)]
    broken = [r for r in relations if r.excess(counts)]
    explained: set[Relation] = set()
    for cell, its_relations in _single_wrong_cells(relations, broken, counts):
        explained.update(its_relations)
        yield _one_wrong_cell(report, cell, its_relations, counts)
    for relation in broken:
        if relation not in explained:
            yield _broken(report, relation, counts)


def _storm(report: Report, rows: list[Relation], counts: Mapping[Path, int]) -> Finding | None:
    """DL206: one of the two column groups left at 0 while the other is filled."""
    broken = [r for r in rows if r.excess(counts)]
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
    return relation.rule.at(
        report.pos(cell),
        cell,
        cell=_cell_name(cell),
        expected=relation.mending(cell, counts),
        actual=counts[cell],
        **relation.args,
    )


def _one_wrong_cell(
    report: Report, cell: Path, relations: list[Relation], counts: Mapping[Path, int]
) -> Finding:
    order = list(RELATION_NAMES)
    names = [RELATION_NAMES[r.rule] for r in sorted(relations, key=lambda r: order.index(r.rule))]
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
    )


def _join(items: list[str], comma: str, last: str) -> str:
    return items[0] if len(items) == 1 else comma.join(items[:-1]) + last + items[-1]
