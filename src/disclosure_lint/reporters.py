"""Every output format, chosen by name from `REPORTERS`: text, JSON, SARIF 2.1.0, GitHub
workflow commands, JUnit XML and GitLab Code Quality (ci_formats.py), an HTML page.

A reporter sees each file's result as it is linted (`file`), then the whole run (`finish`).
Text writes its lines at once and keeps only counts; the machine formats are one document
each, so they keep every result (`keeps_results`) and write it at the end. The text itself is
composed in output.py.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .ci_formats import to_gitlab, to_junit
from .escape import encodable, visible
from .findings import ERROR, WARNING, Finding, Fix, Rule, Severity
from .result import FileResult, RunResult

if TYPE_CHECKING:
    from .caret import Painter

JSON_SCHEMA_VERSION = 1


def to_json(results: Sequence[FileResult], rules: Sequence[Rule], lang: str) -> str:
    """The documented JSON structure (README, "Output formats"); its `version` changes only on breaking edits."""
    files = []
    for result in results:
        files.append(
            {
                "path": result.filename,
                "unreadable": result.unreadable,
                "errors": result.count(ERROR),
                "warnings": len(result.findings) - result.count(ERROR),
                "findings": [_finding_json(f, lang) for f in result.findings],
            }
        )
    document = {
        "version": JSON_SCHEMA_VERSION,
        "tool": {"name": "disclosure-lint", "version": __version__},
        "files": files,
        "summary": {
            "files": len(results),
            "errors": sum(f["errors"] for f in files),
            "warnings": sum(f["warnings"] for f in files),
        },
    }
    return _dumps(document)


def _dumps(document: object) -> str:
    """JSON that can always be written as UTF-8: a lone surrogate (from a file name that is not
    UTF-8) becomes a visible escape; every other character is JSON's to escape."""
    import json  # the text output, the usual one, does not need it

    return encodable(json.dumps(document, ensure_ascii=False, indent=2)) + "\n"


def _finding_json(finding: Finding, lang: str) -> dict[str, object]:
    return {
        "code": finding.code,
        "rule": finding.rule.name,
        "severity": finding.severity.label,
        "line": finding.pos.line,
        "column": finding.pos.col,
        "message": finding.message(lang),
        "path": list(finding.path),
        "fix": _fix_json(finding.fix, lang) if finding.fix is not None else None,
    }


def _fix_json(fix: Fix, lang: str) -> dict[str, object]:
    """As ruff's JSON gives a fix: its applicability, what it does, and each edit's span and text."""
    return {
        "applicability": fix.applicability,
        "message": fix.message(lang),
        "edits": [
            {
                "content": edit.content,
                "location": {"line": edit.start.line, "column": edit.start.col},
                "end_location": {"line": edit.end.line, "column": edit.end.col},
            }
            for edit in fix.edits
        ],
    }


def to_sarif(results: Sequence[FileResult], rules: Sequence[Rule], lang: str) -> str:
    ordered = sorted({rule.code: rule for rule in rules}.values(), key=lambda r: r.code)
    index = {rule.code: i for i, rule in enumerate(ordered)}
    sarif_results = []
    for result in results:
        for finding in result.findings:
            sarif_results.append(
                {
                    "ruleId": finding.code,
                    "ruleIndex": index.get(finding.code, -1),
                    "level": _sarif_level(finding.rule),
                    "message": {"text": finding.message(lang)},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(result.filename)},
                                "region": {"startLine": finding.pos.line, "startColumn": finding.pos.col},
                            }
                        }
                    ],
                }
            )
    for result in sarif_results:
        if result["ruleIndex"] == -1:
            del result["ruleIndex"]
    from .rule_docs import REPOSITORY, builtin_docs

    docs = builtin_docs()
    driver = {
        "name": "disclosure-lint",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": REPOSITORY,
        "rules": [_sarif_rule(rule, docs.get(rule.code), lang) for rule in ordered],
    }
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": sarif_results}],
    }
    return _dumps(document)


def _sarif_rule(rule: Rule, entry: dict[str, str] | None, lang: str) -> dict[str, object]:
    """A rule's descriptor: its summary, and for a built-in rule the help of its documentation
    (why, a wrong and a right excerpt, how to fix) with a link to its section of docs/rules.md."""
    from .rule_docs import help_markdown, help_text, help_uri

    summary = rule.summary_en if lang == "en" else rule.summary_zh
    descriptor: dict[str, object] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": summary},
    }
    why = str((entry or {}).get(f"why_{lang}") or "").strip()
    descriptor["fullDescription"] = {"text": why or summary}
    if entry:
        descriptor["help"] = {"text": help_text(entry, lang), "markdown": help_markdown(entry, lang)}
        descriptor["helpUri"] = help_uri(rule.code)
    descriptor["defaultConfiguration"] = {"level": _sarif_level(rule)}
    descriptor["properties"] = {"clause": rule.clause}
    return descriptor


def _sarif_level(rule: Rule) -> str:
    return {ERROR: "error", WARNING: "warning"}.get(rule.severity, "note")


def _uri(filename: str) -> str:
    path = FsPath(filename)
    if path.is_absolute():
        try:
            return _uri_safe(path.relative_to(FsPath.cwd()).as_posix())
        except ValueError:
            return path.as_uri()
    return _uri_safe(path.as_posix())


