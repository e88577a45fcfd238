"""Issue 18, the terminal: each finding's source line with a caret under its column (display
columns: Chinese characters are two wide, tabs expand, escapes count as written), concise output,
colour only where asked for, and no line shown where a position is not a place in the file."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED_EXAMPLE, edit, lint
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run
from test_import_layouts import CITY, copied_text, web_page

from disclosure_lint.caret import Painter, char_width
from disclosure_lint.excerpts import Excerpt, pick
from disclosure_lint.findings import START, Pos
from disclosure_lint.messages import LEGACY_ENCODING, SYNTAX

SEED = SEED_EXAMPLE.read_text(encoding="utf-8")
ENTRY_POINT = Path(sys.executable).with_name("disclosure-lint")


def installed(*args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None):
    """The installed `disclosure-lint` command, as a user or a hook runs it."""
    return subprocess.run(
        [str(ENTRY_POINT), *map(str, args)],
        capture_output=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def three_slips() -> str:
    text = edit(SEED, "现行有效件数: 0}\n  行政规范性文件", "现行有效件数: ０}\n  行政规范性文件")
    text = edit(text, "机关: 攀枝花市西区司法局", "机关名称: 攀枝花市西区司法局")
    return edit(
        text, "    予以公开:                         [0,", "    予以公开:                         [/,"
    )


FULL = """\
r.yaml:5:1: DL102 “报告”下没有“机关名称”这一项，是不是“机关”？
  |
5 | 机关名称: 攀枝花市西区司法局
  | ^~~~~~~~

r.yaml:38:38: DL403 [*] “规章·现行有效件数”的“０”用了全角数字：请用半角数字 0
   |
38 |   规章: {本年制发件数: 0, 本年废止件数: 0, 现行有效件数: ０}
   |                                                          ^~

r.yaml:50:36: DL401 “（一）予以公开·自然人”为空（写的是“/”）：没有就填 0
   |
50 |     予以公开:                         [/, 0, 0, 0, 0, 0, 0]
   |                                        ^

