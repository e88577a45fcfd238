"""Metadata: the agency and year from the title, the publication date, the kind of body; the 落款 and page footer."""

from __future__ import annotations

import re

from .. import statute as s
from ..findings import START, Pos
from . import labels as lb
from .draft import Draft
from .model import Block, Line, Row, Source

_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.．]\s*(\d{1,2})\s*[月\-/.．]\s*(\d{1,2})\s*日?")
_CN_DATE = re.compile(
    r"([〇○零O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_LABEL = re.compile(r"(发布|公开|成文|印发)?(日期|时间)[:：]")
_TITLE = re.compile(r"^(?P<agency>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:的)?\s*(?P<rest>.*报告.*)$")
_TITLE_MAX = 200
_AGENCY_END = re.compile(
    r"(?:局|委|办|厅|部|院|政府|委员会|中心|署|会|所|站|处|室|馆|队|公司|街道|镇|乡|司|办公室|管委会)$"
)


def _cn_number(text: str) -> int:
    """A Chinese numeral by the statute's one parser; OCR reads 〇 as the letter O."""
    return s.numbers.chinese_numeral(text.replace("O", "〇")) or 0


def find_date(text: str) -> tuple[str, int, int] | None:
    """A date written in the text, as 2024-01-22, with where it is."""
    match = _DATE.search(text)
    if match:
        y, mo, d = (int(g) for g in match.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}", match.start(), match.end()
    match = _CN_DATE.search(text)
    if match:
        y = _cn_number(match.group(1))
        return (
            f"{y:04d}-{_cn_number(match.group(2)):02d}-{_cn_number(match.group(3)):02d}",
            match.start(),
            match.end(),
        )
    return None


def _date_only(text: str) -> str | None:
    found = find_date(text)
    if found is None:
        return None
    date, start, end = found
    rest = (text[:start] + text[end:]).strip()
    rest = _DATE_LABEL.sub("", rest).strip(" :：()（）")
    return date if not rest else None


_CHROME = re.compile(
    r"版权所有|主办单位|承办单位|网站标识码|ICP|备案号|公网安备|技术支持|联系我们|网站地图|打印本页|关闭窗口|"
    r"【打印】|【关闭】|扫一扫|扫描.{0,8}二维码|分享到|字号[:：]|上一篇|下一篇|相关链接"
)


def tail(blocks: list[Block]) -> tuple[list[Line], list[Line]]:
    """The end of part 六 that is not its text: the 落款 (agency name and date), and a web page's footer."""
    end = len(blocks)
    chrome: list[Line] = []
    while end and isinstance(blocks[end - 1], Line) and _CHROME.search(blocks[end - 1].text):
        end -= 1
        chrome.insert(0, blocks[end])  # type: ignore[arg-type]
    signature: list[Line] = []
    while end and isinstance(blocks[end - 1], Line):
        text = blocks[end - 1].text.strip()
        if _date_only(text) or (
            len(text) <= 40 and _AGENCY_END.search(text) and not re.search("[，。；：,;]", text)
        ):
            end -= 1
            signature.insert(0, blocks[end])  # type: ignore[arg-type]
            continue
        break
    return signature, chrome


# A crawler's or a portal's header: "标题: …", "发布时间: …", "栏目: …"; only some say anything.
_HEADER = re.compile(
    r"^\s*(?:[•·*-]\s*)?(?P<key>标题|题目|名称|发布时间|发布日期|成文日期|生成日期|栏目|文号|发文字号|发布机构|发文机关|来源|"
    r"信息来源|原文链接|本地目录|索引号|主题分类|分类|作者|浏览次数|点击数|访问量|有效性|时效性)\s*[:：]\s*(?P<value>.*)$"
)
_INNER_DATE_LABEL = re.compile(r"(?:发布|公开|成文)(?:日期|时间)\s*[:：]\s*")
_IGNORED = re.compile(r"^\s*(?:页面链接|[=＝]{3,}|[-—]{3,})")
_SENTENCE = re.compile("[，。；,;]")


def metadata(
    draft: Draft,
    source: Source,
    preamble: list[Block],
    signature: list[Line],
    keep_preface: bool = True,
    opening: list[Line] | None = None,
) -> list[Line]:
    """The metadata from the text before part 一 and the 落款; returns the preface, which belongs to part 一.

    Without `keep_preface` (a text with no part headings at all) the text after the title is listed
    as not placed rather than taken for a report's preface. `opening` is part 一's first lines: where
    a page lost its title, the preface there may still name the report (see `from_sentences`).
    """
    opening = opening or []
    header: dict[str, tuple[str, Pos]] = {}
    lines: list[Line] = []
    for block in preamble:
        if isinstance(block, Row):
            text = " ".join(c.text for c in block.cells if c.text and not c.above)
            draft.note(block.pos, text, "第一部分之前的表格", "a table before part 一")
            continue
        match = _HEADER.match(block.text)
        if match:
            if match.group("value").strip():
                header.setdefault(match.group("key"), (match.group("value").strip(), block.pos))
        elif not _IGNORED.match(block.text):
            lines.append(block)
    used: set[int] = set()
    title = _title(lines)
    agency: tuple[str, Pos] | None = None
    year: tuple[int, Pos] | None = None
    title_pos = lines[0].pos if lines else START
    if title is not None:
        first, last, match = title
        used.update(range(first, last + 1))
        title_pos = lines[first].pos
        year = (int(match.group("year")), title_pos)
        name = _agency_name(match.group("agency"))
        if name:
            agency = (name, title_pos)
        elif first > 0 and _agency_like(lines[first - 1].text):
            agency = (lines[first - 1].text.strip(), lines[first - 1].pos)
            used.add(first - 1)
        elif _after_year(match):
            agency = (_after_year(match), title_pos)
    for key in ("标题", "题目", "名称"):
        if key in header and (year is None or agency is None):
            match = _TITLE.match(_flat(header[key][0]))
            if match:
                if year is None:
                    year = (int(match.group("year")), header[key][1])
                name = _agency_name(match.group("agency")) or _after_year(match)
                if agency is None and name:
                    agency = (name, header[key][1])
    if (year is None or agency is None) and source.title and len(source.title) <= _TITLE_MAX:
        match = _TITLE.match(_flat(source.title))
        if match:
            year = year or (int(match.group("year")), START)
            name = _agency_name(match.group("agency")) or _after_year(match)
            if agency is None and name:
                agency = (name, START)
    for key in ("发布机构", "发文机关", "来源", "信息来源"):
        if agency is None and key in header and _agency_like(header[key][0]):
            agency = header[key]
    if year is None or agency is None:
        said_agency, said_year = from_sentences(lines + opening)
        agency = agency or said_agency
        year = year or said_year
    date: tuple[str, Pos] | None = None
    for key in ("发布日期", "发布时间", "成文日期", "生成日期"):
        found = find_date(header[key][0]) if key in header else None
        if found and date is None:
            date = (found[0], header[key][1])
    # "信息来源:某镇 作者:佚名 发布时间:2022-01-26 16:32": several keys on one line
    for value, pos in header.values():
        label = _INNER_DATE_LABEL.search(value)
        found = find_date(value[label.end() :]) if label else None
        if date is None and found and found[1] == 0:
            date = (found[0], pos)
    start = title[1] + 1 if title is not None else 0
    for i, line in enumerate(lines):
        if i in used:
            continue
        found = find_date(line.text)
        if found and (_DATE_LABEL.search(line.text) or _date_only(line.text)):
            date = date or (found[0], line.pos)
            used.add(i)
        elif agency is not None and lb.squash(line.text) == lb.squash(agency[0]):
            used.add(i)  # the agency's name again, under the title
    signed = None
    for line in signature:
        found_date = _date_only(line.text)
        if found_date and date is None:
            date = (found_date, line.pos)
        elif not found_date:
            signed = signed or (line.text.strip(), line.pos)
            if agency is not None and lb.squash(line.text) != lb.squash(agency[0]):
                draft.note(
                    line.pos, line.text, "落款中的机关名称与标题不同", "the signature names another agency"
                )
    if agency is None and signed is not None and _agency_like(signed[0]):
        agency = signed
    _store(draft, agency, year, date, title_pos)
    preface: list[Line] = []
    for i, line in enumerate(lines):
        if i in used:
            continue
        if i >= start and keep_preface:
            preface.append(line)
        else:
            draft.note(
                line.pos,
                line.text,
                "标题前的文字，不属于报告的任何部分",
                "text before the title, in no part of the report",
            )
    return preface


# Where a page lost its title (a crawler kept only the body), the preface often still names the
# report: "特编制某市某局2023年政府信息公开工作年度报告", "现公布区统计局2023年…年度报告", and
# states the period: "统计期限自2023年1月1日起至2023年12月31日止".
_CITED = re.compile(r"《[^《》]*(?:通知|意见|办法|规定|条例|方案|要点|指引|格式)[^《》]*》")
_NAMED = re.compile(
    r"(?:编制|公布|发布|印发|公开|形成)(?:了|的)?\s*(?P<agency>[^，。；,;：:、《》“”\s\d]{2,40}?)\s*"
    r"(?P<year>(?:19|20)\d{2})\s*年度?(?:的)?\s*政府信息公开(?:工作)?(?:年度)?报告"
)
_NAMED_AFTER = re.compile(  # "编制2021年度沙塘镇人民政府信息公开年度报告": the name after the year
    r"(?:编制|公布|发布|印发|形成)(?:了)?\s*(?P<year>(?:19|20)\d{2})\s*年度?(?:的)?\s*"
    r"(?!度)(?P<agency>[^，。；,;：:、《》“”\s\d]{3,40})(?:的)?信息公开(?:工作)?(?:年度)?报告"
)
_YEAR_NAMED = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年度?(?:的)?\s*(?:[^，。；,;\d]{0,30}?)政府信息公开(?:工作)?(?:年度)?报告"
)
_PERIOD = re.compile(
    r"统计(?:期限|时限|时间|区间|周期)[^。；;\d]{0,8}(?P<first>(?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日"
    r"[^。；;\d]{0,6}(?:至|到|—|-|～|~)\s*(?:(?P<last>(?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日"
)


