"""`disclosure-lint audit`: a region's reports across years and bodies (tests/fixtures/audit/region).

The region: 示例县教育局 in 2020 (2019 format, under its old name 示例县教育体育局), 2021 and 2022;
its 2022 上年结转 does not match 2021's 结转 (one column). In 2022 three departments and the
county's summary report; the summary misses one 行政复议 that a department reports; the health
commission's part 五 repeats the market bureau's. Everything else is consistent.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, edit, line_of
from test_cli import run
from test_rules_totals import cell_pos

from disclosure_lint.audit import settings as st
from disclosure_lint.audit.load import discover
from disclosure_lint.audit.run import audit
from disclosure_lint.config import Overrides

REGION = FIXTURES / "audit" / "region"
CARRIED_IN = "上年结转政府信息公开申请数量"
CARRIED_OUT = "结转下年度继续办理"


@pytest.fixture
def region(tmp_path: Path) -> Path:
    folder = tmp_path / "region"
    shutil.copytree(REGION, folder)
    return folder


def found(
    folder: Path, overrides: Overrides | None = None, **changes: object
) -> set[tuple[str, str, int, int]]:
    """(file name, code, line, column) of every finding of the audit of `folder`."""
    map_file = st.find([folder])
    settings = st.read(map_file) if map_file else st.Settings()
    if changes:
        from dataclasses import replace

        settings = replace(settings, **changes)
    files = discover([folder], [map_file] if map_file else [])
    result = audit(files, settings, overrides or Overrides(isolated=True))
    return {
        (Path(r.filename).name, f.code, f.pos.line, f.pos.col) for r in result.results for f in r.findings
    }


def text(name: str, folder: Path = REGION) -> str:
    return (folder / name).read_text(encoding="utf-8")


def expected_region() -> set[tuple[str, str, int, int]]:
    county, education, health = (
        text("county-2022.yaml"),
        text("education-2022.yaml"),
        text("health-2022.yaml"),
    )
    return {
        ("county-2022.yaml", "DL805", *cell_pos(county, "行政复议", 1)),
        ("education-2022.yaml", "DL721", *cell_pos(education, CARRIED_IN, 0)),
        ("health-2022.yaml", "DL804", *_at(health, "结果的公开有时滞后")),
    }


def _at(written: str, needle: str) -> tuple[int, int]:
    line = line_of(written, needle)
    return line, written.splitlines()[line - 1].index(needle) + 1


def test_region_finds_exactly_the_three_planted_problems() -> None:
    assert found(REGION) == expected_region()


def test_the_findings_name_both_files_with_line_and_column() -> None:
    done = run("audit", REGION)
    assert done.returncode == 1, done.stderr  # DL721 is an error
    lines = [line for line in done.stdout.splitlines() if ": DL" in line]
    assert len(lines) == 3
    education_2021 = text("education-2021.yaml")
    out_line, out_col = cell_pos(education_2021, CARRIED_OUT, 0)
    carried = next(line for line in lines if " DL721 " in line)
    assert carried.startswith(
        f"{REGION / 'education-2022.yaml'}:{cell_pos(text('education-2022.yaml'), CARRIED_IN, 0)[0]}:"
    )
    assert f"{REGION / 'education-2021.yaml'}:{out_line}:{out_col}" in carried
    summary = next(line for line in lines if " DL805 " in line)
    market_line, market_col = cell_pos(text("market-2022.yaml"), "行政复议", 1)
    assert f"示例县市场监督管理局 1 ({REGION / 'market-2022.yaml'}:{market_line}:{market_col})" in summary
    copied = next(line for line in lines if " DL804 " in line)
    assert (
        f"{REGION / 'market-2022.yaml'}:{':'.join(map(str, _at(text('market-2022.yaml'), '结果的公开有时滞后')))}"
        in copied
    )
    assert "90%" in copied and "最长的相同段落" in copied
    # one line per organ and year, with last year's report where the chain has one
    table = done.stdout.split("\n\n")[-2]
    assert "示例县教育局" in table and str(REGION / "education-2020.yaml") in table.splitlines()[-2]


def test_the_2019_format_report_chains_into_the_2021_format_report(region: Path) -> None:
    """2020 (2019 format, old name) → 2021: the carry-over is compared across the formats."""
    report = text("education-2021.yaml", region)
    broken = edit(report, "上年结转政府信息公开申请数量:         [1, 0, 0, 0, 0, 0, 1]",
                  "上年结转政府信息公开申请数量:         [0, 0, 0, 0, 0, 0, 0]")  # fmt: skip
    (region / "education-2021.yaml").write_text(broken, encoding="utf-8")
    hits = found(region, Overrides(isolated=True, select=("DL72",)))
    assert hits == {
        ("education-2021.yaml", "DL721", *cell_pos(broken, CARRIED_IN, 0)),
        ("education-2022.yaml", "DL721", *cell_pos(text("education-2022.yaml"), CARRIED_IN, 0)),
    }


def test_without_the_map_the_renamed_bureau_and_the_summary_are_not_linked(region: Path) -> None:
    (region / "audit-map.yaml").unlink()
    education, health = text("education-2022.yaml"), text("health-2022.yaml")
    assert found(region) == {
        ("education-2022.yaml", "DL721", *cell_pos(education, CARRIED_IN, 0)),
        ("health-2022.yaml", "DL804", *_at(health, "结果的公开有时滞后")),
    }


def test_a_missing_year_is_said_once_and_not_compared_across(region: Path) -> None:
    (region / "education-2021.yaml").unlink()
    hits = found(region)
    gap = [h for h in hits if h[1] == "DL802"]
    assert gap == [("education-2022.yaml", "DL802", line_of(text("education-2022.yaml"), "年度:"), 5)]
    assert not any(h[1] == "DL721" for h in hits)


def test_a_missing_department_stops_the_sums_and_is_named(region: Path) -> None:
    (region / "health-2022.yaml").unlink()
    hits = found(region)
    assert ("county-2022.yaml", "DL806", line_of(text("county-2022.yaml"), "机关:"), 1) in hits
    assert not any(h[1] == "DL805" for h in hits)


def test_tolerance_and_threshold_from_the_map(region: Path) -> None:
    map_text = text("audit-map.yaml", region)
    (region / "audit-map.yaml").write_text(
        edit(map_text, "tolerance: 0", "tolerance: 1") + "copy_share: 95\n", encoding="utf-8"
    )
    assert found(region) == {
        ("education-2022.yaml", "DL721", *cell_pos(text("education-2022.yaml"), CARRIED_IN, 0))
    }


def test_a_local_deadline_before_the_statutory_one(region: Path) -> None:
    with (region / "audit-map.yaml").open("a", encoding="utf-8") as stream:
        stream.write("deadlines:\n  本级政府: 02-28\ndeadline_source: 某省政务公开办通知\n")
    county = text("county-2022.yaml")
    hits = found(region, Overrides(isolated=True, select=("DL809",)))
    assert hits == {("county-2022.yaml", "DL809", *_at(county, "2023-03-20"))}


def test_baseline_hides_what_was_reviewed_and_shows_exactly_what_changed(region: Path) -> None:
    baseline = region.parent / "reviewed.json"
    written = run("audit", region, "--baseline", baseline, "--write-baseline")
    assert written.returncode == 0, written.stderr
    assert "wrote 3 findings" in written.stderr
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert sorted(e["code"] for e in entries) == ["DL721", "DL804", "DL805"]
    assert all("line" not in e for e in entries)

    again = run("audit", region, "--baseline", baseline)
    assert again.returncode == 0, again.stdout + again.stderr
    assert ": DL" not in again.stdout and "3 条已在基线" in again.stdout

    # Moving every line down does not bring anything back: the fingerprint has no line numbers.
    for name in ("education-2022.yaml", "county-2022.yaml", "health-2022.yaml"):
        (region / name).write_text("# reviewed in spring\n" + text(name, region), encoding="utf-8")
    assert ": DL" not in run("audit", region, "--baseline", baseline).stdout

    # One changed cell: exactly its finding is new.
    report = text("education-2021.yaml", region)
    (region / "education-2021.yaml").write_text(
        edit(report, "现行有效件数: 12}", "现行有效件数: 11}"), encoding="utf-8"
    )
    changed = run("audit", region, "--baseline", baseline)
    lines = [line for line in changed.stdout.splitlines() if ": DL" in line]
    education = text("education-2022.yaml", region)
    line, col = _at(education, "现行有效件数: 13")
    assert lines == [
        f"{region / 'education-2022.yaml'}:{line}:{col + len('现行有效件数: ')}: DL722 警告："
        + lines[0].split(" DL722 警告：", 1)[1]
    ]
    assert f"{region / 'education-2021.yaml'}:" in lines[0]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "github", "html"])
def test_every_output_format(fmt: str) -> None:
    done = run("audit", REGION, "--format", fmt)
    assert done.returncode == 1, done.stderr
    for code in ("DL721", "DL804", "DL805"):
        assert code in done.stdout
    if fmt == "json":
        files = {Path(f["path"]).name: f for f in json.loads(done.stdout)["files"]}
        assert [f["code"] for f in files["education-2022.yaml"]["findings"]] == ["DL721"]
        assert (
            files["education-2022.yaml"]["findings"][0]["line"]
            == cell_pos(text("education-2022.yaml"), CARRIED_IN, 0)[0]
        )
    if fmt == "sarif":
        document = json.loads(done.stdout)
        assert {r["ruleId"] for r in document["runs"][0]["results"]} == {"DL721", "DL804", "DL805"}


def test_mistakes_in_the_map_are_one_line_with_position(region: Path) -> None:
    (region / "audit-map.yaml").write_text("names: {}\nsumaries: {}\n", encoding="utf-8")
    done = run("audit", region)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        f"disclosure-lint audit: error: {region / 'audit-map.yaml'}:2:1: unknown key 'sumaries' "
        "(known: names, summaries, copy_share, min_chars, deadlines, deadline_source)"
    )
    (region / "audit-map.yaml").write_text("deadlines:\n  部门: 2月底\n", encoding="utf-8")
    done = run("audit", region)
    assert done.returncode == 2 and f"{region / 'audit-map.yaml'}:2:3: a deadline is month-day" in done.stderr
    assert "Traceback" not in done.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("audit", tmp_path / "nowhere").returncode == 2
    empty = run("audit", tmp_path)
    assert empty.returncode == 2 and "no reports found" in empty.stderr
    assert run("audit", "--compare", REGION).returncode == 2
    misspelt = run("audit", REGION, "--select", "DL8041")
    assert misspelt.returncode == 2 and "unknown rule code 'DL8041' (did you mean DL804?" in misspelt.stderr
    lone = run("audit", REGION, "--write-baseline")
    assert lone.returncode == 2 and "--write-baseline needs --baseline" in lone.stderr


def test_an_unreadable_report_exits_2_and_the_rest_is_audited(region: Path) -> None:
    (region / "broken.yaml").write_text("机关: [\n", encoding="utf-8")
    done = run("audit", region)
    assert done.returncode == 2
    assert " DL721 " in done.stdout and "broken.yaml:" in done.stdout


def test_documents_read_in_parallel_give_the_same_reports(tmp_path: Path) -> None:
    from disclosure_lint.audit import load

    page = tmp_path / "page.html"
    assert run("render", REGION / "market-2022.yaml", "-o", page).returncode == 0
    files = [tmp_path / "a.yaml"] + [tmp_path / f"copy-{n}.html" for n in range(load.POOL_FROM)]
    shutil.copy(REGION / "education-2022.yaml", files[0])
    for path in files[1:]:
        shutil.copy(page, path)
    one = load.load_all(files, 5 * 1024 * 1024, workers=1)
    two = load.load_all(files, 5 * 1024 * 1024, workers=2)
    assert [loaded.report.data for loaded in one] == [loaded.report.data for loaded in two]  # type: ignore[union-attr]
    assert [loaded.report.values for loaded in one] == [loaded.report.values for loaded in two]  # type: ignore[union-attr]


def test_a_part_copied_from_last_year_quotes_the_passage_and_both_positions(region: Path) -> None:
    last, this = text("education-2021.yaml", region), text("education-2022.yaml", region)
    start = last.index("存在的主要问题及改进情况: |\n") + len("存在的主要问题及改进情况: |\n")
    copied_part = last[start : last.index("\n\n", start)]
    now = this.index("存在的主要问题及改进情况: |\n") + len("存在的主要问题及改进情况: |\n")
    edited = this[:now] + copied_part + this[this.index("\n\n", now) :]
    (region / "education-2022.yaml").write_text(edited, encoding="utf-8")
    first = copied_part.strip().splitlines()[0].strip()
    hits = found(region, Overrides(isolated=True, select=("DL723",)))
    assert hits == {("education-2022.yaml", "DL723", *_at(edited, first[:12]))}
    done = run("audit", region, "--select", "DL723", "--lang", "en", "-q")
    (line,) = [line for line in done.stdout.splitlines() if " DL723 " in line]
    assert "100% of '存在的主要问题及改进情况'" in line
    assert (
        f"[other report: {region / 'education-2021.yaml'}:{':'.join(map(str, _at(last, first[:12])))}]"
        in line
    )
    assert f"The longest shared passage: '{first[:20]}" in line
    assert found(region, Overrides(isolated=True, select=("DL723",)), copy_share=100) == hits
    quiet = run("audit", region, "--select", "DL723", "--copy-share", "100", "-q")
    assert " DL723 " in quiet.stdout


def test_a_report_without_organ_is_named_and_left_out_of_the_chains(region: Path) -> None:
    report = text("education-2021.yaml", region)
    (region / "education-2021.yaml").write_text(edit(report, "机关: 示例县教育局\n", ""), encoding="utf-8")
    hits = found(region, Overrides(isolated=True, select=("DL80", "DL72")))
    assert ("education-2021.yaml", "DL801", 1, 1) in hits
    assert ("education-2022.yaml", "DL802", line_of(text("education-2022.yaml"), "年度:"), 5) in hits
    done = run("audit", region, "--select", "DL801", "--lang", "en", "-q")
    assert "the report's organ (机关) could not be read" in done.stdout


def test_a_damaged_document_exits_2_and_the_others_are_audited(region: Path) -> None:
    (region / "scan.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (region / "page.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    done = run("audit", region)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert f"{region / 'scan.docx'}:1:1:" in done.stdout and f"{region / 'page.pdf'}:" in done.stdout
    assert " DL721 " in done.stdout and " DL805 " in done.stdout
