"""Standard output and error that fail with an exit status, never a traceback.

`disclosure-lint r.yaml >&-` (stdout closed), `> /dev/full` (the disk is full), a reader that
goes away (`| head -1`) and a terminal that cannot show Chinese (`PYTHONIOENCODING=ascii`) are
ordinary ways for output to fail. Each ends in exit status 2 with one line on standard error (none
for a reader that left: it has what it wanted, as `cat | head` says nothing either), or, for an
encoding that cannot show a character, in a `\\uXXXX` escape and one warning at the end.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import sys

TYPE_CHECKING = False  # typing is not imported at run time: a replayed --help imports this module
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, NoReturn

EXIT_ERROR = 2
_HANDLER = "disclosure-lint-escape"
_replaced: list[str] = []


class OutputFailed(Exception):
    """Writing to standard output failed; not an OSError, so that click does not swallow it."""

    def __init__(self, problem: str, reader_left: bool = False) -> None:
        super().__init__(problem)
        self.problem = problem
        self.reader_left = reader_left  # `| head`: the reader has what it wanted; nothing to report


class _Guarded:
    """A text stream whose write and flush failures become OutputFailed."""

    def __init__(self, stream: Any, name: str) -> None:
        self._stream = stream
        self._name = name

    def write(self, text: str) -> int:
        if self._stream is None:
            raise OutputFailed(f"{self._name} is closed")
        try:
            return self._stream.write(text)
        except OSError as error:
            raise _failed(self._name, error) from None

    def flush(self) -> None:
        if self._stream is None:
            return
        try:
            self._stream.flush()
        except OSError as error:
            raise _failed(self._name, error) from None

    def isatty(self) -> bool:
        return self._stream is not None and self._stream.isatty()

    def __getattr__(self, name: str) -> Any:
        if self._stream is None:
            raise AttributeError(name)
        return getattr(self._stream, name)


def _failed(name: str, error: OSError) -> OutputFailed:
    if error.errno == errno.EPIPE:
        return OutputFailed(f"cannot write to {name}: the reader closed the pipe", reader_left=True)
    return OutputFailed(f"cannot write to {name}: {error.strerror or error}")


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    _replaced.append(getattr(error, "encoding", "") or "")
    return codecs.backslashreplace_errors(error)


def _open_missing_descriptors() -> None:
    """Give a closed descriptor 0, 1 or 2 /dev/null, so a file opened later never takes its number."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                opened = os.open(os.devnull, os.O_RDWR)
                if opened != descriptor:
                    os.dup2(opened, descriptor)
                    os.close(opened)


# Encodings that carry every character; any other (ASCII, Latin-1, GBK of a Chinese Windows
# console, Big5 …) lacks some that a report or a file name may hold, even if it has Chinese.
_ALL_OF_UNICODE = frozenset(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030"))


def _can_encode(stream: Any) -> bool:
    try:
        return codecs.lookup(stream.encoding or "utf-8").name in _ALL_OF_UNICODE
    except LookupError:
        return False


def prepare() -> None:
    closed_stdout = sys.stdout is None
    _open_missing_descriptors()
    codecs.register_error(_HANDLER, _escape_unencodable)
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure") and not _can_encode(stream):
            with contextlib.suppress(Exception):
                stream.reconfigure(errors=_HANDLER)
    sys.stdout = _Guarded(None if closed_stdout else sys.stdout, "standard output")  # type: ignore[assignment]


def _silence_stdout() -> None:
    """After a failed write, point the descriptor at /dev/null so the final flush cannot fail again."""
    with contextlib.suppress(Exception):
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(descriptor)


def _say(line: str) -> None:
    with contextlib.suppress(Exception):
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def run(entry: Callable[[], Any], finish: Callable[[], None] | None = None) -> NoReturn:
    """Run the command, then `finish`, and exit with its status; output failures are one line and
    status 2."""
    prepare()
    code: Any = 0
    try:
        try:
            entry()
        except SystemExit as exit_:
            code = exit_.code
        except KeyboardInterrupt:
            code = 130
        finally:
            if finish is not None:
                finish()
        sys.stdout.flush()
    except OutputFailed as failure:
        _silence_stdout()
        if not failure.reader_left:
            _say(f"disclosure-lint: error: {failure.problem}")
        code = EXIT_ERROR
    if _replaced:
        encoding = _replaced[0] or "the output's encoding"
        _say(
            f"disclosure-lint: warning: characters that {encoding} cannot show were written as "
            "\\uXXXX escapes (set PYTHONIOENCODING=utf-8 to see them)"
        )
    sys.exit(code)
