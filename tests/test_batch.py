"""Linting many files: in parallel the findings are exactly those of the sequential loop, in order.

Also the speed-up that must not change a finding: the loader remembering how plain scalars resolve.
"""

from __future__ import annotations

import importlib.util
import random
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import _MODULES, CITY_BUREAU, EXAMPLES, ROOT, SEED_EXAMPLE

from disclosure_lint import batch, loader
from disclosure_lint.batch import Job, lint_many
from disclosure_lint.config import ConfigError, Options
from disclosure_lint.lint import FileResult, lint_bytes
from disclosure_lint.plain import as_plain, from_plain


def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """30 files: generated reports (every fifth with mistakes), the examples, and broken files."""
    folder = tmp_path_factory.mktemp("batch")
    paths = _generator().generate(folder, 24, seed=7, mistake_every=3)
    for source in (SEED_EXAMPLE, CITY_BUREAU, EXAMPLES / "broken-2023.yaml"):
        target = folder / source.name
        target.write_bytes(source.read_bytes())
        paths.append(target)
    (folder / "syntax.yaml").write_text("机关: [示例\n年度: 2023\n", encoding="utf-8")
    (folder / "duplicate.yaml").write_text(SEED_EXAMPLE.read_text(encoding="utf-8") + "机关: 又一个\n")
    (folder / "gbk.yaml").write_bytes(CITY_BUREAU.read_text(encoding="utf-8").encode("gb18030"))
    paths += [folder / "syntax.yaml", folder / "duplicate.yaml", folder / "gbk.yaml"]
    assert len(paths) == 30
    return paths


def _signature(result: FileResult) -> tuple[Any, ...]:
    return (
        result.filename,
        result.unreadable,
        result.crashed,
        [(f.rule, f.pos, f.path, f.args, f.message("zh"), f.message("en")) for f in result.findings],
    )


