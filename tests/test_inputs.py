"""Many inputs in one run: folders, standard input, a per-file table; config per file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import CITY_BUREAU, EXAMPLES, SEED_EXAMPLE, edit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run

BROKEN = EXAMPLES / "broken-2023.yaml"


def make_tree(root: Path) -> Path:
    (root / "reports" / "2023").mkdir(parents=True)
    (root / "reports" / ".hidden").mkdir()
    shutil.copy(SEED_EXAMPLE, root / "reports" / "2023" / "a.yaml")
    shutil.copy(BROKEN, root / "reports" / "2023" / "b.yml")
    shutil.copy(BROKEN, root / "reports" / ".hidden" / "skipped.yaml")
    (root / "reports" / "notes.txt").write_text("not a report", encoding="utf-8")
    return root / "reports"


def test_folder_is_searched_recursively(tmp_path: Path) -> None:
    make_tree(tmp_path)
    done = run("reports", cwd=tmp_path)
    assert done.returncode == 1
    files = {line.split(":")[0] for line in done.stdout.splitlines() if ": DL" in line}
    assert files == {"reports/2023/b.yml"}
    assert "共检查 2 个文件" in done.stdout.splitlines()[-2]  # then the line of fixable counts


def test_batch_ends_with_a_per_file_table(tmp_path: Path) -> None:
    make_tree(tmp_path)
    shutil.copy(BROKEN, tmp_path / "reports" / "c.yaml")
    lines = run("reports", "--format", "concise", cwd=tmp_path).stdout.splitlines()
    table = lines[lines.index("") + 1 : -3]  # then the summary and the fixable counts
    assert table[0].split() == ["文件", "错误", "警告"]
    assert [row.split() for row in table[2:]] == [
        ["reports/2023/b.yml", "6", "2"],
        ["reports/c.yaml", "6", "2"],
    ]


def test_include_and_exclude_from_config(tmp_path: Path) -> None:
    make_tree(tmp_path)
    (tmp_path / "reports" / "2023" / "c.yaml").write_text(
        BROKEN.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / ".disclosure-lint.yaml").write_text(
        'include: ["*.yaml"]\nexclude: ["2023/c.yaml"]\n', encoding="utf-8"
    )
    done = run("reports", cwd=tmp_path)
    assert done.returncode == 0  # b.yml is not included, c.yaml is excluded: only the clean a.yaml
    assert done.stdout.splitlines()[-1] == "未发现问题，共检查 1 个文件。"


def test_standard_input_with_a_filename_for_positions_and_config(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".disclosure-lint.yaml").write_text("lang: en\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", "-", "--stdin-filename", "sub/r.yaml"],
        input=BROKEN.read_bytes(),
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    out = done.stdout.decode()
    assert done.returncode == 1
    assert out.splitlines()[0].startswith("sub/r.yaml:8:7: DL503 '发布日期' 2024-02-05 is after")


def test_standard_input_without_a_name() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", "-"],
        input=b"\xef\xbb\xbf- not a report\n",
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout.decode().splitlines()[0].startswith("<stdin>:1:1: DL006")


def test_per_file_ignores(tmp_path: Path) -> None:
    root = make_tree(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.disclosure-lint]\nper-file-ignores = { "reports/2023/*.yml" = ["DL5", "DL6", "DL3"] }\n',
        encoding="utf-8",
    )
    codes = [
        line.split()[1]
        for line in run(root / "2023" / "b.yml", cwd=tmp_path).stdout.splitlines()
        if ": DL" in line
    ]
    assert codes == ["DL403", "DL205", "DL401", "DL204", "DL102"]


def test_same_file_twice_is_linted_once(tmp_path: Path) -> None:
    shutil.copy(CITY_BUREAU, tmp_path / "r.yaml")
    done = run("r.yaml", "./r.yaml", tmp_path / "r.yaml", cwd=tmp_path)
    assert done.stdout == "未发现问题，共检查 1 个文件。\n"


def test_quiet_prints_findings_only(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        edit(SEED_EXAMPLE.read_text(encoding="utf-8"), "报告类型: 部门", "报告类型: 部"), encoding="utf-8"
    )
    done = run("-q", "r.yaml", cwd=tmp_path)
    assert done.stdout.splitlines() == [
        "r.yaml:7:7: DL105 “报告类型”应为 部门 或 本级政府 或 乡镇 或 管委会，实为“部”",
        "  |",
        "7 | 报告类型: 部",
        "  |           ^~",
        "",
    ]


def test_a_folder_without_reports_is_an_error_not_a_silent_pass(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = run("empty", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "disclosure-lint: error: no reports (*.yaml, *.yml) found in empty"


# ---------------------------------------------------------------- the folder search, against a plain walk


def _plain_search(folder: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> list[Path]:
    """What the search must find: every path below, sorted; not hidden, a file (or a link that
    leads nowhere) whose name matches `include`, not matching `exclude`."""
    import fnmatch

    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        named = any(fnmatch.fnmatch(path.name, pattern) for pattern in include)
        if path.is_symlink() and not path.exists():
            if named:
                found.append(path)
            continue
        excluded = any(
            fnmatch.fnmatch(relative.as_posix(), p) or fnmatch.fnmatch(path.name, p) for p in exclude
        )
        if path.is_file() and named and not excluded:
            found.append(path)
    return sorted(found)


_NAMES = st.sampled_from(["a", "a0", "b.yaml", "a.yaml", ".h", "sub", "z.yml", "r.yaml", "x.txt"])
_STEPS = st.lists(
    st.tuples(
        st.integers(0, 20), _NAMES, st.sampled_from(["dir", "file", "file", "link", "dangling", "loop"])
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS, exclude=st.sampled_from([(), ("sub*",), ("*/a*",), ("r*",)]))
def test_the_folder_search_finds_what_a_plain_walk_finds(
    tmp_path_factory: Any, steps: Any, exclude: Any
) -> None:
    from disclosure_lint.inputs import expand

    root = tmp_path_factory.mktemp("tree")
    folders = [root]
    for step, (parent_at, name, kind) in enumerate(steps):
        parent = folders[parent_at % len(folders)]
        path = parent / name
        if path.exists() or path.is_symlink():
            continue
        if kind == "dir":
            path.mkdir()
            folders.append(path)
        elif kind == "file":
            path.write_text("x", encoding="utf-8")
        elif kind == "link":
            path.symlink_to(folders[parent_at % len(folders) - 1])
        elif kind == "dangling":
            path.symlink_to(parent / f"nothing-here-{step}")  # (two links to one place are one file)
        else:
            path.symlink_to(path)
    include = ("*.yaml", "*.yml")
    assert list(expand([root], include, exclude)) == _plain_search(root, include, exclude)
    # A file found again, through another argument, is checked once.
    expected, seen = [], set()
    for folder in [root, *folders[1:2]]:
        for path in _plain_search(folder, include, exclude):
            try:
                identity = path.resolve()
            except (OSError, RuntimeError):  # a link to itself is its own file
                identity = path.absolute()
            if identity not in seen:
                seen.add(identity)
                expected.append(path)
    assert list(expand([root, *folders[1:2]], include, exclude)) == expected
