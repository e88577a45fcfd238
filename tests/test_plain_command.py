"""A plain command line (report paths and flags without a value) runs without typer, and exactly
as typer would have run it: the same parameters, the same output, the same exit status."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import lint_loads
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from disclosure_lint import cli, lint_cmd
from disclosure_lint.intake import MAX_BYTES
from disclosure_lint.lint_cmd import PLAIN_FLAGS, plain_command
from disclosure_lint.render import run as render_run
from disclosure_lint.render.run import plain_render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
_LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def test_lint_and_run_lint_declare_the_same_parameters_and_defaults() -> None:
    declared = inspect.signature(cli.lint).parameters
    run = inspect.signature(lint_cmd.run_lint).parameters
    assert [name for name in declared if name != "version"] == list(run)
    for name, parameter in run.items():
        assert declared[name].default == parameter.default, name


def _typer_reads(app: Any, module: Any, name: str, args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict:
    """The parameters typer hands `module.name` (run_lint, run_render) for these arguments, other
    than the defaults."""
    real = getattr(module, name)
    parameters = inspect.signature(real).parameters
    seen: dict[str, Any] = {}

    def record(*positional: Any, **given: Any) -> int:
        seen.update(zip(parameters, positional, strict=False), **given)
        return 0

    monkeypatch.setattr(module, name, record)
    outcome = CliRunner().invoke(app, args)
    assert outcome.exit_code == 0, outcome.output
    return {key: value for key, value in seen.items() if value != parameters[key].default}


def _typer_parse(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    return _typer_reads(cli.app, lint_cmd, "run_lint", args, monkeypatch)


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


# ---------------------------------------------------------------- render REPORT -o OUT [--force]


def _typer_render(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    from disclosure_lint.render import cli as render_cli

    return _typer_reads(render_cli.app, render_run, "run_render", args, monkeypatch)


_RENDER_ARGS = st.lists(
    st.sampled_from(["r.yaml", "--force", "-o out.docx", "--output out.html", "-o x.md"]),
    min_size=1,
    max_size=4,
).map(lambda parts: [word for part in parts for word in part.split(" ")])


@settings(max_examples=60, deadline=None)
@given(_RENDER_ARGS)
def test_a_plain_render_command_line_is_read_as_typer_reads_it(args: list[str]) -> None:
    plain = plain_render(args)
    if plain is None:  # no report, two reports or two outputs: typer's to answer
        reports = [a for a in args if a == "r.yaml"]
        outputs = [a for a in args if a in ("-o", "--output")]
        assert len(reports) != 1 or len(outputs) != 1
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert plain == _typer_render(args, monkeypatch)


@pytest.mark.parametrize(
    "args",
    [
        ["r.yaml"],
        ["r.yaml", "-o"],
        ["r.yaml", "-o", "-x.docx"],
        ["r.yaml", "--output=x.docx"],
        ["r.yaml", "-ox.docx"],
        ["r.yaml", "-o", "a.docx", "--lang", "en"],
        ["r.yaml", "-o", "a.docx", "-o", "b.docx"],
        ["r.yaml", "s.yaml", "-o", "a.docx"],
        ["-h"],
    ],
)
def test_any_other_render_command_line_goes_to_typer(args: list[str]) -> None:
    assert plain_render(args) is None


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["xiqu-sifaju-2023.yaml", "-o", "out.docx"], True),
        (["-o", "out.html", "xiqu-sifaju-2023.yaml"], True),
        (["broken-2023.yaml", "-o", "out.docx"], False),
        (["broken-2023.yaml", "--output", "out.md", "--force"], True),
        (["missing.yaml", "-o", "out.docx"], False),
        (["xiqu-sifaju-2023.yaml", "-o", "out.pdf"], False),
    ],
)
def test_the_plain_render_writes_and_says_what_typer_does(
    args: list[str], written: bool, tmp_path: Path
) -> None:
    outputs = []
    # --max-bytes at its default: the same command line, but typer parses it.
    for folder, extra in (("plain", []), ("parsed", ["--max-bytes", str(MAX_BYTES)])):
        work = tmp_path / folder
        work.mkdir()
        for example in EXAMPLES.glob("*.yaml"):
            (work / example.name).write_bytes(example.read_bytes())
        done = _run("render", *args, *extra, cwd=work, cache=tmp_path / f"cache-{folder}")
        out = next(work.glob("out.*"), None)
        assert (out is not None) == written, done.stderr
        parts = _contents(out) if out else None
        outputs.append((done.returncode, done.stdout, done.stderr, parts))
    assert outputs[0] == outputs[1]


def _contents(path: Path) -> object:
    """A file's bytes; a Word file's parts (its zip entries carry the time they were written)."""
    if path.suffix != ".docx":
        return path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


def test_a_plain_render_does_not_import_typer(tmp_path: Path) -> None:
    args = ("render", "r.yaml", "-o", "r.html")
    assert lint_loads(EXAMPLES / "xiqu-sifaju-2023.yaml", "typer", tmp_path, args) == (0, False)
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_render_and_run_render_declare_the_same_parameters_and_defaults() -> None:
    from disclosure_lint.render import cli as render_cli

    declared = inspect.signature(render_cli.render_report).parameters
    run = inspect.signature(render_run.run_render).parameters
    assert list(declared) == list(run)
    for name, parameter in run.items():
        assert declared[name].default == parameter.default, name
