"""Lint many reports at once, in parallel across cores, with results in the order given.

    for job, result in lint_many(jobs, previous=previous, modules_by_dirs=modules_by_dirs):
        ...print result with job.options...

Each `Job` is what the sequential loop passes to `lint_path` (or `lint_bytes` for standard
input): the path and the options found for it. With more than `PARALLEL_FROM - 1` jobs and more
than one usable CPU, the jobs go to a pool of worker processes; otherwise, and whenever the pool
cannot be used, they are linted in this process. Either way the results are the same
`FileResult`s, finding for finding, in the same order:

* Each worker loads the rule modules once (inherited from this process when it is forked) and
  keeps one jsonschema validator, so a job costs only its own loading and checking.
* A finding crosses the process boundary as plain data — rule code, line, column, path,
  message arguments, what it covers and its fix — and is bound again here to the very `Rule` object this process loaded
  for that code. Rule modules are loaded from files by path, and a plugin's objects may not
  pickle; a result that cannot be sent as plain data is linted again here instead.
* A configuration or plugin error surfaces where the sequential loop would meet it: the
  results of the jobs before it are yielded first, then it is raised.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import engine
from .config import Options
from .document import Report
from .excerpts import Excerpt
from .findings import Edit, Finding, Fix, Pos, Rule, Severity
from .lint import lint_bytes, lint_path
from .result import FileResult

if TYPE_CHECKING:
    from .cache import ResultCache  # imported only when a run caches (hashlib and the rest)

PARALLEL_FROM = 9  # fewer files than this are quicker to lint than to start a pool for
WINDOW = 2048  # jobs planned at once: the main process's memory stays flat in the run's size
MAX_CHUNK = 16  # jobs sent to a worker at once: large enough to amortise, small enough to balance


@dataclass(frozen=True)
class Job:
    """One report to lint: a file, or content already read (standard input) shown as `name`."""

    path: Path
    options: Options
    raw: bytes | None = None
    name: str | None = None


def lint_one(job: Job, modules: Sequence[engine.RuleModule], previous: Report | None = None) -> FileResult:
    """Exactly what the sequential command does for one job."""
    if job.raw is not None:
        return lint_bytes(job.raw, job.name or str(job.path), modules, job.options)
    return lint_path(job.path, modules, job.options, max_bytes=job.options.max_bytes, previous=previous)


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def lint_many(
    jobs: Iterable[Job],
    previous: Report | None = None,
    modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]] | None = None,
    workers: int | None = None,
    cache: bool | ResultCache = False,
) -> Iterator[tuple[Job, FileResult]]:
    """(job, result) for every job, in the order of `jobs`.

    `modules_by_dirs` caches the rule modules by `Options.rule_dirs`; pass the caller's dict to
    see which were loaded (for `--list-rules`-style output after the run). `workers` caps the
    number of processes (default: the usable CPUs; 1 lints in this process). `cache` (True: the
    user's cache folder) reuses the results of reports linted before, unchanged, with the same
    options and rules; a report checked against `previous` is not cached. Jobs are taken
    `WINDOW` at a time, so this process holds a window of jobs, not the whole run.
    """
    modules_by_dirs = {} if modules_by_dirs is None else modules_by_dirs
    caching = cache is not False and previous is None
    if caching:
        from .cache import ResultCache, default_folder
    stores: dict[tuple[Path, ...], ResultCache] = {}

    def key_of(job: Job) -> str | None:
        if not caching:
            return None
        store = cache if isinstance(cache, ResultCache) else None
        if store is None:
            dirs = job.options.rule_dirs
            if dirs not in stores:
                stores[dirs] = ResultCache.for_rules(modules_by_dirs[dirs])
            store = stores[dirs]
        return _key(store, job)

    source = iter(jobs)
    while True:
        planned: list[Job] = []
        failure: BaseException | None = None
        try:
            for job in source:  # building a job may raise ConfigError: keep it for its turn
                if job.options.rule_dirs not in modules_by_dirs:
                    modules_by_dirs[job.options.rule_dirs] = engine.load_rule_modules(job.options.rule_dirs)
                planned.append(job)
                if len(planned) >= WINDOW:
                    break
        except Exception as error:
            failure = error
        if planned:
            writer = (
                (cache if isinstance(cache, ResultCache) else ResultCache(default_folder(), ""))
                if caching
                else None
            )
            yield from _lint_window(
                planned, [key_of(job) for job in planned], previous, modules_by_dirs, workers, writer
            )
        if failure is not None:
            raise failure
        if len(planned) < WINDOW:
            return


def _lint_window(
    planned: list[Job],
    keys: list[str | None],
    previous: Report | None,
    modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]],
    workers: int | None,
    store: ResultCache | None,
) -> Iterator[tuple[Job, FileResult]]:
    hits = [key is not None and store is not None and store.has(key) for key in keys]
    misses = [(job, key) for job, key, hit in zip(planned, keys, hits, strict=True) if not hit]
    count = min(workers or usable_cpus(), len(misses))
    if count > 1 and len(misses) >= PARALLEL_FROM:
        linted = _in_pool(misses, previous, modules_by_dirs, count, store)
    else:
        linted = _here(misses, previous, modules_by_dirs, store)
    rules = {dirs: _rules_by_code(modules) for dirs, modules in modules_by_dirs.items()}
    for job, key, hit in zip(planned, keys, hits, strict=True):
        if not hit:
            yield next(linted)
            continue
        assert store is not None and key is not None
        result = _rebuild_stored(store.load(key), rules[job.options.rule_dirs])
        if result is None:  # damaged or unreadable entry: lint again, and mend the entry
            ((job, result),) = _here([(job, key)], previous, modules_by_dirs, store)
        yield job, result


def _key(store: ResultCache, job: Job) -> str | None:
    if job.raw is not None:
        return store.key(job.name or str(job.path), job.options, job.raw)
    return store.key_for_file(job.path, job.options)


def _rebuild_stored(plain: Any, known: dict[str, Rule]) -> FileResult | None:
    if plain is None:
        return None
    try:
        return _rebuild(plain, known)
    except (KeyError, TypeError, ValueError):  # a damaged entry (the key covers the rule set)
        return None


def _remember(store: ResultCache | None, key: str | None, result: FileResult, known: dict[str, Rule]) -> None:
    """Keep a result for next time; never a crash (it may be a passing fault) or non-plain data."""
    if store is None or key is None or result.crashed:
        return
    plain = _plain(result, known)
    if plain is not None:
        store.store(key, plain)


def _here(
    jobs: Iterable[tuple[Job, str | None]],
    previous: Report | None,
    modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]],
    store: ResultCache | None,
) -> Iterator[tuple[Job, FileResult]]:
    for job, key in jobs:
        modules = modules_by_dirs[job.options.rule_dirs]
        result = lint_one(job, modules, previous)
        if store is not None:
            _remember(store, key, result, _rules_by_code(modules))
        yield job, result


# ---------------------------------------------------------------- the pool


def _in_pool(
    keyed: list[tuple[Job, str | None]],
    previous: Report | None,
    modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]],
    count: int,
    store: ResultCache | None = None,
) -> Iterator[tuple[Job, FileResult]]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from . import schema

    schema.prepare()  # once here: forked workers inherit the validator
    rules = {dirs: _rules_by_code(modules) for dirs, modules in modules_by_dirs.items()}
    chunk = max(1, min(MAX_CHUNK, len(keyed) // (count * 4)))
    chunks = [keyed[start : start + chunk] for start in range(0, len(keyed), chunk)]
    done = 0  # jobs whose results were yielded
    try:
        _STATE.update(modules=modules_by_dirs, previous=previous, cache=store)  # inherited by forked workers
        for stream in (sys.stdout, sys.stderr):  # or a forked worker would print their buffers again
            stream.flush()
        pool = ProcessPoolExecutor(
            count,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=_initargs(modules_by_dirs, previous, store),
        )
        try:
            pending: deque[Any] = deque()
            queued = iter(chunks)
            for part in queued:
                pending.append((part, pool.submit(_lint_chunk, part)))
                if len(pending) >= count * 2:
                    break
            while pending:
                part, future = pending.popleft()
                sent = future.result()
                for more in queued:  # keep the workers busy while this chunk is unpacked
                    pending.append((more, pool.submit(_lint_chunk, more)))
                    break
                for (job, _key), plain in zip(part, sent, strict=True):
                    modules = modules_by_dirs[job.options.rule_dirs]
                    result = _rebuild(plain, rules[job.options.rule_dirs])
                    yield job, result if result is not None else lint_one(job, modules, previous)
                    done += 1
        finally:
            # After an early stop (Ctrl-C, a closed pipe) the chunks not yet started are dropped.
            pool.shutdown(wait=True, cancel_futures=True)
    except (BrokenProcessPool, OSError):
        # A worker died or could not be started: finish here, as the sequential loop would.
        yield from _here(keyed[done:], previous, modules_by_dirs, store)
    finally:
        _STATE.clear()


def _context() -> Any:
    import multiprocessing

    # Forking shares the loaded rule modules and validator; elsewhere use the platform's default.
    if sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _initargs(modules_by_dirs: dict, previous: Report | None, store: ResultCache | None) -> tuple[Any, ...]:
    return (tuple(modules_by_dirs), previous, store)


_STATE: dict[str, Any] = {}


def _start_worker(
    rule_dirs: tuple[tuple[Path, ...], ...], previous: Report | None, store: ResultCache | None = None
) -> None:
    """Load what every job needs, once per worker (a forked worker already has it)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if "modules" not in _STATE:
        _STATE["modules"] = {dirs: engine.load_rule_modules(dirs) for dirs in rule_dirs}
        _STATE["previous"] = previous
        _STATE["cache"] = store
        from . import schema

        schema.prepare()


def _lint_chunk(keyed: list[tuple[Job, str | None]]) -> list[Any]:
    """Lint in a worker; results go back as plain data (and into the cache from here)."""
    modules_by_dirs = _STATE["modules"]
    store: ResultCache | None = _STATE.get("cache")
    out = []
    for job, key in keyed:
        if job.options.rule_dirs not in modules_by_dirs:
            modules_by_dirs[job.options.rule_dirs] = engine.load_rule_modules(job.options.rule_dirs)
        modules = modules_by_dirs[job.options.rule_dirs]
        result = lint_one(job, modules, _STATE["previous"])
        plain = _plain(result, _rules_by_code(modules))
        if store is not None and key is not None and plain is not None and not result.crashed:
            store.store(key, plain)
        out.append(plain)
    return out


# ---------------------------------------------------------------- findings as plain data

_SCALARS = (str, int, float, bool, type(None), Decimal)
_RULE_FIELDS = tuple(f.name for f in dataclasses.fields(Rule))


def _rules_by_code(modules: Sequence[engine.RuleModule]) -> dict[str, Rule]:
    return {rule.code: rule for rule in engine.all_rules(modules)}


def _plain(result: FileResult, known: dict[str, Rule]) -> Any:
    """The result as builtins only, or None when something in it is not plain data."""
    if type(result) is not FileResult:
        return None
    sent = ("findings", "report")  # the report stays in the worker: html output lints in one process
    rest = {f.name: getattr(result, f.name) for f in dataclasses.fields(result) if f.name not in sent}
    rest["excerpts"] = tuple(tuple(excerpt) for excerpt in result.excerpts)
    if not all(_is_plain(value) for value in rest.values()):
        return None
    findings = []
    for finding in result.findings:
        if type(finding) is not Finding or type(finding.pos) is not Pos:
            return None
        rule = finding.rule
        if known.get(rule.code) is rule:
            sent_rule: Any = rule.code
        elif type(rule) is Rule and type(rule.severity) is Severity:
            sent_rule = tuple(getattr(rule, name) for name in _RULE_FIELDS)  # a rule of no module's RULES
        else:
            return None
        if (
            not (_is_plain(finding.path) and _is_plain(finding.args) and _is_plain(finding.covers))
            or type(finding.span) is not int
        ):
            return None
        fix = _plain_fix(finding.fix)
        if fix is False:
            return None
        findings.append(
            (
                sent_rule,
                finding.pos.line,
                finding.pos.col,
                finding.path,
                finding.args,
                finding.covers,
                finding.span,
                fix,
            )
        )
    return rest, findings


def _plain_fix(fix: Fix | None) -> Any:
    """A fix as builtins (None for none), or False when it is not the plain record."""
    if fix is None:
        return None
    if type(fix) is not Fix or not all(type(e) is Edit and type(e.content) is str for e in fix.edits):
        return False
    edits = [(e.start.line, e.start.col, e.end.line, e.end.col, e.content) for e in fix.edits]
    if not _is_plain([fix.applicability, fix.message_zh, fix.message_en]):
        return False
    return (fix.applicability, fix.message_zh, fix.message_en, edits)


def _rebuild_fix(plain: Any) -> Fix | None:
    if plain is None:
        return None
    applicability, message_zh, message_en, edits = plain
    return Fix(
        tuple(Edit(Pos(a, b), Pos(c, d), content) for a, b, c, d, content in edits),
        applicability,
        message_zh,
        message_en,
    )


def _is_plain(value: Any) -> bool:
    kind = type(value)
    if kind in _SCALARS or kind is Severity or kind is Pos:
        return True
    if kind is tuple or kind is list:
        return all(_is_plain(item) for item in value)
    if kind is dict:
        return all(type(key) is str and _is_plain(item) for key, item in value.items())
    return False


def _rule(fields: Any) -> Rule:
    """A rule sent field by field; its `fix` tuple may have come back from JSON as a list."""
    rule = Rule(*fields)
    return dataclasses.replace(rule, fix=tuple(rule.fix))


def _rebuild(plain: Any, known: dict[str, Rule]) -> FileResult | None:
    if plain is None:
        return None
    rest, sent = plain
    findings = []
    for sent_rule, line, col, path, args, covers, span, fix in sent:
        rule = known[sent_rule] if isinstance(sent_rule, str) else _rule(sent_rule)
        findings.append(
            Finding(rule, Pos(line, col), path, args, covers=covers, span=span, fix=_rebuild_fix(fix))
        )
    excerpts = tuple(Excerpt(*excerpt) for excerpt in rest.pop("excerpts", ()))
    return FileResult(findings=findings, excerpts=excerpts, **rest)
