"""Regular expressions compiled once per Python installation, not once per run.

The rules read Chinese prose with about 150 regular expressions, and Python compiles a pattern
in Python code: a character class of Chinese characters takes about half a millisecond, and all
of them together took a fifth of a one-report lint. Compiling is a pure function of the pattern,
its flags and the Python version, so, as Python keeps compiled modules in `__pycache__`, the
command keeps what the regex compiler produced (the arguments it passes to `_sre.compile`) in
`$XDG_CACHE_HOME/disclosure-lint/regex-<python>.marshal` and, next time, builds the pattern from
them in microseconds. Only the command installs it (`install`, then `save`); importing the
package changes nothing.

The file keeps every pattern any command compiled (import and render read HTML and Word with
patterns of their own), so each entry is stored as its own marshalled bytes and decoded only
when a run asks for that pattern: reading the file stays a copy, whatever else it holds.

Whatever goes wrong (no such file, another Python's, damaged, a compiler this module does not
know) means compiling as usual: the cache can make a run faster, never different. The file has
the trust of `__pycache__`: it is the user's own, written by this module, read with `marshal`
as bytecode is, and each entry checked for its shape before use (`_sre.compile` checks the code).
"""

from __future__ import annotations

import marshal
import sys
from pathlib import Path
from typing import Any

FILE_VERSION = "v2"  # entries as marshalled bytes; v1 files (entries as tuples) are left alone
MAX_ENTRIES = 4096  # patterns built from input could otherwise grow the file without end

_known: dict[tuple[str, int], bytes] = {}  # each entry's arguments, marshalled on their own
_new: dict[tuple[str, int], bytes] = {}
_installed: dict[str, Any] = {}


def cache_file(folder: Path) -> Path | None:
    """This Python's file in `folder`; None where the regex compiler is not the one we know."""
    try:
        import _sre
    except ImportError:
        return None
    tag = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
    return folder / f"regex-{FILE_VERSION}-{tag}.marshal"


def install(folder: Path) -> None:
    """Compile regular expressions from the cache in `folder` from now on (this process only)."""
    if _installed:
        return
    try:
        import _sre
        from re import _compiler
    except ImportError:
        return
    file = cache_file(folder)
    if file is None or not callable(getattr(_compiler, "compile", None)):
        return
    original = _compiler.compile
    _installed.update(file=file, original=original, module=_compiler, loaded=False)

    def compile_cached(pattern: Any, flags: Any = 0) -> Any:
        if type(pattern) is not str or flags & _compiler.SRE_FLAG_DEBUG:
            return original(pattern, flags)
        if not _installed["loaded"]:  # read at the first compile: --help and --version never do
            _installed["loaded"] = True
            _known.update(_read(file))
        key = (pattern, int(flags))
        entry = _known.get(key)
        if entry is not None:
            try:
                return _sre.compile(*_arguments(entry))
            except Exception:  # an entry damaged or the compiler does not accept: forget it
                del _known[key]
        return _capture(original, _sre, pattern, flags, key)

    _compiler.compile = compile_cached


def _capture(original: Any, sre: Any, pattern: str, flags: Any, key: tuple[str, int]) -> Any:
    """Compile as usual, keeping the arguments the compiler hands to `_sre.compile`."""
    seen: list[tuple[Any, ...]] = []
    real = sre.compile

    def spy(*args: Any) -> Any:
        seen.append(args)
        return real(*args)

    sre.compile = spy
    try:
        compiled = original(pattern, flags)
    finally:
        sre.compile = real
    if len(seen) == 1 and len(_known) + len(_new) < MAX_ENTRIES:
        plain = _plain(seen[0])
        if plain is not None:
            _new[key] = marshal.dumps(plain)
    return compiled


def _arguments(entry: bytes) -> tuple[Any, ...]:
    """An entry's arguments for `_sre.compile`, checked for their shape only: the code lists are
    long, and _sre.compile checks them itself (ValueError or TypeError for anything else)."""
    args = marshal.loads(entry)
    if type(args) is not tuple or not all(type(arg) in _ARGUMENT_TYPES for arg in args):
        raise ValueError("not a cache entry")
    return args


def _plain(args: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The arguments as the builtins marshal writes (the compiler's opcodes are int subclasses)."""
    out: list[Any] = []
    for arg in args:
        if arg is None or type(arg) is str:
            out.append(arg)
        elif isinstance(arg, int):
            out.append(int(arg))
        elif isinstance(arg, list) and all(isinstance(x, int) for x in arg):
            out.append([int(x) for x in arg])
        elif isinstance(arg, dict) and all(type(k) is str and isinstance(v, int) for k, v in arg.items()):
            out.append({k: int(v) for k, v in arg.items()})
        elif isinstance(arg, tuple) and all(x is None or type(x) is str for x in arg):
            out.append(tuple(arg))
        else:
            return None
    return tuple(out)


def _read(file: Path) -> dict[tuple[str, int], bytes]:
    try:
        with open(file, "rb") as stream:
            data = marshal.loads(stream.read())
    except Exception:  # missing, unreadable or damaged: compile as usual
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        key: entry
        for key, entry in data.items()
        if type(key) is tuple
        and len(key) == 2
        and type(key[0]) is str
        and type(key[1]) is int
        and type(entry) is bytes
    }


_ARGUMENT_TYPES = frozenset({type(None), str, int, list, dict, tuple})


def save() -> None:
    """Write the patterns compiled in this run beside the known ones, if there are any."""
    file = _installed.get("file")
    if not _new or file is None:
        return
    from .atomic import write

    entries = {**_read(file), **_known, **_new}
    _new.clear()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        write(file, marshal.dumps(entries), sync=False)  # rebuilt if lost: no fsync
    except (OSError, ValueError):  # a read-only cache folder, say: the next run compiles again
        pass


def uninstall() -> None:
    """Compile as Python does again (for the tests)."""
    if _installed:
        _installed["module"].compile = _installed["original"]
    _installed.clear()
    _known.clear()
    _new.clear()