def from_sentences(lines: list[Line]) -> tuple[tuple[str, Pos] | None, tuple[int, Pos] | None]:
    """The agency and year as the preface's sentences name them, where no title did.

    A year is taken only when every year these sentences give is the same one (a report that names
    2023 and states a 2022 period decides nothing, and is left for --year). The agency is taken
    only from "编制/公布 <name><year>年…年度报告" with a name that ends as a body's does.
    """
    agency: tuple[str, Pos] | None = None
    years: dict[int, Pos] = {}
    for index, line in enumerate(lines):
        text = _CITED.sub(lambda m: " " * len(m.group()), line.text)
        for match in _NAMED_AFTER.finditer(text):
            name = match.group("agency").strip()
            if agency is None and _agency_like(name) and not name.startswith(("我", "本")):
                agency = (name, line.pos_at(match.start("agency")))
        for match in _NAMED.finditer(text):
            name = match.group("agency").strip()
            if agency is None and _agency_like(name) and not name.startswith(("我", "本")):
                agency = (name, line.pos_at(match.start("agency")))
                above = lines[index - 1] if index else None
                if above is not None and _agency_like(above.text) and above.pos.line == line.pos.line - 1:
                    agency = (above.text.strip(), above.pos)  # the name the page prints on its own line
        for match in _YEAR_NAMED.finditer(text):
            years.setdefault(int(match.group("year")), line.pos_at(match.start("year")))
        for match in _PERIOD.finditer(text):
            first = int(match.group("first"))
            if match.group("last") is None or int(match.group("last")) == first:
                years.setdefault(first, line.pos_at(match.start("first")))
    year = next(iter(years.items())) if len(years) == 1 else None
    return agency, year


