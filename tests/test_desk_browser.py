"""The clerk's desk in a real browser: headless Chromium drops a Word report with a wrong total on the page.

Needs the Python package playwright and a Chromium (Debian's, at /usr/bin/chromium, or one named by
DISCLOSURE_LINT_CHROMIUM); never downloads a browser. Skips, saying which is missing, without them.
"""

from __future__ import annotations

import base64
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import CITY_BUREAU, edit
from test_desk_server import REVIEW_TOTAL, WRONG_TOTAL, start, wrong_total_docx

from disclosure_lint import engine
from disclosure_lint.config import Options
from disclosure_lint.desk.server import DeskServer
from disclosure_lint.lint import lint_path

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)
CHROMIUM = os.environ.get("DISCLOSURE_LINT_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"no Chromium at {CHROMIUM} (apt-get install chromium, or set DISCLOSURE_LINT_CHROMIUM)",
        allow_module_level=True,
    )
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ERROR_BACKGROUND = "rgb(253, 236, 234)"  # --error-bg


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def desk() -> Iterator[DeskServer]:
    server = start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


def test_a_dropped_word_report_shows_its_wrong_total_marked(
    desk: DeskServer, page: Any, tmp_path: Path
) -> None:
    docx = wrong_total_docx(tmp_path)
    (finding,) = lint_path(docx, engine.load_rule_modules(entry_points=False), Options()).findings
    page.goto(desk.url)
    assert page.locator("h1").inner_text() == "检查政府信息公开工作年度报告"
    page.set_input_files("#files", str(docx))
    page.wait_for_url("**/view?ids=*")
    cells = page.locator("td.mark")
    assert cells.count() == 1
    cell = cells.first
    assert cell.get_attribute("data-path") == '["政府信息公开行政复议、行政诉讼情况", "行政复议", 4]'
    assert REVIEW_TOTAL[-1] == 4
    assert cell.is_visible() and "应为 4" in cell.inner_text()
    assert cell.evaluate("e => getComputedStyle(e).backgroundColor") == ERROR_BACKGROUND
    note = page.locator("#r1-n1")
    assert note.is_visible() and finding.message("zh") in note.inner_text()
    page.locator("#r1-f1 a.go").click()
    assert page.url.endswith("#r1-m1")
    with page.expect_download() as download:
        page.get_by_text("下载 YAML").click()
    saved = tmp_path / "saved.yaml"
    download.value.save_as(saved)
    assert "机关: 示例市自然资源和规划局" in saved.read_text(encoding="utf-8")


def test_a_yaml_file_dropped_on_the_page_is_checked(desk: DeskServer, page: Any) -> None:
    raw = edit(CITY_BUREAU.read_text(encoding="utf-8"), *WRONG_TOTAL).encode("utf-8")
    page.goto(desk.url)
    # What the browser does when a file is dropped: a drop event carrying it.
    page.evaluate(
        """([name, data]) => {
            const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            document.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true}));
        }""",
        ["城区局.yaml", base64.b64encode(raw).decode("ascii")],
    )
    page.wait_for_url("**/view?ids=*")
    assert page.locator("td.mark").count() == 1
    assert "行政复议·总计 应为 4" in page.locator("#r1-n1").inner_text()


def test_several_files_give_a_summary_that_sorts_and_filters(
    desk: DeskServer, page: Any, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(edit(CITY_BUREAU.read_text(encoding="utf-8"), *WRONG_TOTAL), encoding="utf-8")
    bad = tmp_path / "broken.yaml"
    bad.write_text("机关: [unclosed\n", encoding="utf-8")
    page.goto(desk.url)
    page.set_input_files("#files", [str(CITY_BUREAU), str(wrong), str(bad)])
    page.wait_for_url("**/view?ids=*")

    def names() -> list[str]:
        return page.locator("table.summary tbody tr:not(.hidden) td:first-child").all_inner_texts()

    assert names() == ["city-bureau-2023.yaml", "wrong.yaml", "broken.yaml"]
    page.locator("table.summary th", has_text="报告").click()
    assert names() == ["broken.yaml", "city-bureau-2023.yaml", "wrong.yaml"]
    page.locator("table.summary th", has_text="报告").click()
    assert names() == ["wrong.yaml", "city-bureau-2023.yaml", "broken.yaml"]
    page.select_option("#summary-show", "error")
    assert sorted(names()) == ["broken.yaml", "wrong.yaml"]
    page.select_option("#summary-show", "all")
    page.fill("#summary-filter", "wrong")
    assert names() == ["wrong.yaml"]
    page.get_by_role("link", name="wrong.yaml").click()
    assert page.url.endswith("#r2")
    assert page.locator("#r2 td.mark").count() == 1


def test_a_file_too_large_or_of_another_kind_gets_one_clear_message(
    desk: DeskServer, page: Any, tmp_path: Path
) -> None:
    program = tmp_path / "setup.exe"
    with program.open("wb") as stream:
        stream.write(b"MZ")
        stream.truncate(12 * 1024 * 1024)  # large: refused before it is read, and still answered
    page.goto(desk.url)
    page.set_input_files("#files", str(program))
    message = page.locator("#status .error")
    message.wait_for()
    assert message.inner_text().startswith("setup.exe：不支持的文件类型“.exe”")

    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as stream:
        stream.truncate(12 * 1024 * 1024)  # over the 5 MiB limit
    page.set_input_files("#files", str(huge))
    page.wait_for_url("**/view?ids=*")
    (finding,) = lint_path(huge, engine.load_rule_modules(entry_points=False), Options()).findings
    assert finding.code == "DL007"
    assert finding.message("zh") in page.locator("#r1-f1").inner_text()
