"""`--fix`, `--unsafe-fixes` and `--diff` as a clerk, a pre-commit hook and a script use them: what
is written (byte for byte), what is printed, and the exit status."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import CITY_BUREAU, edit
from test_cli import run

CITY = CITY_BUREAU.read_text(encoding="utf-8")
SLIPS = (("现行有效件数: 12}", "现行有效件数: １２}"), ("\n年度: 2023\n", "\n年度：2023\n"))


def slipped(text: str = CITY) -> str:
    for old, new in SLIPS:
        text = edit(text, old, new)
    return text


def test_fix_rewrites_the_report_and_reports_what_remains(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(slipped(), encoding="utf-8")
    done = run("--fix", "r.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "已修复 2 个问题，改动了 1 个文件。\n未发现问题，共检查 1 个文件。\n"
    assert done.stderr == ""
    assert report.read_text(encoding="utf-8") == CITY
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]  # no temporary file left
    again = run("--fix", "r.yaml", cwd=tmp_path)  # idempotent: nothing left to fix
    assert again.stdout == "未发现问题，共检查 1 个文件。\n"


def test_the_exit_status_is_that_of_the_findings_that_remain(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(
        slipped(edit(CITY, "[20, 3, 1, 0, 1, 1, 26]", "[21, 3, 1, 0, 1, 1, 26]")), encoding="utf-8"
    )
    done = run("--fix", "--lang", "en", "--format", "concise", "r.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "r.yaml:36:36: DL205 '（一）予以公开·自然人' is probably 20: the row sum and the column sum are each off by 1, "
        "and changing this one cell balances both (found 21)",
        "Fixed 2 problems in 1 file.",
        "Found 1 problem (1 error, 0 warnings) in 1 file.",
        "No fixes available (1 hidden fix can be enabled with `--unsafe-fixes`).",
    ]
    unsafe = run("--fix", "--unsafe-fixes", "r.yaml", cwd=tmp_path)
    assert unsafe.returncode == 0
    assert unsafe.stdout == "已修复 1 个问题，改动了 1 个文件。\n未发现问题，共检查 1 个文件。\n"
    assert report.read_text(encoding="utf-8") == CITY


def test_fixable_findings_are_marked_and_counted_without_fix(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(edit(CITY, "现行有效件数: 12}", "现行有效件数: １２}"), encoding="utf-8")
    done = run("--format", "concise", "r.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "r.yaml:25:43: DL403 [*] “行政规范性文件·现行有效件数”的“１２”用了全角数字：请用半角数字 12",
        "发现 1 个问题（错误 1 个，警告 0 个），共检查 1 个文件。",
        "[*] 其中 1 个可以用 `--fix` 自动修复。",
    ]
    both = edit(report.read_text(encoding="utf-8"), "[20, 3, 1, 0, 1, 1, 26]", "[21, 3, 1, 0, 1, 1, 26]")
    report.write_text(both, encoding="utf-8")
    lines = run("--format", "concise", "r.yaml", cwd=tmp_path).stdout.splitlines()
    assert (
        lines[-1] == "[*] 其中 1 个可以用 `--fix` 自动修复（另有 1 个修复要加 `--unsafe-fixes` 才会进行）。"
    )
    assert lines[1].startswith("r.yaml:36:36: DL205 （一）")  # unsafe: not marked
    lines = run(
        "--unsafe-fixes", "--lang", "en", "--format", "concise", "r.yaml", cwd=tmp_path
    ).stdout.splitlines()
    assert lines[1].startswith("r.yaml:36:36: DL205 [*] '（一）")
    assert lines[-1] == "[*] 2 fixable with `--fix --unsafe-fixes`."


@pytest.mark.parametrize(
    ("encode", "name"),
    [
        (lambda text: text.replace("\n", "\r\n").encode("utf-8"), "CRLF"),
        (lambda text: text.replace("\n", "\r").encode("utf-8"), "CR"),
        (lambda text: b"\xef\xbb\xbf" + text.encode("utf-8"), "UTF-8 with BOM"),
        (lambda text: text.encode("gb18030"), "GBK"),
        (lambda text: b"\xff\xfe" + text.encode("utf-16-le"), "UTF-16 LE with BOM"),
        (lambda text: text.encode("utf-16-be"), "UTF-16 BE"),
    ],
)
def test_a_fixed_file_keeps_its_encoding_and_line_ends_byte_for_byte(
    tmp_path: Path, encode, name: str
) -> None:
    report = tmp_path / "r.yaml"
    report.write_bytes(encode(slipped()))
    report.chmod(0o640)
    done = run("--fix", "r.yaml", cwd=tmp_path)
    assert "已修复 2 个问题，改动了 1 个文件。" in done.stdout, (name, done.stdout, done.stderr)
    assert report.read_bytes() == encode(CITY), name
    assert report.stat().st_mode & 0o777 == 0o640


def test_diff_shows_the_change_and_changes_nothing(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(slipped(), encoding="utf-8")
    before = report.stat().st_mtime_ns
    done = run("--diff", "r.yaml", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == (
        "--- r.yaml\n+++ r.yaml\n@@ -2,7 +2,7 @@\n"
        " # A fictional bureau with applications, appeals and fees: every table balances.\n"
        " 格式版本: 2021\n 机关: 示例市自然资源和规划局\n-年度：2023\n+年度: 2023\n 报告类型: 部门\n"
        " 发布日期: 2024-01-26\n \n@@ -22,7 +22,7 @@\n \n 主动公开政府信息情况:\n"
        "   规章: {本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0}\n"
        "-  行政规范性文件: {本年制发件数: 3, 本年废止件数: 1, 现行有效件数: １２}\n"
        "+  行政规范性文件: {本年制发件数: 3, 本年废止件数: 1, 现行有效件数: 12}\n"
        "   行政许可: {本年处理决定数量: 1520}\n   行政处罚: {本年处理决定数量: 87}\n"
        "   行政强制: {本年处理决定数量: 5}\n\n可修复 2 个问题。\n"
    )
    assert done.stderr == ""
    assert report.read_text(encoding="utf-8") == slipped()
    assert report.stat().st_mtime_ns == before
    quiet = run("--diff", "--quiet", "r.yaml", cwd=tmp_path)
    assert quiet.stdout == done.stdout.removesuffix("\n可修复 2 个问题。\n")
    clean = run("--diff", "--lang", "en", str(CITY_BUREAU))
    assert (clean.returncode, clean.stdout) == (0, "No problems would be fixed.\n")


def test_diff_shows_control_characters_as_escapes(tmp_path: Path) -> None:
    report = tmp_path / "r\x1b[2Jx.yaml"
    report.write_bytes(
        edit(CITY, "\n年度: 2023\n", "\n年度: 2023\x07\n").replace("\n", "\r\n").encode("utf-8")
    )
    done = run("--diff", report.name, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == ["--- r\\x1b[2Jx.yaml", "+++ r\\x1b[2Jx.yaml"]
    assert "-年度: 2023\\x07\n+年度: 2023\n" in done.stdout
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "\r" not in done.stdout


def test_fix_on_standard_input_writes_the_fixed_report_to_standard_output(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", "--fix", "-", "--stdin-filename", "r.yaml"],
        input=slipped().encode("gb18030"),
        capture_output=True,
        timeout=60,
        env={**os.environ},
    )
    assert done.returncode == 0
    assert done.stdout == CITY.encode("gb18030")  # the report as it came, in its own encoding, fixed
    assert done.stderr.decode("utf-8").splitlines() == [
        "r.yaml:1:1: DL003 警告：文件是 GBK/GB18030 编码，已按 GBK/GB18030 读取；建议用 UTF-8 另存，以免其他工具读错",
        "已修复 2 个问题，改动了 1 个文件。",
        "发现 1 个问题（错误 0 个，警告 1 个），共检查 1 个文件。",
    ]


def test_a_published_document_is_never_rewritten(tmp_path: Path) -> None:
    page = tmp_path / "city.html"
    assert run("render", CITY_BUREAU, "-o", page).returncode == 0
    before = page.read_bytes()
    done = run("--fix", "city.html", cwd=tmp_path)
    assert done.returncode == 0
    assert page.read_bytes() == before
    assert done.stderr == (
        "disclosure-lint: city.html：已发布的文档不会被改写。要修复，请先导入为 YAML"
        "（disclosure-lint import city.html -o 报告.yaml），再修复那个 YAML 文件\n"
    )
    assert done.stdout == "未发现问题，共检查 1 个文件。\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fix", "--diff", "r.yaml"], "--fix 会改写文件，--diff 只显示会改什么而不改写：两者只能选一个"),
        (["--fix", "--explain", "DL403"], "--explain 不检查任何报告，不能与 --fix 同用"),
        (
            ["--diff", "--list-rules", "--lang", "en"],
            "--list-rules checks no report, so it cannot go with --diff",
        ),
        (
            ["--diff", "--format", "json", "r.yaml"],
            "--diff 输出的是修改前后的差异，不是检查结果，不能与 --format json 同用",
        ),
        (
            ["--diff", "--statistics", "r.yaml"],
            "--diff 输出的是修改前后的差异，不是检查结果，不能与 --statistics 同用",
        ),
        (
            ["--fix", "-", "r.yaml", "--lang", "en"],
            "--fix writes standard input (-), fixed, to standard output, so - must be the only input",
        ),
    ],
)
def test_options_that_make_no_sense_with_fix_are_refused(
    tmp_path: Path, args: list[str], message: str
) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(slipped(), encoding="utf-8")
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == f"disclosure-lint: error: {message}\n"
    assert done.stdout == ""
    assert report.read_text(encoding="utf-8") == slipped()


def test_json_gives_each_fix_with_its_edits(tmp_path: Path) -> None:
    report = tmp_path / "r.yaml"
    report.write_text(edit(CITY, "现行有效件数: 12}", "现行有效件数: '１２'}"), encoding="utf-8")
    document = json.loads(run("--format", "json", "--lang", "en", "r.yaml", cwd=tmp_path).stdout)
    (finding,) = document["files"][0]["findings"]
    assert finding["fix"] == {
        "applicability": "safe",
        "message": "write 12",
        "edits": [
            {
                "content": "12",
                "location": {"line": 25, "column": 43},
                "end_location": {"line": 25, "column": 47},
            }
        ],
    }
    clean = json.loads(run("--format", "json", str(CITY_BUREAU)).stdout)
    assert clean["files"][0]["findings"] == []


def test_fixes_come_through_the_parallel_pool_and_the_cache(tmp_path: Path) -> None:
    for n in range(10):  # enough files for the pool
        (tmp_path / f"r{n}.yaml").write_text(
            edit(CITY, "现行有效件数: 12}", "现行有效件数: １２}"), encoding="utf-8"
        )
    for _ in range(2):  # linted, then from the cache
        done = run("--format", "json", ".", cwd=tmp_path)
        fixes = [
            f["fix"]["edits"][0]["content"]
            for file in json.loads(done.stdout)["files"]
            for f in file["findings"]
        ]
        assert fixes == ["12"] * 10


def test_explain_says_whether_a_rule_fixes(tmp_path: Path) -> None:
    lines = run("--explain", "DL403", "--lang", "en").stdout.splitlines()
    assert lines[5] == "Fix: safe (`--fix` applies it); unsafe in some cases (`--fix --unsafe-fixes`)"
    assert (
        run("--explain", "DL205").stdout.splitlines()[5]
        == "修复: 不安全，只有 `--fix --unsafe-fixes` 才会修复"
    )
    assert run("--explain", "DL406").stdout.splitlines()[5] == "修复: 安全，`--fix` 即可修复"
    assert not any(line.startswith("修复:") for line in run("--explain", "DL201").stdout.splitlines())


def test_a_report_that_cannot_be_written_back_is_said_and_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from disclosure_lint import atomic
    from disclosure_lint.cli import app

    report = tmp_path / "r.yaml"
    report.write_text(slipped(), encoding="utf-8")

    def full_disk(*_: object, **__: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "write", full_disk)
    done = CliRunner().invoke(app, ["--fix", str(report)])
    assert done.exit_code == 2
    assert f"disclosure-lint: error: 无法写入 {report}：No space left on device" in done.output
    assert report.read_text(encoding="utf-8") == slipped()


PLUGIN = """
from disclosure_lint.api import SAFE, WARNING, Edit, Fix, Pos, Rule, replace_value

