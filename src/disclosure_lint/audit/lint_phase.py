"""Linting every report with last year's attached, as `disclosure-lint --previous LAST report`
would, and naming last year's side of each finding across the two years (file:line:col)."""

from __future__ import annotations

from dataclasses import dataclass

from .. import engine, statute
from ..config import Options
from ..findings import START, Finding
from ..lint import FileResult
from .codes import with_other_side
from .load import Entry, renamed

CARRIED_IN, IN_FORCE, COPIED = "DL721", "DL722", "DL723"


@dataclass(frozen=True)
class Task:
    entry: Entry
    last: Entry | None  # last year's report of the same organ, if the folder has it
    options: Options
    modules: list[engine.RuleModule]


def lint_all(tasks: list[Task]) -> list[FileResult]:
    """In this process: linting a loaded report takes milliseconds (300 reports: about 1.5 s), and
    workers would have to be sent every report they check; reading the files is what is spread
    over the CPUs (`load.load_all`)."""
    return [lint_entry(task) for task in tasks]


def lint_entry(task: Task) -> FileResult:
    from ..lint import _finish

    entry, last = task.entry, task.last
    previous = None
    if last is not None and last.report is not None and entry.report is not None:
        previous = renamed(last.report, str(entry.report.get((statute.AGENCY,))))
    try:
        result = _finish(entry.name, entry.loaded, task.modules, task.options, previous)
    except Exception as error:  # a fault of ours: one line naming the file; the audit goes on
        problem = f"{type(error).__name__}: {error}"
        finding = engine.INTERNAL_ERROR.at(START, module="disclosure-lint", error=problem)
        return FileResult(entry.name, [finding], crashed=True)
    if last is not None and last.report is not None:
        # DL723 is measured again by the audit, with its threshold and the passage quoted.
        result.findings = [_other_side(f, last) for f in result.findings if f.code != COPIED]
    return result


def _other_side(finding: Finding, last: Entry) -> Finding:
    """DL721 and DL722 name last year's file and line; the audit adds the column, file:line:col."""
    report = last.report
    if finding.code not in (CARRIED_IN, IN_FORCE) or report is None or not finding.path:
        return finding
    path = finding.path
    if finding.code == CARRIED_IN:
        path = (*statute.ROW_CARRIED_OUT.path, path[-1])
    pos = report.pos(path)
    args = {**finding.args, "other": f"{last.name}:{pos.line}:{pos.col}", "other_identity": f"{last.year}"}
    return Finding(with_other_side(finding.rule), finding.pos, finding.path, args)
