"""Where the bundled schema and built-in rules are, installed or in a checkout.

The built-in rules are the package `disclosure_lint.rules` in both: an installed wheel carries the
top-level `rules/` folder as `disclosure_lint/rules`; in a checkout (an editable install puts only
`src/` on the path) checkout.py makes the same name import the top-level folder.
"""

from __future__ import annotations

from pathlib import Path

from .checkout import RULES_PACKAGE, install_checkout_rules

_HERE = Path(__file__).resolve().parent

SCHEMA_FILE = "report-2021.schema.json"  # the current format's


def schema_file(version: int) -> str:
    return f"report-{version}.schema.json"


def data_dir(name: str) -> Path:
    """`schemas` or `rules`: inside the package when installed, at the repo root in a checkout."""
    installed = _HERE / name
    if installed.is_dir():
        return installed
    return _HERE.parents[1] / name


def schema_path(version: int | None = None) -> Path:
    """The JSON Schema of a format (the current one by default)."""
    return data_dir("schemas") / (schema_file(version) if version else SCHEMA_FILE)


def rules_dir() -> Path:
    return data_dir("rules")


def cache_dir() -> Path:
    """The user's cache folder for disclosure-lint (results, compiled patterns, printed help)."""
    from .quick import cache_folder

    return Path(cache_folder())


__all__ = [
    "RULES_PACKAGE",
    "SCHEMA_FILE",
    "cache_dir",
    "data_dir",
    "install_checkout_rules",
    "rules_dir",
    "schema_file",
    "schema_path",
]
