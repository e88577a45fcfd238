"""What a rule module imports: everything a rule needs, in one place.

    from disclosure_lint.api import ERROR, Report, Rule

The contract, the same for the built-in rules (`disclosure_lint.rules`), a `--rules DIR` folder
and an entry point of the group `disclosure_lint.rules`:

* `RULES`: a tuple of `Rule`, each built with keywords: `code` (two or more capitals and three
  digits, unique across all modules), `name`, `severity` (`ERROR`, `WARNING` or `INFO`),
  `summary_zh` / `summary_en` (one line for `--list-rules`), `clause` (the article or notice),
  `message_zh` / `message_en` (`str.format` templates).
* `check(report: Report) -> Iterable[Finding]`: `RULE.at(pos, path, covers=..., **args)` makes a
  finding: `pos` its 1-based line and column (`report.pos(path)`), `path` the report value it is
  about (a rule's finding replaces the schema's type error there), `covers` other paths the same
  mistake explains (their schema findings are dropped too), `args` the values of the message.
  A `check` that raises becomes DL901 for its module; the other modules still run.
* Fixes: `RULE.at(..., fix=replace_value(report, path, "12"))` offers to write `12` where the
  value at `path` is written (None when that place cannot be told exactly); `Fix(edits,
  SAFE or UNSAFE, message_zh, message_en)` with `Edit(start, end, content)` for any other edit.
  SAFE only when the value's meaning cannot change; `--fix` applies safe fixes, `--unsafe-fixes`
  the others. Declare `fix=(SAFE,)` (or `(UNSAFE,)`, or both) on the `Rule` for `--explain`.
* Documentation: a YAML file beside the module with its name (`myrules.py` → `myrules.yaml`),
  one entry per code with `why_zh`, `why_en`, `wrong`, `right`, `fix_zh`, `fix_en` and optionally
  `known_problems_zh` / `known_problems_en`; `--explain CODE` prints it (the module docstring
  stands in for `why` where there is none).
"""

from . import statute
from .document import Report, Scalar
from .findings import ERROR, INFO, SAFE, START, UNSAFE, WARNING, Edit, Finding, Fix, Path, Pos, Rule, Severity
from .fixes import replace_value, value_span
from .labels import describe, row_label


def uses_2019_template(report: Report) -> bool:
    """True when the report's tables are those of the 2019 format (国办公开办函〔2019〕60号)."""
    return report.format is statute.FORMAT_2019


__all__ = [
    "ERROR",
    "INFO",
    "SAFE",
    "START",
    "UNSAFE",
    "WARNING",
    "Edit",
    "Finding",
    "Fix",
    "Path",
    "Pos",
    "Report",
    "Rule",
    "Scalar",
    "Severity",
    "describe",
    "replace_value",
    "row_label",
    "statute",
    "uses_2019_template",
    "value_span",
]
