"""`disclosure-lint import SRC [-o OUT.yaml]`: a published report (HTML, Word, text) as a YAML report."""

# No `from __future__ import annotations`: typer reads the command's signature three times, and
# annotations evaluated once at import are not evaluated again (see cli.py).

import datetime
from pathlib import Path
from typing import Annotated

import typer

from .. import statute as s
from ..commands import fail, new_app
from ..findings import ERROR
from ..intake import MAX_BYTES

app = new_app()


def _fail(message: str) -> typer.Exit:
    return fail("import", message)


@app.command("import")
def import_report(
    source: Annotated[Path, typer.Argument(show_default=False)],
    output: Annotated[Path | None, typer.Option("-o", "--output", show_default=False)] = None,
    agency: Annotated[str | None, typer.Option("--agency", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", show_default=False)] = None,
    kind: Annotated[str | None, typer.Option("--kind", show_default=False)] = None,
    date: Annotated[str | None, typer.Option("--date", show_default=False)] = None,
    lang: Annotated[str, typer.Option("--lang")] = "zh",
    force: Annotated[bool, typer.Option("--force")] = False,
    max_bytes: Annotated[int, typer.Option("--max-bytes", min=1)] = MAX_BYTES,
) -> None:
    """Import a published report as YAML (its help: `cli_help`, key `import`)."""
    from .. import atomic
    from ..escape import visible
    from ..result import exit_code
    from . import ReadError, import_file

    if lang not in ("zh", "en"):
        raise _fail(f"--lang must be zh or en, not {lang!r}")
    if kind is not None and kind not in s.REPORT_KINDS:
        raise _fail(f"--kind must be {' or '.join(s.REPORT_KINDS)}, not {kind!r}")
    if date is not None:
        try:
            if len(date) != 10:
                raise ValueError
            datetime.date.fromisoformat(date)
        except ValueError:
            raise _fail(f"--date must be a date written as 2024-01-22, not {date!r}") from None
    if output is not None:
        try:
            atomic.check_target(output, [source], force)
        except atomic.WriteRefused as error:
            raise _fail(str(error)) from None
    overrides = {s.AGENCY: agency, s.YEAR: year, s.KIND: kind, s.PUBLISHED: date}
    try:
        imported = import_file(source, max_bytes, overrides, name=source.name)
    except ReadError as error:
        raise _fail(f"{source}: {error.finding.message(lang)}") from None
    except Exception as error:  # a fault of ours: one line, not a traceback
        raise _fail(f"{source}: internal error while importing ({type(error).__name__}: {error})") from None
    for problem in imported.source.problems:  # what reading the document itself found (a scanned PDF page)
        pos = problem.pos
        typer.echo(
            visible(f"{source}:{pos.line}:{pos.col}: {problem.code} {problem.message(lang)}"), err=True
        )
    # a part of the document could not be read (exit 2, as linting it would), though the rest is written
    done = exit_code(unreadable=any(p.severity == ERROR for p in imported.source.problems))
    for note in imported.draft.notes:
        why = note.why_en if lang == "en" else note.why
        if note.text:
            text = note.text if len(note.text) <= 80 else note.text[:80] + "…"
            label = "not placed" if lang == "en" else "未放入报告"
            line = f"{source}:{note.pos.line}:{note.pos.col}: {label}: {why}: {text}"
        else:
            line = f"{source}: {why}"
        typer.echo(visible(line), err=True)
    if output is None:
        typer.echo(imported.yaml, nl=False)
        raise typer.Exit(done)
    from ..schema_file import beside

    version = imported.draft.meta.get(s.VERSION)
    try:  # the format's schema beside the YAML, and the YAML's first line pointing at it
        reference, note = beside(output, version if version in s.FORMATS else s.FORMAT_VERSION, force)
        atomic.write(output, f"# yaml-language-server: $schema={reference}\n{imported.yaml}")
    except atomic.WriteRefused as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"cannot write {error.filename or output}: {error.strerror or error}") from None
    if note:
        typer.echo(note, err=True)
    raise typer.Exit(done)
