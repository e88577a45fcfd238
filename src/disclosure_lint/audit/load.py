"""Finding a folder's reports and reading each once, in parallel where there are many.

Importing a published document (a PDF above all) is the slow part of an audit; the loaded
reports are small (a few hundred values and the source text), so every report of a region is
kept in memory once for the checks across reports, and each file is read only once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import statute
from ..document import Report
from ..intake import reader_for
from ..loader import Loaded


def suffixes() -> frozenset[str]:
    """What the audit reads: YAML reports and every kind of document the linter imports."""
    from ..intake import READERS

    return frozenset(READERS)


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

    Importing a document (a PDF above all) is slow, so published documents go to a process pool
    when there are several and more than one CPU; YAML is read here, since sending a loaded report
    back from a worker costs about as much as reading it (300 YAML reports: 3.3 s here, 4.4-6.1 s
    through two workers on a busy machine). A pool that cannot start or breaks leaves the rest to
    this process.
    """
    from ..batch import usable_cpus

    documents = [i for i, path in enumerate(paths) if reader_for(path) != "yaml"]
    count = min(workers or usable_cpus(), len(documents))
    results: dict[int, Loaded] = {}
    if count > 1 and len(documents) >= POOL_FROM:
        results = _in_pool([paths[i] for i in documents], documents, max_bytes, count)
    return [results[i] if i in results else _load(path, max_bytes) for i, path in enumerate(paths)]


POOL_FROM = 4  # documents: an import takes from a tenth of a second (HTML) to seconds (PDF)


def _in_pool(paths: list[Path], indices: list[int], max_bytes: int, count: int) -> dict[int, Loaded]:
    import sys
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from ..batch import _context

    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    results: dict[int, Loaded] = {}
    try:
        with ProcessPoolExecutor(count, mp_context=_context()) as pool:
            for index, loaded in zip(indices, pool.map(_load, paths, [max_bytes] * len(paths)), strict=False):
                results[index] = loaded
    except (BrokenProcessPool, OSError):
        pass  # the files not yet read are read in this process
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
    return report._replace(data={**report.data, statute.AGENCY: name})
