"""DL041: a control or direction character written as an escape inside a value or key.

The loader refuses such characters when they stand in the file as they are (DL004); written as
a YAML escape in double quotes (`"某局\\x01"`, `"\\e[2J"`, `"\\u202e"`) they are valid YAML and
reach the report. Nobody means them: they do not show in print, a right-to-left override makes
a line read differently from what it holds, and a Word document cannot hold them at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclosure_lint.api import WARNING, Finding, Path, Report, Rule
from disclosure_lint.escape import visible

CONTROL = Rule(
    code="DL041",
    name="control-character",
    severity=WARNING,
    summary_zh="文字中有看不见的控制字符",
    summary_en="A value or key holds an invisible control character",
    clause="—",
    message_zh="“{key}”里有看不见的控制字符 {chars}：打印和网页上看不出来，Word 文档也容纳不了，请删除",
    message_en="'{key}' holds the invisible control character(s) {chars}: they do not show in print and a Word document cannot hold them; remove them",
)
RULES = (CONTROL,)

# C0 and C1 controls except tab and line feed, DEL, direction embeddings, overrides and isolates.
# Zero-width spaces and joiners are left alone: web pages are full of them and they change nothing
# a reader sees (the loader already refuses them standing raw in a YAML key, DL004).
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check(report: Report) -> Iterator[Finding]:
    for path in report.keys:
        key = path[-1]
        if isinstance(key, str) and _HIDDEN.search(key):
            yield _finding(report, path, key, at_key=True)
    if not _HIDDEN.search("\n".join(_strings(report.data))):  # "\n" is not one of them
        return  # the usual case, found in one walk of the data instead of a lookup per value
    for path in report.values:
        value = report.get(path)
        if isinstance(value, str) and _HIDDEN.search(value):
            yield _finding(report, path, value, at_key=False)


def _strings(data: object) -> Iterator[str]:
    """Every text in the report's data (the values only: keys are checked above)."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _finding(report: Report, path: Path, text: str, at_key: bool) -> Finding:
    chars = " ".join(dict.fromkeys(visible(char) for char in _HIDDEN.findall(text)))
    key = "·".join(visible(str(part)) for part in path) or "报告"
    pos = report.key_pos(path) if at_key else report.pos(path)
    return CONTROL.at(pos, path, key=key, chars=chars)
