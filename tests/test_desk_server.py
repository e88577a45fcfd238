"""`disclosure-lint serve` over HTTP, as the page uses it: upload, view, downloads, refusals, Ctrl-C."""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import CITY_BUREAU, edit
from test_html_report import Page

from disclosure_lint import engine
from disclosure_lint.config import Options
from disclosure_lint.desk.server import DeskServer

WRONG_TOTAL = ("  行政复议:         [2, 1, 0, 1, 4]", "  行政复议:         [2, 1, 0, 1, 5]")
REVIEW_TOTAL = ["政府信息公开行政复议、行政诉讼情况", "行政复议", 4]


def wrong_total_docx(folder: Path) -> Path:
    """A Word report whose 行政复议 总计 is 5 instead of 4, made by the project's own renderer."""
    pytest.importorskip("docx", reason="python-docx is needed to write the Word report")
    source = folder / "城区局-2023.yaml"
    source.write_text(edit(CITY_BUREAU.read_text(encoding="utf-8"), *WRONG_TOTAL), encoding="utf-8")
    target = folder / "城区局-2023.docx"
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", "render", str(source), "-o", str(target), "--force"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return target


def start(max_bytes: int = Options().max_bytes) -> DeskServer:
    server = DeskServer(0, Options(max_bytes=max_bytes), engine.load_rule_modules(entry_points=False))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture
def desk() -> Iterator[DeskServer]:
    server = start()
    yield server
    server.shutdown()
    server.server_close()


