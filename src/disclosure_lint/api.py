"""What a rule module imports: everything a rule needs, in one place.

    from disclosure_lint.api import ERROR, Report, Rule

A rule module defines `RULES` (a sequence of `Rule`) and
`check(report: Report) -> Iterable[Finding]`.
"""

from . import statute
from .document import Report, Scalar
from .findings import ERROR, START, WARNING, Finding, Path, Pos, Rule, Severity
from .labels import describe, row_label

__all__ = [
    "ERROR",
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
]
