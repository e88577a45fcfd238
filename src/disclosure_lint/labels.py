"""How a place in the report is named in a message: the labels a clerk sees in the printed table."""

from __future__ import annotations

import re
import unicodedata

from . import statute as s
from .findings import Path

ROOT_NAME = "报告"


def describe(path: Path) -> str:
    """ "本年新收政府信息公开申请数量·自然人" for a cell, the last key for anything else."""
    if not path:
        return ROOT_NAME
    last = path[-1]
    if isinstance(last, int):
        columns = _columns_of(path)
        row = row_label(path[:-1])
        if columns and 0 <= last < len(columns):
            return f"{row}·{columns[last]}"
        return f"{row}·第{last + 1}格"
    if len(path) == 3 and path[0] == s.PART2:
        return f"{path[1]}·{last}"  # 规章·本年制发件数: the column alone would be ambiguous
    return str(last)


def _columns_of(path: Path) -> tuple[str, ...]:
    if path[0] == s.PART3:
        return s.PART3_COLUMNS
    if path[0] == s.PART4:
        return s.PART4_COLUMNS
    return ()


def row_label(path: Path) -> str:
    """The printed label of a table 三 row path, e.g. "（三）不予公开·1.属于国家秘密"."""
    return _PART3_LABELS.get(path) or describe(path)


# Every format's rows: the 2019 format (and a squeezed 2021 table) add the single （六）其他处理 row.
_PART3_LABELS = {row.path: row.label for fmt in s.FORMATS.values() for row in fmt.part3_rows}


# ---------------------------------------------------------------- labels as people write them

_QUOTES = re.compile("[\"'“”‘’「」『』〝〞]")
_SPACE = re.compile(r"\s+")
PRINTED_NOTE = re.compile(r"\((?:区分处理|本列数据|单位|注)[^)]*\)?")
_ORDINAL = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+\)|\d{1,2}[.、)]|\(\d{1,2}\)|[①-⑳])"
)


def squash(text: str) -> str:
    """Full-width forms made plain (NFKC), whitespace and quotes removed."""
    return _QUOTES.sub("", _SPACE.sub("", unicodedata.normalize("NFKC", text)))


def strip_ordinals(text: str) -> str:
    while True:
        stripped = _ORDINAL.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def norm(text: str) -> str:
    """A label as compared: `（二）部分公开（区分处理的，…）` → `部分公开`."""
    return strip_ordinals(PRINTED_NOTE.sub("", squash(text)))


def has_ordinal(text: str) -> bool:
    return bool(_ORDINAL.match(squash(text)))
