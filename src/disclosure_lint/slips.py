"""Typing slips of a Chinese input method in YAML's own punctuation, found where a syntax error
says the structure broke: a full-width colon after a key (`年度：2023`), a colon with no space
(`年度:2023`), a full-width space (U+3000) in the indentation or after the colon, full-width
brackets, braces or commas in a `[ ]` row or `{ }` group.

ruamel.yaml notices such a slip only where the structure it breaks ends, often on the next line
(`年度：2023` reads as text, and the error comes where the next key is). So the lines the error
names are read again: the key it was scanning, the line it stopped on, and the line that began
what that line was read as continuing (the nearest line above indented no deeper). The first
slip in their keys, indentation and `[ ]`/`{ }` punctuation is the finding, at its column, saying
which character it is and what to type instead. Text inside values is never read: a '：' in a
sentence is right.
"""

from __future__ import annotations

import functools
from typing import Any, NamedTuple

from . import messages as m
from .findings import Finding, Pos

FULL_COLON, FULL_COMMA, FULL_SPACE = "：", "，", "\u3000"
FULL_OPEN = {"［": "[", "【": "[", "〔": "[", "｛": "{"}
FULL_CLOSE = {"］": "]", "】": "]", "〕": "]", "｝": "}"}


class Slip(NamedTuple):
    index: int  # 0-based character of the line
    zh: str
    en: str
    key: str = ""  # the key the slip is in or after, as written


def slip_finding(error: Any, lines: list[str]) -> Finding | None:
    """The DL004 finding for the first slip on the lines a syntax error names, or None."""
    mark = error.problem_mark or error.context_mark
    if mark is None or not 0 <= mark.line < len(lines):
        return None
    stop = mark.line
    # (line, from index, up to index, whether its key must be a statutory label)
    candidates: list[tuple[int, int, int, bool]] = []
    start = _construct_start(lines, stop)
    if start is not None:  # only a guess at where the construct began: its key must be a real one
        candidates.append((start, 0, len(lines[start]), True))
    context = error.context_mark
    if context is not None and "simple key" in (error.context or "") and context.line < len(lines):
        candidates.append((context.line, context.column, len(lines[context.line]), False))
    candidates.append((stop, 0, mark.column, False))
    for line, first, last, labelled in sorted(set(candidates)):
        found = line_slip(lines[line], first)
        if found is None or found.index > last or not _key_like(found.key, labelled):
            continue
        return m.SYNTAX.at(Pos(line + 1, found.index + 1), problem=found.zh, problem_en=found.en, span=1)
    return None


_SENTENCE = frozenset("，。；、！？,;!?")


def _key_like(key: str, labelled: bool) -> bool:
    """Whether the text before a slip is a key, not a sentence that wrapped onto a key's line."""
    from .labels import norm

    if labelled:
        return norm(key) in _labels()
    return not key or (len(key) <= 40 and not _SENTENCE.intersection(key))


@functools.cache
def _labels() -> frozenset[str]:
    """Every key of either format (normalised), from the schemas."""
    from . import statute
    from .labels import norm
    from .schema import load_schema

    found: set[str] = set()
    pending: list[Any] = [load_schema(version) for version in statute.FORMATS]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            found.update(norm(key) for key in node.get("properties", {}))
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return frozenset(found)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _construct_start(lines: list[str], stop: int) -> int | None:
    """The nearest line above `stop` (not blank, not a comment) indented no deeper than it."""
    depth = _indent(lines[stop])
    for number in range(stop - 1, -1, -1):
        text = lines[number]
        if not text.strip(" ") or text.lstrip(" ").startswith("#"):
            continue
        if _indent(text) <= depth:
            return number
    return None


def line_slip(line: str, at: int = 0) -> Slip | None:
    """The first slip in the structure of `line` from character `at`: its indentation, its key and
    colon, and the punctuation of a `[ ]` or `{ }` value. None when there is none."""
    found = _line_slip(line, at)
    if found is not None and not found.key:
        key = line[at:].strip(" \u3000-").split(":")[0].split(FULL_COLON)[0].strip()
        found = found._replace(key=key)
    return found


def _line_slip(line: str, at: int) -> Slip | None:
    i = at
    while i < len(line) and line[i] in (" ", FULL_SPACE, "-"):
        if line[i] == FULL_SPACE:
            return Slip(i, *_SPACE_IN_INDENT)
        if line[i] == "-" and not line.startswith(("- ", "-\u3000"), i) and i + 1 < len(line):
            break  # a value such as -3, not a sequence dash
        i += 1
    if i >= len(line) or line[i] == "#":
        return None
    if line[i] in FULL_OPEN or line[i] in "[{":
        return _flow_slip(line, i)
    if line[i] in "'\"":
        close = line.find(line[i], i + 1)
        if close < 0:
            return None
        i = close + 1
    key_start = i
    while i < len(line):
        char = line[i]
        if char == FULL_COLON:
            return _full_colon(line, key_start, i)
        if char == ":":
            after = line[i + 1] if i + 1 < len(line) else ""
            if after == FULL_SPACE:
                return Slip(i + 1, *_SPACE_AFTER_COLON)
            if after not in ("", " ", "\t"):
                return _no_space(line, key_start, i)
            return _value_slip(line, i + 1)
        if char == "#" and line[i - 1] in " \t":
            return None
        i += 1
    return None


