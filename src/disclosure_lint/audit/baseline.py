"""A record of findings a person has reviewed, so the next audit shows only what is new.

A finding is known by a fingerprint of what it is about, never of where the file happens to put
it: the rule, the report (organ and year, or the file's name when those are unknown), the cell or
part (its path in the report), the other report it names, and the figures it compares. Lines move
when a paragraph is rewritten; none of these do. A figure that changes makes a new finding, for a
reviewed carry-over of 3 against 4 says nothing about one of 3 against 5.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..findings import Finding

VERSION = 1
# Arguments that are figures (not words or positions): part of what a finding is about.
FIGURES = ("actual", "expected", "last", "issued", "repealed", "value")


class BaselineError(Exception):
    """One line: the file and what is wrong with it."""


def fingerprint(finding: Finding, identity: str) -> str:
    figures = {key: str(finding.args[key]) for key in FIGURES if key in finding.args}
    about = [
        finding.code,
        identity,
        [str(step) for step in finding.path],
        str(finding.args.get("other_identity", "")),
        figures,
    ]
    return hashlib.sha256(json.dumps(about, ensure_ascii=False).encode()).hexdigest()[:20]


def read(path: Path) -> set[str]:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: cannot be read: {getattr(error, 'strerror', None) or error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"{path}:{error.lineno}:{error.colno}: not a baseline: {error.msg}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != VERSION:
        raise BaselineError(f"{path}:1:1: not a disclosure-lint audit baseline (version {VERSION})")
    return {str(e.get("fingerprint")) for e in entries if isinstance(e, dict) and e.get("fingerprint")}


def render(entries: Iterable[tuple[str, str, str, Finding]]) -> str:
    """The baseline file: one entry per finding (fingerprint, code, report, file, message), sorted,
    so that a reviewer can read it and a version-control diff shows what changed."""
    rows = sorted(
        (
            {
                "fingerprint": fp,
                "code": finding.code,
                "report": identity,
                "file": filename,
                "message": finding.message("zh"),
            }
            for fp, identity, filename, finding in entries
        ),
        key=lambda row: (row["report"], row["code"], row["fingerprint"]),
    )
    unique = list({row["fingerprint"]: row for row in rows}.values())
    document = {"version": VERSION, "tool": "disclosure-lint audit", "findings": unique}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
