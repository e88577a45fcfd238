"""Reading the statutory labels as publishers print them: ordinals, notes, quotes, spacing and widths vary."""

from __future__ import annotations

import functools
import re
from typing import Any

from .. import statute as s

# The label normalisation is shared with the linter's "did you mean" (disclosure_lint.labels);
# importer modules reach it through here as lb.norm, lb.squash …
from ..labels import PRINTED_NOTE
from ..labels import has_ordinal as has_ordinal
from ..labels import norm as norm
from ..labels import squash as squash
from ..labels import strip_ordinals as strip_ordinals

# ---------------------------------------------------------------- cells

PLACEHOLDERS = s.NONE_MARKS
_NUMBER = re.compile(
    r"^[+\-−－]?[0-9０-９]{1,30}(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?(?:件|个|条|项|次|人|起|宗|份|万元|亿元|元|万)?$"
)
PLAIN_INT = re.compile(r"^-?[0-9]{1,30}$")
PLAIN_DECIMAL = re.compile(r"^-?[0-9]{1,30}\.[0-9]{1,30}$")


MISREAD = re.compile(
    r"^(?=.*[0-9])(?=.*[OoIlL|])[0-9OoIlL|]{1,30}$"
)  # "1O", "4l": digits as OCR misreads them


def figure_like(text: str) -> bool:
    """A cell that holds a figure: a number, a "none" mark, or digits misread by OCR ("1O")."""
    return value_like(text) or bool(MISREAD.match(text.strip()))


def value_like(text: str) -> bool:
    """A cell that holds a number, however written (full-width, a unit, commas), or a "none" mark."""
    text = text.strip()
    return bool(text) and (bool(_NUMBER.match(text)) or text.casefold() in PLACEHOLDERS)


# ---------------------------------------------------------------- parts and aspects

_PART_PREFIX = re.compile(r"^第?([一二三四五六七八九十])(?:部分)?[、.:]|^第([一二三四五六七八九十])部分")


def part_heading(text: str) -> int | None:
    """0–5 for the heading of part 一–六, else None."""
    if len(text) > 60:
        return None
    flat = squash(text)
    prefix = _PART_PREFIX.match(flat)
    body = flat[prefix.end() :] if prefix else flat
    body = body.rstrip("。.:;；：")
    for index, title in enumerate(s.PARTS):
        if body == title:
            return index
        if prefix and title in body and len(body) <= len(title) + 12:
            return index
    if prefix:
        import difflib

        for index, title in enumerate(s.PARTS):
            if difflib.SequenceMatcher(None, body, title).ratio() >= 0.8:
                return index
        ordinal = prefix.group(1) or prefix.group(2)
        for index, words in _LOOSE_TITLES.items():
            if ordinal == "一二三四五六"[index] and all(re.search(w, body) for w in words):
                return index
    return None


MERGED_FIVE_SIX = "其他需要报告的事项"  # in part 五's heading: the two parts printed as one

# Parts 五 and 六 as reports word them in their own way, under their own numeral only:
# "五、存在的主要问题及下一步计划", "六、其他需要说明的事项".
_LOOSE_TITLES = {
    4: ("问题", "改进|计划|打算|措施|下一步|方向|整改"),
    5: ("其他|其它", "报告|事项|事宜|说明"),
}


_ASPECT = re.compile(
    r"^\s*(?P<ordinal>[（(][一二三四五六七八九十][）)]|[一二三四五六七八九十][、.．]|\d{1,2}[、.．]|[-•·*](?=\s))?\s*"
    r"(?:政府(?:信息)?公开)?(?P<aspect>主动公开|依申请公开|政府信息管理|平台(?:载体)?建设|监督保障)"
    r"(?:工作)?(?:方面|情况)?(?:工作)?\s*(?:(?P<sep>[:：。．.])\s*(?P<rest>.*))?$"
)


def aspect_heading(text: str) -> tuple[str, int] | None:
    """(aspect, offset of the text that follows the heading on the same line) for an aspect heading."""
    match = _ASPECT.match(text)
    if match is None:
        return None
    if match.group("rest") and not match.group("ordinal") and match.group("sep") in ".。．":
        return None  # "主动公开。" then prose, without an ordinal: a sentence, not a heading
    rest = match.start("rest") if match.group("rest") else len(text)
    aspect = match.group("aspect")
    return ("平台建设" if aspect.startswith("平台") else aspect), rest


# ---------------------------------------------------------------- table headers

