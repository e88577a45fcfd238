"""The README is the user's manual: its rule example and config example must work as printed."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, SEED_EXAMPLE
from test_cli import run

README = (ROOT / "README.md").read_text(encoding="utf-8")


def block(after_heading: str, language: str) -> str:
    section = README.split(after_heading, 1)[1]
    match = re.search(rf"```{language}\n(.*?)```", section, re.S)
    assert match, f"no {language} block after {after_heading}"
    return match.group(1)


def test_rule_example_runs_as_printed(tmp_path: Path) -> None:
    rules = tmp_path / "lint-rules"
    rules.mkdir()
    (rules / "proposals.py").write_text(block("## Writing a rule", "python"), encoding="utf-8")
    done = run("--rules", rules, "--fail-on", "warning", SEED_EXAMPLE)
    assert done.returncode == 1
    line = SEED_EXAMPLE.read_text(encoding="utf-8").splitlines().index("其他需要报告的事项: |") + 1
    assert done.stdout.splitlines()[0] == (
        f"{SEED_EXAMPLE}:{line}:12: ZJ001 警告：其他需要报告的事项未提到人大代表建议、政协提案的办理结果公开情况"
    )


def test_config_example_is_a_valid_config(tmp_path: Path) -> None:
    (tmp_path / "lint-rules").mkdir()
    (tmp_path / "pyproject.toml").write_text(block("## Options and configuration", "toml"), encoding="utf-8")
    (tmp_path / "r.yaml").write_text(SEED_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("r.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "未发现问题，共检查 1 个文件。\n"


def test_quick_start_names_files_that_exist() -> None:
    for name in re.findall(r"examples/[\w.-]+\.yaml", README):
        assert (ROOT / name).is_file(), name


def test_sample_output_lines_are_real() -> None:
    sample = block("prints each problem as one line", "text")
    shown = [line for line in sample.splitlines() if line.startswith("examples/")]
    done = run("examples/broken-2023.yaml", cwd=ROOT)
    assert shown and all(line in done.stdout.splitlines() for line in shown), done.stdout
    assert sample.splitlines()[-1] in done.stdout.splitlines()
