"""How much of one report's text part is another's: the share, and the longest passage shared.

The share is the one `--previous` uses (DL723): the per cent of a part's characters that lie in a
run of NGRAM characters also found in the other text, white space removed and every number
written as #, so a copy with this year's figures filled in is still a copy, and reordered
paragraphs are still found. Character shingles, not a diff: linear in the text's length.

Across a region every report of a year is compared with every other; an index from shingle to
reports finds, for each part, the few reports that share enough shingles to matter, and only
those pairs are measured exactly. The longest passage (quoted in the finding) comes from
difflib's SequenceMatcher, run only on pairs already found to be copies, on bounded text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

NGRAM = 8
MAX_CHARS = 50_000  # longer is not a report's text part; comparing it would only cost time
QUOTE_CHARS = 60
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class Text:
    """A text part made comparable: `norm` is the folded text, `origin[i]` the index in the
    original value of norm's character i (to quote it and to find its line and column)."""

    key: object  # who owns it (an entry and a path)
    original: str
    norm: str
    origin: tuple[int, ...]

    @property
    def shingles(self) -> set[str]:
        return {self.norm[i : i + NGRAM] for i in range(len(self.norm) - NGRAM + 1)}


def prepare(key: object, value: str) -> Text:
    norm: list[str] = []
    origin: list[int] = []
    folded = value.translate(_FOLD)
    for index, char in enumerate(folded):
        if char.isspace():
            continue
        if char.isdigit():
            if norm and norm[-1] == "#":
                continue
            char = "#"
        norm.append(char)
        origin.append(index)
    return Text(key, value, "".join(norm), tuple(origin))


def share(text: Text, other: Text) -> int:
    """Per cent of `text`'s characters inside a shingle also found in `other`."""
    return _coverage(text, other.shingles)


def _coverage(text: Text, seen: set[str]) -> int:
    if not text.norm:
        return 0
    covered = [False] * len(text.norm)
    for i in range(len(text.norm) - NGRAM + 1):
        if text.norm[i : i + NGRAM] in seen:
            covered[i : i + NGRAM] = [True] * NGRAM
    return round(100 * sum(covered) / len(text.norm))


@dataclass(frozen=True)
class Passage:
    """The longest run shared: where it starts in each original text, and the quote."""

    start: int
    other_start: int
    quote: str


def longest(text: Text, other: Text) -> Passage:
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, text.norm, other.norm, autojunk=False)
    match = matcher.find_longest_match(0, len(text.norm), 0, len(other.norm))
    if match.size == 0:
        return Passage(0, 0, "")
    first, last = text.origin[match.a], text.origin[match.a + match.size - 1]
    quote = " ".join(text.original[first : last + 1].split())
    if len(quote) > QUOTE_CHARS:
        quote = quote[:QUOTE_CHARS] + "…"
    return Passage(first, other.origin[match.b], quote)


def comparable(text: Text, min_chars: int) -> bool:
    return min_chars <= len(text.norm) <= MAX_CHARS


def pairs(texts: Iterable[Text], threshold: int) -> Iterator[tuple[Text, Text, int, int]]:
    """(a, b, share of a in b, share of b in a) for every pair where either share reaches `threshold`.

    A pair is measured exactly only when the shingles they share could cover the threshold
    (each shared shingle covers at most NGRAM characters).
    """
    texts = list(texts)
    index: dict[str, list[int]] = defaultdict(list)
    grams = [t.shingles for t in texts]
    for number, found in enumerate(grams):
        for gram in found:
            index[gram].append(number)
    for number, text in enumerate(texts):
        hits: Counter[int] = Counter()
        for gram in grams[number]:
            holders = index[gram]
            if len(holders) > 1:
                hits.update(h for h in holders if h > number)
        for other, count in hits.items():
            least = min(len(text.norm), len(texts[other].norm))
            if count * NGRAM * 100 < threshold * least:
                continue
            forward = _coverage(text, grams[other])
            backward = _coverage(texts[other], grams[number])
            if max(forward, backward) >= threshold:
                yield text, texts[other], forward, backward
