"""One audit: read every report once, file each under its organ and year, lint it with last
year's report attached, then the checks across reports. Results are the linter's `FileResult`s,
so every output format prints them; a finding across reports sits in the later (or summary)
report and names the other file with its line and column.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .. import engine, statute
from ..config import Overrides, options_for
from ..findings import Finding
from ..lint import FileResult
from . import compare, parents, preface
from .codes import DUPLICATE, LOCAL_DEADLINE, UNIDENTIFIED, YEAR_GAP
from .copies import copied_across, copied_from_last_year, use_last_year_rule
from .lint_phase import COPIED, Task, lint_all
from .load import Entry, agency_of, load_all, year_of
from .settings import Settings


@dataclass
class Audit:
    entries: list[Entry]
    results: list[FileResult]
    modules: list[engine.RuleModule]
    previous: dict[str, str] = field(default_factory=dict)  # file → last year's file
    identity: dict[str, str] = field(default_factory=dict)  # file → "organ 年度" for the baseline


def audit(
    paths: Sequence[Path], settings: Settings, overrides: Overrides, workers: int | None = None
) -> Audit:
    base = options_for(None, overrides)
    loaded = load_all(paths, base.max_bytes, workers)
    entries = [Entry(path, one) for path, one in zip(paths, loaded, strict=True)]
    for entry in entries:
        if entry.report is not None:
            agency = agency_of(entry.report)
            entry.body = settings.body(agency) if agency else None
            entry.year = year_of(entry.report)
    modules_by_dirs: dict[tuple[Path, ...], list[engine.RuleModule]] = {}
    groups: dict[tuple[str, int], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.body and entry.year is not None:
            groups[(entry.body, entry.year)].append(entry)
    for group in groups.values():
        group.sort(key=_faithfulness)
    primary = {key: group[0] for key, group in groups.items()}
    run = Audit(entries, [], [])
    tasks = []
    for entry in entries:
        options = options_for(entry.path, overrides)
        if options.rule_dirs not in modules_by_dirs:
            modules_by_dirs[options.rule_dirs] = engine.load_rule_modules(options.rule_dirs)
        modules = modules_by_dirs[options.rule_dirs]
        for rule in engine.all_rules(modules):
            if rule.code == COPIED:
                use_last_year_rule(rule)
        tasks.append(Task(entry, _last_year(entry, primary), options, modules))
    extra: dict[str, list[Finding]] = defaultdict(list)
    for task, result in zip(tasks, lint_all(tasks), strict=True):
        entry, last = task.entry, task.last
        if last is not None:
            run.previous[entry.name] = last.name
        result.findings.extend(
            f for f in _cross(entry, last, primary, groups, settings, extra) if task.options.enabled(f.code)
        )
        run.results.append(result)
        run.identity[entry.name] = f"{entry.body} {entry.year}" if entry.body and entry.year else entry.name
    for entry, result in zip(entries, run.results, strict=True):
        options = options_for(entry.path, overrides)
        result.findings.extend(f for f in extra.get(entry.name, ()) if options.enabled(f.code))
        result.findings.sort(key=Finding.sort_key)
    run.modules = [m for modules in modules_by_dirs.values() for m in modules]
    return run


# Which of two copies of one report the chain uses: the one read most faithfully (YAML is read as
# written; a PDF's cells come from its drawing), the other is compared with it (DL803, DL807).
_RANK = {".yaml": 0, ".yml": 0, ".docx": 1, ".html": 2, ".htm": 2, ".md": 3, ".txt": 4, ".pdf": 5}


def _faithfulness(entry: Entry) -> tuple[int, str]:
    return _RANK.get(entry.path.suffix.lower(), 6), entry.name


def _last_year(entry: Entry, primary: dict[tuple[str, int], Entry]) -> Entry | None:
    if entry.body is None or entry.year is None or primary.get((entry.body, entry.year)) is not entry:
        return None
    return primary.get((entry.body, entry.year - 1))


def _cross(
    entry: Entry,
    last: Entry | None,
    primary: dict[tuple[str, int], Entry],
    groups: dict[tuple[str, int], list[Entry]],
    settings: Settings,
    extra: dict[str, list[Finding]],
) -> list[Finding]:
    report = entry.report
    if report is None:
        return []
    if entry.body is None or entry.year is None:
        missing = [w for w, v in (("机关", entry.body), ("年度", entry.year)) if v is None]
        missing_en = [w for w, v in (("organ (机关)", entry.body), ("year (年度)", entry.year)) if v is None]
        return [
            UNIDENTIFIED.at(
                report.key_pos(()), (), missing="和".join(missing), missing_en=" and ".join(missing_en)
            )
        ]
    found: list[Finding] = list(preface.check(report))
    group = groups[(entry.body, entry.year)]
    first = group[0]
    if entry is not first and first.report is not None:
        found.append(
            DUPLICATE.at(
                report.key_pos((statute.AGENCY,)), (), body=entry.body, year=entry.year, other=first.name
            )
        )
        found.extend(compare.differences(report, first.report, first.name))
        return found
    if last is not None:
        found.extend(copied_from_last_year(entry, last, settings))
    else:
        before = [y for (body, y) in primary if body == entry.body and y < entry.year]
        if before and max(before) < entry.year - 1:
            earlier = primary[(entry.body, max(before))]
            found.append(
                YEAR_GAP.at(
                    report.pos((statute.YEAR,)),
                    (statute.YEAR,),
                    body=entry.body,
                    before=max(before),
                    year=entry.year,
                    other=earlier.name,
                    missing="、".join(str(y) for y in range(max(before) + 1, entry.year)),
                )
            )
    summary = settings.summaries.get(entry.body)
    if summary is not None:
        children = {name: primary.get((name, entry.year)) for name in summary.covers}
        found.extend(parents.check(entry, summary, children))
    found.extend(_local_deadline(entry, settings))
    if entry is _first_of_year(primary, entry.year):
        same_year = [e for (body, year), e in sorted(primary.items()) if year == entry.year]
        for owner, finding in copied_across(same_year, settings):
            extra[owner.name].append(finding)
    return found


def _first_of_year(primary: dict[tuple[str, int], Entry], year: int) -> Entry | None:
    return next((e for (body, y), e in sorted(primary.items()) if y == year), None)


def _local_deadline(entry: Entry, settings: Settings) -> list[Finding]:
    """DL809: a place's own earlier deadline (the statutory one is DL503's)."""
    report = entry.report
    if report is None or entry.year is None:
        return []
    kind = report.get((statute.KIND,))
    if not isinstance(kind, str) or kind not in settings.deadlines or kind in report.guessed:
        return []
    published = report.get((statute.PUBLISHED,))
    if isinstance(published, str):
        try:
            published = datetime.date.fromisoformat(published)
        except ValueError:
            return []
    if not isinstance(published, datetime.date):
        return []
    month, day = settings.deadlines[kind]
    import calendar

    deadline = datetime.date(entry.year + 1, month, min(day, calendar.monthrange(entry.year + 1, month)[1]))
    statutory = statute.deadlines.deadline(kind, entry.year)
    if published <= deadline or (statutory is not None and published > statutory):
        return []  # on time, or already late by the statute (DL503 says so)
    path = (statute.PUBLISHED,)
    return [
        LOCAL_DEADLINE.at(
            report.pos(path),
            path,
            published=published.isoformat(),
            kind=kind,
            deadline=deadline.isoformat(),
            source=settings.deadline_source or str(settings.source or "audit-map.yaml"),
        )
    ]
