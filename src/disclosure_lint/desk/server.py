"""`disclosure-lint serve`: a page on this machine where a clerk drops reports and sees them checked.

The standard library's ThreadingHTTPServer is enough for one person's browser on the loopback
address, and adds nothing to install. It listens on 127.0.0.1 only and answers only requests
addressed to that host (a page elsewhere cannot reach it by a DNS trick). An upload goes through
exactly what the command line does — saved to a private temporary folder and linted by
`lint_path` with the same size limit — so its findings, messages and refusals are the CLI's.
"""

from __future__ import annotations

import contextlib
import json
import secrets
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from .. import engine
from ..config import Options
from ..lint import lint_path
from ..result import FileResult

KEEP = 200  # results kept for the page and its downloads; older ones are forgotten
DRAIN_MAX = 1 << 30  # an upload over the limit is read through (and dropped) up to this size
YAML_SUFFIXES = (".yaml", ".yml")


def accepted_suffixes() -> tuple[str, ...]:
    """What the linter reads at this moment: YAML, and the documents it imports (as `lint_path` does)."""
    from ..intake import READERS

    return tuple(sorted(READERS))


def upload_limit(suffix: str, max_bytes: int) -> int:
    """The most `lint_path` reads of a file of this kind: a PDF may be larger (fonts and images weigh)."""
    from ..intake import limit_for, reader_for

    return limit_for(reader_for(Path("x" + suffix)), max_bytes)


@dataclass
class Checked:
    name: str
    raw: bytes
    result: FileResult


class DeskServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = False

    def __init__(self, port: int, options: Options, modules: Sequence[engine.RuleModule]) -> None:
        super().__init__(("127.0.0.1", port), DeskHandler)
        self.options = options
        self.modules = modules
        self.checked: OrderedDict[str, Checked] = OrderedDict()
        self.lock = threading.Lock()  # one lint at a time: rule modules are not promised to be thread-safe

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def check(self, name: str, raw: bytes, size: int | None = None) -> str:
        """Lint the uploaded bytes as the file `name`; returns the result's id.

        `size` is the whole upload's length when only its first bytes were read (it was over the
        limit): the file is extended to that size without writing it, so the refusal names it.
        """
        safe = Path(name.replace("\\", "/")).name or "report"
        with self.lock, tempfile.TemporaryDirectory(prefix="disclosure-lint-desk-") as folder:
            path = Path(folder) / safe
            path.write_bytes(raw)
            if size is not None and size > len(raw):
                with (
                    path.open("r+b") as stream,
                    contextlib.suppress(OSError),
                ):  # too large to fake: the size read
                    stream.truncate(size)  # a sparse file: nothing more is written
            result = lint_path(path, self.modules, self.options, max_bytes=self.options.max_bytes)
            result.filename = safe
            if result.report is not None:
                result.report.filename = safe
            key = secrets.token_urlsafe(9)
            self.checked[key] = Checked(safe, raw, result)
            while len(self.checked) > KEEP:
                self.checked.popitem(last=False)
        return key


