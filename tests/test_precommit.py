"""The real pre-commit tool runs our hook from this checkout: a broken report is blocked, a clean one passes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, SEED_EXAMPLE


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = git("rev-parse", "HEAD", cwd=ROOT)
    if head.returncode != 0:
        pytest.skip("the project is not a git checkout, so pre-commit cannot install the hook from it")
    pytest.importorskip("pre_commit")
    work = tmp_path / "reports"
    work.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
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
    done = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return work, env


def commit(work: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=work, check=True, timeout=60)
    return subprocess.run(
        ["git", "commit", "-q", "-m", message], cwd=work, env=env, capture_output=True, text=True, timeout=600
    )


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
