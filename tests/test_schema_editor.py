"""The schema as an editor uses it: every completion snippet, written out the way the YAML extension
writes a snippet body, is valid where it is offered, and the whole-report snippet is a report
skeleton whose only findings are its placeholders."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import lint, triples
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML

from disclosure_lint import statute
from disclosure_lint.resources import schema_path

INDENT = "  "


def literal(value: object) -> str:
    """A leaf of a snippet body as the extension inserts it: a string as written (a leading ^ only
    says so explicitly), a number as its digits."""
    if isinstance(value, str):
        return value.removeprefix("^")
    return json.dumps(value)


def written(body: object, indent: str = "") -> str:
    """A snippet body as YAML text: an object becomes `key: value` lines, nested objects indented."""
    if not isinstance(body, dict):
        return literal(body)
    lines = []
    for key, value in body.items():
        if isinstance(value, dict):
            lines.append(f"{indent}{key}:\n{written(value, indent + INDENT)}")
        else:
            lines.append(f"{indent}{key}: {literal(value)}")
    return "\n".join(lines)


def expanded(snippet_text: str) -> str:
    """The text once the user accepts every tab stop: ${1:default} → default, ${2|a,b|} → a."""
    text = re.sub(r"\$\{\d+:([^}]*)\}", r"\1", snippet_text)
    text = re.sub(r"\$\{\d+\|([^,|]*)[^}]*\|\}", r"\1", text)
    return re.sub(r"\$\d+", "", text)


def instantiate(body: object) -> Any:
    return YAML(typ="safe").load(expanded(written(body)))


def schema(version: int) -> dict[str, Any]:
    return json.loads(schema_path(version).read_text(encoding="utf-8"))


def snippets(node: Any, where: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], dict, dict]]:
    """(where, the schema that offers it, the snippet) for every snippet in a schema."""
    if isinstance(node, dict):
        for found in node.get("defaultSnippets", ()):
            yield where, node, found
        for key, value in node.items():
            if key != "defaultSnippets":
                yield from snippets(value, (*where, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from snippets(value, (*where, str(index)))


@pytest.mark.parametrize("version", list(statute.FORMATS))
def test_every_snippet_is_valid_where_it_is_offered(version: int) -> None:
    found = list(snippets(schema(version)))
    assert len(found) > 40  # the report, each part, each group, each row
    for where, offered_by, snippet in found:
        value = instantiate(snippet["body"])
        errors = [e.message for e in Draft202012Validator(offered_by).iter_errors(value)]
        assert errors == [], (where, snippet["label"])


@pytest.mark.parametrize("version", list(statute.FORMATS))
def test_rows_complete_as_the_statutory_row_not_as_a_list(version: int) -> None:
    rows = [(where, node) for where, node, _ in snippets(schema(version)) if "minItems" in node]
    assert len(rows) == len(statute.FORMATS[version].part3_rows) + len(statute.PART4_BLOCKS)
    for where, node in rows:
        # The extension completes a key whose schema has `items` (or `properties`) with `- ` lines.
        assert "items" not in node and "type" not in node, where
        (snippet,) = node["defaultSnippets"]
        cells = node["minItems"]
        assert snippet["body"] == "^[" + ", ".join(["0"] * cells) + "]"


def test_the_report_snippet_written_out() -> None:
    (snippet,) = schema(2021)["defaultSnippets"]
    text = written(snippet["body"])
    lines = text.splitlines()
    assert lines[:12] == [
        "格式版本: 2021",
        "机关: ${1:（待填写）}",
        "年度: ${2:2021}",
        "报告类型: ${3|部门,本级政府,乡镇,管委会|}",
        "发布日期: ${4:~}  # 写成 2022-01-20 的形式",
        "总体情况:",
        "  主动公开: （待填写）",
        "  依申请公开: （待填写）",
        "  政府信息管理: （待填写）",
        "  平台建设: （待填写）",
        "  监督保障: （待填写）",
        "主动公开政府信息情况:",
    ]
    assert "  规章: {本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0}" in lines
    assert "    予以公开: [0, 0, 0, 0, 0, 0, 0]" in lines
    assert "      属于国家秘密: [0, 0, 0, 0, 0, 0, 0]" in lines
    assert "  行政复议: [0, 0, 0, 0, 0]" in lines
    assert "- 0" not in text


@pytest.mark.parametrize("version", list(statute.FORMATS))
def test_the_report_snippet_is_a_skeleton_whose_only_findings_are_its_placeholders(version: int) -> None:
    (snippet,) = schema(version)["defaultSnippets"]
    text = expanded(written(snippet["body"])) + "\n"
    data = YAML(typ="safe").load(text)
    assert [e.message for e in Draft202012Validator(schema(version)).iter_errors(data)] == []
    found = triples(lint(text))
    placeholders = [line for line, row in enumerate(text.splitlines(), 1) if "（待填写）" in row]
    assert len(placeholders) == 8  # 机关, the five aspects, parts 五 and 六
    date_line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("发布日期:"))
    assert sorted((line, code) for code, line, _ in found) == sorted(
        [(date_line, "DL305"), *((line, "DL304") for line in placeholders)]
    )  # every placeholder is reported, and the date left open
