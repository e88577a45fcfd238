"""Validate a report against the statutory JSON Schema and turn errors into findings.

The validator reports what is wrong; this module decides where the clerk should
look (the value, the parent's key for a missing key, the key itself for an
unknown one) and makes one finding per problem.

The compiled validator (jsonschema-rs) gives the verdict and, for a report that fails, the errors:
where in the report and where in the schema, from which the findings are made exactly as from
jsonschema's (importing jsonschema costs a one-report lint about a third of its time).
jsonschema, the reference, answers wherever the compiled one is not installed or cannot judge a
value, and for any keyword this module does not expect; tests hold the two to the same findings.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

from . import messages as m
from . import statute as s
from .document import Report
from .findings import Finding, Path
from .labels import describe, norm
from .resources import schema_path

_TYPE_ZH = {
    "integer": "整数",
    "number": "数字（万元）",
    "string": "文字",
    "object": "一组下级项目（“键: 值”）",
    "array": "一行格子，如 [0, 0, 0]",
}
_TYPE_EN = {
    "integer": "a whole number",
    "number": "a number (万元)",
    "string": "text",
    "object": "a group of 'key: value' items",
    "array": "a row of cells like [0, 0, 0]",
}


@functools.cache
def load_schema(version: int = s.FORMAT_VERSION) -> dict[str, Any]:
    with schema_path(version).open(encoding="utf-8") as stream:
        return json.load(stream)


@functools.cache
def _validator(version: int = s.FORMAT_VERSION) -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(version))


@functools.cache
def _compiled(version: int = s.FORMAT_VERSION) -> Any:
    """A compiled validator for the verdict alone (jsonschema-rs): most reports are valid, and it
    answers in microseconds what jsonschema takes milliseconds (and its import) to say. None where
    it is not installed: jsonschema then does both jobs."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(load_schema(version))


def certainly_valid(data: Any, version: int = s.FORMAT_VERSION) -> bool:
    """True when the compiled validator finds nothing; False when it finds something or cannot say."""
    compiled = _compiled(version)
    if compiled is None:
        return False
    try:
        return bool(compiled.is_valid(data))
    except (ValueError, TypeError, OverflowError):  # a value it does not model: let jsonschema judge
        return False


# The keywords of the statutory schemas, and so the only kinds of error the findings are made from;
# an error of any other kind (a schema changed without this module) is left to jsonschema.
_KEYWORDS = frozenset(
    {"type", "enum", "pattern", "minimum", "maximum", "minLength", "minItems", "maxItems", "required"}
    | {"additionalProperties"}
)


class SchemaError:
    """What the findings are made from, of one error: where in the report (`absolute_path`), the
    keyword (`validator`), its value, the schema that holds it, and the value at that place; named
    as jsonschema names them, so either validator's errors read alike."""

    __slots__ = ("absolute_path", "instance", "message", "schema", "validator", "validator_value")

    def __init__(self, path: Path, keyword: str, schema: dict[str, Any], instance: Any, message: str) -> None:
        self.absolute_path = path
        self.validator = keyword
        self.validator_value = schema[keyword]
        self.schema = schema
        self.instance = instance
        self.message = message


def schema_errors(data: Any, version: int = s.FORMAT_VERSION) -> list[Any]:
    """Every schema error in `data`, in a fixed order (by place in the report, then keyword): the
    compiled validator's where it can say, else jsonschema's."""
    errors = _compiled_errors(data, version)
    if errors is None:
        errors = list(_validator(version).iter_errors(data))
    return sorted(errors, key=_order)


def _order(error: Any) -> tuple[tuple[str, ...], str]:
    return tuple(str(step) for step in error.absolute_path), error.validator


def _compiled_errors(data: Any, version: int) -> list[SchemaError] | None:
    compiled = _compiled(version)
    if compiled is None:
        return None
    schema = load_schema(version)
    errors = []
    try:
        for error in compiled.iter_errors(data):
            *within, keyword = error.schema_path
            if keyword not in _KEYWORDS:
                return None
            holder = schema
            for step in within:
                holder = holder[step]
            instance = data
            for step in error.instance_path:
                instance = instance[step]
            errors.append(SchemaError(tuple(error.instance_path), keyword, holder, instance, error.message))
    except (ValueError, TypeError, OverflowError, KeyError, IndexError):  # a value it cannot judge
        return None
    return errors


def prepare() -> None:
    """Build the validators now, e.g. before forking workers, so they inherit them (jsonschema's
    only where it is the one that answers)."""
    for version in s.FORMATS:
        if _compiled(version) is None:
            _validator(version)


