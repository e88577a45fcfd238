"""Property tests: mutated reports never crash, never mislocate, and always give the same answer.

CI runs a bounded number of examples (the "ci" profile, derandomized, about 10 s for the file);
the long run draws 5,000 random examples per test (41,000 reports), in about 18 minutes:
    HYPOTHESIS_PROFILE=long pytest tests/test_fuzz.py
See docs/hostile-inputs.md for what the long run found.
"""

from __future__ import annotations

import copy
import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import _MODULES, CITY_BUREAU, EXAMPLES, SEED_EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint.config import Options
from disclosure_lint.lint import FileResult, check_report, lint_bytes
from disclosure_lint.loader import load_text

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
settings.register_profile("long", max_examples=5_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
# The clean seed, a city bureau's full tables, and the example with eight mistakes.
SOURCES = [SEED_EXAMPLE.read_bytes(), CITY_BUREAU.read_bytes(), (EXAMPLES / "broken-2023.yaml").read_bytes()]
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
            "0x" + "F" * 5000,  # escapes Python's 4,300-digit limit for printing an int
            "9" * 5000,
            "1e999",
            ".nan",
            "on",
            "1,052",
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


# Lines that hold a key: (indentation, key, rest of the line).
_KEY_LINE = re.compile(r"^( *)([^ #:\-\[{][^:]*?):( .*|)$")


@given(which=WHICH, data=st.data())
def test_keys_swapped_between_sections(which: int, data: st.DataObject) -> None:
    """Two keys trade places, each keeping the other's indentation and value: a row under the
    wrong part, a part's name on a row, a cell's column name on a metadata field."""
    lines = SOURCES[which].decode("utf-8").split("\n")
    keyed = [i for i, line in enumerate(lines) if _KEY_LINE.match(line)]
    a, b = data.draw(st.sampled_from(keyed)), data.draw(st.sampled_from(keyed))
    first, second = _KEY_LINE.match(lines[a]), _KEY_LINE.match(lines[b])
    assert first and second
    lines[a] = f"{first.group(1)}{second.group(2)}:{first.group(3)}"
    lines[b] = f"{second.group(1)}{first.group(2)}:{second.group(3)}"
    assert_sound("\n".join(lines).encode())


# What a clerk's slip or a bad paste puts into YAML's structure.
STRUCTURE = st.sampled_from(
    ["- ", ": ", "? ", "&a ", "*a ", "!!", "!", "|", ">", "|-", "---\n", "...\n", "[", "]", "{", "}", ",",
     "#", "\t", "\ufeff", "\u200b", "%", "@", "`", "'", '"', "\\", "\r", "\u3000", "：", "\n  ", "\n"]
)  # fmt: skip


@given(which=WHICH, data=st.data())
def test_yaml_structure_edits(which: int, data: st.DataObject) -> None:
    """YAML indicators inserted anywhere, and lines indented or dedented by a space or two."""
    text = SOURCES[which].decode("utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        if data.draw(st.booleans()):
            at = data.draw(st.integers(0, len(text)))
            text = text[:at] + data.draw(STRUCTURE) + text[at:]
        else:
            lines = text.split("\n")
            at = data.draw(st.integers(0, len(lines) - 1))
            shift = data.draw(st.sampled_from([-2, -1, 1, 2]))
            lines[at] = (
                " " * shift + lines[at]
                if shift > 0
                else lines[at][min(-shift, len(lines[at]) - len(lines[at].lstrip(" "))) :]
            )
            text = "\n".join(lines)
    assert_sound(text.encode("utf-8", errors="surrogatepass"))


def _mutate(raw: bytes, data: st.DataObject) -> bytes:
    mutated = bytearray(raw)
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(mutated) - 1))
        if data.draw(st.booleans()):
            mutated[at] = data.draw(st.integers(0, 255))
        else:
            mutated[at:at] = data.draw(STRUCTURE).encode()
    return bytes(mutated)


@settings(max_examples=3 if PROFILE == "ci" else 100)
@given(data=st.data())
def test_the_command_on_a_batch_of_mutated_reports(tmp_path_factory, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    """The real command on ten mutated reports at once: exit 0, 1 or 2, only finding lines on
    stdout, nothing on stderr — so no traceback and no crash of the process."""
    folder: Path = tmp_path_factory.mktemp("batch")
    names = []
    for number in range(10):
        (folder / f"r{number}.yaml").write_bytes(_mutate(SOURCES[number % len(SOURCES)], data))
        names.append(f"r{number}.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", "--isolated", *names],
        capture_output=True, text=True, cwd=folder, timeout=120,
    )  # fmt: skip
    assert done.returncode in (0, 1, 2), done.stderr
    assert done.stderr == "", done.stderr
    findings = [
        line for line in done.stdout.splitlines() if re.match(r"^r\d\.yaml:\d+:\d+: [A-Z]+\d+ ", line)
    ]
    assert len({line.split(":")[0] for line in findings}) <= 10
    assert "Traceback" not in done.stdout


WRONG_TYPES = st.sampled_from(
    [{"x": 1}, {}, [1, 2], [], True, None, 7, -1, 1.5, float("inf"), 10**40, "文字", "", "x" * 10_000]
)


@given(which=WHICH, data=st.data(), value=WRONG_TYPES)
def test_wrong_types_anywhere(which: int, data: st.DataObject, value: object) -> None:
    """Any value of the report replaced by a value of another type (as a YAML file can hold):
    every rule copes — a finding, never DL901."""
    text = SOURCES[which].decode("utf-8")
    report = load_text(text, "fuzz.yaml").report
    assert report is not None
    path = data.draw(st.sampled_from(sorted((p for p in report.values if p), key=str)))
    parent = report.data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = copy.deepcopy(value)
    crashes = [f.message() for f in check_report(report, _MODULES) if f.code == "DL901"]
    assert crashes == [], (path, value)
