"""`--fix`: apply the findings' fixes, lint again, and repeat until nothing more is fixable.

As ruff does: each round lints the text, applies every applicable fix that does not overlap one
taken before it, and lints the result; a slip that kept the YAML from being read is mended, the
file is read, and the fixes of the rules follow in later rounds. It stops when no applicable
fix is left, when a round changes nothing or gives a text seen before, or after `MAX_ROUNDS`.
A round whose fixes would make a readable report unreadable is not kept (that is a fault of
ours, reported as such), so `--fix` never leaves a file worse than it found it.

The text is the file's own (its line ends untouched: edits are placed by line and column), and
it is written back in the file's own encoding, byte for byte the same outside the edits; a file
whose bytes would not come back the same (an encoding that does not round-trip) is not written.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass

from .fixes import apply_fixes
from .result import FileResult

MAX_ROUNDS = 100

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark begins the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
)


@dataclass
class Fixed:
    """The text after fixing, how many fixes were applied, and the findings that remain."""

    text: str
    applied: int
    result: FileResult
    broke: bool = False  # a round's fixes would have made the report unreadable: not kept


def fix_text(text: str, lint: Callable[[str], FileResult], unsafe: bool = False) -> Fixed:
    """Fix `text` to a fixed point; `lint` gives the findings (with their fixes) of a text."""
    result = lint(text)
    if result.not_a_report:  # YAML of another tool (detect.py): not ours to change
        return Fixed(text, 0, result)
    applied = 0
    seen = {text}
    for _ in range(MAX_ROUNDS):
        fixes = [f.fix for f in result.findings if f.fix is not None and f.fix.applies(unsafe)]
        if not fixes:
            break
        mended, count = apply_fixes(text, fixes)
        if not count or mended in seen:
            break
        after = lint(mended)
        if after.unreadable and not result.unreadable:
            return Fixed(text, applied, result, broke=True)
        text, result, applied = mended, after, applied + count
        seen.add(text)
    return Fixed(text, applied, result)


def encoder(raw: bytes, text: str, codec: str) -> Callable[[str], bytes] | None:
    """How to write a text back as the file `raw` was written (its byte order mark included);
    None when `text` read from `raw` would not give back the very same bytes."""
    bom = b""
    if codec in ("utf-8-sig", "utf-16", "utf-32"):
        for mark, explicit in _BOMS:
            if raw.startswith(mark):
                bom, codec = mark, explicit
                break

    def encode(new: str) -> bytes:
        return bom + new.encode(codec)

    try:
        same = encode(text) == raw
    except (UnicodeError, LookupError):
        same = False
    return encode if same else None
