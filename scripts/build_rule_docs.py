"""Write docs/rules.md: every rule's documentation, from its declaration and the YAML beside it.

The SARIF output links each rule to its section there (rule_docs.help_uri);
tests/test_rule_docs_page.py fails when the committed page drifts from the rule docs.
Run: python scripts/build_rule_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from disclosure_lint import engine, rule_docs  # noqa: E402

PAGE = ROOT / rule_docs.DOCS_PAGE


def render() -> str:
    rules = engine.all_rules(engine.load_rule_modules(entry_points=False))
    return rule_docs.page(rules, rule_docs.builtin_docs())


if __name__ == "__main__":
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE.relative_to(ROOT)}")
