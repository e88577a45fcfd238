"""Writing a file so that no failure loses data: every command that writes goes through here.

* The target must not be one of the command's inputs (`disclosure-lint r.yaml -o r.yaml` would
  otherwise empty the report it is about to read), whatever `--force` says.
* An existing file is replaced only with `--force`; a device or pipe (`-o /dev/null`) is written
  through, never replaced.
* The content goes to a temporary file in the target's folder, is flushed to disk, and is then
  renamed over the target (`os.replace`, atomic on one file system): a full disk, a crash or
  Ctrl-C leaves the old file as it was, never a truncated one.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path


class WriteRefused(Exception):
    """The target may not be written; str() is one line that says why and what to do."""


def _same(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _real(path: Path) -> Path:
    """Where a write to `path` lands: through a symbolic link to its target."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, RuntimeError):
        return path.absolute()


def check_target(target: Path, inputs: Iterable[Path] = (), force: bool = False) -> None:
    """Raise WriteRefused when writing `target` could lose data."""
    for source in inputs:
        if str(source) == "-":
            continue
        if _same(target, source) or _real(target) == _real(source):
            raise WriteRefused(f"{target} is also an input; write the output to another file")
    if _special(target):
        return  # a device or pipe (-o /dev/null, -o /dev/stdout): written through, nothing replaced
    if os.path.lexists(target) and not force:
        if os.path.isdir(target):
            raise WriteRefused(f"{target} is a folder; name a file to write")
        raise WriteRefused(f"{target} exists (use --force to overwrite)")


def write(target: Path, data: bytes | str, sync: bool = True) -> None:
    """Write `data` to `target` atomically; OSError (say, a full disk) leaves `target` unchanged.

    `sync=False` skips the fsync, for data that can be rebuilt (a cache entry): still never torn.
    """
    real = _real(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if _special(real):  # renaming over /dev/null would replace the device with a file
        with open(real, "wb") as stream:
            stream.write(payload)
        return
    mode = _mode_for(real)
    import tempfile  # imported when something is written, not by every command that could write

    descriptor, temporary = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
            stream.flush()
            if sync:
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _special(path: Path) -> bool:
    """An existing target that is neither a regular file nor a folder: a device, a pipe, a socket."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what a newly created file gets under the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
