"""DL703, DL704: what the text says about 行政复议 and 行政诉讼 against table 四.

    DL703  "未发生…行政复议/行政诉讼" while table 四 has cases.
    DL704  a count of 行政复议 / 行政诉讼 cases in the text that table 四's 总计 does not give:
           "行政复议N件" is the 行政复议 block, "行政诉讼M件" both litigation blocks, "相关案件74件"
           after both words all three; "行政复议案件N件、行政诉讼案件M件" is two figures, never N
           against 复议 + 诉讼.

Figures count only in a sentence (or the one before it, or part 一's 依申请公开 aspect) tied to
政府信息公开: a 行政复议 of a 行政处罚 is not in table 四.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from disclosure_lint.api import WARNING, Finding, Report, Rule, statute
from disclosure_lint.prose import (
    DELTA,
    DISCLOSURE_LINK,
    HYPOTHETICAL,
    MAX_FINDINGS,
    WIDER,
    Flat,
    Sentence,
    TextReader,
    clause_before,
    looking_back,
    quote,
    sentences,
    texts,
)
from disclosure_lint.table_facts import Cell, Tables, join_cells

TABLE4 = f"《条例》第五十条第（三）项；{statute.DOCUMENT_2021} 表四"

NO_APPEALS = Rule(
    code="DL703",
    name="narrative-no-appeals",
    severity=WARNING,
    summary_zh="正文说没有行政复议或行政诉讼，表四却有案件",
    summary_en="The text says there were no appeals or suits, table 四 has some",
    clause=TABLE4,
    message_zh="正文说“{quote}”，但表四{cells}",
    message_en="the text says '{quote}', but table 四 has {cells_en}",
)
APPEAL_COUNT = Rule(
    code="DL704",
    name="narrative-appeal-count",
    severity=WARNING,
    summary_zh="正文中的行政复议、行政诉讼件数与表四不符",
    summary_en="A count of appeals or suits in the text disagrees with table 四",
    clause=TABLE4,
    message_zh="正文说“{quote}”，但表四{cells}",
    message_en="the text says '{quote}', but table 四 has {cells_en}",
)

OUTCOME = Rule(
    code="DL708",
    name="narrative-appeal-outcome",
    severity=WARNING,
    summary_zh="正文说行政复议、行政诉讼结果均为维持，表四却有纠正或尚未审结的案件",
    summary_en="The text says every appeal or suit was upheld, table 四 has corrected or pending cases",
    clause=TABLE4,
    message_zh="正文说“{quote}”，但表四{cells}",
    message_en="the text says '{quote}', but table 四 has {cells_en}",
)

RULES = (NO_APPEALS, APPEAL_COUNT, OUTCOME)

NONE_APPEALS = re.compile(
    r"(?P<neg>(?:未|没有|无|暂无|不存在|均未|并未|从未|没)(?:被)?(?:发生|出现|产生|引发|引起|收到|接到|涉及|有)?)"
    r"(?P<gap>[^，,；;：:。]{0,25}?)(?=复议|行政诉讼|诉讼|起诉|应诉)"
)
# "均获维持", "全部维持", "均胜诉": every case of the blocks named before it ended in the organ's favour.
ALL_UPHELD = re.compile(
    r"(?:均|全部|都|全数)(?:已)?(?:获得?|被|予以|得到)?(?:复议机关|人民法院|法院)?(?:决定|判决|裁定)?"
    r"(?:维持|胜诉|驳回)"
)
APPLICATION_LINK = re.compile(r"依申请|公开申请|信息公开申请")
# Table 四 of a government's report may count its own cases or the whole area's: a figure for
# the whole area ("全县…") is not compared with it, any more than "全市各级…" is.


def wider_scope(text: str) -> bool:
    return bool(WIDER.search(text))


# What limits "均获维持" to some cases.
SOME_CASES = re.compile(r"其余|其他|剩余|另|已审结|审结的|已结案|结案的|除")
# A figure for the cases named before it: "行政复议、行政诉讼…共办理相关案件74件".
RELATED = re.compile(r"相关案件|上述案件|以上案件|此类案件|两类案件")
CORRECTED, PENDING = statute.PART4_COLUMNS.index("结果纠正"), statute.PART4_COLUMNS.index("尚未审结")
NOT_A_NEGATION = tuple("论法须需关误疑效偿私意")  # 无论, 无法, 无须 …
ZERO_APPEALS = re.compile(
    r"(?:行政复议|行政诉讼|复议|诉讼)(?:[、和及与](?:行政复议|行政诉讼|复议|诉讼))?(?:案件)?(?:的)?(?:数量|件数)?"
    r"(?:均|都)?为(?:0|零|〇)(?![\d.件起宗次例个])"  # "为0件" is a figure: DL704
)
_DIRECT = re.compile(r"未经复议|直接起诉")
_SUIT = re.compile(r"诉讼|起诉|应诉")
_FIGURE = re.compile(r"\d|[一二两三四五六七八九十][件起宗次例]")
APPEAL_DETAIL = re.compile(r"纠正|纠错|败诉|胜诉|撤销|维持|确认违法|责令|改变|驳回|结果|审结|终止|不")


def _appeal_kinds(window: str) -> set[str]:
    kinds: set[str] = set()
    rest = window
    if "复议后起诉" in rest:
        kinds.add("after")
        rest = rest.replace("复议后起诉", "□")
    if _DIRECT.search(rest):
        kinds.add("direct")
        rest = _DIRECT.sub("□", rest)
    if _SUIT.search(rest):
        kinds.add("suits")
    if "复议" in rest:
        kinds.add("review")
    return kinds


def _blocks(kinds: set[str]) -> list[str]:
    blocks: list[str] = []
    if "review" in kinds:
        blocks.append(statute.REVIEW)
    if "suits" in kinds or "direct" in kinds:
        blocks.append(statute.SUIT_DIRECT)
    if "suits" in kinds or "after" in kinds:
        blocks.append(statute.SUIT_AFTER_REVIEW)
    return blocks


def _appeal_cells(tables: Tables, kinds: set[str]) -> tuple[int, list[Cell]] | None:
    blocks = _blocks(kinds)
    cells = [tables.appeals(block) for block in blocks]
    known = [cell for cell in cells if cell is not None]
    if not cells or len(known) < len(cells):
        return None
    return sum(cell.value for cell in known), known


# ---------------------------------------------------------------- the check


def check(report: Report) -> Iterator[Finding]:
    reader = AppealReader(report)
    for flat in texts(report):
        yield from islice(reader.read(flat), MAX_FINDINGS)


class AppealReader(TextReader):
    def read(self, flat: Flat) -> Iterator[Finding]:
        previous = ""
        # What each check looks for, looked for once in the whole text: a sentence with a match
        # is part of it, and the sentence marks around it do not make or break one.
        none = NONE_APPEALS.search(flat.text) is not None or ZERO_APPEALS.search(flat.text) is not None
        upheld = ALL_UPHELD.search(flat.text) is not None
        for sentence in sentences(flat):
            if none:
                yield from self._no_appeals(flat, sentence)
            if sentence.tokens or upheld:
                # Tied to disclosure by its own words, by part 一's 依申请公开 aspect, or by a
                # sentence before it about applications ("依申请公开方面…。本年度被申请行政复议1件");
                # a sentence before that only says 信息公开 is not enough: nearly every sentence
                # does, and a 司法局's "办理行政复议案件56件" is its own business.
                linked = flat.application_aspect or bool(APPLICATION_LINK.search(previous))
                if sentence.tokens:
                    yield from self._appeal_counts(flat, sentence, linked)
                if upheld:
                    yield from self._outcomes(flat, sentence, linked)
            previous = sentence.text

    # ------------------------------------------------------------ DL703

    def _no_appeals(self, flat: Flat, sentence: Sentence) -> Iterator[Finding]:
        text = sentence.text
        if wider_scope(text):
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
            if match.re is NONE_APPEALS and _FIGURE.search(said):
                continue  # a figure: DL704 reads it
            prefix = looking_back(text, match.start())
            clause = clause_before(text, match.start())
            if len(clause) > 15 or HYPOTHETICAL.search(clause) or self.other_period(prefix):
                continue
            if not DISCLOSURE_LINK.search(prefix + said):
                continue
            cells = _appeal_cells(self.tables, _appeal_kinds(said))
            if cells is None or cells[0] == 0:
                continue
            _, known = cells
            zh, en = join_cells([cell for cell in known if cell.value])
            yield NO_APPEALS.at(
                self.pos(flat, sentence.start + match.start()),
                flat.path,
                quote=quote(flat, sentence.start + match.start() - len(clause), sentence.start + end),
                cells=zh,
                cells_en=en,
            )
            return

    # ------------------------------------------------------------ DL704

    def _appeal_counts(self, flat: Flat, sentence: Sentence, linked: bool) -> Iterator[Finding]:
        text = sentence.text
        if wider_scope(text):
            return
        for token in sentence.tokens:
            if token.approximate or token.unit not in ("件", "起", "宗", "个", "次", "例"):
                continue
            window = token.window
            prefix = looking_back(text, token.start - sentence.start)
            # What is said before the figure decides: in "行政复议案件2件、行政诉讼案件3件" the 2 is
            # the 行政复议 block only; "相关案件74件" after both words is all three blocks.
            kinds = _appeal_kinds(token.lead) or _appeal_kinds(token.tail)
            if not kinds and RELATED.search(token.lead):
                kinds = _appeal_kinds(prefix)
            if not kinds or APPEAL_DETAIL.search(window.replace("不服", "")) or DELTA.search(window):
                continue
            if not (DISCLOSURE_LINK.search(prefix) or linked) or self.other_period(prefix):
                continue
            cells = _appeal_cells(self.tables, kinds)
            if cells is None or cells[0] == token.value:
                continue
            total, known = cells
            zh, en = join_cells(known)
            if len(known) > 1:
                zh, en = f"{zh}，合计 {total}", f"{en}, {total} in all"
            yield APPEAL_COUNT.at(
                self.pos(flat, token.start),
                flat.path,
                quote=quote(flat, token.lead_start, token.said_end),
                cells=zh,
                cells_en=en,
            )

    # ------------------------------------------------------------ DL708

    def _outcomes(self, flat: Flat, sentence: Sentence, linked: bool) -> Iterator[Finding]:
        text = sentence.text
        for match in ALL_UPHELD.finditer(text):
            prefix = looking_back(text, match.start())
            kinds = _appeal_kinds(prefix)
            if not kinds or wider_scope(prefix) or self.other_period(prefix):
                continue
            clause = clause_before(text, match.start())
            if not (DISCLOSURE_LINK.search(prefix) or linked) or HYPOTHETICAL.search(clause):
                continue
            if SOME_CASES.search(clause):
                continue  # "其余均获维持", "已审结的均获维持": not every case
            against = self.tables.appeal_outcomes(_blocks(kinds), (CORRECTED, PENDING))
            if against is None or not against[0]:
                continue
            start = sentence.start + match.start()
            yield OUTCOME.at(
                self.pos(flat, start),
                flat.path,
                quote=quote(flat, start - len(clause), sentence.start + match.end()),
                cells=against[1],
                cells_en=against[2],
            )
            return
