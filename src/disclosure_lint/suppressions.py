"""Inline suppressions in a report, each with its reason.

    行政复议: [2, 1, 0, 1, 5]  # disclosure-lint: disable=DL204 复议决定书尚未送达，总计以法院通知为准
    # disclosure-lint: disable=DL401 该栏目本机关不适用，已报上级同意     ← a comment line: applies to the next line
    # disclosure-lint: disable-file=DL301 总体情况按本省模板只写一段

A suppression without a reason, naming an unknown code, or silencing nothing is
itself reported, so suppressions cannot quietly pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .document import Report
from .findings import WARNING, Finding, Pos, Rule

_DIRECTIVE = re.compile(
    r"#\s*disclosure-lint:\s*(disable|disable-file)\s*=\s*([A-Za-z0-9_, ]+?)(?:\s+(.*))?$"
)
_CODE_LIST = re.compile(r"[A-Z]+\d+")

NO_REASON = Rule(
    code="DL010",
    name="suppression-without-reason",
    severity=WARNING,
    summary_zh="抑制注释没有写明原因",
    summary_en="A suppression comment gives no reason",
    clause="—",
    message_zh="抑制注释没有写明原因：请在代码后写上为什么可以不改，例如“# disclosure-lint: disable={codes} 已报上级同意”",
    message_en="the suppression gives no reason: say why after the codes, e.g. '# disclosure-lint: disable={codes} agreed with the supervising office'",
)
UNKNOWN_CODE = Rule(
    code="DL011",
    name="suppression-unknown-code",
    severity=WARNING,
    summary_zh="抑制注释中的规则代码不存在",
    summary_en="A suppression names a rule code that does not exist",
    clause="—",
    message_zh="抑制注释中的“{code}”不是已知的规则代码（可用 disclosure-lint --list-rules 查看）",
    message_en="'{code}' in the suppression is not a known rule code (see disclosure-lint --list-rules)",
)
UNUSED = Rule(
    code="DL012",
    name="unused-suppression",
    severity=WARNING,
    summary_zh="抑制注释没有抑制任何问题",
    summary_en="A suppression silences nothing",
    clause="—",
    message_zh="抑制注释“{code}”没有抑制任何问题，问题可能已经改正，请删去这条注释",
    message_en="the suppression of '{code}' silences nothing — the problem may be fixed; remove the comment",
)
RULES = (NO_REASON, UNKNOWN_CODE, UNUSED)


class Suppression(NamedTuple):
    pos: Pos  # where the comment is
    codes: tuple[str, ...]
    reason: str
    line: int | None  # the line it applies to; None for the whole file
    used: set[str]


def find(report: Report) -> list[Suppression]:
    """The suppressions in the report's comments; text inside a value never counts as one."""
    if "disclosure-lint:" not in report.source:
        return []
    found = []
    lines = report.source.split("\n")
    for number, col in _comments(report.source):
        line = lines[number - 1]
        match = _DIRECTIVE.match(line, col - 1)
        if not match:
            continue
        kind, codes, reason = match.group(1), match.group(2), (match.group(3) or "").strip()
        if kind == "disable-file":
            target = None
        elif line[: col - 1].strip():
            target = number  # a trailing comment: its own line
        else:
            target = _next_content_line(lines, number)
        codes_found = tuple(_CODE_LIST.findall(codes.upper()))
        found.append(Suppression(Pos(number, col), codes_found, reason, target, set()))
    return found


def _comments(source: str) -> list[tuple[int, int]]:
    """(line, column) of every comment that mentions disclosure-lint, as the YAML parser sees them.

    A '#' is a comment only where the parser found no scalar: inside a quoted, plain or block
    scalar (a value or a key) it is text. The parser's events give each scalar's span, so a
    '#' preceded by a space or starting its line and lying in no span starts a comment. The
    parser is ruamel.yaml's C parser, as for loading, so this costs about a millisecond.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.events import ScalarEvent

    spans: list[tuple[int, int]] = []
    events = YAML(typ="safe").parse(source)
    try:
        for event in events:
            if isinstance(event, ScalarEvent):
                spans.append((event.start_mark.index, event.end_mark.index))
    except Exception:  # the report was read, so this should not happen; the spans so far still hold
        pass
    finally:
        events.close()
    found = []
    offset = 0
    for number, line in enumerate(source.split("\n"), start=1):
        if "disclosure-lint:" in line:
            for col, char in enumerate(line, start=1):
                if char != "#" or (col > 1 and not line[col - 2].isspace()):
                    continue
                at = offset + col - 1
                if not any(begin <= at < end for begin, end in spans):
                    found.append((number, col))
                    break  # the rest of the line is this comment
        offset += len(line) + 1
    return found


def apply(
    report: Report, findings: Iterable[Finding], known_codes: frozenset[str]
) -> tuple[list[Finding], list[Finding]]:
    """(kept findings, findings about the suppressions themselves)."""
    suppressions = find(report)
    if not suppressions:
        return list(findings), []
    kept = []
    for finding in findings:
        match = next((s for s in suppressions if _covers(s, finding)), None)
        if match is None:
            kept.append(finding)
        else:
            match.used.add(next(code for code in match.codes if finding.code.startswith(code)))
    problems = []
    for suppression in suppressions:
        if not suppression.reason:
            problems.append(NO_REASON.at(suppression.pos, codes=",".join(suppression.codes)))
        for code in suppression.codes:
            if not any(known.startswith(code) for known in known_codes):
                problems.append(UNKNOWN_CODE.at(suppression.pos, code=code))
            elif code not in suppression.used:
                problems.append(UNUSED.at(suppression.pos, code=code))
    return kept, problems


def _covers(suppression: Suppression, finding: Finding) -> bool:
    if suppression.line is not None and suppression.line != finding.pos.line:
        return False
    return any(finding.code.startswith(code) for code in suppression.codes)


def _next_content_line(lines: list[str], number: int) -> int:
    for index in range(number, len(lines)):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index + 1
    return number
