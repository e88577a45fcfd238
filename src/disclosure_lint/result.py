"""What a lint run found, and the one place that turns it into an exit status.

`FileResult` is one file's findings; `RunResult` keeps a whole run's counts as results stream
past (and the results themselves only when a reporter needs them all at once);
`exit_code` is the only place a status is chosen, for `lint`, `render`, `import` and `serve`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS
from .findings import ERROR, INFO, WARNING, Finding, Severity

if TYPE_CHECKING:
    from .document import Report
    from .excerpts import Excerpt


class FileResult:
    """One file's findings. `unreadable`: the file could not be read or is not valid YAML (exit 2);
    `crashed`: a rule module raised (exit 2); `excerpts`: the source lines the findings point at,
    for the text output (excerpts.py), plain data; `not_a_report`: YAML with none of the report's
    keys (detect.py), for --skip-non-reports; `fixed`: fixes applied by --fix (the findings are
    those that remain); `report`: the loaded report, for output that shows the document
    (--format html), never sent between processes and not compared."""

    # What crosses to another process or into the cache (plain.py), in the order __init__ takes it.
    SENT = ("filename", "findings", "unreadable", "crashed", "excerpts", "not_a_report", "fixed")
    __slots__ = (*SENT, "report")

    def __init__(
        self,
        filename: str,
        findings: list[Finding] | None = None,
        unreadable: bool = False,
        crashed: bool = False,
        excerpts: tuple[Excerpt, ...] = (),
        not_a_report: bool = False,
        fixed: int = 0,
        report: Report | None = None,
    ) -> None:
        self.filename = filename
        self.findings = [] if findings is None else findings
        self.unreadable = unreadable
        self.crashed = crashed
        self.excerpts = excerpts
        self.not_a_report = not_a_report
        self.fixed = fixed
        self.report = report

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not FileResult:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self.SENT)

    __hash__ = None  # type: ignore[assignment]  # changed as the run goes: not a key

    def __repr__(self) -> str:
        return f"FileResult({self.filename!r}, {len(self.findings)} findings)"

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def fails(self, threshold: Severity) -> bool:
        return any(f.severity >= threshold for f in self.findings)

    def fixable(self, safe: bool) -> int:
        """Findings with a safe fix (`safe`), or with an unsafe one."""
        return sum(1 for f in self.findings if f.fix is not None and f.fix.safe == safe)


class FileCounts(NamedTuple):
    """A file's result without its findings: what the text summary and tables need."""

    filename: str
    errors: int
    warnings: int
    infos: int
    unreadable: bool

    @property
    def has_findings(self) -> bool:
        return bool(self.errors or self.warnings or self.infos)


class RunResult:
    """A whole run: totals, the counts of each file with findings (for the per-file table), and
    every `FileResult` only if `keep` (the formats written as one document need them)."""

    def __init__(self, keep: bool = False) -> None:
        self.keep = keep
        self.checked = 0  # files
        self.errors = 0
        self.warnings = 0
        self.infos = 0
        self.unreadable_files = 0
        self.files: list[FileCounts] = []  # only files with findings
        self.by_code: Counter[str] = Counter()
        self.results: list[FileResult] = []
        self.unreadable = False  # a file could not be read, or a rule crashed
        self.failed = False  # a file has findings at or above its --fail-on
        self.missing_input = False  # a folder named on the command line held no reports
        self.skipped = 0  # files passed over by --skip-non-reports: neither checked nor shown
        self.fixable_safe = 0  # findings whose fix --fix applies
        self.fixable_unsafe = 0  # findings whose fix only --fix --unsafe-fixes applies
        self.fixed = 0  # fixes applied by --fix
        self.fixed_files = 0  # files --fix changed

    def add(self, result: FileResult, fail_on: Severity) -> None:
        counts = FileCounts(
            result.filename, result.count(ERROR), result.count(WARNING), result.count(INFO), result.unreadable
        )
        self.checked += 1
        self.errors += counts.errors
        self.warnings += counts.warnings
        self.infos += counts.infos
        self.unreadable_files += counts.unreadable
        if counts.has_findings:
            self.files.append(counts)
        self.by_code.update(f.code for f in result.findings)
        self.fixable_safe += result.fixable(safe=True)
        self.fixable_unsafe += result.fixable(safe=False)
        self.fixed += result.fixed
        self.fixed_files += result.fixed > 0
        if result.unreadable or result.crashed:
            self.unreadable = True
        elif result.fails(fail_on):
            self.failed = True
        if self.keep:
            self.results.append(result)

    @property
    def exit_code(self) -> int:
        return exit_code(failed=self.failed, unreadable=self.unreadable or self.missing_input)


def exit_code(*, failed: bool = False, unreadable: bool = False) -> int:
    """0 clean, 1 findings at or above --fail-on, 2 unreadable input, a crashed rule or a missing folder."""
    if unreadable:
        return EXIT_ERROR
    return EXIT_FINDINGS if failed else EXIT_CLEAN


def file_exit_code(result: FileResult, fail_on: Severity = ERROR) -> int:
    """The status of a command that handles one report (render, serve): the same policy as a run."""
    return exit_code(failed=result.fails(fail_on), unreadable=result.unreadable or result.crashed)
