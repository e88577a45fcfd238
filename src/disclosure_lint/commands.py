"""What every disclosure-lint command shares: exit statuses, the typer app, one-line errors."""

from __future__ import annotations

import typer

from .result import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "fail", "new_app"]


def new_app() -> typer.Typer:
    # rich_markup_mode=None: plain click help; importing rich for --help costs about 70 ms.
    return typer.Typer(
        add_completion=False,
        no_args_is_help=True,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def fail(command: str, message: str) -> typer.Exit:
    """Print `disclosure-lint <command>: error: message` and return the exit to raise (status 2)."""
    from .escape import visible

    prefix = f"disclosure-lint {command}".rstrip()
    typer.echo(f"{prefix}: error: {visible(message)}", err=True)
    return typer.Exit(EXIT_ERROR)
