"""Read a report file into a `Report`, keeping the position of every key and value.

ruamel.yaml composes the node graph (with its C parser when ruamel.yaml.clib is
installed) and converts scalars; we walk the graph ourselves so that duplicate
keys, alias expansion and odd input become findings instead of exceptions.
"""

from __future__ import annotations

import codecs
import datetime
import re
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Any

from . import messages as m
from .document import Report, Scalar
from .findings import START, Finding, Path, Pos

MAX_BYTES = 5 * 1024 * 1024
MAX_VALUES = 200_000  # constructed values, aliases expanded: stops alias bombs
MAX_DEPTH = 1_000  # the C parser recurses per level and would crash the process on deeper input

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# ruamel.yaml's problem texts, said the way a clerk can act on them.
_PROBLEMS_ZH = (
    ("cannot start any token", "这里有制表符（Tab）或特殊字符。YAML 只能用空格缩进，请把 Tab 换成空格", "a tab or special character here: YAML indents with spaces only"),
    ("mapping values are not allowed", "这里不能再出现“: ”，常见原因是缩进不齐，或一行里写了两个冒号（文字中的冒号请用中文“：”或给整段加引号）", "a ': ' is not allowed here — usually uneven indentation or two colons on one line"),
    ("could not find expected ':'", "缺少冒号“: ”（注意用半角冒号加空格）", "expected ': ' after a key"),
    ("did not find expected key", "缩进不齐：同一层的项目应左对齐", "uneven indentation: items at one level must line up"),
    ("did not find expected '-' indicator", "缩进不齐：同一层的项目应左对齐", "uneven indentation: items at one level must line up"),
    ("did not find expected ',' or ']'", "方括号“[ ]”没有闭合，或格子之间少了半角逗号", "a '[ ]' row is not closed, or a ',' is missing between cells"),
    ("did not find expected ',' or '}'", "花括号“{ }”没有闭合，或项目之间少了半角逗号", "a '{ }' is not closed, or a ',' is missing"),
    ("found unexpected end of stream", "引号或括号没有闭合", "a quote or bracket is not closed"),
    ("found undefined alias", "引用了未定义的锚点（*名称）", "an alias (*name) refers to no anchor"),
    ("found duplicate anchor", "锚点（&名称）重复定义", "an anchor (&name) is defined twice"),
    ("found unknown escape character", "双引号中有无法识别的转义（\\），请改用单引号", "an unknown escape (\\) inside double quotes; use single quotes"),
    ("block sequence entries are not allowed", "这里不能以“- ”开头，请检查缩进", "a '- ' item is not allowed here; check the indentation"),
)  # fmt: skip


@dataclass
class Loaded:
    """What reading a file gave: a report (None if it could not be read) and findings."""

    report: Report | None
    findings: list[Finding] = field(default_factory=list)


def load_file(path: str | FsPath, display: str | None = None, max_bytes: int = MAX_BYTES) -> Loaded:
    name = display or str(path)
    try:
        file = FsPath(path)
        if file.is_dir():
            return Loaded(None, [_unreadable("这是一个文件夹，不是文件", "it is a folder, not a file")])
        with file.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except FileNotFoundError:
        broken_link = FsPath(path).is_symlink()
        if broken_link:
            return Loaded(None, [_unreadable("是一个指向不存在文件的链接", "a link to a file that does not exist")])
        return Loaded(None, [_unreadable("文件不存在", "no such file")])
    except PermissionError:
        return Loaded(None, [_unreadable("没有读取权限", "permission denied")])
    except OSError as error:
        problem = error.strerror or str(error)
        return Loaded(None, [_unreadable(problem, problem)])
    if len(raw) > max_bytes:
        return Loaded(None, [_too_big(max_bytes)])
    return load_bytes(raw, name)


def load_bytes(raw: bytes, filename: str) -> Loaded:
    findings: list[Finding] = []
    text = _decode(raw, findings)
    if text is None:
        return Loaded(None, findings)
    loaded = load_text(text, filename)
    loaded.findings[:0] = findings
    return loaded