SPACES = Rule(
    code="ZZ001", name="agency-spaces", severity=WARNING, summary_zh="机关名称前后有全角空格",
    summary_en="The agency's name has full-width spaces", clause="-",
    message_zh="机关名称前后有全角空格", message_en="the agency's name has full-width spaces", fix=(SAFE,),
)
BREAKS = Rule(
    code="ZZ002", name="breaks", severity=WARNING, summary_zh="a broken fix", summary_en="a broken fix",
    clause="-", message_zh="a broken fix", message_en="a broken fix", fix=(SAFE,),
)
RULES = (SPACES, BREAKS)


def check(report):
    name = report.get(("机关",))
    if name != name.strip("\\u3000"):
        yield SPACES.at(report.pos(("机关",)), ("机关",), fix=replace_value(report, ("机关",), name.strip("\\u3000")))
    if "年度" in report.data and report.has(("备注",)):
        at = report.key_pos(("年度",))
        yield BREAKS.at(at, ("年度",), fix=Fix((Edit(at, Pos(at.line, at.col + 3), "[["),), SAFE, "x", "x"))
"""


def test_a_rule_module_offers_fixes_through_the_api(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "agency.py").write_text(PLUGIN, encoding="utf-8")
    report = tmp_path / "r.yaml"
    report.write_text(
        edit(CITY, "机关: 示例市自然资源和规划局", "机关: \u3000示例市自然资源和规划局"), encoding="utf-8"
    )
    done = run("--rules", "rules", "--fix", "r.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert report.read_text(encoding="utf-8") == CITY
    assert done.stdout == "已修复 1 个问题，改动了 1 个文件。\n未发现问题，共检查 1 个文件。\n"


def test_a_round_of_fixes_that_would_break_the_report_is_not_kept(tmp_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "agency.py").write_text(PLUGIN, encoding="utf-8")
    report = tmp_path / "r.yaml"
    text = CITY + "备注: 无\n"
    report.write_text(text, encoding="utf-8")
    done = run("--rules", "rules", "--fix", "--select", "ZZ", "r.yaml", cwd=tmp_path)
    assert report.read_text(encoding="utf-8") == text  # "[[" would have made it unreadable
    assert done.stderr == (
        "disclosure-lint: r.yaml：有一轮修复会使报告无法读取，修复停在那之前（这是 disclosure-lint 的错误，请报告）\n"
    )
    assert done.stdout.splitlines()[0] == "r.yaml:5:1: ZZ002 [*] 警告：a broken fix"
    assert done.returncode == 0  # a warning
