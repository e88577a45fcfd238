"""The importer on real published reports (../shared/real), against their hand-checked truth files.

Cells the text alone cannot decide (figures run together with several valid cuts) must come
out unreadable, never guessed; every other cell must equal the truth. Skipped with a reason
where the folder is not beside the repository.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT
from test_cli import run

from disclosure_lint import statute as s
from disclosure_lint.importer import load_document

REAL = ROOT.parent / "shared" / "real"

# ---------------------------------------------------------------- the truth files' cells, by report path

_SPECIAL = {
    "本年新收": (s.PART3, s.NEW),
    "上年结转": (s.PART3, s.CARRIED_IN),
    "总计": (s.PART3, s.RESULTS, s.TOTAL),
    "结转下年度继续办理": (s.PART3, s.CARRIED_OUT),
    "其他处理": (s.PART3, s.RESULTS, s.OTHER_HANDLING),
    "逾期不补正": (s.PART3, s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][0]),  # type: ignore[index]
    "逾期未缴费": (s.PART3, s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][1]),  # type: ignore[index]
    "其他处理_其他": (s.PART3, s.RESULTS, s.OTHER_HANDLING, "其他"),
}


def _part3_path(label: str) -> tuple[Any, ...]:
    if label in _SPECIAL:
        return _SPECIAL[label]
    for group, items in s.RESULT_GROUPS:
        if items is None and group == label:
            return (s.PART3, s.RESULTS, group)
        if items and label in items:
            return (s.PART3, s.RESULTS, group, label)
    raise KeyError(label)


def expected_cells(truth: dict[str, Any]) -> dict[tuple[Any, ...], Any]:
    cells: dict[tuple[Any, ...], Any] = {}
    for label, value in truth["table2"].items():
        name = label.split("_")[0]
        values = value if isinstance(value, list) else [value]
        for index, number in enumerate(values):
            cells[(s.PART2, name, index)] = number
    for label, values in truth["table3"]["rows"].items():
        for index, number in enumerate(values):
            cells[(*_part3_path(label), index)] = number
    for block, values in truth["table4"].items():
        for index, number in enumerate(values):
            cells[(s.PART4, block, index)] = number
    return cells


def read_cell(report: Any, path: tuple[Any, ...]) -> tuple[Any, bool]:
    """The imported value of a cell (part 二 by column order), and whether it was reported unreadable."""
    if path[0] == s.PART2:
        row = report.get(path[:2])
        if not isinstance(row, dict) or path[2] >= len(row):
            return None, False
        column = list(row)[path[2]]
        full = (*path[:2], column)
        return row[column], full in report.unreadable
    return report.get(path), path in report.unreadable


def _uncertain(truth: dict[str, Any]) -> set[str]:
    """Row labels the truth says the text alone cannot decide."""
    labels = set()
    for note in truth.get("cells_uncertain", []):
        for label in [*truth["table2"], *truth["table3"]["rows"]]:
            if f"{label.split('_')[0]} '" in note:
                labels.add(label.split("_")[0])
    return labels


NAMES = ["a-zone-2021", "b-zone-2019", "c-county-2025", "d-bureau-2022", "e-district-2024"]


def real(name: str) -> tuple[Path, dict]:
    document, truth = REAL / f"{name}.txt", REAL / f"{name}.truth.json"
    if not document.is_file() or not truth.is_file():
        pytest.skip(f"the real reports are not here ({REAL}): they live in shared/real beside the repository")
    return document, json.loads(truth.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_every_cell_read_is_the_truth_and_none_is_guessed(name: str) -> None:
    document, truth = real(name)
    loaded = load_document(document)
    assert loaded.report is not None
    report = loaded.report
    wrong = []
    for path, expected in expected_cells(truth).items():
        value, unread = read_cell(report, path)
        if not unread and value != expected:
            wrong.append((path, expected, value))
    assert wrong == []


@pytest.mark.parametrize("name", ["c-county-2025", "d-bureau-2022", "e-district-2024"])
def test_tables_with_cells_apart_are_read_in_full(name: str) -> None:
    document, truth = real(name)
    report = load_document(document).report
    assert report is not None
    assert report.unreadable == frozenset()
    assert all(read_cell(report, path)[0] == expected for path, expected in expected_cells(truth).items())


@pytest.mark.parametrize("name", NAMES)
def test_year_agency_format_and_date(name: str) -> None:
    document, truth = real(name)
    report = load_document(document).report
    assert report is not None
    data = report.data
    assert data[s.YEAR] == truth["year"]
    assert data[s.AGENCY] in (truth["agency"], truth.get("agency_as_printed"))
    assert data[s.VERSION] == int(truth["format"])
    assert data.get(s.PUBLISHED) == truth["published"]


@pytest.mark.parametrize("name", NAMES)
def test_lints_with_no_error(name: str) -> None:
    document, _ = real(name)
    done = run(document)
    assert done.returncode in (0, 1), done.stderr
    assert "（错误 0 个" in done.stdout or "未发现问题" in done.stdout, done.stdout
    assert " DL401 " not in done.stdout


@pytest.mark.parametrize("name", NAMES)
def test_undecidable_cells_are_left_unread_not_guessed(name: str) -> None:
    """Rows the truth calls undecidable from the text (e.g. '693665' for three cells: ten cuts fit)."""
    document, truth = real(name)
    report = load_document(document).report
    assert report is not None
    undecidable = [path for path in expected_cells(truth) if path[1] in _uncertain(truth)]
    assert all(read_cell(report, path)[1] for path in undecidable), undecidable
    if name in ("a-zone-2021", "b-zone-2019"):
        assert undecidable  # these two have such rows


def test_a_deleted_cell_in_a_real_report_is_the_importers_finding(tmp_path: Path) -> None:
    document, _ = real("d-bureau-2022")
    text = document.read_text(encoding="utf-8")
    row = "二、上年结转政府信息公开申请数量1000001"
    assert row in text
    (tmp_path / "d.txt").write_text(
        text.replace(row, "二、上年结转政府信息公开申请数量100001"), encoding="utf-8"
    )
    done = run("d.txt", cwd=tmp_path)
    line = next(x for x in done.stdout.splitlines() if "上年结转" in x)
    assert " DL020 " in line
    assert " DL401 " not in done.stdout and " DL2" not in done.stdout, done.stdout


def test_a_finding_in_a_paragraph_broken_over_lines_points_at_its_words_in_the_page() -> None:
    document, _ = real("e-district-2024")
    lines = document.read_text(encoding="utf-8").split("\n")
    line = next(i for i, x in enumerate(lines, 1) if "信息公开申请 17 件" in x)
    col = lines[line - 1].index("17") + 1
    done = run("--format", "concise", "--select", "DL707", str(document))
    assert f"{document}:{line}:{col}: DL707 " in done.stdout, done.stdout


def test_every_character_of_an_imported_text_finds_its_place_in_the_page() -> None:
    for name in NAMES:
        document, _ = real(name)
        report = load_document(document).report
        assert report is not None
        lines = document.read_text(encoding="utf-8").split("\n")
        for path in report.text_paths():
            text = report.text(path)
            for offset, char in enumerate(text):
                if char.isspace():
                    continue
                pos = report.text_pos(path, offset)
                assert lines[pos.line - 1][pos.col - 1] == char, (name, path, offset)
