"""Options declared once: those `lint` and `audit` share, so both commands spell them alike, and
lint's `--fix`, `--unsafe-fixes` and `--diff` (fix_run.py), so cli.py stays its parsing.

Their help, like every command's, is in the catalogues (`cli_help`), under `*:<name>`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

Lang = Annotated[str | None, typer.Option("--lang", show_default=False)]
OutputFile = Annotated[Path | None, typer.Option("--output-file", "-o", show_default=False)]
Select = Annotated[str | None, typer.Option(show_default=False)]
Ignore = Annotated[str | None, typer.Option(show_default=False)]
FailOn = Annotated[str | None, typer.Option("--fail-on", show_default=False)]
ConfigFile = Annotated[Path | None, typer.Option(show_default=False)]
Isolated = Annotated[bool, typer.Option("--isolated")]
Force = Annotated[bool, typer.Option("--force")]
JunitWarnings = Annotated[str | None, typer.Option("--junit-warnings", show_default=False)]
Quiet = Annotated[bool, typer.Option("--quiet", "-q")]
Fix = Annotated[bool, typer.Option("--fix")]
UnsafeFixes = Annotated[bool, typer.Option("--unsafe-fixes")]
Diff = Annotated[bool, typer.Option("--diff")]
