"""A lint result as plain data (builtins only), and back: how results cross from a worker
process and into the result cache.

A finding goes as its rule's code, line, column, path, message arguments, `covers`, span and fix, and comes
back bound to the very `Rule` object this process loaded for that code (a rule of no module's
RULES goes by value). Rule modules are loaded from files by path, and a plugin's objects may not
pickle or be JSON: a result that is not plain data is None here, and is linted again where it
is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from . import engine
from .excerpts import Excerpt
from .findings import Edit, Finding, Fix, Pos, Rule, Severity
from .result import FileResult

_SCALARS = (str, int, float, bool, type(None), Decimal)
_RULE_FIELDS = Rule._fields


def rules_by_code(modules: Sequence[engine.RuleModule]) -> dict[str, Rule]:
    return {rule.code: rule for rule in engine.all_rules(modules)}


def as_plain(result: FileResult, known: dict[str, Rule]) -> Any:
    """The result as builtins only, or None when something in it is not plain data."""
    if type(result) is not FileResult:
        return None
    # The findings go below; the report is not sent (html output lints in one process).
    rest = {name: getattr(result, name) for name in FileResult.SENT if name != "findings"}
    rest["excerpts"] = tuple(tuple(excerpt) for excerpt in result.excerpts)
    if not all(_is_plain(value) for value in rest.values()):
        return None
    findings = []
    for finding in result.findings:
        if type(finding) is not Finding or type(finding.pos) is not Pos:
            return None
        rule = finding.rule
        if known.get(rule.code) is rule:
            sent_rule: Any = rule.code
        elif type(rule) is Rule and type(rule.severity) is Severity:
            sent_rule = tuple(getattr(rule, name) for name in _RULE_FIELDS)  # a rule of no module's RULES
        else:
            return None
        if (
            not (_is_plain(finding.path) and _is_plain(finding.args) and _is_plain(finding.covers))
            or type(finding.span) is not int
        ):
            return None
        fix = _plain_fix(finding.fix)
        if fix is False:
            return None
        findings.append(
            (
                sent_rule,
                finding.pos.line,
                finding.pos.col,
                finding.path,
                finding.args,
                finding.covers,
                finding.span,
                fix,
            )
        )
    return rest, findings


def _plain_fix(fix: Fix | None) -> Any:
    """A fix as builtins (None for none), or False when it is not the plain record."""
    if fix is None:
        return None
    if type(fix) is not Fix or not all(type(e) is Edit and type(e.content) is str for e in fix.edits):
        return False
    edits = [(e.start.line, e.start.col, e.end.line, e.end.col, e.content) for e in fix.edits]
    if not _is_plain([fix.applicability, fix.message_zh, fix.message_en]):
        return False
    return (fix.applicability, fix.message_zh, fix.message_en, edits)


def _rebuild_fix(plain: Any) -> Fix | None:
    if plain is None:
        return None
    applicability, message_zh, message_en, edits = plain
    return Fix(
        tuple(Edit(Pos(a, b), Pos(c, d), content) for a, b, c, d, content in edits),
        applicability,
        message_zh,
        message_en,
    )


def _is_plain(value: Any) -> bool:
    kind = type(value)
    if kind in _SCALARS or kind is Severity or kind is Pos:
        return True
    if kind is tuple or kind is list:
        return all(_is_plain(item) for item in value)
    if kind is dict:
        return all(type(key) is str and _is_plain(item) for key, item in value.items())
    return False


def _rule(fields: Any) -> Rule:
    """A rule sent field by field; its `fix` tuple may have come back from JSON as a list."""
    rule = Rule(*fields)
    return rule._replace(fix=tuple(rule.fix))


def from_plain(plain: Any, known: dict[str, Rule]) -> FileResult | None:
    if plain is None:
        return None
    rest, sent = plain
    findings = []
    for sent_rule, line, col, path, args, covers, span, fix in sent:
        rule = known[sent_rule] if isinstance(sent_rule, str) else _rule(sent_rule)
        findings.append(
            Finding(rule, Pos(line, col), path, args, covers=covers, span=span, fix=_rebuild_fix(fix))
        )
    excerpts = tuple(Excerpt(*excerpt) for excerpt in rest.pop("excerpts", ()))
    return FileResult(findings=findings, excerpts=excerpts, **rest)
