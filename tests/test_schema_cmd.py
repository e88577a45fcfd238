"""The schema without the virtual environment: `disclosure-lint schema` prints or writes it, and
`init` / `import -o` put it beside the report with a relative `$schema` line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE
from test_cli import run

from disclosure_lint.resources import schema_path

LINE_2021 = "# yaml-language-server: $schema=./report-2021.schema.json"


def bundled(version: int) -> str:
    return schema_path(version).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "version"),
    [((), 2021), (("--format", "2019"), 2019), (("--year", "2020"), 2019), (("--year", "2024"), 2021)],
)
def test_schema_prints_the_format_of_a_year(args: tuple[str, ...], version: int) -> None:
    done = run("schema", *args)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == bundled(version)
    assert json.loads(done.stdout)["title"] == f"政府信息公开工作年度报告（{version}年格式）"


def test_schema_writes_a_file_and_keeps_it_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "report.schema.json"
    done = run("schema", "--format", "2019", "-o", target)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert target.read_text(encoding="utf-8") == bundled(2019)
    again = run("schema", "-o", target)
    assert (again.returncode, again.stderr) == (
        2,
        f"disclosure-lint schema: error: {target} exists (use --force to overwrite)\n",
    )
    assert target.read_text(encoding="utf-8") == bundled(2019)
    assert run("schema", "-o", target, "--force").returncode == 0
    assert target.read_text(encoding="utf-8") == bundled(2021)


def test_schema_never_writes_over_a_report(tmp_path: Path) -> None:
    report = tmp_path / "2023.yaml"
    report.write_bytes(SEED_EXAMPLE.read_bytes())
    done = run("schema", "-o", report, "--force")
    assert (done.returncode, done.stderr) == (
        2,
        f"disclosure-lint schema: error: {report} is a report's file; write the schema to a .json file\n",
    )
    assert report.read_bytes() == SEED_EXAMPLE.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "2018"), "--format must be 2021 or 2019, not 2018"),
        (("--format", "2019", "--year", "2020"), "give --year or --format, not both"),
    ],
)
def test_schema_usage_errors(args: tuple[str, ...], message: str) -> None:
    done = run("schema", *args)
    assert (done.returncode, done.stdout, done.stderr) == (
        2,
        "",
        f"disclosure-lint schema: error: {message}\n",
    )


def test_init_puts_the_schema_beside_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    done = run("init", "2024.yaml", "--agency", "某县民政局", "--year", "2024", cwd=folder)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "已写入 report-2021.schema.json（编辑器据此补全和检查）",
        "已写入 2024.yaml：填好“（待填写）”处和表格后，运行 disclosure-lint 2024.yaml",
    ]
    assert (folder / "2024.yaml").read_text(encoding="utf-8").splitlines()[0] == LINE_2021
    assert (folder / "report-2021.schema.json").read_text(encoding="utf-8") == bundled(2021)

    older = run("init", "2020.yaml", "--agency", "某县民政局", "--year", "2020", cwd=folder)
    assert (folder / "2020.yaml").read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=./report-2019.schema.json"
    )
    assert older.stdout.splitlines()[0] == "已写入 report-2019.schema.json（编辑器据此补全和检查）"

    # The same schema already there: left alone, nothing said about it.
    same = run("init", "2025.yaml", "--agency", "某县民政局", "--year", "2025", cwd=folder)
    assert same.stdout.splitlines() == [
        "已写入 2025.yaml：填好“（待填写）”处和表格后，运行 disclosure-lint 2025.yaml"
    ]


def test_init_keeps_a_different_schema_file_unless_forced(tmp_path: Path) -> None:
    stale = tmp_path / "report-2021.schema.json"
    stale.write_text('{"title": "an older version"}\n', encoding="utf-8")
    done = run("init", "2024.yaml", "--agency", "某局", "--year", "2024", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == (
        "保留了已有的 report-2021.schema.json（与本版本的不同）；要更新，运行 "
        "disclosure-lint schema --format 2021 -o report-2021.schema.json --force"
    )
    assert stale.read_text(encoding="utf-8") == '{"title": "an older version"}\n'
    forced = run("init", "2024.yaml", "--agency", "某局", "--year", "2024", "--force", cwd=tmp_path)
    assert forced.returncode == 0
    assert stale.read_text(encoding="utf-8") == bundled(2021)


def test_init_with_a_schema_reference_writes_no_schema_file(tmp_path: Path) -> None:
    url = "https://example.invalid/report-2021.schema.json"
    done = run("init", "2024.yaml", "--agency", "某局", "--year", "2024", "--schema", url, cwd=tmp_path)
    assert done.returncode == 0
    assert (tmp_path / "2024.yaml").read_text(encoding="utf-8").splitlines()[0] == (
        f"# yaml-language-server: $schema={url}"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2024.yaml"]


def test_the_written_schema_serves_a_report_in_another_folder_without_the_package(tmp_path: Path) -> None:
    """What an editor does with the line: resolve it against the report's folder, validate."""
    from jsonschema import Draft202012Validator

    from disclosure_lint.loader import load_text

    run("init", "2024.yaml", "--agency", "某局", "--year", "2024", cwd=tmp_path)
    moved = tmp_path / "colleague"
    moved.mkdir()
    for name in ("2024.yaml", "report-2021.schema.json"):
        (tmp_path / name).rename(moved / name)
    text = (moved / "2024.yaml").read_text(encoding="utf-8")
    reference = text.splitlines()[0].split("$schema=", 1)[1]
    schema = json.loads((moved / reference).read_text(encoding="utf-8"))
    data = load_text(text.replace("待填写  #", "2025-01-20  #"), "2024.yaml").report.data
    assert [e.message for e in Draft202012Validator(schema).iter_errors(data)] == []


def test_import_writes_the_schema_of_the_imported_format_beside_the_yaml(tmp_path: Path) -> None:
    real = Path(__file__).resolve().parents[2] / "shared" / "real" / "b-zone-2019.txt"
    if not real.is_file():
        pytest.skip("../shared/real is not here")
    done = run("import", real, "-o", tmp_path / "b.yaml")
    assert done.returncode == 0, done.stderr
    assert (
        f"已写入 {tmp_path / 'report-2019.schema.json'}（编辑器据此补全和检查）" in done.stderr.splitlines()
    )
    assert (tmp_path / "b.yaml").read_text(encoding="utf-8").splitlines()[0] == (
        "# yaml-language-server: $schema=./report-2019.schema.json"
    )
    assert (tmp_path / "report-2019.schema.json").read_text(encoding="utf-8") == bundled(2019)
