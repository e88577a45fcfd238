"""Every command's help in Chinese by default, in English under `--lang en` or an English locale.

The texts live in one catalogue per language (`zh.py`, `en.py`), keyed by command and parameter,
click's own words (Usage, Options, …) included; the declarations in the command modules carry
none. `HelpCommand` (command.py) puts the run's language in when click builds the context, before it parses
(so `--help --lang en` and `--lang en --help` both work), and shows usage errors in it too.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence

LANGS = ("zh", "en")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first one set decides


def language(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """`--lang` on the command line (the last one, before `--`), else the locale, else Chinese."""
    chosen = None
    for at, arg in enumerate(args):
        if arg == "--":
            break
        value = args[at + 1] if arg == "--lang" and at + 1 < len(args) else arg.partition("--lang=")[2]
        if value in LANGS:
            chosen = value
    if chosen is not None:
        return chosen
    for name in _LOCALE_VARIABLES:
        if environ.get(name):
            return "en" if environ[name].lower().startswith("en") else "zh"
    return "zh"


def texts(lang: str) -> dict[str, str]:
    """The catalogue of one language."""
    return importlib.import_module(f"{__name__}.{lang}").TEXTS


def translate_error(message: str, lang: str) -> str:
    """click's English description of a usage error, in `lang` where the catalogue knows it."""
    import re

    for pattern, replacement in importlib.import_module(f"{__name__}.{lang}").ERRORS:
        translated, count = re.subn(f"^{pattern}$", replacement, message, flags=re.DOTALL)
        if count:
            return translated
    return message
