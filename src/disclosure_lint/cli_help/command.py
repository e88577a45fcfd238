"""`HelpCommand`: the typer command class every disclosure-lint command uses, with its help from
the catalogues (this package's `zh.py` and `en.py`)."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from typer import Abort, _click
from typer.core import TyperCommand

from . import language, texts, translate_error
from .layout import Formatter


class _Context(_click.Context):
    formatter_class = Formatter


class HelpCommand(TyperCommand):
    """A typer command whose help, usage line and usage errors come from the catalogues.

    Its `name` is the catalogue's key for it (`lint`, `init`, `import`, …).
    """

    context_class = _Context
    lang: str | None = None
    words: Mapping[str, str] = {}

    def localize(self, lang: str) -> None:
        """Put in the texts of `lang`: the description, the epilog and every parameter's help."""
        words = texts(lang)
        self.lang, self.words = lang, words
        name = self.name or ""
        self.help = words.get(name, self.help)
        self.epilog = words.get(f"{name}:epilog", self.epilog)
        self.options_metavar = words["click:options-metavar"]
        for param in self.params:
            declared = vars(param).setdefault("_declared", (getattr(param, "help", None), param.metavar))
            param.help = words.get(f"{name}:{param.name}") or words.get(f"*:{param.name}") or declared[0]
            if param.param_type_name == "argument":
                param.metavar = words.get(f"{name}:{param.name}:metavar", declared[1])

    def _ensure_localized(self) -> None:
        if self.lang is None:
            self.localize(language(sys.argv[1:], os.environ))

    def make_context(
        self, info_name: str | None, args: list[str], parent: _click.Context | None = None, **extra: Any
    ) -> _click.Context:
        self.localize(language(args, os.environ))
        return super().make_context(info_name, args, parent, **extra)

    def get_help_option(self, ctx: _click.Context) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            self._ensure_localized()
            option.help = self.words["click:help"]
        return option

    def get_help(self, ctx: _click.Context) -> str:
        """The help, as click makes it, kept for the next `--help` like this one (quick.py)."""
        from .. import quick

        formatter = ctx.make_formatter()
        self.format_help(ctx, formatter)
        text = formatter.getvalue().rstrip("\n")
        quick.record_help(self.name or "", self.lang or "zh", formatter.width, text + "\n")
        return text

    def format_usage(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        self._ensure_localized()
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=self.words["click:usage"])

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        self._ensure_localized()
        sections: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and param.param_type_name in sections:
                sections[param.param_type_name].append((record[0], self._notes(param.help, record[1])))
        for kind, title in (("argument", "click:arguments"), ("option", "click:options")):
            if sections[kind]:
                with formatter.section(self.words[title]):
                    formatter.write_dl(sections[kind])

    def _notes(self, own: str | None, shown: str) -> str:
        """typer's bracketed notes after a help text ("[default: auto; required]") in the run's language."""
        own = own or ""
        notes = shown[len(own) :].strip()
        if not shown.startswith(own) or not (notes.startswith("[") and notes.endswith("]")):
            return shown
        parts = []
        for note in notes[1:-1].split("; "):
            if note.startswith("default: "):
                note = self.words["click:default"].format(default=note[len("default: ") :])
            elif note == "required":
                note = self.words["click:required"]
            parts.append(note)
        return f"{own}  [{'; '.join(parts)}]" if own else f"[{'; '.join(parts)}]"

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _click.ClickException as error:
            self._show(error)
            sys.exit(error.exit_code)
        except Abort:
            self._ensure_localized()
            _click.echo(self.words["click:aborted"], err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def _show(self, error: _click.ClickException) -> None:
        """What click's `show` writes, in the run's language."""
        self._ensure_localized()
        if isinstance(error, _click.exceptions.NoArgsIsHelpError):
            error.show()  # the help itself, already in the run's language
            return
        ctx = getattr(error, "ctx", None)
        color = None
        if ctx is not None:
            color = ctx.color
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = self.words["click:try"].format(
                    command=ctx.command_path, option=ctx.help_option_names[0]
                )
                hint += "\n"
            _click.echo(f"{ctx.get_usage()}\n{hint}", err=True, color=color)
        message = translate_error(error.format_message(), self.lang or "zh")
        _click.echo(self.words["click:error"].format(message=message), err=True, color=color)
