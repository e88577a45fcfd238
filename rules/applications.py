"""DL701, DL702, DL705: what the text says about disclosure applications against table 三.

The tables can balance while the prose around them says something else: "共收到申请75件" over a
table of 74, "未收到政府信息公开申请" over a table with applications, "其中" breakdowns whose parts
do not make their whole. Supervisors and evaluators list exactly these among the usual faults of
published reports (narrative figures contradicting table 三; 国办公开办函〔2021〕30号 and the notices
that enforce 《条例》第五十条), so each finding names the place in the text and the cell it contradicts.

    DL701  a count of applications in the text — received, new (本年新收), carried over (上年结转),
           completed (办结: （七）总计), carried forward (结转下年度继续办理), handled (办理: any of
           these), a result group (予以公开 …), "全部办结" — that no matching 总计 of table 三 gives;
           "共收到/受理…749件" may be 新收 or 新收 + 上年结转 ("含上年结转").
    DL702  "未收到政府信息公开申请" / "无依申请公开" while table 三 has 本年新收 applications.
    DL705  (info) "X条，其中A a条，B b条…" whose parts exceed the whole, or, when the list says it is
           complete (其余 …, 其他 …, or 新收 + 上年结转), do not make it: prose against prose, not
           against a table, so worth knowing rather than wrong.

A warning that a clerk learns to ignore is worse than none, so a sentence is read only when its
meaning is clear (see disclosure_lint.prose): a figure counts only when it is about disclosure
applications and names no other business; figures framed by another year, a comparison, an
approximation, a wider scope, a subset (按时…, 网上…), one applicant column (其中自然人申请741件:
compared with that column), documents rather than applications (依申请公开类信息N条) or one office
inside the body ("区政府办代表区政府受理…17件") are not compared with the whole table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from disclosure_lint.api import INFO, WARNING, Finding, Report, Rule, statute
from disclosure_lint.application_counts import (
    CHANNEL,
    DOCUMENTS,
    OFFICE,
    OTHER_CHANNELS,
    about_applications,
    columns_of,
    expected_cells,
    foreign,
    kinds_of,
    new_and_carried_in,
    one_column,
    previous_and,
)
from disclosure_lint.messages import text_too_long
from disclosure_lint.prose import (
    APP_WORDS,
    DELTA,
    FOREIGN,
    HYPOTHETICAL,
    MAX_FINDINGS,
    MAX_TEXT,
    SUBSET,
    Flat,
    Sentence,
    TextReader,
    clause_before,
    looking_back,
    quote,
    sentences,
    texts,
    too_long,
)
from disclosure_lint.regex_scan import anywhere
from disclosure_lint.table_facts import TOTAL, join_cells

TABLE3 = f"《条例》第五十条第（二）项；{statute.DOCUMENT_2021} 表三"

APPLICATION_COUNT = Rule(
    code="DL701",
    name="narrative-application-count",
    severity=WARNING,
    summary_zh="正文中的申请件数与表三不符",
    summary_en="A count of applications in the text disagrees with table 三",
    clause=TABLE3,
    message_zh="正文说“{quote}”，但表三{cells}",
    message_en="the text says '{quote}', but table 三 has {cells_en}",
)
NO_APPLICATIONS = Rule(
    code="DL702",
    name="narrative-no-applications",
    severity=WARNING,
    summary_zh="正文说没有收到申请，表三却有本年新收申请",
    summary_en="The text says no applications came in, table 三 has some",
    clause=TABLE3,
    message_zh="正文说“{quote}”，但表三“本年新收”总计为 {value}（第 {line} 行）",
    message_en="the text says '{quote}' (no applications), but table 三 '本年新收' totals {value} (line {line})",
)
BREAKDOWN = Rule(
    code="DL705",
    name="breakdown-sum",
    severity=INFO,
    summary_zh="“其中”所列各项之和与总数不符",
    summary_en="The parts listed after 其中 do not add up to their whole",
    clause="《条例》第五十条",
    message_zh="“其中”所列各项之和为 {parts}（{terms}），{relation}前面说的“{whole_quote}”",
    message_en="the parts listed after 其中 add up to {parts} ({terms}), {relation_en} '{whole_quote}' before them",
)
PART_OF_BODY = Rule(
    code="DL707",
    name="narrative-count-other-scope",
    severity=INFO,
    summary_zh="正文中的申请件数与表三范围可能不同，数字不一致",
    summary_en="A count in the text, perhaps of another scope, differs from table 三",
    clause=TABLE3,
    message_zh="正文说“{quote}”，表三{cells}：正文的数字是{scope}的，表三{table_scope}；如果两者范围相同，请核对",
    message_en="the text says '{quote}', table 三 has {cells_en}: the text's figure is {scope_en}'s, and table 三 "
    "{table_scope_en}; if both cover the same, check the figures",
)

RULES = (APPLICATION_COUNT, NO_APPLICATIONS, BREAKDOWN, PART_OF_BODY)

ALL_DONE = re.compile(
    r"(?:全部|均已?|都已?|已全部|全数)(?:按时|按期|依法依规|依法|及时|如期|在法定期限内)?"
    r"(?:办结|办理完毕|处理完毕)"
)

NONE_APPLICATIONS = re.compile(
    r"(?:未|没有|尚未|并未|均未|从未|没)(?:收到|接到|受理|接收|收悉)(?:过)?"
    r"(?P<gap>[^，,；;：:。]{0,20}?)"
    r"(?P<word>政府信息公开申请|信息公开申请|公开申请|依申请公开|申请公开|申请)(?![人者])"
    r"|(?:无|没有|暂无|未发生|未产生|未有|不存在)(?:任何)?(?:政府信息公开申请|信息公开申请|依申请公开|公开申请)"
    r"|(?:政府信息公开申请|信息公开申请|依申请公开|公开申请)(?:的)?(?:数量|件数|数|事项)?(?:均|都)?为(?:0|零|〇)件?(?![\d.])"
)
# What may stand between "未收到" and "申请" and still mean every application.
# Whether a whole text part says so anywhere, asked only where a match can start (regex_scan.py):
# the pattern starts with alternatives of alternatives, which Python's engine tries at every
# character, a millisecond a report.
NONE_APPLICATIONS_ANYWHERE = anywhere(NONE_APPLICATIONS, "未没尚并均从无暂不政信依公")

ANY_APPLICANT = re.compile(
    r"|任何|书面|有关|相关|本机关的?|我局的?"
    r"|(?:公民|法人|或者|或|和|及|与|其他组织|社会公众|公众|群众|个人|企业|单位|申请人|、)+(?:提出|提交|递交)?的"
)


CHANNELS = re.compile(
    r"网站|微博|微信|公众号|客户端|APP|App|app|抖音|头条|新媒体|公开栏|平台|专栏|报纸|电视|广播|视频号"
)
BREAKDOWN_STOP = re.compile(
    r"其中|分别|各|占|%|％|同比|较|增|减|含|包括|累计|以上|约|近|至少|[\d十百千][余多]"
)
# The last part says the list is complete: "其余4件", "其他856条".
REMAINDER = re.compile(r"^(?:其余|剩余|余下|另有|剩下|其他|其它)")
_AMONG = re.compile("其中")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")


def _list_end(text: str, start: int, bracketed: bool) -> int:
    """Where a 其中 list ends: at "；", or, for "（其中…）", at the bracket that closes it."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char in "；;" and depth == 0:
            return index
        if char in "（(":
            depth += 1
        elif char in "）)":
            if depth == 0 and bracketed:
                return index
            depth = max(0, depth - 1)
    return len(text)


