"""The `disclosure-lint` command.

Heavy modules (jsonschema, the rule engine) are imported inside the command,
so `--help` and `--version` stay fast for pre-commit users.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"disclosure-lint {__version__}")
        raise typer.Exit(EXIT_CLEAN)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"disclosure-lint: error: {message}", err=True)
    return typer.Exit(EXIT_ERROR)


@app.command()
def lint(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Report files (YAML) to check.", show_default=False),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="Message language: zh (default) or en.", show_default=False)
    ] = None,
    select: Annotated[
        str | None,
        typer.Option(
            help="Only these rule codes or prefixes, comma-separated (e.g. DL2,DL301).", show_default=False
        ),
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option(help="Skip these rule codes or prefixes, comma-separated.", show_default=False),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            help="Exit 1 on findings of this severity or worse: error (default) or warning.",
            show_default=False,
        ),
    ] = None,
    rules: Annotated[
        list[Path] | None,
        typer.Option("--rules", help="A folder of extra rule modules (repeatable).", show_default=False),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(help="Use this config file instead of searching for one.", show_default=False),
    ] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")] = False,
    previous: Annotated[
        Path | None,
        typer.Option(
            "--previous",
            help="Last year's report (YAML), to compare carried-over figures and text.",
            show_default=False,
        ),
    ] = None,
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Refuse files larger than this.", min=1)] = 5
    * 1024
    * 1024,
    list_rules: Annotated[bool, typer.Option("--list-rules", help="List every rule and exit.")] = False,
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Check 政府信息公开工作年度报告 written in YAML against the 2021 statutory format.

    Exit status: 0 clean, 1 findings, 2 a file could not be read or the options are wrong.
    """
    from . import engine
    from .config import FAIL_ON, LANGS, ConfigError, Overrides, options_for, parse_codes

    if lang is not None and lang not in LANGS:
        raise _fail(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise _fail(f"--fail-on must be 'error' or 'warning', not {fail_on!r}")
    try:
        overrides = Overrides(
            lang=lang,
            select=parse_codes(select) if select is not None else None,
            ignore=parse_codes(ignore) if ignore is not None else None,
            fail_on=FAIL_ON[fail_on] if fail_on else None,
            rule_dirs=tuple(d.resolve() for d in rules or ()),
            config=config,
            isolated=isolated,
        )
    except ValueError as error:
        raise _fail(str(error)) from None

    try:
        if list_rules:
            options = options_for(None, overrides)
            _print_rules(engine.all_rules(engine.load_rule_modules(options.rule_dirs)), options.lang)
            raise typer.Exit(EXIT_CLEAN)
        if not files:
            raise _fail("no report files given (try: disclosure-lint report.yaml)")
        code = _lint_files(files, overrides, max_bytes, previous)
    except (ConfigError, engine.PluginError) as error:
        raise _fail(str(error)) from None
    raise typer.Exit(code)


def _lint_files(files: list[Path], overrides: object, max_bytes: int, previous_file: Path | None) -> int:
    from . import engine
    from .config import Overrides, options_for
    from .lint import lint_path
    from .loader import load_file
    from .output import finding_lines, summary

    assert isinstance(overrides, Overrides)
    previous = None
    if previous_file is not None:
        loaded = load_file(previous_file, max_bytes=max_bytes)
        if loaded.report is None:
            reason = loaded.findings[0].message("en") if loaded.findings else "unreadable"
            raise _fail(f"--previous {previous_file}: cannot be read: {reason}")
        previous = loaded.report
    modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]] = {}
    results = []
    worst = EXIT_CLEAN
    lang = overrides.lang or "zh"
    for file in files:
        options = options_for(file, overrides)
        lang = options.lang
        if options.rule_dirs not in modules_by_dirs:
            modules_by_dirs[options.rule_dirs] = engine.load_rule_modules(options.rule_dirs)
        result = lint_path(
            file, modules_by_dirs[options.rule_dirs], options, max_bytes=max_bytes, previous=previous
        )
        results.append(result)
        for line in finding_lines(result, options.lang):
            typer.echo(line)
        if result.unreadable or result.crashed:
            worst = EXIT_ERROR
        elif result.fails(options.fail_on) and worst == EXIT_CLEAN:
            worst = EXIT_FINDINGS
    typer.echo(summary(results, lang))
    return worst


def _print_rules(rules: list, lang: str) -> None:
    from tabulate import tabulate

    rows = [
        (
            rule.code,
            rule.severity.label,
            rule.name,
            rule.summary_en if lang == "en" else rule.summary_zh,
            rule.clause,
        )
        for rule in sorted(rules, key=lambda r: r.code)
    ]
    headers = ("code", "severity", "name", "checks", "clause") if lang == "en" else (
        "代码", "级别", "名称", "检查内容", "依据",
    )  # fmt: skip
    typer.echo(tabulate(rows, headers=headers, tablefmt="simple"))


# Subcommands live in their own modules, imported only when asked for; any other first
# argument is a report to lint, so `disclosure-lint report.yaml` stays the short form.
SUBCOMMANDS = {
    "init": "disclosure_lint.init_cmd",
    "import": "disclosure_lint.importer.cli",
    "render": "disclosure_lint.render.cli",
}


def main() -> None:
    args = sys.argv[1:]
    try:
        if args and args[0] in SUBCOMMANDS:
            import importlib

            module = importlib.import_module(SUBCOMMANDS[args[0]])
            module.app(args=args[1:], prog_name=f"disclosure-lint {args[0]}")
        else:
            app(prog_name="disclosure-lint")
    except KeyboardInterrupt:
        sys.exit(130)
