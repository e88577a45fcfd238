"""Every code's documentation (beside its declaration) is complete, and its examples are true.

Each `wrong` excerpt is spliced into a clean report (its keys replace the report's, mapping by
mapping, so the rest of the report stays as it was) and must get its code; the `right` excerpt,
spliced the same way, must not. Some excerpts are whole files rather than parts of a report
(they show YAML that cannot be read), so they are linted alone; a few cannot be tested as a
report at all (a shell session, a PDF, a crashing plugin) and are listed with the reason.
"""

from __future__ import annotations

import re

import pytest
from conftest import CITY_BUREAU, lint

from disclosure_lint import engine
from disclosure_lint.audit.codes import RULES as AUDIT_RULES
from disclosure_lint.config import Options
from disclosure_lint.explain import SECTIONS, documentation
from disclosure_lint.lint import lint_bytes

MODULES = engine.load_rule_modules(entry_points=False)
DOCS = documentation(MODULES)
CODES = [rule.code for rule in engine.all_rules(MODULES)]

# Whole files: the excerpt is the file (its problem is that it cannot be read as a report).
ALONE = {"DL002", "DL003", "DL004", "DL005", "DL006", "DL007"}
# The bytes a file is written in, where that is the point of the example.
ENCODING = {"DL003": "gbk"}
# Examples that are not a report's text; why each cannot be spliced into one.
NOT_A_REPORT = {
    "DL001": "a command naming a file that does not exist",
    "DL008": "a line of a published web page, seen by the importer, not in YAML",
    "DL020": "a line of a published text whose digits ran together, seen by the importer (tests/test_import_real.py)",
    "DL021": "a published text with no date at all, seen by the importer (tests/test_import_pdf.py)",
    "DL022": "a kind of report the importer inferred from the organ's name (Report.guessed, set by import)",
    **{
        code: "a line of a published text whose table cells ran together, read by the importer's"
        " digits solver (tests/test_import_crawled.py)"
        for code in ("DL025", "DL026", "DL027", "DL028")
    },
    "DL030": "a PDF page that is only an image (tests/test_import_pdf.py)",
    "DL031": "a PDF whose text layer is (cid:…) glyph codes (tests/test_import_pdf.py)",
    "DL032": "a PDF table aligned with spaces only (tests/test_import_pdf.py)",
    "DL306": "a value the importer guessed: Report.guessed is set by import, not by YAML text",
    "DL721": "needs last year's report (--previous); tests/test_rules_previous_year.py",
    "DL722": "needs last year's report (--previous); tests/test_rules_previous_year.py",
    "DL723": "needs last year's report (--previous); tests/test_rules_previous_year.py",
    "DL724": "needs last year's report (--previous); tests/test_rules_previous_year.py",
    "DL901": "a plugin that crashes, not a report (tests/test_plugins.py)",
}
# Made only by `disclosure-lint audit`, from several reports (or a document's preface) at once.
NOT_A_REPORT.update(
    {rule.code: "an audit of several reports at once (tests/test_audit*.py)" for rule in AUDIT_RULES}
)
# Keys a `wrong` excerpt says are absent ("# 没有…"): removed from the clean report too.
# A table excerpt that says the result rows it leaves out are zero.
ZERO_ROW = "[0, 0, 0, 0, 0, 0, 0]"
ZERO_ROWS = f"均为 {ZERO_ROW}，从略"
REMOVED = {"DL305": [("发布日期",)], "DL101": [("政府信息公开行政复议、行政诉讼情况", "复议后起诉")]}