def _store(
    draft: Draft,
    agency: tuple[str, Pos] | None,
    year: tuple[int, Pos] | None,
    date: tuple[str, Pos] | None,
    title_pos: Pos,
) -> None:
    meta = draft.meta
    version = meta.pop(s.VERSION, None)
    if version is None and year is not None and year[0] >= 2021:
        version = 2021
    if version is not None:
        meta[s.VERSION] = version
        draft.keys[(s.VERSION,)] = draft.values[(s.VERSION,)] = title_pos
    if agency is not None:
        meta[s.AGENCY] = agency[0]
        draft.keys[(s.AGENCY,)] = draft.values[(s.AGENCY,)] = agency[1]
        kind, sure = guess_kind(agency[0])
        meta[s.KIND] = kind
        draft.keys[(s.KIND,)] = draft.values[(s.KIND,)] = agency[1]
        if not sure:
            draft.guessed.add(s.KIND)
    else:
        draft.unstated.update({s.AGENCY, s.KIND})
        draft.note(START, "", "没有找到机关名称（标题或标题前一行）", "no agency name found", s.AGENCY)
    if year is not None:
        meta[s.YEAR] = year[0]
        draft.keys[(s.YEAR,)] = draft.values[(s.YEAR,)] = year[1]
    else:
        draft.unstated.add(s.YEAR)
        draft.note(
            START, "", "没有找到报告年度（标题中的“××××年”）", "no report year found in the title", s.YEAR
        )
    if date is not None:
        meta[s.PUBLISHED] = date[0]
        draft.keys[(s.PUBLISHED,)] = draft.values[(s.PUBLISHED,)] = date[1]
    else:
        draft.unstated.add(s.PUBLISHED)
        draft.note(
            START,
            "",
            "文档中没有发布日期（没有“发布日期”一行，也没有落款日期），发布期限未作检查；可用 --date 写明",
            "the document states no publication date; give it with --date",
            s.PUBLISHED,
        )


_CN_YEAR = re.compile(r"[〇○零O一二三四五六七八九]{4}(?=\s*年)")


