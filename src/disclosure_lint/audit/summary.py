"""What the audit prints beside the findings: one line per organ and year, and the baseline's part."""

from __future__ import annotations

from pathlib import Path

from ..escape import visible
from ..findings import ERROR, INFO, WARNING, Finding
from .run import Audit


def fingerprints(run: Audit) -> list[tuple[str, str, str, Finding]]:
    """(fingerprint, report identity, file, finding) for every finding of the run."""
    from .baseline import fingerprint

    out = []
    for result in run.results:
        identity = run.identity.get(result.filename, result.filename)
        for finding in result.findings:
            out.append((fingerprint(finding, identity), identity, result.filename, finding))
    return out


def drop_known(run: Audit, known: set[str]) -> int:
    """Remove the findings recorded in the baseline; how many were removed."""
    from .baseline import fingerprint

    hidden = 0
    for result in run.results:
        identity = run.identity.get(result.filename, result.filename)
        kept = [f for f in result.findings if fingerprint(f, identity) not in known]
        hidden += len(result.findings) - len(kept)
        result.findings = kept
    return hidden


def table(run: Audit, lang: str) -> str:
    """One row per report: organ, year, file, last year's file, errors, warnings, notes."""
    from tabulate import tabulate

    rows = []
    by_name = {entry.name: entry for entry in run.entries}
    for result in run.results:
        entry = by_name.get(result.filename)
        body = entry.body if entry is not None and entry.body else "?"
        year = entry.year if entry is not None and entry.year is not None else "?"
        previous = run.previous.get(result.filename, "—")
        rows.append(
            (
                visible(body), year, visible(result.filename), visible(previous),
                result.count(ERROR), result.count(WARNING), result.count(INFO),
            )
        )  # fmt: skip
    rows.sort(key=lambda row: (str(row[0]), str(row[1]), row[2]))
    headers = (
        ("organ", "year", "file", "last year's report", "errors", "warnings", "notes")
        if lang == "en"
        else ("机关", "年度", "文件", "上年报告", "错误", "警告", "提示")
    )
    return tabulate(rows, headers=headers, tablefmt="simple")


def hidden_note(hidden: int, baseline: Path | None, lang: str) -> str:
    if lang == "en":
        return f"{hidden} finding{'s' * (hidden != 1)} already reviewed in {baseline} not shown."
    return f"另有 {hidden} 条已在基线 {baseline} 中审阅过的问题未显示。"
