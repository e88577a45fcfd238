"""Cut a document's lines at the report's own labels, whatever the line breaks say.

A crawled page or a copied text may hold the whole report on one line, the title run
into the preface, part headings run into their first paragraph, and the tables as one
stream of labels and digits. Before the recogniser reads it, each line is cut where a
part heading, an aspect heading, the title or the 落款 stands; lines of the three tables
are cut into label-and-value rows (`inline.py`). Page furniture (page numbers, "=== page
3 ===") and web furniture (leaked CSS, breadcrumbs, "打印本页") are no report content
and are dropped here.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from . import inline
from .model import Block, Line, Row, Text

_ORDINALS = "一二三四五六"

# The titles of the six parts as publishers print them (the 2019 and 2021 formats' wordings, and
# the variations real reports use: 的, 和/及, 因…被申请…, 措施 for 情况).
_PART_TITLES: tuple[str, ...] = (
    r"(?:总体情况|概述|概况)",
    r"主动公开政府信息(?:的)?(?:情况|工作)?",
    r"收到和处理政府信息公开申请(?:的)?情况",
    r"[^，。；\d]{0,16}?行政复议\s*[、和及与,，]?\s*(?:提起)?\s*行政诉讼(?:的)?(?:情况)?",
    r"(?:政府信息公开(?:工作)?)?存在的?主要问题(?:及|和|与)(?:其)?改进(?:情况|措施)"
    r"(?:\s*(?:和|及|以及|与)\s*其他需要报告的事项)?",  # parts 五 and 六 under one heading
    r"其他需要报告的事项",
)


def _heading_pattern(index: int) -> re.Pattern[str]:
    ordinal = _ORDINALS[index]
    return re.compile(
        rf"(?:第\s*{ordinal}\s*部分\s*[、.．:：]?|{ordinal}\s*[、.．])\s*{_PART_TITLES[index]}\s*[:：。.]?"
    )


_HEADINGS = tuple(_heading_pattern(i) for i in range(6))

_ASPECT = re.compile(
    r"[（(][一二三四五六七][）)]\s*(?:政府信息公开|做好|加强|抓好)?\s*"
    r"(?:主动公开|依申请公开|政府信息管理|(?:政府信息公开)?平台(?:载体)?建设|监督保障)"
    r"(?:工作)?(?:方面|情况)?(?:工作)?\s*[:：。．.]?"
)

# The title at the top, when the preface runs on after it on the same line.
_TITLE = re.compile(
    r"^\s*(?:标题\s*[:：]\s*)?[^，。；：:]{0,60}?(?:19|20)\d{2}\s*年度?[^，。；]{0,30}?报告"
    r"(?=\s*\S)"
)
# A crawler's "key: value" header (标题:, 本地目录:): it may name the title, but is no title.
_CRAWLER_KEY = re.compile(r"^\s*[\u4e00-\u9fff]{2,6}\s*[:：]")
_PREFACE = re.compile(r"^\s*(?:根据|依据|按照|本报告|为|现将|[（(]?一[）)、])")

# A date at the end of the text (the 落款), maybe with the agency's name before it.
_END_DATE = re.compile(
    r"(?:(?<=[。！？；\s])|^)(?P<agency>[^\s，。；：:、]{2,40}?)?\s*"
    r"(?P<date>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$"
)
_AGENCY_END = re.compile(
    r"(?:局|委|办|厅|部|院|政府|委员会|中心|署|会|所|站|处|室|馆|队|街道|镇|乡|管委会|实验区|新区)$"
)

# Page and web furniture: never report content.
_PAGE = re.compile(
    r"^\s*(?:=+\s*page\s*\d+\s*=+|[-—–－]+\s*\d{1,3}\s*[-—–－]+|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3}|[-—–－=]{3,}|=+\s*正文\s*=+|(?:Page|P\.)\s*\d{1,3}"
    r"|[（(]?\s*(?:续表|续上表|接上表|表格续)\s*\d{0,2}\s*[）)]?)\s*$",  # a table going on after a page break
    re.IGNORECASE,
)
_CSS = re.compile(r"^\s*(?:[.#@]?[A-Za-z][\w\-.#: ,>*]*\{[^}]*\}\s*)+$|^\s*[\w\-]+\s*:\s*[^;]+;\s*$")
_NAVIGATION = re.compile(r"^\s*(?:首页|当前位置|您现在的位置|您的位置)\s*[:：>＞»]")
_FONT_SIZE = r"【?\s*字[体号]\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小[】\]]?\s*】?"
# Buttons a copy may run onto the end of a paragraph: only unmistakable ones, after a space.
_STRICT = rf"(?:附件下载|打印本页|关闭窗口|【打印】|【关闭】|{_FONT_SIZE}|扫一扫在手机打开当前页|返回顶部)"
_BUTTONS = rf"(?:{_STRICT}|打印|关闭|收藏|分享到?[:：]?)"  # on a line of their own, the short ones too
_CHROME_END = re.compile(rf"(?:^|\s+|(?<=[。！？.]))(?:{_STRICT}\s*)+$")
_CHROME_ONLY = re.compile(rf"^\s*(?:{_BUTTONS}\s*)+$")


def furniture(text: str) -> bool:
    """A line that is page or web furniture: a page number, a page marker, leaked CSS, a breadcrumb."""
    return bool(_PAGE.match(text) or _CSS.match(text) or _NAVIGATION.match(text) or _CHROME_ONLY.match(text))


def segment(blocks: Iterable[Block]) -> list[Block]:
    """The blocks with lines cut at part headings, aspects, the title and the 落款; tables as rows."""
    out: list[Block] = []
    state = _State()
    for block in blocks:
        if isinstance(block, Row):
            joined = _run_on_row(block) if state.part >= 0 else None
            if joined is None:
                out.append(block)
            else:
                out.extend(state.cut(joined))
            continue
        if furniture(block.text):
            continue
        out.extend(state.cut(block))
    _cut_signature(out)
    return out


class _State:
    def __init__(self) -> None:
        self.part = -1  # the part the text is in: -1 before part 一, then 0–5
        self.titled = False

    def cut(self, line: Line) -> Iterator[Block]:
        pieces = self._headings(line)
        for piece, heading in pieces:
            if heading is not None:
                self.part = heading
                yield piece
                continue
            if self.part < 0:
                yield from self._title(piece)
            elif self.part == 0:
                yield from _aspects(piece)
            elif self.part in (1, 2, 3):
                yield from inline.rows(piece)
            else:
                yield from _chrome(piece)

    def _headings(self, line: Line) -> list[tuple[Line, int | None]]:
        """The line cut before and after each part heading it holds, in the order of the parts."""
        out: list[tuple[Line, int | None]] = []
        start = 0
        part = self.part
        while True:
            found = None
            for index in range(part + 1, 6):
                match = _HEADINGS[index].search(line.text, start)
                if match and (found is None or match.start() < found[1].start()):
                    found = (index, match)
            if found is None:
                break
            index, match = found
            if match.start() > start:
                out.append((_line(line, start, match.start()), None))
            heading = _line(line, match.start(), match.end())
            heading.heading = index
            out.append((heading, index))
            start, part = match.end(), index
        if start == 0:
            return [(line, None)]
        if len(out) == 1 and out[0][1] is not None and out[0][0].text == line.text.strip():
            line.heading = out[0][1]
            return [(line, out[0][1])]
        if start < len(line.text) and line.text[start:].strip():
            out.append((_line(line, start, len(line.text)), None))
        return [(piece, heading) for piece, heading in out if piece.text.strip()]

    def _title(self, line: Line) -> Iterator[Line]:
        """The title cut from a preface that runs on after it on the same line."""
        match = None if self.titled else _TITLE.match(line.text)
        if match and len(line.text) > match.end() + 20 and _PREFACE.match(line.text[match.end() :]):
            self.titled = True
            yield _line(line, 0, match.end())
            yield _line(line, match.end(), len(line.text))
            return
        if "报告" in line.text and "政府信息公开" in line.text and not _CRAWLER_KEY.match(line.text):
            self.titled = True
        yield line


def _aspects(line: Line) -> Iterator[Line]:
    """Part 一 cut before each of its aspect headings that stands inside a line."""
    matches = list(_ASPECT.finditer(line.text))
    starts = sorted({cut for m in matches for cut in (m.start(), m.end())} - {0, len(line.text)})
    if not starts or (len(matches) == 1 and matches[0].start() == 0 and _ends_heading(line.text, matches[0])):
        yield from _chrome(line)
        return
    bounds = [0, *starts, len(line.text)]
    for a, b in itertools.pairwise(bounds):
        piece = _line(line, a, b)
        if piece.text.strip():
            yield from _chrome(piece)


def _ends_heading(text: str, match: re.Match[str]) -> bool:
    """A heading followed by its text after 。 or ：, which the aspect reader takes as it is."""
    return text[match.end() - 1] in ":：。．."


def _chrome(line: Line) -> Iterator[Line]:
    """A line without the web page's buttons ("附件下载", "打印本页") run onto its end."""
    match = _CHROME_END.search(line.text)
    if match and match.start() > 0:
        yield _line(line, 0, match.start())
    elif not match:
        yield line


