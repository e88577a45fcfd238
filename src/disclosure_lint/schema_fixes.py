"""Safe fixes for the schema's findings (DL102, DL103, DL105), where what was meant is certain.

* A key the format knows, written differently: with its printed ordinal or note (`一、总体情况`,
  `（二）部分公开（区分处理的…）`), other quotes or widths; renamed to the format's key when
  the two are the same label once those are set aside (never a near miss by spelling, which
  may be another row). A key that swallowed its value because the colon was `：` or had no
  space (`{本年处理决定数量：0}`, `行政许可:{…}`): the colon is mended.
* A year or format version written as text (`"2023"`, `2023年`, `２０２３`): the number.
* A publication date written another way (`2024年1月22日`, `2024/1/22`, `2024.1.22`): 2024-01-22,
  when that date exists.
* Cells separated by a full-width comma (`[0，0, 0, 0, 0]`, one cell short): a half-width one.

Each edit is checked by reading the mended text again; if it would not read, nothing is offered.
Values are never changed: only how they are written.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from typing import Any

from . import messages as m
from . import statute as s
from .document import Report
from .findings import SAFE, Edit, Finding, Fix, Path, Pos
from .fixes import apply_fixes, replace_value, value_span

_COLON = re.compile(r"\s*(?:：\s*|:)")
_DATE = re.compile(r"^(\d{4})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*[日号]?$")
_SEPARATED = re.compile(r"^\d+(?:\s*，\s*\d+)+$")


def attach(report: Report, findings: list[Finding]) -> list[Finding]:
    """The schema's findings, each with its fix where there is a certain one."""
    renamed: set[Path] = set()  # two keys renamed to one label would become a duplicate
    out = []
    for finding in findings:
        fix = None
        if finding.code == m.UNKNOWN_KEY.code:
            fix = _key_fix(report, finding.path, renamed)
        elif finding.code == m.WRONG_TYPE.code:
            fix = (
                _number_fix(report, finding.path)
                or _separator_fix(report, finding.path)
                or _keys_read_as_text(report, finding.path)
            )
        elif finding.code == m.BAD_VALUE.code:
            fix = _number_fix(report, finding.path) or _date_fix(report, finding.path)
        out.append(finding._replace(fix=fix) if fix is not None else finding)
    return out


def _schema_at(report: Report, path: Path) -> dict[str, Any] | None:
    from .schema import load_schema

    node: Any = load_schema(s.format_of(report.data).version)
    for step in path:
        node = node.get("properties", {}).get(step) if isinstance(step, str) else node.get("items")
        if not isinstance(node, dict):
            return None
    return node


def keys_at(report: Report, parent: Path) -> list[str]:
    """The keys the report's format has under `parent` ([] where it names none)."""
    return list((_schema_at(report, parent) or {}).get("properties", {}))


def _reads(report: Report, fix: Fix) -> bool:
    """The mended text is still valid YAML (a key edit must not break the structure)."""
    from .slip_fixes import parse_failure

    text, count = apply_fixes(report.source, [fix])
    return count == 1 and parse_failure(text) is None


def _half_width(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# ---------------------------------------------------------------- keys


def _key_fix(report: Report, path: Path, renamed: set[Path]) -> Fix | None:
    from .labels import norm
    from .schema import suggest

    key, parent = path[-1], path[:-1]
    start = report.keys.get(path)
    siblings = report.get(parent)
    schema = _schema_at(report, parent)
    if not isinstance(key, str) or start is None or not isinstance(siblings, dict) or schema is None:
        return None
    if report.line_text(start.line)[start.col - 1 : start.col - 1 + len(key)] != key:
        return None  # a quoted or multi-line key: its place is not certain
    allowed = list(schema.get("properties", {}))
    colon = _COLON.search(key)
    if colon is not None and key[: colon.start()].strip() in allowed:
        head = key[: colon.start()].strip()
        if head in siblings or (*parent, head) in renamed:
            return None
        tail = key[colon.end() :]
        edit = Edit(
            Pos(start.line, start.col + colon.start()),
            Pos(start.line, start.col + colon.end()),
            ": " if tail else ":",
        )
        fix = Fix((edit,), SAFE, "键后面改用半角冒号加空格“: ”", "write ': ' after the key")
    else:
        label = suggest(key, allowed)
        if label is None or norm(label) != norm(key) or label in siblings or (*parent, label) in renamed:
            return None
        head = label
        edit = Edit(start, Pos(start.line, start.col + len(key)), label)
        fix = Fix((edit,), SAFE, f"改为格式中的“{label}”", f"write the format's key '{label}'")
    if not _reads(report, fix):
        return None
    renamed.add((*parent, head))
    return fix


# ---------------------------------------------------------------- values


def _number_fix(report: Report, path: Path) -> Fix | None:
    """年度 or 格式版本 written as text: the same number, unquoted, in plain digits."""
    if path not in ((s.YEAR,), (s.VERSION,)):
        return None
    value = report.get(path)
    if not isinstance(value, str):
        return None
    text = _half_width(value).strip().removesuffix("年度").removesuffix("年").strip()
    if not text.isascii() or not text.isdigit() or len(text) != 4:
        return None
    schema = _schema_at(report, path) or {}
    if "enum" in schema and int(text) not in schema["enum"]:
        return None
    return replace_value(report, path, str(int(text)))


def _date_fix(report: Report, path: Path) -> Fix | None:
    """发布日期 written as 2024年1月22日, 2024/1/22 or 2024.1.22: 2024-01-22, if that day exists."""
    value = report.get(path)
    if path != (s.PUBLISHED,) or not isinstance(value, str):
        return None
    match = _DATE.match(_half_width(value).strip())
    if match is None:
        return None
    try:
        date = datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None  # not a real day: DL501's business once it is written as a date
    return replace_value(report, path, date.isoformat())


def _keys_read_as_text(report: Report, path: Path) -> Fix | None:
    """A group of items whose keys were typed with `：`, so YAML read the group as one text."""
    from .slip_fixes import block_slips

    schema = _schema_at(report, path) or {}
    types = schema.get("type")
    scalar = report.scalars.get(path)
    if "object" not in (types if isinstance(types, list) else [types]) or scalar is None or scalar.style:
        return None
    key, start = report.keys.get(path), report.values.get(path)
    if key is None or start is None or start.line == key.line:
        return None  # a text on the key's own line is a text, not a slipped group
    return block_slips(report.source, start.line, key.col - 1)


def _separator_fix(report: Report, path: Path) -> Fix | None:
    """Cells typed with a full-width comma between them, in a row short by exactly those cells."""
    value, row = report.get(path), report.get(path[:-1])
    if not path or not isinstance(path[-1], int) or not isinstance(value, str) or not isinstance(row, list):
        return None
    if path[0] not in (s.PART3, s.PART4) or not _SEPARATED.match(value.strip()):
        return None
    width = len(s.PART3_COLUMNS) if path[0] == s.PART3 else len(s.PART4_COLUMNS)
    if len(row) + value.count("，") != width:
        return None
    span = value_span(report, path)
    if span is None or report.scalars[path].quoted:
        return None
    start = span[0]
    edits = tuple(
        Edit(Pos(start.line, start.col + match.start()), Pos(start.line, start.col + match.end()), ", ")
        for match in re.finditer(r"\s*，\s*", value)
    )
    return Fix(edits, SAFE, "格子之间改用半角逗号“, ”", "separate the cells with ', '")
