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

import datetime
import functools
import re
from pathlib import Path as FsPath
from typing import Any

from . import messages as m
from .decoding import binary_format, decode
from .detect import looks_like_report, not_a_report
from .document import Report, Scalar
from .findings import START, Finding, Path, Pos
from .intake import MAX_BYTES, read, too_big
from .safety import (
    MAX_DEPTH,
    MAX_VALUES,
    graph_limits,
    may_expand,
    prescan,
    too_deep,
    too_many_values,
    within_limits,
)
from .yaml_errors import control_character, invisible_character, pos_of, syntax_finding, within

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_VALUES",
    "Loaded",
    "load_bytes",
    "load_decoded",
    "load_file",
    "load_text",
    "prescan",
]


class Loaded:
    """What reading a file gave: a report (None if it could not be read) and findings.

    `text` is the text the findings' positions count in when it is the file as the user has it
    (so that the text output can show their lines), else None; `exact`, for a published document,
    the positions read from the document itself (None: every position is the file's);
    `not_a_report`, YAML in which no key is one of the report's (detect.py): `--skip-non-reports`
    skips it.
    """

    __slots__ = ("exact", "findings", "not_a_report", "report", "text")

    def __init__(
        self,
        report: Report | None,
        findings: list[Finding] | None = None,
        text: str | None = None,
        exact: frozenset[Pos] | None = None,
        not_a_report: bool = False,
    ) -> None:
        self.report = report
        self.findings = [] if findings is None else findings
        self.text = text
        self.exact = exact
        self.not_a_report = not_a_report


def load_file(path: str | FsPath, display: str | None = None, max_bytes: int = MAX_BYTES) -> Loaded:
    raw = read(FsPath(path), max_bytes)
    if isinstance(raw, Finding):
        return Loaded(None, [raw])
    return load_bytes(raw, display or str(path))


def load_bytes(raw: bytes, filename: str, max_bytes: int | None = None) -> Loaded:
    """Read content that is already in memory; `max_bytes` refuses more (read max_bytes + 1 to know)."""
    if max_bytes is not None and len(raw) > max_bytes:
        return Loaded(None, [too_big(max_bytes)])
    not_text = binary_format(raw, filename)
    if not_text is not None:
        return Loaded(None, [not_text])
    findings: list[Finding] = []
    text = decode(raw, findings)
    if text is None:
        return Loaded(None, findings)
    loaded = load_decoded(text, filename)
    loaded.findings[:0] = findings
    return loaded


def load_decoded(text: str, filename: str) -> Loaded:
    """What a person wrote, decoded: refused for invisible characters (with the fix that deletes
    them), else read as YAML. `--fix` reads each round of its fixes through here."""

    # Checked here, on what a person wrote, and not in load_text, which also reads the YAML our
    # importer generates from Word and web pages (whose text may carry such characters).
    other = not looks_like_report(text)
    invisible = invisible_character(text)
    if invisible:
        from .slip_fixes import invisible_fix  # only for a report that needs it

        return Loaded(None, [invisible._replace(fix=invisible_fix(text))], text, not_a_report=other)
    loaded = load_text(text, filename)
    if other:
        if loaded.report is not None:  # a mapping: say what it is rather than list every missing key
            return Loaded(None, [not_a_report()], loaded.text, not_a_report=True)
        loaded.not_a_report = True
    return loaded


def load_text(text: str, filename: str) -> Loaded:
    # ruamel.yaml counts a lone CR as a line break too, so positions do not change.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    loaded = _load(text, filename)
    loaded.text = text
    return loaded


def _load(text: str, filename: str) -> Loaded:

    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.reader import ReaderError

    remember = _DIRECTIVE_LINE.search(text) is None  # see _caching_resolver
    bounded = within_limits(text)
    beyond = None if bounded else prescan(text)  # one parse for a real report
    if beyond is not None:
        return Loaded(None, [beyond])
    if remember and not may_expand(text, bounded):  # an ordinary report: built from the events
        from . import from_events

        report = Report(filename, text, None)
        report.data = from_events.build(text, report)
        if report.data is not None:
            return Loaded(report)
    yaml = YAML(typ="safe")
    if remember:
        yaml.Resolver = _caching_resolver()
    try:
        root = yaml.compose(text)
    except MarkedYAMLError as error:
        from . import slip_fixes  # the fixes of a report that does not read: loaded only for one

        return Loaded(None, [slip_fixes.with_fix(text, within(text, syntax_finding(error, text)))])
    except ReaderError:
        from . import slip_fixes

        found = control_character(text)
        return Loaded(None, [found._replace(fix=slip_fixes.control_fix(text))])
    except RecursionError:
        return Loaded(None, [too_deep(START)])
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
    beyond = graph_limits(root) if may_expand(text, bounded) else None
    if beyond is not None:
        return Loaded(None, [beyond])
    report = Report(filename, text, None)
    builder = _Builder(report, yaml.constructor)
    builder.constructed = _CONSTRUCTED if remember else None
    try:
        report.data = builder.build(root)
    except _TooManyValues:
        return Loaded(None, [too_many_values(START, aliases=True)])
    if not isinstance(report.data, dict):
        found = _not_a_mapping(report, root)
        if not isinstance(report.data, str):
            return Loaded(None, [found])
        from . import slip_fixes

        return Loaded(None, [slip_fixes.with_fix(text, found)])
    return Loaded(report, builder.findings)


