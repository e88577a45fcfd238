"""The command as a clerk, a pre-commit hook and a CI gate run it: output lines and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CITY_BUREAU, SEED_EXAMPLE, edit

from disclosure_lint import __version__


def run(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "disclosure_lint", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_clean_report_exits_0_with_a_summary() -> None:
    done = run(SEED_EXAMPLE, CITY_BUREAU)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "未发现问题，共检查 2 个文件。\n"
    assert done.stderr == ""


def test_findings_are_lint_lines_sorted_by_position(tmp_path: Path) -> None:
    text = SEED_EXAMPLE.read_text(encoding="utf-8")
    text = edit(text, "报告类型: 部门", "报告类型: 部")
    text = edit(text, "\n总体情况:", "\n一、总体情况:")
    report = tmp_path / "report.yaml"
    report.write_text(text, encoding="utf-8")
    done = run(report.name, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "report.yaml:7:7: DL105 “报告类型”应为 部门 或 本级政府 或 乡镇 或 管委会，实为“部”",
        "  |",
        "7 | 报告类型: 部",
        "  |           ^~",
        "",
        "report.yaml:10:1: DL102 [*] “报告”下没有“一、总体情况”这一项，是不是“总体情况”？",
        "   |",
        "10 | 一、总体情况:",
        "   | ^" + "~" * 11,  # 一、总体情况: six characters, twelve columns
        "",
        "发现 2 个问题（错误 2 个，警告 0 个），共检查 1 个文件。",
        "[*] 其中 1 个可以用 `--fix` 自动修复。",
    ]


def test_english_messages(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(
        edit(SEED_EXAMPLE.read_text(encoding="utf-8"), "报告类型: 部门", "报告类型: 部"), encoding="utf-8"
    )
    done = run("--lang", "en", "--format", "concise", report.name, cwd=tmp_path)
    assert done.stdout.splitlines() == [
        "r.yaml:7:7: DL105 '报告类型' should be 部门 or 本级政府 or 乡镇 or 管委会, found '部'",
        "Found 1 problem (1 error, 0 warnings) in 1 file.",
    ]


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\xff\xfe\xfa\xfb: 1\n",
        "年度: 2023\n年度: 2024\n".encode(),
        b"a: [1, 2\n",
        b"- 1\n",
        b"\x00\x01\x02",
    ],
)
def test_broken_input_exits_2_without_traceback(tmp_path: Path, content: bytes) -> None:
    report = tmp_path / "bad.yaml"
    report.write_bytes(content)
    done = run(report.name, cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stdout.startswith("bad.yaml:")


def test_missing_file_exits_2_and_other_files_are_still_checked(tmp_path: Path) -> None:
    done = run(tmp_path / "nope.yaml", SEED_EXAMPLE)
    assert done.returncode == 2
    assert done.stdout.splitlines()[0] == f"{tmp_path / 'nope.yaml'}:1:1: DL001 无法读取文件：文件不存在"
    assert "共检查 2 个文件" in done.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr", "x.yaml"], "--lang must be one of zh, en"),
        (["--fail-on", "notice", "x.yaml"], "--fail-on must be one of error, warning, info, not 'notice'"),
        (["--select", "DL2;x", "x.yaml"], "not a rule code or prefix"),
        (["--rules", "no-such-folder", "x.yaml"], "not a folder"),
        (["--isolated"], "no report files given"),
        (["--color", "rainbow", "x.yaml"], "--color must be one of auto, always, never, not 'rainbow'"),
        (["audit", "x", "--format", "auto"], "--format must be one of "),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout == f"disclosure-lint {__version__}\n"
    help_text = run("--help").stdout
    assert "--lang" in help_text and "--fail-on" in help_text


def test_list_rules_names_every_code() -> None:
    done = run("--list-rules")
    assert done.returncode == 0
    for code in ("DL001", "DL101", "DL102", "DL901"):
        assert code in done.stdout
