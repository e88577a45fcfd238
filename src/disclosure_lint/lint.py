"""The one data path: load → validate against the schema → rules → filter and sort."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path as FsPath

from . import engine, excerpts, suppressions
from . import messages as m
from .config import Options
from .document import Report
from .findings import ERROR, START, Finding
from .intake import DOCUMENT_SUFFIXES, MAX_BYTES, reader_for
from .loader import Loaded, load_bytes, load_decoded, load_file, load_text
from .result import FileResult
from .schema import validate

__all__ = [
    "DOCUMENT_SUFFIXES",
    "FileResult",
    "check_report",
    "lint_bytes",
    "lint_path",
    "lint_source",
    "lint_text",
    "load_any",
]

# Schema findings about a value, which a rule's finding at the same value replaces.
_VALUE_CODES = frozenset({m.WRONG_TYPE.code, m.BAD_VALUE.code})


def lint_path(
    path: FsPath,
    modules: Sequence[engine.RuleModule],
    options: Options,
    max_bytes: int = MAX_BYTES,
    previous: Report | None = None,
) -> FileResult:
    try:
        facts = dict(options.metadata)
        loaded = load_any(path, max_bytes, facts) if facts else load_any(path, max_bytes)
        result = _finish(str(path), loaded, modules, options, previous)
        if reader_for(path) != "yaml":  # fixes edit YAML text; a published document is never rewritten
            result.findings = [f._replace(fix=None) if f.fix else f for f in result.findings]
        return result
    except Exception as error:  # a fault of ours: one line naming the file, and the next file still runs
        problem = f"{type(error).__name__}: {error}"
        finding = engine.INTERNAL_ERROR.at(START, module="disclosure-lint", error=problem)
        return FileResult(str(path), [finding], crashed=True)


def load_any(path: FsPath, max_bytes: int = MAX_BYTES, metadata: dict | None = None) -> Loaded:
    """A YAML report, or a published document imported (`metadata`: facts it may not state)."""
    if reader_for(path) != "yaml":  # imported in memory, then checked as its YAML
        from .importer import load_document

        return load_document(path, max_bytes=max_bytes, overrides=metadata)
    return load_file(path, max_bytes=max_bytes)


def lint_bytes(
    raw: bytes, filename: str, modules: Sequence[engine.RuleModule], options: Options
) -> FileResult:
    """Lint content that is not a file on disk (standard input, or the fuzz tests)."""
    return _finish(filename, load_bytes(raw, filename, options.max_bytes), modules, options)


def lint_text(text: str, filename: str, modules: Sequence[engine.RuleModule], options: Options) -> FileResult:
    return _finish(filename, load_text(text, filename), modules, options)


def lint_source(
    text: str,
    filename: str,
    modules: Sequence[engine.RuleModule],
    options: Options,
    previous: Report | None = None,
    decoding: Sequence[Finding] = (),
) -> FileResult:
    """Lint a report's decoded text as its file would be (one round of `--fix`); `decoding` are
    the findings of decoding its bytes (DL003), which come first as they do for a file."""
    loaded = load_decoded(text, filename)
    loaded.findings[:0] = decoding
    return _finish(filename, loaded, modules, options, previous)


def check_report(report: Report, modules: Sequence[engine.RuleModule]) -> list[Finding]:
    """Schema and rule findings for a loaded report, one finding per problem.

    A rule that speaks about a value (a blank cell, say) knows more than the
    schema's type or range error at the same place, so that finding is dropped;
    missing and unknown keys always stay.
    """
    from_rules = engine.run(modules, report)
    claimed = {f.path for f in from_rules if f.path}
    # A rule may say that its finding explains other places too (`Finding.covers`).
    covered = {tuple(path) for f in from_rules for path in f.covers}
    found = validate(report)
    if found:  # most reports are valid: the fixes' module loads only for one that is not
        from .schema_fixes import attach as attach_fixes

        found = attach_fixes(report, found)
    from_schema = [
        f
        for f in found
        if f.path not in covered
        # a value the importer lost is reported by it (DL020); the row's labels it did read still count
        and (f.path not in report.unreadable or f.code not in _VALUE_CODES)
        and (f.path not in claimed or f.code not in _VALUE_CODES)
        and not (f.code == m.MISSING_KEY.code and len(f.path) == 1 and f.path[0] in report.unstated)
    ]
    return from_schema + from_rules


def _finish(
    filename: str,
    loaded: Loaded,
    modules: Sequence[engine.RuleModule],
    options: Options,
    previous: Report | None = None,
) -> FileResult:
    result = FileResult(filename, report=loaded.report, not_a_report=loaded.not_a_report)
    findings = list(loaded.findings)
    # Invalid YAML (say, a duplicate key) still gets checked, but exits 2 like a parse error.
    result.unreadable = any(f.severity == ERROR for f in loaded.findings)
    if loaded.report is not None:
        loaded.report.previous = previous
        checked = check_report(loaded.report, modules)
        known = frozenset(rule.code for rule in engine.all_rules(modules))
        checked, about_suppressions = suppressions.apply(loaded.report, checked, known)
        findings.extend(checked + about_suppressions)
        loaded.report.forget_derived()  # what the rules shared; the result may keep the report
    result.crashed = any(f.code == engine.INTERNAL_ERROR.code for f in findings)
    shown = sorted(
        (
            _unfixed(f, options)
            for f in findings
            if result.unreadable or _always_shown(f) or options.enabled(f.code)
        ),
        key=Finding.sort_key,
    )
    # The lines they point at are picked now, while the text is in memory (the output comes later).
    result.findings, result.excerpts = excerpts.pick(shown, loaded.text, loaded.report, loaded.exact)
    return result


def _unfixed(finding: Finding, options: Options) -> Finding:
    """A finding shown although its code is not selected (a file that cannot be read shows every
    one) offers no fix: `--fix` mends only what was asked for."""
    if finding.fix is None or options.enabled(finding.code):
        return finding
    return finding._replace(fix=None)


def _always_shown(finding: Finding) -> bool:
    return finding.code == engine.INTERNAL_ERROR.code


class NotAReport(Exception):
    """A file named as last year's report that cannot serve as one; the message says why."""


def load_previous(path: FsPath, max_bytes: int) -> Report:
    """Last year's report for --previous: YAML or any document the importer reads."""
    from . import statute as s

    loaded = load_any(path, max_bytes)
    if loaded.report is None:
        finding = loaded.findings[0] if loaded.findings else None
        reason = finding.message("en") if finding else "unreadable"
        if finding is not None and finding.code == "DL006":
            raise NotAReport(f"not an annual report: {reason}")
        raise NotAReport(f"cannot be read: {reason}")
    data = loaded.report.data
    if not isinstance(data, dict) or not any(part in data for part in s.PARTS):
        raise NotAReport("not an annual report: it has none of the report's six parts")
    return loaded.report
