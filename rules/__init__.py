"""The built-in rules, importable as `disclosure_lint.rules`: one module per family of checks.

`BUILTIN` is the registry: the modules `disclosure-lint` runs, in this order. Each one has the
contract of any rule module (`disclosure_lint.api`): `RULES`, a tuple of `Rule`, and
`check(report)`, which yields `Finding`s; and, beside it, a YAML file of the same name with each
code's documentation (what `--explain` prints). Modules whose name starts with `_` are helpers
the families share, not rules.

To add a family: write `rules/<family>.py` and `rules/<family>.yaml`, and list it here.
"""

from __future__ import annotations

from . import (
    appeals,
    applications,
    cells,
    checklist,
    completeness,
    cross_report,
    dates,
    fee,
    hidden_characters,
    plausibility,
    previous_year,
    punctuation,
    stale_text,
    totals,
)

BUILTIN = (
    appeals,
    applications,
    cells,
    checklist,
    completeness,
    cross_report,
    dates,
    fee,
    hidden_characters,
    plausibility,
    previous_year,
    punctuation,
    stale_text,
    totals,
)

__all__ = ["BUILTIN"]