def validate(report: Report) -> list[Finding]:
    """Schema findings against the format the report's tables follow, and one finding on the format."""
    fmt = report.format
    findings = _schema_findings(report, fmt)
    if fmt is not s.FORMAT_2019:
        findings = _mixed_table2(report, findings)
    if fmt.squeezed_other:
        findings = [
            f for f in findings if f.path[: len(s.formats.SINGLE_OTHER_PATH)] != s.formats.SINGLE_OTHER_PATH
        ]
        findings.append(_squeezed(report))
    return [*_format_findings(report, fmt), *findings]


def _schema_findings(report: Report, fmt: s.Format) -> list[Finding]:
    if certainly_valid(report.data, fmt.version):
        return []  # jsonschema (and its import) only for reports that break the schema
    findings: list[Finding] = []
    missing: dict[Path, list[str]] = {}
    unknown: dict[Path, list[str]] = {}
    allowed: dict[Path, list[str]] = {}
    seen: set[tuple[Path, str]] = set()
    for error in schema_errors(report.data, fmt.version):
        path: Path = tuple(error.absolute_path)
        kind = error.validator
        if kind in ("minItems", "maxItems"):
            kind = "items"
        if (path, kind) in seen:
            continue
        seen.add((path, kind))
        if kind == "required":
            present = error.instance
            missing.setdefault(path, []).extend(k for k in error.validator_value if k not in present)
        elif kind == "additionalProperties":
            known = list(error.schema.get("properties", {}))
            allowed[path] = known
            unknown.setdefault(path, []).extend(k for k in error.instance if k not in known)
        else:
            findings.extend(_value_finding(report, path, kind, error))
    for path, keys in unknown.items():
        findings.extend(_unknown_findings(report, path, keys, allowed[path], missing.get(path, [])))
    for path, keys in missing.items():
        for key in keys:
            findings.append(
                m.MISSING_KEY.at(report.key_pos(path), (*path, key), parent=describe(path), key=key)
            )
    return findings


def _format_findings(report: Report, fmt: s.Format) -> list[Finding]:
    """One finding when the report's tables follow a format that does not fit its year or its declaration.

    A 2019 or 2020 report on the 2019 format is correct and gets none: every rule runs on it.
    """
    year = report.get((s.YEAR,))
    declared = report.get((s.VERSION,))
    if fmt is not s.FORMAT_2019:
        return []
    evidence = s.formats.evidence_2019(report.data) or [(s.VERSION,)]
    first = min(evidence, key=lambda path: (report.key_pos(path).line, report.key_pos(path).col))
    if isinstance(year, int) and not isinstance(year, bool) and year >= s.FORMAT_VERSION:
        names = dict.fromkeys(
            str(path[-1]) for path in sorted(evidence, key=lambda p: report.key_pos(p).line)
        )
        labels = "、".join(f"“{name}”" for name in list(names)[:3])
        return [m.OLD_TEMPLATE.at(report.key_pos(first), first, labels=labels)]
    if declared == s.FORMAT_VERSION:
        return [
            m.BAD_VALUE.at(
                report.pos((s.VERSION,)), (s.VERSION,), key=s.VERSION,
                problem=f"应为 2019：报告的表格是 2019 年格式（{s.DOCUMENT_2019}）",
                problem_en=f"should be 2019: the report's tables are those of the 2019 format ({s.DOCUMENT_2019})",
            )
        ]  # fmt: skip
    return []


def _mixed_table2(report: Report, findings: list[Finding]) -> list[Finding]:
    """A 2021 table 二 with a row or column of the 2019 format left in: one DL106, not a key finding each."""
    stray = [
        f for f in findings if f.code == m.UNKNOWN_KEY.code and f.path and f.path[-1] in s.FORMAT_2019_LABELS
    ]
    if not stray:
        return findings
    first = min(stray, key=lambda f: (f.pos.line, f.pos.col))
    labels = "、".join(f"“{name}”" for name in list(dict.fromkeys(str(f.path[-1]) for f in stray))[:3])
    kept = [f for f in findings if f.path[:1] != (s.PART2,)]
    return [m.OLD_TEMPLATE.at(first.pos, first.path, labels=labels), *kept]


def _squeezed(report: Report) -> Finding:
    """A 2021 table printing （六）其他处理 as the single 2019-style row: one finding; its sums still run."""
    path = s.formats.SINGLE_OTHER_PATH
    items = "、".join(f"{n}.{item}" for n, item in enumerate(s.tables.OTHER_HANDLING_ITEMS, start=1))
    return m.SQUEEZED_ROW.at(report.key_pos(path), path, items=items)


