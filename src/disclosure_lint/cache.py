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
        for part in (self.salt, repr(options), name):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def key_for_file(self, path: Path, options: Any) -> str | None:
        """The key of a regular file no larger than its limit; None (no caching) for anything else."""
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # a pipe or device is never opened here
                return None
            with open(path, "rb") as stream:
                raw = stream.read(options.max_bytes + 1)
        except (OSError, ValueError):
            return None
        if len(raw) > options.max_bytes:
            return None
        return self.key(str(path), options, raw)

    def _entry(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key[2:]}.json"

    def has(self, key: str) -> bool:
        return self._entry(key).is_file()

    def load(self, key: str) -> Any:
        """The plain result stored under `key`, or None when there is none or it is damaged."""
        try:
            text = self._entry(key).read_text(encoding="utf-8")
            rest, findings = _decode(json.loads(text)["result"])
            if not isinstance(rest, dict) or not isinstance(findings, list):
                return None
            return rest, [tuple(item) for item in findings]
        except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
            return None

    def store(self, key: str, plain: Any) -> None:
        """Keep a plain result (batch._plain's shape); a cache that cannot be written is skipped."""
        from .atomic import write

        try:
            text = json.dumps({"result": _encode(plain)}, ensure_ascii=False, allow_nan=False)
            entry = self._entry(key)
            entry.parent.mkdir(parents=True, exist_ok=True)
            write(entry, text, sync=False)
        except (OSError, ValueError, TypeError, RecursionError):
            pass


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
