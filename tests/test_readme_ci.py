"""The README's pre-commit, GitHub Actions and GitLab CI snippets work as written: each names this
release's tag and our hook, and each command they run (all but the pip install, which needs the
network) is run here as the CI would, in a project with a broken report."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from ruamel.yaml import YAML
from sarif_kit import validation_errors

from disclosure_lint import __version__
from disclosure_lint.rule_docs import REPOSITORY

README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL = f'pip install "disclosure-lint @ git+{REPOSITORY}@v{__version__}"'


def snippet(heading: str) -> dict:
    section = README.split(f"\n### {heading}\n", 1)[1]
    return YAML(typ="safe").load(section.split("```yaml\n", 1)[1].split("\n```", 1)[0])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    shutil.copy(EXAMPLES / "broken-2023.yaml", tmp_path / "reports" / "2023.yaml")
    shutil.copy(EXAMPLES / "xiqu-sifaju-2023.yaml", tmp_path / "reports" / "2022.yaml")
    return tmp_path


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A CI step: the installed command first on PATH, as after the pip install."""
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {**os.environ, "PATH": path, "GITHUB_ACTIONS": "true"}
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_pre_commit_snippet_names_our_hook_at_this_release() -> None:
    (repo,) = snippet("pre-commit")["repos"]
    assert (repo["repo"], repo["rev"]) == (REPOSITORY, f"v{__version__}")
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [hook["id"] for hook in repo["hooks"]] == [hook["id"] for hook in hooks] == ["disclosure-lint"]


def test_the_github_actions_snippet(project: Path) -> None:
    steps = snippet("GitHub Actions")["jobs"]["disclosure-lint"]["steps"]
    commands = [step["run"] for step in steps if "run" in step]
    assert commands[0] == INSTALL
    annotations = shell(commands[1], project)
    assert annotations.returncode == 1  # the job fails on the broken report
    assert annotations.stdout.startswith("::error file=reports/2023.yaml,line=8,col=7,title=DL503 ")
    written = shell(commands[2], project)
    assert written.returncode == 1
    sarif = json.loads((project / "disclosure-lint.sarif").read_text(encoding="utf-8"))
    assert validation_errors(sarif) == []
    upload = steps[-1]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3" and upload["if"] == "always()"
    assert upload["with"]["sarif_file"] == "disclosure-lint.sarif"


def test_the_gitlab_ci_snippet(project: Path) -> None:
    job = snippet("GitLab CI")["disclosure-lint"]
    assert job["script"][0] == INSTALL
    status = shell("set -e\n" + "\n".join(job["script"][1:]), project)  # a GitLab job stops at a failure
    assert status.returncode == 1
    reports = job["artifacts"]["reports"]
    issues = json.loads((project / reports["codequality"]).read_text(encoding="utf-8"))
    assert {issue["location"]["path"] for issue in issues} == {"reports/2023.yaml"}
    junit = (project / reports["junit"]).read_text(encoding="utf-8")
    assert 'failures="6" skipped="2"' in junit
    assert job["artifacts"]["when"] == "always"
