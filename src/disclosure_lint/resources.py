"""Where the bundled schema and built-in rules are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

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
