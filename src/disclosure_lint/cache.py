"""A content-hash cache of lint results, so that an unchanged folder re-lints in moments.

An entry is keyed by the SHA-256 of everything the result depends on: the tool's version, the
rule set (every rule's code and severity, and each rule module file's size and modification
time), the file's options (config included), its name and its bytes. Change any of them and
the key changes; old entries are simply never read again. The folder is the user's cache
(`$XDG_CACHE_HOME/disclosure-lint`, else `~/.cache/disclosure-lint`); `--no-cache` skips it.

Entries are JSON written atomically; an entry that cannot be read or does not have the expected
shape is a miss (the report is linted again), never an error. Nothing in an entry is executed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import __version__
from .findings import Pos, Severity
from .resources import cache_dir

# Of an entry; part of every key (2: a finding carries its `covers`; 3: its span, and excerpts;
# 4: not_a_report; 5: a finding's fix).
FORMAT = 5


def default_folder() -> Path:
    return cache_dir()


class ResultCache:
    """Results by content key; `salt` is what every key of this run shares (version, rule set)."""

    def __init__(self, folder: Path, salt: str) -> None:
        self.folder = folder
        self.salt = salt
        self._made = False
        self._where = os.fspath(folder)
        self._options: dict[int, tuple[Any, bytes]] = {}  # repr of each options object met, by id

    @classmethod
    def for_rules(cls, modules: Sequence[Any], folder: Path | None = None) -> ResultCache:
        """A cache whose keys depend on this rule set (built-in and plugin modules alike)."""
        parts: list[str] = [f"disclosure-lint {__version__} cache {FORMAT}"]
        sources = set(Path(__file__).parent.rglob("*.py"))  # the tool itself
        for module in modules:
            parts.append(module.name)
            parts.extend(f"{rule.code}:{int(rule.severity)}:{rule.name}" for rule in module.rules)
            code = getattr(module.check, "__code__", None)
            if code is not None:  # a rule module and its neighbours (the helpers it imports)
                sources.update(Path(code.co_filename).parent.glob("*.py"))
        for source in sorted(sources):  # edited code is a new key
            try:
                info = source.stat()
                parts.append(f"{source}:{info.st_size}:{info.st_mtime_ns}")
            except OSError:
                parts.append(f"{source}:?")
        return cls(folder or default_folder(), "\n".join(parts))

    def key(self, name: str, options: Any, raw: bytes) -> str:
        digest = hashlib.sha256()
        digest.update(self.salt.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(self._described(options) + b"\0")
        digest.update(name.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def _described(self, options: Any) -> bytes:
        """repr(options), encoded: once per options object (a folder's reports share one)."""
        known = self._options.get(id(options))
        if known is None or known[0] is not options:
            if len(self._options) >= 64:  # per-file ignores make one per report: keep a few
                self._options.clear()
            known = self._options[id(options)] = (options, repr(options).encode("utf-8", "surrogatepass"))
        return known[1]

    def key_for_file(self, path: Path, options: Any) -> str | None:
        """The key of a regular file no larger than its limit; None (no caching) for anything else."""
        raw = _read_regular(os.fspath(path), options.max_bytes + 1)
        if raw is None or len(raw) > options.max_bytes:
            return None
        return self.key(str(path), options, raw)

    def _entry(self, key: str) -> str:
        return os.path.join(self._where, key[:2], f"{key[2:]}.json")

    def has(self, key: str) -> bool:
        return os.path.isfile(self._entry(key))

    def read(self, key: str) -> str | None:
        """The entry stored under `key` as written, or None when there is none (a hit is read
        once: no separate look to see whether it is there)."""
        raw = _read_regular(self._entry(key))
        try:
            return None if raw is None else raw.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def load(self, key: str) -> Any:
        """The plain result stored under `key`, or None when there is none or it is damaged."""
        text = self.read(key)
        return None if text is None else self.parse(text)

    @staticmethod
    def parse(text: str) -> Any:
        """The plain result of an entry's text (`read`), or None when it is damaged."""
        try:
            rest, findings = _decode(json.loads(text)["result"])
            if not isinstance(rest, dict) or not isinstance(findings, list):
                return None
            return rest, [tuple(item) for item in findings]
        except (ValueError, KeyError, TypeError, RecursionError):
            return None

    def store(self, key: str, plain: Any) -> None:
        """Keep a plain result (plain.as_plain's shape); a cache that cannot be written is skipped."""
        from .atomic import write

        try:
            text = json.dumps({"result": _encode(plain)}, ensure_ascii=False, allow_nan=False)
            entry = self._entry(key)
            os.makedirs(os.path.dirname(entry), exist_ok=True)
            write(Path(entry), text, sync=False)
        except (OSError, ValueError, TypeError, RecursionError):
            pass


def _read_regular(path: str, limit: int = -1) -> bytes | None:
    """A regular file's bytes (at most `limit`), or None for anything else: opened without
    waiting, so a pipe or a device named here is looked at, never read from."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except (OSError, ValueError):
        return None
    try:
        with os.fdopen(descriptor, "rb") as stream:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return None
            return stream.read(limit)
    except OSError:
        return None


def _encode(value: Any) -> Any:
    """Builtins JSON keeps apart: tuples, Decimals, severities and positions get a tag."""
    kind = type(value)
    if kind is tuple:
        return {"t": [_encode(item) for item in value]}
    if kind is list:
        return [_encode(item) for item in value]
    if kind is dict:
        return {"d": {key: _encode(item) for key, item in value.items()}}
    if kind is Decimal:
        return {"D": str(value)}
    if kind is Severity:
        return {"S": int(value)}
    if kind is Pos:
        return {"P": [value.line, value.col]}
    if kind in (str, int, float, bool, type(None)):
        return value
    raise TypeError(f"not plain data: {kind.__name__}")


def _decode(value: Any) -> Any:
    if type(value) is list:
        return [_decode(item) for item in value]
    if type(value) is not dict:
        return value
    ((tag, inner),) = value.items()  # ValueError for any other shape: a damaged entry
    if tag == "t":
        return tuple(_decode(item) for item in inner)
    if tag == "d":
        return {key: _decode(item) for key, item in inner.items()}
    if tag == "D":
        return Decimal(inner)
    if tag == "S":
        return Severity(inner)
    if tag == "P":
        return Pos(*inner)
    raise ValueError(f"unknown tag {tag!r}")
