"""Shared helpers: lint a report text through the whole pipeline and read its findings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from disclosure_lint import engine
from disclosure_lint.config import Options
from disclosure_lint.lint import FileResult, lint_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_EXAMPLE = EXAMPLES / "xiqu-sifaju-2023.yaml"
CITY_BUREAU = FIXTURES / "city-bureau-2023.yaml"

_MODULES = engine.load_rule_modules(entry_points=False)


def lint_loads(
    report: Path, module: str, folder: Path, args: tuple[str, ...] = ("--no-cache", "r.yaml")
) -> tuple[int, bool]:
    """(exit status, whether `module` was imported) of `disclosure-lint ARGS` run on a copy of
    `report` named r.yaml, in a fresh process as the console script runs it."""
    (folder / "r.yaml").write_bytes(report.read_bytes())
    script = (
        "import atexit, sys\n"
        f"atexit.register(lambda: sys.__stderr__.write('loaded=' + str({module!r} in sys.modules) + '\\n'))\n"
        f"sys.argv = ['disclosure-lint', *{list(args)!r}]\n"
        "from disclosure_lint.entry import main\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    env["XDG_CACHE_HOME"] = str(folder / "cache")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=folder, timeout=120
    )
    assert done.stderr.splitlines()[-1] in ("loaded=True", "loaded=False"), done.stderr
    return done.returncode, done.stderr.splitlines()[-1] == "loaded=True"


def lint(text: str, options: Options | None = None, filename: str = "report.yaml") -> FileResult:
    return lint_text(text, filename, _MODULES, options or Options())


def triples(result: FileResult) -> list[tuple[str, int, int]]:
    """(code, line, column) of every finding, in output order."""
    return [(f.code, f.pos.line, f.pos.col) for f in result.findings]


def edit(text: str, old: str, new: str) -> str:
    """Replace `old`, which must occur exactly once, so a test cannot edit the wrong line silently."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based line of the only line containing `needle`."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) == 1, f"{needle!r} on lines {hits}"
    return hits[0]


def col_of(text: str, needle: str, within: str | None = None) -> int:
    """1-based column of `needle` on the only line containing `within` (default: `needle`)."""
    line = text.splitlines()[line_of(text, within or needle) - 1]
    return line.index(needle) + 1


@pytest.fixture
def seed_text() -> str:
    return SEED_EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def city_text() -> str:
    return CITY_BUREAU.read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own ~/.config/disclosure-lint (subprocesses inherit this)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("user-config")))
    from disclosure_lint import config

    config._user_options.cache_clear()


@pytest.fixture(autouse=True)
def _no_user_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the developer's ~/.cache/disclosure-lint (subprocesses inherit this)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))


def fix(text: str, unsafe: bool = False, options: Options | None = None):  # -> fixer.Fixed
    """`--fix` on a report's text, in this process: the fixed text, how many fixes, what remains."""
    from disclosure_lint.fixer import fix_text
    from disclosure_lint.lint import lint_source

    return fix_text(text, lambda t: lint_source(t, "report.yaml", _MODULES, options or Options()), unsafe)
