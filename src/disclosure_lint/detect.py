"""Is this YAML an annual report at all? For hooks and CI jobs that pass every YAML file.

A pre-commit hook or a `disclosure-lint .` over a repository also meets CI configs,
docker-compose files and mkdocs.yml. Every report, however badly written, names at least one
of its top-level keys (机关, 年度, a part such as 总体情况 — perhaps with an ordinal, 一、总体情况,
or a full-width colon). A YAML file in which no key holds any of them is something else.

The test reads the text line by line rather than the parsed YAML: a file that is not a report
may well not parse as our loader reads YAML (two documents, `!Ref` or `!!python/name` tags),
and it must be recognised all the same.
"""

from __future__ import annotations

import re

from . import messages as m
from . import statute as s
from .findings import START, Finding

# The report's top-level keys, the headings publishers print for its parts, and the four rows of
# table 三 that no other document names (a file holding only that table is a report's fragment).
REPORT_WORDS: tuple[str, ...] = (
    s.VERSION,
    s.AGENCY,
    s.YEAR,
    s.KIND,
    s.PUBLISHED,
    *dict.fromkeys(heading for headings in s.PART_HEADINGS.values() for heading in headings),
    s.NEW,
    s.CARRIED_IN,
    s.RESULTS,
    s.CARRIED_OUT,
)
_KEY = re.compile(r"^[ \t]*(?:-[ \t]+)*[{\[,]?[ \t]*[\"']?([^\s:：#\"']{1,80})[\"']?[ \t]*[:：]")


def looks_like_report(text: str) -> bool:
    """True when some key of the text holds one of the report's keys (机关, 年度, 总体情况 …)."""
    for line in text.splitlines():
        match = _KEY.match(line.lstrip("\ufeff"))
        if match is not None and any(word in match.group(1) for word in REPORT_WORDS):
            return True
    return False


def not_a_report() -> Finding:
    """What a YAML file named on the command line that has none of the report's keys is told."""
    keys = "、".join(REPORT_WORDS[:5])
    return m.NOT_A_REPORT.at(
        START,
        reason=f"这个 YAML 文件没有年度报告的任何一项（{keys}、{s.PART1}……），不是政府信息公开工作年度报告",
        reason_en=f"this YAML file has none of an annual report's keys ({', '.join(REPORT_WORDS[:5])}, {s.PART1} …): it is not a government information disclosure annual report",
    )
