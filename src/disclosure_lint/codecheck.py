"""Rule codes named in `--select`, `--ignore`, `per-file-ignores` and the config must exist.

A misspelt code (`DL3011`, `DL99`) would otherwise select nothing or ignore nothing, and a CI
gate would pass in silence. Checked once the rule modules are loaded, since plugins add codes;
a prefix such as `DL2` is fine when at least one code starts with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import engine
from .config import ConfigError, Options, Overrides


def check_codes(options: Options, overrides: Overrides, modules: Sequence[engine.RuleModule]) -> None:
    """Raise ConfigError naming the first code that matches no rule, with the nearest real one."""
    known = sorted({rule.code for rule in engine.all_rules(modules)})
    lines = dict(options.lines)
    for option, from_command_line in (("--select", overrides.select), ("--ignore", overrides.ignore)):
        if from_command_line is not None:
            _check(from_command_line, known, option)
    if options.source is not None:
        for name, codes in (  # per-file ignores first: for_file has added the matching ones to ignore
            ("per-file-ignores", (c for _, group in options.per_file_ignores for c in group)),
            ("select", () if overrides.select is not None else options.select),
            ("ignore", () if overrides.ignore is not None else options.ignore),
        ):
            _check(codes, known, f"{options.source}:{lines.get(name, 1)}: {name}")


def _check(codes: Iterable[str], known: list[str], where: str) -> None:
    for code in codes:
        if not any(k.startswith(code.upper()) for k in known):
            raise ConfigError(f"{where}: unknown rule code {code!r}{_did_you_mean(code, known)}")


def _did_you_mean(code: str, known: list[str]) -> str:
    import difflib  # only to suggest a code for one that matches none

    close = difflib.get_close_matches(code.upper(), known, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}? " if close else ""
    return f" ({hint}see disclosure-lint --list-rules)"