def _unbracketed(text: str) -> str:
    return _BRACKETED.sub("", text)


def _inside_brackets(text: str, start: int, index: int) -> bool:
    segment = text[start:index]
    return segment.count("（") + segment.count("(") > segment.count("）") + segment.count(")")


# ---------------------------------------------------------------- the check


def check(report: Report) -> Iterator[Finding]:
    reader = ApplicationReader(report)
    for flat in texts(report):
        yield from islice(reader.read(flat), MAX_FINDINGS)
    # A text too long to read is said once, here, for every rule that holds the text against
    # the tables (appeals.py and fee.py skip it too): not a silent pass.
    for path, length in too_long(report):
        yield text_too_long(
            report.pos(path),
            path,
            length,
            MAX_TEXT,
            "正文与表格的核对（DL701–DL708）",
            "the text-against-table checks (DL701–DL708)",
        )


class ApplicationReader(TextReader):
    def read(self, flat: Flat) -> Iterator[Finding]:
        flagged: set[int] = set()  # figures already reported against a table
        previous = ""
        # What each check looks for, looked for once in the whole text: a sentence with a match
        # is part of it, and the sentence marks around it do not make or break one.
        all_done = ALL_DONE.search(flat.text) is not None
        none = NONE_APPLICATIONS_ANYWHERE.search(flat.text) is not None
        breakdown = "其中" in flat.text
        for sentence in sentences(flat):
            context = previous + sentence.text
            if sentence.tokens:  # each count is checked; a sentence without one has nothing to check
                for finding, start in self._application_counts(flat, sentence, context):
                    flagged.add(start)
                    yield finding
            if all_done:
                yield from self._all_done(flat, sentence, context)
            if none:
                yield from self._no_applications(flat, sentence, context)
            if breakdown and sentence.tokens:  # "其中" after a count
                yield from self._breakdown(flat, sentence, flagged)
            previous = sentence.text

    # ------------------------------------------------------------ DL701

    def _application_counts(
        self, flat: Flat, sentence: Sentence, context: str
    ) -> Iterator[tuple[Finding, int]]:
        for token in sentence.tokens:
            if token.approximate or token.unit not in ("件", "份", "宗"):
                continue
            window = token.window
            if foreign(window) or DELTA.search(window) or SUBSET.search(window):
                continue
            if CHANNEL.search(window) and OTHER_CHANNELS.search(sentence.text):
                continue  # "依申请公开来信12件、网上申请54件": letters are one channel of several
            if DOCUMENTS.search(token.lead):
                continue  # items of information, not applications
            applicants = one_column(token.lead)
            if applicants and "申请" in token.lead:
                found = [("applicants", applicants.group())]  # one column: with or without 上年结转
            else:
                found, applicants = kinds_of(window, self.kinds), None
            if not found:
                continue
            prefix = looking_back(sentence.text, token.start - sentence.start)
            if self.wider(prefix + window) or self.other_period(prefix):
                continue
            if not about_applications(flat, window, previous_and(prefix, context, sentence), found):
                continue
            if applicants:
                cells = self.tables.applicants(columns_of(applicants))
            else:
                cells = expected_cells(self.tables, found)
            if cells is None or any(cell.value == token.value for cell in cells):
                continue
            zh, en = join_cells(cells)
            said = quote(flat, token.lead_start, token.said_end)
            office = OFFICE.search(prefix)
            if office and token.lead.startswith("其中"):
                continue  # "全区共收到95件，其中区政府本级受理17件": the text says it is a part
            scope = self._scope(prefix + window, office)
            if scope:
                yield PART_OF_BODY.at(
                    self.pos(flat, token.start), flat.path, quote=said, cells=zh, cells_en=en, **scope
                ), token.start  # fmt: skip
                continue
            yield (
                APPLICATION_COUNT.at(
                    self.pos(flat, token.start), flat.path, quote=said, cells=zh, cells_en=en
                ),
                token.start,
            )

    def _scope(self, said: str, office: re.Match[str] | None) -> dict[str, str] | None:
        """When the figure's scope may not be the table's: one office inside the body
        ("区政府办代表区政府受理…17件"), or a government's whole area ("全县共受理…"), which some
        governments' tables cover and others (the government's own handling only) do not."""
        if office:
            name = office.group("office")
            return {
                "scope": name, "scope_en": name,
                "table_scope": "可能是整个机关（或全区域）的合计，那样两者不矛盾",
                "table_scope_en": "may be the whole body's (or the whole area's) total, in which case there is no conflict",
            }  # fmt: skip
        area = self.own_area
        if area and area in said:
            return {
                "scope": area, "scope_en": area,
                "table_scope": "可能只统计政府本级，那样两者不矛盾",
                "table_scope_en": "may count the government's own handling only, in which case there is no conflict",
            }  # fmt: skip
        return None

    def _all_done(self, flat: Flat, sentence: Sentence, context: str) -> Iterator[Finding]:
        """The figure-less "已全部办结": nothing was carried forward."""
        text = sentence.text
        for match in ALL_DONE.finditer(text):
            clause = clause_before(text, match.start())
            clause_start = match.start() - len(clause)
            prefix = looking_back(text, match.start())
            if "结转" in prefix or FOREIGN.search(clause) or self.wider(prefix) or DELTA.search(clause):
                continue
            if any(clause_start <= t.start - sentence.start < match.start() for t in sentence.tokens):
                continue  # "其中60件已全部办结" speaks of those 60 only
            if self.other_period(prefix) or not (APP_WORDS.search(context) or flat.application_aspect):
                continue
            carried_out = self.tables.carried_out()
            if carried_out is None or carried_out.value == 0:
                continue
            start = sentence.start + clause_start
            yield APPLICATION_COUNT.at(
                self.pos(flat, sentence.start + match.start()),
                flat.path,
                quote=quote(flat, start, sentence.start + match.end()),
                cells=carried_out.zh,
                cells_en=carried_out.en,
            )
            return

    # ------------------------------------------------------------ DL702

    def _no_applications(self, flat: Flat, sentence: Sentence, context: str) -> Iterator[Finding]:
        text = sentence.text
        for match in NONE_APPLICATIONS.finditer(text):
            if not ANY_APPLICANT.fullmatch(match.group("gap") or ""):
                continue  # "未收到其他…申请", "未收到涉密的申请": some, not all
            if match.group("word") == "申请" and not (flat.application_aspect or APP_WORDS.search(context)):
                continue
            clause = clause_before(text, match.start())
            prefix = looking_back(text, match.start())
            if len(clause) > 15 or HYPOTHETICAL.search(clause) or self.wider(prefix):
                continue
            if self.other_period(prefix):
                continue
            new = self.tables.new()
            if new is None or new.value == 0:
                continue
            start = sentence.start + match.start()
            yield NO_APPLICATIONS.at(
                self.pos(flat, start),
                flat.path,
                quote=quote(flat, start - len(clause), sentence.start + match.end()),
                value=new.value,
                line=self.report.pos((*statute.ROW_NEW.path, TOTAL)).line,
            )
            return

    # ------------------------------------------------------------ DL705

    def _breakdown(self, flat: Flat, sentence: Sentence, flagged: set[int]) -> Iterator[Finding]:
        text = sentence.text
        for match in islice(_AMONG.finditer(text), 10):  # a sentence has one or two
            at = match.start()
            before = [t for t in sentence.tokens if t.end - sentence.start <= at]
            if not before:
                continue
            whole = before[-1]
            between = text[whole.end - sentence.start : at]
            if between.strip("，,（(：:") or whole.approximate or DELTA.search(whole.lead.replace("各", "")):
                continue  # "各" only matters right before a figure ("各5件")
            if whole.lead.endswith("各"):
                continue
            stop = _list_end(text, match.end(), bracketed="（" in between or "(" in between)
            segment = _unbracketed(text[match.end() : stop])
            parts = [
                t
                for t in sentence.tokens
                if match.end() <= t.start - sentence.start < stop
                and not _inside_brackets(text, match.end(), t.start - sentence.start)
            ]
            if not parts or BREAKDOWN_STOP.search(segment) or CHANNELS.search(segment):
                continue
            if any(t.unit != whole.unit or t.approximate for t in parts):
                continue
            total = sum(t.value for t in parts)
            running, prefix_makes_whole = 0, False
            for token in parts[:-1]:
                running += token.value
                prefix_makes_whole = prefix_makes_whole or running == whole.value
            if total == whole.value or prefix_makes_whole:
                continue
            complete = bool(REMAINDER.search(parts[-1].lead)) or new_and_carried_in(parts, self.kinds)
            if total < whole.value and not complete:
                continue  # "其中" often names only the notable items
            if any(t.start in flagged for t in [whole, *parts]):
                continue  # the table finding already points at the wrong figure
            relation, relation_en = ("多于", "more than") if total > whole.value else ("不等于", "not")
            yield BREAKDOWN.at(
                self.pos(flat, parts[0].start),
                flat.path,
                parts=total,
                terms=" + ".join(str(t.value) for t in parts),
                relation=relation,
                relation_en=relation_en,
                whole_quote=quote(flat, whole.lead_start, whole.end),
            )
