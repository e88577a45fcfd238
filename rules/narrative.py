"""DL70x: what the text says against what the tables say.

The tables of parts 三 and 四 can balance while the prose around them says something else:
"共收到申请75件" over a table of 74, "未收到政府信息公开申请" over a table with applications,
"未发生行政复议" over a table 四 with a case, "其中" breakdowns whose parts do not make their
whole. Supervisors and evaluators list exactly these among the usual faults of published reports
(narrative figures contradicting tables 三 and 四; see the 2021 format, 国办公开办函〔2021〕30号,
and the notices that enforce it under 《条例》第五十条). A reader who finds two figures for one
fact trusts neither, so each finding names the place in the text and the table cell it contradicts.

    DL701  a count of applications in the text — received, new (本年新收), carried over from last
           year (上年结转), completed (办结, i.e. （七）总计), carried forward (结转下年度继续办理),
           handled (办理: any of these), a result group (予以公开 …), "全部办结" — that no matching
           table 三 总计 gives; "共收到…75件" may be 新收 or 新收 + 上年结转.
    DL702  "未收到政府信息公开申请" / "无依申请公开" while table 三 has 本年新收 applications.
    DL703  "未发生…行政复议/行政诉讼" while table 四 has cases.
    DL704  a count of 行政复议 / 行政诉讼 cases in the text that table 四's 总计 does not give.
    DL705  "X条，其中A a条，B b条…" whose parts exceed the whole, or, when the list says it is
           complete (其余 …, or 新收 + 上年结转), do not make it.
    DL706  the 信息处理费 statement (《政府信息公开信息处理费管理办法》，国办函〔2020〕109号)
           against table 三 （六）2: applications dropped because the fee was not paid. Such an
           application had a fee notice, so "未发出收费通知" over a non-zero row is a contradiction;
           "未收取信息处理费" is not (notices were sent, nobody paid), so it is left alone.

A warning that a clerk learns to ignore is worse than none, so a sentence is read only when its
meaning is clear, and left alone otherwise:
* a figure counts only when it is about disclosure applications (the clause names them, or says
  新收 / 结转 / 办结 in a sentence that names them) and names no other business (行政许可,
  信访, 人大建议, 行政复议 申请 …); 行政复议 and 行政诉讼 figures count only in a sentence tied to
  政府信息公开;
* figures framed by another year ("2022年收到…", "上年…", "2024年将…"), by a comparison ("较上年
  增加5件"), by an approximation ("70余件", "近百件"), by a wider scope ("全市各级行政机关…") or
  by "各" are skipped;
* a breakdown that is short of its whole is silent unless the list says it is complete: "其中"
  lists often name only the notable items; a list that overshoots is checked unless it is over
  publication channels (one item is often published on several) or a first run of its parts
  already makes the whole (a second breakdown follows in the same list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from disclosure_lint.api import WARNING, Finding, Path, Pos, Report, Rule, row_label, statute
from disclosure_lint.messages import text_too_long

TABLE3 = "《条例》第五十条第（二）项；国办公开办函〔2021〕30号 表三"
TABLE4 = "《条例》第五十条第（三）项；国办公开办函〔2021〕30号 表四"

APPLICATION_COUNT = Rule(
    "DL701", "narrative-application-count", WARNING,
    "正文中的申请件数与表三不符", "A count of applications in the text disagrees with table 三",
    TABLE3,
    "正文说“{quote}”，但表三{cells}",
    "the text says '{quote}', but table 三 has {cells_en}",
)  # fmt: skip
NO_APPLICATIONS = Rule(
    "DL702", "narrative-no-applications", WARNING,
    "正文说没有收到申请，表三却有本年新收申请", "The text says no applications came in, table 三 has some",
    TABLE3,
    "正文说“{quote}”，但表三“本年新收”总计为 {value}（第 {line} 行）",
    "the text says '{quote}' (no applications), but table 三 '本年新收' totals {value} (line {line})",
)  # fmt: skip
NO_APPEALS = Rule(
    "DL703", "narrative-no-appeals", WARNING,
    "正文说没有行政复议或行政诉讼，表四却有案件", "The text says there were no appeals or suits, table 四 has some",
    TABLE4,
    "正文说“{quote}”，但表四{cells}",
    "the text says '{quote}', but table 四 has {cells_en}",
)  # fmt: skip
APPEAL_COUNT = Rule(
    "DL704", "narrative-appeal-count", WARNING,
    "正文中的行政复议、行政诉讼件数与表四不符", "A count of appeals or suits in the text disagrees with table 四",
    TABLE4,
    "正文说“{quote}”，但表四{cells}",
    "the text says '{quote}', but table 四 has {cells_en}",
)  # fmt: skip
BREAKDOWN = Rule(
    "DL705", "breakdown-sum", WARNING,
    "“其中”所列各项之和与总数不符", "The parts listed after 其中 do not add up to their whole",
    "《条例》第五十条",
    "“其中”所列各项之和为 {parts}（{terms}），{relation}前面说的“{whole_quote}”",
    "the parts listed after 其中 add up to {parts} ({terms}), {relation_en} '{whole_quote}' before them",
)  # fmt: skip
FEE = Rule(
    "DL706", "narrative-fee", WARNING,
    "正文中的信息处理费情况与表三（六）2不符",
    "The text on the 信息处理费 disagrees with table 三 row （六）2",
    "国办函〔2020〕109号；国办公开办函〔2021〕30号 表三（六）2",
    "正文说“{quote}”，但表三“{row}”总计为 {value}（第 {line} 行）：{why}",
    "the text says '{quote}', but table 三 '{row}' totals {value} (line {line}): {why_en}",
)  # fmt: skip

RULES = (APPLICATION_COUNT, NO_APPLICATIONS, NO_APPEALS, APPEAL_COUNT, BREAKDOWN, FEE)

TOTAL = statute.PART3_COLUMNS.index(statute.TOTAL)
PART4_TOTAL = statute.PART4_COLUMNS.index(statute.TOTAL)
FEE_ROW = next(row for row in statute.RESULT_ROWS if "缴纳费用" in row.label)

# ---------------------------------------------------------------- reading the text

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

CN_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
CN_NUMERAL = "零〇一二两三四五六七八九十百千万"
UNITS = "人次|万元|亿元|件|条|篇|份|个|项|次|宗|起|例|期|场|家|批|部|则|张|幅|套|本|册|元"
TOKEN = re.compile(
    rf"(?<![\d.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|[{CN_NUMERAL}]+)(?![\d.])(?P<unit>{UNITS})"
)
# A numeral right after these is part of a word or an ordinal, not a count ("每一件", "第三件", "几十件").
NOT_A_COUNT_BEFORE = "每第统唯逐单这那某任几数若同"
NOT_A_COUNT_AFTER = "性事龙"  # 一次性, 一件事, 一条龙
APPROXIMATE_BEFORE = ("近", "约", "逾", "超过", "将近", "大约", "不少于", "不足", "不到", "上百", "数")
APPROXIMATE_AFTER = ("余", "多", "左右", "以上", "以下", "上下", "有余")


@dataclass(frozen=True)
class Flat:
    """A text with its whitespace removed (block scalars wrap lines mid-sentence) and its
    full-width digits folded, with the offset in the original value of every character."""

    path: Path
    text: str
    offsets: tuple[int, ...]
    application_aspect: bool  # part 一's 依申请公开 aspect: 申请 alone means a disclosure application

    @classmethod
    def of(cls, path: Path, value: str) -> Flat:
        folded = value.translate(FOLD_DIGITS) if _FULL_WIDTH_DIGIT.search(value) else value
        spans = [match.span() for match in _NON_SPACE.finditer(folded)]  # \S is exactly not str.isspace()
        return cls(
            path,
            "".join(folded[start:end] for start, end in spans),
            tuple(i for start, end in spans for i in range(start, end)),
            path == (statute.PART1, "依申请公开"),
        )

    def offset(self, index: int) -> int:
        return (
            self.offsets[index]
            if index < len(self.offsets)
            else (self.offsets[-1] + 1 if self.offsets else 0)
        )


@dataclass
class Token:
    """A count written in the text: "70件", "十二件"."""

    start: int
    end: int
    value: int
    unit: str
    approximate: bool
    lead: str = ""  # the clause before it, back to a delimiter or the previous count
    lead_start: int = 0
    tail: str = ""  # after it, up to a delimiter or the next count

    @property
    def window(self) -> str:
        return f"{self.lead}{FIGURE}{self.tail}"

    @property
    def said_end(self) -> int:
        """Where what the text says about the count ends: "收到75件|政府信息公开申请|"."""
        return self.end + len(self.tail)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


def cn_int(numeral: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 两 → 2, 一〇五 → 105; None for what is not a numeral."""
    if all(c in CN_DIGITS for c in numeral):
        return int("".join(str(CN_DIGITS[c]) for c in numeral))
    total = section = number = 0
    for char in numeral:
        if char in CN_DIGITS:
            number = CN_DIGITS[char]
        elif char in CN_UNITS:
            section += (number or (1 if char == "十" else 0)) * CN_UNITS[char]
            if number == 0 and char != "十":
                return None  # 百, 千 without a digit before them
            number = 0
        else:  # 万
            total += (section + number) * 10_000
            section = number = 0
    return total + section + number


