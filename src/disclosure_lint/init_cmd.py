"""`disclosure-lint init`: write a blank report to start from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import statute as s
from .commands import fail, new_app

app = new_app()


@app.command()
def init(
    output: Annotated[
        Path, typer.Argument(help="The report file to write, e.g. 2024.yaml.", show_default=False)
    ],
    agency: Annotated[
        str, typer.Option("--agency", help="The organ's full name (机关).", show_default=False)
    ],
    year: Annotated[
        int,
        typer.Option(
            "--year", help="The report year (年度); 2019 and 2020 get the 2019 format.", min=2019, max=2100
        ),
    ],
    kind: Annotated[
        str,
        typer.Option(
            "--kind", help="部门 (due 1月31日), 本级政府 (due 3月31日), 乡镇 or 管委会 (no statutory date)."
        ),
    ] = s.KIND_DEPARTMENT,
    schema: Annotated[
        str | None,
        typer.Option(
            "--schema",
            help="What the $schema line points at, a URL or path (default: the schema file written beside "
            "the report).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite an existing report (and a different schema file beside it)."),
    ] = False,
) -> None:
    """Write a blank report in its year's format: every part, every cell 0, texts to fill in.

    The format's JSON Schema is written beside it (report-2021.schema.json), and the report's first
    line points at it, so an editor completes and checks the keys.
    """
    from . import atomic
    from .schema_file import beside
    from .template import render

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
    typer.echo(f"已写入 {output}：填好“（待填写）”处和表格后，运行 disclosure-lint {output}")