发现 3 个问题（错误 3 个，警告 0 个），共检查 1 个文件。
[*] 其中 1 个可以用 `--fix` 自动修复（另有 1 个修复要加 `--unsafe-fixes` 才会进行）。
"""


def test_full_output_draws_each_line_with_a_caret_under_the_column(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(three_slips(), encoding="utf-8")
    done = run("r.yaml", cwd=tmp_path)
    assert done.returncode == 1 and done.stderr == ""
    assert done.stdout == FULL


def test_concise_keeps_exactly_the_first_lines(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(three_slips(), encoding="utf-8")
    done = run("r.yaml", "--format", "concise", cwd=tmp_path)
    firsts = [line for line in FULL.splitlines() if line.startswith(("r.yaml:", "发现", "[*]"))]
    assert done.stdout.splitlines() == firsts
    assert firsts[1] == "r.yaml:38:38: DL403 [*] “规章·现行有效件数”的“０”用了全角数字：请用半角数字 0"


def test_format_concise_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(three_slips(), encoding="utf-8")
    (tmp_path / ".disclosure-lint.yaml").write_text("format: concise\n", encoding="utf-8")
    done = run("r.yaml", "-q", cwd=tmp_path)
    assert done.stdout.count("\n") == 3 and " | " not in done.stdout, done.stdout + done.stderr


# ---------------------------------------------------------------- colour


BOLD, RED, BLUE, RESET = "\033[1m", "\033[31m", "\033[1;34m", "\033[0m"
COLOURED_FIRST = (
    f"{BOLD}r.yaml:5:1:{RESET} {RED}DL102{RESET} “报告”下没有“机关名称”这一项，是不是“机关”？\n"
    f"{BLUE}  |{RESET}\n"
    f"{BLUE}5 |{RESET} 机关名称: 攀枝花市西区司法局\n"
    f"{BLUE}  |{RESET} {BOLD}{RED}^~~~~~~~{RESET}\n\n"
)


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (("--color", "always"), {}, True),
        ((), {"FORCE_COLOR": "1"}, True),
        ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--no-color",), {"FORCE_COLOR": "1"}, False),
        (("--color", "never"), {"FORCE_COLOR": "1"}, False),
        ((), {}, False),  # piped
    ],
)
def test_colour_only_where_asked_for(
    tmp_path: Path, args: tuple[str, ...], env: dict, coloured: bool
) -> None:
    (tmp_path / "r.yaml").write_text(three_slips(), encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "disclosure_lint", "r.yaml", "-q", *args],
        capture_output=True, text=True, cwd=tmp_path, env={**environment, **env}, timeout=60,
    )  # fmt: skip
    if coloured:
        assert done.stdout.startswith(COLOURED_FIRST), repr(done.stdout[:400])
    else:
        assert "\033" not in done.stdout and done.stdout.startswith(FULL.split("\n\n")[0])


# ---------------------------------------------------------------- the caret in display columns


def test_the_caret_counts_display_columns() -> None:
    paint = Painter()
    assert list(paint.lines(Excerpt(6, 0, "  年度：2023", False), 5, 1, "")) == [
        "  |",
        "6 |   年度：2023",
        "  |       ^~",
    ]
    # a tab stops at the next multiple of four; a control character is drawn as its escape
    assert list(paint.lines(Excerpt(12, 0, "a\tb\t年度", False), 5, 2, "")) == [
        "   |",
        "12 | a   b   年度",
        "   |         ^~~~",
    ]
    assert list(paint.lines(Excerpt(3, 0, "x\x1by: 1", False), 3, 0, "")) == [
        "  |",
        "3 | x\\x1by: 1",
        "  |      ^",
    ]
    # a zero-width space is shown, not hidden, and the caret stands under it
    assert list(paint.lines(Excerpt(2, 0, "年\u200b度: 1", False), 2, 1, ""))[1:] == [
        "2 | 年\\u200b度: 1",
        "  |   ^~~~~~",
    ]
    # the end of a line (a quote left open)
    assert list(paint.lines(Excerpt(9, 0, '机关: "某局', False), 8, 0, ""))[2] == "  | " + " " * 11 + "^"


def test_an_output_that_cannot_carry_chinese_counts_the_escapes_it_gets() -> None:
    lines = list(Painter("ascii").lines(Excerpt(6, 0, "年度: １", False), 5, 1, ""))
    assert lines[1:] == ["6 | 年度: １", "  |" + " " * 15 + "^~~~~~"]  # \u5e74\u5ea6: then \uff11
    assert (
        list(Painter("gbk").lines(Excerpt(6, 0, "年度😀: 1", False), 1, 3, ""))[2] == "  | " + "^" + "~" * 13
    )


def test_a_long_line_is_cut_around_the_caret() -> None:
    line = "x: " + "甲" * 150 + "乙" + "丙" * 100
    finding = SYNTAX.at(Pos(1, 154), problem="p", problem_en="p")
    _, (excerpt,) = pick([finding], line + "\n")
    assert excerpt == Excerpt(1, 93, line[93:], False)
    assert list(Painter().lines(excerpt, 154, 1, "")) == [
        "  |",
        "1 | ..." + "甲" * 20 + "乙" + "丙" * 39 + "...",
        "  | " + " " * 43 + "^~",
    ]


def test_widths_agree_with_wcwidth_on_a_reports_characters() -> None:
    wcwidth = pytest.importorskip("wcwidth")
    sample = SEED + "１２３（）《》“”‘’·…—、，。：；！？【】［］｛｝\u3000é\u0301ｱ😀"
    for char in set(sample) - {"\n"}:
        assert char_width(char) == wcwidth.wcwidth(char), repr(char)


# ---------------------------------------------------------------- where no line is shown


def test_a_finding_about_the_whole_file_shows_no_line() -> None:
    whole = LEGACY_ENCODING.at(START, encoding="GBK/GB18030")
    placed = SYNTAX.at(Pos(1, 1), problem="p", problem_en="p")
    findings, excerpts = pick([whole, placed], "年度: 2023\n")
    assert findings == [whole, placed]
    assert excerpts == (Excerpt(1, 0, "年度: 2023", False),)
    result = lint(edit(SEED, "年度: 2023\n", ""))  # the missing 年度 is about the report as a whole
    assert [(f.code, f.pos) for f in result.findings] == [("DL101", Pos(1, 1))]
    assert result.excerpts == ()


def test_gbk_file_warns_without_a_line_and_shows_the_others(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_bytes(edit(SEED, "报告类型: 部门", "报告类型: 部").encode("gbk"))
    done = run("r.yaml", "-q", "--lang", "en", cwd=tmp_path)
    assert done.stdout.split("\n")[:6] == [
        "r.yaml:1:1: DL003 warning: the file is encoded as GBK/GB18030 and was read as such; save it as "
        "UTF-8 so other tools read it too",
        "r.yaml:7:7: DL105 '报告类型' should be 部门 or 本级政府 or 乡镇 or 管委会, found '部'",
        "  |",
        "7 | 报告类型: 部",
        "  |           ^~",
        "",
    ]


def test_a_word_document_shows_no_line(tmp_path: Path) -> None:
    """A Word position is a paragraph and cell number: there is no line of the file to show."""
    docx = pytest.importorskip("docx")
    from test_import_layouts import word_document

    document = docx.Document(io.BytesIO(word_document(CITY)))
    document.tables[-2].cell(3, 5).text = ""  # table 三, 一、本年新收 · 科研机构
    document.save(tmp_path / "r.docx")
    done = run("r.docx", "--select", "DL401", "-q", cwd=tmp_path)
    assert done.stdout.endswith("：没有就填 0\n") and done.stdout.count("\n") == 1, done.stdout


def test_a_web_page_shows_its_own_line_under_a_cell_finding(tmp_path: Path) -> None:
    page = web_page(CITY).replace("<span>1520</span>", "<span>见附件</span>")
    (tmp_path / "r.html").write_text(page, encoding="utf-8")
    done = run("r.html", "--select", "DL401", "-q", cwd=tmp_path)
    number, text = next((n, line) for n, line in enumerate(page.splitlines(), 1) if "见附件" in line)
    col = text.index("见附件") + 1
    assert len(text) > 120 and text[col - 41 : col - 1].isascii()  # cut: 40 columns before the caret
    assert done.stdout.splitlines() == [
        f"r.html:{number}:{col}: DL401 “行政许可·本年处理决定数量”为空（写的是“见附件”）：没有就填 0",
        "   |",
        f"{number} | ...{text[col - 41 :]}",
        "   | " + " " * 43 + "^~",
        "",
    ]


def test_a_position_counted_in_the_yaml_of_a_text_is_not_drawn(tmp_path: Path) -> None:
    """A rule's position inside a paragraph of an imported text is counted in the YAML it became,
    not in the text: the finding keeps its line, and no excerpt is guessed."""
    text = copied_text(CITY)
    result = lint_document(tmp_path, text)
    shown = {(e.line) for e in result.excerpts}
    for finding in result.findings:
        if finding.pos.line in shown:
            line = text.split("\n")[finding.pos.line - 1]
            assert finding.pos.col <= len(line) + 1


def lint_document(tmp_path: Path, text: str):
    from conftest import _MODULES

    from disclosure_lint.config import Options
    from disclosure_lint.lint import lint_path

    target = tmp_path / "r.txt"
    target.write_text(text, encoding="utf-8")
    return lint_path(target, _MODULES, Options())


# ---------------------------------------------------------------- output encodings


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
@pytest.mark.parametrize(
    ("env", "encoding", "escaped"),
    [
        ({"LANG": "C", "LC_ALL": "C"}, "utf-8", False),  # Python reads the C locale as UTF-8
        ({"PYTHONIOENCODING": "ascii"}, "ascii", True),
        ({"PYTHONIOENCODING": "gbk"}, "gbk", True),  # a Chinese Windows console (cp936)
    ],
)
def test_an_output_that_is_not_utf8_never_raises(
    tmp_path: Path, env: dict, encoding: str, escaped: bool
) -> None:
    # 😀 is outside GBK: the one character a cp936 console cannot show
    (tmp_path / "r.yaml").write_text(edit(SEED, "年度: 2023", "年度😀: 2023"), encoding="utf-8")
    done = installed("r.yaml", "-q", cwd=tmp_path, env=env)
    assert done.returncode == 1
    out, err = done.stdout.decode(encoding), done.stderr.decode(encoding)
    assert "Traceback" not in err
    if encoding == "utf-8":
        assert err == "" and out.splitlines()[2] == "6 | 年度😀: 2023"
        return
    assert err == (
        f"disclosure-lint: warning: characters that {encoding} cannot show were written as \\uXXXX escapes "
        "(set PYTHONIOENCODING=utf-8 to see them)\n"
    )
    lines = out.splitlines()
    key = "\\u5e74\\u5ea6\\U0001f600" if encoding == "ascii" else "年度\\U0001f600"
    assert lines[2] == f"6 | {key}: 2023"
    width = 22 if encoding == "ascii" else 14  # the caret covers the key as the console shows it
    assert lines[3] == "  | ^" + "~" * (width - 1)


def test_the_readme_shows_the_full_output_as_it_is() -> None:
    from test_readme import block

    shown = block("### Full and concise output", "text").splitlines()
    assert shown[0] == "$ disclosure-lint examples/broken-2023.yaml"
    cut = shown.index("…")
    real = run("examples/broken-2023.yaml", cwd=EXAMPLES.parent).stdout.splitlines()
    assert shown[1:cut] == real[: cut - 1]
    assert shown[cut + 1 :] == real[-2:]


@given(
    text=st.text(alphabet=st.sampled_from("ab 1:[],：，年度报告１２（）“”·😀\u3000é"), max_size=50),
    data=st.data(),
)
def test_the_caret_stands_where_a_terminal_shows_the_character(text: str, data: st.DataObject) -> None:
    wcwidth = pytest.importorskip("wcwidth")
    col = data.draw(st.integers(1, len(text) + 1))
    gutter, source, caret = Painter().lines(Excerpt(7, 0, text, False), col, 1, "")
    assert gutter == "  |" and source == f"7 | {text}".rstrip()
    assert caret.startswith("  | ") and set(caret[4 : caret.index("^")]) <= {" "}
    offset = caret.index("^") - len("  | ")
    assert offset == wcwidth.wcswidth(text[: col - 1])
    under = len(caret) - caret.index("^")
    assert under == (max(wcwidth.wcwidth(text[col - 1]), 1) if col <= len(text) else 1)
