"""Config files: found from the report's folder upwards, nearest wins; errors name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE, edit
from test_cli import run

BROKEN = edit(SEED_EXAMPLE.read_text(encoding="utf-8"), "报告类型: 部门", "报告类型: 部")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "report.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_pyproject_ignore_applies_to_reports_below(tree: Path) -> None:
    (tree / "pyproject.toml").write_text(
        '[tool.disclosure-lint]\nignore = ["DL105"]\nlang = "en"\n', encoding="utf-8"
    )
    done = run("sub/report.yaml", cwd=tree)
    assert done.returncode == 0
    assert done.stdout == "All checks passed (1 file).\n"


def test_nearest_config_wins(tree: Path) -> None:
    (tree / "pyproject.toml").write_text('[tool.disclosure-lint]\nignore = ["DL105"]\n', encoding="utf-8")
    (tree / "sub" / ".disclosure-lint.yaml").write_text("lang: en\n", encoding="utf-8")
    done = run("sub/report.yaml", cwd=tree)
    assert done.returncode == 1
    assert (
        done.stdout.splitlines()[0]
        == "sub/report.yaml:7:7: DL105 '报告类型' should be 部门 or 本级政府 or 乡镇 or 管委会, found '部'"
    )


def test_pyproject_without_our_table_is_skipped(tree: Path) -> None:
    (tree / "sub" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tree / ".disclosure-lint.yaml").write_text("select: [DL2]\n", encoding="utf-8")
    assert run("sub/report.yaml", cwd=tree).returncode == 0


def test_someone_elses_broken_pyproject_is_not_read(tree: Path) -> None:
    """Only a pyproject.toml that could hold [tool.disclosure-lint] is parsed (parsing TOML costs
    a start-up), so another project's broken one is no config error."""
    (tree / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n[broken\n', encoding="utf-8")
    (tree / ".disclosure-lint.yaml").write_text("select: [DL2]\n", encoding="utf-8")
    done = run("sub/report.yaml", cwd=tree)
    assert (done.returncode, done.stderr) == (0, "")


@pytest.mark.parametrize(
    ("text", "may"),
    [
        ("[tool.disclosure-lint]\nselect = []\n", True),
        ('[tool."disclosure-lint"]\n', True),
        ("[tool]\ndisclosure-lint = { select = [] }\n", True),
        ("tool.disclosure-lint.select = []\n", True),
        ('[tool."disclosure\\u002dlint"]\n', True),
        ('[project]\nname = "disclosure-lint"\n', True),
        ('[project]\nname = "x"\ndependencies = ["ruamel.yaml"]\n', False),
        ("[tool.ruff]\nline-length = 110\n", False),
    ],
)
def test_which_pyproject_files_are_parsed(text: str, may: bool) -> None:
    from disclosure_lint.config import _may_name_our_table

    assert _may_name_our_table(text) is may


def test_command_line_overrides_config(tree: Path) -> None:
    (tree / ".disclosure-lint.yaml").write_text("ignore: [DL105]\n", encoding="utf-8")
    assert run("--ignore", "", "sub/report.yaml", cwd=tree).returncode == 1
    assert run("--isolated", "sub/report.yaml", cwd=tree).returncode == 1


def test_fail_on_warning(tree: Path) -> None:
    (tree / ".disclosure-lint.yaml").write_text("fail-on: warning\nignore: [DL105]\n", encoding="utf-8")
    assert run("sub/report.yaml", cwd=tree).returncode == 0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            ".disclosure-lint.yaml",
            "lang: zh\nfail-on: sometimes\n",
            ".disclosure-lint.yaml:2: fail-on: expected one of error, warning, info, got 'sometimes'",
        ),
        (".disclosure-lint.yaml", "selectt: [DL2]\n", ".disclosure-lint.yaml:1: selectt: unknown setting"),
        (".disclosure-lint.yaml", "select: DL2\n  x: [\n", ".disclosure-lint.yaml:2:4: invalid YAML"),
        (
            "pyproject.toml",
            "[tool.disclosure-lint]\n\nignore = [1]\n",
            "pyproject.toml:3: ignore: expected a list of rule codes",
        ),
        ("pyproject.toml", "[tool.disclosure-lint\n", "pyproject.toml: invalid TOML"),
    ],
)
def test_config_errors_name_the_file_and_line(tree: Path, name: str, content: str, expected: str) -> None:
    (tree / name).write_text(content, encoding="utf-8")
    done = run("sub/report.yaml", cwd=tree)
    assert done.returncode == 2
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
