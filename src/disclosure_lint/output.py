"""Printing findings: one line each, `path:line:col: CODE message`, then a summary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .findings import ERROR, WARNING
from .lint import FileResult

WARNING_TAG = {"zh": "警告：", "en": "warning: "}


def finding_lines(result: FileResult, lang: str) -> Iterable[str]:
    for finding in result.findings:
        tag = WARNING_TAG[lang] if finding.severity == WARNING else ""
        yield f"{result.filename}:{finding.pos.line}:{finding.pos.col}: {finding.code} {tag}{finding.message(lang)}"


def summary(results: Sequence[FileResult], lang: str) -> str:
    files = len(results)
    errors = sum(r.count(ERROR) for r in results)
    warnings = sum(r.count(WARNING) for r in results)
    unreadable = sum(1 for r in results if r.unreadable)
    if lang == "en":
        noun = "file" if files == 1 else "files"
        if not errors and not warnings:
            return f"All checks passed ({files} {noun})."
        text = f"Found {errors + warnings} problem{'s' * (errors + warnings != 1)} "
        text += f"({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}) in {files} {noun}"
        if unreadable:
            text += f"; {unreadable} could not be read as valid YAML"
        return text + "."
    if not errors and not warnings:
        return f"未发现问题，共检查 {files} 个文件。"
    text = f"发现 {errors + warnings} 个问题（错误 {errors} 个，警告 {warnings} 个），共检查 {files} 个文件"
    if unreadable:
        text += f"，其中 {unreadable} 个无法正常读取"
    return text + "。"