def load_text(text: str, filename: str) -> Loaded:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.reader import ReaderError

    yaml = YAML(typ="safe")
    text = text.replace("\r\n", "\n")
    too_deep = _depth_beyond_limit(text)
    if too_deep:
        return Loaded(None, [_too_deep(too_deep)])
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        return Loaded(None, [_within(text, _syntax_finding(error))])
    except ReaderError:
        return Loaded(None, [_control_character(text)])
    except RecursionError:
        return Loaded(None, [_too_deep(START)])
    if root is None:
        return Loaded(
            None, [m.NOT_A_REPORT.at(START, reason="文件是空的，没有任何内容", reason_en="the file is empty")]
        )
    report = Report(filename, text, None)
    builder = _Builder(report, yaml.constructor)
    try:
        report.data = builder.build(root)
    except _TooManyValues:
        return Loaded(None, [_too_many_values()])
    if not isinstance(report.data, dict):
        return Loaded(None, [_not_a_mapping(report, root)])
    return Loaded(report, builder.findings)


# ---------------------------------------------------------------- decoding


def _decode(raw: bytes, findings: list[Finding]) -> str | None:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as error:
                findings.append(_undecodable(raw, error.start))
                return None
            if label != "UTF-8":
                findings.append(m.LEGACY_ENCODING.at(START, encoding=label))
            return text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        findings.append(_undecodable(raw, first_bad))
        return None
    findings.append(m.LEGACY_ENCODING.at(START, encoding="GBK/GB18030"))
    return text


def _undecodable(raw: bytes, offset: int) -> Finding:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    col = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return m.ENCODING.at(Pos(line, col), byte=f"0x{raw[offset]:02X}")


# ---------------------------------------------------------------- building


class _TooManyValues(Exception):
    pass


class _Builder:
    """Turns ruamel nodes into plain values, recording positions and duplicate keys."""

    def __init__(self, report: Report, constructor: Any) -> None:
        self.report = report
        self.constructor = constructor
        self.findings: list[Finding] = []
        self.budget = MAX_VALUES

    def build(self, root: Any) -> Any:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        result: dict[str, Any] = {}
        # Iterative walk: (node, path, container, slot) — deep files must not hit RecursionError.
        stack: list[tuple[Any, Path, Any, Any]] = [(root, (), result, "root")]
        while stack:
            node, path, container, slot = stack.pop()
            self.budget -= 1
            if self.budget < 0:
                raise _TooManyValues
            self.report.values[path] = _pos(node.start_mark)
            if isinstance(node, MappingNode):
                value: Any = {}
                pending = []
                for key_node, value_node in node.value:
                    key = self._key(key_node)
                    child = (*path, key)
                    if key in value:
                        first = self.report.keys[child]
                        self.findings.append(
                            m.DUPLICATE_KEY.at(
                                _pos(key_node.start_mark), child, key=key,
                                first_line=first.line, first_col=first.col,
                            )
                        )  # fmt: skip
                        continue
                    value[key] = None
                    self.report.keys[child] = _pos(key_node.start_mark)
                    pending.append((value_node, child, value, key))
                stack.extend(reversed(pending))
            elif isinstance(node, SequenceNode):
                value = [None] * len(node.value)
                stack.extend(
                    (item, (*path, index), value, index)
                    for index, item in reversed(list(enumerate(node.value)))
                )
            else:
                value = self._scalar(node, path)
            container[slot] = value
        return result["root"]

    def _key(self, node: Any) -> str:
        from ruamel.yaml.nodes import ScalarNode

        if isinstance(node, ScalarNode):
            return str(node.value)
        return f"<{type(node).__name__}>"

    def _scalar(self, node: Any, path: Path) -> Any:
        quoted = node.style in ("'", '"')
        self.report.scalars[path] = Scalar(node.value, quoted, node.tag, node.style or None)
        if node.tag == "tag:yaml.org,2002:str" or quoted:
            return node.value
        try:
            value = self.constructor.construct_object(node, deep=True)
        except Exception:  # ruamel raises many kinds for odd scalars; keep the text as written
            return node.value
        if isinstance(value, datetime.date | datetime.datetime):
            return node.value
        if isinstance(value, bytes):
            return node.value
        return value


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


# ---------------------------------------------------------------- problems


# ruamel.yaml counts these as line breaks (YAML 1.1); our positions must agree with its marks.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _pos_at(text: str, offset: int) -> Pos:
    breaks = list(_LINE_BREAK.finditer(text, 0, offset))
    line_start = breaks[-1].end() if breaks else 0
    return Pos(len(breaks) + 1, offset - line_start + 1)


