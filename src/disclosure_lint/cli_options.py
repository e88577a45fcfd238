"""Options declared once: those `lint` and `audit` share, so both commands spell and explain them
alike, and lint's `--fix`, `--unsafe-fixes` and `--diff` (fix_run.py), so cli.py stays its parsing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Lang = Annotated[
    str | None, typer.Option("--lang", help="Message language: zh (default) or en.", show_default=False)
]
OutputFile = Annotated[
    Path | None,
    typer.Option(
        "--output-file", "-o", help="Write the report here instead of standard output.", show_default=False
    ),
]
Select = Annotated[
    str | None,
    typer.Option(
        help="Only these rule codes or prefixes, comma-separated (e.g. DL2,DL301).", show_default=False
    ),
]
Ignore = Annotated[
    str | None,
    typer.Option(help="Skip these rule codes or prefixes, comma-separated.", show_default=False),
]
FailOn = Annotated[
    str | None,
    typer.Option(
        "--fail-on",
        help="Exit 1 on findings of this severity or worse: error (default), warning or info.",
        show_default=False,
    ),
]
ConfigFile = Annotated[
    Path | None,
    typer.Option(help="Use this config file instead of searching for one.", show_default=False),
]
Isolated = Annotated[bool, typer.Option("--isolated", help="Ignore all config files.")]
Force = Annotated[bool, typer.Option("--force", help="Let -o overwrite an existing file.")]
JunitWarnings = Annotated[
    str | None,
    typer.Option(
        "--junit-warnings",
        help="In JUnit output, findings below --fail-on (warnings, notes) are: skipped (default), "
        "passed (their line in system-out) or failure.",
        show_default=False,
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print findings only, no summary.")]
Fix = Annotated[
    bool,
    typer.Option(
        "--fix",
        help='Fix what can be fixed without changing any value (full-width digits, "12", 1,234, 12件, '
        "a full-width colon after a key) and report what remains. Published documents are never rewritten.",
    ),
]
UnsafeFixes = Annotated[
    bool,
    typer.Option(
        "--unsafe-fixes",
        help="Also apply (with --fix) or offer fixes that change a value, such as the one wrong cell of table 三.",
    ),
]
Diff = Annotated[
    bool,
    typer.Option(
        "--diff",
        help="Print what --fix would change as a unified diff and change nothing (exit 1 if anything would change).",
    ),
]
