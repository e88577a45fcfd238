"""Reports published in Traditional characters (mirror sites, Hong Kong and Taiwan portals).

The recogniser and the rules read Simplified labels, headings and wording, so a document written
in Traditional characters is read through `hant_table` (each Traditional character the project
reads, and its Simplified form): one character for one, so every position stays where it was.
The document's own text (`Source.text`, which excerpts quote) is left as published.
"""

from __future__ import annotations

import functools
import re

from .model import Block, Row, Source

_HAN = re.compile(r"[\u4e00-\u9fff]")
_MIN_CHARS = 20  # Traditional characters: a Simplified text may hold a few (著, 乾) by right
_MIN_SHARE = 0.05  # of its Han characters
# Traditional forms every report writes many times (開 報 請 關 個 們 …): a first, cheap look.
_COMMON = re.compile("[開報請關個們這國會說時對經為與從後發據應處數構]")
_MIN_COMMON = 5


@functools.cache
def _table() -> dict[int, str]:
    from .hant_table import PAIRS

    pairs = "".join(PAIRS)
    return {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)}


def looks_traditional(text: str) -> bool:
    """Whether a document is written in Traditional characters."""
    if len(_COMMON.findall(text)) < _MIN_COMMON:
        return False  # a Simplified text: the table is not even loaded
    table = _table()
    han = _HAN.findall(text)
    traditional = sum(1 for char in han if ord(char) in table)
    return traditional >= _MIN_CHARS and traditional >= _MIN_SHARE * len(han)


def simplified(text: str) -> str:
    return text.translate(_table())


def read_as_simplified(source: Source) -> bool:
    """Every block's text in Simplified characters, in place, where the document is Traditional."""
    if not looks_traditional(" ".join(_texts(source.blocks))):
        return False
    for block in source.blocks:
        for piece in block.cells if isinstance(block, Row) else [block]:
            piece.text = simplified(piece.text)
    source.title = simplified(source.title)
    return True


def _texts(blocks: list[Block]) -> list[str]:
    return [piece.text for block in blocks for piece in (block.cells if isinstance(block, Row) else [block])]