def _value_slip(line: str, i: int) -> Slip | None:
    while i < len(line) and line[i] in " \t":
        i += 1
    if i < len(line) and line[i] == FULL_SPACE:
        return Slip(i, *_SPACE_AFTER_COLON)
    if i < len(line) and (line[i] in FULL_OPEN or line[i] in "[{"):
        return _flow_slip(line, i)
    return None


def _flow_slip(line: str, i: int) -> Slip | None:
    """A full-width bracket, brace, comma or colon, or a ':' with no space, in a `[ ]`/`{ }` value."""
    quote = ""
    for index in range(i, len(line)):
        char = line[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"" and (index == i or line[index - 1] in "[{, "):
            quote = char
        elif char in FULL_OPEN or char in FULL_CLOSE:
            return _bracket(char, index)
        elif char == FULL_COMMA:
            return Slip(index, *_FULL_COMMA)
        elif char == FULL_COLON and line[i] in "{｛":
            return _full_colon(line, _item_start(line, index), index)
        elif char == ":" and index + 1 < len(line) and line[index + 1] not in " \t,]}":
            return _no_space(line, _item_start(line, index), index, flow=True)
        elif char == "#" and line[index - 1] in " \t":
            return None
    return None


def _item_start(line: str, index: int) -> int:
    """Where the item (key) that ends at `index` starts inside a `{ }` group."""
    start = max(line.rfind(",", 0, index), line.rfind("{", 0, index), line.rfind("｛", 0, index)) + 1
    return start


def _full_colon(line: str, key_start: int, index: int) -> Slip:
    key = line[key_start:index].strip()
    value = line[index + 1 :].strip().split("#")[0].strip().rstrip(",}｝ ")
    written = f"{key}: {value}".rstrip() if value else f"{key}:"
    return Slip(
        index,
        f"“{key}”后面的冒号是全角“：”（中文输入法的冒号），YAML 读不出键：请改成半角冒号加一个空格，写成“{written}”",
        f"the colon after '{key}' is the full-width '：' of a Chinese input method, so YAML sees no key: "
        f"type a half-width colon and a space, '{written}'",
        key,
    )


def _no_space(line: str, key_start: int, index: int, flow: bool = False) -> Slip:
    key = line[key_start:index].strip()
    rest = line[index + 1 :].split(" #")[0].strip()
    value = rest.split(",")[0].strip().rstrip("}]") if flow else rest
    written = f"{key}: {value}"
    return Slip(
        index,
        f"冒号“:”后面少了一个空格，YAML 把“{key}:{value}”读成了一段文字：请在冒号后加一个空格，写成“{written}”",
        f"a space is missing after ':', so YAML reads '{key}:{value}' as one piece of text: "
        f"type a space after the colon, '{written}'",
        key,
    )


def _bracket(char: str, index: int) -> Slip:
    meant = {**FULL_OPEN, **FULL_CLOSE}[char]
    kind, kind_en = ("方括号", "bracket") if meant in "[]" else ("花括号", "brace")
    return Slip(
        index,
        f"“{char}”是全角{kind}（中文输入法的{kind}）：YAML 只认半角{kind}，请改成“{meant}”",
        f"'{char}' is a full-width {kind_en} of a Chinese input method: YAML needs the half-width '{meant}'",
    )


_SPACE_IN_INDENT = (
    "缩进里有全角空格（U+3000，中文输入法的空格），YAML 看不出它是缩进：请删去，改用半角空格缩进",
    "a full-width space (U+3000, a Chinese input method's space) in the indentation, which YAML does not "
    "read as indentation: delete it and indent with ordinary spaces",
)
_SPACE_AFTER_COLON = (
    "冒号后面是全角空格（U+3000，中文输入法的空格），YAML 要的是半角空格：请把它换成一个半角空格",
    "the space after the colon is a full-width space (U+3000, a Chinese input method's space): "
    "replace it with an ordinary space",
)
_FULL_COMMA = (
    "“，”是全角逗号（中文输入法的逗号）：格子之间要用半角逗号“,”隔开",
    "'，' is the full-width comma of a Chinese input method: cells are separated by a half-width ','",
)
