"""`--help` and `--version` answered from what typer printed for them before, without importing it.

Importing typer and building a command is two-thirds of the time `disclosure-lint --help` takes,
and these commands print a fixed text. typer stays the one that parses and prints: whenever it
prints a command's help or the version, `record` keeps the text in the user's cache folder with
everything it depends on: the language, the width click laid it out for, and the size and
modification time of every file of disclosure-lint and typer loaded at the time. `replay`
answers only exactly these command lines: `[SUBCOMMAND] -h|--help`, with at most one
`--lang zh|en` (or `--lang=…`) before or after, and `--version`; and only when every one of
those files is unchanged and the width is the one click would choose now. Anything else, or any
doubt, goes to typer.

This module imports only what `python -c pass` has already imported, and the catalogues' tiny
language rule (`cli_help`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence

# Subcommand → the module that defines it; any other first argument is a report to lint.
SUBCOMMANDS = {
    "init": "disclosure_lint.init_cmd",
    "import": "disclosure_lint.importer.cli",
    "render": "disclosure_lint.render.cli",
    "serve": "disclosure_lint.desk.cli",
    "audit": "disclosure_lint.audit.cli",
    "schema": "disclosure_lint.schema_cmd",
}
_HELP = ("-h", "--help")
_FORMAT = "disclosure-lint printed 1"  # the first line of a kept text; a new format is a miss
_PYTHON = f"{sys.implementation.cache_tag} {sys.hexversion:x}"


def help_width(environ: Mapping[str, str]) -> int:
    """The width click lays help out for: the terminal's columns (as shutil finds them), at most
    80, less 2, at least 50."""
    try:
        columns = int(environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # not a terminal: shutil's fallback
            columns = 80
        columns = columns or 80
    return max(min(columns, 80) - 2, 50)


def wanted(args: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """The name of the kept text these arguments ask for, or None when typer must answer."""
    if not any(arg in _HELP or arg == "--version" for arg in args):
        return None  # a lint, nearly always: not even the catalogues' language rule is loaded
    from .cli_help import LANGS, language

    rest = list(args)
    if rest == ["--version"]:
        return "version"
    command = rest.pop(0) if rest and rest[0] in SUBCOMMANDS else "lint"
    others = [arg for arg in rest if arg not in _HELP]
    if len(rest) - len(others) != 1:
        return None
    langs = ([], *(["--lang", lang] for lang in LANGS), *([f"--lang={lang}"] for lang in LANGS))
    if others not in langs:
        return None
    if len(others) == 2 and rest.index(others[1]) != rest.index("--lang") + 1:
        return None  # `--lang --help zh`: --help would be the language; let typer say so
    return f"{command}-{language(rest, environ)}-{help_width(environ)}"


def cache_folder() -> str:
    """The user's cache folder for disclosure-lint: $XDG_CACHE_HOME/disclosure-lint, else
    ~/.cache/disclosure-lint (RuntimeError without a home folder, as pathlib's)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):
            raise RuntimeError("Could not determine home directory.")
        base = os.path.join(home, ".cache")
    return os.path.join(base, "disclosure-lint")


def replay_file(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as stream:
            return stream.read()
    except (OSError, UnicodeDecodeError):
        return None


def replay(args: Sequence[str], environ: Mapping[str, str]) -> str | None:
    """The text typer printed for these arguments, if it was kept and nothing it depends on changed."""
    name = wanted(args, environ)
    if name is None:
        return None
    try:
        kept = replay_file(os.path.join(cache_folder(), "printed", f"{name}.txt"))
    except RuntimeError:  # no home folder
        return None
    if kept is None:
        return None
    header, separator, text = kept.partition("\n\n")
    lines = header.split("\n")
    if not separator or lines[0] != _FORMAT or lines[1] != _PYTHON:
        return None
    for line in lines[2:]:
        path, _, stamp = line.rpartition("\t")
        try:
            info = os.stat(path)
        except OSError:
            return None
        if stamp != f"{info.st_mtime_ns}:{info.st_size}":
            return None
    return text


def record(name: str, text: str) -> None:
    """Keep what typer printed as `name` (see `wanted`), beside the files it depends on."""
    files = sorted(
        {
            getattr(module, "__file__", None) or ""
            for module_name, module in list(sys.modules.items())
            if module_name.split(".")[0] in ("disclosure_lint", "typer")
        }
        - {""}
    )
    lines = [_FORMAT, _PYTHON]
    try:
        for path in files:
            info = os.stat(path)
            lines.append(f"{path}\t{info.st_mtime_ns}:{info.st_size}")
        folder = os.path.join(cache_folder(), "printed")
        target = os.path.join(folder, f"{name}.txt")
        kept = "\n".join(lines) + "\n\n" + text
        if replay_file(target) == kept:
            return
        from pathlib import Path

        from .atomic import write

        os.makedirs(folder, exist_ok=True)
        write(Path(target), kept, sync=False)
    except (OSError, RuntimeError, ValueError, UnicodeError):  # no cache folder: typer answers next time too
        pass


def record_help(command: str, lang: str, width: int, text: str) -> None:
    record(f"{command}-{lang}-{width}", text)
