"""`disclosure-lint serve`: open the clerk's desk, a page on this machine for checking reports by dropping them."""

# No `from __future__ import annotations`: typer reads the command's signature three times, and
# annotations evaluated once at import are not evaluated again (see cli.py).

from typing import Annotated

import typer

from ..commands import EXIT_CLEAN, fail, new_app

# No arguments is the usual way to start it, so no help screen for a bare `serve`.
app = new_app(no_args_is_help=False)


def _fail(message: str) -> typer.Exit:
    return fail("serve", message)


@app.command("serve")
def serve(
    port: Annotated[int, typer.Option("--port", min=0, max=65535)] = 0,
    no_browser: Annotated[bool, typer.Option("--no-browser")] = False,
    lang: Annotated[str | None, typer.Option("--lang", show_default=False)] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", min=1, show_default=False)] = None,
) -> None:
    """Serve the clerk's desk on 127.0.0.1 (its help: `cli_help`, key `serve`)."""
    from .. import engine
    from ..config import LANGS, ConfigError, Overrides, options_for
    from .server import DeskServer

    if lang is not None and lang not in LANGS:
        raise _fail(f"--lang must be one of {', '.join(LANGS)}, not {lang!r}")
    try:
        options = options_for(None, Overrides(lang=lang, max_bytes=max_bytes))
        modules = engine.load_rule_modules(options.rule_dirs)
    except (ConfigError, engine.PluginError) as error:
        raise _fail(str(error)) from None
    try:
        server = DeskServer(port, options, modules)
    except OSError as error:
        raise _fail(f"cannot listen on 127.0.0.1:{port}: {error.strerror or error}") from None
    typer.echo(f"disclosure-lint serve: {server.url}  (Ctrl-C to stop)", err=False)
    if not no_browser:
        import webbrowser

        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        typer.echo("disclosure-lint serve: stopped")
    finally:
        server.server_close()
    raise typer.Exit(EXIT_CLEAN)
