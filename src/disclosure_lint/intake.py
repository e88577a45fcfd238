"""The one entrance for every input: which reader a file's suffix names, how many bytes may be
read, and the reading itself (a file, or standard input already read), with one set of texts
for what stops it (DL001 unreadable, DL007 too large).

lint, import, render, --previous, the desk server and audit all consult `READERS` and `read`;
published documents then go to the importer (`disclosure_lint.importer`), YAML to the loader.
"""

from __future__ import annotations

import errno
import stat
from pathlib import Path as FsPath

from . import messages as m
from .findings import START, Finding

MAX_BYTES = 5 * 1024 * 1024  # a report is 20–60 kB; --max-bytes and the max-bytes setting change it
PDF_BYTES_FACTOR = 10  # embedded fonts and images make a PDF large; its pages bound the work

# Suffix → reader. "yaml" is loaded directly; every other reader is a published document,
# imported into the YAML `disclosure-lint import` would write and checked as that.
READERS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".md": "markdown",
    ".markdown": "markdown",
}
DOCUMENT_SUFFIXES = frozenset(suffix for suffix, reader in READERS.items() if reader != "yaml")


def reader_for(path: FsPath) -> str:
    """The reader of a file by its suffix; a name we do not know is read as YAML (it may be one)."""
    return READERS.get(path.suffix.lower(), "yaml")


def limit_for(reader: str, max_bytes: int) -> int:
    """The byte limit for a reader: PDFs may be PDF_BYTES_FACTOR times larger."""
    return max_bytes * PDF_BYTES_FACTOR if reader == "pdf" else max_bytes


def read(path: FsPath, max_bytes: int = MAX_BYTES) -> bytes | Finding:
    """The file's bytes, or the finding that says why they cannot be read (never an exception).

    Folders, pipes and devices are refused before opening (a pipe with no writer would block
    for ever, a device never ends); at most `max_bytes + 1` bytes are read to know it is too large.
    """
    try:
        if path.is_dir():
            return unreadable("这是一个文件夹，不是文件", "it is a folder, not a file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            kind, kind_en = special_file(info.st_mode)
            return unreadable(
                f"这是一个{kind}，不是普通文件（要从管道读入报告，请用“-”表示标准输入）",
                f"it is a {kind_en}, not a regular file (to read a report from a pipe, name it '-')",
            )
        with path.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except FileNotFoundError:
        if path.is_symlink():
            return unreadable("是一个指向不存在文件的链接", "a link to a file that does not exist")
        return unreadable("文件不存在", "no such file")
    except PermissionError:
        return unreadable("没有读取权限", "permission denied")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return unreadable(
                "符号链接循环指向自己，找不到真正的文件", "a loop of symbolic links that names no file"
            )
        problem = error.strerror or str(error)
        return unreadable(problem, problem)
    except ValueError as error:  # a name the system cannot take, such as one with a NUL
        return unreadable(str(error), str(error))
    if len(raw) > max_bytes:
        return too_big(max_bytes, info.st_size)
    return raw


def read_stdin(stream: object, max_bytes: int) -> bytes:
    """Standard input, at most `max_bytes + 1` bytes (load_bytes then refuses more); b"" when closed."""
    if stream is None:
        return b""
    return stream.read(max_bytes + 1)  # type: ignore[attr-defined]


def special_file(mode: int) -> tuple[str, str]:
    if stat.S_ISFIFO(mode):
        return "管道（FIFO）", "pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "套接字", "socket"
    return "设备文件", "device"


def unreadable(reason: str, reason_en: str) -> Finding:
    return m.UNREADABLE.at(START, reason=reason, reason_en=reason_en)


def size_text(count: int, bytes_word: str = "字节") -> str:
    """5 MB, 1.5 KB or 100 字节 (bytes): a size as people say it."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if count >= unit:
            return f"{count // unit} {name}" if count % unit == 0 else f"{count / unit:.1f} {name}"
    return f"{count} {bytes_word}"


def too_big(limit: int, actual: int | None = None) -> Finding:
    size = f"有 {size_text(actual)}，" if actual and actual > limit else ""
    size_en = f" ({size_text(actual, 'bytes')})" if actual and actual > limit else ""
    return m.TOO_COMPLEX.at(
        START,
        reason=f"文件{size}超过上限 {size_text(limit)}，不像一份年度报告，未读取（如确需检查，可用 --max-bytes 或配置项 max-bytes 调大上限）",
        reason_en=f"the file{size_en} is larger than the limit of {size_text(limit, 'bytes')}, too large for an annual report, and was not read (raise the limit with --max-bytes or the max-bytes setting)",
    )
