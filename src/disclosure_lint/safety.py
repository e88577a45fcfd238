"""Limits that keep a hostile file from exhausting memory or the C composer's stack: too many
values, nesting too deep, aliases expanded into a bomb. See docs/hostile-inputs.md."""

from __future__ import annotations

from typing import Any

from . import messages as m
from .findings import Finding, Pos
from .yaml_errors import pos_of

# A report has about 300 values (table 三 alone has 175 cells) and nests 5 levels deep.

# A report has about 300 values (table 三 alone has 175 cells) and nests 5 levels deep.
MAX_VALUES = 20_000  # values, aliases expanded: stops alias bombs and files of a million tiny values


MAX_DEPTH = 1_000  # the C composer recurses per level and would crash the process on deeper input


def graph_limits(root: Any) -> Finding | None:
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
                return too_many_values(pos_of(node.start_mark), aliases=True)
            if depth[key] > MAX_DEPTH:
                return too_deep(pos_of(node.start_mark), aliases=True)
            continue
        if key in size:
            continue
        if key in visiting:
            return m.TOO_COMPLEX.at(
                pos_of(node.start_mark),
                reason="这里的锚点（&名称）在自己的内容里又被引用（*名称），会无限展开，已停止读取",
                reason_en="this anchor (&name) is referred to (*name) inside its own content and would expand for ever; reading stopped",
            )
        visiting.add(key)
        stack.append((node, True))
        stack.extend((kid, False) for kid in children(node))
    return None


def within_limits(text: str) -> bool:
    """True when `text` certainly holds at most MAX_VALUES values nested at most MAX_DEPTH deep,
    from counting characters alone, so that the event pass (prescan) can be skipped.

    Every node after the first is introduced by a line break or an indicator (, [ { - ? :), and
    a ":" inside [ ] may introduce two: the value, and the one-pair mapping it makes of its
    entry ("[a: b]" is a list holding a mapping). Nesting is flow brackets (a "[" counting twice,
    for such a mapping inside it) plus block levels, and a block level takes a column of
    indentation or an indicator on its line, so the longest line bounds those. A real report
    (about 300 values, 5 levels, lines under a few hundred characters) passes.
    """
    separators = 1 + sum(text.count(mark) for mark in "\n,[{-?") + 2 * text.count(":")
    if separators > MAX_VALUES:
        return False
    brackets = 2 * text.count("[") + text.count("{")
    return brackets + max(map(len, text.split("\n"))) + 1 <= MAX_DEPTH


def may_expand(text: str, within: bool) -> bool:
    """Whether the composed graph must still be measured (`graph_limits`) after `within_limits`
    gave `within` for its text.

    Without aliases the graph is the tree the text spells out, which `within_limits` (or else
    `prescan`, on the events) has already bounded; and an alias needs an anchor, written with
    "&" (an alias to no anchor does not compose). So a real report, with no "&", skips the pass.
    """
    return not within or "&" in text


def prescan(text: str) -> Finding | None:
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
                    return too_deep(pos_of(event.start_mark))
            elif isinstance(event, SequenceEndEvent | MappingEndEvent):
                depth -= 1
            elif isinstance(event, ScalarEvent | AliasEvent):
                count += 1
            if count > MAX_VALUES:
                return too_many_values(pos_of(event.start_mark), aliases=False)
    except Exception:  # a syntax error, a control character …: the composer says where
        return None
    finally:
        events.close()
    return None


def too_deep(pos: Pos, aliases: bool = False) -> Finding:
    how, how_en = ("展开锚点和引用后", "once aliases are expanded, ") if aliases else ("", "")
    return m.TOO_COMPLEX.at(
        pos,
        reason=f"{how}嵌套超过 {MAX_DEPTH} 层，不像一份年度报告，已停止读取",
        reason_en=f"{how_en}nested more than {MAX_DEPTH} levels deep; reading stopped",
    )


def too_many_values(pos: Pos, aliases: bool) -> Finding:
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
