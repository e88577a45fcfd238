"""Issue 14, trust: a config found beside a report may set options but never load code.

The hostile config asks for a rule folder whose module writes a marker file when imported;
every command is run next to it and the marker must never appear. Only `--rules`, installed
entry points, the user's own config and `--trust-config` load rule code.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE
from test_cli import run
from test_plugins import PART6_LINE, write_rule

PAYLOAD = '''
"""Runs when imported: the attack."""
from pathlib import Path

Path({marker!r}).write_text("pwned", encoding="utf-8")
RULES = ()


def check(report):
    return []
'''


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """A pull request's folder: a report, a config asking for rules, the rules that attack."""
    marker = tmp_path / "MARKER"
    pr = tmp_path / "pr"
    evil = pr / "evil"
    evil.mkdir(parents=True)
    (evil / "payload.py").write_text(PAYLOAD.format(marker=str(marker)), encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "payload.py").write_text(PAYLOAD.format(marker=str(marker)), encoding="utf-8")
    (pr / ".disclosure-lint.yaml").write_text(
        f"rules: [evil, ../outside, {outside}]\nlang: en\n", encoding="utf-8"
    )
    (pr / "r.yaml").write_text(SEED_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return pr, marker


def _html(pr: Path) -> Path:
    from disclosure_lint.loader import load_file
    from disclosure_lint.render import render

    page = pr / "published.html"
    page.write_bytes(render(load_file(SEED_EXAMPLE).report, "html"))
    return page


COMMANDS = {
    "lint": lambda pr: (["r.yaml"], pr),
    "lint-folder": lambda pr: ([str(pr)], pr.parent),
    "stdin-filename": lambda pr: (["-", "--stdin-filename", "r.yaml"], pr),
    "list-rules": lambda pr: (["--list-rules"], pr),
    "explain": lambda pr: (["--explain", "DL205"], pr),
    "explicit-config": lambda pr: (["--config", ".disclosure-lint.yaml", "r.yaml"], pr),
    "render": lambda pr: (["render", "r.yaml", "-o", "out.html"], pr),
    "import": lambda pr: (["import", str(_html(pr)), "-o", "imported.yaml"], pr),
    "import-lint": lambda pr: ([str(_html(pr))], pr),
    "init": lambda pr: (["init", "new.yaml", "--agency", "某县民政局", "--year", "2024"], pr),
}


@pytest.mark.parametrize("command", COMMANDS)
def test_a_hostile_config_beside_the_report_runs_nothing(command: str, hostile: tuple[Path, Path]) -> None:
    pr, marker = hostile
    args, cwd = COMMANDS[command](pr)
    done = _run_with_stdin(args, cwd, SEED_EXAMPLE.read_bytes() if "-" in args else None)
    assert not marker.exists(), f"{command} ran the config's rule code"
    assert "Traceback" not in done.stderr
    assert done.returncode in (0, 1), done.stderr
    if command not in ("import", "init"):  # these read no config at all
        assert "rules = " in done.stderr and "not loaded" in done.stderr
        assert "evil" in done.stderr and "--trust-config" in done.stderr
        assert done.stderr.count("warning:") == 1  # once per config file, not once per use


def _run_with_stdin(args: list[str], cwd: Path, stdin: bytes | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "disclosure_lint", *args],
        input=(stdin or b"").decode("utf-8"),
        capture_output=True,
        text=True,
        cwd=cwd,
        env=os.environ.copy(),
        timeout=60,
    )


def test_trust_config_loads_the_config_rules(tmp_path: Path) -> None:
    write_rule(tmp_path / "checks", "proposals")
    (tmp_path / ".disclosure-lint.yaml").write_text("rules: [checks]\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(SEED_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    untrusted = run("r.yaml", cwd=tmp_path)
    assert "ZJ001" not in untrusted.stdout
    assert untrusted.stderr.startswith(
        f"disclosure-lint: warning: {tmp_path / '.disclosure-lint.yaml'}:1: rules = "
    )
    trusted = run("--trust-config", "r.yaml", cwd=tmp_path)
    assert f"r.yaml:{PART6_LINE}:12: ZJ001" in trusted.stdout
    assert trusted.stderr == ""
    assert f"r.yaml:{PART6_LINE}:12: ZJ001" in run("--rules", "checks", "r.yaml", cwd=tmp_path).stdout


def test_the_user_config_is_trusted_and_the_project_config_overrides_its_options(tmp_path: Path) -> None:
    user = Path(os.environ["XDG_CONFIG_HOME"]) / "disclosure-lint"
    write_rule(user / "my-rules", "proposals")
    (user / "config.yaml").write_text("rules: [my-rules]\nlang: en\n", encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "r.yaml").write_text(SEED_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("r.yaml", cwd=project)
    assert f"r.yaml:{PART6_LINE}:12: ZJ001 warning: " in done.stdout  # the user's rules, in English
    (project / "pyproject.toml").write_text('[tool.disclosure-lint]\nlang = "zh"\n', encoding="utf-8")
    done = run("r.yaml", cwd=project)
    assert (
        f"r.yaml:{PART6_LINE}:12: ZJ001 警告：" in done.stdout
    )  # still the user's rules; the project's lang
    assert run("--isolated", "r.yaml", cwd=project).stdout == "未发现问题，共检查 1 个文件。\n"


def test_a_pyproject_asking_for_rules_is_warned_about_too(hostile: tuple[Path, Path]) -> None:
    pr, marker = hostile
    (pr / ".disclosure-lint.yaml").unlink()
    (pr / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.disclosure-lint]\nrules = ["evil"]\n', encoding="utf-8"
    )
    done = run("r.yaml", cwd=pr)
    assert not marker.exists()
    assert done.returncode == 0
    assert done.stderr.startswith(
        f"disclosure-lint: warning: {pr / 'pyproject.toml'}:5: rules = {pr / 'evil'} not loaded"
    )
