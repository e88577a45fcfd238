"""The compiled validator (the verdict) and jsonschema (the messages) always agree.

A valid report is judged by jsonschema-rs alone, so a disagreement would hide a schema finding:
every fixture, and mutated reports with any value put in any place, get the same verdict.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES, lint_loads
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_lint import statute
from disclosure_lint.loader import load_text
from disclosure_lint.schema import _compiled, _validator, certainly_valid

pytestmark = pytest.mark.skipif(_compiled() is None, reason="jsonschema-rs is not installed here")

REPORTS = sorted([*EXAMPLES.glob("*.yaml"), *FIXTURES.rglob("*.yaml")])
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.lists(st.integers(min_value=-3, max_value=3), max_size=8),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
)


def _data(path: Path) -> object:
    loaded = load_text(path.read_text(encoding="utf-8"), path.name)  # any mapping (the audit map too)
    assert loaded.report is not None, path
    return loaded.report.data


def _jsonschema_valid(data: object, version: int) -> bool:
    return next(iter(_validator(version).iter_errors(data)), None) is None


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
@pytest.mark.parametrize("version", list(statute.FORMATS))
def test_fixtures_get_the_same_verdict(path: Path, version: int) -> None:
    data = _data(path)
    assert certainly_valid(data, version) == _jsonschema_valid(data, version)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


@settings(max_examples=150, deadline=None, derandomize=True)
@given(which=st.sampled_from(range(len(REPORTS))), data=st.data())
def test_mutated_reports_get_the_same_verdict(which: int, data: st.DataObject) -> None:
    report = copy.deepcopy(_data(REPORTS[which]))
    path = data.draw(st.sampled_from(_paths(report)[1:]))
    node = report
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = data.draw(LEAVES)
    for version in statute.FORMATS:
        # certainly_valid may only say True where jsonschema finds nothing
        if certainly_valid(report, version):
            assert _jsonschema_valid(report, version)
        elif _jsonschema_valid(report, version):
            pytest.fail(f"compiled validator rejects what jsonschema accepts at {path}: {node[path[-1]]!r}")


# ---------------------------------------------------------------- the findings made from either


def _both(report: object, monkeypatch: pytest.MonkeyPatch) -> tuple[list, list]:
    """The schema findings made from the compiled validator's errors, and from jsonschema's."""
    from disclosure_lint import schema

    compiled = schema.validate(report)  # type: ignore[arg-type]
    with monkeypatch.context() as patched:
        patched.setattr(schema, "_compiled_errors", lambda data, version: None)
        reference = schema.validate(report)  # type: ignore[arg-type]
    return compiled, reference


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.name)
def test_fixtures_get_the_same_findings_from_either_validator(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = load_text(path.read_text(encoding="utf-8"), path.name)
    compiled, reference = _both(loaded.report, monkeypatch)
    assert compiled == reference


@settings(max_examples=150, deadline=None, derandomize=True)
@given(which=st.sampled_from(range(len(REPORTS))), data=st.data())
def test_mutated_reports_get_the_same_findings_from_either_validator(which: int, data: st.DataObject) -> None:
    path = REPORTS[which]
    report = load_text(path.read_text(encoding="utf-8"), path.name).report
    assert report is not None
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        place = data.draw(st.sampled_from(_paths(report.data)[1:]))
        node = report.data
        for step in place[:-1]:
            node = node[step]
        node[place[-1]] = data.draw(LEAVES)
    with pytest.MonkeyPatch.context() as monkeypatch:
        compiled, reference = _both(report, monkeypatch)
    assert compiled == reference


def test_the_compiled_validator_gives_the_errors_of_a_broken_report() -> None:
    from disclosure_lint import schema

    data = _data(EXAMPLES / "broken-2023.yaml")
    errors = schema._compiled_errors(data, 2021)
    assert errors is not None
    assert sorted({(e.validator, e.absolute_path[:1]) for e in errors}) == [
        ("additionalProperties", ()),
        ("required", ()),
        ("type", ("主动公开政府信息情况",)),
        ("type", ("收到和处理政府信息公开申请情况",)),
    ]


def test_linting_a_broken_report_does_not_import_jsonschema(tmp_path: Path) -> None:
    assert lint_loads(EXAMPLES / "broken-2023.yaml", "jsonschema", tmp_path) == (1, False)
