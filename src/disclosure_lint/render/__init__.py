"""Render a YAML report as the official document: HTML, Word (.docx) or Markdown.

from disclosure_lint.render import render
data = render(report, "html")   # bytes
"""

from __future__ import annotations

from ..document import Report

FORMATS = {".html": "html", ".htm": "html", ".docx": "docx", ".md": "markdown", ".markdown": "markdown"}

__all__ = ["FORMATS", "render"]


def render(report: Report, fmt: str) -> bytes:
    """The document in `fmt` (html, docx or markdown) as bytes; texts are UTF-8."""
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(report).encode("utf-8")
    from .layout import layout

    blocks = layout(report)
    if fmt == "docx":
        from .word import render_docx

        return render_docx(blocks)
    if fmt == "html":
        from .html import render_html

        return render_html(blocks).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")