_HEADER_WORDS = frozenset(
    squash(word)
    for word in (
        "信息内容", *s.DOCS_COLUMNS, s.DECISIONS, s.FEE_AMOUNT, "单位:万元", "（单位：万元）",
        "申请人情况", "法人或其他组织", *s.PART3_COLUMNS, "本年度办理结果",
        "行政复议", "行政诉讼", s.SUIT_DIRECT, s.SUIT_AFTER_REVIEW, *s.PART4_COLUMNS,
        "结果", "维持", "纠正", "其他", "尚未", "审结",
        # headings of converted or OCR'd tables, which name no column of the format
        "类别", "项目", "数量", "数据项目", "内容", "序号", "指标", "-",
    )
)  # fmt: skip
_GARBLED = re.compile(r"^(?:数据|列|column|col)\d{1,2}$", re.IGNORECASE)
_CLAUSE = re.compile(r"^第二十条第\(?[一二三四五六七八九十]+\)?项$")
OLD_FORMAT_WORDS = frozenset(squash(w) for w in (*s.FORMAT_2019_LABELS, "处理决定数量", "本年新制作数量"))
# The 2019 format's column headings only: its row labels (规范性文件 …) are rows, never headings.
_OLD_FORMAT_HEADINGS = OLD_FORMAT_WORDS - {squash(row.label) for row in s.FORMAT_2019.part2_rows}


def header_word(text: str) -> bool:
    flat = PRINTED_NOTE.sub("", squash(text))
    if not flat or flat.startswith("本列数据") or _GARBLED.match(flat):
        return True
    if flat[0] in "(（" and flat[-1] in ")）":
        flat = flat[1:-1]
    if has_ordinal(text):
        return False  # "（七）总计" is a row, "总计" a column heading
    return flat in _HEADER_WORDS or bool(_CLAUSE.match(flat)) or flat in _OLD_FORMAT_HEADINGS


def is_header(texts: list[str]) -> bool:
    """A row made only of column headings (possibly run together with spaces, or split inside a word,
    even over two cells: a crawler that kept a wrapped heading's lines apart gives `商业` | `企业`)."""
    start = 0
    while start < len(texts):
        for end in range(start + 1, len(texts) + 1):
            joined = texts[start] if end == start + 1 else "".join(texts[start:end])
            if _heading_cell(joined) if end == start + 1 else _header_words(squash(joined)):
                start = end
                break
        else:
            return False
    return True


def _heading_cell(text: str) -> bool:
    return header_word(text) or all(header_word(w) for w in text.split()) or _header_words(squash(text))


@functools.lru_cache(maxsize=1024)
def _header_words(flat: str) -> bool:
    """Whether a squashed text is column headings run together ("总计总计", "申请人情况(自然人)")."""
    if not flat:
        return True
    return any(flat.startswith(word) and _header_words(flat[len(word) :]) for word in _RUN_WORDS if word)


_RUN_WORDS = (*sorted((w for w in _HEADER_WORDS if len(w) >= 2), key=len, reverse=True), "(", ")", "（", "）")


# ---------------------------------------------------------------- rows


def part2_row(labels: list[str], version: int | None = None) -> tuple[s.Part2Row, int] | None:
    """The table 二 row the labels name, and the format it comes from (`version`'s first)."""
    joined = "".join(norm(label) for label in labels)
    order = [s.FORMAT_2019, s.FORMAT_2021] if version == 2019 else [s.FORMAT_2021, s.FORMAT_2019]
    for format_ in order:
        for row in format_.part2_rows:
            if joined == row.label:
                return row, format_.version
    return None


def part4_block(labels: list[str]) -> str | None:
    joined = "".join(norm(label) for label in labels)
    if "直接起诉" in joined:
        return s.SUIT_DIRECT
    if "复议后起诉" in joined:
        return s.SUIT_AFTER_REVIEW
    if joined.startswith(s.REVIEW) and "诉讼" not in joined and len(joined) <= len(s.REVIEW) + 2:
        return s.REVIEW
    return None


_MAX_LABEL = 120  # characters: longer text is no row label of the format
_ITEMS = {group: tuple(items) for group, items in s.RESULT_GROUPS if items}
_ITEM_KEYS = {group: {squash(item): item for item in items} for group, items in _ITEMS.items()}
_GROUPS = tuple(group for group, _ in s.RESULT_GROUPS)


