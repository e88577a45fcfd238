"""Reading the prose of a report: sentences, counts and the words that scope them.

Shared by the rules that hold the text against the tables (rules/applications.py,
rules/appeals.py, rules/fee.py). A report's text is flattened (block scalars wrap lines
mid-sentence), cut into sentences, and every count in it ("70件", "十二件", "７０件") is read with
the clause before and after it, which is what decides what the count is about.

Counts are read only when their meaning is clear; these helpers say what frames a figure:
another year ("2022年…", "上年…"), a comparison ("较上年增加5件"), an approximation ("70余件"),
a wider scope ("全市各级…"), a subset ("按时办结60件"), or other business ("行政许可申请").
"""

from __future__ import annotations

import bisect
import functools
import re
import sys
from collections.abc import Iterator

from . import statute
from .document import Report
from .findings import Path, Pos
from .statute.numbers import chinese_numeral

SENTENCE_END = "。！？!?"
# Bounds that keep hostile input linear: no report's prose has a longer sentence or text part,
# and what decides the meaning of a figure is written close before it.
MAX_SENTENCE = 1_000
MAX_TEXT = 50_000
REACH = 200
MAX_FINDINGS = 50  # per text part: past that, the text is not prose the clerk wrote
FIGURE = "‖"  # where the figure stands in a window of text around it
CLAUSE_END = SENTENCE_END + "，,；;：:（）()【】[]"  # not 、: "行政复议、行政诉讼共3件" is one phrase
FOLD_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NON_SPACE = re.compile(r"\S+")
_FULL_WIDTH_DIGIT = re.compile("[０-９]")
_SENTENCE = re.compile(f"[^{re.escape(SENTENCE_END)}]+")
_CLAUSE_END = re.compile(f"[{re.escape(CLAUSE_END)}]")
_AFTER = sys.maxsize  # sorts after any offset: bisect finds the run a character is in

CN_NUMERAL = "零〇一二两三四五六七八九十百千万"
UNITS = "人次|万元|亿元|件|条|篇|份|个|项|次|宗|起|例|期|场|家|批|部|则|张|幅|套|本|册|元"
# A count: a number not run on from another ("3.5件", "1,5件" are not counts), then a unit.
# Read as: a digit or numeral not after a digit, "." or ","; then either more digits (thousands
# in groups of three, or a run) or more numerals; then no digit or "." and a unit. Written so
# that it starts with one character class, which lets the regular-expression engine skip the
# text between candidates (a lookbehind first would be tried at every character); the same
# matches as `(?<![\d.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+|[numerals]+)(?![\d.])(?P<unit>…)`.
TOKEN = re.compile(
    rf"(?P<num>[\d{CN_NUMERAL}](?<![\d.,].)"
    rf"(?:(?<=\d)(?:\d{{0,2}}(?:,\d{{3}})+|\d*)|(?<=[{CN_NUMERAL}])[{CN_NUMERAL}]*))"
    rf"(?![\d.])(?P<unit>{UNITS})"
)
# A numeral right after these is part of a word or an ordinal, not a count ("每一件", "第三件", "几十件").
NOT_A_COUNT_BEFORE = "每第统唯逐单这那某任几数若同"
NOT_A_COUNT_AFTER = "性事龙"  # 一次性, 一件事, 一条龙
APPROXIMATE_BEFORE = ("近", "约", "逾", "超过", "将近", "大约", "不少于", "不足", "不到", "上百", "数")
APPROXIMATE_AFTER = ("余", "多", "左右", "以上", "以下", "上下", "有余")


