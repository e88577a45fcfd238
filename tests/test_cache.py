"""The result cache: a re-run gives exactly the first run's findings, and only unchanged reports hit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import _MODULES, CITY_BUREAU, EXAMPLES, SEED_EXAMPLE

from disclosure_lint import batch
from disclosure_lint.batch import Job, lint_many
from disclosure_lint.cache import ResultCache, default_folder
from disclosure_lint.config import Options
from disclosure_lint.result import FileResult


def _signature(result: FileResult) -> tuple[Any, ...]:
    return (
        result.filename,
        result.unreadable,
        result.crashed,
        [(f.rule, f.pos, f.path, f.args, f.message("zh"), f.message("en")) for f in result.findings],
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for source in (SEED_EXAMPLE, CITY_BUREAU, EXAMPLES / "broken-2023.yaml"):
        (tmp_path / source.name).write_bytes(source.read_bytes())
    (tmp_path / "syntax.yaml").write_text("机关: [示例\n年度: 2023\n", encoding="utf-8")
    (tmp_path / "gbk.yaml").write_bytes(CITY_BUREAU.read_text(encoding="utf-8").encode("gb18030"))
    return tmp_path


def _run(folder: Path, store: ResultCache, options: Options | None = None) -> list[FileResult]:
    jobs = [Job(path, options or Options()) for path in sorted(folder.glob("*.yaml"))]
    return [
        result for _job, result in lint_many(jobs, modules_by_dirs={(): _MODULES}, workers=1, cache=store)
    ]


def test_a_rerun_reads_the_cache_and_gives_the_same_findings(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ResultCache.for_rules(_MODULES, tmp_path_factory.mktemp("cache"))
    first = _run(folder, store)
    assert any(r.findings for r in first) and any(r.unreadable for r in first)
    linted: list[Path] = []
    real = batch.lint_one
    monkeypatch.setattr(batch, "lint_one", lambda job, *a: linted.append(job.path) or real(job, *a))
    again = _run(folder, store)
    assert linted == []  # every result came from the cache
    assert [_signature(r) for r in again] == [_signature(r) for r in first]

    changed = folder / "city-bureau-2023.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("年度: 2023", "年度: 2022", 1), encoding="utf-8"
    )
    third = _run(folder, store)
    assert linted == [changed]  # only the edited report is linted again
    assert [_signature(r) for r in third] == [_signature(r) for r in _run(folder, store)]


def test_other_options_or_rules_miss(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    place = tmp_path_factory.mktemp("cache")
    store = ResultCache.for_rules(_MODULES, place)
    _run(folder, store)
    report = folder / SEED_EXAMPLE.name
    raw = report.read_bytes()
    assert store.has(store.key(str(report), Options(), raw))
    assert not store.has(store.key(str(report), Options(ignore=("DL2",)), raw))
    fewer_rules = ResultCache.for_rules(_MODULES[1:], place)
    assert not fewer_rules.has(fewer_rules.key(str(report), Options(), raw))


def test_a_damaged_entry_is_linted_again(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    place = tmp_path_factory.mktemp("cache")
    store = ResultCache.for_rules(_MODULES, place)
    first = _run(folder, store)
    entries = sorted(place.rglob("*.json"))
    assert len(entries) == len(first)
    garbage = [b"", b"{", b'{"result": [1, 2, 3]}', b'{"result": {"X": 1}}', b"\xff\xfe", b"[]"]
    for entry, junk in zip(entries, garbage, strict=False):
        entry.write_bytes(junk)
    again = _run(folder, store)
    assert [_signature(r) for r in again] == [_signature(r) for r in first]
    assert store.load(store.key("x", Options(), b"")) is None  # no entry at all


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_folder() == tmp_path / "disclosure-lint"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_folder() == Path.home() / ".cache" / "disclosure-lint"


def test_the_command_caches_unless_told_not_to(folder: Path, tmp_path: Path) -> None:
    cache_home = tmp_path / "xdg"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    command = [sys.executable, "-m", "disclosure_lint", str(folder)]
    first = subprocess.run([*command, "--no-cache"], capture_output=True, text=True, env=env)
    assert not list(cache_home.rglob("*.json"))  # no result kept (compiled patterns are: regex_cache)
    second = subprocess.run(command, capture_output=True, text=True, env=env)
    assert sorted((cache_home / "disclosure-lint").rglob("*.json"))
    third = subprocess.run(command, capture_output=True, text=True, env=env)
    assert first.returncode == second.returncode == third.returncode == 2  # syntax.yaml is unreadable
    assert first.stdout == second.stdout == third.stdout
    assert "syntax.yaml:1:" in first.stdout


def test_a_short_lookahead_gives_the_same_results_in_order(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run plans a bounded number of jobs ahead of its results (flat memory): how far changes nothing."""
    for index in range(12):
        (folder / f"copy-{index:02d}.yaml").write_bytes(SEED_EXAMPLE.read_bytes())
    whole = _run(folder, ResultCache.for_rules(_MODULES, tmp_path_factory.mktemp("cache")))
    monkeypatch.setattr(batch, "LOOKAHEAD", 10)  # planned ten ahead of the next result
    jobs = [Job(path, Options()) for path in sorted(folder.glob("*.yaml"))]
    short = [r for _job, r in lint_many(jobs, modules_by_dirs={(): _MODULES}, workers=2)]
    assert len(short) == len(whole) == 17
    assert [_signature(r) for r in short] == [_signature(r) for r in whole]


def test_a_pooled_run_of_hits_and_misses_keeps_the_order(
    folder: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cached results are handed on between the workers' ones, each in its place."""
    for index in range(16):
        text = SEED_EXAMPLE.read_text(encoding="utf-8").replace("年度: 2023", f"年度: {2000 + index}", 1)
        (folder / f"variant-{index:02d}.yaml").write_text(text, encoding="utf-8")
    paths = sorted(folder.glob("*.yaml"))
    store = ResultCache.for_rules(_MODULES, tmp_path_factory.mktemp("cache"))
    sequential = [r for _job, r in lint_many([Job(p, Options()) for p in paths], workers=1)]
    half = [Job(p, Options()) for p in paths[::2]]
    list(lint_many(half, modules_by_dirs={(): _MODULES}, workers=1, cache=store))  # every other one cached
    pooled: list[bool] = []
    real = batch._in_pool
    monkeypatch.setattr(batch, "_in_pool", lambda *a: pooled.append(True) or real(*a))
    jobs = [Job(p, Options()) for p in paths]
    mixed = list(lint_many(jobs, modules_by_dirs={(): _MODULES}, workers=2, cache=store))
    assert pooled, "the misses did not go to the pool"
    assert [job for job, _ in mixed] == jobs
    assert [_signature(r) for _job, r in mixed] == [_signature(r) for r in sequential]
    assert len(sorted(store.folder.rglob("*.json"))) == len(paths)  # the workers stored the misses
