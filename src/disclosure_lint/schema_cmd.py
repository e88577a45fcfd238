"""`disclosure-lint schema`: the JSON Schema of a format, for editors and check-jsonschema."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import statute as s
from .commands import fail, new_app

app = new_app()


@app.command()
def schema(
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="The report year: its format's schema (2019 and 2020: the 2019 format).", min=2008
        ),
    ] = None,
    format_version: Annotated[
        int | None, typer.Option("--format", help="The format: 2021 (default) or 2019.", show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output-file",
            "-o",
            help="Write it to this file instead of standard output.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Let -o overwrite an existing file.")] = False,
) -> None:
    """Print the JSON Schema of the report format, or write it with -o (never over a report).

    Point a report at the written file with a first line such as
    `# yaml-language-server: $schema=./report-2021.schema.json`.
    """
    from . import atomic
    from .schema_file import check_schema_target, schema_text

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
