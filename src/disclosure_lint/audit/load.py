"""Finding a folder's reports and reading each once, in parallel where there are many.

Importing a published document (a PDF above all) is the slow part of an audit; the loaded
reports are small (a few hundred values and the source text), so every report of a region is
kept in memory once for the checks across reports, and each file is read only once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .. import statute
from ..document import Report
from ..loader import Loaded

YAML_SUFFIXES = frozenset({".yaml", ".yml"})


def suffixes() -> frozenset[str]:
    """What the audit reads: YAML reports and every kind of document the linter imports."""
    from ..lint import DOCUMENT_SUFFIXES

    return YAML_SUFFIXES | DOCUMENT_SUFFIXES


@dataclass
class Entry:
    """One file of the audit: what loading it gave, and who and when it reports on."""

    path: Path
    loaded: Loaded
    body: str | None = None  # the organ, after the name map
    year: int | None = None

    @property
    def report(self) -> Report | None:
        return self.loaded.report

    @property
    def name(self) -> str:
        return str(self.path)


def discover(folders: Sequence[Path], skip: Iterable[Path] = ()) -> list[Path]:
    """Report files under the folders (recursively, hidden folders skipped), in a stable order.

    `skip` names files that live beside the reports but are not reports (the name map, a baseline).
    """
    from ..inputs import expand

    skipped = {_real(p) for p in skip}
    patterns = tuple(f"*{suffix}" for suffix in sorted(suffixes()))
    from .settings import MAP_NAMES

    found = expand(list(folders), patterns, ())
    return [p for p in found if _real(p) not in skipped and not (p.name in MAP_NAMES and p.parent in folders)]


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def load_all(paths: Sequence[Path], max_bytes: int, workers: int | None = None) -> list[Loaded]:
    """Every file loaded (YAML read, documents imported), in the order given.

    With many files and more than one CPU the work goes to a process pool (as `batch` does for
    linting); a pool that cannot start or breaks leaves the rest to this process.
    """
    from ..batch import PARALLEL_FROM, usable_cpus

    count = min(workers or usable_cpus(), len(paths))
    if count < 2 or len(paths) < PARALLEL_FROM:
        return [_load(path, max_bytes) for path in paths]
    import sys
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from ..batch import _context

    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    results: list[Loaded] = []
    try:
        with ProcessPoolExecutor(count, mp_context=_context()) as pool:
            chunk = max(1, len(paths) // (count * 4))
            for loaded in pool.map(_load, paths, [max_bytes] * len(paths), chunksize=chunk):
                results.append(loaded)
    except (BrokenProcessPool, OSError):
        pass
    results.extend(_load(path, max_bytes) for path in paths[len(results) :])
    return results


def _load(path: Path, max_bytes: int) -> Loaded:
    from .. import engine
    from ..findings import START
    from ..lint import load_any

    try:
        return load_any(path, max_bytes)
    except Exception as error:  # a fault of ours: one finding naming the file; the audit goes on
        problem = f"{type(error).__name__}: {error}"
        return Loaded(None, [engine.INTERNAL_ERROR.at(START, module="disclosure-lint", error=problem)])


def agency_of(report: Report) -> str:
    """The organ as written, white space removed (PDF and OCR break names over lines)."""
    value = report.get((statute.AGENCY,))
    return "".join(value.split()) if isinstance(value, str) else ""


def year_of(report: Report) -> int | None:
    value = report.get((statute.YEAR,))
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def renamed(report: Report, name: str) -> Report:
    """The report as if its 机关 read `name`: the year-to-year rules compare names literally, and
    the audit has already decided (through the name map) that the two reports are one organ's."""
    if not isinstance(report.data, dict) or report.get((statute.AGENCY,)) == name:
        return report
    return replace(report, data={**report.data, statute.AGENCY: name})
