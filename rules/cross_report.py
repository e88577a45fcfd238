"""DL801–DL809, DL811, DL813, DL814: made by `disclosure-lint audit FOLDER` only.

They need several reports at once (a body's years, a government and its departments, two copies
of one report), or are the evaluators' questions about a published document's preface, which
plain linting does not ask; so a single report yields none of them here; the module lists them so that
`--list-rules`, `--explain` and `--select` know their codes.
"""

from __future__ import annotations

from collections.abc import Iterator

from disclosure_lint.api import Finding, Report
from disclosure_lint.audit.codes import RULES

__all__ = ["RULES", "check"]


def check(report: Report) -> Iterator[Finding]:
    return iter(())