def part3_row(labels: list[str], group: str | None) -> tuple[str, tuple[str, ...] | None, str | None] | None:
    """What a table 三 row label names: ("row", path, group) or ("group", None, group) or ("context", None, None)."""
    joined = "".join(norm(label) for label in labels)
    if not joined or len(joined) > _MAX_LABEL:
        return None
    if "本年新收" in joined:
        return "row", (s.PART3, s.NEW), None
    if "上年结转" in joined:
        return "row", (s.PART3, s.CARRIED_IN), None
    if "结转下年度" in joined or "结转下一年度" in joined:
        return "row", (s.PART3, s.CARRIED_OUT), None
    rest = joined.replace("本年度办理结果", "")
    found = None
    for name in _GROUPS:
        if name in rest:
            found = name
            rest = strip_ordinals(rest.replace(name, "", 1))
            break
    rest = strip_ordinals(rest)
    if found is None and rest in ("其他", "其他情形") and _SIXTH.match("".join(squash(x) for x in labels)):
        found, rest = s.OTHER_HANDLING, ""  # "（六）其他": the group 其他处理 as an OCR tool shortened it
    if found is not None and found not in _ITEMS:
        return "row", (s.PART3, s.RESULTS, found), found  # 予以公开, 部分公开: one row each
    if not rest:
        if found is not None:
            return "group", None, found
        if joined != rest:
            return "context", None, None  # "三、本年度办理结果" alone
        return None
    if rest == s.TOTAL and found is None:
        return "row", (s.PART3, s.RESULTS, s.TOTAL), None
    groups = [found or group] if (found or group) in _ITEMS else list(_ITEMS)
    item_group = _match_item(rest, groups)
    if item_group is None and (found or group) and not found:
        item_group = _match_item(rest, list(_ITEMS))  # a row of another group, its group label missing
    if item_group is None:
        return None
    item, name = item_group
    return "row", (s.PART3, s.RESULTS, name, item), name


_SIXTH = re.compile(r"^(?:[(（]六[)）]|六[、.])")
_CLOSE = 0.75


@functools.cache
def _matchers() -> dict[str, list[tuple[str, Any]]]:
    """A SequenceMatcher per item label, prepared once (difflib indexes its second sequence)."""
    import difflib

    return {
        name: [(item, difflib.SequenceMatcher(None, "", key)) for key, item in keys.items() if len(key) >= 4]
        for name, keys in _ITEM_KEYS.items()
    }


def _match_item(rest: str, groups: list[str]) -> tuple[str, str] | None:
    return _match_cached(rest, tuple(groups))


@functools.lru_cache(maxsize=4096)
def _match_cached(rest: str, groups: tuple[str, ...]) -> tuple[str, str] | None:
    """The item `rest` names: exactly, else the one item containing it (or contained in it), else the closest."""
    for name in groups:
        if rest in _ITEM_KEYS[name]:
            return _ITEM_KEYS[name][rest], name
    if len(rest) >= 4:
        containing = [
            (item, name)
            for name in groups
            for key, item in _ITEM_KEYS[name].items()
            if len(key) >= 4 and (key in rest or rest in key)
        ]
        if len(containing) == 1:
            return containing[0]
        if containing:
            return None  # part of two labels: a label split over lines, read with the other part
    best: tuple[float, str, str] | None = None
    for name in groups:
        for item, matcher in _matchers()[name]:
            matcher.set_seq1(rest)
            if matcher.real_quick_ratio() < _CLOSE or matcher.quick_ratio() < _CLOSE:
                continue
            ratio = matcher.ratio()
            if ratio >= _CLOSE and (best is None or ratio > best[0]):
                best = (ratio, item, name)
    return (best[1], best[2]) if best else None


@functools.cache
def _format_texts() -> str:
    """Every heading, label and printed note of the three tables, squashed, one per line."""
    texts = [
        *_HEADER_WORDS, f"三、{s.RESULTS}", s.PARTLY_NOTE, s.PART3_NOTE, s.tables.APPLICANTS_GROUP,
        s.tables.ORGANISATIONS_GROUP, *s.APPLICANT_COLUMNS[1:], s.REVIEW, s.tables.LITIGATION,
        *(row.label for row in s.PART2_ROWS), *s.FORMAT_2019_LABELS, s.NEW, s.CARRIED_IN, s.CARRIED_OUT,
        *(f"（{'一二三四五六七'[i]}）{group}" for i, (group, _) in enumerate(s.RESULT_GROUPS)), "（七）总计",
        *(f"{n}.{item}" for _, items in s.RESULT_GROUPS if items for n, item in enumerate(items, 1)),
    ]  # fmt: skip
    return "\n".join(squash(text) for text in texts)


def format_fragment(text: str) -> bool:
    """Whether every word of `text` is a piece of the format's own wording ("于第三项加第四项之和）",
    "公益 服务 其他", "度"): a heading or note wrapped onto lines of its own, nothing to report."""
    words = text.split()
    return bool(words) and all(squash(word) and squash(word) in _format_texts() for word in words)
