"""The `disclosure-lint` lint command itself: what it does with the options typer parsed.

typer stays the command's parser: cli.py declares every option and calls `run_lint` with what
it parsed. A command line of report paths and a few flags that take no value
(`disclosure-lint report.yaml`, what most clerks type; `--skip-non-reports` from the pre-commit
hook) leaves every other option at its default: `plain_command` reads it without importing typer,
and `main_plain` runs `run_lint` directly, which saves importing typer and click (about a third
of a one-report lint). Anything else goes through typer. The defaults are `run_lint`'s own;
tests/test_plain_command.py checks that typer reads every plain command line the same way.
"""

from __future__ import annotations

import gc
import io
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .command_run import Refused, echo, run_command, run_plain
from .exits import EXIT_CLEAN
from .quick import SUBCOMMANDS

if TYPE_CHECKING:
    from .batch import Job
    from .config import Options, Overrides
    from .document import Report
    from .reporters import Reporter


# The options that take no value and that a hook or a clerk adds to a plain lint, each with the
# parameter of `run_lint` it sets to True (tests/test_plain_command.py checks typer reads each so).
PLAIN_FLAGS = {
    "--no-cache": "no_cache",
    "--skip-non-reports": "skip_non_reports",
    "--quiet": "quiet",
    "-q": "quiet",
    "--statistics": "statistics",
    "--no-color": "no_color",
    "--isolated": "isolated",
}


def plain_command(args: Sequence[str]) -> dict[str, object] | None:
    """What `run_lint` is given when the arguments are report paths and flags of PLAIN_FLAGS only,
    exactly as typer would parse them (paths in order; every other option at its default); None
    for any other command line. At least one path, no other argument starting with "-" (an option,
    `--`, or standard input), the first not a subcommand. Elsewhere than POSIX click expands
    wildcards itself: typer parses there."""
    if os.name != "posix" or not args or args[0] in SUBCOMMANDS:
        return None
    given: dict[str, object] = {}
    files = []
    for arg in args:
        if arg in PLAIN_FLAGS:
            given[PLAIN_FLAGS[arg]] = True
        elif arg.startswith("-"):
            return None
        else:
            files.append(Path(arg))
    if not files:
        return None
    return {"files": files, **given}


def main_plain() -> None:
    """A plain command line (`plain_command`), as cli.main would run it."""
    run_command(_plain)


def _plain() -> None:
    run_plain(plain_command(sys.argv[1:]), run_lint)


def _absolute(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: reported as not a folder when loaded
        return path.absolute()


def run_lint(
    files: list[Path] | None = None,
    lang: str | None = None,
    output_format: str | None = None,
    output_file: Path | None = None,
    junit_warnings: str | None = None,
    select: str | None = None,
    ignore: str | None = None,
    fail_on: str | None = None,
    rules: list[Path] | None = None,
    config: Path | None = None,
    isolated: bool = False,
    trust_config: bool = False,
    force: bool = False,
    no_cache: bool = False,
    previous: Path | None = None,
    stdin_filename: str | None = None,
    skip_non_reports: bool = False,
    statistics: bool = False,
    quiet: bool = False,
    fix: bool = False,
    unsafe_fixes: bool = False,
    diff: bool = False,
    color: str = "auto",
    no_color: bool = False,
    agency: str | None = None,
    year: int | None = None,
    date: str | None = None,
    kind: str | None = None,
    max_bytes: int | None = None,
    list_rules: bool = False,
    explain: str | None = None,
    show_schema: bool = False,
    schema_path: bool = False,
) -> int:
    """Check reports against the statutory format; the exit status (Refused for a usage error)."""
    if fix or diff:
        from .fix_run import refusal

        early = {"--list-rules": list_rules, "--explain": explain, "--show-schema": show_schema}
        early["--schema-path"] = schema_path
        refused = refusal(lang or "zh", fix, diff, files or [], output_format, statistics, early)
        if refused:
            raise Refused(refused)
    if schema_path or show_schema:
        from .resources import schema_path as installed_schema

        path = installed_schema()
        echo(path.read_text(encoding="utf-8") if show_schema else str(path), nl=not show_schema)
        return EXIT_CLEAN

    from . import engine
    from .atomic import WriteRefused
    from .codecheck import check_codes
    from .config import (
        FAIL_ON,
        ConfigError,
        Overrides,
        bad_choice,
        options_for,
        parse_codes,
    )

    colors = ("--color", color, ("auto", "always", "never"))
    problem = bad_choice(lang, fail_on, output_format, junit_warnings, more=(colors,))
    if problem:
        raise Refused(problem)
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
        raise Refused(str(error)) from None

    try:
        if list_rules or explain:
            options = options_for(None, overrides)
            modules = engine.load_rule_modules(options.rule_dirs)
            check_codes(options, overrides, modules)
            if explain:
                _explain(explain.strip().upper(), modules, options.lang)
            else:
                _print_rules(engine.all_rules(modules), options.lang)
            return EXIT_CLEAN
        if not files:
            raise Refused("no report files given (try: disclosure-lint report.yaml)")
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
        raise Refused(str(error)) from None
    return code


def _run(
    arguments: list[Path],
    overrides: Overrides,
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
                raise Refused(f"cannot write {output_file}: {error.strerror or error}") from None
    finally:
        stream.flush()
    return fixer.exit_code(run) if fixer is not None else run.exit_code


def _reporter(
    fmt: str,
    stream: TextIO,
    base: Options,
    color: str,
    statistics: bool,
    quiet: bool,
    unsafe: bool = False,
) -> Reporter:
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
    overrides: Overrides,
    modules_by_dirs: dict[tuple[Path, ...], list],
    stdin_filename: str | None,
    output_file: Path | None,
    empty_folders: list[Path],
) -> Iterator[Job]:
    """A job per report named or found, with its options checked once (plugins may add codes)."""
    from . import atomic, config, engine
    from .batch import Job
    from .codecheck import check_codes
    from .inputs import STDIN, expand

    checked: set[tuple[object, ...]] = set()
    by_folder: dict[Path, Options] = {}  # a folder's reports share its config: looked up once per run

    def options_of(path: Path) -> Options:
        options = by_folder.get(path.parent)
        if options is None:
            options = by_folder[path.parent] = config.folder_options(path.parent, overrides)
        return options.for_file(path)

    def checked_options(options: Options) -> Options:
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
            echo(f"disclosure-lint: error: no reports ({patterns}) found in {argument}", err=True)


def _explain(code: str, modules: list, lang: str) -> None:
    from .explain import explain_code

    text = explain_code(code, modules, lang)
    if text is None:
        raise Refused(f"no rule {code!r}; see disclosure-lint --list-rules")
    echo(text, nl=False)


def _print_rules(rules: list, lang: str) -> None:
    from .explain import rules_table

    echo(rules_table(rules, lang))


def _document_facts(**given: object) -> tuple[tuple[str, object], ...]:
    from .facts import document_facts

    return document_facts(**given)


def _previous_report(path: Path, max_bytes: int) -> Report:
    from .lint import NotAReport, load_previous

    try:
        return load_previous(path, max_bytes)
    except NotAReport as error:
        raise Refused(f"--previous {path}: {error}") from None
