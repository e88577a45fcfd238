"""A plain command line (report paths and flags without a value) runs without typer, and exactly
as typer would have run it: the same parameters, the same output, the same exit status."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import lint_loads
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from disclosure_lint import cli, lint_cmd
from disclosure_lint.lint_cmd import PLAIN_FLAGS, plain_command

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def test_lint_and_run_lint_declare_the_same_parameters_and_defaults() -> None:
    declared = inspect.signature(cli.lint).parameters
    run = inspect.signature(lint_cmd.run_lint).parameters
    assert [name for name in declared if name != "version"] == list(run)
    for name, parameter in run.items():
        assert declared[name].default == parameter.default, name


_RUN_LINT = lint_cmd.run_lint  # the real one, before a test records in its place


def _typer_parse(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The parameters typer hands run_lint for these arguments, other than the defaults."""
    seen: dict[str, Any] = {}

    def record(**given: Any) -> int:
        seen.update(given)
        return 0

    monkeypatch.setattr(lint_cmd, "run_lint", record)
    outcome = CliRunner().invoke(cli.app, args)
    assert outcome.exit_code == 0, outcome.output
    defaults = inspect.signature(_RUN_LINT).parameters
    return {name: value for name, value in seen.items() if value != defaults[name].default}


@pytest.mark.parametrize("flag", sorted(PLAIN_FLAGS))
def test_each_plain_flag_is_read_as_typer_reads_it(flag: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["a.yaml", flag, "b.yaml"]
    assert plain_command(args) == _typer_parse(args, monkeypatch)


_NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda name: not name.startswith("-") and name not in cli.SUBCOMMANDS
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(sorted(PLAIN_FLAGS)), _NAMES), min_size=1, max_size=6))
def test_any_plain_command_line_is_read_as_typer_reads_it(args: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        plain = plain_command(args)
        if plain is None:  # flags alone: no report named, typer's to answer
            assert all(arg in PLAIN_FLAGS for arg in args)
            return
        assert plain == _typer_parse(args, monkeypatch)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["-"],
        ["--", "report.yaml"],
        ["--lang", "en", "report.yaml"],
        ["report.yaml", "--format=json"],
        ["-qq", "report.yaml"],
        ["--quiet"],
        ["import", "report.docx"],
        ["schema"],
        ["--no-cach", "report.yaml"],  # click has no abbreviations: typer says what is wrong
    ],
)
def test_any_other_command_line_goes_to_typer(args: list[str]) -> None:
    assert plain_command(args) is None


def _run(*args: str, cwd: Path, cache: Path) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in (*_LOCALE, "PYTHONDONTWRITEBYTECODE")}
    env |= {"XDG_CACHE_HOME": str(cache), "LANG": "C.UTF-8"}
    command = [sys.executable, "-m", "disclosure_lint", *args]
    return subprocess.run(command, capture_output=True, env=env, cwd=cwd, timeout=120)


@pytest.mark.parametrize(
    "args",
    [
        ["broken-2023.yaml"],
        ["xiqu-sifaju-2023.yaml", "--statistics"],
        ["broken-2023.yaml", "--no-cache", "-q"],
        ["missing.yaml"],
        ["empty-folder"],
        ["notes.yaml", "--skip-non-reports"],
        ["notes.yaml"],
        ["broken-2023.yaml", "xiqu-sifaju-2023.yaml", "--no-color"],
    ],
)
def test_the_plain_path_prints_and_exits_as_typer_does(args: list[str], tmp_path: Path) -> None:
    for example in EXAMPLES.glob("*.yaml"):
        (tmp_path / example.name).write_bytes(example.read_bytes())
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "notes.yaml").write_text("标题: 会议记录\n内容: 无\n", encoding="utf-8")
    plain = _run(*args, cwd=tmp_path, cache=tmp_path / "cache-a")
    # `--color auto` is the default: the same command line, but typer parses it.
    parsed = _run("--color", "auto", *args, cwd=tmp_path, cache=tmp_path / "cache-b")
    assert (plain.returncode, plain.stdout, plain.stderr) == (parsed.returncode, parsed.stdout, parsed.stderr)
    assert plain.stdout or plain.stderr or args[-1] == "--skip-non-reports"


def test_a_plain_lint_does_not_import_typer(tmp_path: Path) -> None:
    assert lint_loads(EXAMPLES / "xiqu-sifaju-2023.yaml", "typer", tmp_path) == (0, False)


def test_an_interrupt_is_reported_as_typer_reports_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(**_: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(lint_cmd, "run_lint", interrupted)
    monkeypatch.setattr(sys, "argv", ["disclosure-lint", "r.yaml"])
    with pytest.raises(SystemExit) as plain:
        lint_cmd.main_plain()
    plain_out = capsys.readouterr()
    monkeypatch.setattr(sys, "argv", ["disclosure-lint", "--color", "auto", "r.yaml"])
    with pytest.raises(SystemExit) as parsed:
        cli.main()
    parsed_out = capsys.readouterr()
    assert (plain.value.code, plain_out) == (parsed.value.code, parsed_out)
    assert plain.value.code == 130
