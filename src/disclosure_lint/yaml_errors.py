"""What a YAML syntax error means to a clerk: ruamel.yaml's problem texts in plain words, at the
right place (after a closing quote, a tab, a control or invisible character)."""

from __future__ import annotations

import re
from typing import Any

from . import messages as m
from .findings import START, Finding, Pos

_TAB = ("这里有制表符（Tab）。YAML 只能用空格缩进，请把 Tab 换成空格", "a tab here: YAML indents with spaces only; replace it with spaces")  # fmt: skip


_INDENT = ("缩进不齐：同一层的项目应左对齐", "uneven indentation: items at one level must line up")


_ESCAPE = ("双引号中有无法识别的转义（\\），请改用单引号", "an unknown escape (\\) inside double quotes; use single quotes")  # fmt: skip


_DIRECTIVE = ("行首的“%”是 YAML 的指令符号；如果它是文字的一部分，请给整段文字加引号", "a '%' at the start of a line is a YAML directive; if it is part of the text, quote the text")  # fmt: skip


_TAG = ("“!”是 YAML 的类型标签符号；如果它是文字的一部分，请给整段文字加引号", "'!' starts a YAML tag; if it is part of the text, quote the text")  # fmt: skip


_ANCHOR = ("“&”“*”是 YAML 的锚点和引用符号，后面应紧跟名称；如果它是文字的一部分，请给整段文字加引号", "'&' and '*' mark YAML anchors and aliases and must be followed by a name; if they are part of the text, quote the text")  # fmt: skip


_BLOCK = ("“|”“>”后面不能在同一行写文字：文字从下一行开始，并比键多缩进两个空格", "nothing may follow '|' or '>' on its line: the text starts on the next line, indented")  # fmt: skip


_QUOTE = ("引号在这里已经结束，后面却还有文字：文字里要用引号时请用中文引号“”，或把整段文字放进单引号 '…'", "the quoted text ends here but more text follows: inside text use Chinese quotes “”, or put the whole text in single quotes")  # fmt: skip


_LEADING = ("“@”和“`”不能作为文字的开头，请给整段文字加引号", "'@' and '`' cannot start a value; quote the text")  # fmt: skip


# ruamel.yaml's problem texts (its C parser's, and its Python parser's where they differ),
# said the way a clerk can act on them. The first needle found in the problem text wins.
_PROBLEMS_ZH = (
    ("found a tab character", *_TAB),
    ("cannot start any token", "这里有制表符（Tab）或特殊字符。YAML 只能用空格缩进，请把 Tab 换成空格", "a tab or special character here: YAML indents with spaces only"),
    ("mapping values are not allowed", "这里不能再出现“: ”，常见原因是缩进不齐，或一行里写了两个冒号（文字中的冒号请用中文“：”或给整段加引号）", "a ': ' is not allowed here — usually uneven indentation or two colons on one line"),
    ("mapping keys are not allowed", "这里不能写“? ”（YAML 的特殊标记）；文字中的问号请用中文“？”，或给整段文字加引号", "'? ' is not allowed here; write '？' or quote the text"),
    ("found unexpected ':'", "这里多了一个冒号“:”（文字中的冒号请用中文“：”，或给整段文字加引号）", "an unexpected ':' — inside text write '：' or quote the text"),
    ("could not find expected ':'", "缺少冒号“: ”（注意用半角冒号加空格）", "expected ': ' after a key"),
    ("did not find expected key", *_INDENT),
    ("did not find expected '-' indicator", *_INDENT),
    ("expected <block end>", *_INDENT),
    ("did not find expected ',' or ']'", "方括号“[ ]”没有闭合，或格子之间少了半角逗号", "a '[ ]' row is not closed, or a ',' is missing between cells"),
    ("did not find expected ',' or '}'", "花括号“{ }”没有闭合，或项目之间少了半角逗号", "a '{ }' is not closed, or a ',' is missing"),
    ("did not find expected node content", "这里缺少内容，或多了符号（常见于多余或漏写的逗号、括号）", "a value is expected here — look for a stray or missing comma or bracket"),
    ("did not find expected comment or line break", "这一行在这里应当结束，后面却还有文字", "the line should end here, but more text follows"),
    ("found unexpected end of stream", "引号或括号没有闭合", "a quote or bracket is not closed"),
    ("found undefined alias", "引用了未定义的锚点（*名称）", "an alias (*name) refers to no anchor"),
    ("found duplicate anchor", "锚点（&名称）重复定义", "an anchor (&name) is defined twice"),
    ("alphabetic or numeric character", *_ANCHOR),
    ("escape", *_ESCAPE),
    ("hexdecimal number", *_ESCAPE),
    ("block sequence entries are not allowed", "这里不能以“- ”开头，请检查缩进", "a '- ' item is not allowed here; check the indentation"),
    ("document indicator", "行首的“---”或“...”是 YAML 的文档分隔符，不能出现在这里；文字里的“---”请缩进或给整段加引号", "'---' or '...' at the start of a line separates YAML documents; indent or quote it inside text"),
    ("<document start>", "前面的“...”（或“%”）一行表示文档已经结束，后面却还有内容；请删去那一行", "a '...' (or '%') line ended the document, but more follows; delete that line"),
    ("indentation indicator equal to 0", "“|”或“>”后面的缩进数字不能是 0", "the indentation indicator after '|' or '>' cannot be 0"),
    ("directive", *_DIRECTIVE),
    ("version number", *_DIRECTIVE),
    ("tag handle", *_TAG),
    ("tag URI", *_TAG),
    ("did not find expected '!'", *_TAG),
    ("did not find the expected '>'", *_TAG),
    ("did not find expected whitespace", "这里缺少空格（“:”“-”等符号后面要有一个空格）", "a space is missing here (after ':', '-' and similar marks)"),
)  # fmt: skip


