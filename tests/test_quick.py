"""--help and --version answered from what typer printed before: the same text, or typer answers."""

from __future__ import annotations

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from disclosure_lint import quick

_LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def run(
    *args: str, cache: Path, columns: str = "80", importtime: bool = False
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (*_LOCALE, "PYTHONDONTWRITEBYTECODE")}
    env |= {"XDG_CACHE_HOME": str(cache), "COLUMNS": columns}
    flags = ["-X", "importtime"] if importtime else []
    command = [sys.executable, *flags, "-m", "disclosure_lint", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["--help"], "lint-zh-78"),
        (["-h", "--lang", "en"], "lint-en-78"),
        (["--lang", "en", "--help"], "lint-en-78"),
        (["--lang=en", "-h"], "lint-en-78"),
        (["import", "--help"], "import-zh-78"),
        (["schema", "--lang", "zh", "-h"], "schema-zh-78"),
        (["--version"], "version"),
        (["--help", "report.yaml"], None),  # typer prints the help, but only typer is asked
        (["--lang", "--help", "zh"], None),  # --help would be the language
        (["--help", "--help"], None),
        (["--lang", "fr", "--help"], None),
        (["report.yaml"], None),
        (["import", "--version"], None),
        ([], None),
    ],
)
def test_which_command_lines_are_answered_from_the_kept_text(args: list[str], name: str | None) -> None:
    assert quick.wanted(args, {"COLUMNS": "80", "LANG": "C.UTF-8"}) == name


@pytest.mark.parametrize(
    ("columns", "width"), [("100", 78), ("80", 78), ("60", 58), ("40", 50), ("0", 78), ("x", 78)]
)
def test_the_width_is_the_one_click_lays_help_out_for(columns: str, width: int) -> None:
    # Under pytest standard output is not a terminal, so with no usable COLUMNS it is 80 columns.
    assert quick.help_width({"COLUMNS": columns}) == width


@pytest.mark.parametrize(
    "args", [["--help"], ["render", "-h", "--lang", "en"], ["--version"], ["audit", "--help"]]
)
def test_the_second_answer_is_the_first_without_typer(tmp_path: Path, args: list[str]) -> None:
    first = run(*args, cache=tmp_path)
    second = run(*args, cache=tmp_path, importtime=True)
    assert first.returncode == second.returncode == 0
    assert second.stdout == first.stdout and first.stdout
    imported = [line.rsplit("|", 1)[-1].strip() for line in second.stderr.splitlines() if "|" in line]
    assert "typer" not in imported and "disclosure_lint.cli" not in imported


def test_another_width_is_laid_out_by_typer_again(tmp_path: Path) -> None:
    narrow = run("--help", cache=tmp_path, columns="60")
    wide = run("--help", cache=tmp_path, columns="80")
    again = run("--help", cache=tmp_path, columns="60")
    fresh = run("--help", cache=tmp_path / "fresh", columns="60")
    assert narrow.stdout == again.stdout == fresh.stdout != wide.stdout
    assert sorted(p.name for p in (tmp_path / "disclosure-lint" / "printed").iterdir()) == [
        "lint-zh-58.txt",
        "lint-zh-78.txt",
    ]


def test_a_changed_file_means_typer_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = tmp_path / "catalogue.py"
    source.write_text("TEXTS = {}\n", encoding="utf-8")
    module = types.ModuleType("disclosure_lint._a_catalogue")
    module.__file__ = str(source)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    quick.record("lint-en-78", "Usage: disclosure-lint [OPTIONS] [files]...\n")
    assert (
        quick.replay(["--help", "--lang", "en"], {"COLUMNS": "80"})
        == "Usage: disclosure-lint [OPTIONS] [files]...\n"
    )
    source.write_text("TEXTS = {'lint': 'changed'}\n", encoding="utf-8")
    assert quick.replay(["--help", "--lang", "en"], {"COLUMNS": "80"}) is None
    source.unlink()
    assert quick.replay(["--help", "--lang", "en"], {"COLUMNS": "80"}) is None


@pytest.mark.parametrize("kept", ["", "no header", "disclosure-lint printed 0\ncpython\n\ntext", "\udcff"])
def test_a_damaged_kept_text_means_typer_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kept: str
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "disclosure-lint" / "printed"
    folder.mkdir(parents=True)
    (folder / "version.txt").write_bytes(kept.encode("utf-8", "surrogateescape"))
    assert quick.replay(["--version"], {}) is None
