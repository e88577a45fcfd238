"""Read a report file into a `Report`, keeping the position of every key and value.

ruamel.yaml composes the node graph (with its C parser when ruamel.yaml.clib is
installed) and converts scalars; we walk the graph ourselves so that duplicate
keys, alias expansion and odd input become findings instead of exceptions.

Whatever the bytes, reading ends in a `Loaded`: a report, or findings that say
what the file is instead (a Word document, an image, a bomb of aliases …).
Nothing in a file is ever run: scalars are converted by ruamel.yaml's safe
constructor only, and tags that ask for program objects are reported and ignored.
See docs/hostile-inputs.md for every hostile input and what the user sees.
"""

from __future__ import annotations

import codecs
import datetime
import errno
import functools
import io
import re
import stat
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Any

from . import messages as m
from .document import Report, Scalar
from .findings import START, Finding, Path, Pos

MAX_BYTES = 5 * 1024 * 1024
# A report has about 300 values (table 三 alone has 175 cells) and nests 5 levels deep.
MAX_VALUES = 20_000  # values, aliases expanded: stops alias bombs and files of a million tiny values
MAX_DEPTH = 1_000  # the C composer recurses per level and would crash the process on deeper input

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

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


@dataclass
class Loaded:
    """What reading a file gave: a report (None if it could not be read) and findings."""

    report: Report | None
    findings: list[Finding] = field(default_factory=list)


def load_file(path: str | FsPath, display: str | None = None, max_bytes: int = MAX_BYTES) -> Loaded:
    file = FsPath(path)
    try:
        if file.is_dir():
            return Loaded(None, [_unreadable("这是一个文件夹，不是文件", "it is a folder, not a file")])
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            # A pipe with no writer would block for ever, a device never ends: refuse before opening.
            kind, kind_en = _special_file(info.st_mode)
            return Loaded(
                None,
                [
                    _unreadable(
                        f"这是一个{kind}，不是普通文件（要从管道读入报告，请用“-”表示标准输入）",
                        f"it is a {kind_en}, not a regular file (to read a report from a pipe, name it '-')",
                    )
                ],
            )
        with file.open("rb") as stream:
            raw = stream.read(max_bytes + 1)
    except FileNotFoundError:
        broken_link = file.is_symlink()
        if broken_link:
            return Loaded(
                None, [_unreadable("是一个指向不存在文件的链接", "a link to a file that does not exist")]
            )
        return Loaded(None, [_unreadable("文件不存在", "no such file")])
    except PermissionError:
        return Loaded(None, [_unreadable("没有读取权限", "permission denied")])
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Loaded(
                None,
                [
                    _unreadable(
                        "符号链接循环指向自己，找不到真正的文件",
                        "a loop of symbolic links that names no file",
                    )
                ],
            )
        problem = error.strerror or str(error)
        return Loaded(None, [_unreadable(problem, problem)])
    except ValueError as error:  # a name the system cannot take, such as one with a NUL
        return Loaded(None, [_unreadable(str(error), str(error))])
    if len(raw) > max_bytes:
        return Loaded(None, [_too_big(max_bytes, info.st_size)])
    return load_bytes(raw, display or str(path))


def _special_file(mode: int) -> tuple[str, str]:
    if stat.S_ISFIFO(mode):
        return "管道（FIFO）", "pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "套接字", "socket"
    return "设备文件", "device"


def load_bytes(raw: bytes, filename: str, max_bytes: int | None = None) -> Loaded:
    """Read content that is already in memory; `max_bytes` refuses more (read max_bytes + 1 to know)."""
    if max_bytes is not None and len(raw) > max_bytes:
        return Loaded(None, [_too_big(max_bytes)])
    not_text = _binary_format(raw)
    if not_text is not None:
        return Loaded(None, [not_text])
    findings: list[Finding] = []
    text = _decode(raw, findings)
    if text is None:
        return Loaded(None, findings)
    # Checked here, on what a person wrote, and not in load_text, which also reads the YAML our
    # importer generates from Word and web pages (whose text may carry such characters).
    invisible = _invisible_character(text)
    if invisible:
        return Loaded(None, [*findings, invisible])
    loaded = load_text(text, filename)
    loaded.findings[:0] = findings
    return loaded


