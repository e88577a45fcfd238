"""The release: the version in one place, a changelog in Keep a Changelog's shape, and a wheel that
lints on its own.

The wheel test builds the sdist and the wheel as a release does (`python -m build`, without
network: `--no-isolation` uses the build backend installed here), installs the wheel offline into
a fresh virtual environment (`pip install --no-index --find-links dist --no-deps`), and runs the
installed command from a folder outside the source tree. The new environment takes the *other*
distributions (typer, ruamel.yaml, jsonschema …) from this environment through a .pth line, after
its own site-packages; what it must find in the wheel — the code, the schemas, the rule modules
and their documentation YAML, the message catalogues — it finds there, and the test checks that
disclosure_lint is imported from the wheel's copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from test_cli import run

from disclosure_lint import __version__
from disclosure_lint.rule_docs import REPOSITORY

TAG = f"v{__version__}"


def test_the_version_is_written_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/disclosure_lint/__init__.py"
    declared = re.findall(
        r"^__version__ = \"(.+)\"$", (ROOT / "src/disclosure_lint/__init__.py").read_text(), re.M
    )
    assert declared == [__version__]
    assert run("--version").stdout == f"disclosure-lint {__version__}\n"


def test_the_changelog_has_keep_a_changelogs_shape_and_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[(.+?)\](?: - (\d{4}-\d{2}-\d{2}))?$", text, re.M)
    assert headings[0] == ("Unreleased", "")
    assert headings[1][0] == __version__ and headings[1][1]  # the newest release, dated
    for section in re.findall(r"^### (.+)$", text, re.M):
        assert section in {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    assert f"[Unreleased]: {REPOSITORY}/compare/{TAG}...HEAD" in text
    assert f"[{__version__}]: {REPOSITORY}/releases/tag/{TAG}" in text


def test_the_readme_snippets_name_this_release() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tags = set(re.findall(r"\bv\d+\.\d+\.\d+\b", readme))
    assert tags == {TAG}
    assert f"repo: {REPOSITORY}\n" in readme and f"rev: {TAG}\n" in readme
    assert readme.count(f"disclosure-lint @ git+{REPOSITORY}@{TAG}") >= 2  # GitHub Actions and GitLab CI


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build", reason="the [test] extra's build package builds the release")
    pytest.importorskip("hatchling", reason="the [test] extra's hatchling is the build backend")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_the_sdist_holds_what_its_tests_read(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    assert sdist.name == f"disclosure_lint-{__version__}.tar.gz"
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    for needed in (
        "pyproject.toml", "README.md", "CHANGELOG.md", ".pre-commit-hooks.yaml", "docs/rules.md",
        "schemas/report-2021.schema.json", "rules/totals.yaml", "examples/broken-2023.yaml",
        "scripts/build_schema.py", "scripts/build_rule_docs.py", "tests/test_release.py",
    ):  # fmt: skip
        assert needed in names, needed


def test_the_wheel_holds_the_data_the_linter_reads(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"disclosure_lint-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "disclosure_lint/schemas/report-2021.schema.json", "disclosure_lint/schemas/report-2019.schema.json",
        "disclosure_lint/rules/__init__.py", "disclosure_lint/rules/totals.py", "disclosure_lint/rules/totals.yaml",
        "disclosure_lint/messages.yaml", "disclosure_lint/audit/codes.yaml", "disclosure_lint/template.py",
    ):  # fmt: skip
        assert needed in names, needed
    rule_docs = {name for name in names if re.fullmatch(r"disclosure_lint/rules/[a-z_]+\.yaml", name)}
    assert {Path(name).name for name in rule_docs} == {path.name for path in (ROOT / "rules").glob("*.yaml")}


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with only the wheel installed; the other distributions come from this one."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=300)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "--disable-pip-version-check"]
    done = subprocess.run(
        [*pip, "install", "--no-index", "--find-links", str(dist), "--no-deps", "disclosure-lint"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    Path(site, "zz-dependencies.pth").write_text("".join(f"{path}\n" for path in ours), encoding="utf-8")
    return venv


def installed_run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = venv / ("Scripts/disclosure-lint.exe" if os.name == "nt" else "bin/disclosure-lint")
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(
        [str(command), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_the_installed_wheel_lints_outside_the_source_tree(installed: Path, tmp_path: Path) -> None:
    python = installed / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    where = subprocess.run(
        [str(python), "-c", "import disclosure_lint; print(disclosure_lint.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(installed), where  # the wheel's copy, not the checkout's
    for name in ("xiqu-sifaju-2023.yaml", "broken-2023.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)

    clean = installed_run(installed, "xiqu-sifaju-2023.yaml", cwd=tmp_path)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "未发现问题，共检查 1 个文件。\n", "")
    broken = installed_run(installed, "broken-2023.yaml", "--no-cache", cwd=tmp_path)
    from_source = run("broken-2023.yaml", "--no-cache", cwd=tmp_path)
    assert (broken.returncode, broken.stdout) == (1, from_source.stdout)
    assert broken.stdout.splitlines()[0].startswith("broken-2023.yaml:8:7: DL503 ")

    explained = installed_run(installed, "--explain", "DL205", cwd=tmp_path)  # the rule docs' YAML
    assert explained.stdout == run("--explain", "DL205").stdout
    schema = installed_run(installed, "schema", "--format", "2019", cwd=tmp_path)
    assert schema.stdout == (ROOT / "schemas" / "report-2019.schema.json").read_text(encoding="utf-8")
    started = installed_run(
        installed, "init", "2024.yaml", "--agency", "某局", "--year", "2024", cwd=tmp_path
    )
    assert started.returncode == 0, started.stderr
    assert (tmp_path / "report-2021.schema.json").is_file()
    sarif = installed_run(installed, "broken-2023.yaml", "--format", "sarif", cwd=tmp_path)
    assert f'"helpUri": "{REPOSITORY}/blob/{TAG}/docs/rules.md#dl205"' in sarif.stdout
