"""Build an ordinary report's data and positions straight from the C parser's events.

Composing ruamel.yaml's node graph costs more than parsing: for each of a report's ~350 values
the composer calls back into Python to resolve the tag and make a node (with a tag object), and
then our walk of the graph (loader.py) turns the nodes into data. The events carry all a report
needs (each value's text, style and start mark), so for the file every report is (one mapping,
plain tags, no anchors, no duplicate keys) the data, the positions and the scalars are built here
in one pass over them, about twice as fast.

Anything else (an anchor or alias, an explicit tag, a key that is not a scalar, a duplicate key,
a root that is not a mapping, a second document, a syntax error) makes `build` answer None, and
the loader reads the file the usual way, which says what is wrong exactly as before: this is a
short cut for the common case, never a second reading of YAML with answers of its own.
"""

from __future__ import annotations

import functools
from typing import Any

from .document import Report, Scalar
from .findings import Path, Pos
from .loader import (
    _CONSTRUCTED,
    _IMMUTABLE,
    _PLAIN_TAGS,
    _REMEMBERED,
    _UNSEEN,
    MAX_VALUES,
    _caching_resolver,
    construct_scalar,
)

_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
# A plain scalar's tag by its text (the resolver decides it from the text alone without a %YAML
# directive, which the loader checks before coming here), for a bounded number of short texts.
_PLAIN: dict[str, str] = {}

# Pos and Scalar are named tuples: making the tuple directly gives the same object as calling the
# class (as the loader's walk does), without its argument handling.
_make = tuple.__new__


class _Unusual(Exception):
    """The file is not an ordinary report: the loader composes it instead."""


def build(text: str, report: Report) -> Any | None:
    """The report's data, with `report.values`, `keys` and `scalars` filled in exactly as the
    loader's walk of the composed graph fills them; None (and the report untouched) for a file
    that is not an ordinary report, or that does not parse."""
    parser = _parser_class()(text)
    construct = _Constructor()
    values: dict[Path, Pos] = {}
    scalars: dict[Path, Scalar] = {}
    blocks: list[list[tuple[Path, Pos]]] = []
    try:
        data = _walk(parser, construct, values, scalars, blocks)
    except Exception:  # _Unusual, or a syntax error the composer will report where it is
        return None
    finally:
        parser.dispose()
    report.values.update(values)
    report.keys.update(item for block in blocks for item in block)
    report.scalars.update(scalars)
    return data


