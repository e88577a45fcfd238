"""In a checkout, `disclosure_lint.rules` is the top-level `rules/` folder (an installed wheel
carries it as `disclosure_lint/rules`). Installed by the package's `__init__`, so this module
uses os.path, not pathlib: `--help` and `--version` answered from what was printed before
(`quick.py`) import nothing else.
"""

from __future__ import annotations

import os
import sys

RULES_PACKAGE = "disclosure_lint.rules"
_HERE = os.path.dirname(os.path.realpath(__file__))


class _CheckoutRules:
    """A meta-path finder for exactly one name: `disclosure_lint.rules` → `<checkout>/rules/`.

    Its submodules (`disclosure_lint.rules.totals`) are then found the ordinary way, through the
    package's `__path__`; nothing else is ever looked up here.
    """

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> object:
        if fullname != RULES_PACKAGE:
            return None
        from importlib.util import spec_from_file_location

        return spec_from_file_location(
            fullname, os.path.join(self.folder, "__init__.py"), submodule_search_locations=[self.folder]
        )


def install_checkout_rules() -> None:
    """In a checkout, let `import disclosure_lint.rules` find the top-level `rules/` package."""
    if os.path.isdir(os.path.join(_HERE, "rules")) or any(
        isinstance(f, _CheckoutRules) for f in sys.meta_path
    ):
        return  # installed: an ordinary subpackage
    folder = os.path.join(os.path.dirname(os.path.dirname(_HERE)), "rules")
    if os.path.isfile(os.path.join(folder, "__init__.py")):
        sys.meta_path.append(_CheckoutRules(folder))
