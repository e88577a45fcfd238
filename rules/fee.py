"""DL706: the 信息处理费 statement against table 三 （六）2.

《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）: an application dropped because the fee
was not paid (表三（六）2) had a fee notice first, so "未发出收费通知" over a non-zero row is a
contradiction; "未收取信息处理费" is not (notices were sent, nobody paid), so it is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from disclosure_lint.api import WARNING, Finding, Report, Rule, row_label, statute
from disclosure_lint.prose import (
    DELTA,
    HYPOTHETICAL,
    MAX_FINDINGS,
    Flat,
    Sentence,
    TextReader,
    clause_before,
    looking_back,
    quote,
    sentences,
    texts,
)
from disclosure_lint.table_facts import FEE_ROW, TOTAL

FEE = Rule(
    code="DL706",
    name="narrative-fee",
    severity=WARNING,
    summary_zh="正文中的信息处理费情况与表三（六）2不符",
    summary_en="The text on the 信息处理费 disagrees with table 三 row （六）2",
    clause=f"国办函〔2020〕109号；{statute.DOCUMENT_2021} 表三（六）2",
    message_zh="正文说“{quote}”，但表三“{row}”总计为 {value}（第 {line} 行）：{why}",
    message_en="the text says '{quote}', but table 三 '{row}' totals {value} (line {line}): {why_en}",
)

RULES = (FEE,)

NO_NOTICE = re.compile(
    r"(?:未|没有|无|暂无|均未|尚未|并未|从未)(?:向申请人)?(?:发出|出具|送达|开具|寄送|下发|发送|制发)?(?:过)?"
    r"(?:信息处理费)?(?:的)?收费通知"
    r"|收费通知(?:书|单)?(?:的)?(?:数量|件数)?(?:均|都)?为(?:0|零|〇)(?![\d.件])"
)
_ABOUT_FEES = re.compile(r"收费|缴|交纳|处理费")
UNPAID = re.compile(r"未(?:按[^，,；;。]{0,10}?)?(?:缴|交)|不缴|不交|拒绝缴|拒缴")
DROPPED = re.compile(r"不再处理|终止处理|不予处理|不再办理|未予处理|视为放弃|终止办理")
NO_DROPPED = re.compile(
    r"(?:无|没有|未发生|未出现|不存在|未有)[^，,；;。]{0,20}?(?:逾期)?未(?:按[^，,；;。]{0,10}?)?(?:缴|交)"
    r"[^，,；;。]{0,15}?(?:不再处理|终止处理|不予处理|不再办理|未予处理|视为放弃|终止办理)"
)


def check(report: Report) -> Iterator[Finding]:
    reader = FeeReader(report)
    for flat in texts(report):
        yield from islice(reader.read(flat), MAX_FINDINGS)


class FeeReader(TextReader):
    def read(self, flat: Flat) -> Iterator[Finding]:
        if not _ABOUT_FEES.search(flat.text):
            return  # no sentence of it speaks of fees
        for sentence in sentences(flat):
            yield from self._fee(flat, sentence)

    # ------------------------------------------------------------ DL706

    def _fee(self, flat: Flat, sentence: Sentence) -> Iterator[Finding]:
        text = sentence.text
        if not _ABOUT_FEES.search(text):
            return
        row = self.tables.fee_row()
        if row is None:
            return
        claims: list[tuple[int, int, int, str, str]] = []  # at, start, end in the sentence; why, why_en
        for token in sentence.tokens:
            if token.approximate or token.unit not in ("件", "份", "个", "次", "宗"):
                continue
            window, start = token.window, token.lead_start - sentence.start
            if DELTA.search(window) or self.other_period(looking_back(text, start)):
                continue
            at, end = token.start - sentence.start, token.said_end - sentence.start
            if UNPAID.search(window) and DROPPED.search(window):
                if token.value != row.value:
                    claims.append((at, start, end, "两处件数应一致", "the two counts should agree"))
            elif "收费通知" in window and token.value < row.value:
                claims.append(
                    (
                        at,
                        start,
                        end,
                        f"有 {row.value} 件申请因逾期不缴费而不再处理，就至少发出过 {row.value} 件收费通知",
                        f"{row.value} applications dropped for unpaid fees means at least {row.value} fee notices",
                    )
                )
        if row.value > 0:
            for match in [*NO_NOTICE.finditer(text), *NO_DROPPED.finditer(text)]:
                if self.other_period(looking_back(text, match.start())) or HYPOTHETICAL.search(
                    clause_before(text, match.start())
                ):
                    continue
                why = (
                    (
                        "申请人逾期不缴费而不再处理的申请，都先收到过收费通知",
                        "an application dropped for an unpaid fee was first sent a fee notice",
                    )
                    if match.re is NO_NOTICE
                    else ("两处说法应一致", "the two should agree")
                )
                claims.append((match.start(), match.start(), match.end(), *why))
        for at, start, end, why, why_en in sorted(claims)[:1]:
            yield FEE.at(
                self.pos(flat, sentence.start + at),
                flat.path,
                quote=quote(flat, sentence.start + start, sentence.start + end),
                row=row_label(FEE_ROW.path),
                value=row.value,
                line=self.report.pos((*FEE_ROW.path, TOTAL)).line,
                why=why,
                why_en=why_en,
            )