def load_text(text: str, filename: str) -> Loaded:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.reader import ReaderError

    yaml = YAML(typ="safe")
    # ruamel.yaml counts a lone CR as a line break too, so positions do not change.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    remember = _DIRECTIVE_LINE.search(text) is None  # see _caching_resolver
    if remember:
        yaml.Resolver = _caching_resolver()
    beyond = _prescan(text)
    if beyond is not None:
        return Loaded(None, [beyond])
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        return Loaded(None, [_within(text, _syntax_finding(error, text))])
    except ReaderError:
        return Loaded(None, [_control_character(text)])
    except RecursionError:
        return Loaded(None, [_too_deep(START)])
    if root is None:
        return Loaded(
            None, [m.NOT_A_REPORT.at(START, reason="文件是空的，没有任何内容", reason_en="the file is empty")]
        )
    if isinstance(root, ScalarNode) and root.tag == _NULL and not root.value:
        return Loaded(
            None,
            [
                m.NOT_A_REPORT.at(
                    START,
                    reason="文件里只有“---”这样的分隔标记，没有任何内容",
                    reason_en="the file holds only a document marker such as '---', and no content",
                )
            ],
        )
    beyond = _graph_limits(root)
    if beyond is not None:
        return Loaded(None, [beyond])
    report = Report(filename, text, None)
    builder = _Builder(report, yaml.constructor)
    builder.constructed = _CONSTRUCTED if remember else None
    try:
        report.data = builder.build(root)
    except _TooManyValues:
        return Loaded(None, [_too_many_values(START, aliases=True)])
    if not isinstance(report.data, dict):
        return Loaded(None, [_not_a_mapping(report, root)])
    return Loaded(report, builder.findings)


# ---------------------------------------------------------------- not text at all

_OFFICE_ZIP = (
    ("word/", "Word 文档（.docx，ZIP 格式）", "a Word document (.docx, a ZIP file)"),
    ("xl/", "Excel 表格（.xlsx，ZIP 格式）", "an Excel workbook (.xlsx, a ZIP file)"),
    ("ppt/", "PowerPoint 演示文稿（.pptx，ZIP 格式）", "a PowerPoint presentation (.pptx, a ZIP file)"),
    ("OFD.xml", "OFD 版式文件（.ofd，ZIP 格式）", "an OFD document (.ofd, a ZIP file)"),
)
_SIGNATURES = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Word/Excel/WPS 文件（.doc、.xls、.wps）", "a legacy Word/Excel/WPS file (.doc, .xls, .wps)"),
    (b"%PDF-", "PDF 文件", "a PDF file"),
    (b"{\\rtf", "RTF 格式的 Word 文档", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF87a", "GIF 图片", "a GIF image"),
    (b"GIF89a", "GIF 图片", "a GIF image"),
    (b"Rar!\x1a\x07", "RAR 压缩文件", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩文件", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩文件", "a gzip archive"),
)  # fmt: skip
_MARKUP = re.compile(rb"\s*<(?:!doctype\s+html|html|\?xml|w:document)", re.IGNORECASE)


def _binary_format(raw: bytes) -> Finding | None:
    """A document, image or archive saved with a .yaml name, recognised by its first bytes."""
    kind: tuple[str, str] | None = None
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = _zip_kind(raw)
    else:
        for signature, zh, en in _SIGNATURES:
            if raw.startswith(signature):
                kind = (zh, en)
                break
        else:
            if _MARKUP.match(raw.removeprefix(codecs.BOM_UTF8)):
                kind = ("网页或 XML 文件（HTML/XML）", "a web page or XML file (HTML/XML)")
    if kind is None:
        return None
    zh, en = kind
    space = " " if zh[0].isascii() else ""
    return m.NOT_A_REPORT.at(
        START,
        reason=f"这个文件是{space}{zh}，不是 YAML 文本文件：报告要按 README 的格式写成 UTF-8 编码的 YAML 文本文件（.yaml）再检查",
        reason_en=f"this file is {en}, not a YAML text file: write the report as UTF-8 YAML text (.yaml) as the README shows, then check it",
    )


