"""What every disclosure-lint command shares: exit statuses, the typer app, one-line errors."""

from __future__ import annotations

from typing import Any

import typer

from .exits import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS

__all__ = ["EXIT_CLEAN", "EXIT_ERROR", "EXIT_FINDINGS", "fail", "new_app"]


class _App(typer.Typer):
    """A typer app whose commands take their help from the catalogues (`cli_help`)."""

    def command(self, name: str | None = None, **settings: Any) -> Any:
        from .cli_help.command import HelpCommand

        return super().command(name, cls=HelpCommand, **settings)


def new_app(no_args_is_help: bool = True) -> typer.Typer:
    """The app of one command; `@app.command(name)` names its texts in the catalogues."""
    # rich_markup_mode=None: plain click help; importing rich for --help costs about 70 ms.
    return _App(
        add_completion=False,
        no_args_is_help=no_args_is_help,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


def fail(command: str, message: str) -> typer.Exit:
    """Print `disclosure-lint <command>: error: message` and return the exit to raise (status 2)."""
    from .command_run import refuse

    return typer.Exit(refuse(message, command))
