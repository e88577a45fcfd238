"""The command's entry point (console script and `python -m disclosure_lint`): the process itself.

Start-up creates some 200,000 objects (typer, the rules, ruamel.yaml, the schema) that all live
until the process ends, and Python's cycle collector walked them again and again while they were
made and while a report was checked: about a tenth of a one-report lint. So the collector starts
off, and the command turns it on as soon as a run could leave garbage that lasts: more than one report,
--fix's rounds, a server, an audit, an import. Memory freed by reference counting, nearly all of
it, is freed as always.

Which code runs the command line: `--help` and `--version` as typer printed them last time
(quick.py); a plain lint (report paths and flags without a value, lint_cmd.plain_command) and a
plain `render REPORT -o OUT [--force]` (render/run.py) without importing typer; anything else
through typer (cli.py). Each plain path gives what typer's would, byte for byte (tested).

At the end, tearing down the ~300 imported modules took a fifth of a one-report lint; when
nothing is left for Python's shutdown to do, the process ends at once. `cli.main` itself still
ends with SystemExit, for whoever calls it in-process.
"""

from __future__ import annotations

import atexit
import os
import sys

TYPE_CHECKING = False  # typing itself is not imported: it costs a replayed --help a third of its time
if TYPE_CHECKING:
    from typing import Any, NoReturn


def main() -> NoReturn:
    from .quick import replay

    text = replay(sys.argv[1:], os.environ)
    if text is not None:  # --help or --version as typer printed it last time (quick.py)
        from .streams import run as show

        try:
            show(lambda: sys.stdout.write(text))
        except SystemExit as done:
            leave(done.code)
    import gc

    gc.disable()
    from .lint_cmd import plain_command

    args = sys.argv[1:]
    if plain_command(args) is not None:  # report paths and plain flags only: no typer
        from .lint_cmd import main_plain as run
    elif args[:1] == ["render"] and _plain_render(args[1:]):  # render REPORT -o OUT [--force]
        from .render.run import main_plain as run
    else:
        from .cli import main as run

    try:
        run()
    except SystemExit as done:
        leave(done.code)
    leave(0)


def _plain_render(args: list[str]) -> bool:
    from .render.run import plain_render

    return plain_render(args) is not None


def leave(code: Any) -> NoReturn:
    """Exit with `code`: at once when no exit handler is registered (atexit's count), no tracer
    or profiler is active and standard output and error flush; otherwise as Python exits (a pool
    left multiprocessing's handler; coverage and cProfile write at exit; a message as status)."""
    handlers = getattr(atexit, "_ncallbacks", None)  # CPython's count; elsewhere, the usual exit
    quick = (
        (code is None or type(code) is int)
        and handlers is not None
        and handlers() == 0
        and sys.gettrace() is None
        and sys.getprofile() is None
    )
    if quick:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:  # let the usual exit deal with a stream that will not flush
            quick = False
    if quick:
        os._exit(code or 0)
    sys.exit(code)
