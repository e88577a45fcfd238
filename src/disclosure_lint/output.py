"""Text output for people: `path:line:col: CODE message` lines, each with its source line and a
caret under it unless concise, a summary, optional tables.

A finding whose fix `--fix` would apply is marked `[*]` after its code, as ruff marks it, and the
summary ends with how many are fixable (and how many more `--unsafe-fixes` would fix).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import TextIO

from .caret import Painter
from .escape import visible
from .excerpts import Excerpt, find
from .findings import ERROR, INFO, WARNING, Rule
from .result import FileResult, RunResult

WARNING_TAG = {"zh": "警告：", "en": "warning: "}
INFO_TAG = {"zh": "提示：", "en": "info: "}
_BOLD, _RED, _YELLOW, _DIM, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[2m", "\033[0m"


def use_color(stream: TextIO, choice: str = "auto") -> bool:
    """Colour on a terminal; never when piped or when NO_COLOR is set (https://no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty() and os.environ.get("TERM") != "dumb"


FIXABLE = "[*] "


def finding_lines(
    result: FileResult, lang: str, color: bool = False, painter: Painter | None = None, unsafe: bool = False
) -> Iterable[str]:
    """One line per finding; with a `painter`, its source line and a caret under it (and a blank
    line) where the result kept that line. Control characters from the report or its name are
    shown as escapes (a newline could forge a finding line, an escape sequence clear the screen).
    `unsafe`: unsafe fixes count as fixable (`--unsafe-fixes`), marked `[*]` too."""
    filename = visible(result.filename)
    by_line: dict[int, list[Excerpt]] = {}
    if painter is not None:
        for excerpt in result.excerpts:
            by_line.setdefault(excerpt.line, []).append(excerpt)
    for finding in result.findings:
        tag = {WARNING: WARNING_TAG, INFO: INFO_TAG}.get(finding.severity, {}).get(lang, "")
        where = f"{filename}:{finding.pos.line}:{finding.pos.col}:"
        message = visible(finding.message(lang))
        hue = {ERROR: _RED, WARNING: _YELLOW}.get(finding.severity, _DIM)
        mark = FIXABLE if finding.fix is not None and finding.fix.applies(unsafe) else ""
        if color:
            yield f"{_BOLD}{where}{_RESET} {hue}{visible(finding.code)}{_RESET} {mark}{tag}{message}"
        else:
            yield f"{where} {visible(finding.code)} {mark}{tag}{message}"
        excerpt = find(by_line.get(finding.pos.line, ()), finding.pos)
        if painter is not None and excerpt is not None:
            yield from painter.lines(excerpt, finding.pos.col, finding.span, _BOLD + hue)
            yield ""


def summary(run: RunResult, lang: str) -> str:
    files, errors, warnings, infos = run.checked, run.errors, run.warnings, run.infos
    unreadable = run.unreadable_files
    if lang == "en":
        noun = "file" if files == 1 else "files"
        notes = f" {infos} note{'s' * (infos != 1)}." if infos else ""
        if not errors and not warnings:
            return f"All checks passed ({files} {noun}).{notes}"
        text = f"Found {errors + warnings} problem{'s' * (errors + warnings != 1)} "
        text += f"({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}) in {files} {noun}"
        if unreadable:
            text += f"; {unreadable} could not be read as valid YAML"
        return text + "." + notes
    notes = f"另有提示 {infos} 条。" if infos else ""
    if not errors and not warnings:
        return f"未发现问题，共检查 {files} 个文件。{notes}"
    text = f"发现 {errors + warnings} 个问题（错误 {errors} 个，警告 {warnings} 个），共检查 {files} 个文件"
    if unreadable:
        text += f"，其中 {unreadable} 个无法正常读取"
    return text + "。" + notes


def fixed_line(run: RunResult, lang: str) -> str | None:
    """What --fix did, said before the summary of what remains."""
    if not run.fixed:
        return None
    if lang == "en":
        files = f"{run.fixed_files} file{'s' * (run.fixed_files != 1)}"
        return f"Fixed {run.fixed} problem{'s' * (run.fixed != 1)} in {files}."
    return f"已修复 {run.fixed} 个问题，改动了 {run.fixed_files} 个文件。"


def fix_lines(run: RunResult, lang: str, unsafe: bool = False) -> list[str]:
    """How many findings `--fix` would fix, and how many more only `--unsafe-fixes` would."""
    fixable = run.fixable_safe + (run.fixable_unsafe if unsafe else 0)
    hidden = 0 if unsafe else run.fixable_unsafe
    command = "--fix --unsafe-fixes" if unsafe else "--fix"
    if lang == "en":
        more = f"{hidden} hidden fix{'es' * (hidden != 1)} can be enabled with `--unsafe-fixes`"
        if fixable:
            return [f"[*] {fixable} fixable with `{command}`" + (f" ({more})." if hidden else ".")]
        return [f"No fixes available ({more})."] if hidden else []
    more = f"另有 {hidden} 个修复要加 `--unsafe-fixes` 才会进行"
    if fixable:
        return [f"[*] 其中 {fixable} 个可以用 `{command}` 自动修复" + (f"（{more}）。" if hidden else "。")]
    return [f"没有可以安全地自动修复的问题（{more}）。"] if hidden else []


def per_file_table(run: RunResult, lang: str) -> str:
    """Error and warning counts of every file that has findings, for a batch run."""
    from tabulate import tabulate

    rows = [(visible(c.filename), c.errors, c.warnings) for c in run.files if c.has_findings]
    headers = ("file", "errors", "warnings") if lang == "en" else ("文件", "错误", "警告")
    return tabulate(rows, headers=headers, tablefmt="simple")


def statistics(run: RunResult, rules: Sequence[Rule], lang: str) -> str:
    """Findings per rule, most frequent first, then per file."""
    from tabulate import tabulate

    names = {rule.code: rule for rule in rules}
    rule_rows = [
        (
            code,
            count,
            names[code].severity.label if code in names else "",
            names[code].name if code in names else "",
            (names[code].summary_en if lang == "en" else names[code].summary_zh) if code in names else "",
        )
        for code, count in sorted(run.by_code.items(), key=lambda item: (-item[1], item[0]))
    ]
    headers = ("code", "count", "severity", "name", "checks") if lang == "en" else (
        "代码", "次数", "级别", "名称", "检查内容",
    )  # fmt: skip
    return tabulate(rule_rows, headers=headers, tablefmt="simple") + "\n\n" + per_file_table(run, lang)
