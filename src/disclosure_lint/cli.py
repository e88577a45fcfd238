"""The `disclosure-lint` command.

Heavy modules (jsonschema, the rule engine, tabulate) are imported inside the
command, so `--help` and `--version` stay fast for pre-commit users. No
`from __future__ import annotations` here: typer reads the command's signature three
times, and annotations already evaluated at import are not evaluated again each time
(names imported only for type checking are quoted).
"""

import contextlib
import gc
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from . import __version__, quick
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
from .commands import EXIT_CLEAN, fail, new_app

if TYPE_CHECKING:
    from .batch import Job
    from .config import Options, Overrides
    from .document import Report
    from .reporters import Reporter

app = new_app()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"disclosure-lint {__version__}")
        quick.record("version", f"disclosure-lint {__version__}\n")  # for the next --version (quick.py)
        raise typer.Exit(EXIT_CLEAN)


def _fail(message: str) -> typer.Exit:
    return fail("", message)


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reported as not a folder when loaded
        return path.absolute()


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
    if fix or diff:
        from .fix_run import refusal

        early = {"--list-rules": list_rules, "--explain": explain, "--show-schema": show_schema}
        early["--schema-path"] = schema_path
        refused = refusal(lang or "zh", fix, diff, files or [], output_format, statistics, early)
        if refused:
            raise _fail(refused)
    if schema_path or show_schema:
        from .resources import schema_path as installed_schema

        path = installed_schema()
        typer.echo(path.read_text(encoding="utf-8") if show_schema else str(path), nl=not show_schema)
        raise typer.Exit(EXIT_CLEAN)

    from . import engine
    from .atomic import WriteRefused
    from .codecheck import check_codes
    from .config import (
        FAIL_ON,
        FORMATS,
        JUNIT_WARNINGS,
        LANGS,
        ConfigError,
        Overrides,
        options_for,
        parse_codes,
    )

    for name, value, choices in (
        ("--lang", lang, LANGS),
        ("--fail-on", fail_on, tuple(FAIL_ON)),
        ("--format", output_format, FORMATS),
        ("--junit-warnings", junit_warnings, JUNIT_WARNINGS),
        ("--color", color, ("auto", "always", "never")),
    ):
        if value is not None and value not in choices:
            raise _fail(f"{name} must be one of {', '.join(choices)}, not {value!r}")
    if no_color:
        color = "never"
    try:
        overrides = Overrides(
            lang=lang,
            select=parse_codes(select) if select is not None else None,
            ignore=parse_codes(ignore) if ignore is not None else None,
            fail_on=FAIL_ON[fail_on] if fail_on else None,
            rule_dirs=tuple(_absolute(d) for d in rules or ()),
            output_format=output_format,
            junit_warnings=junit_warnings,
            max_bytes=max_bytes,
            config=config,
            isolated=isolated,
            trust_config=trust_config,
            metadata=_document_facts(agency=agency, year=year, date=date, kind=kind),
        )
    except ValueError as error:
        raise _fail(str(error)) from None

    try:
        if list_rules or explain:
            options = options_for(None, overrides)
            modules = engine.load_rule_modules(options.rule_dirs)
            check_codes(options, overrides, modules)
            if explain:
                _explain(explain.strip().upper(), modules, options.lang)
            else:
                _print_rules(engine.all_rules(modules), options.lang)
            raise typer.Exit(EXIT_CLEAN)
        if not files:
            raise _fail("no report files given (try: disclosure-lint report.yaml)")
        code = _run(
            files,
            overrides,
            previous,
            stdin_filename,
            statistics,
            quiet,
            color,
            output_file,
            force,
            not no_cache,
            skip_non_reports,
            "fix" if fix else "diff" if diff else None,
            unsafe_fixes,
        )
    except (ConfigError, engine.PluginError, WriteRefused) as error:
        raise _fail(str(error)) from None
    raise typer.Exit(code)


def _run(
    arguments: list[Path],
    overrides: "Overrides",
    previous_file: Path | None,
    stdin_filename: str | None,
    statistics: bool,
    quiet: bool,
    color: str,
    output_file: Path | None,
    force: bool = False,
    cache: bool = True,
    skip_non_reports: bool = False,
    fixing: str | None = None,
    unsafe: bool = False,
) -> int:
    from . import atomic, engine
    from .batch import lint_many
    from .config import options_for
    from .result import RunResult

    if fixing:  # the fixing machinery (fix_run, fixer, difflib) loads only for --fix and --diff
        from .fix_run import DIFF, FIX, Fixing
    if fixing or len(arguments) != 1 or os.path.isdir(arguments[0]):
        gc.enable()  # more than one report (or --fix's rounds): garbage could last (entry.py)

    if output_file is not None:  # before anything is read, so nothing is lost
        given = [*arguments, *(p for p in (previous_file, overrides.config) if p is not None)]
        atomic.check_target(output_file, given, force)
    base = options_for(None, overrides)
    previous = None
    if previous_file is not None:
        previous = _previous_report(previous_file, base.max_bytes)

    fmt = base.output_format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    # With -o the output is collected and written at the end, atomically: a failure leaves the old file.
    # `--fix -` writes the fixed report to standard output, so the findings go to standard error.
    fixed_stdin = bool(fixing) and fixing == FIX and any(str(argument) == "-" for argument in arguments)
    stream: TextIO = io.StringIO() if output_file else sys.stderr if fixed_stdin else sys.stdout
    fixer = Fixing(fixing, unsafe, base.lang, stream, quiet) if fixing else None
    # --diff prints the change, not the findings: its reporter is the fixer's.
    reporter = (
        fixer.reporter()
        if fixer and fixing == DIFF
        else _reporter(fmt, stream, base, color, statistics, quiet, unsafe)
    )
    run = RunResult(keep=reporter.keeps_results)
    modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]] = {}
    empty_folders: list[Path] = []
    jobs = _jobs(arguments, overrides, modules_by_dirs, stdin_filename, output_file, empty_folders)
    try:
        workers = 1 if reporter.needs_report else None  # a loaded report stays in its process
        cache = cache and not reporter.needs_report  # a cached result has no loaded report to show
        if fixer is not None:
            results = fixer.results(jobs, previous, modules_by_dirs)
        else:
            results = lint_many(jobs, previous, modules_by_dirs, workers, cache=cache)
        for job, result in results:
            if skip_non_reports and result.not_a_report:
                run.skipped += 1
                continue
            run.add(result, job.options.fail_on)
            reporter.file(result, job.options.lang)
        run.missing_input = bool(empty_folders)  # a CI gate pointed at the wrong folder must not pass
        reporter.finish(run, engine.all_rules([m for modules in modules_by_dirs.values() for m in modules]))
        if output_file is not None and isinstance(stream, io.StringIO):
            try:
                atomic.write(output_file, stream.getvalue())
            except OSError as error:
                raise _fail(f"cannot write {output_file}: {error.strerror or error}") from None
    finally:
        stream.flush()
    return fixer.exit_code(run) if fixer is not None else run.exit_code