def _zip_kind(raw: bytes) -> tuple[str, str]:
    names: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:  # reads the directory only, never a member
            names = archive.namelist()
    except Exception:  # a truncated or damaged archive: the first local header still names a member
        names = [raw[30 : 30 + int.from_bytes(raw[26:28], "little")].decode("cp437")] if len(raw) > 30 else []
    for prefix, zh, en in _OFFICE_ZIP:
        if any(name.startswith(prefix) for name in names):
            return zh, en
    return "ZIP 压缩文件", "a ZIP archive"


# ---------------------------------------------------------------- decoding


def _decode(raw: bytes, findings: list[Finding]) -> str | None:
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as error:
                findings.append(_undecodable(raw, error.start, codec))
                return None
            if label != "UTF-8":
                findings.append(m.LEGACY_ENCODING.at(START, encoding=label))
            return text
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        codec, label = utf16
        findings.append(m.LEGACY_ENCODING.at(START, encoding=label))
        return raw.decode(codec)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _mostly_utf8(raw):
        # A UTF-8 file with a damaged byte: reading it all as GBK would only give mojibake.
        findings.append(_undecodable(raw, first_bad, "utf-8"))
        return None
    try:
        text: str | None = raw.decode("gb18030")
        gbk_error: UnicodeDecodeError | None = None
    except UnicodeDecodeError as error:
        text, gbk_error = None, error
    detected = _detect_cjk(raw, gbk_readable=gbk_error is None)
    if detected is not None:
        codec, label = detected
        findings.append(m.LEGACY_ENCODING.at(START, encoding=label))
        return raw.decode(codec)
    if gbk_error is not None:
        # Neither: the encoding that read further is the likelier one, so its first bad byte is shown.
        if gbk_error.start > first_bad:
            findings.append(_undecodable(raw, gbk_error.start, "gb18030"))
        else:
            findings.append(_undecodable(raw, first_bad, "utf-8"))
        return None
    findings.append(m.LEGACY_ENCODING.at(START, encoding="GBK/GB18030"))
    return text


# East Asian encodings other than GBK that a report may arrive in, with the name the user knows.
_CJK_LABELS = {
    "big5": "Big5",
    "big5hkscs": "Big5",
    "cp950": "Big5",
    "shift_jis": "Shift-JIS",
    "cp932": "Shift-JIS",
    "shift_jis_2004": "Shift-JIS",
    "shift_jisx0213": "Shift-JIS",
    "euc_jp": "EUC-JP",
    "euc_jis_2004": "EUC-JP",
    "euc_jisx0213": "EUC-JP",
    "cp949": "EUC-KR",
    "euc_kr": "EUC-KR",
}


def _detect_cjk(raw: bytes, gbk_readable: bool) -> tuple[str, str] | None:
    """(codec, label) when the bytes are Big5, Shift-JIS, EUC-JP or EUC-KR rather than GBK.

    Almost any Big5 or Shift-JIS file also decodes as GB18030, into nonsense, so decoding alone
    cannot tell them apart; charset-normalizer (well kept, MIT) judges which decoding reads as
    language. GBK stays the answer whenever it is among its candidates, since a short GBK text
    can also pass for Korean; None means GBK (or undecodable, as before)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency; without it, GBK as before
        return None
    candidates = [match.encoding for match in from_bytes(raw[:262_144])]
    if not candidates or (gbk_readable and "gb18030" in candidates):
        return None
    best = candidates[0]
    if best not in _CJK_LABELS:
        return None
    try:
        raw.decode(best)
    except (UnicodeDecodeError, LookupError):
        return None
    return best, _CJK_LABELS[best]


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte order mark: the ASCII of keys, spaces and digits leaves zero bytes
    on one side of every pair. None unless the file decodes cleanly that way."""
    head = raw[:4096]
    if len(raw) % 2 or len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    for zeros, other, codec, label in (
        (odd, even, "utf-16-le", "UTF-16LE"),
        (even, odd, "utf-16-be", "UTF-16BE"),
    ):
        if zeros * 4 >= pairs and other * 8 <= zeros:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return (codec, label) if "\x00" not in text else None
    return None


