"""Lint many reports at once, in parallel across cores, with results in the order given.

    for job, result in lint_many(jobs, previous=previous, modules_by_dirs=modules_by_dirs):
        ...print result with job.options...

Each `Job` is what the sequential loop passes to `lint_path` (or `lint_bytes` for standard
input): the path and the options found for it. The jobs stream through: each is planned (its
result looked up in the cache) a bounded number of jobs ahead of its turn, and once
`PARALLEL_FROM` of them need linting and more than one CPU is usable, one pool of worker
processes takes them for the rest of the run, in chunks sized to keep every worker busy;
otherwise, and whenever the pool cannot be used, they are linted in this process. Either way
the results are the same `FileResult`s, finding for finding, in the same order, and each is
handed on as soon as those before it are (this process keeps none):

* Each worker loads the rule modules once (inherited from this process when it is forked) and
  keeps one jsonschema validator, so a job costs only its own loading and checking; it stores
  its results in the cache itself.
* A result crosses the process boundary as plain data (`plain.py`) and its findings are bound
  again here to the very `Rule` objects this process loaded; a result that cannot be sent as
  plain data is linted again here instead.
* A configuration or plugin error surfaces where the sequential loop would meet it: the
  results of the jobs before it are yielded first, then it is raised.
"""

from __future__ import annotations

import gc
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import engine
from .config import Options
from .document import Report
from .findings import Rule
from .lint import lint_bytes, lint_path
from .plain import as_plain, from_plain, rules_by_code
from .result import FileResult

if TYPE_CHECKING:
    from .cache import ResultCache  # imported only when a run caches (hashlib and the rest)

PARALLEL_FROM = 9  # fewer files than this are quicker to lint than to start a pool for
LOOKAHEAD = 512  # jobs planned ahead of the next result: the main process's memory stays flat
MAX_CHUNK = 16  # jobs sent to a worker at once: large enough to amortise, small enough to balance


class Job(NamedTuple):
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
    options and rules; a report checked against `previous` is not cached.

    The jobs stream through: each is planned (its cache key looked up) at most `LOOKAHEAD` jobs
    before its result is due, the misses go to one pool of workers for the whole run in chunks
    that keep every worker busy, and each result is handed on as soon as the ones before it
    are; this process keeps no result.
    """
    stream = _Stream({} if modules_by_dirs is None else modules_by_dirs, previous, workers, cache)
    threshold = gc.get_threshold()
    _collect_less()  # and the workers forked below inherit it
    try:
        yield from stream.results(iter(jobs))
    finally:
        stream.close()
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _collect_less() -> None:
    """Python's cycle collector scans every container object: each full collection walked the
    rules, the schema and the YAML library loaded for the run (tens of thousands of objects),
    and a report's thousands of short-lived objects set off hundreds of young collections, which
    find next to nothing (they are freed by reference counting). For the run, what is loaded is
    frozen out of the collector's sight and young collections come less often: about a twentieth
    of a report's time, and no result changes."""
    gc.freeze()
    first, *older = gc.get_threshold()
    gc.set_threshold(max(first, 5_000), *older)


class _Chunk:
    """Jobs sent to a worker together; `remaining` counts those whose result is not yet handed on."""

    __slots__ = ("future", "remaining")

    def __init__(self, future: Any, remaining: int) -> None:
        self.future = future
        self.remaining = remaining


class _Planned:
    """A job looked up in the cache (`stored`: its entry as read, None for a miss), and the chunk
    it was sent in and where in it."""

    __slots__ = ("chunk", "index", "job", "key", "stored")

    def __init__(self, job: Job, key: str | None, stored: str | None) -> None:
        self.job = job
        self.key = key
        self.stored = stored
        self.chunk: _Chunk | None = None
        self.index = 0


