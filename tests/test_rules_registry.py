"""The built-in rules are one importable package with an explicit registry, loaded like a plugin."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from test_cli import run

from disclosure_lint import engine, explain
from disclosure_lint.resources import rules_dir


def test_every_rule_module_in_the_folder_is_registered() -> None:
    from disclosure_lint import rules

    listed = {module.__name__.rsplit(".", 1)[1] for module in rules.BUILTIN}
    on_disk = {p.stem for p in rules_dir().glob("*.py") if not p.name.startswith("_")}
    assert listed == on_disk  # a new family must be listed in rules/__init__.py to run


def test_the_engine_runs_exactly_the_registered_modules_by_their_importable_name() -> None:
    from disclosure_lint import rules

    loaded = engine.load_rule_modules(entry_points=False)
    assert [m.source for m in loaded] == [m.__file__ for m in rules.BUILTIN]
    cells = importlib.import_module("disclosure_lint.rules.cells")
    assert cells is rules.cells and Path(cells.__file__) == rules_dir() / "cells.py"  # installed or not
    # Families share helpers by ordinary imports.
    assert cells.parse_number is importlib.import_module("disclosure_lint.rules._number_cells").parse_number


def test_the_package_name_is_the_same_in_a_fresh_interpreter() -> None:
    code = "import disclosure_lint.rules.totals as t; print(t.__name__, t.RULES[0].code)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["disclosure_lint.rules.totals", "DL201"]


PLUGIN = '''
"""Our province asks for a contact line."""
from disclosure_lint.api import INFO, START, Rule

CONTACT = Rule(
    code="ZJ101", name="contact-line", severity=INFO, summary_zh="写明联系方式",
    summary_en="State a contact", clause="本省要点", message_zh="未写联系方式", message_en="no contact",
)
RULES = (CONTACT,)


def check(report):
    return iter(())
'''

PLUGIN_DOCS = """
ZJ101:
  why_zh: |
    本省要点要求写明联系方式。
  why_en: |
    The province's guidelines ask for a contact line.
  wrong: |
    其他需要报告的事项: 无
  right: |
    其他需要报告的事项: 联系电话 0571-00000000。
  fix_zh: |
    写上联系电话。
  fix_en: |
    Add a telephone number.
  known_problems_en: |
    A number written in Chinese numerals is not recognised.
"""


def test_a_local_rule_module_is_documented_the_same_way(tmp_path: Path) -> None:
    folder = tmp_path / "lint-rules"
    folder.mkdir()
    (folder / "contact.py").write_text(PLUGIN, encoding="utf-8")
    (folder / "contact.yaml").write_text(PLUGIN_DOCS, encoding="utf-8")
    done = run("--rules", folder, "--explain", "zj101", "--lang", "en")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "ZJ101 contact-line"
    assert lines[lines.index("Why:") + 1] == "  The province's guidelines ask for a contact line."
    assert (
        lines[lines.index("Known problems:") + 1]
        == "  A number written in Chinese numerals is not recognised."
    )
    (folder / "contact.yaml").unlink()  # without its docs, the module docstring says why
    done = run("--rules", folder, "--explain", "ZJ101", "--lang", "en")
    assert "  Our province asks for a contact line." in done.stdout.splitlines()


def test_known_problems_reach_explain() -> None:
    done = run("--explain", "DL205")
    lines = done.stdout.splitlines()
    assert "已知局限:" in lines
    docs = explain.documentation(engine.load_rule_modules(entry_points=False))
    assert lines[lines.index("已知局限:") + 1].strip() == docs["DL205"]["known_problems_zh"].splitlines()[0]


def test_what_rules_share_per_report_leaves_them_independent() -> None:
    """The rules share what is worked out once per report (the format, the table counts and
    relations, the prose cut into sentences): run in any order, each gives the same findings."""
    import random

    from conftest import CITY_BUREAU, EXAMPLES, SEED_EXAMPLE

    from disclosure_lint.loader import load_file

    modules = engine.load_rule_modules(entry_points=False)
    rng = random.Random(16)
    for path in (SEED_EXAMPLE, CITY_BUREAU, EXAMPLES / "broken-2023.yaml"):
        alone = {}
        for module in modules:
            report = load_file(path).report
            assert report is not None
            alone[module.name] = [(f.code, f.pos, f.message("en")) for f in module.check(report)]
        for _ in range(3):
            report = load_file(path).report
            assert report is not None
            order = list(modules)
            rng.shuffle(order)
            for module in order:
                assert [(f.code, f.pos, f.message("en")) for f in module.check(report)] == alone[module.name]