# ---------------------------------------------------------------- not text at all


# ---------------------------------------------------------------- decoding


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


def _tag(node: Any) -> str | None:
    """`node.tag`, which ruamel.yaml makes into a new string on every access, once per tag object
    (the resolver hands the same few to most nodes)."""
    ctag = node.ctag
    known = _TAGS.get(id(ctag))
    if known is None or known[0] is not ctag:
        if len(_TAGS) >= _REMEMBERED:
            _TAGS.clear()
        known = _TAGS[id(ctag)] = (ctag, node.tag)
    return known[1]


_TAGS: dict[int, tuple[Any, str | None]] = {}
# The builder makes a Pos for every value and key and a Scalar for every scalar: hundreds a report.
# Both are named tuples; making the tuple directly gives the very same object as calling the class
# (equal, hashed and printed alike) without its argument handling.
_make = tuple.__new__


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
        values, keys = self.report.values, self.report.keys
        # Iterative walk: (node, path, container, slot) — deep files must not hit RecursionError.
        stack: list[tuple[Any, Path, Any, Any]] = [(root, (), result, "root")]
        while stack:
            node, path, container, slot = stack.pop()
            self.budget -= 1
            if self.budget < 0:
                raise _TooManyValues
            mark = node.start_mark
            values[path] = _make(Pos, (mark.line + 1, mark.column + 1))
            tag = _tag(node)
            if tag not in _PLAIN_TAGS:
                self._unsupported_tag(node)
            if isinstance(node, MappingNode):
                value: Any = {}
                pending = []
                for key_node, value_node in node.value:
                    key = self._key(key_node)
                    child = (*path, key)
                    if key in value:
                        first = keys[child]
                        self.findings.append(
                            m.DUPLICATE_KEY.at(
                                pos_of(key_node.start_mark), child, key=key,
                                first_line=first.line, first_col=first.col,
                            )
                        )  # fmt: skip
                        continue
                    value[key] = None
                    mark = key_node.start_mark
                    keys[child] = _make(Pos, (mark.line + 1, mark.column + 1))
                    pending.append((value_node, child, value, key))
                stack.extend(reversed(pending))
            elif isinstance(node, SequenceNode):
                value = [None] * len(node.value)
                stack.extend(
                    (item, (*path, index), value, index)
                    for index, item in reversed(list(enumerate(node.value)))
                )
            else:
                value = self._scalar(node, path, tag)
            container[slot] = value
        return result["root"]

    def _key(self, node: Any) -> str:
        from ruamel.yaml.nodes import ScalarNode

        if _tag(node) not in _PLAIN_TAGS:
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
                pos_of(node.start_mark),
                problem=f"不支持类型标签“{shown}”：报告只含文字和数字，本工具不会按标签构造或执行任何东西，已把它当作普通内容读取；请删去这个标签（如果“!”是文字的一部分，请给整段文字加引号）",
                problem_en=f"the tag '{shown}' is not supported: a report holds text and numbers, and nothing is constructed or run from a tag (it was read as plain data); remove the tag, or quote the text if the '!' belongs to it",
            )
        )

    def _scalar(self, node: Any, path: Path, tag: str) -> Any:
        quoted = node.style in ("'", '"')
        self.report.scalars[path] = _make(Scalar, (node.value, quoted, tag, node.style or None))
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
        return construct_scalar(node, self.constructor)


def construct_scalar(node: Any, constructor: Any) -> Any:
    """A plain scalar's value by ruamel.yaml's safe constructor, or its text as written."""
    try:
        value = constructor.construct_object(node, deep=True)
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
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
    from ruamel.yaml.resolver import VersionedResolver

    class CachingResolver(VersionedResolver):
        def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
            if self.yaml_path_resolvers:
                return super().resolve(kind, value, implicit)
            # What ruamel.yaml's own resolve answers without path resolvers, without its detour.
            if kind is MappingNode:
                return self.DEFAULT_MAPPING_TAG
            if kind is SequenceNode:
                return self.DEFAULT_SEQUENCE_TAG
            if kind is not ScalarNode or not implicit[0]:
                return super().resolve(kind, value, implicit)
            tag = _RESOLVED.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(value) <= 64 and len(_RESOLVED) < _REMEMBERED:
                    _RESOLVED[value] = tag
            return tag

    return CachingResolver


# ---------------------------------------------------------------- problems


def _not_a_mapping(report: Report, root: Any) -> Finding:
    pos = pos_of(root.start_mark)
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
