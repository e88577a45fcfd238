"""Reading files: every malformed input gives a positioned finding and exit 2, never a traceback."""

from __future__ import annotations

import codecs

import pytest
from conftest import SEED_EXAMPLE, edit, line_of, lint, triples

from disclosure_lint.loader import load_bytes, load_file, load_text


def test_positions_are_one_based_for_keys_values_and_cells(city_text: str) -> None:
    report = load_text(city_text, "r.yaml").report
    assert report is not None
    row = ("收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量")
    line = line_of(city_text, "本年新收政府信息公开申请数量:")
    assert report.keys[row].line == line and report.keys[row].col == 3
    text_line = city_text.splitlines()[line - 1]
    assert report.values[(*row, 0)].col == text_line.index("[52") + 2
    assert report.values[(*row, 6)].col == text_line.index("66") + 1
    assert report.get((*row, 6)) == 66


def test_yaml_12_scalars_and_dates_kept_as_written() -> None:
    report = load_text("a: [017, 0o17, yes, ~, '12', 2024-13-45, 2024-01-20]\n", "r.yaml").report
    assert report is not None
    assert report.data == {"a": [17, 15, "yes", None, "12", "2024-13-45", "2024-01-20"]}
    assert report.scalars[("a", 4)].quoted


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("机关: 某局\n年度: 2023: 2024\n", "DL004", 2, 9),  # two colons on one line
        ("机关: 某局\n总体情况:\n\t主动公开: 好\n", "DL004", 3, 1),  # a tab indent
        ("机关: '某局\n", "DL004", 1, 5),  # an unclosed quote
        ("行政复议: [0, 0, 0\n年度: 2023\n", "DL004", 1, 7),  # an unclosed row
        ("", "DL006", 1, 1),  # empty
        ("# 只有注释\n", "DL006", 1, 1),
        ("- 机关\n- 年度\n", "DL006", 1, 1),  # a list, not a mapping
        ("机关：某局\n年度：2023\n", "DL006", 1, 1),  # full-width colons: one long string
        ("机关: 某局\n---\n机关: 另一局\n", "DL006", 2, 1),  # two documents
        ("年度: 2023\n年度: 2024\n", "DL005", 2, 1),  # duplicate key
    ],
)
def test_malformed_input_is_a_positioned_finding_and_exit_2(
    text: str, code: str, line: int, col: int
) -> None:
    result = lint(text)
    assert result.unreadable
    assert (code, line, col) in triples(result)
    assert triples(result)[0] == (code, line, col) or code == "DL005"


def test_duplicate_key_names_both_positions_and_the_rest_is_still_checked(seed_text: str) -> None:
    text = edit(seed_text, "年度: 2023\n", "年度: 2023\n机关: 攀枝花市西区司法局\n")
    result = lint(text)
    assert triples(result) == [("DL005", 7, 1)]
    assert result.findings[0].message() == (
        "“机关”重复：第5行第1列已写过一次，只保留前一次的内容，请删去或合并其中一处"
    )
    assert result.unreadable


def test_tab_message_tells_the_clerk_to_use_spaces() -> None:
    result = lint("总体情况:\n\t主动公开: 好\n")
    assert "Tab" in result.findings[0].message() and "空格" in result.findings[0].message()


def test_missing_file_and_folder(tmp_path) -> None:
    assert [(f.code, f.pos.line) for f in load_file(tmp_path / "nope.yaml").findings] == [("DL001", 1)]
    loaded = load_file(tmp_path)
    assert loaded.report is None and loaded.findings[0].message() == "无法读取文件：这是一个文件夹，不是文件"


def test_gbk_file_is_read_with_a_warning() -> None:
    raw = SEED_EXAMPLE.read_text(encoding="utf-8").encode("gb18030")
    loaded = load_bytes(raw, "gbk.yaml")
    assert loaded.report is not None
    assert [(f.code, f.pos.line, f.pos.col) for f in loaded.findings] == [("DL003", 1, 1)]
    assert loaded.report.get(("机关",)) == "攀枝花市西区司法局"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_byte_order_marks(bom: bytes) -> None:
    text = SEED_EXAMPLE.read_text(encoding="utf-8")
    raw = bom + text.encode("utf-8" if bom == codecs.BOM_UTF8 else "utf-16-le")
    loaded = load_bytes(raw, "bom.yaml")
    assert loaded.report is not None and loaded.report.get(("年度",)) == 2023
    assert [f.code for f in loaded.findings] == ([] if bom == codecs.BOM_UTF8 else ["DL003"])


def test_windows_line_endings_keep_positions(seed_text: str) -> None:
    crlf = lint(seed_text.replace("\n", "\r\n").replace("报告类型: 部门", "报告类型: 部"))
    assert triples(crlf) == [("DL105", 7, 7)]


def test_undecodable_byte_is_located() -> None:
    loaded = load_bytes("机关: 某局\n年度: ".encode() + b"\xa0\xff\xfe\n", "x.yaml")
    assert loaded.report is None
    assert [(f.code, f.pos.line, f.pos.col) for f in loaded.findings] == [("DL002", 2, 5)]
    assert "0xA0" in loaded.findings[0].message()


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"]
    lines += [
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]"
        for i in range(1, 12)
    ]
    result = lint("\n".join(lines) + "\n")
    # a5 is the first anchor whose expansion passes MAX_VALUES (11 · 6⁵ values): it is named
    assert triples(result) == [("DL007", 6, 5)]


@pytest.mark.parametrize("depth", [1_001, 200_000])
def test_deep_nesting_is_refused_before_parsing(depth: int) -> None:
    result = lint("a: " + "[" * depth + "]" * depth + "\n")
    # the root mapping is level 1, so the 1000th bracket (column 4 + 999) is level 1001
    assert triples(result) == [("DL007", 1, 1003)]


def test_moderate_nesting_is_parsed() -> None:
    result = lint("a: " + "[" * 900 + "]" * 900 + "\n")
    assert not result.unreadable
    assert ("DL102", 1, 1) in triples(result)  # the key 'a' is unknown: the file was read


def test_positions_and_scalars_are_the_objects_their_constructors_make() -> None:
    """The loader sets the slots of Pos and Scalar directly (hundreds per report): each must be
    equal to, hash like and print like the one the dataclass constructor makes."""
    from disclosure_lint.document import Scalar
    from disclosure_lint.findings import Pos

    report = load_file(SEED_EXAMPLE).report
    assert report is not None
    positions = [*report.values.values(), *report.keys.values()]
    assert len(positions) > 300
    for pos in positions:
        made = Pos(pos.line, pos.col)
        assert (pos == made, hash(pos) == hash(made), repr(pos) == repr(made)) == (True, True, True)
    for scalar in report.scalars.values():
        made = Scalar(scalar.text, scalar.quoted, scalar.tag, scalar.style)
        assert (scalar == made, hash(scalar) == hash(made), repr(scalar) == repr(made)) == (True, True, True)