class Flat:
    """A text with its whitespace removed (block scalars wrap lines mid-sentence) and its
    full-width digits folded, with where each run of non-blank characters starts in the
    original value (`offset` maps a character back).

    `runs`: (index in `text`, offset in the value) of each run's start; `application_aspect`:
    part 一's 依申请公开 aspect, where 申请 alone means a disclosure application; `line_starts`:
    indices of characters that begin a line of the value.
    """

    __slots__ = ("_sentences", "application_aspect", "line_starts", "path", "runs", "text")

    def __init__(
        self,
        path: Path,
        text: str,
        runs: tuple[tuple[int, int], ...],
        application_aspect: bool,
        line_starts: frozenset[int],
    ) -> None:
        self.path = path
        self.text = text
        self.runs = runs
        self.application_aspect = application_aspect
        self.line_starts = line_starts
        self._sentences: list[Sentence] | None = None

    @classmethod
    def of(cls, path: Path, value: str) -> Flat:
        folded = value.translate(FOLD_DIGITS) if _FULL_WIDTH_DIGIT.search(value) else value
        runs, pieces, starts, at, previous_end = [], [], [], 0, 0
        for match in _NON_SPACE.finditer(folded):  # \S is exactly not str.isspace()
            piece, start = match.group(), match.start()
            if not runs or "\n" in folded[previous_end:start]:
                starts.append(at)
            runs.append((at, start))
            pieces.append(piece)
            at, previous_end = at + len(piece), match.end()
        aspect = path == (statute.PART1, "依申请公开")
        return cls(path, "".join(pieces), tuple(runs), aspect, frozenset(starts))

    @property
    def sentences(self) -> list[Sentence]:
        """Cut once: every reader shares them."""
        if self._sentences is None:
            self._sentences = _sentences(self)
        return self._sentences

    def offset(self, index: int) -> int:
        """Where character `index` of `text` is in the value (past the end: after the last one)."""
        if index >= len(self.text):
            return self.offset(len(self.text) - 1) + 1 if self.text else 0
        if index < 0:
            index += len(self.text)  # as the index of a sequence of offsets would
        run = bisect.bisect_right(self.runs, (index, _AFTER)) - 1
        start, offset = self.runs[run]
        return offset + index - start


