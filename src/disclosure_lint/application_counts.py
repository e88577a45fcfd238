"""What a count of applications in the text is: which table 三 figure it states, and of whom.

"共收到75件" may be 新收 or 新收 + 上年结转, "办结65件" is （七）总计, "予以公开及部分公开33件" the sum
of two groups, "其中自然人申请741件" one applicant column; the words around a figure decide, the
strongest first (see `disclosure_lint.prose.kinds_pattern`). Used by rules/applications.py.
"""

from __future__ import annotations

import re

from . import statute
from .prose import APP_WORDS, FIGURE, FOREIGN, REACH, Flat, Sentence, Token, mask
from .table_facts import TOTAL, Cell, Tables

# The reasons that name one row of a result group (表三（三）1 … （六）3).
REASON = re.compile(
    r"国家秘密|法律行政法规|三安全|第三方|内部事务|过程性|执法案卷|查询|不掌握|另行制作|不明确"
    r"|信访|举报|投诉|重复|出版物|大量反复|确认|重新出具|补正|缴"
    r"|不存在|非本机关|不属于本机关"  # 信息不存在, 非本机关信息: the row 本机关不掌握相关政府信息
)
RESULT_GROUPS = {
    "予以公开": statute.DISCLOSED,
    "部分公开": statute.PARTLY,
    "不予公开": statute.WITHHELD,
    "无法提供": statute.UNABLE,
    "不予处理": statute.NOT_PROCESSED,
    "其他处理": statute.OTHER_HANDLING,
}
STRONG_KINDS = frozenset({"result", "results", "applicants", "carried_out", "carried_in", "new", "completed"})
WEAK_KINDS = frozenset({"received", "handled"})


# Two result groups named together: "予以公开及部分公开33件" is their sum.
RESULT_PAIR = re.compile(
    r"(?P<a>予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)(?:及|和|与|以及|、|或)"
    r"(?P<b>予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)"
)
# One office inside the body speaks: "区政府办代表区政府受理…", "局机关本级收到…".
OFFICE = re.compile(
    r"(?P<office>(?:[区县市镇乡]政府|政府)办(?:公室)?|办公室|机关本级|[区县市]政府本级|局机关|局本级|本级)"
    r"(?:[^，,；;。]{0,12}?代表)?"
)
# The applicant columns a figure may be limited to: "其中自然人申请741件".
APPLICANTS = re.compile(
    r"(?P<legal>法人或(?:者)?其他组织|法人和其他组织|法人及其他组织)|(?P<person>自然人|公民个人|公民)"
    r"|(?P<column>商业企业|科研机构|社会公益组织|法律服务机构)"
)
# A count of documents or information items, not of applications: "依申请公开类信息12件".
DOCUMENTS = re.compile(r"(?:类|的)?信息$|文件$|类$|条目$")


# How applications came in, written after the words for them: "依申请公开来信66件次" counts letters
# that are disclosure applications, not letters of other business (信访来信).
CHANNEL = re.compile(r"来信")
# Other ways applications come in: named beside 来信, the letters are one channel of several.
OTHER_CHANNELS = re.compile(r"网上|网络|线上|在线|现场|当面|信函|邮寄|传真|电子邮件|来访|来电|平台")
_CHANNEL_GAP = 2  # "依申请公开来信": at most this many characters between the two words


def foreign(text: str) -> list[re.Match[str]]:
    """Words of other business in `text` (FOREIGN), less the channels the text says were
    disclosure applications ("依申请公开来信", "信息公开申请来信")."""
    return [m for m in FOREIGN.finditer(text) if not application_channel(text, m)]


def application_channel(text: str, match: re.Match[str]) -> bool:
    """A channel word right after a word for disclosure applications, in one phrase."""
    if not CHANNEL.fullmatch(match.group()):
        return False
    head = text[max(0, match.start() - 12) : match.start()]
    mentions = list(APP_WORDS.finditer(head))
    if not mentions:
        return False
    last = mentions[-1]
    gap = head[last.end() :]
    return len(gap) <= _CHANNEL_GAP and not re.search(r"[，,；;。：:、\s]", gap)


def kinds_of(window: str, kinds: list[tuple[str, re.Pattern[str]]]) -> list[tuple[str, str]]:
    """(kind, the words that said it), strongest first; weaker kinds only read what is left."""
    found: list[tuple[str, str]] = []
    for name, pattern in kinds:
        read = window.split(FIGURE)[0] if name in WEAK_KINDS else window
        matches = {m.group() for m in pattern.finditer(read)}
        if not matches:
            continue
        if name == "result":
            # A result figure is only that result, and "予以公开及部分公开33件" their sum;
            # "因涉及国家秘密不予公开1件" is one row of the group, not the group.
            if REASON.search(window):
                return []
            if len(matches) == 1:
                return [(name, matches.pop())]
            pair = RESULT_PAIR.search(window.split(FIGURE)[0])
            if len(matches) == 2 and pair and pair.group("a") != pair.group("b"):
                return [("results", f"{pair.group('a')}+{pair.group('b')}")]
            return []
        found.append((name, min(matches)))
        window = mask(window, pattern)
    return found


def previous_and(prefix: str, context: str, sentence: Sentence) -> str:
    """The text before a figure: the previous sentence and this one up to the figure."""
    return context[: len(context) - len(sentence.text)][-REACH:] + prefix


def about_applications(flat: Flat, window: str, before: str, found: list[tuple[str, str]]) -> bool:
    """The figure is about disclosure applications: named in its clause, or a 新收/结转/办结
    figure after a mention of them — with no other business named in between
    ("受理行政许可申请1520件，办结1520件" is not about them)."""
    if APP_WORDS.search(window):
        return True
    mentions = [m.end() for m in APP_WORDS.finditer(before)]
    others = [m.end() for m in foreign(before)]
    named = (bool(mentions) or flat.application_aspect) and max(others, default=-1) < max(mentions, default=0)
    if all(name in STRONG_KINDS for name, _ in found):
        return named
    return "申请" in window and named


def expected_cells(tables: Tables, found: list[tuple[str, str]]) -> list[Cell] | None:
    """The table values the figure may stand for; None when one of them cannot be read."""
    cells: list[Cell | None] = []
    for name, words in found:
        if name == "result":
            cells.append(tables.result_group(RESULT_GROUPS[words]))
        elif name == "results":
            cells.append(tables.result_groups([RESULT_GROUPS[w] for w in words.split("+")]))
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


def one_column(lead: str) -> re.Match[str] | None:
    """The applicant word of a figure for some columns only; None for "公民、法人或其他组织申请共70件",
    which names every applicant."""
    matches = list(APPLICANTS.finditer(lead))
    groups = {next(name for name, value in m.groupdict().items() if value) for m in matches}
    return matches[0] if len(groups) == 1 else None


def columns_of(match: re.Match[str]) -> tuple[int, ...]:
    """The table 三 columns an applicant word names: 法人或其他组织 is the five after 自然人."""
    if match.group("person"):
        return (0,)
    if match.group("legal"):
        return tuple(range(1, TOTAL))
    return (statute.APPLICANT_COLUMNS.index(match.group("column")),)


def new_and_carried_in(parts: list[Token], kinds: list[tuple[str, re.Pattern[str]]]) -> bool:
    """ "其中本年新收66件，上年结转4件": the two make every application of the year."""
    if len(parts) != 2:
        return False
    names = {frozenset(name for name, _ in kinds_of(part.window, kinds)) for part in parts}
    return names == {frozenset({"new"}), frozenset({"carried_in"})}