# Problems where the character at the mark, or the context, says more than the problem text.
_CONTEXT_MARKS = (
    "while parsing a flow",
    "while scanning a quoted",
    "while scanning an alias",
    "while scanning an anchor",
    "while scanning a tag",
    "while parsing a tag",
    "while scanning a block scalar",
    "while scanning a directive",
)


_AFTER_QUOTE = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "did not find expected comment or line break",
    "did not find expected ',' or",
    "expected <block end>",
)


def pos_of(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


# ruamel.yaml counts these as line breaks (YAML 1.1); our positions must agree with its marks.
LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def pos_at(text: str, offset: int) -> Pos:
    breaks = list(LINE_BREAK.finditer(text, 0, offset))
    line_start = breaks[-1].end() if breaks else 0
    return Pos(len(breaks) + 1, offset - line_start + 1)


def _offset(text: str, pos: Pos) -> int | None:
    """The offset of a 1-based line and column in `text`, or None past its end."""
    line_start = 0
    for _ in range(pos.line - 1):
        found = LINE_BREAK.search(text, line_start)
        if found is None:
            return None
        line_start = found.end()
    offset = line_start + pos.col - 1
    return offset if offset <= len(text) else None


def within(text: str, finding: Finding) -> Finding:
    """An end-of-file mark lies past the last line; point at the end of the last line instead."""
    lines = LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if lines and finding.pos.line > len(lines):
        return finding._replace(pos=Pos(len(lines), len(lines[-1]) + 1))
    return finding


def syntax_finding(error: Any, text: str = "") -> Finding:
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    at_tab = _char_at(text, mark) == "\t"
    if error.context_mark and context.startswith(_CONTEXT_MARKS) and not at_tab:
        mark = error.context_mark  # point at the bracket, quote, '&', '*', '!' or '|' that started it
    problem = (error.problem or error.context or "").strip()
    if "expected a single document" in context:
        return m.NOT_A_REPORT.at(
            pos_of(mark) if mark else START,
            reason="一个文件里只能有一份报告，这里又出现了一个“---”开始的文档",
            reason_en="a file holds one report; a second document ('---') starts here",
        )
    if not at_tab:
        from .slips import slip_finding

        slip = slip_finding(error, LINE_BREAK.split(text))
        if slip is not None:
            return slip
    zh, en = _explain(problem, context)
    pos = pos_of(mark) if mark else START
    offset = _offset(text, pos) if mark else None
    if at_tab:
        zh, en = _TAB
    elif offset is not None and offset < len(text):
        char = text[offset]
        before = text[offset - 1] if offset else ""
        if char in "@`" and "cannot start any token" in problem:
            zh, en = _LEADING
        elif before in "\"'" and problem.startswith(_AFTER_QUOTE) and _closes_a_quote(text, offset - 1):
            zh, en = _QUOTE
        elif "block scalar" in context and "comment or line break" in problem:
            zh, en = _BLOCK
    return m.SYNTAX.at(pos, problem=zh, problem_en=en)


def _char_at(text: str, mark: Any) -> str:
    offset = _offset(text, pos_of(mark)) if mark is not None else None
    return text[offset] if offset is not None and offset < len(text) else ""


def _explain(problem: str, context: str) -> tuple[str, str]:
    if "directive" in context:
        return _DIRECTIVE
    if "tag" in context:
        return _TAG
    for needle, text_zh, text_en in _PROBLEMS_ZH:
        if needle in problem:
            return text_zh, text_en
    return problem, problem


def _closes_a_quote(text: str, at: int) -> bool:
    """Whether the quote at `at` closes a quoted value opened earlier on the same line."""
    line_start = text.rfind("\n", 0, at) + 1
    return text.count(text[at], line_start, at) % 2 == 1


# Characters YAML 1.2 does not allow in a stream: the complement of its c-printable set
# ([\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]), written out, since the
# negated class takes milliseconds to compile at every start.
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def control_character(text: str) -> Finding:
    # The C reader's error offset is not a character offset, so find the character ourselves.
    match = _NOT_PRINTABLE.search(text)
    pos = pos_at(text, match.start() if match else 0)
    code = f"U+{ord(match.group()):04X}" if match else "?"
    return m.SYNTAX.at(
        pos,
        problem=f"这里有不可见的控制字符 {code}，YAML 文件里不允许出现；请删除（常见于从其他文件粘贴时带入）",
        problem_en=f"an invisible control character {code}, which YAML does not allow; delete it",
    )


# Invisible characters that YAML accepts but that make a key or number different from what the
# clerk sees: a byte order mark left in the middle (two files joined, a paste from the web) and
# zero-width spaces. '年度' with a zero-width space is not the key '年度'.
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")


_INVISIBLE_NAMES = {
    "\ufeff": ("字节顺序标记 BOM", "byte order mark, BOM"),
    "\u200b": ("零宽空格", "zero-width space"),
    "\u200c": ("零宽非连接符", "zero-width non-joiner"),
    "\u200d": ("零宽连接符", "zero-width joiner"),
    "\u2060": ("零宽不换行空格", "word joiner"),
}


def invisible_character(text: str) -> Finding | None:
    match = _INVISIBLE.search(text)
    if match is None:
        return None
    char = match.group()
    zh, en = _INVISIBLE_NAMES[char]
    return m.SYNTAX.at(
        pos_at(text, match.start()),
        problem=f"这里有一个看不见的字符 U+{ord(char):04X}（{zh}），会让键名或数字和看上去的不一样；请删除（常见于拼接文件或从网页粘贴时带入）",
        problem_en=f"an invisible character U+{ord(char):04X} ({en}) here makes a key or number differ from what it looks like; delete it",
    )
