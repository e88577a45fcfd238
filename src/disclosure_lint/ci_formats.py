"""The formats CI servers read as test or quality reports: JUnit XML and GitLab Code Quality.

JUnit: a test suite per file, a test case per finding. A finding that fails the run (at or above
`--fail-on`: errors, by default) is a `<failure>`; the others (warnings and notes) are
`<skipped>` with their message by default, so the CI's test view shows them without counting
them as failures; `--junit-warnings passed` makes them passing cases with the line in
`<system-out>`, `failure` makes them failures too.

GitLab Code Quality: the JSON array GitLab shows in merge requests (a subset of Code Climate's
issue format). A finding is known across runs by its fingerprint: the file, the code, the place in
the report (its key path, not its line) and its English message, so re-wrapping a paragraph does
not make an old finding new, while a changed figure does.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path as FsPath

from .escape import encodable, xml_text
from .findings import ERROR, INFO, WARNING, Finding, Rule, Severity
from .result import FileResult

JUNIT_WARNINGS = ("skipped", "passed", "failure")  # what a finding below --fail-on becomes
GITLAB_SEVERITY = {ERROR: "major", WARNING: "minor", INFO: "info"}


def to_junit(
    results: Sequence[FileResult],
    rules: Sequence[Rule],
    lang: str,
    warnings: str = "skipped",
    fail_on: Severity = ERROR,
) -> str:
    """JUnit XML for GitLab and Jenkins: a test suite per file, a test case per finding."""
    import xml.etree.ElementTree as ET

    # Every string goes through xml_text: XML 1.0 cannot hold most control characters at all.
    suites = ET.Element("testsuites", name="disclosure-lint")
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for result in results:
        filename = xml_text(result.filename)
        suite = ET.SubElement(suites, "testsuite", name=filename)
        counts = {"tests": max(len(result.findings), 1), "failures": 0, "skipped": 0}
        if not result.findings:
            ET.SubElement(suite, "testcase", name="disclosure-lint", classname=filename)
        for finding in result.findings:
            case = ET.SubElement(
                suite, "testcase", classname=filename,
                name=xml_text(f"{finding.code} {finding.pos.line}:{finding.pos.col}"),
            )  # fmt: skip
            message = xml_text(finding.message(lang))
            line = f"{filename}:{finding.pos.line}:{finding.pos.col}: {xml_text(finding.code)} {message}"
            outcome = "failure" if finding.severity >= fail_on or result.unreadable else warnings
            if outcome == "failure":
                ET.SubElement(case, "failure", message=message, type=finding.severity.label).text = line
                counts["failures"] += 1
            elif outcome == "skipped":
                ET.SubElement(case, "skipped", message=f"{finding.severity.label}: {message}").text = line
                counts["skipped"] += 1
            else:
                ET.SubElement(case, "system-out").text = line
        for key in ("tests", "failures", "skipped"):
            suite.set(key, str(counts[key]))
            totals[key] += counts[key]
        suite.set("errors", "0")
    for key, value in totals.items():
        suites.set(key, str(value))
    suites.set("errors", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def to_gitlab(results: Sequence[FileResult], rules: Sequence[Rule], lang: str) -> str:
    """GitLab Code Quality: one issue per finding, with a fingerprint stable across runs."""
    import json  # here, not at the top: every lint imports this module (JUNIT_WARNINGS)

    issues = []
    for result in results:
        path = relative_path(result.filename)
        seen: dict[str, int] = {}
        for finding in result.findings:
            key = fingerprint(path, finding)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:  # the same finding twice in one file: still two issues
                key = fingerprint(path, finding, seen[key])
            issues.append(
                {
                    "type": "issue",
                    "description": f"{finding.code} {finding.message(lang)}",
                    "check_name": finding.code,
                    "fingerprint": key,
                    "severity": GITLAB_SEVERITY.get(finding.severity, "info"),
                    "location": {"path": path, "lines": {"begin": finding.pos.line}},
                }
            )
    return encodable(json.dumps(issues, ensure_ascii=False, indent=2)) + "\n"


def relative_path(filename: str) -> str:
    """The path as GitLab wants it: relative to the project folder (the current one), with `/`."""
    path = FsPath(filename)
    if path.is_absolute():
        try:
            path = FsPath(os.path.relpath(path, FsPath.cwd()))
        except ValueError:  # another drive on Windows
            return path.as_posix()
        if path.parts[:1] == ("..",):
            return FsPath(filename).as_posix()
    return path.as_posix()


def fingerprint(path: str, finding: Finding, occurrence: int = 1) -> str:
    """The same finding in the same file gets the same fingerprint in every run, wherever its line."""
    import hashlib
    import json

    parts = [path, finding.code, [str(step) for step in finding.path], finding.message("en")]
    if occurrence > 1:
        parts.append(occurrence)
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()
