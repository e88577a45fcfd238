"""`disclosure-lint render REPORT -o OUT [--force]`: what render does with the options typer parsed.

render/cli.py declares the options and calls `run_render`. The command line a clerk types,
`render REPORT -o OUT` with perhaps `--force`, is read by `plain_render` without importing typer
(a fifth of a Word render), exactly as typer would read it (tests/test_plain_command.py); any
other command line is typer's to parse.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..command_run import Refused, echo, run_command, run_plain
from ..exits import EXIT_CLEAN, EXIT_FINDINGS
from ..intake import MAX_BYTES


def plain_render(args: Sequence[str]) -> dict[str, object] | None:
    """What `run_render` is given for the arguments after `render` when they are one report,
    `-o`/`--output` with a path, and perhaps `--force`; None for any other command line (another
    option, `--output=…`, a value starting with "-", an option given twice)."""
    if os.name != "posix":
        return None
    given: dict[str, object] = {}
    reports = []
    rest = iter(args)
    for arg in rest:
        if arg in ("-o", "--output"):
            value = next(rest, None)
            if value is None or value.startswith("-") or "output" in given:
                return None
            given["output"] = Path(value)
        elif arg == "--force":
            given["force"] = True
        elif arg.startswith("-"):
            return None
        else:
            reports.append(arg)
    if len(reports) != 1 or "output" not in given:
        return None
    return {"report": Path(reports[0]), **given}


def main_plain() -> None:
    """`disclosure-lint render …` read by `plain_render`, run as cli.main would run it."""
    run_command(_plain)


def _plain() -> None:
    run_plain(plain_render(sys.argv[2:]), run_render, "render")


def run_render(
    report: Path,
    output: Path,
    force: bool = False,
    trust_config: bool = False,
    lang: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> int:
    """Lint the report, then write the document; the exit status (Refused for a usage error)."""
    from .. import atomic, engine
    from ..codecheck import check_codes
    from ..config import ConfigError, Overrides, bad_choice, options_for
    from ..findings import ERROR
    from ..lint import lint_path
    from ..output import finding_lines
    from ..result import EXIT_ERROR, file_exit_code
    from . import FORMATS, render

    problem = bad_choice(lang, None, None, None)
    if problem:
        raise Refused(problem)
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise Refused(f"cannot tell the format of {output}: name it .docx, .html or .md")
    try:
        atomic.check_target(output, [report], force)
        overrides = Overrides(lang=lang, trust_config=trust_config)
        options = options_for(report, overrides)
        modules = engine.load_rule_modules(options.rule_dirs)
        check_codes(options, overrides, modules)
    except (ConfigError, engine.PluginError, atomic.WriteRefused) as error:
        raise Refused(str(error)) from None
    result = lint_path(report, modules, options, max_bytes=max_bytes or MAX_BYTES)
    for line in finding_lines(result, options.lang):
        echo(line)
    verdict = file_exit_code(result)
    if verdict == EXIT_ERROR or result.report is None:
        raise Refused(f"{report}: cannot be read as a report; nothing written")
    if verdict == EXIT_FINDINGS and not force:
        errors = result.count(ERROR)
        echo(
            f"disclosure-lint render: {report} has {errors} error(s); not rendered "
            "(fix them, or use --force to render anyway)",
            err=True,
        )
        return verdict
    if fmt == "docx" and any(f.code == "DL041" for f in result.findings):
        raise Refused(
            f"{report} holds control characters a Word document cannot hold (DL041 above); nothing written"
        )
    loaded_report = result.report  # the report just linted: read once
    try:
        data = render(loaded_report, fmt)
    except ImportError:
        raise Refused("writing .docx needs python-docx: pip install 'disclosure-lint[docx]'") from None
    except Exception as error:  # a fault of ours: one line, not a traceback
        raise Refused(f"internal error while rendering ({type(error).__name__}: {error})") from None
    try:
        atomic.write(output, data)
    except OSError as error:
        raise Refused(f"cannot write {output}: {error.strerror or error}") from None
    return EXIT_CLEAN
