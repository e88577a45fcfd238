"""The `disclosure-lint` command line, parsed by typer; what the lint does is `lint_cmd`.

Heavy modules (jsonschema, the rule engine, tabulate) are imported inside the
command, so `--help` and `--version` stay fast for pre-commit users. No
`from __future__ import annotations` here: typer reads the command's signature three
times, and annotations already evaluated at import are not evaluated again each time
(names imported only for type checking are quoted).
"""

import gc
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__, lint_cmd, quick
from .cli_options import (
    ConfigFile,
    Diff,
    FailOn,
    Fix,
    Force,
    Ignore,
    Isolated,
    JunitWarnings,
    Lang,
    OutputFile,
    Quiet,
    Select,
    UnsafeFixes,
)
from .command_run import Refused, run_command
from .commands import EXIT_CLEAN, fail, new_app

app = new_app()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"disclosure-lint {__version__}")
        quick.record("version", f"disclosure-lint {__version__}\n")  # for the next --version (quick.py)
        raise typer.Exit(EXIT_CLEAN)


def _fail(message: str) -> typer.Exit:
    return fail("", message)


@app.command("lint")
def lint(
    files: Annotated[list[Path] | None, typer.Argument(show_default=False)] = None,
    lang: Lang = None,
    output_format: Annotated[str | None, typer.Option("--format", show_default=False)] = None,
    output_file: OutputFile = None,
    junit_warnings: JunitWarnings = None,
    select: Select = None,
    ignore: Ignore = None,
    fail_on: FailOn = None,
    rules: Annotated[list[Path] | None, typer.Option("--rules", show_default=False)] = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    trust_config: Annotated[bool, typer.Option("--trust-config")] = False,
    force: Force = False,
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
    previous: Annotated[Path | None, typer.Option("--previous", show_default=False)] = None,
    stdin_filename: Annotated[str | None, typer.Option("--stdin-filename", show_default=False)] = None,
    skip_non_reports: Annotated[bool, typer.Option("--skip-non-reports")] = False,
    statistics: Annotated[bool, typer.Option("--statistics")] = False,
    quiet: Quiet = False,
    fix: Fix = False,
    unsafe_fixes: UnsafeFixes = False,
    diff: Diff = False,
    color: Annotated[str, typer.Option("--color")] = "auto",
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
    agency: Annotated[str | None, typer.Option("--agency", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", show_default=False)] = None,
    date: Annotated[str | None, typer.Option("--date", show_default=False)] = None,
    kind: Annotated[str | None, typer.Option("--kind", show_default=False)] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, show_default=False)] = None,
    list_rules: Annotated[bool, typer.Option("--list-rules")] = False,
    explain: Annotated[str | None, typer.Option("--explain", show_default=False)] = None,
    show_schema: Annotated[bool, typer.Option("--show-schema")] = False,
    schema_path: Annotated[bool, typer.Option("--schema-path")] = False,
    version: Annotated[bool | None, typer.Option("--version", callback=_version, is_eager=True)] = None,
) -> None:
    """Check reports against the statutory format (its help: `cli_help`, key `lint`)."""
    try:
        code = lint_cmd.run_lint(
            files=files,
            lang=lang,
            output_format=output_format,
            output_file=output_file,
            junit_warnings=junit_warnings,
            select=select,
            ignore=ignore,
            fail_on=fail_on,
            rules=rules,
            config=config,
            isolated=isolated,
            trust_config=trust_config,
            force=force,
            no_cache=no_cache,
            previous=previous,
            stdin_filename=stdin_filename,
            skip_non_reports=skip_non_reports,
            statistics=statistics,
            quiet=quiet,
            fix=fix,
            unsafe_fixes=unsafe_fixes,
            diff=diff,
            color=color,
            no_color=no_color,
            agency=agency,
            year=year,
            date=date,
            kind=kind,
            max_bytes=max_bytes,
            list_rules=list_rules,
            explain=explain,
            show_schema=show_schema,
            schema_path=schema_path,
        )
    except Refused as refused:
        raise _fail(str(refused)) from None
    raise typer.Exit(code)


# Subcommands live in their own modules, imported only when asked for; any other first
# argument is a report to lint, so `disclosure-lint report.yaml` stays the short form.
SUBCOMMANDS = quick.SUBCOMMANDS


# The subcommands that handle one report at most: the cycle collector may stay off (entry.py).
ONE_REPORT = frozenset({"init", "render", "schema"})


def main() -> None:
    run_command(_dispatch)


def _dispatch() -> None:
    args = sys.argv[1:]
    if args and args[0] in SUBCOMMANDS:
        import importlib

        module = importlib.import_module(SUBCOMMANDS[args[0]])
        if args[0] not in ONE_REPORT:
            gc.enable()  # an audit, a server or an import may leave garbage that lasts (entry.py)
        module.app(args=args[1:], prog_name=f"disclosure-lint {args[0]}")
    else:
        app(prog_name="disclosure-lint")