def read_number(text: str) -> int | None:
    if text[0].isdigit():
        return int(text.replace(",", ""))
    return cn_int(text)


def sentences(flat: Flat) -> list[Sentence]:
    """The sentences of the text, each with its counts and their clauses."""
    found: list[Sentence] = []
    start = 0
    for index, char in enumerate(flat.text + "。"):
        if char in SENTENCE_END:
            if index > start:
                found.append(Sentence(start, index, flat.text[start:index]))
            start = index + 1
    found = [sentence for sentence in found if len(sentence.text) <= MAX_SENTENCE]
    for sentence in found:
        sentence.tokens = _tokens(sentence)
    return found


def _tokens(sentence: Sentence) -> list[Token]:
    text = sentence.text
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        raw, unit = match.group("num"), match.group("unit")
        before, after = text[max(0, match.start() - 8) : match.start()], text[match.end() : match.end() + 8]
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
        tokens.append(Token(match.start(), match.end(), value, unit, approximate))
    for index, token in enumerate(tokens):
        floor = tokens[index - 1].end if index else 0
        lead_start = max([floor] + [i + 1 for i in range(floor, token.start) if text[i] in CLAUSE_END])
        ceiling = tokens[index + 1].start if index + 1 < len(tokens) else len(text)
        tail_end = next((i for i in range(token.end, ceiling) if text[i] in CLAUSE_END), ceiling)
        token.lead, token.lead_start = text[lead_start : token.start], lead_start
        token.tail = text[token.end : tail_end]
    for token in tokens:  # positions in the whole text from here on
        token.start += sentence.start
        token.end += sentence.start
        token.lead_start += sentence.start
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


