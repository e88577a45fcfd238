"""The report detector: a YAML file with none of the report's keys is told it is not a report when
named, and passed over in silence under --skip-non-reports (what the pre-commit hook runs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CITY_BUREAU, EXAMPLES, FIXTURES, SEED_EXAMPLE
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run

from disclosure_lint.detect import looks_like_report
from disclosure_lint.template import render

WORKFLOW = """\
name: reports
on: [push, pull_request]
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: 'echo "报告类型: 部门"'   # Chinese inside a value is not a key
"""
COMPOSE = "services:\n  web:\n    image: nginx:1.27\n    ports: ['8080:80']\n"
MKDOCS = "site_name: 政务公开\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
MANIFESTS = "kind: Service\nmetadata: {name: a}\n---\nkind: Deployment\nmetadata: {name: b}\n"
NOT_A_REPORT_ZH = (
    "DL006 这个 YAML 文件没有年度报告的任何一项（格式版本、机关、年度、报告类型、发布日期、总体情况……），"
    "不是政府信息公开工作年度报告"
)


@pytest.mark.parametrize("text", [WORKFLOW, COMPOSE, MKDOCS, MANIFESTS, "", "- a\n- b\n", "# 机关: 注释\n"])
def test_other_yaml_is_not_a_report(text: str) -> None:
    assert not looks_like_report(text)


@pytest.mark.parametrize(
    "text",
    [
        "机关: 某局\n",
        "一、总体情况:\n  本年度……\n",  # an ordinal before the key
        "机关：某局\n年度：2023\n",  # full-width colons, as an input method types them
        "\ufeff格式版本: 2021\n",  # a byte-order mark
        "{机关: 某局, 年度: 2023}\n",
        '"发布日期": 2024-01-20\n',
        "  其他需要报告的事宜: 无\n",  # a heading variant, indented
        render("某县民政局", 2024),
    ],
)
def test_anything_with_a_report_key_is_a_report(text: str) -> None:
    assert looks_like_report(text)


def test_every_report_in_the_repository_is_recognised() -> None:
    reports = [*EXAMPLES.glob("*.yaml"), *FIXTURES.rglob("*.yaml")]
    assert len(reports) >= 14
    missed = [
        path.relative_to(FIXTURES.parent.parent).as_posix()
        for path in reports
        if not looks_like_report(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert missed == ["tests/fixtures/audit/region/audit-map.yaml"]  # the audit's own config


def test_every_report_excerpt_of_the_rule_docs_is_recognised() -> None:
    from test_rule_docs import DOCS, NOT_A_REPORT

    excerpts = [
        (code, side)
        for code, entry in DOCS.items()
        if code not in NOT_A_REPORT
        for side in ("wrong", "right")
    ]
    assert len(excerpts) > 100
    missed = [(code, side) for code, side in excerpts if not looks_like_report(DOCS[code][side])]
    assert missed == [("DL007", "wrong")]  # an alias bomb with keys 甲, 乙 …: not a report indeed


_ASCII_KEY = st.from_regex(r"[a-z_][a-z0-9_.-]{0,15}", fullmatch=True)
_VALUE = st.one_of(st.integers(), st.text(max_size=30).filter(lambda v: "\n" not in v))


@given(st.dictionaries(_ASCII_KEY, _VALUE, min_size=1, max_size=8))
def test_yaml_with_only_ascii_keys_is_never_a_report(mapping: dict[str, object]) -> None:
    from io import StringIO

    from ruamel.yaml import YAML

    out = StringIO()
    YAML(typ="safe").dump(mapping, out)
    assert not looks_like_report(out.getvalue())


def test_a_named_file_is_told_it_is_not_a_report(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    done = run("ci.yml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.splitlines() == [
        f"ci.yml:1:1: {NOT_A_REPORT_ZH}",
        "发现 1 个问题（错误 1 个，警告 0 个），共检查 1 个文件，其中 1 个无法正常读取。",
    ]
    english = run("ci.yml", "--lang", "en", cwd=tmp_path).stdout.splitlines()[0]
    assert english == (
        "ci.yml:1:1: DL006 this YAML file has none of an annual report's keys (格式版本, 机关, 年度, 报告类型, "
        "发布日期, 总体情况 …): it is not a government information disclosure annual report"
    )


def test_skip_non_reports_passes_over_other_yaml_in_silence(tmp_path: Path) -> None:
    for name, text in (("ci.yml", WORKFLOW), ("mkdocs.yml", MKDOCS), ("k8s.yaml", MANIFESTS), ("e.yaml", "")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    alone = run("--skip-non-reports", "ci.yml", "mkdocs.yml", "k8s.yaml", "e.yaml", cwd=tmp_path)
    assert (alone.returncode, alone.stdout, alone.stderr) == (0, "", "")
    with_reports = run("--skip-non-reports", "ci.yml", SEED_EXAMPLE, CITY_BUREAU, "k8s.yaml", cwd=tmp_path)
    assert (with_reports.returncode, with_reports.stdout) == (0, "未发现问题，共检查 2 个文件。\n")


def test_skip_non_reports_still_reports_a_broken_report_and_a_word_file(tmp_path: Path) -> None:
    (tmp_path / "ci.yml").write_text(WORKFLOW, encoding="utf-8")
    (tmp_path / "typo.yaml").write_text("机关: 某局\n年度: [\n", encoding="utf-8")
    (tmp_path / "saved.yaml").write_bytes(b"PK\x03\x04" + b"\x00" * 40)  # a .docx renamed to .yaml
    done = run("--skip-non-reports", "--format", "json", "ci.yml", "typo.yaml", "saved.yaml", cwd=tmp_path)
    assert done.returncode == 2
    import json

    files = json.loads(done.stdout)["files"]
    assert [(f["path"], [x["code"] for x in f["findings"]]) for f in files] == [
        ("typo.yaml", ["DL004"]),
        ("saved.yaml", ["DL006"]),
    ]