def _cut_signature(blocks: list[Block]) -> None:
    """The 落款 (agency and date) cut from the end of the last paragraph, where a copy ran them on."""
    if not blocks or not isinstance(blocks[-1], Line):
        return
    last = blocks[-1]
    match = _END_DATE.search(last.text)
    if match is None or (match.start() == 0 and not match.group("agency")):
        return
    agency = match.group("agency")
    cut = match.start("date")
    if agency and _AGENCY_END.search(agency) and match.start("agency") > 0:
        cut = match.start("agency")
        pieces = [(0, cut), (cut, match.start("date")), (match.start("date"), len(last.text))]
    else:
        pieces = [(0, cut), (cut, len(last.text))]
    lines = [_line(last, a, b) for a, b in pieces if last.text[a:b].strip()]
    if len(lines) > 1:
        blocks[-1:] = lines


def _run_on_row(row: Row) -> Line | None:
    """A copied row (cells between tabs) into which the next row ran ("0行政规范性文件"), as one line to cut."""
    if row.grid or not any(
        inline.label_inside(cell.text) or _heading_inside(cell.text) for cell in row.cells
    ):
        return None
    text, spans, at = "", [], 0
    for cell in row.cells:
        if text:
            text += "\t"
            at += 1
        spans.append((at, cell.pos.line, cell.pos.col))
        text += cell.text
        at += len(cell.text)
    return Line(text, row.pos, tuple(spans))


def _heading_inside(text: str) -> bool:
    return any((m := pattern.search(text)) is not None and m.start() > 0 for pattern in _HEADINGS)


def _line(line: Text, start: int, end: int) -> Line:
    """A piece of a line, its surrounding spaces trimmed, with its own position."""
    text = line.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    piece = line.piece(start, end)
    return Line(piece.text, piece.pos, piece.spans, piece.exact, soft=False)