def _uri_safe(text: str) -> str:
    """Percent-encode what a URI reference cannot hold (controls, spaces, quotes, '%', bytes that
    were not UTF-8); Chinese names stay readable, as IRIs allow."""
    out = []
    for char in text:
        code = ord(char)
        if code <= 0x20 or 0x7F <= code <= 0x9F or char in '"<>\\^`{|}%#?':
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8")))
        elif 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"%{code - 0xDC00:02X}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("%EF%BF%BD")
        else:
            out.append(char)
    return "".join(out)


def to_github(results: Sequence[FileResult], rules: Sequence[Rule], lang: str) -> str:
    """GitHub Actions workflow commands: one annotation per finding."""
    lines = []
    for result in results:
        for finding in result.findings:
            command = {ERROR: "error", WARNING: "warning"}.get(finding.severity, "notice")
            properties = ",".join(
                f"{key}={_escape_property(str(value))}"
                for key, value in (
                    ("file", result.filename),
                    ("line", finding.pos.line),
                    ("col", finding.pos.col),
                    ("title", f"{finding.code} {finding.rule.name}"),
                )
            )
            lines.append(f"::{command} {properties}::{_escape_data(finding.message(lang))}")
    return "".join(line + "\n" for line in lines)


def _escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)  # other control characters would reach the log as they are


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_html(results: Sequence[FileResult], rules: Sequence[Rule], lang: str) -> str:
    from .desk.page import html_report  # the page's code loads only when asked for

    return html_report(results, rules, lang)


_WHOLE_RUN: dict[str, Callable[[Sequence[FileResult], Sequence[Rule], str], str]] = {
    "json": to_json,
    "sarif": to_sarif,
    "github": to_github,
    "junit": to_junit,
    "gitlab": to_gitlab,
    "html": to_html,
}


class Reporter:
    """One output format: `file` for each result as it comes, `finish` once at the end."""

    keeps_results = True  # RunResult keeps every FileResult for `finish`
    needs_report = False  # the loaded report must stay with its result (so: lint in this process)

    def __init__(self, name: str, stream: TextIO, lang: str) -> None:
        self.name, self.stream, self.lang = name, stream, lang

    def file(self, result: FileResult, lang: str) -> None:
        """Called for each file in order, with that file's message language."""

    def finish(self, run: RunResult, rules: Sequence[Rule]) -> None:
        self.stream.write(_WHOLE_RUN[self.name](run.results, rules, self.lang))


class JunitReporter(Reporter):
    """JUnit XML: what a finding below --fail-on becomes is `warnings` (ci_formats.JUNIT_WARNINGS)."""

    def __init__(
        self, name: str, stream: TextIO, lang: str, *, warnings: str = "skipped", fail_on: Severity = ERROR
    ) -> None:
        super().__init__(name, stream, lang)
        self.warnings, self.fail_on = warnings, fail_on

    def finish(self, run: RunResult, rules: Sequence[Rule]) -> None:
        self.stream.write(to_junit(run.results, rules, self.lang, self.warnings, self.fail_on))


class HtmlReporter(Reporter):
    needs_report = True  # the page lays out each loaded report


class TextReporter(Reporter):
    """Lines as each file is linted, then a summary (and tables) from the run's counts.

    `text` (full) draws each finding's source line and a caret under it; `concise` is one line
    per finding."""

    keeps_results = False

    def __init__(
        self, name: str, stream: TextIO, lang: str, *, color: bool = False, statistics: bool = False,
        quiet: bool = False, unsafe_fixes: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(name, stream, lang)
        self.color, self.statistics, self.quiet = color, statistics, quiet
        self.painter: Painter | None = None
        self.spaced = False
        if name != "concise":
            from .caret import Painter

            self.painter = Painter(getattr(stream, "encoding", None), color)
        self.unsafe_fixes = unsafe_fixes  # unsafe fixes count as fixable ([*])

    def file(self, result: FileResult, lang: str) -> None:
        from .output import finding_lines

        for line in finding_lines(result, lang, self.color, self.painter, self.unsafe_fixes):
            self.stream.write(line + "\n")
            self.spaced = not line  # a drawn line ends with a blank line already

    def finish(self, run: RunResult, rules: Sequence[Rule]) -> None:
        from . import output

        if run.skipped and not run.checked:
            return  # only files that are not reports went by (a hook over a CI config): no noise
        gap = "" if self.spaced else "\n"
        if self.statistics:
            self.stream.write(gap + output.statistics(run, rules, self.lang) + "\n\n")
        elif run.checked > 1 and run.files and not self.quiet:
            self.stream.write(gap + output.per_file_table(run, self.lang) + "\n\n")
        if not self.quiet:
            fixed = output.fixed_line(run, self.lang)
            lines = [*([fixed] if fixed else []), output.summary(run, self.lang)]
            for line in [*lines, *output.fix_lines(run, self.lang, self.unsafe_fixes)]:
                self.stream.write(line + "\n")


def settings_for(fmt: str, options: object) -> dict[str, object]:
    """The keyword settings a format's reporter takes from the run's options (config.Options)."""
    if fmt == "junit":
        return {
            "warnings": getattr(options, "junit_warnings", "skipped"),
            "fail_on": getattr(options, "fail_on", ERROR),
        }
    return {}


REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "concise": TextReporter,
    "json": Reporter,
    "sarif": Reporter,
    "github": Reporter,
    "junit": JunitReporter,
    "gitlab": Reporter,
    "html": HtmlReporter,
}
