"""Where the bundled schema and built-in rules are, installed or in a checkout.

The built-in rules are the package `disclosure_lint.rules` in both: an installed wheel carries the
top-level `rules/` folder as `disclosure_lint/rules`; in a checkout (an editable install puts only
`src/` on the path) `checkout_rules_finder` makes the same name import the top-level folder.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

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
    """The user's cache folder for disclosure-lint (results, compiled patterns)."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "disclosure-lint"


RULES_PACKAGE = "disclosure_lint.rules"


class _CheckoutRules:
    """A meta-path finder for exactly one name: `disclosure_lint.rules` → `<checkout>/rules/`.

    Its submodules (`disclosure_lint.rules.totals`) are then found the ordinary way, through the
    package's `__path__`; nothing else is ever looked up here.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        if fullname != RULES_PACKAGE:
            return None
        from importlib.util import spec_from_file_location

        return spec_from_file_location(
            fullname, self.folder / "__init__.py", submodule_search_locations=[str(self.folder)]
        )


def install_checkout_rules() -> None:
    """In a checkout, let `import disclosure_lint.rules` find the top-level `rules/` package."""
    if (_HERE / "rules").is_dir() or any(isinstance(f, _CheckoutRules) for f in sys.meta_path):
        return  # installed: an ordinary subpackage
    folder = _HERE.parents[1] / "rules"
    if (folder / "__init__.py").is_file():
        sys.meta_path.append(_CheckoutRules(folder))
