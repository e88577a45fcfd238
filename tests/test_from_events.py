"""The short cut that builds an ordinary report from the parser's events gives exactly what
composing the node graph and walking it gives: the same data (types included), the same
positions and scalars in the same order, the same findings; anything it does not handle goes
the usual way."""

from __future__ import annotations

import random
from typing import Any

import pytest
from conftest import CITY_BUREAU, EXAMPLES, FIXTURES, SEED_EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint import from_events
from disclosure_lint.loader import Loaded, load_text


def _typed(value: Any) -> Any:
    """The value with every leaf's type beside it: 1, 1.0 and True are equal, but not alike."""
    if isinstance(value, dict):
        return ("map", [(key, _typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("seq", [_typed(item) for item in value])
    return (type(value).__name__, value)


def _composed(text: str, monkeypatch: pytest.MonkeyPatch) -> Loaded:
    with monkeypatch.context() as patch:
        patch.setattr(from_events, "build", lambda text, report: None)
        return load_text(text, "r.yaml")


def _shape(loaded: Loaded) -> tuple[Any, ...]:
    report = loaded.report
    if report is None:
        return (None, loaded.findings, loaded.text, loaded.not_a_report)
    return (
        _typed(report.data),
        list(report.values.items()),
        list(report.keys.items()),
        list(report.scalars.items()),
        loaded.findings,
        loaded.text,
        loaded.not_a_report,
    )


def _assert_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _shape(load_text(text, "r.yaml")) == _shape(_composed(text, monkeypatch))


def _yaml_files() -> list[Any]:
    return sorted({*EXAMPLES.glob("*.yaml"), *FIXTURES.rglob("*.yaml"), SEED_EXAMPLE, CITY_BUREAU})


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda path: path.name)
def test_every_example_and_fixture_reads_alike(path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_alike(path.read_text(encoding="utf-8"), monkeypatch)


def test_a_report_takes_the_short_cut(seed_text: str) -> None:
    """Not a comparison of the usual way with itself: a report is built from the events."""
    report = load_text(seed_text, "r.yaml").report
    assert report is not None
    built = type(report)("r.yaml", seed_text, None)
    data = from_events.build(seed_text, built)
    assert data is not None and _typed(data) == _typed(report.data)
    assert list(built.values.items()) == list(report.values.items())
    assert list(built.keys.items()) == list(report.keys.items())
    assert list(built.scalars.items()) == list(report.scalars.items())
    assert len(built.values) == 256 and len(built.keys) == 65


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # an anchor and its alias
        "a: !!str 12\nb: !!python/object/apply:os.system [ls]\n",  # explicit tags
        "? [a, b]\n: 1\n",  # a key that is a sequence
        "a: 1\na: 2\nb: {c: 1, c: 2}\n",  # duplicate keys
        "- a\n- b\n",  # not a mapping
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [1, 2\n",  # does not parse
        "%YAML 1.1\n---\na: yes\nb: 017\n",  # a directive: YAML 1.1 rules
        "",
        "---\n",
        "a: 'quoted'\nb: \"12\"\nc: |\n  block\n  text\nd: >\n  folded\ne: ''\nf:\ng: ~\n",
        "a: [0x1F, 0o17, 1e3, .inf, -.nan, 2024-01-20, 2024-13-45, yes, true, Null, 1_000]\n",
        "a: {b: [1, {c: [2, [3, {d: 4}]]}], e: 5}\nf: [{g: 1}, {h: 2}]\n",
        "1: a\n2024-01-20: b\ntrue: c\n~: d\n",  # keys that resolve to other types
    ],
)
def test_unusual_files_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_alike(text, monkeypatch)


_PLAIN_SCALARS = st.sampled_from(
    [
        *("0", "12", "-3", "1.5", "12.0", "1e3", "0x1F", "0o17", "017", ".inf", "yes", "true", "False"),
        *("~", "null", "2024-01-20", "2024-13-45", "2024-01-20 10:00:00", "公开", "某局", "a b", "无"),
        *("１２", "3,4", "!x"),
    ]
)
_KEYS = st.sampled_from(["机关", "年度", "a", "b", "行政复议", "1", "true", "~", "'q'", '"d"', "a b"])


def _scalar(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "single", "double", "block", "folded", "empty", "tagged", "alias"]))
    text = draw(_PLAIN_SCALARS)
    if kind == "single":
        return "'" + text.replace("'", "''") + "'"
    if kind == "double":
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if kind in ("block", "folded"):
        return ("|" if kind == "block" else ">") + "\n{indent}  " + text + "\n{indent}  more"
    if kind == "tagged":
        return draw(st.sampled_from(["!!str ", "!!int ", "!x ", "! "])) + text
    if kind == "alias":
        return "*" + draw(st.sampled_from(["a1", "a2"]))
    return "" if kind == "empty" else text


@st.composite
def _documents(draw: st.DrawFn) -> str:
    """A small YAML document of nested block mappings, block and flow sequences, scalars of every
    style, with now and then an anchor, a duplicate key, a tag or a comment."""
    lines: list[str] = []

    def mapping(indent: str, depth: int) -> None:
        for _ in range(draw(st.integers(1, 4))):
            key = draw(_KEYS)
            anchor = draw(st.sampled_from(["", "", "", "&a1 ", "&a2 "]))
            comment = draw(st.sampled_from(["", "", "  # 注释"]))
            shape = draw(
                st.sampled_from(["scalar", "scalar", "flow", "map", "seq"] if depth < 3 else ["scalar"])
            )
            if shape == "scalar":
                lines.append(f"{indent}{key}: {anchor}{_scalar(draw).format(indent=indent)}{comment}")
            elif shape == "flow":
                items = ", ".join(draw(st.lists(_PLAIN_SCALARS, max_size=4)))
                lines.append(f"{indent}{key}: {anchor}[{items}]{comment}")
            elif shape == "map":
                lines.append(f"{indent}{key}: {anchor}{comment}")
                mapping(indent + "  ", depth + 1)
            else:
                lines.append(f"{indent}{key}:{comment}")
                for _ in range(draw(st.integers(0, 3))):
                    lines.append(f"{indent}  - {_scalar(draw).format(indent=indent + '  ')}")

    mapping("", 0)
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_documents())
def test_generated_documents_read_alike(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_alike(text, monkeypatch)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), edits=st.integers(1, 4))
def test_mangled_reports_read_alike(seed: int, edits: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed report with a few characters inserted, deleted or swapped: a broken indent, a
    stray colon, quote or bracket, a line joined to the next."""
    text = CITY_BUREAU.read_text(encoding="utf-8")
    pick = random.Random(seed)
    for _ in range(edits):
        at = pick.randrange(len(text))
        action = pick.choice(["insert", "delete", "swap"])
        if action == "insert":
            text = (
                text[:at]
                + pick.choice([":", " ", "\n", "'", '"', "[", "-", "&a ", "*a", "!!", "# ", "  "])
                + text[at:]
            )
        elif action == "delete":
            text = text[:at] + text[at + 1 :]
        else:
            text = text[:at] + text[at + 1 : at + 2] + text[at : at + 1] + text[at + 2 :]
    _assert_alike(text, monkeypatch)
