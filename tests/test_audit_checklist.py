"""The evaluators' checklist: DL815 in every lint; DL811, DL813, DL814 in the audit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CITY_BUREAU, FIXTURES, line_of, lint, triples
from test_cli import run

from disclosure_lint.audit import preface
from disclosure_lint.loader import load_text

REGION = FIXTURES / "audit" / "region"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PART5 = "存在的主要问题及改进情况"


@pytest.fixture
def city() -> str:
    return CITY_BUREAU.read_text(encoding="utf-8")


def with_part5(text: str, value: str) -> str:
    start = text.index(PART5 + ":")
    end = text.index("\n\n", start)
    return text[:start] + f"{PART5}: {value}" + text[end:]


@pytest.mark.parametrize("value", ["无", "无。", "暂无", " 无 ", "没有问题"])
def test_part5_saying_only_none(city: str, value: str) -> None:
    text = with_part5(city, value)
    line = line_of(text, PART5 + ":")
    col = len(PART5) + 3 + (len(value) - len(value.lstrip()))
    assert [t for t in triples(lint(text)) if t[0] == "DL815"] == [("DL815", line, col)]


@pytest.mark.parametrize(
    "value",
    ["无明显问题以外，仍有两点不足：答复书格式不统一，解读形式单一。", "无纸化办公推进中信息报送不及时。"],
)
def test_part5_that_starts_with_none_but_says_more(city: str, value: str) -> None:
    assert "DL815" not in {t[0] for t in triples(lint(with_part5(city, value)))}


def test_the_period_is_read_through_spaces_and_line_breaks() -> None:
    source = "本报告所列数据统计期限自 2024 年 1 月 1 日\n起至 2024 年 12 月 31 日止。\n"
    report = load_text("年度: 2024\n", "report.pdf").report
    assert report is not None
    report.source = source
    text, _ = preface.squeezed(report)
    assert preface.PERIOD.search(text) is not None
    assert [f.code for f in preface.check(report)] == ["DL813", "DL814"]


def test_the_preface_of_a_yaml_report_is_not_asked_for(city: str) -> None:
    report = load_text(city, "city.yaml").report
    assert report is not None and list(preface.check(report)) == []


def real(name: str) -> Path:
    path = SHARED / "real" / name
    if not path.is_file():
        pytest.skip(f"{path} is absent (the shared real reports are not checked out here)")
    return path


def test_real_reports_preface(tmp_path: Path) -> None:
    """c-county-2025 states its period but gives no contact or download place; e-district-2024
    states period and contact, not where to download it."""
    for name in ("c-county-2025.txt", "e-district-2024.txt"):
        shutil.copy(real(name), tmp_path / name)
    done = run("audit", tmp_path, "--select", "DL811,DL813,DL814")
    codes = sorted(
        (line.split(":")[0].rsplit("/", 1)[-1], line.split(" ")[1])
        for line in done.stdout.splitlines()
        if ": DL" in line
    )
    assert codes == [
        ("c-county-2025.txt", "DL813"),
        ("c-county-2025.txt", "DL814"),
        ("e-district-2024.txt", "DL814"),
    ]


def test_plain_lint_does_not_ask_for_the_preface() -> None:
    done = run(real("e-district-2024.txt"), "--select", "DL81", "--fail-on", "info")
    assert done.returncode == 0 and ": DL81" not in done.stdout
