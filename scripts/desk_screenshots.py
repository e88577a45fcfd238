"""Take the README's screenshots of the clerk's desk with headless Chromium (playwright, /usr/bin/chromium).

    python scripts/desk_screenshots.py        # writes docs/desk-report.png, docs/desk-folder.png, docs/desk-serve.png

The pages are the real output: `--format html` of examples/broken-2023.yaml and of examples/, and
`serve` with a Word report (rendered from the city-bureau fixture with one wrong total) dropped on it.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]  # fmt: skip
WRONG_TOTAL = ("  行政复议:         [2, 1, 0, 1, 4]", "  行政复议:         [2, 1, 0, 1, 5]")


def cli(*args: str | Path) -> None:
    command = [sys.executable, "-m", "disclosure_lint", *map(str, args)]
    subprocess.run(command, check=False, capture_output=True, cwd=ROOT)  # file names as a clerk types them


def main() -> None:
    from disclosure_lint import engine
    from disclosure_lint.config import Options
    from disclosure_lint.desk.server import DeskServer

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        cli("examples/broken-2023.yaml", "--format", "html", "-o", work / "report.html")
        cli("examples", "--format", "html", "-o", work / "folder.html")
        source = work / "城区局-2023.yaml"
        text = (ROOT / "tests" / "fixtures" / "city-bureau-2023.yaml").read_text(encoding="utf-8")
        source.write_text(text.replace(*WRONG_TOTAL), encoding="utf-8")
        docx = work / "城区局-2023.docx"
        cli("render", source, "-o", docx, "--force")

        server = DeskServer(0, Options(), engine.load_rule_modules())
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1250})
            page.goto((work / "report.html").as_uri())
            page.screenshot(path=DOCS / "desk-report.png")
            page.set_viewport_size({"width": 1400, "height": 900})
            page.goto((work / "folder.html").as_uri())
            page.screenshot(path=DOCS / "desk-folder.png")
            page.goto(server.url)
            page.set_input_files("#files", str(docx))
            page.wait_for_url("**/view?ids=*")
            page.locator("td.mark").first.scroll_into_view_if_needed()
            page.evaluate("window.scrollBy(0, 300)")
            page.screenshot(path=DOCS / "desk-serve.png")
            browser.close()
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
