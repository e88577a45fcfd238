"""Starting a report (init), explaining a rule (--explain), and the schema for editors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import lint, triples
from test_cli import run

from disclosure_lint import engine
from disclosure_lint.explain import SECTIONS, documentation
from disclosure_lint.resources import schema_path


def test_init_writes_a_skeleton_whose_only_findings_are_the_placeholders(tmp_path: Path) -> None:
    target = tmp_path / "2024.yaml"
    done = run("init", target, "--agency", "某县民政局", "--year", "2024")
    assert done.returncode == 0, done.stderr
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=./report-2021.schema.json"
    assert (tmp_path / "report-2021.schema.json").read_text(encoding="utf-8") == schema_path(2021).read_text(
        encoding="utf-8"
    )
    found = triples(lint(text))
    assert {code for code, _, _ in found} == {"DL105", "DL304"}  # the date and the texts to fill in
    assert len(found) == 8
    filled = text.replace("待填写  #", "2025-01-20  #").replace(
        "（待填写）", "本年度未收取信息处理费。主动公开、依申请公开、信息管理、平台建设、监督保障。"
    )
    assert triples(lint(filled)) == []


def test_init_refuses_to_overwrite_and_checks_kind(tmp_path: Path) -> None:
    target = tmp_path / "r.yaml"
    target.write_text("x", encoding="utf-8")
    done = run("init", target, "--agency", "某局", "--year", "2024")
    assert done.returncode == 2 and "exists" in done.stderr
    done = run("init", tmp_path / "s.yaml", "--agency", "某局", "--year", "2024", "--kind", "区政府")
    assert done.returncode == 2 and "--kind must be" in done.stderr
    government = tmp_path / "g.yaml"
    assert (
        run("init", government, "--agency", "某县人民政府", "--year", "2024", "--kind", "本级政府").returncode
        == 0
    )
    assert "不晚于 2025 年3月31日" in government.read_text(encoding="utf-8")


def test_explain_shows_why_and_examples() -> None:
    done = run("--explain", "dl205")
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == "DL205 one-wrong-cell"
    assert "依据: 国办公开办函〔2021〕30号 表三" in done.stdout
    for heading in ("为什么:", "错误示例:", "正确示例:", "怎样改:"):
        assert heading in done.stdout
    english = run("--explain", "DL401", "--lang", "en").stdout
    assert "Why:" in english and "How to fix:" in english
    unknown = run("--explain", "DL999")
    assert unknown.returncode == 2 and "no rule 'DL999'" in unknown.stderr


def test_every_built_in_rule_is_explained() -> None:
    modules = engine.load_rule_modules(entry_points=False)
    codes = [rule.code for rule in engine.all_rules(modules)]
    entries = documentation(modules)
    missing = [code for code in codes if code not in entries]
    assert missing == []
    for code in codes:
        for field in SECTIONS:
            assert str(entries[code].get(field, "")).strip(), (code, field)


@pytest.mark.parametrize("flag", ["--schema-path", "--show-schema"])
def test_schema_for_editors(flag: str) -> None:
    done = run(flag)
    assert done.returncode == 0
    if flag == "--schema-path":
        path = Path(done.stdout.strip())
        assert path.name == "report-2021.schema.json" and path.is_file()
    else:
        assert json.loads(done.stdout)["title"].startswith("政府信息公开工作年度报告")