class DeskHandler(BaseHTTPRequestHandler):
    server: DeskServer
    server_version = "disclosure-lint"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is the clerk's, not a server log."""

    # ------------------------------------------------------------ answers

    def send(self, status: int, body: bytes, kind: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_json(self, status: int, value: object) -> None:
        self.send(
            status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8"
        )

    def send_error_text(self, status: int, message: str) -> None:
        self.send_json(status, {"error": message})

    def lang(self) -> str:
        return self.server.options.lang

    def host_ok(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
        return host in ("127.0.0.1", "localhost")

    # ------------------------------------------------------------ routes

    def do_GET(self) -> None:
        if not self.host_ok():
            self.send_error_text(HTTPStatus.MISDIRECTED_REQUEST, "this page answers on 127.0.0.1 only")
            return
        url = urlsplit(self.path)
        try:
            if url.path == "/":
                from .drop import drop_page

                page = drop_page(self.lang(), accepted_suffixes())
                self.send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")
            elif url.path == "/view":
                self.view(parse_qs(url.query).get("ids", [""])[0].split(","))
            elif url.path.startswith("/download/"):
                parts = url.path.split("/")
                if len(parts) != 4:
                    raise LookupError
                self.download(unquote(parts[2]), unquote(parts[3]))
            else:
                raise LookupError
        except LookupError:
            self.send_error_text(HTTPStatus.NOT_FOUND, self.words("not_found"))
        except Exception as error:  # a fault of ours: one line, never a traceback
            self.send_error_text(
                HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(error).__name__}: {error}"
            )

    do_HEAD = do_GET

    def do_POST(self) -> None:
        if not self.host_ok() or self.headers.get("X-Disclosure-Lint") != "desk":
            self.close_connection = True
            self.send_error_text(HTTPStatus.FORBIDDEN, "uploads come from this machine's page only")
            return
        url = urlsplit(self.path)
        if url.path != "/check":
            self.close_connection = True
            self.send_error_text(HTTPStatus.NOT_FOUND, self.words("not_found"))
            return
        name = parse_qs(url.query).get("name", [""])[0]
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.close_connection = True
            self.send_error_text(HTTPStatus.LENGTH_REQUIRED, "an upload must say its length")
            return
        suffix = Path(name).suffix.lower()
        if suffix not in accepted_suffixes():
            self.drain(length)
            kinds = ", ".join(accepted_suffixes())
            self.send_error_text(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                self.words("kind").format(suffix=suffix or "?", kinds=kinds),
            )
            return
        # Read at most one byte past the limit: lint_path then refuses the file with the CLI's message.
        limit = upload_limit(suffix, self.server.options.max_bytes) + 1
        raw = self.rfile.read(min(length, limit))
        if length > limit:
            self.drain(length - len(raw))
        try:
            key = self.server.check(name, raw, length)
        except Exception as error:  # a fault of ours: one line, never a traceback
            self.send_error_text(
                HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(error).__name__}: {error}"
            )
            return
        result = self.server.checked[key].result
        self.send_json(HTTPStatus.OK, {"id": key, "name": result.filename, "findings": len(result.findings)})

    def drain(self, left: int) -> None:
        """Read and drop the rest of an upload over the limit, so the browser hears the answer.

        A browser still sending when the server hangs up reports a network error instead of the
        refusal; past DRAIN_MAX bytes the connection is closed anyway.
        """
        if left > DRAIN_MAX:
            self.close_connection = True
            return
        while left > 0:
            chunk = self.rfile.read(min(left, 1 << 20))
            if not chunk:
                break
            left -= len(chunk)

    # ------------------------------------------------------------ pages

    def words(self, key: str) -> str:
        from .downloads import SERVER_WORDS

        return SERVER_WORDS["en" if self.lang() == "en" else "zh"][key]

    def view(self, keys: list[str]) -> None:
        from .downloads import links, toolbar
        from .page import render_page

        found = [(key, self.server.checked[key]) for key in keys if key in self.server.checked]
        if not found:
            raise LookupError

        def offered(index: int) -> list[tuple[str, str]]:
            return list(links(found[index][0], found[index][1], self.lang()))

        # One report: its downloads stay in sight in the top bar; several: beside each report.
        single = len(found) == 1
        page = render_page(
            [checked.result for _, checked in found],
            self.lang(),
            downloads=None if single else offered,
            toolbar=toolbar(self.lang(), offered(0) if single else ()),
        )
        self.send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8")

    def download(self, key: str, what: str) -> None:
        from .downloads import make_download

        checked = self.server.checked.get(key)
        if checked is None:
            raise LookupError
        made = make_download(checked, what, self.server.modules, self.lang())
        if made is None:
            raise LookupError
        body, kind, filename = made
        if isinstance(body, str):  # a message: what could not be made, and why
            self.send_error_text(HTTPStatus.CONFLICT, body)
            return
        from urllib.parse import quote

        disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
        self.send(HTTPStatus.OK, body, kind, {"Content-Disposition": disposition})
