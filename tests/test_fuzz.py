"""Property tests: mutated reports never crash, never mislocate, and always give the same answer.

CI runs a bounded number of examples (the "ci" profile); for a long run:
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import re

from conftest import _MODULES, CITY_BUREAU, SEED_EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint.config import Options
from disclosure_lint.lint import FileResult, lint_bytes

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("long", max_examples=5_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SOURCES = [SEED_EXAMPLE.read_bytes(), CITY_BUREAU.read_bytes()]
WHICH = st.sampled_from(range(len(SOURCES)))  # an index, so a failing case prints briefly


def lint_raw(raw: bytes) -> FileResult:
    return lint_bytes(raw, "fuzz.yaml", _MODULES, Options())


def assert_sound(raw: bytes) -> None:
    first = lint_raw(raw)
    again = lint_raw(raw)
    assert [(f.code, f.pos, f.message()) for f in first.findings] == [
        (f.code, f.pos, f.message()) for f in again.findings
    ]
    assert not first.crashed, [f.message() for f in first.findings]
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n")
    lines = re.split("[\n\r\x85\u2028\u2029]", text)  # the line breaks ruamel.yaml counts
    for finding in first.findings:
        assert 1 <= finding.pos.line <= max(len(lines), 1), finding
        if finding.code != "DL002":  # undecodable bytes: the column counts what could be decoded
            assert 1 <= finding.pos.col <= len(lines[finding.pos.line - 1]) + 1, finding
        finding.message("zh")
        finding.message("en")


@given(which=WHICH, data=st.data())
def test_random_byte_edits(which: int, data: st.DataObject) -> None:
    raw = bytearray(SOURCES[which])
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    assert_sound(bytes(raw))


@given(which=WHICH, data=st.data())
def test_deleted_and_duplicated_lines(which: int, data: st.DataObject) -> None:
    lines = SOURCES[which].split(b"\n")
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(lines) - 1))
        if data.draw(st.booleans()):
            del lines[at]
        else:
            lines.insert(at, lines[at])
    assert_sound(b"\n".join(lines))


@given(which=WHICH, data=st.data())
def test_swapped_lines(which: int, data: st.DataObject) -> None:
    lines = SOURCES[which].split(b"\n")
    a = data.draw(st.integers(0, len(lines) - 1))
    b = data.draw(st.integers(0, len(lines) - 1))
    lines[a], lines[b] = lines[b], lines[a]
    assert_sound(b"\n".join(lines))


@given(
    which=WHICH,
    data=st.data(),
    insert=st.text(min_size=1, max_size=12),
)
def test_random_unicode_inserted(which: int, data: st.DataObject, insert: str) -> None:
    text = SOURCES[which].decode("utf-8")
    at = data.draw(st.integers(0, len(text)))
    assert_sound((text[:at] + insert + text[at:]).encode("utf-8", errors="surrogatepass"))


VALUES = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats(allow_nan=True).map(str),
    st.sampled_from(
        [
            "/",
            "—",
            "无",
            "~",
            "null",
            "''",
            "yes",
            "017",
            "１２",
            "1,234",
            "[]",
            "{}",
            "&a 1",
            "*a",
            "!!binary AA==",
        ]
    ),
    st.text(max_size=10).map(repr),
)


@given(which=WHICH, data=st.data(), value=VALUES)
def test_wrong_values_in_cells(which: int, data: st.DataObject, value: str) -> None:
    text = SOURCES[which].decode("utf-8")
    cells = [i for i, char in enumerate(text) if char == "0" and text[i - 1] in " [" and text[i + 1] in ",]}"]
    at = data.draw(st.sampled_from(cells))
    assert_sound((text[:at] + value + text[at + 1 :]).encode("utf-8", errors="surrogatepass"))
