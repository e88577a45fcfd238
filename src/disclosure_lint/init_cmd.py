"""`disclosure-lint init`: write a blank report to start from."""

# No `from __future__ import annotations`: typer reads the command's signature three times, and
# annotations evaluated once at import are not evaluated again (see cli.py).

from pathlib import Path
from typing import Annotated

import typer

from . import statute as s
from .cli_help import LANGS, texts
from .commands import fail, new_app

app = new_app()


@app.command("init")
def init(
    output: Annotated[Path, typer.Argument(show_default=False)],
    agency: Annotated[str, typer.Option("--agency", show_default=False)],
    year: Annotated[int, typer.Option("--year", min=2019, max=2100)],
    kind: Annotated[str, typer.Option("--kind")] = s.KIND_DEPARTMENT,
    schema: Annotated[str | None, typer.Option("--schema", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: Annotated[str | None, typer.Option("--lang", show_default=False)] = None,
) -> None:
    """Write a blank report in its year's format (its help: `cli_help`, key `init`)."""
    from . import atomic
    from .schema_file import beside
    from .template import render

    if lang is not None and lang not in LANGS:
        raise fail("init", f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if kind not in s.REPORT_KINDS:
        raise fail("init", f"--kind must be one of {', '.join(s.REPORT_KINDS)}, not {kind!r}")
    try:
        atomic.check_target(output, (), force)
    except atomic.WriteRefused as error:
        raise fail("init", str(error)) from None
    note = None
    try:
        if schema is None:
            schema, note = beside(output, s.format_for_year(year).version, force)
        atomic.write(output, render(agency, year, kind, schema))
    except atomic.WriteRefused as error:
        raise fail("init", str(error)) from None
    except OSError as error:
        raise fail("init", f"cannot write {error.filename or output}: {error.strerror or error}") from None
    if note:
        typer.echo(note)
    typer.echo(texts(lang or "zh")["init:written"].format(output=output))
