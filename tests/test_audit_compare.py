"""`audit --compare A B` and two copies of one report in an audited folder (DL803, DL807, DL808)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, edit, line_of
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import run
from test_rules_totals import cell_pos

REGION = FIXTURES / "audit" / "region"
EDUCATION = REGION / "education-2022.yaml"
NEW = "本年新收政府信息公开申请数量"


def finding_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if ": DL" in line]


@pytest.fixture
def web_page(tmp_path: Path) -> Path:
    """The YAML report published as a web page by `disclosure-lint render`."""
    page = tmp_path / "education-2022.html"
    done = run("render", EDUCATION, "-o", page)
    assert done.returncode == 0, done.stderr
    return page


def test_the_yaml_and_its_rendered_page_are_the_same_report(web_page: Path) -> None:
    done = run("audit", "--compare", EDUCATION, web_page)
    assert done.returncode == 0, done.stdout + done.stderr
    assert finding_lines(done.stdout) == []


def test_every_changed_cell_and_passage_is_one_finding_naming_both_sides(tmp_path: Path) -> None:
    original = EDUCATION.read_text(encoding="utf-8")
    changed = edit(original, "[31, 0, 0, 0, 1, 0, 32]", "[30, 0, 0, 0, 1, 0, 31]")
    changed = edit(changed, "营养改善计划资金只公开了总额", "营养改善计划资金公开了明细")
    copy = tmp_path / "changed.yaml"
    copy.write_text(changed, encoding="utf-8")
    done = run("audit", "--compare", EDUCATION, copy, "--lang", "en", "-q")
    assert done.returncode == 0  # differences are warnings
    line, col = cell_pos(changed, NEW, 0)
    total_line, total_col = cell_pos(changed, NEW, 6)
    text_line = line_of(changed, "营养改善计划资金公开了明细")
    text_col = changed.splitlines()[text_line - 1].index("营养") + 1 + len("营养改善计划资金")
    assert finding_lines(done.stdout) == [
        f"{copy}:{line}:{col}: DL807 warning: '一、本年新收政府信息公开申请数量·自然人' is 30, but the other "
        f"copy ({EDUCATION}:{line}:{col}) has 31",
        f"{copy}:{total_line}:{total_col}: DL807 warning: '一、本年新收政府信息公开申请数量·总计' is 31, but the "
        f"other copy ({EDUCATION}:{total_line}:{total_col}) has 32",
        f"{copy}:{text_line}:{text_col}: DL808 warning: '存在的主要问题及改进情况' differs from the other copy "
        f"({EDUCATION}:{text_line}:{text_col}): this one has '营养改善计划资金公开了明细。改进办法是按月', the other "
        "'营养改善计划资金只公开了总额。改进办法是按月'",
    ]


def test_white_space_and_full_width_forms_are_not_differences(tmp_path: Path) -> None:
    original = EDUCATION.read_text(encoding="utf-8")
    spaced = edit(original, "中间进度群众看不到；", "中间 进度群众看不到;")
    copy = tmp_path / "spaced.yaml"
    copy.write_text(spaced, encoding="utf-8")
    assert finding_lines(run("audit", "--compare", EDUCATION, copy).stdout) == []


def test_two_copies_in_an_audited_folder_are_compared(tmp_path: Path, web_page: Path) -> None:
    folder = tmp_path / "region"
    shutil.copytree(REGION, folder)
    page = web_page.read_text(encoding="utf-8")
    assert page.count("<td>31</td>") == 1
    (folder / "education-2022.html").write_text(page.replace("<td>31</td>", "<td>30</td>"), encoding="utf-8")
    done = run("audit", folder, "--select", "DL803,DL807,DL808")
    lines = finding_lines(done.stdout)
    assert all(line.startswith(str(folder / "education-2022.html")) for line in lines)  # the YAML is chained
    assert [line.split(": ")[1].split(" ")[0] for line in lines] == ["DL803", "DL807"]
    line, col = cell_pos(EDUCATION.read_text(encoding="utf-8"), NEW, 0)
    assert f"（{folder / 'education-2022.yaml'}:{line}:{col}）为 31" in lines[1]
    assert f"另有一份：{folder / 'education-2022.yaml'}。跨年度核对使用那一份" in lines[0]


def test_the_real_pdf_and_its_text_extraction_are_one_report_without_differences(tmp_path: Path) -> None:
    """e-district-2024 published as a PDF and as text: the audit files both under one organ and
    year, chains the text (read more faithfully), and finds no difference to blame on anyone."""
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "real"
    sources = [shared / "e-district-2024.pdf", shared / "e-district-2024.txt"]
    if not all(path.is_file() for path in sources):
        pytest.skip(f"{shared} does not hold the e-district-2024 PDF and text (shared real reports absent)")
    for path in sources:
        shutil.copy(path, tmp_path / path.name)
    done = run("audit", tmp_path, "--select", "DL80")
    lines = finding_lines(done.stdout)
    assert lines == [
        f"{tmp_path / 'e-district-2024.pdf'}:1:1: DL803 提示：“淮安市洪泽区人民政府”2024 年度的报告另有一份："
        f"{tmp_path / 'e-district-2024.txt'}。跨年度核对使用那一份，两份之间的差异逐项列出"
    ]


def _cells(report: object) -> list[tuple[object, ...]]:
    from disclosure_lint.audit.compare import _leaves

    return [
        path for path, value in _leaves(report.data) if isinstance(value, int) and not isinstance(value, bool)
    ]  # type: ignore[attr-defined]


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_any_one_changed_figure_is_exactly_one_finding_at_its_cell(data: st.DataObject) -> None:
    from disclosure_lint.audit.compare import differences
    from disclosure_lint.loader import load_text

    original = load_text(EDUCATION.read_text(encoding="utf-8"), "a.yaml").report
    assert original is not None
    path = data.draw(st.sampled_from(_cells(original)))
    changed = load_text(EDUCATION.read_text(encoding="utf-8"), "b.yaml").report
    assert changed is not None
    node = changed.data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = node[path[-1]] + data.draw(st.integers(min_value=1, max_value=1000))
    found = list(differences(changed, original, "a.yaml"))
    assert [(f.code, f.path, f.pos) for f in found] == [("DL807", path, changed.pos(path))]
