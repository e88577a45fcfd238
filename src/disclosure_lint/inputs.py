"""Turning the command line's paths into the reports to check: files, folders, standard input."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path

STDIN = "-"


def expand(
    arguments: list[Path], include: tuple[str, ...], exclude: tuple[str, ...], seen: set[Path] | None = None
) -> Iterator[Path]:
    """Files as given; folders searched recursively for names matching `include`.

    Hidden folders (.git, .venv …) are skipped, as are paths matching `exclude`.
    A path that does not exist is passed on, so it is reported as unreadable.
    A file named twice (`seen` carries over between calls) is checked once.
    """
    seen = set() if seen is None else seen
    for argument in arguments:
        if str(argument) == STDIN or not argument.is_dir():
            candidates: Iterator[Path] = iter([argument])
        else:
            candidates = _search(argument, include, exclude)
        for path in candidates:
            key = _identity(path) if str(path) != STDIN else path
            if key not in seen:
                seen.add(key)
                yield path


def _identity(path: Path) -> Path:
    """The file a path names, to check it once; a symbolic link loop is its own path (and unreadable)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return path.absolute()


def _search(folder: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_symlink() and not path.exists():  # a broken link or a loop: reported, not skipped
            if any(fnmatch.fnmatch(path.name, pattern) for pattern in include):
                found.append(path)
            continue
        if not path.is_file() or not any(fnmatch.fnmatch(path.name, pattern) for pattern in include):
            continue
        posix = relative.as_posix()
        if any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(path.name, p) for p in exclude):
            continue
        found.append(path)
    yield from sorted(found)
