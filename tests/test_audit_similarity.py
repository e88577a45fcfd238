"""audit/similarity.py: the share of a part found in another, and the pairs worth measuring."""

from __future__ import annotations

import itertools
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_lint.audit import similarity

TEXT = (
    "一是信息发布审核流程较长，影响时效；二是政策解读形式单一，群众不易理解。2023年将压缩审核环节并增加图解。"
)


def test_a_copy_with_other_figures_and_spacing_is_a_full_copy() -> None:
    copy = TEXT.replace("2023年", "2024年").replace("，", "， ")
    assert similarity.share(similarity.prepare("a", copy), similarity.prepare("b", TEXT)) == 100


def test_unrelated_text_shares_nothing() -> None:
    other = "本机关全年组织业务培训，覆盖各股室工作人员，并邀请律师讲解答复文书的法律风险与常见错误。"
    assert similarity.share(similarity.prepare("a", TEXT), similarity.prepare("b", other)) == 0


def test_the_longest_passage_is_quoted_from_the_original_with_its_offsets() -> None:
    mine = "前言不同的一段话。" + TEXT
    theirs = "完全另起的开头，" + TEXT[:30]
    passage = similarity.longest(similarity.prepare("a", mine), similarity.prepare("b", theirs))
    assert passage.quote == TEXT[:30]
    assert mine[passage.start :].startswith(TEXT[:30]) and theirs[passage.other_start :].startswith(TEXT[:30])


def brute(texts: list[similarity.Text], threshold: int) -> set[tuple[int, int, int, int]]:
    found = set()
    for (i, a), (j, b) in itertools.combinations(enumerate(texts), 2):
        forward, backward = similarity.share(a, b), similarity.share(b, a)
        if max(forward, backward) >= threshold:
            found.add((i, j, forward, backward))
    return found


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="公开信息申请答复", min_size=0, max_size=60), min_size=2, max_size=6),
    st.integers(min_value=1, max_value=100),
)
def test_the_index_finds_every_pair_the_brute_force_finds(raw: list[str], threshold: int) -> None:
    texts = [similarity.prepare(n, t) for n, t in enumerate(raw)]
    got = {(a.key, b.key, f, r) for a, b, f, r in similarity.pairs(texts, threshold)}
    assert got == brute(texts, threshold)


def test_many_departments_stay_fast() -> None:
    """Two hundred departments' parts of one year: the index keeps the pairs few."""
    import random

    rng = random.Random(7)
    words = ["公开", "申请", "答复", "平台", "培训", "考核", "解读", "目录", "审核", "栏目", "规范", "政策"]
    texts = [
        similarity.prepare(n, "".join(rng.choice(words) for _ in range(150)) + "本部门独有的说明" + str(n))
        for n in range(200)
    ]
    texts.append(similarity.prepare("copy", texts[3].original))
    start = time.perf_counter()
    pairs = [(a.key, b.key) for a, b, _, _ in similarity.pairs(texts, 50)]
    assert (3, "copy") in pairs
    assert time.perf_counter() - start < 20