# The reasons that name one row of a result group (表三（三）1 … （六）3).
REASON = re.compile(
    r"国家秘密|法律行政法规|三安全|第三方|内部事务|过程性|执法案卷|查询|不掌握|另行制作|不明确"
    r"|信访|举报|投诉|重复|出版物|大量反复|确认|重新出具|补正|缴"
)
RESULT_GROUPS = {
    "予以公开": statute.DISCLOSED,
    "部分公开": statute.PARTLY,
    "不予公开": statute.WITHHELD,
    "无法提供": statute.UNABLE,
    "不予处理": statute.NOT_PROCESSED,
    "其他处理": statute.OTHER_HANDLING,
}
STRONG_KINDS = frozenset({"result", "carried_out", "carried_in", "new", "completed"})
WEAK_KINDS = frozenset({"received", "handled"})


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


# ---------------------------------------------------------------- table values


@dataclass(frozen=True)
class Cell:
    """One value of a table, as a message names it."""

    value: int
    zh: str
    en: str


class Tables:
    """The table values the text is compared with, each with the line of its 总计 cell."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.table3_balances = _table3_balances(report)

    def _line(self, path: Path) -> int:
        return self.report.pos(path).line

    def _value(self, path: Path) -> int | None:
        if path[0] == statute.PART3 and not self.table3_balances:
            return None  # the totals rules report the table; one slip, one finding
        if path[0] == statute.PART4 and not _block_balances(self.report, path[1]):
            return None
        return self.report.count(path)

    def _cell(self, path: Path, name: str, name_en: str) -> Cell | None:
        value = self._value(path)
        if value is None:
            return None
        line = self._line(path)
        return Cell(value, f"{name}为 {value}（第 {line} 行）", f"{name_en} {value} (line {line})")

    def new(self) -> Cell | None:
        return self._cell((*statute.ROW_NEW.path, TOTAL), "“本年新收”总计", "'本年新收' total")

    def carried_in(self) -> Cell | None:
        return self._cell((*statute.ROW_CARRIED_IN.path, TOTAL), "“上年结转”总计", "'上年结转' total")

    def completed(self) -> Cell | None:
        path = (*statute.ROW_RESULTS_TOTAL.path, TOTAL)
        return self._cell(path, "办理结果“（七）总计”", "results '（七）总计'")

    def carried_out(self) -> Cell | None:
        path = (*statute.ROW_CARRIED_OUT.path, TOTAL)
        return self._cell(path, "“结转下年度继续办理”总计", "'结转下年度继续办理' total")

    def new_and_carried_in(self) -> Cell | None:
        new, carried_in = self.new(), self.carried_in()
        if new is None or carried_in is None:
            return None
        value = new.value + carried_in.value
        line = self._line((*statute.ROW_CARRIED_IN.path, TOTAL))
        return Cell(
            value, f"加上“上年结转”为 {value}（第 {line} 行）", f"{value} with '上年结转' (line {line})"
        )

    def result_group(self, group: str) -> Cell | None:
        rows = [row for row in statute.RESULT_ROWS if row.path[2] == group]
        value = _sum([self._value((*row.path, TOTAL)) for row in rows])
        if value is None:
            return None
        lines = [self._line((*row.path, TOTAL)) for row in rows]
        label = row_label(rows[0].path).split("·")[0]
        if len(rows) == 1:
            return Cell(
                value,
                f"“{label}”总计为 {value}（第 {lines[0]} 行）",
                f"'{label}' total {value} (line {lines[0]})",
            )
        return Cell(
            value,
            f"“{label}”各项总计之和为 {value}（第 {lines[0]}–{lines[-1]} 行）",
            f"'{label}' rows total {value} (lines {lines[0]}–{lines[-1]})",
        )

    def appeals(self, block: str) -> Cell | None:
        return self._cell((statute.PART4, block, PART4_TOTAL), f"“{block}”总计", f"'{block}' total")

    def fee_row(self) -> Cell | None:
        label = row_label(FEE_ROW.path)
        return self._cell((*FEE_ROW.path, TOTAL), f"“{label}”总计", f"'{label}' total")


def _table3_balances(report: Report) -> bool:
    """Whether table 三 adds up wherever it can be read (what rules/totals.py checks).

    The text is compared with the table only when it does: a table that does not add up is
    reported by the totals rules, and a figure in the text that agrees with the correct table
    but not with the typo would be the same slip reported twice.
    """
    width = len(statute.PART3_COLUMNS)
    rows = {row.path: [report.count((*row.path, c)) for c in range(width)] for row in statute.PART3_ROWS}
    for cells in rows.values():
        if None not in cells and _sum(cells[:TOTAL]) != cells[TOTAL]:
            return False
    for c in range(width):
        new, carried_in, completed, carried_out = (
            rows[row.path][c]
            for row in (
                statute.ROW_NEW,
                statute.ROW_CARRIED_IN,
                statute.ROW_RESULTS_TOTAL,
                statute.ROW_CARRIED_OUT,
            )
        )
        results = _sum([rows[row.path][c] for row in statute.RESULT_ROWS])
        if None not in (results, completed) and results != completed:
            return False
        came, went = _sum([new, carried_in]), _sum([completed, carried_out])
        if None not in (came, went) and came != went:
            return False
    return True


def _block_balances(report: Report, block: str | int) -> bool:
    cells = [report.count((statute.PART4, block, c)) for c in range(len(statute.PART4_COLUMNS))]
    return None in cells or _sum(cells[:PART4_TOTAL]) == cells[PART4_TOTAL]


def _sum(values: list[int | None]) -> int | None:
    """The sum, or None when a value cannot be read."""
    total = 0
    for value in values:
        if value is None:
            return None
        total += value
    return total


def _join(cells: list[Cell]) -> tuple[str, str]:
    return "，".join(c.zh for c in cells), ", ".join(c.en for c in cells)


# ---------------------------------------------------------------- the check


def check(report: Report) -> Iterator[Finding]:
    year = report.get((statute.YEAR,))
    year = year if isinstance(year, int) and not isinstance(year, bool) else None
    reader = Reader(report, Tables(report), kinds_pattern(year), year)
    for path in report.text_paths():
        value = report.get(path)
        if isinstance(value, str) and value.strip() and len(value) <= 2 * MAX_TEXT:
            flat = Flat.of(path, value)
            if len(flat.text) <= MAX_TEXT:
                yield from islice(reader.read(flat), MAX_FINDINGS)
                continue
        if isinstance(value, str) and value.strip():  # too long to read: say so, not a silent pass
            yield text_too_long(
                report.pos(path),
                path,
                len(value),
                MAX_TEXT,
                "正文与表格的核对（DL701–DL706）",
                "the text-against-table checks (DL701–DL706)",
            )


def looking_back(text: str, index: int) -> str:
    """The text before `index`, as far back as a figure's context reaches."""
    return text[max(0, index - REACH) : index]