def _within(text: str, finding: Finding) -> Finding:
    """An end-of-file mark lies past the last line; point at the end of the last line instead."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if lines and finding.pos.line > len(lines):
        return replace(finding, pos=Pos(len(lines), len(lines[-1]) + 1))
    return finding


def _syntax_finding(error: Any) -> Finding:
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    if error.context_mark and context.startswith(("while parsing a flow", "while scanning a quoted")):
        mark = error.context_mark  # point at the bracket or quote that was never closed
    problem = (error.problem or error.context or "").strip()
    zh, en = problem, problem
    for needle, text_zh, text_en in _PROBLEMS_ZH:
        if needle in problem:
            zh, en = text_zh, text_en
            break
    if "expected a single document" in context:
        return m.NOT_A_REPORT.at(
            _pos(mark) if mark else START,
            reason="一个文件里只能有一份报告，这里又出现了一个“---”开始的文档",
            reason_en="a file holds one report; a second document ('---') starts here",
        )
    return m.SYNTAX.at(_pos(mark) if mark else START, problem=zh, problem_en=en)


# Characters YAML 1.2 does not allow in a stream (its c-printable set, inverted).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _control_character(text: str) -> Finding:
    # The C reader's error offset is not a character offset, so find the character ourselves.
    match = _NOT_PRINTABLE.search(text)
    pos = _pos_at(text, match.start() if match else 0)
    code = f"U+{ord(match.group()):04X}" if match else "?"
    return m.SYNTAX.at(
        pos,
        problem=f"这里有不可见的控制字符 {code}，YAML 文件里不允许出现；请删除（常见于从其他文件粘贴时带入）",
        problem_en=f"an invisible control character {code}, which YAML does not allow; delete it",
    )


def _not_a_mapping(report: Report, root: Any) -> Finding:
    pos = _pos(root.start_mark)
    if isinstance(report.data, str) and "：" in report.data:
        return m.NOT_A_REPORT.at(
            pos,
            reason="文件读出来是一整段文字，不是“键: 值”的报告；键后面的冒号要用半角“: ”（冒号加空格），不能用中文“：”",
            reason_en="the file reads as one piece of text, not 'key: value' pairs; write keys with a half-width ': ', not '：'",
        )
    kind = "列表" if isinstance(report.data, list) else "一段文字或一个值"
    kind_en = "a list" if isinstance(report.data, list) else "a single value"
    return m.NOT_A_REPORT.at(
        pos,
        reason=f"报告应由“机关: …”“年度: …”等“键: 值”组成，这个文件却是{kind}",
        reason_en=f"a report is made of 'key: value' pairs such as '机关: …', but this file is {kind_en}",
    )


def _unreadable(reason: str, reason_en: str) -> Finding:
    return m.UNREADABLE.at(START, reason=reason, reason_en=reason_en)


def _too_big(limit: int) -> Finding:
    return m.TOO_COMPLEX.at(
        START,
        reason=f"文件超过 {limit // 1024} KB，不像一份年度报告（可用 --max-bytes 调整上限）",
        reason_en=f"the file is larger than {limit // 1024} KB, too large for an annual report (see --max-bytes)",
    )


def _depth_beyond_limit(text: str) -> Pos | None:
    """Where brackets or indentation nest deeper than MAX_DEPTH, found before parsing.

    Over-counts brackets inside quoted text, which is harmless: no report comes near the limit.
    """
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = 0
        line, col = 1, 0
        for char in text:
            col += 1
            if char == "\n":
                line, col = line + 1, 0
            elif char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return Pos(line, col)
            elif char in "]}" and depth:
                depth -= 1
    for number, row in enumerate(text.split("\n"), start=1):
        if len(row) - len(row.lstrip(" ")) > MAX_DEPTH:
            return Pos(number, 1)
    return None


def _too_deep(pos: Pos) -> Finding:
    return m.TOO_COMPLEX.at(
        pos,
        reason=f"嵌套超过 {MAX_DEPTH} 层，不像一份年度报告，已停止读取",
        reason_en=f"nested more than {MAX_DEPTH} levels deep; reading stopped",
    )


def _too_many_values() -> Finding:
    return m.TOO_COMPLEX.at(
        START,
        reason=f"展开锚点和引用后超过 {MAX_VALUES} 个值，已停止读取（疑似“引用炸弹”）",
        reason_en=f"more than {MAX_VALUES} values once aliases are expanded; reading stopped",
    )
