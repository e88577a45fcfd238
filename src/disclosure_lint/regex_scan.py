"""Whether a pattern matches anywhere in a whole text part, without trying it at every character.

Python's regular-expression engine skips ahead to the places a match can start only when the
pattern starts with a literal, a character class or alternatives that each start with a literal
("全部|均已…"). A pattern whose alternatives start with alternatives ("(?:未|没有…)收到…|(?:无|暂无…)
…", rules/applications.py's NONE_APPLICATIONS) is tried at every one of a text part's thousand-odd
characters: asking whether a part says "未收到申请" at all took a millisecond a report.
`anywhere(pattern, first)` asks the same question with a pattern that starts with the class of
characters a match can start with (`first`): the engine skips to those in C and tries `pattern`
only there, in a fifth of the time or less.
(tests/test_regex_scan.py reads each pattern's possible first characters from Python's own
parser and checks that `first` holds every one.)
"""

from __future__ import annotations

import re

# Every scan made, with the pattern and first characters it was made of, for the tests.
SCANS: list[tuple[re.Pattern[str], str, re.Pattern[str]]] = []


def anywhere(pattern: re.Pattern[str], first: str) -> re.Pattern[str]:
    """A pattern whose `search` finds a match in exactly the texts in which `pattern`'s does,
    given that every match of `pattern` starts with a character of `first`. Its match is the one
    character where a match of `pattern` starts (the first such place), nothing more."""
    candidates = "".join(re.escape(char) for char in first)
    # At a candidate character, look back over it and from there ahead for `pattern`.
    scan = re.compile(rf"[{candidates}](?<=(?={pattern.pattern})[\s\S])", pattern.flags)
    SCANS.append((pattern, first, scan))
    return scan