class _Stream:
    """One run of `lint_many`: plans jobs ahead, feeds the pool, hands results on in order."""

    def __init__(
        self,
        modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]],
        previous: Report | None,
        workers: int | None,
        cache: bool | ResultCache,
    ) -> None:
        self.modules_by_dirs = modules_by_dirs
        self.previous = previous
        self.count = workers or usable_cpus()
        self.given: ResultCache | None = None
        self.store: ResultCache | None = None
        if cache is not False and previous is None:
            from .cache import ResultCache, default_folder

            self.given = cache if isinstance(cache, ResultCache) else None
            self.store = self.given or ResultCache(default_folder(), "")
        self.salted: dict[tuple[Path, ...], ResultCache] = {}  # the keys' cache, by rule set
        self.rules: dict[tuple[Path, ...], dict[str, Rule]] = {}
        self.pending: deque[_Planned] = deque()  # planned, in job order, result not yet handed on
        self.waiting: list[_Planned] = []  # misses not yet sent to a worker
        self.pool: Any = None
        self.pooling: bool | None = None  # None: not decided yet; False: every job here
        self.outstanding = 0  # chunks sent whose results are not all handed on

    # ------------------------------------------------------------ the run

    def results(self, source: Iterator[Job]) -> Iterator[tuple[Job, FileResult]]:
        failure: BaseException | None = None
        exhausted = False
        while True:
            while not exhausted and self._wants_more():
                try:  # building a job may raise ConfigError, loading its rules PluginError: keep it for its turn
                    self._plan(next(source))
                except StopIteration:
                    exhausted = True
                except Exception as error:
                    failure, exhausted = error, True
            if exhausted and self.pooling is None:
                self.pooling = False  # too few misses for a pool: the rest are linted here
            self._send(finish=exhausted)
            if not self.pending:
                break
            yield self._next()
        if failure is not None:
            raise failure

    def _wants_more(self) -> bool:
        if len(self.pending) >= LOOKAHEAD:
            return False
        # With every worker's queue full, plan only until the next chunk is ready.
        return not (self.pooling and self.outstanding >= 2 * self.count and len(self.waiting) >= MAX_CHUNK)

    def _plan(self, job: Job) -> None:
        dirs = job.options.rule_dirs
        if dirs not in self.modules_by_dirs:
            self.modules_by_dirs[dirs] = engine.load_rule_modules(dirs)
        key = self._key(job)
        stored = self.store.read(key) if key is not None and self.store is not None else None
        planned = _Planned(job, key, stored)
        self.pending.append(planned)
        if stored is not None:
            return
        self.waiting.append(planned)
        if self.pooling is None and len(self.waiting) >= PARALLEL_FROM:
            self.pooling = self.count > 1 and self._start()

    def _key(self, job: Job) -> str | None:
        if self.store is None:
            return None
        store = self.given
        if store is None:
            dirs = job.options.rule_dirs
            if dirs not in self.salted:
                from .cache import ResultCache

                self.salted[dirs] = ResultCache.for_rules(self.modules_by_dirs[dirs])
            store = self.salted[dirs]
        if job.raw is not None:
            return store.key(job.name or str(job.path), job.options, job.raw)
        return store.key_for_file(job.path, job.options)

    def _next(self) -> tuple[Job, FileResult]:
        planned = self.pending.popleft()
        job = planned.job
        if planned.stored is not None:
            assert self.store is not None  # only a caching run reads stored results
            result = _from_stored(self.store.parse(planned.stored), self._rules(job))
            if result is not None:
                return job, result
            return job, self._here(planned)  # a damaged or unreadable entry: lint again, and mend it
        if planned.chunk is None and self.pooling:
            self._send(finish=True)  # the next result is due: send it now, with what waits
        if planned.chunk is None:
            self.waiting.remove(planned)
            return job, self._here(planned)
        chunk = planned.chunk
        chunk.remaining -= 1
        if chunk.remaining == 0:
            self.outstanding -= 1
        from concurrent.futures.process import BrokenProcessPool

        try:
            sent = chunk.future.result()
        except (BrokenProcessPool, OSError):  # a worker died: finish here, as the sequential loop would
            self._stop_pool()
            return job, self._here(planned)
        result = from_plain(sent[planned.index], self._rules(job))
        return job, result if result is not None else self._here(planned, store=False)

    def _here(self, planned: _Planned, store: bool = True) -> FileResult:
        modules = self.modules_by_dirs[planned.job.options.rule_dirs]
        result = lint_one(planned.job, modules, self.previous)
        if store:
            _remember(self.store, planned.key, result, self._rules(planned.job))
        return result

    def _rules(self, job: Job) -> dict[str, Rule]:
        dirs = job.options.rule_dirs
        if dirs not in self.rules:
            self.rules[dirs] = rules_by_code(self.modules_by_dirs[dirs])
        return self.rules[dirs]

    # ------------------------------------------------------------ the pool

    def _send(self, finish: bool) -> None:
        """Send waiting misses: a full chunk at a time, or, when a worker would otherwise sit idle
        (or no more jobs come), what waits, shared among the idle workers."""
        if not (self.pooling and self.waiting):
            return  # one report, or all linted here: the pool's modules are not even imported
        from concurrent.futures.process import BrokenProcessPool

        while self.pooling and self.waiting:
            idle = self.count - self.outstanding
            if len(self.waiting) >= MAX_CHUNK and self.outstanding < 2 * self.count:
                size = MAX_CHUNK
            elif idle > 0 or finish:
                size = min(MAX_CHUNK, -(-len(self.waiting) // max(1, idle)))
            else:
                return
            part, self.waiting = self.waiting[:size], self.waiting[size:]
            try:
                future = self.pool.submit(_lint_chunk, [(p.job, p.key) for p in part])
            except (BrokenProcessPool, OSError, RuntimeError):
                self._stop_pool()  # what was not sent is linted here
                self.waiting = part + self.waiting
                return
            chunk = _Chunk(future, len(part))
            for index, planned in enumerate(part):
                planned.chunk, planned.index = chunk, index
            self.outstanding += 1

    def _start(self) -> bool:
        """Start the workers (forked where possible, so they inherit the loaded rules)."""
        _in_pool(self)
        return self.pool is not None

    def _stop_pool(self) -> None:
        self.pooling = False
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def close(self) -> None:
        """After the run, or an early stop (Ctrl-C, a closed pipe): the chunks not started are dropped."""
        try:
            if self.pool is not None:
                self.pool.shutdown(wait=True, cancel_futures=True)
                self.pool = None
        finally:
            _STATE.clear()


def _in_pool(stream: _Stream) -> None:
    """Start `stream`'s pool of workers; on a platform or in a sandbox that cannot, leave none."""
    from concurrent.futures import ProcessPoolExecutor

    from . import schema

    schema.prepare()  # once here: forked workers inherit the validator
    # Inherited by forked workers:
    _STATE.update(modules=stream.modules_by_dirs, previous=stream.previous, cache=stream.store)
    for output in (sys.stdout, sys.stderr):  # or a forked worker would print their buffers again
        output.flush()
    try:
        stream.pool = ProcessPoolExecutor(
            stream.count,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=_initargs(stream.modules_by_dirs, stream.previous, stream.store),
        )
    except (OSError, ValueError, NotImplementedError):
        stream.pool = None
        _STATE.clear()


def _from_stored(plain: Any, known: dict[str, Rule]) -> FileResult | None:
    if plain is None:
        return None
    try:
        return from_plain(plain, known)
    except (KeyError, TypeError, ValueError):  # a damaged entry (the key covers the rule set)
        return None


def _remember(store: ResultCache | None, key: str | None, result: FileResult, known: dict[str, Rule]) -> None:
    """Keep a result for next time; never a crash (it may be a passing fault) or non-plain data."""
    if store is None or key is None or result.crashed:
        return
    plain = as_plain(result, known)
    if plain is not None:
        store.store(key, plain)


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
        _collect_less()  # a forked worker has it already


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
        known = _STATE.setdefault("rules", {})
        if job.options.rule_dirs not in known:
            known[job.options.rule_dirs] = rules_by_code(modules)
        plain = as_plain(result, known[job.options.rule_dirs])
        if store is not None and key is not None and plain is not None and not result.crashed:
            store.store(key, plain)
        out.append(plain)
    return out
