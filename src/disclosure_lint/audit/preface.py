"""DL811, DL813, DL814: what evaluators look for in a published report's preface.

Provincial 政务公开 offices and the evaluators they hire score each published report on a
checklist (第三方评估指标). Beside the statutory tables it asks that the opening paragraph state
the period the figures cover (1月1日 to 12月31日 of the report's year), how to contact the body
about the report (address, telephone, e-mail) and where the report can be downloaded. The format
of 国办公开办函〔2021〕30号 does not prescribe the preface, so a missing item is a note (INFO).

These are the evaluators' concern, so the audit asks them and plain linting does not; and only of
published documents (their `source` is the document's own text): the YAML a clerk writes has no
place for a preface. A period that names the wrong year is a real slip, and plain linting finds
it (DL711, rules/stale_text.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import intake, statute
from ..document import Report
from ..findings import Finding, Pos
from .codes import CONTACT_MISSING, DOWNLOAD_MISSING, PERIOD_MISSING

DOCUMENT_SUFFIXES = tuple(sorted(intake.DOCUMENT_SUFFIXES))  # the one suffix table

# "统计期限自2023年1月1日起至2023年12月31日止", "统计时间为2023年1月1日至12月31日", white space removed.
PERIOD = re.compile(r"统计(?:期限|时限|时间|期间|区间)?.{0,12}?(\d{4})年1月1日.{0,6}?(?:(\d{4})年)?12月31日")
SPAN = re.compile(r"1月1日.{0,10}?12月31日")  # the period stated without the word 统计
# Not 联系 alone: "密切联系群众" is not a contact.
CONTACT = re.compile(
    r"联系方式|联系地址|联系电话|请?与.{0,40}?联系|电话|邮箱|电子邮件|邮编|传真|\d{3,4}-\d{7,8}|[\w.]+@[\w.]+"
)
DOWNLOAD = re.compile(r"下载|电子版|查阅本报告|查看本报告|网站.{0,12}(?:获取|查询)")
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


def check(report: Report) -> Iterator[Finding]:
    if not report.filename.lower().endswith(DOCUMENT_SUFFIXES):
        return
    text, _ = squeezed(report)
    if not text:  # a document whose text was not kept (a PDF): nothing to judge
        return
    year = report.get((statute.YEAR,))
    if (
        isinstance(year, int)
        and not isinstance(year, bool)
        and not PERIOD.search(text)
        and not SPAN.search(text)
    ):
        yield PERIOD_MISSING.at(first_line(report), (), year=year)
    if not CONTACT.search(text):
        yield CONTACT_MISSING.at(first_line(report), ())
    if not DOWNLOAD.search(text):
        yield DOWNLOAD_MISSING.at(first_line(report), ())


def squeezed(report: Report) -> tuple[str, list[Pos]]:
    """The source without white space (PDF and OCR put spaces and breaks inside dates), full-width
    digits folded, with the line and column of every character kept."""
    chars: list[str] = []
    where: list[Pos] = []
    for number, line in enumerate(report.source.split("\n"), start=1):
        for col, char in enumerate(line, start=1):
            if not char.isspace():
                chars.append(char)
                where.append(Pos(number, col))
    return "".join(chars).translate(_FOLD), where


def first_line(report: Report) -> Pos:
    """A finding about the whole document sits at its first line of text."""
    for number, line in enumerate(report.source.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            return Pos(number, line.index(stripped[0]) + 1)
    return Pos(1, 1)
