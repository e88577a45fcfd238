"""`disclosure-lint render REPORT.yaml -o OUT.docx|OUT.html|OUT.md`: the official document from a report."""

# No `from __future__ import annotations`: typer reads the command's signature three times, and
# annotations evaluated once at import are not evaluated again (see cli.py).

from pathlib import Path
from typing import Annotated

import typer

from ..commands import EXIT_CLEAN, EXIT_FINDINGS, fail, new_app
from ..intake import MAX_BYTES

app = new_app()


def _fail(message: str) -> typer.Exit:
    return fail("render", message)


@app.command("render")
def render_report(
    report: Annotated[Path, typer.Argument(show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", show_default=False)],
    force: Annotated[bool, typer.Option("--force")] = False,
    trust_config: Annotated[bool, typer.Option("--trust-config")] = False,
    lang: Annotated[str | None, typer.Option("--lang", show_default=False)] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1)] = MAX_BYTES,
) -> None:
    """Render a report as Word, HTML or Markdown (its help: `cli_help`, key `render`)."""
    from .. import atomic, engine
    from ..codecheck import check_codes
    from ..config import LANGS, ConfigError, Overrides, options_for
    from ..findings import ERROR
    from ..lint import lint_path
    from ..output import finding_lines
    from ..result import EXIT_ERROR, file_exit_code
    from . import FORMATS, render

    if lang is not None and lang not in LANGS:
        raise _fail(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    fmt = FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise _fail(f"cannot tell the format of {output}: name it .docx, .html or .md")
    try:
        atomic.check_target(output, [report], force)
        overrides = Overrides(lang=lang, trust_config=trust_config)
        options = options_for(report, overrides)
        modules = engine.load_rule_modules(options.rule_dirs)
        check_codes(options, overrides, modules)
    except (ConfigError, engine.PluginError, atomic.WriteRefused) as error:
        raise _fail(str(error)) from None
    result = lint_path(report, modules, options, max_bytes=max_bytes or MAX_BYTES)
    for line in finding_lines(result, options.lang):
        typer.echo(line)
    verdict = file_exit_code(result)
    if verdict == EXIT_ERROR or result.report is None:
        raise _fail(f"{report}: cannot be read as a report; nothing written")
    if verdict == EXIT_FINDINGS and not force:
        errors = result.count(ERROR)
        typer.echo(
            f"disclosure-lint render: {report} has {errors} error(s); not rendered "
            "(fix them, or use --force to render anyway)",
            err=True,
        )
        raise typer.Exit(verdict)
    if fmt == "docx" and any(f.code == "DL041" for f in result.findings):
        raise _fail(
            f"{report} holds control characters a Word document cannot hold (DL041 above); nothing written"
        )
    loaded_report = result.report  # the report just linted: read once
    try:
        data = render(loaded_report, fmt)
    except ImportError:
        raise _fail("writing .docx needs python-docx: pip install 'disclosure-lint[docx]'") from None
    except Exception as error:  # a fault of ours: one line, not a traceback
        raise _fail(f"internal error while rendering ({type(error).__name__}: {error})") from None
    try:
        atomic.write(output, data)
    except OSError as error:
        raise _fail(f"cannot write {output}: {error.strerror or error}") from None
    raise typer.Exit(EXIT_CLEAN)