def clause_before(text: str, index: int) -> str:
    """The clause that `index` is in, up to `index`."""
    prefix = looking_back(text, index)
    return prefix[max([-1] + [prefix.rfind(c) for c in CLAUSE_END]) + 1 :]


@dataclass
class Reader:
    report: Report
    tables: Tables
    kinds: list[tuple[str, re.Pattern[str]]]
    year: int | None

    def read(self, flat: Flat) -> Iterator[Finding]:
        flagged: set[int] = set()  # figures already reported against a table
        previous = ""
        for sentence in sentences(flat):
            context = previous + sentence.text
            for finding, start in self._application_counts(flat, sentence, context):
                flagged.add(start)
                yield finding
            yield from self._all_done(flat, sentence, context)
            yield from self._no_applications(flat, sentence, context)
            yield from self._no_appeals(flat, sentence)
            yield from self._appeal_counts(flat, sentence)
            yield from self._fee(flat, sentence)
            yield from self._breakdown(flat, sentence, flagged)
            previous = sentence.text

    def _pos(self, flat: Flat, index: int) -> Pos:
        return self.report.text_pos(flat.path, flat.offset(index))

    def _other_period(self, prefix: str) -> bool:
        return other_period(_mask_status(prefix, self.kinds), self.year)

    # ------------------------------------------------------------ DL701

    def _application_counts(
        self, flat: Flat, sentence: Sentence, context: str
    ) -> Iterator[tuple[Finding, int]]:
        for token in sentence.tokens:
            if token.approximate or token.unit not in ("件", "份", "宗"):
                continue
            window = token.window
            if FOREIGN.search(window) or DELTA.search(window) or SUBSET.search(window):
                continue
            found = _kinds(window, self.kinds)
            if not found:
                continue
            prefix = looking_back(sentence.text, token.start - sentence.start)
            if WIDER.search(prefix + window) or self._other_period(prefix):
                continue
            if not _about_applications(flat, window, previous_and(prefix, context, sentence), found):
                continue
            cells = _expected(self.tables, found)
            if cells is None or any(cell.value == token.value for cell in cells):
                continue
            zh, en = _join(cells)
            finding = APPLICATION_COUNT.at(
                self._pos(flat, token.start), flat.path,
                quote=quote(flat, token.lead_start, token.said_end), cells=zh, cells_en=en,
            )  # fmt: skip
            yield finding, token.start

    def _all_done(self, flat: Flat, sentence: Sentence, context: str) -> Iterator[Finding]:
        """The figure-less "已全部办结": nothing was carried forward."""
        text = sentence.text
        for match in ALL_DONE.finditer(text):
            clause = clause_before(text, match.start())
            clause_start = match.start() - len(clause)
            prefix = looking_back(text, match.start())
            if "结转" in prefix or FOREIGN.search(clause) or WIDER.search(prefix) or DELTA.search(clause):
                continue
            if any(clause_start <= t.start - sentence.start < match.start() for t in sentence.tokens):
                continue  # "其中60件已全部办结" speaks of those 60 only
            if self._other_period(prefix) or not (APP_WORDS.search(context) or flat.application_aspect):
                continue
            carried_out = self.tables.carried_out()
            if carried_out is None or carried_out.value == 0:
                continue
            start = sentence.start + clause_start
            yield APPLICATION_COUNT.at(
                self._pos(flat, sentence.start + match.start()), flat.path,
                quote=quote(flat, start, sentence.start + match.end()),
                cells=carried_out.zh, cells_en=carried_out.en,
            )  # fmt: skip
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
            if len(clause) > 15 or HYPOTHETICAL.search(clause) or WIDER.search(prefix):
                continue
            if self._other_period(prefix):
                continue
            new = self.tables.new()
            if new is None or new.value == 0:
                continue
            start = sentence.start + match.start()
            yield NO_APPLICATIONS.at(
                self._pos(flat, start), flat.path,
                quote=quote(flat, start - len(clause), sentence.start + match.end()),
                value=new.value, line=self.report.pos((*statute.ROW_NEW.path, TOTAL)).line,
            )  # fmt: skip
            return

    # ------------------------------------------------------------ DL703

    def _no_appeals(self, flat: Flat, sentence: Sentence) -> Iterator[Finding]:
        text = sentence.text
        if WIDER.search(text):
            return
        for match in sorted(
            [*NONE_APPEALS.finditer(text), *ZERO_APPEALS.finditer(text)], key=lambda m: m.start()
        ):
            end = next((i for i in range(match.end(), len(text)) if text[i] in "，,；;：:"), len(text))
            start = match.end("neg") if match.re is NONE_APPEALS else match.start()
            said = text[start:end]  # what is said not to have happened
            if match.re is NONE_APPEALS and (
                text.startswith("未经", match.start()) or (match.group("gap") or "")[:1] in NOT_A_NEGATION
            ):
                continue
            if APPEAL_DETAIL.search(said.replace("不服", "")):
                continue  # about a result column: "无行政复议被纠正的情况"
            if match.re is NONE_APPEALS and re.search(r"\d|[一二两三四五六七八九十][件起宗次例]", said):
                continue  # a figure: DL704 reads it
            prefix = looking_back(text, match.start())
            clause = clause_before(text, match.start())
            if len(clause) > 15 or HYPOTHETICAL.search(clause) or self._other_period(prefix):
                continue
            if not DISCLOSURE_LINK.search(prefix + said):
                continue
            cells = _appeal_cells(self.tables, _appeal_kinds(said))
            if cells is None or cells[0] == 0:
                continue
            _, known = cells
            zh, en = _join([cell for cell in known if cell.value])
            yield NO_APPEALS.at(
                self._pos(flat, sentence.start + match.start()), flat.path,
                quote=quote(flat, sentence.start + match.start() - len(clause), sentence.start + end),
                cells=zh, cells_en=en,
            )  # fmt: skip
            return

    # ------------------------------------------------------------ DL704

    def _appeal_counts(self, flat: Flat, sentence: Sentence) -> Iterator[Finding]:
        text = sentence.text
        if WIDER.search(text):
            return
        for token in sentence.tokens:
            if token.approximate or token.unit not in ("件", "起", "宗", "个", "次", "例"):
                continue
            window = token.window
            kinds = _appeal_kinds(window)
            if not kinds or APPEAL_DETAIL.search(window.replace("不服", "")) or DELTA.search(window):
                continue
            prefix = looking_back(text, token.start - sentence.start)
            if not DISCLOSURE_LINK.search(prefix) or self._other_period(prefix):
                continue
            cells = _appeal_cells(self.tables, kinds)
            if cells is None or cells[0] == token.value:
                continue
            total, known = cells
            zh, en = _join(known)
            if len(known) > 1:
                zh, en = f"{zh}，合计 {total}", f"{en}, {total} in all"
            yield APPEAL_COUNT.at(
                self._pos(flat, token.start), flat.path,
                quote=quote(flat, token.lead_start, token.said_end), cells=zh, cells_en=en,
            )  # fmt: skip

    # ------------------------------------------------------------ DL706

    def _fee(self, flat: Flat, sentence: Sentence) -> Iterator[Finding]:
        text = sentence.text
        if not re.search(r"收费|缴|交纳|处理费", text):
            return
        row = self.tables.fee_row()
        if row is None:
            return
        claims: list[tuple[int, int, int, str, str]] = []  # at, start, end in the sentence; why, why_en
        for token in sentence.tokens:
            if token.approximate or token.unit not in ("件", "份", "个", "次", "宗"):
                continue
            window, start = token.window, token.lead_start - sentence.start
            if DELTA.search(window) or self._other_period(looking_back(text, start)):
                continue
            at, end = token.start - sentence.start, token.said_end - sentence.start
            if UNPAID.search(window) and DROPPED.search(window):
                if token.value != row.value:
                    claims.append((at, start, end, "两处件数应一致", "the two counts should agree"))
            elif "收费通知" in window and token.value < row.value:
                claims.append((
                    at, start, end,
                    f"有 {row.value} 件申请因逾期不缴费而不再处理，就至少发出过 {row.value} 件收费通知",
                    f"{row.value} applications dropped for unpaid fees means at least {row.value} fee notices",
                ))  # fmt: skip
        if row.value > 0:
            for match in [*NO_NOTICE.finditer(text), *NO_DROPPED.finditer(text)]:
                if self._other_period(looking_back(text, match.start())) or HYPOTHETICAL.search(
                    clause_before(text, match.start())
                ):
                    continue
                why = (
                    ("申请人逾期不缴费而不再处理的申请，都先收到过收费通知",
                     "an application dropped for an unpaid fee was first sent a fee notice")
                    if match.re is NO_NOTICE else ("两处说法应一致", "the two should agree")
                )  # fmt: skip
                claims.append((match.start(), match.start(), match.end(), *why))
        for at, start, end, why, why_en in sorted(claims)[:1]:
            yield FEE.at(
                self._pos(flat, sentence.start + at), flat.path,
                quote=quote(flat, sentence.start + start, sentence.start + end), row=row_label(FEE_ROW.path),
                value=row.value, line=self.report.pos((*FEE_ROW.path, TOTAL)).line, why=why, why_en=why_en,
            )  # fmt: skip

    # ------------------------------------------------------------ DL705

    def _breakdown(self, flat: Flat, sentence: Sentence, flagged: set[int]) -> Iterator[Finding]:
        text = sentence.text
        for match in islice(re.finditer(r"其中", text), 10):  # a sentence has one or two
            at = match.start()
            before = [t for t in sentence.tokens if t.end - sentence.start <= at]
            if not before:
                continue
            whole = before[-1]
            between = text[whole.end - sentence.start : at]
            if between.strip("，,（(：:") or whole.approximate or DELTA.search(whole.lead):
                continue
            stop = next((i for i in range(match.end(), len(text)) if text[i] in "；;"), len(text))
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
            complete = bool(REMAINDER.search(parts[-1].lead)) or _new_and_carried_in(parts, self.kinds)
            if total < whole.value and not complete:
                continue  # "其中" often names only the notable items
            if any(t.start in flagged for t in [whole, *parts]):
                continue  # the table finding already points at the wrong figure
            relation, relation_en = ("多于", "more than") if total > whole.value else ("不等于", "not")
            yield BREAKDOWN.at(
                self._pos(flat, parts[0].start), flat.path,
                parts=total, terms=" + ".join(str(t.value) for t in parts),
                relation=relation, relation_en=relation_en, whole_quote=quote(flat, whole.lead_start, whole.end),
            )  # fmt: skip


