"""Issue 18: typing slips of a Chinese input method are found where they were typed (not on the
line after) and the message names the character and what to type instead, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_EXAMPLE, edit, lint
from test_cli import run

from disclosure_lint.config import Options
from disclosure_lint.slips import line_slip

SEED = SEED_EXAMPLE.read_text(encoding="utf-8")
ROW = "  本年新收政府信息公开申请数量:         [0, 0, 0, 0, 0, 0, 0]"
RULES = "  规章: {本年制发件数: 0, 本年废止件数: 0, 现行有效件数: 0}"

# (old, new, code, line, column, Chinese message, English message)
SLIPS = {
    "full-width colon after a key": (
        "年度: 2023", "年度：2023", "DL004", 6, 3,
        "YAML 语法错误：“年度”后面的冒号是全角“：”（中文输入法的冒号），YAML 读不出键：请改成半角冒号加一个空格，写成“年度: 2023”",
        "YAML syntax error: the colon after '年度' is the full-width '：' of a Chinese input method, so YAML "
        "sees no key: type a half-width colon and a space, '年度: 2023'",
    ),
    "full-width colon after a part": (
        "主动公开政府信息情况:\n", "主动公开政府信息情况：\n", "DL004", 37, 11,
        "YAML 语法错误：“主动公开政府信息情况”后面的冒号是全角“：”（中文输入法的冒号），YAML 读不出键：请改成半角冒号加一个空格，写成“主动公开政府信息情况:”",
        "YAML syntax error: the colon after '主动公开政府信息情况' is the full-width '：' of a Chinese input "
        "method, so YAML sees no key: type a half-width colon and a space, '主动公开政府信息情况:'",
    ),
    "full-width colon before a block of text": (
        "  主动公开: |", "  主动公开：|", "DL004", 11, 7,
        "YAML 语法错误：“主动公开”后面的冒号是全角“：”（中文输入法的冒号），YAML 读不出键：请改成半角冒号加一个空格，写成“主动公开: |”",
        "YAML syntax error: the colon after '主动公开' is the full-width '：' of a Chinese input method, so "
        "YAML sees no key: type a half-width colon and a space, '主动公开: |'",
    ),
    "full-width colon before a row": (
        ROW, ROW.replace(":", "：", 1), "DL004", 47, 17,
        "YAML 语法错误：“本年新收政府信息公开申请数量”后面的冒号是全角“：”（中文输入法的冒号），YAML 读不出键：请改成半角冒号加一个空格，写成“本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]”",
        "YAML syntax error: the colon after '本年新收政府信息公开申请数量' is the full-width '：' of a Chinese "
        "input method, so YAML sees no key: type a half-width colon and a space, "
        "'本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]'",
    ),
    "key:value without a space": (
        "年度: 2023", "年度:2023", "DL004", 6, 3,
        "YAML 语法错误：冒号“:”后面少了一个空格，YAML 把“年度:2023”读成了一段文字：请在冒号后加一个空格，写成“年度: 2023”",
        "YAML syntax error: a space is missing after ':', so YAML reads '年度:2023' as one piece of text: "
        "type a space after the colon, '年度: 2023'",
    ),
    "row:[…] without a space": (
        ROW, ROW.replace(":         [", ":["), "DL004", 47, 17,
        "YAML 语法错误：冒号“:”后面少了一个空格，YAML 把“本年新收政府信息公开申请数量:[0, 0, 0, 0, 0, 0, 0]”读成了一段文字：请在冒号后加一个空格，写成“本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]”",
        "YAML syntax error: a space is missing after ':', so YAML reads "
        "'本年新收政府信息公开申请数量:[0, 0, 0, 0, 0, 0, 0]' as one piece of text: type a space after the "
        "colon, '本年新收政府信息公开申请数量: [0, 0, 0, 0, 0, 0, 0]'",
    ),
    "key:value without a space in { }": (
        RULES, RULES.replace("本年制发件数: 0", "本年制发件数:0"), "DL004", 38, 14,
        "YAML 语法错误：冒号“:”后面少了一个空格，YAML 把“本年制发件数:0”读成了一段文字：请在冒号后加一个空格，写成“本年制发件数: 0”",
        "YAML syntax error: a space is missing after ':', so YAML reads '本年制发件数:0' as one piece of "
        "text: type a space after the colon, '本年制发件数: 0'",
    ),
    "full-width space after the colon": (
        "年度: 2023", "年度:\u30002023", "DL004", 6, 4,
        "YAML 语法错误：冒号后面是全角空格（U+3000，中文输入法的空格），YAML 要的是半角空格：请把它换成一个半角空格",
        "YAML syntax error: the space after the colon is a full-width space (U+3000, a Chinese input "
        "method's space): replace it with an ordinary space",
    ),
    "full-width spaces as indentation": (
        "  主动公开: |", "\u3000\u3000主动公开: |", "DL004", 11, 1,
        "YAML 语法错误：缩进里有全角空格（U+3000，中文输入法的空格），YAML 看不出它是缩进：请删去，改用半角空格缩进",
        "YAML syntax error: a full-width space (U+3000, a Chinese input method's space) in the indentation, "
        "which YAML does not read as indentation: delete it and indent with ordinary spaces",
    ),
    "a full-width space among half-width ones": (
        "  依申请公开: |", " \u3000依申请公开: |", "DL004", 18, 2,
        "YAML 语法错误：缩进里有全角空格（U+3000，中文输入法的空格），YAML 看不出它是缩进：请删去，改用半角空格缩进",
        "YAML syntax error: a full-width space (U+3000, a Chinese input method's space) in the indentation, "
        "which YAML does not read as indentation: delete it and indent with ordinary spaces",
    ),
    "full-width braces": (
        RULES, RULES.replace("{", "｛").replace("}", "｝"), "DL004", 38, 7,
        "YAML 语法错误：“｛”是全角花括号（中文输入法的花括号）：YAML 只认半角花括号，请改成“{”",
        "YAML syntax error: '｛' is a full-width brace of a Chinese input method: YAML needs the half-width '{'",
    ),
    "a full-width closing bracket": (
        ROW, ROW.replace("]", "］"), "DL004", 47, 47,
        "YAML 语法错误：“］”是全角方括号（中文输入法的方括号）：YAML 只认半角方括号，请改成“]”",
        "YAML syntax error: '］' is a full-width bracket of a Chinese input method: YAML needs the half-width ']'",
    ),
    # The file still reads as YAML: DL042, in place of the schema's findings about the same slip.
    "full-width colon inside { }": (
        RULES, RULES.replace("本年制发件数: 0", "本年制发件数：0"), "DL042", 38, 14,
        "“：”是中文输入法的全角冒号，YAML 不把它当作冒号：键和值之间要用半角冒号加一个空格，写成“本年制发件数: 0”",
        "'：' is the full-width colon of a Chinese input method, which YAML does not read as one: a key takes "
        "a half-width colon and a space, '本年制发件数: 0'",
    ),
    "full-width commas in a row": (
        ROW, ROW.replace("[0, 0, 0,", "[0，0，0,"), "DL042", 47, 29,
        "“，”是中文输入法的全角逗号，YAML 不把它当作逗号：格子之间要用半角逗号“,”隔开，“0，0，0”被读成了一格",
        "'，' is the full-width comma of a Chinese input method, which YAML does not read as one: cells are "
        "separated by a half-width ',', and '0，0，0' was read as one cell",
    ),
    "full-width brackets around a row": (
        ROW, ROW.replace("[", "［").replace("]", "］"), "DL042", 47, 27,
        "“［”是中文输入法的全角方括号，YAML 不把它当作方括号：一行格子要写在半角方括号“[ ]”里，格子之间用半角逗号“,”",
        "'［' is the full-width bracket of a Chinese input method, which YAML does not read as one: a row of "
        "cells is written inside a half-width '[ ]', with ',' between cells",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(SLIPS))
def test_each_slip_is_one_finding_at_the_character_with_advice(name: str) -> None:
    old, new, code, line, col, zh, en = SLIPS[name]
    text = edit(SEED, old, new)
    for lang, message in (("zh", zh), ("en", en)):
        result = lint(text, Options(lang=lang))
        found = [(f.code, f.pos.line, f.pos.col, f.message(lang)) for f in result.findings]
        assert found == [(code, line, col, message)], found
    assert text.split("\n")[line - 1][col - 1] in "：:\u3000｛］，［"  # the slip itself


def test_a_slip_that_still_reads_as_yaml_exits_1_and_one_that_breaks_it_exits_2(tmp_path: Path) -> None:
    for name, status in (("full-width commas in a row", 1), ("full-width colon after a key", 2)):
        old, new, *_ = SLIPS[name]
        (tmp_path / "r.yaml").write_text(edit(SEED, old, new), encoding="utf-8")
        done = run("r.yaml", "-q", "--format", "concise", cwd=tmp_path)
        assert done.returncode == status and done.stdout.count("\n") == 1, done.stdout


def test_a_colon_in_a_sentence_is_not_a_slip() -> None:
    text = edit(SEED, "  主动公开: |", "  主动公开:\n    全年公开：123条，\n    其中: 政策文件\n  旧: |")
    (finding,) = lint(text).findings
    assert finding.code == "DL004"
    assert finding.message("en") == (
        "YAML syntax error: a ': ' is not allowed here — usually uneven indentation or two colons on one line"
    )
    assert (
        line_slip("    全年公开：123条，") is not None
    )  # a slip on its own; not the key line, so not blamed


@pytest.mark.parametrize(
    ("line", "index"),
    [
        ("年度: 2023", None),
        ("机关: 某局：办公室", None),  # a '：' in a value is text
        ("  主动公开: 全年公开：123条", None),
        ("  规章: {本年制发件数: 0, 本年废止件数: 0}", None),
        ("  规章: {本年制发件数: 0，本年废止件数: 0}", 16),
        ("  '年度：': 1", None),  # quoted: what it says
        ("# 年度：2023", None),
        ("  - \u3000年度: 1", 4),
        ("  行: [0, 0] # 注：全角", None),
    ],
)
def test_only_structure_is_read_for_slips(line: str, index: int | None) -> None:
    found = line_slip(line)
    assert (found.index if found else None) == index


def test_the_rule_and_the_loader_know_the_same_characters() -> None:
    from disclosure_lint.rules import punctuation

    from disclosure_lint import slips

    assert (punctuation.FULL_COLON, punctuation.FULL_COMMA) == (slips.FULL_COLON, slips.FULL_COMMA)
    assert punctuation.FULL_OPEN == slips.FULL_OPEN


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("机关: 攀枝花市西区司法局", "机关: 【攀枝花】市西区司法局"),  # a name, not a row
        ("  主动公开: |", "  主动公开: 〔2023〕12号文件已公开\n  旧: |"),
    ],
)
def test_a_full_width_bracket_opening_a_text_is_no_slip(old: str, new: str) -> None:
    assert old in SEED
    codes = [f.code for f in lint(edit(SEED, old, new)).findings]
    assert "DL042" not in codes, codes