def _reporter(
    fmt: str,
    stream: TextIO,
    base: "Options",
    color: str,
    statistics: bool,
    quiet: bool,
    unsafe: bool = False,
) -> "Reporter":
    from . import output
    from .reporters import REPORTERS, TextReporter, settings_for

    if fmt in ("text", "concise"):
        paint = output.use_color(stream, color)
        return TextReporter(
            fmt, stream, base.lang, color=paint, statistics=statistics, quiet=quiet, unsafe_fixes=unsafe
        )
    return REPORTERS[fmt](fmt, stream, base.lang, **settings_for(fmt, base))


def _jobs(
    arguments: list[Path],
    overrides: "Overrides",
    modules_by_dirs: dict[tuple[Path, ...], list],
    stdin_filename: str | None,
    output_file: Path | None,
    empty_folders: list[Path],
) -> "Iterator[Job]":
    """A job per report named or found, with its options checked once (plugins may add codes)."""
    from . import atomic, config, engine
    from .batch import Job
    from .codecheck import check_codes
    from .inputs import STDIN, expand

    checked: set[tuple[object, ...]] = set()
    by_folder: dict[Path, Options] = {}  # a folder's reports share its config: looked up once per run

    def options_of(path: Path) -> "Options":
        options = by_folder.get(path.parent)
        if options is None:
            options = by_folder[path.parent] = config.folder_options(path.parent, overrides)
        return options.for_file(path)

    def checked_options(options: "Options") -> "Options":
        key = (options.select, options.ignore, options.per_file_ignores, options.rule_dirs)
        if key not in checked:
            if options.rule_dirs not in modules_by_dirs:
                modules_by_dirs[options.rule_dirs] = engine.load_rule_modules(options.rule_dirs)
            check_codes(options, overrides, modules_by_dirs[options.rule_dirs])
            checked.add(key)
        return options

    seen: set[str] = set()  # the files found so far, by identity
    for argument in arguments:
        folder_options = config.options_for(argument / "_" if argument.is_dir() else argument, overrides)
        found = False
        for path in expand([argument], folder_options.include, folder_options.exclude, seen):
            found = True
            if str(path) == STDIN:
                named = Path(stdin_filename) if stdin_filename else None
                options = checked_options(config.options_for(named, overrides))
                stdin = sys.stdin.buffer if sys.stdin is not None else None  # None: closed (<&-)
                raw = stdin.read(options.max_bytes + 1) if stdin is not None else b""
                yield Job(path, options, raw=raw, name=stdin_filename or "<stdin>")
            else:
                if output_file is not None:
                    atomic.check_target(output_file, [path], force=True)
                yield Job(path, checked_options(options_of(path)))
        if argument.is_dir() and not found and not any(expand([argument], folder_options.include, ())):
            empty_folders.append(argument)
            patterns = ", ".join(folder_options.include)
            typer.echo(f"disclosure-lint: error: no reports ({patterns}) found in {argument}", err=True)


def _explain(code: str, modules: list, lang: str) -> None:
    from .explain import explain_code

    text = explain_code(code, modules, lang)
    if text is None:
        raise _fail(f"no rule {code!r}; see disclosure-lint --list-rules")
    typer.echo(text, nl=False)


def _print_rules(rules: list, lang: str) -> None:
    from .explain import rules_table

    typer.echo(rules_table(rules, lang))


# Subcommands live in their own modules, imported only when asked for; any other first
# argument is a report to lint, so `disclosure-lint report.yaml` stays the short form.
SUBCOMMANDS = quick.SUBCOMMANDS


# The subcommands that handle one report at most: the cycle collector may stay off (entry.py).
ONE_REPORT = frozenset({"init", "render", "schema"})


def main() -> None:
    from . import regex_cache
    from .resources import cache_dir
    from .streams import run

    with contextlib.suppress(OSError, RuntimeError):  # no home folder: compile as Python does
        regex_cache.install(cache_dir())
    run(_dispatch, finish=regex_cache.save)


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


def _document_facts(**given: object) -> tuple[tuple[str, object], ...]:
    from .facts import document_facts

    return document_facts(**given)


def _previous_report(path: Path, max_bytes: int) -> "Report":
    from .lint import NotAReport, load_previous

    try:
        return load_previous(path, max_bytes)
    except NotAReport as error:
        raise _fail(f"--previous {path}: {error}") from None
