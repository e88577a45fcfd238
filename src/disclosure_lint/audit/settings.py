"""The audit's own file (`audit-map.yaml` beside the reports, or `--map FILE`).

    names:                 # other names of one organ → the name the audit uses
      某县市场和质量监督管理局: 某县市场监督管理局
    summaries:             # a summary report and the organs whose reports it adds up
      某县人民政府:
        covers: [某县教育局, 某县卫生健康委员会]
        tolerance: 0       # how far a sum may be off (applications; default 0)
    copy_share: 50         # per cent of a part's text shared with another report to report it
    deadlines:             # earlier local deadlines by 报告类型: month-day of the next year
      部门: 02-28
    deadline_source: 某省政务公开办通知

Every mistake in it is one line naming the file, line and column (exit 2): an audit that
silently ignores a misspelt key would report a region as clean when it was never checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import statute

MAP_NAMES = ("audit-map.yaml", "audit-map.yml")
COPY_SHARE = 50
MIN_CHARS = 80  # shorter parts are alike in every report by nature ("本年度未收取信息处理费")


class SettingsError(Exception):
    """One line: file:line:col: what is wrong."""


@dataclass(frozen=True)
class Summary:
    covers: tuple[str, ...]
    tolerance: int = 0


@dataclass(frozen=True)
class Settings:
    source: Path | None = None
    names: dict[str, str] = field(default_factory=dict)
    summaries: dict[str, Summary] = field(default_factory=dict)
    copy_share: int = COPY_SHARE
    min_chars: int = MIN_CHARS
    deadlines: dict[str, tuple[int, int]] = field(default_factory=dict)
    deadline_source: str = ""

    def body(self, agency: str) -> str:
        """The name the audit files a report under: its map entry, else the name as written."""
        squeezed = "".join(agency.split())
        return self.names.get(squeezed, squeezed)


def find(folders: list[Path]) -> Path | None:
    """`audit-map.yaml` in the first folder that has one."""
    for folder in folders:
        for name in MAP_NAMES:
            candidate = folder / name
            if folder.is_dir() and candidate.is_file():
                return candidate
    return None


def read(path: Path) -> Settings:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SettingsError(
            f"{path}:1:1: cannot be read: {getattr(error, 'strerror', None) or error}"
        ) from None
    try:
        data = YAML(typ="rt").load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark is not None else "1:1"
        raise SettingsError(f"{path}:{where}: not valid YAML: {getattr(error, 'problem', error)}") from None
    if data is None:
        return Settings(source=path)
    if not isinstance(data, dict):
        raise SettingsError(f"{path}:1:1: must be a mapping of names, summaries, copy_share, deadlines")
    return _parse(path, data)


_KEYS = ("names", "summaries", "copy_share", "min_chars", "deadlines", "deadline_source")


def _parse(path: Path, data: Any) -> Settings:
    def where(node: Any, key: Any) -> str:
        try:
            line, col = node.lc.key(key)
            return f"{path}:{line + 1}:{col + 1}"
        except (AttributeError, KeyError, TypeError):
            return f"{path}:1:1"

    def fail(node: Any, key: Any, problem: str) -> SettingsError:
        return SettingsError(f"{where(node, key)}: {problem}")

    for key in data:
        if key not in _KEYS:
            raise fail(data, key, f"unknown key {key!r} (known: {', '.join(_KEYS)})")
    names: dict[str, str] = {}
    for old, new in (data.get("names") or {}).items():
        if not isinstance(old, str) or not isinstance(new, str) or not new.strip():
            raise fail(data["names"], old, "names maps a name to the name to use, both text")
        names["".join(old.split())] = "".join(new.split())
    summaries: dict[str, Summary] = {}
    for body, entry in (data.get("summaries") or {}).items():
        covers = entry.get("covers") if isinstance(entry, dict) else None
        if not isinstance(covers, list) or not covers or not all(isinstance(c, str) for c in covers):
            raise fail(data["summaries"], body, "a summary needs 'covers:' with a list of organ names")
        tolerance = entry.get("tolerance", 0)
        if isinstance(tolerance, bool) or not isinstance(tolerance, int) or tolerance < 0:
            raise fail(entry, "tolerance", "tolerance must be a whole number of applications, 0 or more")
        canonical = "".join(str(body).split())
        summaries[names.get(canonical, canonical)] = Summary(
            tuple(names.get(n, n) for n in ("".join(c.split()) for c in covers)), tolerance
        )
    share = data.get("copy_share", COPY_SHARE)
    if isinstance(share, bool) or not isinstance(share, int) or not 1 <= share <= 100:
        raise fail(data, "copy_share", "copy_share must be a per cent from 1 to 100")
    min_chars = data.get("min_chars", MIN_CHARS)
    if isinstance(min_chars, bool) or not isinstance(min_chars, int) or min_chars < 8:
        raise fail(data, "min_chars", "min_chars must be a whole number of characters, 8 or more")
    deadlines: dict[str, tuple[int, int]] = {}
    for kind, value in (data.get("deadlines") or {}).items():
        if kind not in statute.REPORT_KINDS:
            raise fail(
                data["deadlines"], kind, f"deadlines are by 报告类型: {', '.join(statute.REPORT_KINDS)}"
            )
        match = re.fullmatch(r"(\d{1,2})-(\d{1,2})", str(value).strip())
        if match is None or not _valid(int(match.group(1)), int(match.group(2))):
            raise fail(
                data["deadlines"],
                kind,
                f"a deadline is month-day of the next year, e.g. 02-28, not {value!r}",
            )
        deadlines[kind] = (int(match.group(1)), int(match.group(2)))
    source = data.get("deadline_source", "")
    return Settings(path, names, summaries, share, min_chars, deadlines, str(source or ""))


def _valid(month: int, day: int) -> bool:
    import datetime

    try:
        datetime.date(2024, month, day)  # a leap year: 02-29 is a valid deadline
    except ValueError:
        return False
    return True
