"""The importer on real published reports (../shared/real), against their hand-checked truth files.

Cells the text alone cannot decide (figures run together with several valid cuts) must come
out unreadable, never guessed; every other cell must equal the truth. Skipped with a reason
where the folder is not beside the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from test_cli import run

from disclosure_lint import statute as s
from disclosure_lint.importer import load_document

REAL = ROOT.parent / "shared" / "real"
sys.path.insert(0, str(ROOT / "benchmarks"))
from import_accuracy import expected_cells, read_cell  # noqa: E402

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


def test_undecidable_cells_are_left_unread_not_guessed() -> None:
    document, _ = real("a-zone-2021")
    report = load_document(document).report
    assert report is not None
    # '693665' is 69|3|665 in the printed page, but ten cuts fit: the text alone does not say
    columns = s.FORMAT_2021.part2_row(s.NORMATIVE_DOCS).columns  # type: ignore[union-attr]
    assert {(s.PART2, s.NORMATIVE_DOCS, c) for c in columns} <= report.unreadable


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
