"""What a rule module imports: everything a rule needs, in one place.

    from disclosure_lint.api import ERROR, Report, Rule

A rule module defines `RULES` (a sequence of `Rule`) and
`check(report: Report) -> Iterable[Finding]`.
"""

from . import statute
from .document import Report, Scalar
from .findings import ERROR, INFO, START, WARNING, Finding, Path, Pos, Rule, Severity
from .labels import describe, row_label


def uses_2019_template(report: Report) -> bool:
    """True when the report's tables are those of the 2019 format (国办公开办函〔2019〕60号)."""
    return statute.format_of(report.data) is statute.FORMAT_2019


__all__ = [
    "ERROR",
    "INFO",
    "START",
    "WARNING",
    "Finding",
    "Path",
    "Pos",
    "Report",
    "Rule",
    "Scalar",
    "Severity",
    "describe",
    "row_label",
    "statute",
    "uses_2019_template",
]
