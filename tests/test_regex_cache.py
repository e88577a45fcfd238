"""Compiled patterns kept between runs: the same patterns, built faster, never different results."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE

from disclosure_lint import regex_cache

SAMPLES = [
    (r"(?P<year>\d{4})年(?P<month>\d{1,2})月", 0),
    (r"[一二三四五六七八九十]+、", 0),
    (r"[^，,；;。]{0,20}?未(?:按时|如期)", 0),
    (r"todo|待填写", re.IGNORECASE),
    (r"^\s*#.*$", re.MULTILINE),
]
TEXTS = ["2024年1月22日发布", "一、总体情况", "本年度无逾期未按时答复", "TODO: 待填写", "a\n  # note\nb"]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    regex_cache.uninstall()
    yield tmp_path
    regex_cache.uninstall()
    re.purge()


def _compile_all() -> list[re.Pattern[str]]:
    re.purge()  # re's own in-process cache would hide the compiler
    return [re.compile(pattern, flags) for pattern, flags in SAMPLES]


def _behaviour(patterns: list[re.Pattern[str]]) -> list[object]:
    return [
        (p.pattern, p.flags, p.groups, dict(p.groupindex), [m.span() for t in TEXTS for m in p.finditer(t)])
        for p in patterns
    ]


def test_patterns_from_the_cache_are_the_patterns_compiled(cache: Path) -> None:
    fresh = _behaviour(_compile_all())
    regex_cache.install(cache)
    first = _compile_all()
    assert len(regex_cache._new) == len(SAMPLES)
    regex_cache.save()
    file = regex_cache.cache_file(cache)
    assert file is not None and file.is_file()
    regex_cache.uninstall()
    regex_cache.install(cache)
    again = _compile_all()
    assert regex_cache._new == {}  # every one built from the file, none compiled
    assert _behaviour(first) == _behaviour(again) == fresh


def _project_patterns() -> set[tuple[str, int]]:
    """Every pattern the package and the rules hold at module level, as (source, flags)."""
    import conftest  # noqa: F401  (loads the rule modules)

    found = set()
    for name, module in list(sys.modules.items()):
        if name.startswith("disclosure_lint") and module is not None:
            for value in vars(module).values():
                if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                    found.add((value.pattern, value.flags))
    return found


def _compiler_arguments(pattern: str, flags: int) -> tuple[object, ...]:
    """What the regex compiler hands `_sre.compile` for this pattern, compiling it afresh."""
    sre = re._compiler._sre  # type: ignore[attr-defined]
    seen: list[tuple[object, ...]] = []
    real = sre.compile
    sre.compile = lambda *args: seen.append(args) or real(*args)
    try:
        re._compiler.compile(pattern, flags)  # type: ignore[attr-defined]
    finally:
        sre.compile = real
    return seen[0]


def test_the_projects_patterns_rebuilt_from_the_cache_are_as_compiled(cache: Path) -> None:
    patterns = _project_patterns()
    assert len(patterns) > 50
    regex_cache.install(cache)
    re.purge()
    for pattern, flags in patterns:
        re.compile(pattern, flags)
    regex_cache.save()
    kept = marshal.loads(regex_cache.cache_file(cache).read_bytes())  # type: ignore[union-attr]
    regex_cache.uninstall()
    assert set(kept) == {(pattern, int(flags)) for pattern, flags in patterns}
    for (pattern, flags), entry in kept.items():
        assert regex_cache._plain(_compiler_arguments(pattern, flags)) == marshal.loads(entry), pattern


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not marshal at all",
        marshal.dumps([1, 2, 3]),
        marshal.dumps({("a", 0): ("x",)}),  # the first version's entries: arguments, not bytes
        marshal.dumps({(pattern, int(flags)): b"\x00damaged" for pattern, flags in SAMPLES}),
        marshal.dumps({(pattern, int(flags)): marshal.dumps([pattern]) for pattern, flags in SAMPLES}),
    ],
)
def test_a_damaged_or_foreign_file_is_compiled_around(cache: Path, content: bytes) -> None:
    file = regex_cache.cache_file(cache)
    assert file is not None
    file.write_bytes(content)
    fresh = _behaviour(_compile_all())
    regex_cache.install(cache)
    assert _behaviour(_compile_all()) == fresh


def test_an_entry_the_compiler_rejects_is_compiled_instead(cache: Path) -> None:
    file = regex_cache.cache_file(cache)
    assert file is not None
    file.write_bytes(marshal.dumps({("ab", 0): marshal.dumps(("ab", 32, [1, 2, 3], 0, {}, (None,)))}))
    regex_cache.install(cache)
    re.purge()
    assert re.compile("ab").fullmatch("ab")


def test_only_the_entries_a_run_asks_for_are_decoded(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file grown by every command (import's and render's patterns too) costs a run a copy of
    its bytes, not the decoding of patterns the run never compiles."""
    regex_cache.install(cache)
    _compile_all()
    regex_cache.save()
    regex_cache.uninstall()
    decoded: list[object] = []
    real = marshal.loads

    class Counting:
        @staticmethod
        def loads(data: bytes) -> object:
            value = real(data)
            decoded.append(value)
            return value

    monkeypatch.setattr(regex_cache, "marshal", Counting)
    regex_cache.install(cache)
    re.purge()
    pattern, flags = SAMPLES[1]
    assert re.compile(pattern, flags).fullmatch("三、")
    assert len(decoded) == 2  # the file, then the one entry asked for
    assert isinstance(decoded[0], dict) and len(decoded[0]) == len(SAMPLES)
    assert regex_cache._new == {}


def test_a_cache_folder_that_cannot_be_made_is_no_error(cache: Path) -> None:
    blocked = cache / "not-a-folder"
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    regex_cache.install(blocked / "disclosure-lint")
    fresh = _behaviour(_compile_all())
    regex_cache.save()
    assert blocked.read_text(encoding="utf-8") == "a file where the folder would go"
    assert fresh == _behaviour(_compile_all())


def test_the_command_keeps_its_patterns_and_prints_the_same(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}

    def lint() -> subprocess.CompletedProcess[str]:
        command = [
            sys.executable,
            "-m",
            "disclosure_lint",
            "--no-cache",
            "--format",
            "json",
            str(SEED_EXAMPLE),
        ]
        return subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)

    first = lint()
    files = list((tmp_path / "disclosure-lint").glob("regex-*.marshal"))
    assert len(files) == 1
    size = files[0].stat().st_size
    second = lint()
    assert (second.returncode, second.stdout, second.stderr) == (first.returncode, first.stdout, first.stderr)
    assert files[0].stat().st_size == size  # nothing new to keep the second time