class Token:
    """A count written in the text: "70件", "十二件".

    `lead` is the clause before it, back to a delimiter or the previous count (from
    `lead_start`); `tail` what follows, up to a delimiter or the next count.
    """

    __slots__ = ("approximate", "end", "lead", "lead_start", "start", "tail", "unit", "value")

    def __init__(
        self,
        start: int,
        end: int,
        value: int,
        unit: str,
        approximate: bool,
        lead: str = "",
        lead_start: int = 0,
        tail: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.unit = unit
        self.approximate = approximate
        self.lead = lead
        self.lead_start = lead_start
        self.tail = tail

    def __repr__(self) -> str:
        return f"Token({self.value}{self.unit} at {self.start}:{self.end}, lead={self.lead!r}, tail={self.tail!r})"

    @property
    def window(self) -> str:
        return f"{self.lead}{FIGURE}{self.tail}"

    @property
    def said_end(self) -> int:
        """Where what the text says about the count ends: "收到75件|政府信息公开申请|"."""
        return self.end + len(self.tail)


class Sentence:
    """A sentence of a flattened text (`start`:`end` in it) and the counts it writes."""

    __slots__ = ("end", "start", "text", "tokens")

    def __init__(self, start: int, end: int, text: str, tokens: list[Token] | None = None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.tokens: list[Token] = [] if tokens is None else tokens

    def __repr__(self) -> str:
        return f"Sentence({self.start}:{self.end} {self.text!r})"


def read_number(text: str) -> int | None:
    """70, 1,234 or 十二: the statute model's one reader of numerals decides Chinese ones."""
    if text[0].isdigit():
        return int(text.replace(",", ""))
    return chinese_numeral(text)


def sentences(flat: Flat) -> list[Sentence]:
    """The sentences of the text, each with its counts and their clauses (cut once per text:
    every reader shares them, and none changes them)."""
    return flat.sentences


def _sentences(flat: Flat) -> list[Sentence]:
    text = flat.text
    found = [
        Sentence(start, end, text[start:end])
        for start, end in (match.span() for match in _SENTENCE.finditer(text))
        if end - start <= MAX_SENTENCE
    ]
    # One scan of the whole text for counts, and one for the delimiters of their clauses: no count
    # spans a sentence end, and the marks around a sentence neither make nor break one.
    by_sentence: dict[int, list[re.Match[str]]] = {}
    at = 0
    for match in TOKEN.finditer(text) if found else ():
        while at < len(found) and found[at].end <= match.start():
            at += 1
        if at < len(found) and found[at].start <= match.start():
            by_sentence.setdefault(at, []).append(match)
    if by_sentence:
        delimiters = [match.start() for match in _CLAUSE_END.finditer(text)]
        for at, matches in by_sentence.items():
            found[at].tokens = _tokens(text, found[at], matches, delimiters)
    return found


def _tokens(
    text: str, sentence: Sentence, matches: list[re.Match[str]], delimiters: list[int]
) -> list[Token]:
    """The counts of a sentence, with their clauses; positions are in the whole `text`."""
    first, last = sentence.start, sentence.end
    tokens: list[Token] = []
    for match in matches:
        raw, unit = match.group(1, 2)
        start, end = match.span()
        before, after = text[max(first, start - 8) : start], text[end : min(last, end + 8)]
        if not raw[0].isdigit():
            if before[-1:] and before[-1] in NOT_A_COUNT_BEFORE:
                continue
            if unit == "个" or (raw == "一" and unit not in "件份宗起例"):
                continue
        if after[:1] and after[0] in NOT_A_COUNT_AFTER:
            continue
        value = read_number(raw)
        if value is None:
            continue
        approximate = before.endswith(APPROXIMATE_BEFORE) or after.startswith(APPROXIMATE_AFTER)
        tokens.append(Token(start, end, value, unit, approximate))
    # The clause around each count: from the last delimiter (or count) before it to the first after.
    for index, token in enumerate(tokens):
        floor = tokens[index - 1].end if index else first
        before_at = bisect.bisect_left(delimiters, token.start) - 1
        lead_start = delimiters[before_at] + 1 if before_at >= 0 and delimiters[before_at] >= floor else floor
        ceiling = tokens[index + 1].start if index + 1 < len(tokens) else last
        after_at = bisect.bisect_left(delimiters, token.end)
        tail_end = (
            delimiters[after_at] if after_at < len(delimiters) and delimiters[after_at] < ceiling else ceiling
        )
        token.lead, token.lead_start = text[lead_start : token.start], lead_start
        token.tail = text[token.end : tail_end]
    return tokens


def quote(flat: Flat, start: int, end: int, limit: int = 36) -> str:
    text = flat.text[start:end]
    return text if len(text) <= limit else "…" + text[-limit:]


# ---------------------------------------------------------------- what a figure is about

APP_WORDS = re.compile(
    r"政府信息公开申请|信息公开申请|公开申请|依申请|申请公开|申请政府信息|申请信息|公开信息申请"
)
# Other business with its own applications and cases: a count next to these is not ours.
FOREIGN = re.compile(
    r"复议|诉讼|起诉|信访|投诉|举报|许可|审批|建议|提案|咨询|留言|来电|来信|热线|12345|政务服务|登记|网办"
    r"|处罚|强制|纠纷|调解|援助|公证|通知|告知|收费|缴|处理费|人次"
)
# A wider scope than the organ's own table: "全市各级行政机关共收到…".
WIDER = re.compile(
    r"全[市区县省州盟旗镇乡]|各级|各部门|各单位|各地|各[镇乡]|各街道|全系统|系统内|下属|所属|直属|各县"
)
# A subset of the applications, not a row of the table: "其中60件已按时办结", "网上申请50件".
SUBSET = re.compile(
    r"按时|如期|按期|延期|超期|当[月日天场]|即时|限时|提前|期限内|日内|以内"
    r"|网上|线上|现场|当面|信函|邮寄|传真|电子邮件|来访"
)
DELTA = re.compile(r"较|同比|环比|比上年|比去年|增加|减少|增长|下降|上升|持平|多出|少于|多于|占|分别|各")
# Time markers; the last one before a figure says which year it belongs to.
PERIOD = re.compile(
    r"(?P<year>\d{4})年|本年度?|今年|全年|年内|当年|报告期"
    r"|上一?年度?|去年|前年|往年|历年|下一?年度?|明年|次年|来年|以来|下一步|今后|将"
)
CURRENT_WORDS = ("本年", "本年度", "今年", "全年", "年内", "当年", "报告期")
TITLE = re.compile(r"《[^》]*》")


@functools.lru_cache(maxsize=64)
def kinds_pattern(year: int | None) -> list[tuple[str, re.Pattern[str]]]:
    """Kinds of application counts, strongest first; each one's words are masked before the next."""
    last = rf"|{year - 1}年度?" if year else ""
    following = rf"|{year + 1}年度?" if year else ""
    return [
        ("result", re.compile(r"予以公开|部分公开|不予公开|无法提供|不予处理|其他处理")),
        (
            "carried_out",
            re.compile(
                rf"(?:结转|转入|转)(?:至|到|入)?(?:下一?年度?|下年度?|次年|明年{following})(?:继续)?(?:办理|处理|答复)?"
                r"|跨年度?(?:办理|处理)?"
            ),
        ),
        (
            "carried_in",
            re.compile(
                rf"(?:上一?年度?|去年{last})(?:度)?(?:结转|遗留|转入)(?:的|来的|过来的)?"
                rf"|结转(?:自)?(?:上一?年度?|去年{last})(?:度)?(?:的)?"
            ),
        ),
        ("new", re.compile(r"新收|新受理|新接收")),
        ("completed", re.compile(r"办结|办理完毕|处理完毕|答复完毕|已答复|完成答复|予以答复|作出答复")),
        # Weak words, read only before the figure: "有2件申请…终止办理" is not a count handled.
        ("received", re.compile(r"收到|受理|接收|接到|收悉")),
        ("handled", re.compile(r"(?<![再止未停])(?:办理|处理|答复|回复)")),
    ]


def mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: "□" * len(m.group()), text)


def other_period(prefix: str, year: int | None) -> bool:
    """Whether the last time marker before a figure puts it outside the report year."""
    marker = None
    for match in PERIOD.finditer(TITLE.sub(lambda m: "□" * len(m.group()), prefix)):
        marker = match
    if marker is None:
        return False
    if marker.group("year"):
        return year is not None and int(marker.group("year")) != year
    return marker.group() not in CURRENT_WORDS


def looking_back(text: str, index: int) -> str:
    """The text before `index`, as far back as a figure's context reaches."""
    return text[max(0, index - REACH) : index]


def clause_before(text: str, index: int) -> str:
    """The clause that `index` is in, up to `index`."""
    prefix = looking_back(text, index)
    return prefix[max([-1] + [prefix.rfind(c) for c in CLAUSE_END]) + 1 :]


GOVERNMENT_KINDS = (statute.KIND_GOVERNMENT, statute.KIND_ZONE, statute.KIND_TOWNSHIP)
# A negation that is a condition or a purpose, not a fact: "对未受理的申请…", "确保未…".
HYPOTHETICAL = re.compile(r"对于?|如果?|若|凡|倘|的|将|把|针对|避免|防止|确保|是否|未经|除")
# What ties a sentence on appeals or fees to disclosure, rather than to other business.
DISCLOSURE_LINK = re.compile(r"信息公开|依申请|政务公开|公开申请")


def mask_status(text: str, kinds: list[tuple[str, re.Pattern[str]]]) -> str:
    """Hide 结转下年度 / 上年结转, whose years are part of the name, not a time frame."""
    for name, pattern in kinds:
        if name in ("carried_out", "carried_in"):
            text = mask(text, pattern)
    return text


def report_year(report: Report) -> int | None:
    year = report.get((statute.YEAR,))
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def texts(report: Report) -> Iterator[Flat]:
    """The report's text parts, flattened; a part too long to be prose a clerk wrote is skipped
    (`too_long` names them, so that one rule can say so: not a silent pass). Flattened once per
    report, for every rule that reads the text."""
    yield from report.derived(texts, lambda: _texts(report))


def _texts(report: Report) -> list[Flat]:
    flats = (_readable(report, path) for path in report.text_paths())
    return [flat for flat in flats if flat is not None]


def too_long(report: Report) -> Iterator[tuple[Path, int]]:
    """(path, length) of each text part that `texts` skips."""
    read = {flat.path for flat in texts(report)}
    for path in report.text_paths():
        value = report.get(path)
        if isinstance(value, str) and value.strip() and path not in read:
            yield path, len(value)


def _readable(report: Report, path: Path) -> Flat | None:
    value = report.get(path)
    if isinstance(value, str) and value.strip() and len(value) <= 2 * MAX_TEXT:
        flat = Flat.of(path, value)
        if len(flat.text) <= MAX_TEXT:
            return flat
    return None


class TextReader:
    """What every reader of the text needs: where a character is, the year figures belong to,
    and the table values to hold them against."""

    def __init__(self, report: Report) -> None:
        from .table_facts import Tables

        self.report = report
        self.year = report_year(report)
        self.kinds = kinds_pattern(self.year)
        self.tables = report.derived(Tables, lambda: Tables(report))

    def pos(self, flat: Flat, index: int) -> Pos:
        return self.report.text_pos(flat.path, flat.offset(index))

    def other_period(self, prefix: str) -> bool:
        return other_period(mask_status(prefix, self.kinds), self.year)

    def wider(self, text: str) -> bool:
        """Whether `text` speaks of a wider scope than the report's tables (全市各级…); a
        government's own area ("全县" in a county's report) is its own scope, not a wider one."""
        if self.own_area:
            text = text.replace(self.own_area, "□□")
        return bool(WIDER.search(text))

    @functools.cached_property
    def own_area(self) -> str | None:
        """ "全县" for 沭阳县人民政府's report, "全区" for a district's or a zone's; None for a department."""
        kind, agency = self.report.get((statute.KIND,)), self.report.get((statute.AGENCY,))
        if kind not in GOVERNMENT_KINDS or not isinstance(agency, str):
            return None
        name = agency.strip().removesuffix("人民政府").removesuffix("管委会").removesuffix("管理委员会")
        if name.endswith(("办事处", "街道")):
            return "全街道"
        return f"全{name[-1]}" if name and name[-1] in "省市区县镇乡州盟旗" else None
