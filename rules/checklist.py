"""DL811–DL815: what third-party evaluators tick off on every published report.

Provincial 政务公开 offices and the evaluators they hire score each annual report against a
checklist. Beside the statutory tables (the other rules), it asks of the published text:

* the statistical period stated, 1月1日 to 12月31日 of the report's year: a reader must know
  which year the figures cover, and a period naming another year is a text copied from an older
  report (DL811, DL812);
* how to reach the body about the report (address, telephone, e-mail) and where the report can be
  downloaded: the usual preface of a report, which evaluators score as 获取方式/联系方式
  (DL813, DL814). The format of 国办公开办函〔2021〕30号 does not prescribe the preface, so a
  missing one is worth knowing, not an error;
* part 五 (《条例》第五十条第（四）项, 存在的主要问题及改进情况) that says only "无": evaluators
  mark it as 敷衍塞责 — every body finds something to improve (DL815). A part 六 that says only
  "无" is already DL303 (the 信息处理费 must be stated there).

The preface is part of a published document, not of the YAML the tool's users write (which has no
place for it), so DL811, DL813 and DL814 look only at imported documents (.html, .docx, .pdf,
.txt, .md): their `source` is the document's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclosure_lint.api import INFO, WARNING, Finding, Pos, Report, Rule, statute

CHECKLIST = "第三方评估指标（年度报告）"

PERIOD_MISSING = Rule(
    "DL811", "statistical-period-missing", INFO,
    "报告没有写明数据的统计期限", "The report does not state the period its figures cover",
    CHECKLIST,
    "报告没有写明数据的统计期限：评估时会查看是否写明“本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”",
    "the report does not state the period its figures cover: evaluators look for "
    "'本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止'",
)  # fmt: skip
PERIOD_WRONG_YEAR = Rule(
    "DL812", "statistical-period-wrong-year", WARNING,
    "写明的统计期限不是报告年度", "The stated statistical period is another year's",
    CHECKLIST,
    "统计期限写的是 {stated} 年（“{quote}”），而本报告是 {year} 年度的：多半是沿用了旧报告的文字",
    "the statistical period names {stated} ('{quote}'), but this is the report for {year}: most likely "
    "text left over from an older report",
)  # fmt: skip
CONTACT_MISSING = Rule(
    "DL813", "contact-missing", INFO,
    "报告没有写明联系方式", "The report gives no contact details",
    CHECKLIST,
    "报告没有写明对本报告有疑问时的联系方式（地址、电话或电子邮箱）：评估时会查看这一项",
    "the report gives no contact for questions about it (address, telephone or e-mail): evaluators "
    "look for it",
)  # fmt: skip
DOWNLOAD_MISSING = Rule(
    "DL814", "download-place-missing", INFO,
    "报告没有写明电子版在哪里下载", "The report does not say where it can be downloaded",
    CHECKLIST,
    "报告没有写明电子版可以在哪里下载或查阅（如“本报告电子版可在××政府门户网站下载”）：评估时会查看这一项",
    "the report does not say where its electronic version can be downloaded or read (e.g. the "
    "government portal): evaluators look for it",
)  # fmt: skip
BARE_NONE = Rule(
    "DL815", "part-says-only-none", WARNING,
    "“存在的主要问题及改进情况”只写了“无”", "Part 五 says only 无 (none)",
    "《条例》第五十条第（四）项；评估指标“内容雷同、敷衍塞责”",
    "“{part}”只写了“{text}”：《条例》要求报告存在的主要问题及改进情况，请写明本年发现的问题和改进措施",
    "'{part}' says only '{text}': the regulation asks for the main problems and how they are being "
    "addressed; state this year's problems and the measures taken",
)  # fmt: skip
RULES = (PERIOD_MISSING, PERIOD_WRONG_YEAR, CONTACT_MISSING, DOWNLOAD_MISSING, BARE_NONE)

DOCUMENT_SUFFIXES = (".html", ".htm", ".xhtml", ".docx", ".pdf", ".txt", ".text", ".md", ".markdown")

# "统计期限自2023年1月1日起至2023年12月31日止", "统计时间为2023年1月1日至12月31日", white space removed.
PERIOD = re.compile(r"统计(?:期限|时限|时间|期间|区间)?.{0,12}?(\d{4})年1月1日.{0,6}?(?:(\d{4})年)?12月31日")
# Any 1月1日 … 12月31日 span: the period stated without the word 统计.
SPAN = re.compile(r"1月1日.{0,10}?12月31日")
CONTACT = re.compile(
    r"联系方式|联系地址|联系电话|请?与.{0,40}?联系|电话|邮箱|电子邮件|邮编|传真|\d{3,4}-\d{7,8}|[\w.]+@[\w.]+"
)
DOWNLOAD = re.compile(r"下载|电子版|查阅本报告|查看本报告|网站.{0,12}(?:获取|查询)")
NONE_ONLY = frozenset(
    {"无", "暂无", "没有", "无问题", "暂无问题", "没有问题", "不存在问题", "无相关情况", "无此情况"}
)
_FOLD = str.maketrans("０１２３４５６７８９", "0123456789")


def check(report: Report) -> Iterator[Finding]:
    year = report.get((statute.YEAR,))
    year = year if isinstance(year, int) and not isinstance(year, bool) else None
    yield from _bare_none(report)
    text, where = _squeezed(report)
    if year is not None:
        yield from _period_year(report, text, where, year)
    if not report.filename.lower().endswith(DOCUMENT_SUFFIXES) or not text:
        return
    if year is not None and not PERIOD.search(text) and not SPAN.search(text):
        yield PERIOD_MISSING.at(_heading(report), (), year=year)
    if not CONTACT.search(text):
        yield CONTACT_MISSING.at(_heading(report), ())
    if not DOWNLOAD.search(text):
        yield DOWNLOAD_MISSING.at(_heading(report), ())


def _bare_none(report: Report) -> Iterator[Finding]:
    value = report.get((statute.PART5,))
    if not isinstance(value, str):
        return
    bare = re.sub(r"[\s。．.，,；;！!、]", "", value)
    if bare in NONE_ONLY:
        path = (statute.PART5,)
        yield BARE_NONE.at(report.pos(path), path, part=statute.PART5, text=bare)


def _period_year(report: Report, text: str, where: list[Pos], year: int) -> Iterator[Finding]:
    for match in PERIOD.finditer(text):
        stated = {int(match.group(1)), *(int(y) for y in match.groups()[1:] if y)}
        if stated != {year}:
            other = sorted(stated - {year}) or sorted(stated)
            quote = match.group(0)
            yield PERIOD_WRONG_YEAR.at(
                where[match.start(1)], (), stated="、".join(map(str, other)), quote=quote, year=year
            )
            return


def _squeezed(report: Report) -> tuple[str, list[Pos]]:
    """The source text without white space (PDF and OCR put spaces and breaks inside dates),
    full-width digits folded, with the line and column of every character kept."""
    chars: list[str] = []
    where: list[Pos] = []
    for number, line in enumerate(report.source.split("\n"), start=1):
        for col, char in enumerate(line, start=1):
            if not char.isspace():
                chars.append(char)
                where.append(Pos(number, col))
    return "".join(chars).translate(_FOLD), where


def _heading(report: Report) -> Pos:
    """A finding about the whole document sits at its first line of text."""
    for number, line in enumerate(report.source.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            return Pos(number, line.index(stripped[0]) + 1)
    return Pos(1, 1)
