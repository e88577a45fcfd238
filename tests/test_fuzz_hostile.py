"""Fuzzing what issue 14 hardens: the config loader and the text and HTML importers.

Whatever the bytes, the config loader gives options or a one-line ConfigError, and an importer
gives a draft or a ReadError finding: never another exception, never a hang. Bounded in CI
(derandomized); `HYPOTHESIS_PROFILE=long` draws thousands of fresh examples.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint import config
from disclosure_lint.config import ConfigError, Options
from disclosure_lint.importer import import_bytes
from disclosure_lint.importer.model import ReadError

LONG = os.environ.get("HYPOTHESIS_PROFILE") == "long"
FUZZ = settings(
    max_examples=3_000 if LONG else 50,
    deadline=None,
    derandomize=not LONG,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
read_config = config.read_config.__wrapped__  # uncached: every example reads its own file

SETTING_NAMES = ["select", "ignore", "per-file-ignores", "lang", "fail-on", "rules", "format", "include",
                 "exclude", "max-bytes", "max_bytes", "unknown", "tool", ""]  # fmt: skip
leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-(2**70), 2**70), st.floats(allow_nan=True),
    st.sampled_from(["DL2", "DL301", "DL3011", "dl2", "zh", "en", "error", "info", "json", "*.yaml", "../x", "/",
                     "", "\x00", "\u202e", "DL"]),
    st.text(max_size=20),
)  # fmt: skip
values = st.recursive(
    leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
tables = st.dictionaries(st.sampled_from(SETTING_NAMES), values, max_size=6)


def _yaml_of(table: dict[str, object]) -> str:
    from io import StringIO

    from ruamel.yaml import YAML

    out = StringIO()
    YAML(typ="safe").dump(table, out)
    return out.getvalue()


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if value == value and abs(value) != float("inf") else '"nan"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if value is None:
        return '""'
    return (
        '"'
        + "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}" for c in str(value))
        + '"'
    )


def _toml_key(key: str) -> str:
    return _toml_value(key)


def _outcome(path: Path) -> None:
    try:
        assert isinstance(read_config(path), Options)
    except ConfigError as error:
        assert "\n" not in str(error).strip(), "a config error is one line"
        assert str(error).startswith(str(path))


@FUZZ
@given(table=tables)
def test_config_yaml_of_any_settings(tmp_path: Path, table: dict[str, object]) -> None:
    target = tmp_path / ".disclosure-lint.yaml"
    target.write_text(_yaml_of(table), encoding="utf-8")
    _outcome(target)


@FUZZ
@given(table=tables)
def test_config_toml_of_any_settings(tmp_path: Path, table: dict[str, object]) -> None:
    target = tmp_path / "pyproject.toml"
    body = "\n".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in table.items())
    target.write_text("[tool.disclosure-lint]\n" + body + "\n", encoding="utf-8")
    _outcome(target)


@FUZZ
@given(raw=st.binary(max_size=400), name=st.sampled_from([".disclosure-lint.yaml", "pyproject.toml"]))
def test_config_of_any_bytes(tmp_path: Path, raw: bytes, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(raw)
    _outcome(target)


@FUZZ
@given(
    prefix=st.sampled_from(["", "[tool.disclosure-lint]\n", "select: ", "select = ", "a: &a [*a]\n"]),
    nesting=st.sampled_from(["[", "{a: ", "- ", "[[", "{"]),
    depth=st.integers(1, 3_000),
)
def test_config_nested_deep(tmp_path: Path, prefix: str, nesting: str, depth: int) -> None:
    for name in (".disclosure-lint.yaml", "pyproject.toml"):
        target = tmp_path / name
        target.write_text(prefix + nesting * depth + "\n", encoding="utf-8")
        _outcome(target)


# ---------------------------------------------------------------- importers

PIECES = [
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "（一）主动公开", "本年新收政府信息公开申请数量",
    "上年结转政府信息公开申请数量", "予以公开", "部分公开", "总计", "行政复议", "结果维持", "自然人", "商业企业",
    "12", "0", "１２", "—", "/", "\t", "  ", "\n", "\r\n", "。", "：", "2023年度", "某县民政局", "2024年1月20日",
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", '<td rowspan="99999">', '<td colspan="0">', "<th>",
    "<p>", "</p>", "<br>", "<script>alert(1)</script>", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;", "&#0;", "&#x110000;",
    "<![CDATA[", "]]>", "<!--", "-->", "\x00", "\ufeff", "\u202e", "<meta charset='big5'>", "<td>" * 50,
]  # fmt: skip
documents = st.lists(st.sampled_from(PIECES) | st.text(max_size=10), max_size=120).map("".join)


@pytest.mark.parametrize("kind", ["text", "html"])
@FUZZ
@given(document=documents, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_importers_give_a_draft_or_a_finding(kind: str, document: str, encoding: str) -> None:
    raw = document.encode(encoding, errors="ignore")
    try:
        imported = import_bytes(raw, kind, f"fuzz.{'txt' if kind == 'text' else 'html'}")
    except ReadError as error:
        assert error.finding.code.startswith("DL0")
        return
    assert isinstance(imported.yaml, str)


@FUZZ
@given(raw=st.binary(max_size=2_000), kind=st.sampled_from(["text", "html"]))
def test_importers_on_any_bytes(raw: bytes, kind: str) -> None:
    try:
        imported = import_bytes(raw, kind, "fuzz")
    except ReadError as error:
        assert error.finding.code.startswith("DL0")
        return
    assert isinstance(imported.yaml, str)