def _flat(text: str) -> str:
    """Spaces made single, and a year in Chinese numerals (二〇二三年) in digits, as the title is matched."""
    text = _CN_YEAR.sub(lambda m: str(_cn_number(m.group())), text)
    return " ".join(text.split())


def _title(lines: list[Line]) -> tuple[int, int, re.Match[str]] | None:
    """The title, maybe over two or three short lines: (first line, last line, the title's match)."""
    for last, line in enumerate(lines):
        text = line.text.strip()
        if "报告" not in text or len(text) > _TITLE_MAX:
            continue
        for first in range(last, max(-1, last - 3), -1):
            if first < last and (len(lines[first].text) > 60 or _SENTENCE.search(lines[first].text)):
                break
            joined = _flat(" ".join(lines[i].text.strip() for i in range(first, last + 1)))
            match = _TITLE.match(joined)
            if match and "政府信息公开" in joined and _agency_name(match.group("agency")):
                return first, last, match
        joined = _flat(text)
        match = _TITLE.match(joined)
        if match and _NOT_A_NAME.search(match.group("agency")):
            continue  # a sentence of the preface that names the report, or cites a notice: no title
        if match and "政府信息公开" in joined:
            return last, last, match
        if "政府信息公开" in text and last + 1 < len(lines):
            joined = _flat(text + " " + lines[last + 1].text)
            match = _TITLE.match(joined)
            if match:
                return last, last + 1, match
    return None


# What stands before a year in a sentence of the preface, never in a title's agency name:
# "现公布…", "特编制…", "及时发布…", "按照《关于做好…" (also after the line above, joined with a
# space); never the 编制 of a name such as 机构编制委员会办公室.
_NOT_A_NAME = re.compile(
    r"(?:^|\s|现|特|拟|并|经|及时|依法|予以|按照|根据|依据|依照|为|由)(?:编制|公布|发布|印发|形成|汇报)"
    r"|(?:^|\s)(?:现|特)?公开|[《》“”]"
)


def _after_year(match: re.Match[str]) -> str:
    """The body a title names after its year ("2022年度某镇政府信息公开工作年度报告": 某镇)."""
    head = match.group("rest").split("政府信息公开")[0]
    return head.strip() if "政府信息公开" in match.group("rest") and _agency_like(head) else ""


# A page label a flip-book viewer or a PDF-to-HTML converter prints before the title: "Page 8 - ".
_PAGE_LABEL = re.compile(r"^\s*(?:Page|P\.|第)\s*\d{1,3}\s*页?\s*[-–—:：]\s*", re.IGNORECASE)


def _agency_name(text: str) -> str:
    name = re.sub(r"^(?:标题|题目)\s*[:：]", "", _PAGE_LABEL.sub("", text)).strip(" ：:，,#")
    return (
        name if 2 <= len(name) <= 60 and not _SENTENCE.search(name) and not _NOT_A_NAME.search(name) else ""
    )


def _agency_like(text: str) -> bool:
    text = text.strip()
    return 2 <= len(text) <= 40 and bool(_AGENCY_END.search(text)) and not _SENTENCE.search(text)


# What a body's name says about its kind of report (《条例》第四十九条): (pattern, kind, sure).
_KINDS = (
    (re.compile(r"(?:镇|乡)人民政府$|街道办事处$|街道$"), s.KIND_TOWNSHIP, True),
    (re.compile(r"人民政府$"), s.KIND_GOVERNMENT, True),
    (re.compile(r"(?:管理委员会|管委会)$"), s.KIND_ZONE, True),
    (re.compile(r"人民政府.{1,12}(?:办公室|办公厅|办)$"), s.KIND_DEPARTMENT, True),
    (re.compile(r"(?:局|厅|委员会|委|办公室|办|中心|署|院|所|站|队|馆|处|部)$"), s.KIND_DEPARTMENT, True),
    (re.compile(r"(?:实验区|新区|开发区|高新区|园区|示范区|保税区|合作区)$"), s.KIND_ZONE, False),
    (re.compile(r"(?:镇|乡)$"), s.KIND_TOWNSHIP, False),
)


def guess_kind(agency: str) -> tuple[str, bool]:
    """The kind of report for the agency, and whether its name decides it (else only a guess).

    A people's government itself reports as 本级政府, its offices and bureaus as 部门, a township or
    street office as 乡镇, a zone's committee as 管委会; a zone named without its committee is
    taken as 管委会 only as a guess, and a name that says nothing as 部门, also a guess.
    """
    name = agency.strip()
    for pattern, kind, sure in _KINDS:
        if pattern.search(name):
            return kind, sure
    return s.KIND_DEPARTMENT, False