def test_parallel_gives_the_sequential_findings_in_order(
    reports: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = [Job(path, Options()) for path in reports]
    modules: dict = {}
    sequential = [_signature(result) for _, result in lint_many(jobs, workers=1, modules_by_dirs=modules)]

    pooled = []
    real = batch._in_pool
    monkeypatch.setattr(batch, "_in_pool", lambda *a: pooled.append(True) or real(*a))
    parallel = list(lint_many(jobs, workers=2, modules_by_dirs=modules))
    assert pooled, "the pool was not used"
    assert [job for job, _ in parallel] == jobs
    assert [_signature(result) for _, result in parallel] == sequential
    assert any(result.findings for _, result in parallel)
    assert any(result.unreadable for _, result in parallel)
    # Findings are bound to this process's own Rule objects again, not to copies.
    rules = {rule.code: rule for module in modules[()] for rule in module.rules}
    for _, result in parallel:
        for finding in result.findings:
            if finding.code in rules:
                assert finding.rule is rules[finding.code]


def test_few_files_are_linted_here(reports: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_in_pool", lambda *a: pytest.fail("a pool for a few files"))
    jobs = [Job(path, Options()) for path in reports[: batch.PARALLEL_FROM - 1]]
    assert len(list(lint_many(jobs, workers=2))) == len(jobs)


def _die(keyed: Any) -> Any:
    """A worker that dies mid-run (the OOM killer, a segfault in a C extension)."""
    import os

    os._exit(3)


def test_a_worker_that_dies_leaves_its_jobs_to_this_process(
    reports: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs = [Job(path, Options()) for path in reports]
    sequential = [_signature(result) for _, result in lint_many(jobs, workers=1)]
    monkeypatch.setattr(batch, "_lint_chunk", _die)  # forked workers inherit the patch
    parallel = list(lint_many(jobs, workers=2))
    assert [job for job, _ in parallel] == jobs
    assert [_signature(result) for _, result in parallel] == sequential


def test_standard_input_and_previous_year(reports: list[Path]) -> None:
    raw = SEED_EXAMPLE.read_bytes()
    previous = loader.load_file(CITY_BUREAU).report
    jobs = [Job(Path("-"), Options(), raw=raw, name="stdin.yaml"), *(Job(p, Options()) for p in reports[:12])]
    sequential = [_signature(r) for _, r in lint_many(jobs, previous=previous, workers=1)]
    parallel = [_signature(r) for _, r in lint_many(jobs, previous=previous, workers=2)]
    assert parallel == sequential
    assert sequential[0][0] == "stdin.yaml"


def test_a_config_error_comes_after_the_results_before_it(reports: list[Path]) -> None:
    def jobs() -> Any:
        for path in reports[:10]:
            yield Job(path, Options())
        raise ConfigError("bad.toml:3: select: expected a list")

    seen = []
    with pytest.raises(ConfigError, match=r"bad\.toml:3"):
        for job, _ in lint_many(jobs(), workers=2):
            seen.append(job.path)
    assert seen == reports[:10]


PLUGIN = """
from disclosure_lint.api import WARNING, Rule, START

class Odd:
    def __str__(self):
        return "odd"

ODD = Rule("ZZ001", "odd-arg", WARNING, "s", "s", "c", "{thing}", "{thing}")
RULES = (ODD,)

def check(report):
    yield ODD.at(START, thing=Odd())  # an argument that is not plain data
    yield Rule("ZZ002", "unlisted", WARNING, "s", "s", "c", "m {n}", "m {n}").at(START, n=1)
"""


def test_findings_that_are_not_plain_data_are_linted_here(reports: list[Path], tmp_path: Path) -> None:
    folder = tmp_path / "plugin"
    folder.mkdir()
    (folder / "odd.py").write_text(PLUGIN, encoding="utf-8")
    options = Options(rule_dirs=(folder,))
    jobs = [Job(path, options) for path in reports[:12]]
    sequential = [[(f.code, f.pos, f.message()) for f in r.findings] for _, r in lint_many(jobs, workers=1)]
    parallel = [[(f.code, f.pos, f.message()) for f in r.findings] for _, r in lint_many(jobs, workers=2)]
    assert parallel == sequential
    assert all(("ZZ001", (1, 1), "odd") in [(c, (p.line, p.col), m) for c, p, m in s] for s in sequential)


def test_a_rule_of_no_module_crosses_by_value() -> None:
    from disclosure_lint.findings import START, WARNING, Rule

    unlisted = Rule("ZZ002", "unlisted", WARNING, "s", "s", "c", "m {n}", "m {n}")
    result = FileResult("a.yaml", [unlisted.at(START, ("机关",), n=1)])
    plain = as_plain(result, {})
    assert plain is not None
    again = from_plain(plain, {})
    assert again == result and again.findings[0].rule == unlisted


def test_what_a_finding_covers_crosses_too() -> None:
    from disclosure_lint.findings import START, WARNING, Rule

    rule = Rule("ZZ003", "split", WARNING, "s", "s", "c", "m", "m")
    row = ("收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量")
    result = FileResult("a.yaml", [rule.at(START, (*row, 0), covers=(row,))])
    again = from_plain(as_plain(result, {}), {})
    assert again is not None and again.findings[0].covers == (row,)


# ---------------------------------------------------------------- the speed-ups change nothing

SNIPPETS = [
    b"yes", b"no", b"~", b"null", b"0x1F", b"0o17", b"010", b"1_000", b"1e3", b".inf", b"-.NaN",
    b"2024-01-20", b"!!int 5", b"!!str 5", b"&a ", b"*a", b"true", b"'12'", b"%YAML 1.1\n---\n",
    b"12.0", b"+5", b"\xef\xbc\x91\xef\xbc\x92", b"/", b": ", b"- ", b"[", b"]", b"{", b"#", b"1:30",
    b"<<: *a", b"|", b"\"", b"0b101", b"-1", b"2021.0", b"\t",
]  # fmt: skip


def _mutants(count: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    sources = [
        SEED_EXAMPLE.read_bytes(),
        CITY_BUREAU.read_bytes(),
        (EXAMPLES / "broken-2023.yaml").read_bytes(),
    ]
    out = list(sources)
    while len(out) < count:
        raw = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(raw))
            if rng.random() < 0.25:
                raw[at] = rng.randrange(256)
            else:
                raw[at : at + rng.randint(0, 3)] = rng.choice(SNIPPETS)
        out.append(bytes(raw))
    return out


def _everything(raw: bytes) -> tuple[Any, ...]:
    loaded = loader.load_bytes(raw, "fuzz.yaml")
    report = loaded.report
    shape = None
    if report is not None:
        shape = (
            repr(report.data),
            list(report.values.items()),
            list(report.keys.items()),
            list(report.scalars.items()),
        )
    result = lint_bytes(raw, "fuzz.yaml", _MODULES, Options())
    return shape, [(f.code, f.pos) for f in loaded.findings], _signature(result)


def test_remembering_scalars_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    raws = _mutants(150, seed=8)
    fast = [_everything(raw) for raw in raws]
    monkeypatch.setattr(loader, "_DIRECTIVE_LINE", re.compile(""))  # every text "has a directive": no memory
    slow = [_everything(raw) for raw in raws]
    for raw, one, other in zip(raws, fast, slow, strict=True):
        assert one == other, raw


def _mutate(data: Any, rng: random.Random, junk: list[Any]) -> Any:
    import copy

    data = copy.deepcopy(data)
    for _ in range(rng.randint(0, 2)):
        node = data
        while isinstance(node, dict | list) and node and rng.random() < 0.7:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            key = rng.choice(keys)
            if not isinstance(node[key], dict | list) or rng.random() < 0.3:
                node[key] = rng.choice(junk)
                break
            node = node[key]
    return data
