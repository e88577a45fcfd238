"""The CI formats as CI servers read them: JUnit XML (warnings and notes not failures unless they
fail the run; --junit-warnings or the junit-warnings setting say what they are instead) and GitLab
Code Quality (the documented fields, a fingerprint that survives moved lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE, edit
from jsonschema import Draft202012Validator
from test_cli import run

DL305 = (
    "no '发布日期' is given, so whether the report was published on time was not checked: a department of a "
    "government at county level or above publishes by 31 January 2024 (《条例》第四十九条)"
)
DL204 = "'行政复议·总计' should be 1 (结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 0), found 0"
DL303 = (
    "'其他需要报告的事项' says nothing about the 信息处理费 (information processing fee): state how many fee "
    "notices were sent, for how much, and what was collected — or that no fee was charged"
)


def report_text(review: str = "[1, 0, 0, 0, 0]") -> str:
    """The clean example with a note (no date, DL305), an error (DL204) and a warning (DL303)."""
    text = SEED_EXAMPLE.read_text(encoding="utf-8")
    text = edit(text, "行政复议:         [0, 0, 0, 0, 0]", f"行政复议:         {review}")
    text = edit(text, "发布日期: 2024-01-22\n", "")
    return edit(text, "本年度未收取信息处理费，无其他需要报告的事项。", "无其他需要报告的事项。")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "2023.yaml").write_text(report_text(), encoding="utf-8")
    return tmp_path


def junit(dl305: str, dl303: str, failures: int, skipped: int) -> str:
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<testsuites name="disclosure-lint" tests="3" failures="{failures}" skipped="{skipped}" errors="0">',
            f'  <testsuite name="2023.yaml" tests="3" failures="{failures}" skipped="{skipped}" errors="0">',
            '    <testcase classname="2023.yaml" name="DL305 6:5">',
            f"      {dl305}",
            "    </testcase>",
            '    <testcase classname="2023.yaml" name="DL204 79:30">',
            f'      <failure message="{DL204}" type="error">2023.yaml:79:30: DL204 {DL204}</failure>',
            "    </testcase>",
            '    <testcase classname="2023.yaml" name="DL303 90:12">',
            f"      {dl303}",
            "    </testcase>",
            "  </testsuite>",
            "</testsuites>",
            "",
        ]
    )


SKIPPED_305 = f'<skipped message="info: {DL305}">2023.yaml:6:5: DL305 {DL305}</skipped>'
SKIPPED_303 = f'<skipped message="warning: {DL303}">2023.yaml:90:12: DL303 {DL303}</skipped>'
PASSED_305 = f"<system-out>2023.yaml:6:5: DL305 {DL305}</system-out>"
PASSED_303 = f"<system-out>2023.yaml:90:12: DL303 {DL303}</system-out>"
FAILED_305 = f'<failure message="{DL305}" type="info">2023.yaml:6:5: DL305 {DL305}</failure>'
FAILED_303 = f'<failure message="{DL303}" type="warning">2023.yaml:90:12: DL303 {DL303}</failure>'


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ((), junit(SKIPPED_305, SKIPPED_303, failures=1, skipped=2)),
        (("--junit-warnings", "passed"), junit(PASSED_305, PASSED_303, failures=1, skipped=0)),
        (("--junit-warnings", "failure"), junit(FAILED_305, FAILED_303, failures=3, skipped=0)),
        # What fails the run is a failure whatever --junit-warnings says; the rest is as asked.
        (
            ("--fail-on", "warning", "--junit-warnings", "passed"),
            junit(PASSED_305, FAILED_303, failures=2, skipped=0),
        ),
    ],
)
def test_junit_exactly(folder: Path, args: tuple[str, ...], expected: str) -> None:
    done = run("2023.yaml", "--format", "junit", "--lang", "en", *args, cwd=folder)
    assert done.returncode == 1
    assert done.stdout == expected


def test_junit_warnings_is_a_setting_too(folder: Path) -> None:
    (folder / ".disclosure-lint.yaml").write_text("junit-warnings: passed\n", encoding="utf-8")
    done = run("2023.yaml", "--format", "junit", "--lang", "en", cwd=folder)
    assert done.stdout == junit(PASSED_305, PASSED_303, failures=1, skipped=0)
    (folder / ".disclosure-lint.yaml").write_text("junit-warnings: later\n", encoding="utf-8")
    wrong = run("2023.yaml", "--format", "junit", cwd=folder)
    assert wrong.returncode == 2
    assert wrong.stderr.startswith(
        f"disclosure-lint: error: {folder / '.disclosure-lint.yaml'}:1: junit-warnings:"
    )


def test_junit_warnings_must_be_one_of_three() -> None:
    done = run(SEED_EXAMPLE, "--format", "junit", "--junit-warnings", "hidden")
    assert (done.returncode, done.stderr) == (
        2,
        "disclosure-lint: error: --junit-warnings must be one of skipped, passed, failure, not 'hidden'\n",
    )


def test_a_clean_report_is_one_passing_case() -> None:
    done = run(SEED_EXAMPLE.name, "--format", "junit", cwd=SEED_EXAMPLE.parent)
    assert done.returncode == 0
    assert done.stdout == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="disclosure-lint" tests="1" failures="0" skipped="0" errors="0">\n'
        f'  <testsuite name="{SEED_EXAMPLE.name}" tests="1" failures="0" skipped="0" errors="0">\n'
        f'    <testcase name="disclosure-lint" classname="{SEED_EXAMPLE.name}" />\n'
        "  </testsuite>\n"
        "</testsuites>\n"
    )


# GitLab's documented Code Quality fields (docs.gitlab.com, "Code Quality report format"), as a schema.
GITLAB_ISSUES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def gitlab(folder: Path, *files: str | Path) -> list[dict]:
    done = run(*files, "--format", "gitlab", "--lang", "en", cwd=folder)
    assert done.returncode == 1, done.stderr
    issues = json.loads(done.stdout)
    assert [e.message for e in Draft202012Validator(GITLAB_ISSUES).iter_errors(issues)] == []
    return issues


def test_gitlab_code_quality(folder: Path) -> None:
    issues = gitlab(folder, "2023.yaml")
    assert [{k: v for k, v in issue.items() if k != "fingerprint"} for issue in issues] == [
        {
            "type": "issue",
            "description": f"{code} {message}",
            "check_name": code,
            "severity": severity,
            "location": {"path": "2023.yaml", "lines": {"begin": line}},
        }
        for code, message, severity, line in (
            ("DL305", DL305, "info", 6),
            ("DL204", DL204, "major", 79),
            ("DL303", DL303, "minor", 90),
        )
    ]
    # Known across versions of the tool, so a merge request's report and its base's compare.
    assert issues[1]["fingerprint"] == "4e355780d6a1881499807fe5c497262c212bde82062df2428ee81a384b6e99ab"


def test_gitlab_paths_are_relative_to_the_project_folder(folder: Path) -> None:
    (folder / "reports").mkdir()
    (folder / "2023.yaml").rename(folder / "reports" / "2023.yaml")
    issues = gitlab(folder, folder / "reports" / "2023.yaml")  # named by its absolute path
    assert {issue["location"]["path"] for issue in issues} == {"reports/2023.yaml"}


def test_gitlab_fingerprints_survive_moved_lines_and_change_with_the_finding(folder: Path) -> None:
    before = gitlab(folder, "2023.yaml")
    assert len({issue["fingerprint"] for issue in before}) == 3
    assert gitlab(folder, "2023.yaml") == before  # the same run twice

    (folder / "2023.yaml").write_text("# 一行说明\n# 又一行\n" + report_text(), encoding="utf-8")
    moved = gitlab(folder, "2023.yaml")
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in moved] == [8, 81, 92]

    (folder / "2023.yaml").write_text(report_text(review="[2, 0, 0, 0, 0]"), encoding="utf-8")
    changed = gitlab(folder, "2023.yaml")
    assert [i["fingerprint"] == j["fingerprint"] for i, j in zip(changed, before, strict=True)] == [
        True,
        False,
        True,
    ]
