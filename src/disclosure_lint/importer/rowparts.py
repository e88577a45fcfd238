"""A table row's cells sorted into what they are: the label, the figures, and what lies around them.

Real exports put a label and its figures in one cell ("规章 0 0 0"), merge labels down from
rows above, and leave blank cells at a row's edges; the recogniser needs to know which is which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import labels as lb
from .model import Text


@dataclass
class Split:
    labels: list[Text]
    values: list[Text]  # from the first to the last number-like cell, with what lies between
    lead: list[Text]  # blank cells between the labels and the values
    trail: list[Text]  # blank cells after the values
    extra: list[Text]  # non-blank cells after the values


def tokens(cell: Text) -> list[Text]:
    """A cell holding a label and numbers run together with spaces, split into label and numbers."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", cell.text)]
    if len(spans) <= 1:
        return [cell]
    k = len(spans)
    while k > 0 and lb.figure_like(cell.text[spans[k - 1][0] : spans[k - 1][1]]):
        k -= 1
    if k == len(spans):
        return [cell]
    out = [cell.piece(spans[0][0], spans[k - 1][1])] if k else []
    out.extend(cell.piece(a, b) for a, b in spans[k:])
    return out


def split_row(cells: list[Text]) -> Split:
    items: list[Text] = []
    for cell in cells:
        if getattr(cell, "above", False):
            if cell.text and not lb.figure_like(cell.text):
                items.append(cell)  # a row label merged down from above
            continue
        items.extend(tokens(cell))
    numbers = [i for i, item in enumerate(items) if item.text and lb.figure_like(item.text)]
    if not numbers:  # a label and blank cells: `trail` keeps the blanks after the last label
        filled = [i for i, item in enumerate(items) if item.text]
        blanks = items[filled[-1] + 1 :] if filled else []
        return Split([t for t in items if t.text], [], [], blanks, [])
    first, last = numbers[0], numbers[-1]
    before, after = items[:first], items[last + 1 :]
    lead: list[Text] = []
    for item in reversed(before):
        if item.text:
            break
        lead.insert(0, item)
    trail: list[Text] = []
    for item in after:
        if item.text:
            break
        trail.append(item)
    return Split(
        [t for t in before if t.text], items[first : last + 1], lead, trail, [t for t in after if t.text]
    )