def _mostly_utf8(raw: bytes) -> bool:
    """Many valid multi-byte UTF-8 characters and few bad bytes: UTF-8 with damage, not GBK.

    GBK text read as UTF-8 gives about five bad bytes for every character that happens to decode."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= 8 * bad


def _undecodable(raw: bytes, offset: int, codec: str) -> Finding:
    before = raw[:offset].decode(codec, errors="replace").replace("\r\n", "\n")
    pos = _pos_at(before, len(before))
    return m.ENCODING.at(pos, byte=f"0x{raw[offset]:02X}")


# ---------------------------------------------------------------- building

_NULL = "tag:yaml.org,2002:null"
_YAML_TAG = "tag:yaml.org,2002:"
# What a report can hold, plus YAML's own merge key and binary/timestamp (kept as the text written).
_PLAIN_TAGS = frozenset(
    _YAML_TAG + name
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "binary", "timestamp", "merge", "value")
)


# About 1,200 decimal digits: a hexadecimal, octal or binary number longer than that is kept as the
# text written (Python refuses to print integers of more than 4,300 digits).
_MAX_INT_BITS = 4_000


class _TooManyValues(Exception):
    pass


class _Builder:
    """Turns ruamel nodes into plain values, recording positions and duplicate keys."""

    constructed: dict[tuple[str, str, str | None], Any] | None = None  # see _caching_resolver

    def __init__(self, report: Report, constructor: Any) -> None:
        self.report = report
        self.constructor = constructor
        self.findings: list[Finding] = []
        self.budget = MAX_VALUES
        self.tags_reported: set[int] = set()

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
            if node.tag not in _PLAIN_TAGS:
                self._unsupported_tag(node)
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

        if node.tag not in _PLAIN_TAGS:
            self._unsupported_tag(node)
        if isinstance(node, ScalarNode):
            return str(node.value)
        return f"<{type(node).__name__}>"

    def _unsupported_tag(self, node: Any) -> None:
        """A tag such as !!python/object/apply: reported, and the node read as plain data."""
        if id(node) in self.tags_reported:  # an aliased node is met once per alias
            return
        self.tags_reported.add(id(node))
        tag = str(node.tag)
        shown = "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag
        self.findings.append(
            m.SYNTAX.at(
                _pos(node.start_mark),
                problem=f"不支持类型标签“{shown}”：报告只含文字和数字，本工具不会按标签构造或执行任何东西，已把它当作普通内容读取；请删去这个标签（如果“!”是文字的一部分，请给整段文字加引号）",
                problem_en=f"the tag '{shown}' is not supported: a report holds text and numbers, and nothing is constructed or run from a tag (it was read as plain data); remove the tag, or quote the text if the '!' belongs to it",
            )
        )

    def _scalar(self, node: Any, path: Path) -> Any:
        quoted = node.style in ("'", '"')
        tag = node.tag
        self.report.scalars[path] = Scalar(node.value, quoted, tag, node.style or None)
        if tag == "tag:yaml.org,2002:str" or quoted or tag not in _PLAIN_TAGS:
            return node.value
        if self.constructed is None:
            return self._construct(node)
        key = (tag, node.value, node.style)
        value = self.constructed.get(key, _UNSEEN)
        if value is _UNSEEN:
            value = self._construct(node)
            if type(value) in _IMMUTABLE and len(node.value) <= 64 and len(self.constructed) < _REMEMBERED:
                self.constructed[key] = value
        return value

    def _construct(self, node: Any) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except Exception:  # ruamel raises many kinds for odd scalars; keep the text as written
            return node.value
        if isinstance(value, datetime.date | datetime.datetime):
            return node.value
        if isinstance(value, bytes):
            return node.value
        if type(value) is int and value.bit_length() > _MAX_INT_BITS:
            return node.value  # 0x/0o/0b escape Python's digit limit, and no message could print it
        return value


# Without a %YAML directive, a plain scalar's text alone decides its tag and its value, in every
# file: a report's hundreds of cells are mostly the same few small numbers. ruamel.yaml works both
# out in Python for each one (about half the loading time), so both are remembered across files,
# a bounded number of short texts. The first time, ruamel.yaml's own code answers, as before.
_DIRECTIVE_LINE = re.compile("^%", re.MULTILINE)
_REMEMBERED = 4096
_IMMUTABLE = frozenset({int, float, bool, str, type(None)})
_UNSEEN = object()
_RESOLVED: dict[str, Any] = {}
_CONSTRUCTED: dict[tuple[str, str, str | None], Any] = {}


@functools.cache
def _caching_resolver() -> Any:
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    class CachingResolver(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if kind is not ScalarNode or not implicit[0] or self.yaml_path_resolvers:
                return super().resolve(kind, value, implicit)
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(value) <= 64 and len(_RESOLVED) < _REMEMBERED:
                    _RESOLVED[value] = tag
            return tag

    return CachingResolver


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def _graph_limits(root: Any) -> Finding | None:
    """Refuse an alias bomb, an anchor that contains itself, or aliases nested too deep — before
    expanding anything.

    Aliases make the node graph a DAG (or, with a self-reference, a cycle); one pass over its
    distinct nodes gives each node's expanded size and depth, so a few hundred bytes that would
    expand to billions of values cost microseconds, not memory.
    """
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    def children(node: Any) -> list[Any]:
        if isinstance(node, MappingNode):
            return [value for _, value in node.value]
        if isinstance(node, SequenceNode):
            return list(node.value)
        return []

    size: dict[int, int] = {}
    depth: dict[int, int] = {}
    visiting: set[int] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            kids = children(node)
            visiting.discard(key)
            size[key] = 1 + sum(size[id(kid)] for kid in kids)
            depth[key] = 1 + max((depth[id(kid)] for kid in kids), default=0)
            if size[key] > MAX_VALUES:
                return _too_many_values(_pos(node.start_mark), aliases=True)
            if depth[key] > MAX_DEPTH:
                return _too_deep(_pos(node.start_mark), aliases=True)
            continue
        if key in size:
            continue
        if key in visiting:
            return m.TOO_COMPLEX.at(
                _pos(node.start_mark),
                reason="这里的锚点（&名称）在自己的内容里又被引用（*名称），会无限展开，已停止读取",
                reason_en="this anchor (&name) is referred to (*name) inside its own content and would expand for ever; reading stopped",
            )
        visiting.add(key)
        stack.append((node, True))
        stack.extend((kid, False) for kid in children(node))
    return None


# ---------------------------------------------------------------- problems


# ruamel.yaml counts these as line breaks (YAML 1.1); our positions must agree with its marks.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _pos_at(text: str, offset: int) -> Pos:
    breaks = list(_LINE_BREAK.finditer(text, 0, offset))
    line_start = breaks[-1].end() if breaks else 0
    return Pos(len(breaks) + 1, offset - line_start + 1)


def _offset(text: str, pos: Pos) -> int | None:
    """The offset of a 1-based line and column in `text`, or None past its end."""
    line_start = 0
    for _ in range(pos.line - 1):
        found = _LINE_BREAK.search(text, line_start)
        if found is None:
            return None
        line_start = found.end()
    offset = line_start + pos.col - 1
    return offset if offset <= len(text) else None


def _within(text: str, finding: Finding) -> Finding:
    """An end-of-file mark lies past the last line; point at the end of the last line instead."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if lines and finding.pos.line > len(lines):
        return replace(finding, pos=Pos(len(lines), len(lines[-1]) + 1))
    return finding


