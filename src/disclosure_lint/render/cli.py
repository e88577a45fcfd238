"""`disclosure-lint render REPORT.yaml -o OUT.docx|OUT.html|OUT.md`: the official document from a report.

The options as typer parses them; what render does with them is `render.run`.
"""

# No `from __future__ import annotations`: typer reads the command's signature three times, and
# annotations evaluated once at import are not evaluated again (see cli.py).

from pathlib import Path
from typing import Annotated

import typer

from ..command_run import Refused
from ..commands import fail, new_app
from ..intake import MAX_BYTES
from . import run

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
    try:
        code = run.run_render(report, output, force, trust_config, lang, max_bytes)
    except Refused as refused:
        raise _fail(str(refused)) from None
    raise typer.Exit(code)
