"""Issue 14: every way of failing has its exit status and one line, never a traceback or a crash;
no silent pass; encodings named correctly. Issue 15: unknown rule codes are an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED_EXAMPLE, edit, lint
from test_cli import run
from test_plugins import write_rule

from disclosure_lint.loader import load_bytes

BROKEN = EXAMPLES / "broken-2023.yaml"
SEED = SEED_EXAMPLE.read_text(encoding="utf-8")


def shell(
    command: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`disclosure-lint` as `dl` inside a POSIX shell command, for redirections Python cannot set up."""
    program = f"{sys.executable} -m disclosure_lint"
    return subprocess.run(
        ["sh", "-c", command.replace("dl ", program + " ")],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


# ---------------------------------------------------------------- paths and output


def test_a_symlink_loop_is_one_line_and_the_other_files_are_still_linted(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    (tmp_path / "good.yaml").write_text(SEED, encoding="utf-8")
    done = run("loop.yaml", "good.yaml", "--quiet", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr == ""
    assert done.stdout == "loop.yaml:1:1: DL001 无法读取文件：符号链接循环指向自己，找不到真正的文件\n"
    done = run(".", "--lang", "en", cwd=tmp_path)  # found in a folder: reported, not skipped
    assert done.returncode == 2 and done.stderr == ""
    assert (
        "a.yaml:1:1: DL001 cannot read the file: a loop of symbolic links that names no file" in done.stdout
    )
    assert "b.yaml:1:1: DL001" in done.stdout and "loop.yaml:1:1: DL001" in done.stdout
    assert "good.yaml" not in done.stdout.split("\n\n")[0]  # checked, and clean


def test_symlink_loops_given_as_options_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "good.yaml").write_text(SEED, encoding="utf-8")
    for option, message in (
        ("--rules", f"rules folder {tmp_path / 'loop'}: not a folder"),
        ("--config", f"{tmp_path / 'loop'}: cannot read: Too many levels of symbolic links"),
        (
            "--previous",
            "--previous loop: cannot be read: cannot read the file: a loop of symbolic links that names no file",
        ),
    ):
        done = run(option, "loop", "good.yaml", cwd=tmp_path)
        assert (done.returncode, done.stderr) == (2, f"disclosure-lint: error: {message}\n"), option


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX redirections")
def test_closed_standard_output_is_exit_2_with_one_line() -> None:
    done = shell(f"dl {BROKEN} >&-")
    assert done.returncode == 2
    assert done.stderr == "disclosure-lint: error: standard output is closed\n"


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX redirections")
def test_closed_standard_input_is_an_empty_report() -> None:
    done = shell("dl - --stdin-filename r.yaml --lang en <&-")
    assert done.returncode == 2 and done.stderr == ""
    assert done.stdout.startswith("r.yaml:1:1: DL006 the file is empty")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_full_standard_output_is_exit_2_with_one_line() -> None:
    done = shell(f"dl {BROKEN} > /dev/full")
    assert done.returncode == 2
    assert done.stderr == "disclosure-lint: error: cannot write to standard output: No space left on device\n"
    done = shell(f"dl {SEED_EXAMPLE} --format sarif > /dev/full")  # written at once, at the end
    assert done.returncode == 2 and "Traceback" not in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
def test_a_reader_that_goes_away_is_exit_2_without_a_traceback(tmp_path: Path) -> None:
    for index in range(40):
        (tmp_path / f"r{index:02}.yaml").write_text(BROKEN.read_text(encoding="utf-8"), encoding="utf-8")
    done = shell('dl . | head -c 10 > /dev/null; echo "status=${PIPESTATUS:-x}"', cwd=tmp_path)
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stderr == ""  # the reader has what it wanted: nothing to say, as with `cat | head`


def test_an_ascii_terminal_gets_escapes_and_one_warning() -> None:
    done = run(BROKEN, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1
    assert done.stdout.startswith(
        f"{BROKEN}:8:7: DL503 \\u201c\\u53d1\\u5e03\\u65e5\\u671f\\u201d2024-02-05 "
    )
    assert done.stdout.isascii()
    assert done.stderr == (
        "disclosure-lint: warning: characters that ascii cannot show were written as \\uXXXX escapes "
        "(set PYTHONIOENCODING=utf-8 to see them)\n"
    )


# ---------------------------------------------------------------- hostile configs


def test_a_deeply_nested_pyproject_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.disclosure-lint]\nx = " + "[" * 100_000 + "\n", encoding="utf-8"
    )
    (tmp_path / "r.yaml").write_text(SEED, encoding="utf-8")
    done = run("r.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert (
        done.stderr
        == f"disclosure-lint: error: {tmp_path / 'pyproject.toml'}: invalid TOML: nested too deeply to be a config\n"
    )


@pytest.mark.parametrize("nesting", ["[" * 100_000, "\n" + "- " * 100_000])
def test_a_deeply_nested_yaml_config_does_not_crash(tmp_path: Path, nesting: str) -> None:
    (tmp_path / ".disclosure-lint.yaml").write_text("select: " + nesting + "\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(SEED, encoding="utf-8")
    done = run("r.yaml", cwd=tmp_path)
    assert done.returncode == 2  # not 139, a segmentation fault
    line = 1 if nesting.startswith("[") else 2
    assert done.stderr.startswith(f"disclosure-lint: error: {tmp_path / '.disclosure-lint.yaml'}:{line}:")
    assert "nested more than 1000 levels deep" in done.stderr and done.stderr.count("\n") == 1


def test_a_config_that_is_not_utf8_or_too_large(tmp_path: Path) -> None:
    (tmp_path / ".disclosure-lint.yaml").write_bytes("lang: 中文\n".encode("gbk"))
    (tmp_path / "r.yaml").write_text(SEED, encoding="utf-8")
    done = run("r.yaml", cwd=tmp_path)
    assert done.returncode == 2 and "cannot read: not UTF-8 (byte 0xD6)" in done.stderr
    (tmp_path / ".disclosure-lint.yaml").write_bytes(b"# " + b"x" * (5 * 1024 * 1024))
    done = run("r.yaml", cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.endswith(
        ".disclosure-lint.yaml: larger than 5 MiB, not a config\n"
    )


# ---------------------------------------------------------------- unknown rule codes (issue 15)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--select", "DL3011"],
            "--select: unknown rule code 'DL3011' (did you mean DL301? see disclosure-lint --list-rules)",
        ),
        (
            ["--ignore", "DL2,DL99"],
            "--ignore: unknown rule code 'DL99' (did you mean DL901? see disclosure-lint --list-rules)",
        ),
        (["--select", "ZZ1"], "--select: unknown rule code 'ZZ1' (see disclosure-lint --list-rules)"),
        (
            ["--list-rules", "--ignore", "DL88"],
            "--ignore: unknown rule code 'DL88' (did you mean DL808? see disclosure-lint --list-rules)",
        ),
    ],
)
def test_unknown_codes_on_the_command_line_are_exit_2_with_did_you_mean(
    args: list[str], message: str
) -> None:
    done = run(*args, SEED_EXAMPLE)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == f"disclosure-lint: error: {message}\n"


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        ("lang: zh\nignore: [DL301, DL3011]\n", 2, "ignore: unknown rule code 'DL3011' (did you mean DL301?"),
        ("lang: zh\nignore: [DL301, DL3O1]\n", 2, "ignore: 'DL3O1' is not a rule code or prefix"),
        (
            "select: [DL7]\nper-file-ignores:\n  '*.yaml': [DL7222]\n",
            2,
            "per-file-ignores: unknown rule code 'DL7222' (did you mean DL722?",
        ),
    ],
)
def test_unknown_codes_in_the_config_name_the_file_and_line(
    tmp_path: Path, config: str, line: int, message: str
) -> None:
    (tmp_path / ".disclosure-lint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "r.yaml").write_text(SEED, encoding="utf-8")
    done = run("r.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith(
        f"disclosure-lint: error: {tmp_path / '.disclosure-lint.yaml'}:{line}: {message}"
    )


def test_prefixes_and_plugin_codes_are_known(tmp_path: Path) -> None:
    rules = write_rule(tmp_path / "province", "proposals", code="ZJ001")
    assert run("--select", "DL2,DL7", SEED_EXAMPLE).returncode == 0
    assert run("--rules", rules, "--ignore", "ZJ", SEED_EXAMPLE).returncode == 0
    assert run("--ignore", "ZJ", SEED_EXAMPLE).returncode == 2  # without the plugin there is no ZJ rule


# ---------------------------------------------------------------- no silent pass; encodings


def test_a_text_too_long_to_read_gets_an_info_finding() -> None:
    long = "2023年，我局依法公开政府信息，办理申请。" * 3_000  # 63,000 characters
    text = edit(SEED, "存在的主要问题及改进情况: |\n", f"存在的主要问题及改进情况: |\n  {long}\n")
    result = lint(text)
    skipped = [f for f in result.findings if f.code == "DL040"]
    line = SEED.splitlines().index("存在的主要问题及改进情况: |") + 1
    assert [(f.pos.line, f.pos.col, f.severity.label) for f in skipped] == [(line, 15, "info")] * 2
    assert {f.message("en").split(" did not check")[0] for f in skipped} == {
        "the text-against-table checks (DL701–DL708)",
        "the stale-year check (DL711)",
    }
    loaded = load_bytes(text.encode(), "r.yaml").report
    assert loaded is not None
    length = len(loaded.get(("存在的主要问题及改进情况",)))
    assert length > 60_000
    assert (
        skipped[0]
        .message("en")
        .endswith(
            f"did not check '存在的主要问题及改进情况': the text has {length} characters, more than that check's limit of 50000"
        )
    )


def test_the_skipped_check_is_shown_and_does_not_fail_the_run(tmp_path: Path) -> None:
    long = "2023年，我局依法公开政府信息，办理申请。" * 3_000
    report = tmp_path / "r.yaml"
    report.write_text(
        edit(SEED, "存在的主要问题及改进情况: |\n", f"存在的主要问题及改进情况: |\n  {long}\n"),
        encoding="utf-8",
    )
    done = run(report, "--lang", "en")
    assert done.returncode == 0
    assert done.stdout.count(" DL040 info: ") == 2
    assert done.stdout.endswith("All checks passed (1 file). 2 notes.\n")


TRADITIONAL = "機關: 臺北市政府資訊處\n年度: 2023\n總體情況: |\n  本年度依照政府資訊公開條例辦理各項公開工作，受理申請共計十二件，均已依法答復。\n"
JAPANESE = "機関: 東京都情報公開課\n年度: 2023\n概要: |\n  本年度の情報公開の状況について報告します。申請は十二件でした。\n"


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        (TRADITIONAL.encode("big5"), "Big5"),
        (JAPANESE.encode("shift_jis"), "Shift-JIS"),
        (SEED.encode("gbk"), "GBK/GB18030"),
        ("机关: 某县民政局\n年度: 2023\n".encode("gbk"), "GBK/GB18030"),  # short enough to pass for Korean
    ],
)
def test_encodings_are_named_correctly(raw: bytes, named: str) -> None:
    loaded = load_bytes(raw, "r.yaml")
    assert loaded.report is not None
    first = loaded.findings[0]
    assert (first.code, first.message("en")) == (
        "DL003",
        f"the file is encoded as {named} and was read as such; save it as UTF-8 so other tools read it too",
    )
    assert next(iter(loaded.report.data)) in ("機關", "機関", "格式版本", "机关")
