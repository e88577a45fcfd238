"""Making any text safe for the place it is written: a terminal, XML, JSON.

Report content, keys and file names come from whoever wrote the report. Printed raw, an
escape sequence can clear the screen or recolour it, a newline can forge a finding line,
and a right-to-left override can make a line read differently from what it says; in XML
most control characters are not allowed at all, and a lone surrogate (a file name that is
not valid UTF-8) cannot be encoded anywhere. Each of these is shown as a visible escape
(`\\x1b`, `\\n`, `\\u202e`, `\\udcff`) instead.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls, lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# What XML 1.0 forbids (tab, newline and carriage return are allowed) and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control, separator, bidi or surrogate character shown as an escape."""
    return _UNSAFE.sub(_escape, text)


def xml_text(text: str) -> str:
    """`text` with the characters XML 1.0 cannot hold shown as escapes (tab and newline kept)."""
    return _NOT_XML.sub(_escape, text)


def encodable(text: str) -> str:
    """`text` without lone surrogates, so that it can be written as UTF-8 (JSON, SARIF)."""
    return re.sub("[\ud800-\udfff]", _escape, text)