def request(
    server: DeskServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def upload(server: DeskServer, name: str, raw: bytes) -> tuple[int, dict]:
    status, _, body = request(
        server, "POST", f"/check?name={quote(name)}", raw, {"X-Disclosure-Lint": "desk"}
    )
    return status, json.loads(body)


def test_a_dropped_word_report_is_shown_with_its_wrong_total_marked(desk: DeskServer, tmp_path: Path) -> None:
    docx = wrong_total_docx(tmp_path)
    status, answer = upload(desk, docx.name, docx.read_bytes())
    assert status == 200 and answer["name"] == "城区局-2023.docx" and answer["findings"] == 1
    status, headers, body = request(desk, "GET", f"/view?ids={answer['id']}")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    page = Page(body.decode("utf-8"))
    assert [json.loads(c["data-path"]) for c in page.marked_cells] == [REVIEW_TOTAL]
    assert "应为 4" in page.texts[page.marked_cells[0]["id"]]
    assert "DL204" in page.texts["r1-n1"] and "行政复议·总计 应为 4" in page.texts["r1-n1"]


def test_downloads_are_the_imported_yaml_the_documents_and_the_findings(
    desk: DeskServer, tmp_path: Path
) -> None:
    docx = wrong_total_docx(tmp_path)
    _, answer = upload(desk, docx.name, docx.read_bytes())
    key = answer["id"]
    page = Page(request(desk, "GET", f"/view?ids={key}")[2].decode("utf-8"))
    offered = [a["href"] for tag, a in page.tags if tag == "a" and a.get("href", "").startswith("/download/")]
    assert offered == [
        f"/download/{key}/{name}"
        for name in ("report.yaml", "document.docx", "document.html", "findings.json")
    ]

    status, headers, yaml_text = request(desk, "GET", f"/download/{key}/report.yaml")
    assert status == 200 and "attachment" in headers["Content-Disposition"]
    imported = tmp_path / "imported.yaml"
    imported.write_bytes(yaml_text)
    relinted = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", str(imported), "--format", "json", "--isolated"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert [f["code"] for f in json.loads(relinted.stdout)["files"][0]["findings"]] == ["DL204"]

    status, _, findings = request(desk, "GET", f"/download/{key}/findings.json")
    files = json.loads(findings)["files"]
    assert status == 200 and [(f["code"], f["path"]) for f in files[0]["findings"]] == [
        ("DL204", REVIEW_TOTAL)
    ]

    status, headers, word = request(desk, "GET", f"/download/{key}/document.docx")
    assert status == 200 and word[:2] == b"PK" and "wordprocessingml" in headers["Content-Type"]
    status, _, html = request(desk, "GET", f"/download/{key}/document.html")
    assert status == 200 and "示例市自然资源和规划局" in html.decode("utf-8")


def test_a_yaml_upload_downloads_as_it_was_sent(desk: DeskServer) -> None:
    raw = CITY_BUREAU.read_bytes()
    status, answer = upload(desk, "city.yaml", raw)
    assert status == 200 and answer["findings"] == 0
    assert request(desk, "GET", f"/download/{answer['id']}/report.yaml")[2] == raw


def test_an_upload_over_the_size_limit_is_refused_with_the_command_lines_message(tmp_path: Path) -> None:
    server = start(max_bytes=2048)
    try:
        raw = CITY_BUREAU.read_bytes()
        assert len(raw) > 2048
        status, answer = upload(server, "big.yaml", raw)
        assert status == 200
        page = Page(request(server, "GET", f"/view?ids={answer['id']}")[2].decode("utf-8"))
        big = tmp_path / "big.yaml"
        big.write_bytes(raw)
        cli = subprocess.run(
            [sys.executable, "-m", "disclosure_lint", str(big), "--max-bytes", "2048", "--format", "json"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert cli.returncode == 2
        (message,) = [f["message"] for f in json.loads(cli.stdout)["files"][0]["findings"]]
        assert message in page.texts["r1-f1"]
        assert not page.marked_cells
    finally:
        server.shutdown()
        server.server_close()


def test_refusals_are_one_clear_message(desk: DeskServer) -> None:
    status, answer = upload(desk, "report.exe", b"MZ")
    assert (
        status == 415 and answer["error"].startswith("不支持的文件类型“.exe”") and ".docx" in answer["error"]
    )
    status, _, body = request(desk, "POST", "/check?name=a.yaml", b"x: 1", {})  # not from the page
    assert status == 403 and "error" in json.loads(body)
    status, _, body = request(desk, "GET", "/", headers={"Host": "evil.example:80"})
    assert status == 421
    status, _, body = request(desk, "GET", "/view?ids=nothing")
    assert status == 404 and "没有这个页面" in json.loads(body)["error"]
    status, _, body = request(desk, "GET", "/download/nothing/report.yaml")
    assert status == 404


def test_a_broken_yaml_upload_shows_the_reason_and_offers_only_the_findings(desk: DeskServer) -> None:
    status, answer = upload(desk, "broken.yaml", "机关: [unclosed\n".encode())
    assert status == 200
    page = Page(request(desk, "GET", f"/view?ids={answer['id']}")[2].decode("utf-8"))
    assert "DL004" in page.texts["r1-f1"]
    offered = [a["href"] for tag, a in page.tags if tag == "a" and a.get("href", "").startswith("/download/")]
    assert offered == [f"/download/{answer['id']}/findings.json"]
    status, _, body = request(desk, "GET", f"/download/{answer['id']}/document.html")
    assert status == 409 and "无法生成文档" in json.loads(body)["error"]


def test_several_uploads_give_the_folder_page(desk: DeskServer) -> None:
    ids = [upload(desk, name, CITY_BUREAU.read_bytes())[1]["id"] for name in ("a.yaml", "b.yaml")]
    page = Page(request(desk, "GET", f"/view?ids={','.join(ids)}")[2].decode("utf-8"))
    assert [row[0] for row in page.summary_rows] == ["a.yaml", "b.yaml"]


def serve(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "disclosure_lint", "serve", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_serve_listens_on_loopback_and_stops_on_ctrl_c() -> None:
    process = serve()
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert line.startswith("disclosure-lint serve: http://127.0.0.1:"), line
        port = int(line.split("127.0.0.1:")[1].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", "/")
        response = connection.getresponse()
        assert response.status == 200 and "把年度报告文件拖到这里" in response.read().decode("utf-8")
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "stopped" in out and "Traceback" not in err


def test_a_port_in_use_is_one_line_and_exit_2(desk: DeskServer) -> None:
    process = serve("--port", str(desk.server_address[1]))
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and out == ""
    assert err.startswith(
        f"disclosure-lint serve: error: cannot listen on 127.0.0.1:{desk.server_address[1]}"
    )
    assert err.count("\n") == 1


def test_a_pdf_may_be_as_large_as_the_command_line_allows_it(tmp_path: Path) -> None:
    from test_import_pdf import report_pdf  # skips without pdfplumber or reportlab

    raw = report_pdf()
    assert 2048 < len(raw) < 10 * 2048  # over --max-bytes, within what is allowed for a PDF
    server = start(max_bytes=2048)
    try:
        status, answer = upload(server, "报告.pdf", raw)
        findings = json.loads(request(server, "GET", f"/download/{answer['id']}/findings.json")[2])
    finally:
        server.shutdown()
        server.server_close()
    source = tmp_path / "报告.pdf"
    source.write_bytes(raw)
    cli = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", str(source), "--max-bytes", "2048", "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    expected = json.loads(cli.stdout)["files"][0]["findings"]
    assert status == 200 and expected and findings["files"][0]["findings"] == expected
