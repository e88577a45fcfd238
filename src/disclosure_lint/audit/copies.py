"""Copied text: a part repeating last year's report of the same organ (DL723, the `--previous`
rule, here with the audit's threshold and the passage quoted), or another organ's report of the
same year (DL804). Each finding quotes the longest shared passage and gives the share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from .. import statute
from ..document import Report
from ..findings import Finding, Path, Rule
from . import similarity
from .codes import COPIED_ACROSS, with_other_side
from .load import Entry
from .settings import Settings

_LAST_YEAR_RULE: dict[str, Rule] = {}


def use_last_year_rule(rule: Rule) -> None:
    """DL723 as the linter loaded it (from rules/previous_year.py), so its code and words are one."""
    _LAST_YEAR_RULE["rule"] = rule


def part_texts(report: Report) -> Iterator[tuple[Path, str]]:
    for path in report.text_paths():
        value = report.get(path)
        if isinstance(value, str) and value.strip():
            yield path, value


def _label(path: Path) -> str:
    return "·".join(str(step) for step in path)


def copied_from_last_year(entry: Entry, last: Entry, settings: Settings) -> Iterator[Finding]:
    rule = _LAST_YEAR_RULE.get("rule")
    report, previous = entry.report, last.report
    if rule is None or report is None or previous is None:
        return
    for path, value in part_texts(report):
        before = previous.get(path)
        if not isinstance(before, str):
            continue
        text = similarity.prepare(path, value)
        other = similarity.prepare(path, before)
        if not similarity.comparable(text, settings.min_chars) or not other.norm:
            continue
        share = similarity.share(text, other)
        if share < settings.copy_share:
            continue
        passage = similarity.longest(text, other)
        pos, other_pos = report.text_pos(path, passage.start), previous.text_pos(path, passage.other_start)
        yield Finding(
            with_other_side(_with_passage(rule)), pos, path,
            {
                "part": _label(path), "share": share, "previous": f"上年（{last.year} 年度）报告",
                "previous_en": f"last year's report ({last.year})", "previous_file": last.name,
                "passage": passage.quote, "other": f"{last.name}:{other_pos.line}:{other_pos.col}",
                "other_identity": str(last.year),
            },
        )  # fmt: skip


_PASSAGE: dict[int, Rule] = {}


def _with_passage(rule: Rule) -> Rule:
    if id(rule) not in _PASSAGE:
        _PASSAGE[id(rule)] = rule._replace(
            message_zh=rule.message_zh + "。最长的相同段落：“{passage}”",
            message_en=rule.message_en + ". The longest shared passage: '{passage}'",
        )
    return _PASSAGE[id(rule)]


def copied_across(entries: Sequence[Entry], settings: Settings) -> Iterator[tuple[Entry, Finding]]:
    """DL804 for each pair of one year's reports sharing a part: once per pair, naming the other, in
    the report published later (the copy cannot come first), else in the one whose part is the more
    copied, else in the later file."""
    by_path: dict[Path, list[similarity.Text]] = defaultdict(list)
    for entry in entries:
        if entry.report is None:
            continue
        for path, value in part_texts(entry.report):
            text = similarity.prepare((entry, path), value)
            if similarity.comparable(text, settings.min_chars):
                by_path[_family(path)].append(text)
    for texts in by_path.values():
        for a, b, forward, backward in similarity.pairs(texts, settings.copy_share):
            later = (_published(b), backward) >= (_published(a), forward)
            (mine, theirs, share) = (b, a, backward) if later else (a, b, forward)
            owner, path = mine.key  # type: ignore[misc]
            other, other_path = theirs.key  # type: ignore[misc]
            passage = similarity.longest(mine, theirs)
            pos = owner.report.text_pos(path, passage.start)
            other_pos = other.report.text_pos(other_path, passage.other_start)
            yield owner, COPIED_ACROSS.at(
                pos, path, part=_label(path), share=share, other_body=other.body, passage=passage.quote,
                other=f"{other.name}:{other_pos.line}:{other_pos.col}", other_identity=f"{other.body} {other.year}",
            )  # fmt: skip


def _family(path: Path) -> Path:
    """Parts compared with each other: the same part (part 一's aspects each on their own)."""
    return path if path[0] == statute.PART1 else path[:1]


def _published(text: similarity.Text) -> str:
    """The publication date as ISO text ('' when unknown), to order two reports of one year."""
    entry = text.key[0]  # type: ignore[index]
    value = entry.report.get((statute.PUBLISHED,)) if entry.report is not None else None
    return value.isoformat() if hasattr(value, "isoformat") else str(value or "")
