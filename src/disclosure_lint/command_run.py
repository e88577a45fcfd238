"""Running a command line without typer: what `lint_cmd` and `render.run` share.

A plain command line (report paths and flags for a lint; `render REPORT -o OUT [--force]`) is run
by the command's own function, which typer's declarations also call; this module gives both the
process around it (the compiled-pattern cache, `streams.run`'s exit), usage errors as typer
prints them, and plain output.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable


class Refused(Exception):
    """A usage error: printed as `disclosure-lint [command]: error: …`, exit status 2."""


def run_command(entry: Callable[[], object]) -> None:
    """Run a command line (cli.main's or a plain one) with the compiled-pattern cache, then exit
    with its status (streams.run)."""
    from . import regex_cache
    from .resources import cache_dir
    from .streams import run

    with contextlib.suppress(OSError, RuntimeError):  # no home folder: compile as Python does
        regex_cache.install(cache_dir())
    run(entry, finish=regex_cache.save)


def run_plain(given: dict[str, object] | None, run: Callable[..., int], command: str = "") -> None:
    """Exit with what `run(**given)` returns, or 2 after its usage error; an interrupt goes on to
    streams.run (status 130, as typer's path gives it)."""
    assert given is not None  # entry.py came here because the command line was plain
    try:
        code = run(**given)
    except Refused as refused:
        code = refuse(str(refused), command)
    sys.exit(code)


def refuse(message: str, command: str = "") -> int:
    """Print `disclosure-lint <command>: error: message`, as commands.fail does; the exit status
    to use (2)."""
    from .escape import visible
    from .exits import EXIT_ERROR

    prefix = f"disclosure-lint {command}".rstrip()
    echo(f"{prefix}: error: {visible(message)}", err=True)
    return EXIT_ERROR


def echo(text: str, nl: bool = True, err: bool = False) -> None:
    """Write a line (or, with nl=False, the text as it is) and flush, as typer.echo does."""
    stream = sys.stderr if err else sys.stdout
    stream.write(text + "\n" if nl else text)
    stream.flush()