def _walk(
    parser: Any,
    construct: _Constructor,
    values: dict[Path, Pos],
    scalars: dict[Path, Scalar],
    blocks: list[list[tuple[Path, Pos]]],
) -> Any:
    """One pass over the events. The loader's walk records each mapping's keys when it reaches
    the mapping, before anything inside it: `blocks` keeps one list of keys per mapping in that
    order, so that `report.keys` is in the same order too."""
    from ruamel.yaml.events import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )

    get = parser.get_event
    if type(get()) is not StreamStartEvent or type(get()) is not DocumentStartEvent:
        raise _Unusual
    event = get()
    if type(event) is not MappingStartEvent or event.anchor is not None or event.ctag is not None:
        raise _Unusual
    root: dict[str, Any] = {}
    values[()] = _make(Pos, (event.start_mark.line + 1, event.start_mark.column + 1))
    keys: list[tuple[Path, Pos]] | None = []
    blocks.append(keys)
    # Each open collection: (its value, its path, its keys' list or None for a sequence).
    stack: list[tuple[Any, Path, list[tuple[Path, Pos]] | None]] = []
    container: Any = root
    path: Path = ()
    count = 1
    plain = _PLAIN.get  # the hundreds of scalars a report has: the common case inline
    while True:
        event = get()
        kind = type(event)
        if keys is not None:  # in a mapping: a key, or its end
            if kind is MappingEndEvent:
                if not stack:
                    break
                container, path, keys = stack.pop()
                continue
            if kind is not ScalarEvent or event.anchor is not None or event.ctag is not None:
                raise _Unusual
            key = event.value
            tag = (event.implicit[0] and plain(key)) or _tag(parser, event)
            if key in container or tag not in _PLAIN_TAGS:
                raise _Unusual  # a duplicate key is reported by the loader's walk, in its order
            child = (*path, key)
            mark = event.start_mark
            keys.append((child, _make(Pos, (mark.line + 1, mark.column + 1))))
            event = get()
            kind = type(event)
        elif kind is SequenceEndEvent:
            container, path, keys = stack.pop()
            continue
        else:  # an item of a sequence
            key = len(container)
            child = (*path, key)
            container.append(None)
        count += 1
        if count > MAX_VALUES or event.anchor is not None or event.ctag is not None:
            raise _Unusual  # an alias event has an anchor too
        mark = event.start_mark
        values[child] = _make(Pos, (mark.line + 1, mark.column + 1))
        if kind is ScalarEvent:
            value = event.value
            tag = (event.implicit[0] and plain(value)) or _tag(parser, event)
            style = event.style
            scalars[child] = _make(Scalar, (value, style == "'" or style == '"', tag, style or None))
            if tag != _STR:
                value = _value(construct, event, tag)
            container[key] = value
        elif kind is MappingStartEvent:
            stack.append((container, path, keys))
            container[key] = container = {}
            path, keys = child, []
            blocks.append(keys)
        elif kind is SequenceStartEvent:
            stack.append((container, path, keys))
            container[key] = container = []
            path, keys = child, None
        else:
            raise _Unusual
    if type(get()) is not DocumentEndEvent or type(get()) is not StreamEndEvent:
        raise _Unusual  # a second document: the composer says so
    return root


def _tag(resolver: Any, event: Any) -> str:
    """The tag the composer would give a scalar without an explicit one."""
    from ruamel.yaml.nodes import ScalarNode

    if not event.implicit[0]:  # quoted or a block: what resolve() answers, without path resolvers
        if resolver.yaml_path_resolvers:
            return str(resolver.resolve(ScalarNode, event.value, event.implicit))
        return _STR
    value = event.value
    tag = _PLAIN.get(value)
    if tag is None:
        tag = str(resolver.resolve(ScalarNode, value, event.implicit))
        if len(value) <= 64 and len(_PLAIN) < _REMEMBERED and not resolver.yaml_path_resolvers:
            _PLAIN[value] = tag
    return tag


def _value(construct: _Constructor, event: Any, tag: str) -> Any:
    """A scalar's value as the loader's walk makes it, for a tag other than str."""
    style = event.style
    if style == "'" or style == '"':
        return event.value
    if tag not in _PLAIN_TAGS:
        raise _Unusual
    key = (tag, event.value, style)
    value = _CONSTRUCTED.get(key, _UNSEEN)
    if value is _UNSEEN:
        from ruamel.yaml.nodes import ScalarNode

        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style)
        value = construct(node)
        if type(value) in _IMMUTABLE and len(event.value) <= 64 and len(_CONSTRUCTED) < _REMEMBERED:
            _CONSTRUCTED[key] = value
    return value


class _Constructor:
    """ruamel.yaml's safe constructor as the loader uses it: one per file, made only for a file
    with a scalar whose value is not remembered from an earlier one."""

    def __init__(self) -> None:
        self.constructor: Any = None

    def __call__(self, node: Any) -> Any:
        if self.constructor is None:
            from ruamel.yaml import YAML

            yaml = YAML(typ="safe")
            yaml.Resolver = _caching_resolver()
            self.constructor = yaml.constructor
        return construct_scalar(node, self.constructor)


@functools.cache
def _parser_class() -> Any:
    """ruamel.yaml's C parser with the loader's resolver, made once (ruamel.yaml's own YAML object
    makes such a class for every file it reads)."""
    from ruamel.yaml.cyaml import CParser

    resolver = _caching_resolver()

    class EventParser(CParser, resolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            resolver.__init__(self, version=None, loadumper=self)

    return EventParser
