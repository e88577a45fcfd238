"""Turning the command line's paths into the reports to check: files, folders, standard input."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

STDIN = "-"


def expand(
    arguments: list[Path], include: tuple[str, ...], exclude: tuple[str, ...], seen: set[str] | None = None
) -> Iterator[Path]:
    """Files as given; folders searched recursively for names matching `include`.

    Hidden folders (.git, .venv …) are skipped, as are paths matching `exclude`.
    A path that does not exist is passed on, so it is reported as unreadable.
    A file named twice (`seen` carries over between calls) is checked once.
    """
    seen = set() if seen is None else seen
    for argument in arguments:
        if str(argument) == STDIN or not argument.is_dir():
            candidates: Iterable[tuple[Path, str]] = [
                (argument, STDIN if str(argument) == STDIN else _identity(argument))
            ]
        else:
            candidates = _search(argument, include, exclude)
        for path, key in candidates:
            if key not in seen:
                seen.add(key)
                yield path


def _identity(path: Path) -> str:
    """The file a path names, to check it once; a symbolic link loop is its own path (and unreadable)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path.absolute())


def _search(folder: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[tuple[Path, str]]:
    """The reports under `folder` in sorted order, each with its identity (see `_identity`).

    Each folder is read once (os.scandir keeps what each entry is) and its entries are taken
    in name order, folders as they come: that is the order of the sorted paths, found without
    holding the whole tree's list. Symbolically linked folders are not entered, and a file that
    is not a link has as its identity the resolved folder joined with its place below it: no
    file is resolved one path component at a time.
    """
    root = _identity(folder)
    stack: list[tuple[Path, tuple[str, ...], list[os.DirEntry[str]]]] = [(folder, (), _listing(folder))]
    while stack:
        directory, parts, entries = stack[-1]
        if not entries:
            stack.pop()
            continue
        entry = entries.pop()  # the listing is in reverse name order
        name = entry.name
        if name.startswith("."):
            continue  # a hidden file, or a hidden folder and everything in it
        path, relative = directory / name, (*parts, name)
        link = entry.is_symlink()
        if not link and _is(entry.is_dir):
            stack.append((path, relative, _listing(path)))
            continue
        if not any(fnmatch.fnmatch(name, pattern) for pattern in include):
            continue
        if link and not path.exists():  # a broken link or a loop: reported, not skipped
            yield path, _identity(path)
            continue
        if not _is(entry.is_file):
            continue
        posix = "/".join(relative)
        if any(fnmatch.fnmatch(posix, p) or fnmatch.fnmatch(name, p) for p in exclude):
            continue
        yield path, _identity(path) if link else os.path.join(root, *relative)


def _listing(folder: Path) -> list[os.DirEntry[str]]:
    """The entries of a folder in reverse name order (taken from the end); none if it cannot be read."""
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda entry: entry.name, reverse=True)
    except PermissionError:
        return []


def _is(test: Callable[[], bool]) -> bool:
    try:
        return test()
    except OSError:
        return False
