"""`disclosure-lint audit FOLDER…`: every report of a region, across years and bodies.

`disclosure-lint audit --compare A B`: two copies of one report, every difference.
"""

# No `from __future__ import annotations`: typer reads the command's signature three times, and
# annotations evaluated once at import are not evaluated again (see cli.py).

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from ..cli_options import (
    ConfigFile,
    FailOn,
    Force,
    Ignore,
    Isolated,
    JunitWarnings,
    Lang,
    OutputFile,
    Quiet,
    Select,
)
from ..commands import fail, new_app

if TYPE_CHECKING:
    from ..config import Overrides
    from .settings import Settings

app = new_app()


def _fail(message: str) -> typer.Exit:
    return fail("audit", message)


@app.command("audit")
def audit(
    paths: Annotated[list[Path], typer.Argument(show_default=False)],
    map_file: Annotated[Path | None, typer.Option("--map", show_default=False)] = None,
    compare: Annotated[bool, typer.Option("--compare")] = False,
    baseline: Annotated[Path | None, typer.Option("--baseline", show_default=False)] = None,
    write_baseline: Annotated[bool, typer.Option("--write-baseline")] = False,
    copy_share: Annotated[
        int | None, typer.Option("--copy-share", min=1, max=100, show_default=False)
    ] = None,
    lang: Lang = None,
    output_format: Annotated[str | None, typer.Option("--format", show_default=False)] = None,
    output_file: OutputFile = None,
    junit_warnings: JunitWarnings = None,
    force: Force = False,
    select: Select = None,
    ignore: Ignore = None,
    fail_on: FailOn = None,
    config: ConfigFile = None,
    isolated: Isolated = False,
    quiet: Quiet = False,
) -> None:
    """Audit a region's reports (its help: `cli_help`, key `audit`)."""
    from ..atomic import WriteRefused
    from ..config import (
        FAIL_ON,
        FORMATS,
        ConfigError,
        Overrides,
        bad_choice,
        parse_codes,
    )
    from ..engine import PluginError
    from . import settings as st
    from .baseline import BaselineError

    formats = tuple(f for f in FORMATS if f != "auto")
    problem = bad_choice(lang, fail_on, output_format, junit_warnings, formats)
    if problem:
        raise _fail(problem)
    if write_baseline and baseline is None:
        raise _fail("--write-baseline needs --baseline FILE (where to write it)")
    if compare and len(paths) != 2:
        raise _fail(f"--compare takes exactly two reports, not {len(paths)}")
    try:
        overrides = Overrides(
            lang=lang,
            select=parse_codes(select) if select is not None else None,
            ignore=parse_codes(ignore) if ignore is not None else None,
            fail_on=FAIL_ON[fail_on] if fail_on else None,
            output_format=output_format,
            junit_warnings=junit_warnings,
            config=config,
            isolated=isolated,
        )
        folders = [p for p in paths if p.is_dir()]
        map_path = map_file or st.find(folders)
        settings = st.read(map_path) if map_path is not None else st.Settings()
        if copy_share is not None:
            from dataclasses import replace

            settings = replace(settings, copy_share=copy_share)
        if output_file is not None:
            from ..atomic import check_target

            check_target(output_file, [*paths, *(p for p in (map_path, baseline) if p)], force)
        code = _run(paths, compare, settings, overrides, baseline, write_baseline, output_file, quiet)
    except (ValueError, ConfigError, PluginError, WriteRefused, st.SettingsError, BaselineError) as error:
        raise _fail(str(error)) from None
    raise typer.Exit(code)


def _run(
    paths: list[Path],
    compare: bool,
    settings: "Settings",
    overrides: "Overrides",
    baseline_file: Path | None,
    write_baseline: bool,
    output_file: Path | None,
    quiet: bool,
) -> int:
    from .. import atomic, engine, output
    from ..codecheck import check_codes
    from ..config import options_for
    from ..reporters import REPORTERS, settings_for
    from ..result import RunResult, exit_code
    from . import baseline, summary
    from .load import discover
    from .run import audit

    for path in paths:
        if not path.exists():
            raise ValueError(f"{path}: no such file or folder")
    base = options_for(None, overrides)
    check_codes(base, overrides, engine.load_rule_modules(base.rule_dirs))  # a misspelt code selects nothing
    skip = [p for p in (settings.source, baseline_file) if p is not None]
    files = paths if compare else discover(paths, skip)
    if not files:
        raise ValueError(f"no reports found in {', '.join(map(str, paths))}")
    if compare:
        from .pair import compare_two

        run = compare_two(files[0], files[1], overrides)
    else:
        run = audit(files, settings, overrides)
    options = options_for(None, overrides)
    lang, fmt = options.lang, options.output_format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    fingerprints = summary.fingerprints(run)
    if write_baseline and baseline_file is not None:
        atomic.check_target(baseline_file, files, force=True)
        atomic.write(baseline_file, baseline.render(fingerprints))
        typer.echo(f"disclosure-lint audit: wrote {len(fingerprints)} findings to {baseline_file}", err=True)
        return exit_code(unreadable=any(r.unreadable or r.crashed for r in run.results))
    hidden = 0
    if baseline_file is not None:
        known = baseline.read(baseline_file)
        hidden = summary.drop_known(run, known)
    stream: TextIO = io.StringIO() if output_file else sys.stdout
    counted = RunResult(keep=True)
    for result in run.results:
        counted.add(result, options.fail_on)
    if fmt in ("text", "concise"):
        from ..caret import Painter

        color = output.use_color(stream) and not output_file
        painter = Painter(getattr(stream, "encoding", None), color) if fmt == "text" else None
        spaced = False  # the last finding's drawn line ends with a blank line already
        for result in run.results:
            for line in output.finding_lines(result, lang, color, painter):
                stream.write(line + "\n")
                spaced = not line
        if not quiet:
            stream.write(("" if spaced else "\n") + summary.table(run, lang) + "\n\n")
            if hidden:
                stream.write(summary.hidden_note(hidden, baseline_file, lang) + "\n")
            stream.write(output.summary(counted, lang) + "\n")
    else:
        from ..engine import all_rules

        REPORTERS[fmt](fmt, stream, lang, **settings_for(fmt, options)).finish(
            counted, all_rules(run.modules)
        )
    if output_file is not None and isinstance(stream, io.StringIO):
        atomic.write(output_file, stream.getvalue())
    stream.flush()
    return counted.exit_code
