"""DL72x: this year's report against last year's (`--previous LAST_YEAR.yaml`).

Two figures of a report continue last year's, and evaluators check them across years:
* 表三 二、上年结转政府信息公开申请数量 is, column by column, last year's
  四、结转下年度继续办理 — the applications carried forward at the end of last year are the ones
  carried over into this one (国办公开办函〔2021〕30号 表三; an error);
* 表二 现行有效件数 of 规章 and 行政规范性文件 (《条例》第二十条第（一）项) is normally last
  year's 现行有效件数 + 本年制发件数 − 本年废止件数; revisions, clean-ups and documents that
  expire break it legitimately, so this is a warning.
Reports copied from last year's — up to 90% identical text, per the evaluators — are the other
fault a second report reveals: a text part (一, 五 or 六) that mostly repeats last year's gets a
warning giving the share.

The comparison needs last year's report: it runs only when one is given, and when that report is
not for the year before (年度 − 1) or is another organ's (机关), it says so once (DL724) instead of
comparing reports that do not follow each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from disclosure_lint.api import ERROR, WARNING, Finding, Report, Rule, row_label, statute
from disclosure_lint.prose import FOLD_DIGITS

CARRIED_IN = Rule(
    code="DL721",
    name="carried-in-vs-last-year",
    severity=ERROR,
    summary_zh="上年结转不等于上年报告的结转下年度继续办理",
    summary_en="上年结转 differs from last year's 结转下年度继续办理",
    clause=f"{statute.DOCUMENT_2021} 表三（跨年度）",
    message_zh="“{cell}”为 {actual}，但{previous}的“{previous_cell}”为 {expected}（{previous_file} 第 {previous_line} 行）："
    "本年的上年结转就是上年结转下年度继续办理的申请，两者应相等",
    message_en="'{cell}' is {actual}, but {previous_en} has '{previous_cell}' {expected} ({previous_file}, line "
    "{previous_line}): the applications carried over into this year are the ones last year carried forward",
)
IN_FORCE = Rule(
    code="DL722",
    name="in-force-vs-last-year",
    severity=WARNING,
    summary_zh="现行有效件数与上年现行有效件数 + 本年制发 − 本年废止不符",
    summary_en="现行有效件数 is not last year's count + issued − repealed",
    clause=f"《条例》第二十条第（一）项；{statute.DOCUMENT_2021} 表二",
    message_zh="“{row}·现行有效件数”为 {actual}，按{previous}的现行有效件数 {last}（{previous_file} 第 {previous_line} 行）"
    "+ 本年制发 {issued} − 本年废止 {repealed}，应为 {expected}：请核对；如有修订、清理或自然失效，请在正文中说明",
    message_en="'{row}·现行有效件数' is {actual}, but {previous_en}'s count {last} ({previous_file}, line {previous_line}) "
    "+ issued {issued} − repealed {repealed} gives {expected}: check it, and explain revisions, clean-ups or "
    "expiries in the text",
)
COPIED = Rule(
    code="DL723",
    name="copied-from-last-year",
    severity=WARNING,
    summary_zh="文字大段照搬上年报告",
    summary_en="A text part largely repeats last year's report",
    clause="《条例》第五十条",
    message_zh="“{part}”有 {share}% 的文字与{previous}（{previous_file}）相同：照搬上年报告是评议中常被指出的问题，"
    "请按本年度的实际工作撰写",
    message_en="{share}% of '{part}' is the same text as {previous_en} ({previous_file}): evaluators mark down reports "
    "copied from last year's; write about this year's work",
)
NOT_LAST_YEAR = Rule(
    code="DL724",
    name="previous-report-mismatch",
    severity=WARNING,
    summary_zh="作为上年报告的文件不是本机关上一年度的报告",
    summary_en="The report given as last year's is not this organ's report for the year before",
    clause="—",
    message_zh="作为上年报告的 {previous_file} {reason}，跨年度的核对已跳过{advice}",
    message_en="{previous_file}, given as last year's report, {reason_en}, so the checks across years were skipped{advice_en}",
)
RULES = (CARRIED_IN, IN_FORCE, COPIED, NOT_LAST_YEAR)

TOTAL = statute.PART3_COLUMNS.index(statute.TOTAL)
APPLICANTS = range(TOTAL)
IN_FORCE_ROWS = (statute.REGULATIONS, statute.NORMATIVE_DOCS)
ISSUED, REPEALED, CURRENT = statute.DOCS_COLUMNS

COPY_SHARE = 50  # per cent of a part's characters found in last year's report
MIN_CHARS = 80  # shorter parts ("本年度未收取信息处理费…") are the same every year by nature
MAX_CHARS = 50_000  # longer is not a report's text part; comparing it would only cost time and memory
NGRAM = 8  # characters: long enough that shared stock phrases are a small share


def check(report: Report) -> Iterator[Finding]:
    previous = report.previous
    if previous is None:
        return
    year, last_year = _year(report), _year(previous)
    mismatch = _mismatch(report, previous, year, last_year)
    if mismatch is not None:
        yield mismatch
        return
    names = {
        "previous": f"上年（{last_year} 年度）报告" if last_year else "上年报告",
        "previous_en": f"last year's report ({last_year})" if last_year else "last year's report",
        "previous_file": previous.filename,
    }
    yield from _carried_in(report, previous, names)
    yield from _in_force(report, previous, names)
    yield from _copied(report, previous, names)


def _mismatch(report: Report, previous: Report, year: int | None, last_year: int | None) -> Finding | None:
    """Another year's or another organ's report: comparing it would give only false findings
    (and `--previous` applies to every report on the command line)."""
    if year is not None and last_year is not None and last_year != year - 1:
        return NOT_LAST_YEAR.at(
            report.pos((statute.YEAR,)),
            (statute.YEAR,),
            previous_file=previous.filename,
            reason=f"是 {last_year} 年度的报告，而本报告是 {year} 年度",
            reason_en=f"is for {last_year}, but this report is for {year}",
            advice=f"：请改用 {year - 1} 年度的报告",
            advice_en=f"; give the report for {year - 1}",
        )
    agency, last_agency = _agency(report), _agency(previous)
    if agency and last_agency and agency != last_agency:
        return NOT_LAST_YEAR.at(
            report.pos((statute.AGENCY,)),
            (statute.AGENCY,),
            previous_file=previous.filename,
            reason=f"是“{last_agency}”的报告，而本报告是“{agency}”的",
            reason_en=f"is the report of '{last_agency}', not of '{agency}'",
            advice="；机构更名的，请把上年报告的“机关”改为现名",
            advice_en="; if the organ was renamed, write its present name in last year's file",
        )
    return None


def _agency(report: Report) -> str:
    value = report.get((statute.AGENCY,))
    return "".join(value.split()) if isinstance(value, str) else ""


def _year(report: Report) -> int | None:
    value = report.get((statute.YEAR,))
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# ---------------------------------------------------------------- DL721


def _carried_in(report: Report, previous: Report, names: dict[str, Any]) -> Iterator[Finding]:
    """Per column; when applicant columns differ, the 总计 that follows from them is not repeated."""
    here, there = statute.ROW_CARRIED_IN.path, statute.ROW_CARRIED_OUT.path
    differing = [
        column
        for column in range(len(statute.PART3_COLUMNS))
        if None not in (report.count((*here, column)), previous.count((*there, column)))
        and report.count((*here, column)) != previous.count((*there, column))
    ]
    if any(column in APPLICANTS for column in differing):
        differing = [column for column in differing if column in APPLICANTS]
    for column in differing:
        cell, previous_cell = (*here, column), (*there, column)
        label = statute.PART3_COLUMNS[column]
        yield CARRIED_IN.at(
            report.pos(cell),
            cell,
            cell=f"{row_label(here)}·{label}",
            actual=report.count(cell),
            previous_cell=f"{row_label(there)}·{label}",
            expected=previous.count(previous_cell),
            previous_line=previous.pos(previous_cell).line,
            **names,
        )


# ---------------------------------------------------------------- DL722


def _in_force(report: Report, previous: Report, names: dict[str, Any]) -> Iterator[Finding]:
    for row in IN_FORCE_ROWS:
        base = (statute.PART2, row)
        last = previous.count((*base, CURRENT))
        issued, repealed, actual = (report.count((*base, column)) for column in (ISSUED, REPEALED, CURRENT))
        if last is None or issued is None or repealed is None or actual is None:
            continue
        expected = last + issued - repealed
        if actual == expected:
            continue
        cell = (*base, CURRENT)
        yield IN_FORCE.at(
            report.pos(cell),
            cell,
            row=row,
            actual=actual,
            last=last,
            issued=issued,
            repealed=repealed,
            expected=expected,
            previous_line=previous.pos(cell).line,
            **names,
        )


# ---------------------------------------------------------------- DL723


def _copied(report: Report, previous: Report, names: dict[str, Any]) -> Iterator[Finding]:
    for part in (statute.PART1, statute.PART5, statute.PART6):
        text, last = _normalised(report, part), _normalised(previous, part)
        if not MIN_CHARS <= len(text) <= MAX_CHARS or not NGRAM <= len(last) <= MAX_CHARS:
            continue
        share = copied_share(text, last)
        if share >= COPY_SHARE:
            path = (part,)
            yield COPIED.at(report.key_pos(path), path, part=part, share=share, **names)


def _normalised(report: Report, part: str) -> str:
    """A part's text (part 一's aspects joined), without whitespace, every number written as #:
    a copy with this year's figures filled in is still a copy."""
    value = report.get((part,))
    if isinstance(value, dict):
        value = "".join(value[a] for a in statute.ASPECTS if isinstance(value.get(a), str))
    if not isinstance(value, str):
        return ""
    text = "".join(value.translate(FOLD_DIGITS).split())
    out: list[str] = []
    for char in text:
        if char.isdigit():
            if not out or out[-1] != "#":
                out.append("#")
        else:
            out.append(char)
    return "".join(out)


def copied_share(text: str, last: str) -> int:
    """Per cent of the characters of `text` inside a run of NGRAM characters also found in `last`.

    Character n-grams, not a diff: a copy whose paragraphs were reordered is still a copy.
    """
    seen = {last[i : i + NGRAM] for i in range(len(last) - NGRAM + 1)}
    covered = [False] * len(text)
    for i in range(len(text) - NGRAM + 1):
        if text[i : i + NGRAM] in seen:
            covered[i : i + NGRAM] = [True] * NGRAM
    return round(100 * sum(covered) / len(text)) if text else 0