# ---------------------------------------------------------------- DL701 helpers

ALL_DONE = re.compile(
    r"(?:全部|均已?|都已?|已全部|全数)(?:按时|依法|如期|在法定期限内)?(?:办结|办理完毕|处理完毕)"
)


def _mask_status(text: str, kinds: list[tuple[str, re.Pattern[str]]]) -> str:
    """Hide 结转下年度 / 上年结转, whose years are part of the name, not a time frame."""
    for name, pattern in kinds:
        if name in ("carried_out", "carried_in"):
            text = mask(text, pattern)
    return text


def _kinds(window: str, kinds: list[tuple[str, re.Pattern[str]]]) -> list[tuple[str, str]]:
    """(kind, the words that said it), strongest first; weaker kinds only read what is left."""
    found: list[tuple[str, str]] = []
    for name, pattern in kinds:
        read = window.split(FIGURE)[0] if name in WEAK_KINDS else window
        matches = {m.group() for m in pattern.finditer(read)}
        if not matches:
            continue
        if name == "result":
            # A result figure is only that result; "予以公开、部分公开共33件" is two of them, and
            # "因涉及国家秘密不予公开1件" is one row of the group, not the group.
            return [(name, matches.pop())] if len(matches) == 1 and not REASON.search(window) else []
        found.append((name, min(matches)))
        window = mask(window, pattern)
    return found


