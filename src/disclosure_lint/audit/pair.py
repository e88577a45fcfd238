"""`audit --compare A B`: the second file's differences from the first, as findings in it."""

from __future__ import annotations

from pathlib import Path

from .. import engine
from ..config import Overrides, options_for
from ..lint import FileResult
from . import compare
from .load import Entry, agency_of, load_all, year_of
from .run import Audit


def compare_two(first: Path, second: Path, overrides: Overrides) -> Audit:
    options = options_for(None, overrides)
    loaded = load_all([first, second], options.max_bytes)
    entries = [Entry(path, one) for path, one in zip((first, second), loaded, strict=True)]
    results = []
    for entry in entries:
        errors = [f for f in entry.loaded.findings if f.severity.name == "ERROR"]
        result = FileResult(entry.name, errors, report=entry.report)
        result.unreadable = entry.report is None or bool(result.findings)
        if entry.report is not None:
            entry.body, entry.year = agency_of(entry.report) or None, year_of(entry.report)
        results.append(result)
    a, b = entries
    if a.report is not None and b.report is not None:
        found = compare.differences(b.report, a.report, a.name)
        results[1].findings.extend(f for f in found if options_for(second, overrides).enabled(f.code))
    modules = engine.load_rule_modules(options.rule_dirs)
    identity = {e.name: f"{e.body} {e.year}" if e.body and e.year else e.name for e in entries}
    return Audit(entries, results, modules, identity=identity)
