"""The compiled validator (the verdict) and jsonschema (the messages) always agree.

A valid report is judged by jsonschema-rs alone, so a disagreement would hide a schema finding:
every fixture, and mutated reports with any value put in any place, get the same verdict.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from conftest import EXAMPLES, FIXTURES
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