def previous_and(prefix: str, context: str, sentence: Sentence) -> str:
    """The text before a figure: the previous sentence and this one up to the figure."""
    return context[: len(context) - len(sentence.text)][-REACH:] + prefix


def _about_applications(flat: Flat, window: str, before: str, found: list[tuple[str, str]]) -> bool:
    """The figure is about disclosure applications: named in its clause, or a 新收/结转/办结
    figure after a mention of them — with no other business named in between
    ("受理行政许可申请1520件，办结1520件" is not about them)."""
    if APP_WORDS.search(window):
        return True
    mentions = [m.end() for m in APP_WORDS.finditer(before)]
    others = [m.end() for m in FOREIGN.finditer(before)]
    named = (bool(mentions) or flat.application_aspect) and max(others, default=-1) < max(mentions, default=0)
    if all(name in STRONG_KINDS for name, _ in found):
        return named
    return "申请" in window and named


def _expected(tables: Tables, found: list[tuple[str, str]]) -> list[Cell] | None:
    """The table values the figure may stand for; None when one of them cannot be read."""
    cells: list[Cell | None] = []
    for name, words in found:
        if name == "result":
            cells.append(tables.result_group(RESULT_GROUPS[words]))
        elif name == "new":
            cells.append(tables.new())
        elif name == "carried_in":
            cells.append(tables.carried_in())
        elif name == "carried_out":
            cells.append(tables.carried_out())
        elif name == "completed":
            cells.append(tables.completed())
        elif name == "received":
            cells += [tables.new(), tables.new_and_carried_in()]
        elif name == "handled":
            cells += [tables.new(), tables.new_and_carried_in(), tables.completed()]
    known: list[Cell] = []
    for cell in cells:
        if cell is None:
            return None
        if cell not in known:
            known.append(cell)
    return known


