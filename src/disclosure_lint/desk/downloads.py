"""What the local web page offers beside a checked report: its YAML, the official document, the findings.

Each is made when asked for, by the module that makes it for the command line: the importer's
YAML (as `disclosure-lint import` writes it), `render` (as `disclosure-lint render` writes it) and
the JSON reporter (as `--format json` writes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from .. import engine
from .safe import escape

if TYPE_CHECKING:
    from .server import Checked

SERVER_WORDS = {
    "zh": {
        "not_found": "没有这个页面或文件（服务重新启动后，之前的检查结果不再保留）",
        "kind": "不支持的文件类型“{suffix}”：可以检查 {kinds}",
        "again": "检查其他文件",
        "yaml": "下载 YAML",
        "docx": "下载 Word 文档",
        "html": "下载网页文档",
        "json": "下载检查结果（JSON）",
        "no_report": "这份文件没能读成年度报告，无法生成文档",
        "no_docx": "生成 Word 文档需要 python-docx：pip install 'disclosure-lint[docx]'",
    },
    "en": {
        "not_found": "no such page or file (results are not kept when the server restarts)",
        "kind": "'{suffix}' files cannot be checked: use {kinds}",
        "again": "Check other files",
        "yaml": "YAML",
        "docx": "Word document",
        "html": "Web document",
        "json": "Findings (JSON)",
        "no_report": "this file could not be read as a report, so there is no document to make",
        "no_docx": "writing Word documents needs python-docx: pip install 'disclosure-lint[docx]'",
    },
}

# name in the URL → (what the link says, content type)
KINDS = {
    "report.yaml": ("yaml", "application/yaml; charset=utf-8"),
    "document.docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "document.html": ("html", "text/html; charset=utf-8"),
    "findings.json": ("json", "application/json; charset=utf-8"),
}


def _words(lang: str) -> dict[str, str]:
    return SERVER_WORDS["en" if lang == "en" else "zh"]


def toolbar(lang: str, offered: Sequence[tuple[str, str]] = ()) -> str:
    """The top bar's buttons: downloads (for a single report) and back to the drop page."""
    downloads = "".join(f'<a href="{escape(href)}" download>{escape(label)}</a>' for label, href in offered)
    return f'{downloads}<a href="/">{escape(_words(lang)["again"])}</a>'


def links(key: str, checked: Checked, lang: str) -> Sequence[tuple[str, str]]:
    words = _words(lang)
    readable = checked.result.report is not None and not checked.result.unreadable
    return [
        (words[label], f"/download/{quote(key)}/{name}")
        for name, (label, _) in KINDS.items()
        if readable or name == "findings.json"
    ]


def make_download(
    checked: Checked, what: str, modules: Sequence[engine.RuleModule], lang: str
) -> tuple[bytes | str, str, str] | None:
    """(bytes, content type, file name) to send; a str in place of bytes says why it cannot be made."""
    if what not in KINDS:
        return None
    label, kind = KINDS[what]
    words = _words(lang)
    stem = Path(checked.name).stem or "report"
    result = checked.result
    if label == "json":
        from ..reporters import to_json

        return (
            to_json([result], engine.all_rules(modules), lang).encode("utf-8"),
            kind,
            f"{stem}.findings.json",
        )
    if result.report is None or result.unreadable:
        return words["no_report"], "", ""
    if label == "yaml":
        return _yaml(checked, lang), kind, f"{stem}.yaml"
    from ..render import render

    try:
        return render(result.report, label), kind, f"{stem}.{label}"
    except ImportError:
        return words["no_docx"], "", ""


def _yaml(checked: Checked, lang: str) -> bytes | str:
    """The YAML as uploaded, or as `disclosure-lint import` writes it for a published document."""
    from ..importer import ReadError, import_bytes, kind_of

    kind = kind_of(Path(checked.name))
    if kind is None:  # uploaded as YAML
        return checked.raw
    try:
        return import_bytes(checked.raw, kind, checked.name).yaml.encode("utf-8")
    except ReadError as error:
        return error.finding.message(lang)