def _unknown_findings(
    report: Report, path: Path, keys: list[str], known: list[str], missing: list[str]
) -> Iterator[Finding]:
    for key in keys:
        suggestion = suggest(key, known)
        hint, hint_en = "", ""
        if suggestion:
            hint = f"，是不是“{suggestion}”？"
            hint_en = f"; did you mean '{suggestion}'?"
            if suggestion in missing:
                missing.remove(suggestion)  # one problem, one finding: the misspelt key
        yield m.UNKNOWN_KEY.at(
            report.keys.get((*path, key), report.key_pos(path)),
            (*path, key),
            parent=describe(path),
            key=key,
            hint=hint,
            hint_en=hint_en,
        )


def suggest(key: str, known: list[str]) -> str | None:
    """The statutory label the clerk most likely meant, ignoring ordinals, notes, quotes and widths."""
    by_norm = {norm(label): label for label in known}
    bare = norm(key)
    if bare in by_norm and by_norm[bare] != key:
        return by_norm[bare]
    for plain, label in by_norm.items():
        if len(bare) >= 2 and (plain.startswith(bare) or bare.startswith(plain)):
            return label
    import difflib  # only for a key that is not the format's

    close = difflib.get_close_matches(bare, list(by_norm), n=1, cutoff=0.6)
    return by_norm[close[0]] if close else None


def _value_finding(report: Report, path: Path, kind: str, error: Any) -> Iterator[Finding]:
    pos = report.pos(path)
    key = describe(path)
    value = error.instance
    if kind == "type":
        expected = error.validator_value
        expected = expected[0] if isinstance(expected, list) else expected
        if isinstance(error.validator_value, list):
            zh = "文字或" + _TYPE_ZH["object"]
            en = "text or " + _TYPE_EN["object"]
        elif expected == "integer" and error.schema.get("minimum") == 0:
            zh, en = "非负整数（件数，没有就填 0）", "a non-negative whole number (a count; 0 if none)"
        else:
            zh, en = _TYPE_ZH.get(expected, expected), _TYPE_EN.get(expected, expected)
        yield m.WRONG_TYPE.at(
            pos, path, key=key, expected=zh, expected_en=en,
            actual=_describe_value(value), actual_en=_describe_value_en(value),
        )  # fmt: skip
    elif kind == "items":
        columns = _row_columns(error.schema)
        yield m.ROW_LENGTH.at(
            pos, path, key=key, expected=len(columns), columns="、".join(columns), actual=len(value)
        )
    elif kind == "enum":
        choices = " 或 ".join(str(c) for c in error.validator_value)
        yield m.BAD_VALUE.at(
            pos, path, key=key,
            problem=f"应为 {choices}，实为“{value}”",
            problem_en=f"should be {' or '.join(str(c) for c in error.validator_value)}, found '{value}'",
        )  # fmt: skip
    elif kind == "pattern":
        yield m.BAD_VALUE.at(
            pos, path, key=key,
            problem=f"应写成 2024-01-20 的形式，实为“{value}”",
            problem_en=f"should be written like 2024-01-20, found '{value}'",
        )  # fmt: skip
    elif kind == "minimum":
        yield m.BAD_VALUE.at(
            pos, path, key=key,
            problem=f"不能小于 {error.validator_value}，实为 {value}",
            problem_en=f"must be at least {error.validator_value}, found {value}",
        )  # fmt: skip
    elif kind == "maximum":
        yield m.BAD_VALUE.at(
            pos, path, key=key,
            problem=f"不能大于 {error.validator_value}，实为 {value}",
            problem_en=f"must be at most {error.validator_value}, found {value}",
        )  # fmt: skip
    elif kind == "minLength":
        yield m.BAD_VALUE.at(pos, path, key=key, problem="不能为空", problem_en="must not be empty")
    else:
        yield m.BAD_VALUE.at(pos, path, key=key, problem=error.message, problem_en=error.message)


def _row_columns(schema: dict[str, Any]) -> tuple[str, ...]:
    return s.PART3_COLUMNS if schema.get("minItems") == len(s.PART3_COLUMNS) else s.PART4_COLUMNS


def _describe_value(value: Any) -> str:
    if value is None:
        return "空白"
    if isinstance(value, bool):
        return f"真假值 {str(value).lower()}"
    if isinstance(value, dict):
        return "一组下级项目"
    if isinstance(value, list):
        return "一行格子"
    if isinstance(value, str):
        return f"文字“{value[:20]}”"
    return str(value)


def _describe_value_en(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, dict):
        return "a group of items"
    if isinstance(value, list):
        return "a row of cells"
    if isinstance(value, str):
        return f"the text '{value[:20]}'"
    return str(value)
