"""`disclosure-lint schema`: the JSON Schema of a format, for editors and check-jsonschema."""

# No `from __future__ import annotations`: typer reads the command's signature three times, and
# annotations evaluated once at import are not evaluated again (see cli.py).

from pathlib import Path
from typing import Annotated

import typer

from . import statute as s
from .cli_help import LANGS
from .commands import fail, new_app

app = new_app()


@app.command("schema")
def schema(
    year: Annotated[int | None, typer.Option("--year", min=2008)] = None,
    format_version: Annotated[int | None, typer.Option("--format", show_default=False)] = None,
    output: Annotated[Path | None, typer.Option("--output-file", "-o", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: Annotated[str | None, typer.Option("--lang", show_default=False)] = None,
) -> None:
    """Print or write the JSON Schema of a format (its help: `cli_help`, key `schema`)."""
    from . import atomic
    from .schema_file import check_schema_target, schema_text

    if lang is not None and lang not in LANGS:
        raise fail("schema", f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if year is not None and format_version is not None:
        raise fail("schema", "give --year or --format, not both")
    if format_version is not None and format_version not in s.FORMATS:
        choices = " or ".join(str(v) for v in sorted(s.FORMATS, reverse=True))
        raise fail("schema", f"--format must be {choices}, not {format_version}")
    version = s.format_for_year(year).version if year is not None else format_version or s.FORMAT_VERSION
    text = schema_text(version)
    if output is None:
        typer.echo(text, nl=False)
        return
    try:
        check_schema_target(output, force)
        atomic.write(output, text)
    except atomic.WriteRefused as error:
        raise fail("schema", str(error)) from None
    except OSError as error:
        raise fail("schema", f"cannot write {output}: {error.strerror or error}") from None