_KEY = re.compile(r"([^\s#:'\"][^:]*?):(?:\s(.*))?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _entries(lines: list[str], indent: int) -> dict[str, tuple[int, int]]:
    """Where each key of a block mapping written at `indent` starts and ends (its lines)."""
    found: dict[str, tuple[int, int]] = {}
    starts = []
    for n, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#") and _indent(line) <= indent:
            key = _KEY.match(line.strip())
            starts.append((n, key.group(1) if key and _indent(line) == indent else None))
    for (start, key), (end, _) in zip(starts, [*starts[1:], (len(lines), None)], strict=False):
        if key is not None:
            found[key] = (start, end)
    return found


def _nested(line: str) -> bool:
    key = _KEY.match(line.strip())
    return key is not None and not (key.group(2) or "").split("#")[0].strip()


def _splice(base: list[str], part: list[str], indent: int = 0) -> list[str]:
    """`base` with each key of `part` in place of its own; nested block mappings key by key."""
    for key, (start, end) in _entries(part, indent).items():
        block = part[start:end]
        while block and not block[-1].strip():
            block.pop()
        there = _entries(base, indent).get(key)
        if there is None:
            base = [*base, *block]
        elif _nested(block[0]) and _nested(base[there[0]]) and _entries(block[1:], indent + 2):
            children = _splice(base[there[0] + 1 : there[1]], block[1:], indent + 2)
            base = [*base[: there[0] + 1], *children, *base[there[1] :]]
        else:
            base = [*base[: there[0]], *block, *base[there[1] :]]
    return base


def _remove(lines: list[str], path: tuple[str, ...], indent: int = 0) -> list[str]:
    start, end = _entries(lines, indent)[path[0]]
    if len(path) == 1:
        return [*lines[:start], *lines[end:]]
    return [*lines[: start + 1], *_remove(lines[start + 1 : end], path[1:], indent + 2), *lines[end:]]


def _zero_results(lines: list[str]) -> list[str]:
    start, end = _entries(lines, 0)["收到和处理政府信息公开申请情况"]
    inner, stop = _entries(lines[start + 1 : end], 2)["本年度办理结果"]
    zeros = re.compile(r"\[[0-9, ]*\]")
    return [
        zeros.sub(ZERO_ROW, line)
        if start + 1 + inner < n < start + 1 + stop and not line.lstrip().startswith("#")
        else line
        for n, line in enumerate(lines)
    ]


def spliced(code: str, excerpt: str) -> str:
    """The clean report with the excerpt's keys in place of its own, its text kept as written."""
    lines = CITY_BUREAU.read_text(encoding="utf-8").splitlines()
    for path in REMOVED.get(code, ()):
        lines = _remove(lines, path)
    if ZERO_ROWS in excerpt:  # what the excerpt leaves out is 0, as it says
        lines = _zero_results(lines)
    excerpt = re.sub(r"（[^）\n]*万字[^）\n]*）", "信息公开工作。" * 9000, excerpt)
    return "\n".join(_splice(lines, excerpt.splitlines())) + "\n"


def codes_of(code: str, excerpt: str, encoding: str = "utf-8") -> set[str]:
    if code in ALONE:  # <0xB7> in an excerpt stands for that byte
        data = re.sub(rb"<0x([0-9A-F]{2})>", lambda m: bytes([int(m[1], 16)]), excerpt.encode(encoding))
        return {f.code for f in lint_bytes(data, "report.yaml", MODULES, Options()).findings}
    return {f.code for f in lint(spliced(code, excerpt)).findings}


def test_every_code_is_documented_beside_its_declaration() -> None:
    missing = [code for code in CODES if code not in DOCS]
    assert missing == []
    for code in CODES:
        for section in SECTIONS:
            assert str(DOCS[code].get(section, "")).strip(), (code, section)


def test_the_retired_explanations_file_stays_retired() -> None:
    # A branch that still adds entries to it: run `python scripts/migrate_explanations.py`,
    # which moves them beside the code that declares them.
    assert not (CITY_BUREAU.parents[2] / "rules" / "explanations.yaml").exists()


def test_the_clean_report_is_clean() -> None:
    assert lint(spliced("", "")).findings == []


@pytest.mark.parametrize("code", [c for c in CODES if c not in NOT_A_REPORT])
def test_the_wrong_example_gets_its_code(code: str) -> None:
    assert code in codes_of(code, DOCS[code]["wrong"], ENCODING.get(code, "utf-8"))


@pytest.mark.parametrize("code", [c for c in CODES if c not in NOT_A_REPORT])
def test_the_right_example_does_not(code: str) -> None:
    assert code not in codes_of(code, DOCS[code]["right"])
