"""Extra rules: a `--rules DIR` folder and an installed package's entry point, both end to end."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE, edit
from test_cli import run

PART6_RULE = '''
"""Our province also asks part 六 to report on 人大代表建议 and 政协提案."""

from disclosure_lint.api import WARNING, Report, Rule, statute

PROPOSALS = Rule(
    code="{code}",
    name="proposals-reported",
    severity=WARNING,
    summary_zh="其他需要报告的事项应说明建议提案办理结果公开情况",
    summary_en="Part 六 should report on deputies' suggestions and proposals",
    clause="本省年度政务公开工作要点",
    message_zh="其他需要报告的事项未提到人大代表建议和政协提案的办理结果公开情况",
    message_en="part 六 does not mention the disclosure of handled suggestions and proposals",
)
RULES = (PROPOSALS,)


def check(report: Report):
    text = report.text((statute.PART6,))
    if "建议" not in text or "提案" not in text:
        yield PROPOSALS.at(report.pos((statute.PART6,)), (statute.PART6,))
'''

PART6_LINE = SEED_EXAMPLE.read_text(encoding="utf-8").splitlines().index("其他需要报告的事项: |") + 1


def write_rule(folder: Path, name: str, code: str = "ZJ001", body: str = PART6_RULE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(body.replace("{code}", code), encoding="utf-8")
    return folder


def install_entry_point(site: Path, module: str, body: str) -> None:
    """A minimal installed distribution: a module plus dist-info with an entry point."""
    site.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(body, encoding="utf-8")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(
        f"[disclosure_lint.rules]\n{module} = {module}\n", encoding="utf-8"
    )


def test_rules_folder_adds_a_finding(tmp_path: Path) -> None:
    rules = write_rule(tmp_path / "province-rules", "proposals")
    done = run("--rules", rules, SEED_EXAMPLE)
    assert done.returncode == 0  # a warning does not fail by default
    assert done.stdout.splitlines()[0] == (
        f"{SEED_EXAMPLE}:{PART6_LINE}:12: ZJ001 警告：其他需要报告的事项未提到人大代表建议和政协提案的办理结果公开情况"
    )
    assert run("--rules", rules, "--fail-on", "warning", SEED_EXAMPLE).returncode == 1
    assert "ZJ001" in run("--rules", rules, "--list-rules").stdout


def test_rules_folder_from_config_is_relative_to_the_config(tmp_path: Path) -> None:
    write_rule(tmp_path / "checks", "proposals")
    (tmp_path / ".disclosure-lint.yaml").write_text("rules: [checks]\n", encoding="utf-8")
    (tmp_path / "r.yaml").write_text(SEED_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("--trust-config", "r.yaml", cwd=tmp_path)  # a config's rules load only when trusted
    assert f"r.yaml:{PART6_LINE}:12: ZJ001" in done.stdout


def test_entry_point_plugin_is_discovered(tmp_path: Path) -> None:
    install_entry_point(tmp_path / "site", "zj_rules", PART6_RULE.replace("{code}", "ZJ002"))
    done = run(SEED_EXAMPLE, env={"PYTHONPATH": str(tmp_path / "site")})
    assert f"{SEED_EXAMPLE}:{PART6_LINE}:12: ZJ002 警告：" in done.stdout
    # and it is silent on a report that does mention them
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(
        edit(
            SEED_EXAMPLE.read_text(encoding="utf-8"),
            "无其他需要报告的事项。",
            "人大代表建议和政协提案办理结果均已公开。",
        ),
        encoding="utf-8",
    )
    assert "ZJ002" not in run(fixed, env={"PYTHONPATH": str(tmp_path / "site")}).stdout


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("import no_such_module\n", "failed to import: ModuleNotFoundError"),
        ("RULES = []\n", "defines no check(report) function"),
        ("RULES = ['DL999']\ndef check(report):\n    return []\n", "RULES must be a list"),
        (PART6_RULE.replace("{code}", "DL101"), "rule code DL101 is already used by disclosure-lint core"),
    ],
)
def test_broken_plugin_is_one_line_naming_it(tmp_path: Path, body: str, expected: str) -> None:
    rules = write_rule(tmp_path / "bad", "broken", body=body)
    done = run("--rules", rules, SEED_EXAMPLE)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "broken.py" in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_broken_entry_point_names_the_plugin(tmp_path: Path) -> None:
    install_entry_point(tmp_path / "site", "bad_plugin", "raise RuntimeError('boom')\n")
    done = run(SEED_EXAMPLE, env={"PYTHONPATH": str(tmp_path / "site")})
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "disclosure-lint: error: plugin 'bad_plugin' (bad_plugin): failed to import: RuntimeError: boom"
    )


def test_two_plugins_with_one_code_clash(tmp_path: Path) -> None:
    first = write_rule(tmp_path / "a", "one", code="ZJ010")
    second = write_rule(tmp_path / "b", "two", code="ZJ010")
    done = run("--rules", first, "--rules", second, SEED_EXAMPLE)
    assert done.returncode == 2
    assert "rule code ZJ010 is already used by" in done.stderr and "one.py" in done.stderr


def test_a_rule_that_raises_is_an_internal_error_and_the_others_still_run(tmp_path: Path) -> None:
    crash = textwrap.dedent(
        """
        from disclosure_lint.api import ERROR, Rule
        RULES = (Rule("ZJ020", "crash", ERROR, "x", "x", "x", "x", "x"),)
        def check(report):
            raise KeyError("总计")
        """
    )
    rules = write_rule(tmp_path / "c", "crash", body=crash)
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        edit(SEED_EXAMPLE.read_text(encoding="utf-8"), "报告类型: 部门", "报告类型: 部"), encoding="utf-8"
    )
    done = run("--rules", rules, "bad.yaml", cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stdout.splitlines()
    assert (
        lines[0].startswith("bad.yaml:1:1: DL901 规则模块“")
        and "crash.py" in lines[0]
        and "KeyError" in lines[0]
    )
    assert lines[1].startswith("bad.yaml:7:7: DL105")
