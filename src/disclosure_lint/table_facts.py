"""The table values the prose is held against, each named as a message names it.

Tables 三 and 四 are read only where they add up: a table that does not is reported by the
totals rules, and a figure in the text that agrees with the correct table but not with the typo
would be the same slip reported twice.
"""

from __future__ import annotations

from typing import NamedTuple

from . import statute
from .document import Report
from .findings import Path
from .labels import row_label
from .statute import relations
from .table_counts import excesses

TOTAL = statute.PART3_COLUMNS.index(statute.TOTAL)
PART4_TOTAL = statute.PART4_COLUMNS.index(statute.TOTAL)
FEE_ROW = next(row for row in statute.RESULT_ROWS if "缴纳费用" in row.label)


class Cell(NamedTuple):
    """One value of a table, as a message names it."""

    value: int
    zh: str
    en: str


class Tables:
    """The table values the text is compared with, each with the line of its 总计 cell."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.table3_balances = _table3_balances(report)

    def _line(self, path: Path) -> int:
        return self.report.pos(path).line

    def _value(self, path: Path) -> int | None:
        if path[0] == statute.PART3 and not self.table3_balances:
            return None  # the totals rules report the table; one slip, one finding
        if path[0] == statute.PART4 and not _block_balances(self.report, path[1]):
            return None
        value = self.report.count(path)
        if value is None and self.blank(path):
            return self._row_sum(path)
        return value

    def _row_sum(self, path: Path) -> int | None:
        """A blank cell's value: 0, but for a blank 总计 the sum of its row's other cells, as a reader
        adds them up (a table that fills in only the applicant columns, or only 结果维持 …)."""
        total = TOTAL if path[0] == statute.PART3 else PART4_TOTAL
        if path[-1] != total:
            return 0
        cells = [(*path[:-1], column) for column in range(total)]
        if not all(self.report.has(cell) for cell in cells):
            return 0
        return sum_known([self.report.count(cell) if not self.blank(cell) else 0 for cell in cells])

    def blank(self, path: Path) -> bool:
        """A cell the publisher left empty ("", "/", "无", null): nothing counted, so 0 against a
        figure in the text ("办理申请1件" over an empty 总计). A cell the importer could not read
        is not blank: it is unknown, and never the publisher's error."""
        if path in self.report.unreadable or not self.report.has(path):
            return False
        raw = self.report.get(path)
        return raw is None or (
            isinstance(raw, str) and (not raw.strip() or raw.strip().casefold() in statute.NONE_MARKS)
        )

    def _cell(self, path: Path, name: str, name_en: str) -> Cell | None:
        value = self._value(path)
        if value is None:
            return None
        line = self._line(path)
        if self.blank(path) and value:
            return Cell(
                value,
                f"{name}为空、其各列之和为 {value}（第 {line} 行）",
                f"{name_en} empty, its columns {value} in all (line {line})",
            )
        if self.blank(path):
            return Cell(0, f"{name}为空（第 {line} 行）", f"{name_en} empty (line {line})")
        return Cell(value, f"{name}为 {value}（第 {line} 行）", f"{name_en} {value} (line {line})")

    def new(self) -> Cell | None:
        return self._cell((*statute.ROW_NEW.path, TOTAL), "“本年新收”总计", "'本年新收' total")

    def carried_in(self) -> Cell | None:
        return self._cell((*statute.ROW_CARRIED_IN.path, TOTAL), "“上年结转”总计", "'上年结转' total")

    def completed(self) -> Cell | None:
        path = (*statute.ROW_RESULTS_TOTAL.path, TOTAL)
        return self._cell(path, "办理结果“（七）总计”", "results '（七）总计'")

    def carried_out(self) -> Cell | None:
        path = (*statute.ROW_CARRIED_OUT.path, TOTAL)
        return self._cell(path, "“结转下年度继续办理”总计", "'结转下年度继续办理' total")

    def new_and_carried_in(self) -> Cell | None:
        new, carried_in = self.new(), self.carried_in()
        if new is None or carried_in is None:
            return None
        value = new.value + carried_in.value
        line = self._line((*statute.ROW_CARRIED_IN.path, TOTAL))
        return Cell(
            value, f"加上“上年结转”为 {value}（第 {line} 行）", f"{value} with '上年结转' (line {line})"
        )

    def result_group(self, group: str) -> Cell | None:
        rows = [row for row in statute.RESULT_ROWS if row.path[2] == group]
        value = sum_known([self._value((*row.path, TOTAL)) for row in rows])
        if value is None:
            return None
        lines = [self._line((*row.path, TOTAL)) for row in rows]
        label = row_label(rows[0].path).split("·")[0]
        if len(rows) == 1:
            return Cell(
                value,
                f"“{label}”总计为 {value}（第 {lines[0]} 行）",
                f"'{label}' total {value} (line {lines[0]})",
            )
        return Cell(
            value,
            f"“{label}”各项总计之和为 {value}（第 {lines[0]}–{lines[-1]} 行）",
            f"'{label}' rows total {value} (lines {lines[0]}–{lines[-1]})",
        )

    def result_groups(self, groups: list[str]) -> Cell | None:
        """Two or more result groups named together: "予以公开及部分公开33件"."""
        cells = [self.result_group(group) for group in groups]
        if any(cell is None for cell in cells):
            return None
        value = sum(cell.value for cell in cells if cell is not None)
        labels = "与".join(f"“{group}”" for group in groups)
        return Cell(value, f"{labels}合计为 {value}", f"{' + '.join(groups)} {value} in all")

    def applicants(self, columns: tuple[int, ...]) -> list[Cell] | None:
        """A figure for some applicant columns: their 本年新收, with 上年结转, or their 办结."""
        names = "、".join(statute.APPLICANT_COLUMNS[c] for c in columns)
        rows = {
            "new": statute.ROW_NEW, "carried_in": statute.ROW_CARRIED_IN, "done": statute.ROW_RESULTS_TOTAL,
        }  # fmt: skip
        values: dict[str, int] = {}
        for key, row in rows.items():
            total = sum_known([self._value((*row.path, c)) for c in columns])
            if total is None:
                return None
            values[key] = total
        line = self._line((*statute.ROW_NEW.path, columns[0]))
        new, with_carried = values["new"], values["new"] + values["carried_in"]
        return [
            Cell(
                new, f"“本年新收”中{names}为 {new}（第 {line} 行）", f"'本年新收' {names} {new} (line {line})"
            ),
            Cell(with_carried, f"加上“上年结转”为 {with_carried}", f"{with_carried} with '上年结转'"),
            Cell(values["done"], f"办结 {values['done']}", f"{values['done']} completed"),
        ]

    def appeals(self, block: str) -> Cell | None:
        return self._cell((statute.PART4, block, PART4_TOTAL), f"“{block}”总计", f"'{block}' total")

    def appeal_outcomes(self, blocks: list[str], columns: tuple[int, ...]) -> tuple[int, str, str] | None:
        """The cases of `columns` (e.g. 结果纠正, 尚未审结) in `blocks`: (how many, zh, en)."""
        named: list[tuple[str, str, int, int]] = []
        for block in blocks:
            for column in columns:
                path = (statute.PART4, block, column)
                value = self._value(path)
                if value is None:
                    return None
                if value:
                    named.append((block, statute.PART4_COLUMNS[column], value, self._line(path)))
        zh = "，".join(f"“{b}”{c}为 {v}（第 {line} 行）" for b, c, v, line in named)
        en = ", ".join(f"'{b}' {c} {v} (line {line})" for b, c, v, line in named)
        return sum(v for _, _, v, _ in named), zh, en

    def fee_row(self) -> Cell | None:
        label = row_label(FEE_ROW.path)
        return self._cell((*FEE_ROW.path, TOTAL), f"“{label}”总计", f"'{label}' total")


def _table3_balances(report: Report) -> bool:
    """Whether table 三 adds up wherever it can be read (what rules/totals.py checks).

    The text is compared with the table only when it does: a table that does not add up is
    reported by the totals rules, and a figure in the text that agrees with the correct table
    but not with the typo would be the same slip reported twice. The relations are the statute
    model's own (`statute.relations`), for the report's format, never a copy, evaluated once
    per report for every reader (`table_counts`).
    """
    part3 = {relations.BALANCE, relations.RESULTS_TOTAL, relations.ROW_TOTAL}
    return not any(
        excess and relation.kind in part3 and not any(cell in report.unreadable for cell in relation.cells)
        for relation, excess in excesses(report).items()
    )


def _block_balances(report: Report, block: str | int) -> bool:
    """Whether a block of table 四 adds up (or cannot be read), by the statute model's relation."""
    return not any(
        excess and relation.kind == relations.APPEALS_TOTAL and relation.target[1] == block
        for relation, excess in excesses(report).items()
    )


def sum_known(values: list[int | None]) -> int | None:
    """The sum, or None when a value cannot be read."""
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def join_cells(cells: list[Cell]) -> tuple[str, str]:
    return "，".join(c.zh for c in cells), ", ".join(c.en for c in cells)
