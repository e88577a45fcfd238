"""The real pre-commit tool runs our hook (.pre-commit-hooks.yaml at this checkout's HEAD) in a
fresh repository: a report with an error is blocked, a clean one passes, and the repository's
other YAML (a CI workflow, a pipeline file that reaches the hook) makes no noise."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, SEED_EXAMPLE, edit

WORKFLOW = """\
name: reports
on: [push]
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
"""
# Not a name the hook excludes: it reaches disclosure-lint, which passes it over.
PIPELINE = "stages: [build, deploy]\nbuild:\n  script: ['make all']\n  tags: [docker]\n"


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache for the module: the hook's environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-cache")


@pytest.fixture
def repo(tmp_path: Path, cache_home: Path) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = git("rev-parse", "HEAD", cwd=ROOT)
    if head.returncode != 0:
        pytest.skip("the project is not a git checkout, so pre-commit cannot install the hook from it")
    pytest.importorskip("pre_commit")
    work = tmp_path / "reports"
    work.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(cache_home), "NO_COLOR": "1", "PRE_COMMIT_COLOR": "never"}
    for args in (
        ("init", "-q"),
        ("config", "user.email", "clerk@example.invalid"),
        ("config", "user.name", "clerk"),
    ):
        assert git(*args, cwd=work).returncode == 0
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: disclosure-lint\n",
        encoding="utf-8",
    )
    done = pre_commit("install", "--install-hooks", cwd=work, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    return work, env


def pre_commit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def commit(work: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=work, check=True, timeout=60)
    return subprocess.run(
        ["git", "commit", "-q", "-m", message], cwd=work, env=env, capture_output=True, text=True, timeout=900
    )


def test_the_hook_checks_reports_and_passes_over_other_yaml(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    (work / ".github" / "workflows").mkdir(parents=True)
    (work / ".github" / "workflows" / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (work / "ci").mkdir()
    (work / "ci" / "pipeline.yml").write_text(PIPELINE, encoding="utf-8")
    (work / "reports").mkdir()
    shutil.copy(SEED_EXAMPLE, work / "reports" / "2023-clean.yaml")
    wrong = edit(
        SEED_EXAMPLE.read_text(encoding="utf-8"),
        "行政复议:         [0, 0, 0, 0, 0]",
        "行政复议:         [1, 0, 0, 0, 0]",
    )
    (work / "reports" / "2023-wrong.yaml").write_text(wrong, encoding="utf-8")
    assert git("add", "-A", cwd=work).returncode == 0

    done = pre_commit("run", "--all-files", cwd=work, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout == (
        "disclosure-lint (政府信息公开工作年度报告)...............................Failed\n"
        "- hook id: disclosure-lint\n"
        "- exit code: 1\n"
        "\n"
        "reports/2023-wrong.yaml:80:30: DL204 行政复议·总计 应为 1（结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0），实为 0\n"
        "   |\n"
        "80 |   行政复议:         [1, 0, 0, 0, 0]\n"
        "   |                                  ^\n"
        "\n"
        "文件                       错误    警告\n"
        "-----------------------  ------  ------\n"
        "reports/2023-wrong.yaml       1       0\n"
        "\n"
        "发现 1 个问题（错误 1 个，警告 0 个），共检查 2 个文件。\n"
        "\n"
    )

    # Only the workflow and the pipeline: the hook runs on the pipeline file and says nothing.
    (work / "reports" / "2023-wrong.yaml").unlink()
    (work / "reports" / "2023-clean.yaml").unlink()
    assert git("add", "-A", cwd=work).returncode == 0
    quiet = pre_commit("run", "--all-files", "--verbose", cwd=work, env=env)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    assert quiet.stdout.splitlines()[:3] == [
        "disclosure-lint (政府信息公开工作年度报告)...............................Passed",
        "- hook id: disclosure-lint",
        "- duration: " + quiet.stdout.splitlines()[2].removeprefix("- duration: "),
    ]
    assert len(quiet.stdout.splitlines()) == 3  # no output from disclosure-lint at all


def test_hook_blocks_a_broken_report_and_passes_a_clean_one(repo: tuple[Path, dict[str, str]]) -> None:
    work, env = repo
    shutil.copy(EXAMPLES / "broken-2023.yaml", work / "2023.yaml")
    blocked = commit(work, env, "broken report")
    assert blocked.returncode != 0, blocked.stdout + blocked.stderr
    assert "2023.yaml:8:7: DL503" in blocked.stdout + blocked.stderr
    assert git("rev-parse", "HEAD", cwd=work).returncode != 0  # nothing was committed

    shutil.copy(SEED_EXAMPLE, work / "2023.yaml")
    passed = commit(work, env, "clean report")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "disclosure-lint" in passed.stdout + passed.stderr