def _syntax_finding(error: Any, text: str = "") -> Finding:
    mark = error.problem_mark or error.context_mark
    context = error.context or ""
    at_tab = _char_at(text, mark) == "\t"
    if error.context_mark and context.startswith(_CONTEXT_MARKS) and not at_tab:
        mark = error.context_mark  # point at the bracket, quote, '&', '*', '!' or '|' that started it
    problem = (error.problem or error.context or "").strip()
    if "expected a single document" in context:
        return m.NOT_A_REPORT.at(
            _pos(mark) if mark else START,
            reason="一个文件里只能有一份报告，这里又出现了一个“---”开始的文档",
            reason_en="a file holds one report; a second document ('---') starts here",
        )
    zh, en = _explain(problem, context)
    pos = _pos(mark) if mark else START
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
    offset = _offset(text, _pos(mark)) if mark is not None else None
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


def _invisible_character(text: str) -> Finding | None:
    match = _INVISIBLE.search(text)
    if match is None:
        return None
    char = match.group()
    zh, en = _INVISIBLE_NAMES[char]
    return m.SYNTAX.at(
        _pos_at(text, match.start()),
        problem=f"这里有一个看不见的字符 U+{ord(char):04X}（{zh}），会让键名或数字和看上去的不一样；请删除（常见于拼接文件或从网页粘贴时带入）",
        problem_en=f"an invisible character U+{ord(char):04X} ({en}) here makes a key or number differ from what it looks like; delete it",
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


def _size(count: int, bytes_word: str = "字节") -> str:
    """5 MB, 1.5 KB or 100 字节 (bytes): a size as people say it."""
    for unit, name in ((1024 * 1024, "MB"), (1024, "KB")):
        if count >= unit:
            return f"{count // unit} {name}" if count % unit == 0 else f"{count / unit:.1f} {name}"
    return f"{count} {bytes_word}"


def _too_big(limit: int, actual: int | None = None) -> Finding:
    size = f"有 {_size(actual)}，" if actual and actual > limit else ""
    size_en = f" ({_size(actual, 'bytes')})" if actual and actual > limit else ""
    return m.TOO_COMPLEX.at(
        START,
        reason=f"文件{size}超过上限 {_size(limit)}，不像一份年度报告，未读取（如确需检查，可用 --max-bytes 或配置项 max-bytes 调大上限）",
        reason_en=f"the file{size_en} is larger than the limit of {_size(limit, 'bytes')}, too large for an annual report, and was not read (raise the limit with --max-bytes or the max-bytes setting)",
    )


def _prescan(text: str) -> Finding | None:
    """Refuse nesting deeper than MAX_DEPTH or more than MAX_VALUES values, before composing.

    The parser's events come one at a time from a state machine with its own stack, so this
    pass stops at the first level or value too many, whatever the file holds; composing is
    what recurses (in C, where too deep a file would crash the process) and what takes the
    memory. A file that does not parse is left to the composer, which reports where.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.events import (
        AliasEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    events = YAML(typ="safe").parse(text)
    depth = count = 0
    try:
        for event in events:
            if isinstance(event, SequenceStartEvent | MappingStartEvent):
                depth += 1
                count += 1
                if depth > MAX_DEPTH:
                    return _too_deep(_pos(event.start_mark))
            elif isinstance(event, SequenceEndEvent | MappingEndEvent):
                depth -= 1
            elif isinstance(event, ScalarEvent | AliasEvent):
                count += 1
            if count > MAX_VALUES:
                return _too_many_values(_pos(event.start_mark), aliases=False)
    except Exception:  # a syntax error, a control character …: the composer says where
        return None
    finally:
        events.close()
    return None


prescan = _prescan  # the config reader checks its YAML the same way


def _too_deep(pos: Pos, aliases: bool = False) -> Finding:
    how, how_en = ("展开锚点和引用后", "once aliases are expanded, ") if aliases else ("", "")
    return m.TOO_COMPLEX.at(
        pos,
        reason=f"{how}嵌套超过 {MAX_DEPTH} 层，不像一份年度报告，已停止读取",
        reason_en=f"{how_en}nested more than {MAX_DEPTH} levels deep; reading stopped",
    )


def _too_many_values(pos: Pos, aliases: bool) -> Finding:
    if not aliases:
        return m.TOO_COMPLEX.at(
            pos,
            reason=f"文件里的值超过 {MAX_VALUES} 个，不像一份年度报告，已停止读取",
            reason_en=f"the file holds more than {MAX_VALUES} values, too many for an annual report; reading stopped",
        )
    return m.TOO_COMPLEX.at(
        pos,
        reason=f"展开锚点和引用后超过 {MAX_VALUES} 个值，已停止读取（疑似“引用炸弹”）",
        reason_en=f"more than {MAX_VALUES} values once aliases are expanded; reading stopped",
    )
