"""DL711: text that speaks of an earlier year as the year of the report.

A report is often started from last year's file. The tables get new figures; a paragraph that
still opens "2022年，我局…", a statistics period "自2022年1月1日起至2022年12月31日止" or
"现将2022年度政府信息公开工作年度报告公布如下" in the report on 2023 shows the copy, and
evaluators list stale year numbers with copied text among the usual faults of published reports
(see the 2021 format, 国办公开办函〔2021〕30号, and the notices enforcing 《条例》第五十条).

Earlier years are mentioned for good reasons — "2022年12月印发的办法", "较2022年增长",
"2019年以来", "上年度报告指出的问题" — so only a year that frames the current year's account
is reported:
* at the start of a sentence, a clause after "：" or a heading ("（一）", "一是"), followed by
  a comma ("2022年，") or by the organ or the whole year ("2022年度我局", "2022年全年");
* in "本年度（2022年）", the statistics period of the report, or "现将…2022年度…年度报告".
A sentence that also names the report year or compares ("同比", "较", "相比") is left alone, as
is "2022年我局印发的…" (a past act described, not the current year framed). The next year is
not stale (part 五 plans for it), and neither is any later year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from disclosure_lint.api import WARNING, Finding, Path, Report, Rule, statute
from disclosure_lint.messages import text_too_long
from disclosure_lint.prose import MAX_FINDINGS, MAX_TEXT, Flat, texts

STALE_YEAR = Rule(
    code="DL711",
    name="stale-year",
    severity=WARNING,
    summary_zh="正文把往年当作本年度来叙述",
    summary_en="The text speaks of an earlier year as the year of the report",
    clause=f"《条例》第五十条；{statute.DOCUMENT_2021}",
    message_zh="“{quote}”：这是 {year} 年度的报告，这里却以 {stale} 年为本年度叙述，像是沿用了往年报告的文字，请核对年份和内容",
    message_en="'{quote}': this is the report on {year}, but the text speaks of {stale} as the current year — "
    "probably text carried over from an earlier report; check the year and what the sentence says",
)
RULES = (STALE_YEAR,)

YEAR = r"(?P<year>(?:19|20)\d{2})"
BOUNDARY = "。！？!?；;：:"
HEADING = re.compile(
    r"(?:[（(](?:[一二三四五六七八九十]+|\d+)[)）]|[一二三四五六七八九十]+、|\d+[.．、]|[一二三四五六七八九十]是|首先|同时|此外|另外)$"
)
ORGAN = r"(?:我|本)(?:局|委|办|厅|院|府|市|区|县|镇|乡|街道|中心|单位|机关|部门|公司|所|站|署|会)"
# "2022年，" / "2022年度我局" / "2022年全年" at the start of a sentence or clause.
FRAMED = re.compile(rf"{YEAR}年(?:度)?(?P<after>[，,]|{ORGAN}|全年|共)")
# Anywhere: what only the report year can be.
NAMED = (
    re.compile(rf"(?:本年度?|今年|本报告年度|报告年度|报告期)[（(]{YEAR}年?度?[)）]"),
    re.compile(
        rf"(?:统计期限|统计时限|统计期间|统计时段|统计区间|统计时间|数据)[^。；;]{{0,12}}?自?{YEAR}年1月1日"
        r"[^。；;]{0,6}?(?:至|到|－|-|—|~)"
    ),
    re.compile(
        r"(?:统计期限|统计时限|统计期间|统计时段|统计区间|统计时间)[^。；;]{0,12}?至" rf"{YEAR}年12月31日"
    ),
    re.compile(
        rf"(?:现将|现予公布|现公布|特发布|特公布|本报告为?|以下为)[^。；;]{{0,20}}?{YEAR}年度?政府信息公开(?:工作)?(?:年度)?报告"
    ),
)
COMPARING = re.compile(r"同比|环比|较|相比|对比|比上年|比去年|本年|今年|本年度")
TITLE = re.compile(r"《[^》]*》|“[^”]*”")
QUOTE = 30  # characters of the sentence shown in the message, at most
# How far back a sentence is read (the text bounds, MAX_TEXT and MAX_FINDINGS, are the prose module's).
REACH = 300


def check(report: Report) -> Iterator[Finding]:
    year = report.get((statute.YEAR,))
    if not isinstance(year, int) or isinstance(year, bool):
        return
    readable = {flat.path: flat for flat in texts(report)}  # flattened once, for every prose rule
    for path in report.text_paths():
        flat = readable.get(path)
        if flat is not None:
            yield from islice(_stale(report, path, flat, year), MAX_FINDINGS)
            continue
        value = report.get(path)
        if isinstance(value, str) and value.strip():  # too long to read: say so, not a silent pass
            yield text_too_long(
                report.pos(path),
                path,
                len(value),
                MAX_TEXT,
                "旧年份的检查（DL711）",
                "the stale-year check (DL711)",
            )


def _stale(report: Report, path: Path, flat: Flat, year: int) -> Iterator[Finding]:
    text = flat.text
    masked = TITLE.sub(lambda m: "□" * len(m.group()), text)  # years inside titles and quotes
    hits: dict[int, re.Match[str]] = {}
    for match in FRAMED.finditer(masked):
        if (
            int(match.group("year")) < year
            and _framing(flat, match.start())
            and not _told_apart(text, match, year)
        ):
            hits.setdefault(_sentence_start(text, match.start()), match)
    for pattern in NAMED:
        for match in pattern.finditer(masked):
            if int(match.group("year")) != year:
                hits.setdefault(_sentence_start(text, match.start("year")), match)
    for match in sorted(hits.values(), key=lambda m: m.start("year")):
        start = match.start()
        end = _next(text, start, "。！？!?；;")
        if end - start > QUOTE:  # cut at the last comma that leaves some words, else at the limit
            comma = max(text.rfind("，", start, start + QUOTE), text.rfind(",", start, start + QUOTE))
            end = comma if comma > start + 8 else start + QUOTE
        quote = text[start:end] + ("……" if text[end : end + 1] not in ("", *"。！？!?；;") else "")
        yield STALE_YEAR.at(
            report.text_pos(path, flat.offset(match.start("year"))),
            path,
            quote=quote,
            year=year,
            stale=match.group("year"),
        )


def _framing(flat: Flat, index: int) -> bool:
    """Whether `index` begins a sentence, a clause after "：", a line or a heading's text."""
    if index == 0 or index in flat.line_starts:
        return True
    floor = max(0, index - 8)  # a heading is short: "（一）", "一是"
    start = max(floor - 1, *(flat.text.rfind(c, floor, index) for c in BOUNDARY)) + 1
    lead = flat.text[start:index]
    if start == floor and floor > 0:
        return False  # no boundary close before: mid-sentence
    return lead == "" or (HEADING.search(lead) is not None and len(lead) <= 6)


def _sentence_start(text: str, index: int) -> int:
    floor = max(0, index - REACH)
    return max(floor - 1, *(text.rfind(c, floor, index) for c in "。！？!?")) + 1


def _next(text: str, index: int, stops: str) -> int:
    """The first of `stops` from `index` on, looking at most REACH characters ahead."""
    ceiling = min(len(text), index + REACH)
    return next((i for i in range(index, ceiling) if text[i] in stops), ceiling)


def _told_apart(text: str, match: re.Match[str], year: int) -> bool:
    """The sentence tells the earlier year apart from the current one, or describes a past act."""
    start = _sentence_start(text, match.start())
    end = _next(text, match.end(), "。！？!?")
    sentence = text[start:end]
    if f"{year}年" in sentence or COMPARING.search(sentence):
        return True
    if match.group("after") not in ("，", ","):
        clause_end = min(end, _next(text, match.end(), "，,；;："))
        if "的" in text[match.end() : clause_end]:
            return True  # "2022年我局印发的《办法》…": a past act, not the current year
    return False