# ---------------------------------------------------------------- DL702 patterns

NONE_APPLICATIONS = re.compile(
    r"(?:未|没有|尚未|并未|均未|从未|没)(?:收到|接到|受理|接收|收悉)(?:过)?"
    r"(?P<gap>[^，,；;：:。]{0,20}?)"
    r"(?P<word>政府信息公开申请|信息公开申请|公开申请|依申请公开|申请公开|申请)(?![人者])"
    r"|(?:无|没有|暂无|未发生|未产生|未有|不存在)(?:任何)?(?:政府信息公开申请|信息公开申请|依申请公开|公开申请)"
    r"|(?:政府信息公开申请|信息公开申请|依申请公开|公开申请)(?:的)?(?:数量|件数|数|事项)?(?:均|都)?为(?:0|零|〇)件?(?![\d.])"
)
# What may stand between "未收到" and "申请" and still mean every application.
ANY_APPLICANT = re.compile(
    r"|任何|书面|有关|相关|本机关的?|我局的?"
    r"|(?:公民|法人|或者|或|和|及|与|其他组织|社会公众|公众|群众|个人|企业|单位|申请人|、)+(?:提出|提交|递交)?的"
)
# A negation that is a condition or a purpose, not a fact: "对未受理的申请…", "确保未…".
HYPOTHETICAL = re.compile(r"对于?|如果?|若|凡|倘|的|将|把|针对|避免|防止|确保|是否|未经|除")

