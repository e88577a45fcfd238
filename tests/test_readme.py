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


def test_rule_documentation_example_is_what_explain_prints(tmp_path: Path) -> None:
    rules = tmp_path / "lint-rules"
    rules.mkdir()
    (rules / "proposals.py").write_text(block("## Writing a rule", "python"), encoding="utf-8")
    (rules / "proposals.yaml").write_text(block("## Writing a rule", "yaml"), encoding="utf-8")
    lines = run("--rules", rules, "--explain", "ZJ001", "--lang", "en").stdout.splitlines()
    assert lines[0] == "ZJ001 proposals-reported"
    assert (
        lines[lines.index("Why:") + 1]
        == "  The province's yearly guidelines ask the annual report to say how the results of deputies'"
    )
    assert lines[lines.index("Wrong:") + 1 :][:2] == [
        "    其他需要报告的事项: |",
        "      本年度未收取信息处理费。",
    ]
    assert (
        lines[-1]
        == "  Only the words 人大代表建议 and 政协提案 are looked for; 代表建议 alone is not recognised."
    )
    # The README's own examples are true: the wrong one gets ZJ001 in the seed report, the right one not.
    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    part6 = seed.index("其他需要报告的事项: |")
    for name, expected in (("wrong", 1), ("right", 0)):
        excerpt = block("## Writing a rule", "yaml").split(f"  {name}: |\n", 1)[1]
        text = "\n".join(line[4:] for line in excerpt.splitlines()[:2]) + "\n"
        (tmp_path / f"{name}.yaml").write_text(seed[:part6] + text, encoding="utf-8")
        done = run("--rules", rules, "--select", "ZJ001", tmp_path / f"{name}.yaml")
        assert done.stdout.count("ZJ001") == expected, done.stdout


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
    assert sample.startswith("$ disclosure-lint --format concise examples/broken-2023.yaml\n")
    shown = [line for line in sample.splitlines() if line.startswith("examples/")]
    done = run("--format", "concise", "examples/broken-2023.yaml", cwd=ROOT)
    assert shown and all(line in done.stdout.splitlines() for line in shown), done.stdout
    assert sample.splitlines()[-1] in done.stdout.splitlines()


def test_the_fix_preview_is_what_diff_prints() -> None:
    section = README.split("## Fixing", 1)[1]
    sample = re.search(
        r"```text\n\$ disclosure-lint --diff examples/broken-2023.yaml\n(.*?)```", section, re.S
    )
    assert sample
    before = (ROOT / "examples/broken-2023.yaml").read_bytes()
    done = run("--diff", "examples/broken-2023.yaml", cwd=ROOT)
    assert done.returncode == 1
    assert done.stdout == sample.group(1)
    assert (ROOT / "examples/broken-2023.yaml").read_bytes() == before  # --diff changes nothing
    lines = run("examples/broken-2023.yaml", cwd=ROOT).stdout.splitlines()
    shown = re.search(r"ends with how many there are:\n\n```text\n(.*?)\n", section).group(1)
    assert lines[-1] == shown