# ---------------------------------------------------------------- DL703, DL704 patterns

DISCLOSURE_LINK = re.compile(r"信息公开|依申请|政务公开|公开申请")
NONE_APPEALS = re.compile(
    r"(?P<neg>(?:未|没有|无|暂无|不存在|均未|并未|从未|没)(?:被)?(?:发生|出现|产生|引发|引起|收到|接到|涉及|有)?)"
    r"(?P<gap>[^，,；;：:。]{0,25}?)(?=复议|行政诉讼|诉讼|起诉|应诉)"
)
NOT_A_NEGATION = tuple("论法须需关误疑效偿私意")  # 无论, 无法, 无须 …
ZERO_APPEALS = re.compile(
    r"(?:行政复议|行政诉讼|复议|诉讼)(?:[、和及与](?:行政复议|行政诉讼|复议|诉讼))?(?:案件)?(?:的)?(?:数量|件数)?"
    r"(?:均|都)?为(?:0|零|〇)(?![\d.件起宗次例个])"  # "为0件" is a figure: DL704
)
APPEAL_DETAIL = re.compile(r"纠正|纠错|败诉|胜诉|撤销|维持|确认违法|责令|改变|驳回|结果|审结|终止|不")


def _appeal_kinds(window: str) -> set[str]:
    kinds: set[str] = set()
    rest = window
    if "复议后起诉" in rest:
        kinds.add("after")
        rest = rest.replace("复议后起诉", "□")
    if re.search(r"直接起诉|未经复议", rest):
        kinds.add("direct")
        rest = re.sub(r"未经复议|直接起诉", "□", rest)
    if re.search(r"诉讼|起诉|应诉", rest):
        kinds.add("suits")
    if "复议" in rest:
        kinds.add("review")
    return kinds


def _appeal_cells(tables: Tables, kinds: set[str]) -> tuple[int, list[Cell]] | None:
    blocks: list[str] = []
    if "review" in kinds:
        blocks.append(statute.REVIEW)
    if "suits" in kinds or "direct" in kinds:
        blocks.append(statute.SUIT_DIRECT)
    if "suits" in kinds or "after" in kinds:
        blocks.append(statute.SUIT_AFTER_REVIEW)
    cells = [tables.appeals(block) for block in blocks]
    known = [cell for cell in cells if cell is not None]
    if not cells or len(known) < len(cells):
        return None
    return sum(cell.value for cell in known), known


# ---------------------------------------------------------------- DL706 patterns

NO_NOTICE = re.compile(
    r"(?:未|没有|无|暂无|均未|尚未|并未|从未)(?:向申请人)?(?:发出|出具|送达|开具|寄送|下发|发送|制发)?(?:过)?"
    r"(?:信息处理费)?(?:的)?收费通知"
    r"|收费通知(?:书|单)?(?:的)?(?:数量|件数)?(?:均|都)?为(?:0|零|〇)(?![\d.件])"
)
UNPAID = re.compile(r"未(?:按[^，,；;。]{0,10}?)?(?:缴|交)|不缴|不交|拒绝缴|拒缴")
DROPPED = re.compile(r"不再处理|终止处理|不予处理|不再办理|未予处理|视为放弃|终止办理")
NO_DROPPED = re.compile(
    r"(?:无|没有|未发生|未出现|不存在|未有)[^，,；;。]{0,20}?(?:逾期)?未(?:按[^，,；;。]{0,10}?)?(?:缴|交)"
    r"[^，,；;。]{0,15}?(?:不再处理|终止处理|不予处理|不再办理|未予处理|视为放弃|终止办理)"
)

# ---------------------------------------------------------------- DL705 patterns

CHANNELS = re.compile(
    r"网站|微博|微信|公众号|客户端|APP|App|app|抖音|头条|新媒体|公开栏|平台|专栏|报纸|电视|广播|视频号"
)
BREAKDOWN_STOP = re.compile(
    r"其中|分别|各|占|%|％|同比|较|增|减|含|包括|累计|以上|约|近|至少|[\d十百千][余多]"
)
REMAINDER = re.compile(r"^(?:其余|剩余|余下|另有|剩下)")


def _unbracketed(text: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]", "", text)


def _inside_brackets(text: str, start: int, index: int) -> bool:
    segment = text[start:index]
    return segment.count("（") + segment.count("(") > segment.count("）") + segment.count(")")


def _new_and_carried_in(parts: list[Token], kinds: list[tuple[str, re.Pattern[str]]]) -> bool:
    """ "其中本年新收66件，上年结转4件": the two make every application of the year."""
    if len(parts) != 2:
        return False
    names = {frozenset(name for name, _ in _kinds(part.window, kinds)) for part in parts}
    return names == {frozenset({"new"}), frozenset({"carried_in"})}
