"""Hostile and broken input (issue 7): never a traceback, never a silent pass, never a hang.

Every case here is a row of docs/hostile-inputs.md: the input, what the user sees, and this
test. In-process tests pin the exact finding; the command-line tests pin exit codes and that
nothing but finding lines reaches the terminal (no Traceback, no crash of the process).
"""

from __future__ import annotations

import codecs
import io
import os
import textwrap
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from conftest import _MODULES, CITY_BUREAU, EXAMPLES, SEED_EXAMPLE, col_of, edit, line_of, lint, triples
from test_cli import run

from disclosure_lint import lint as lint_module
from disclosure_lint.config import Options
from disclosure_lint.lint import FileResult, lint_bytes, lint_path
from disclosure_lint.loader import MAX_VALUES, load_bytes, load_file, load_text

SEED = SEED_EXAMPLE.read_text(encoding="utf-8")
CITY = CITY_BUREAU.read_text(encoding="utf-8")
NO_NEED = "报告要按 README 的格式写成 UTF-8 编码的 YAML 文本文件（.yaml）再检查"
# A document `import` reads, saved under a .yaml name: the commands that turn it into a report.
IMPORT = "请把它改名为 {stem}.{ext}，再运行 disclosure-lint import {stem}.{ext} -o {stem}.yaml 转成 YAML 报告（也可以直接检查：disclosure-lint {stem}.{ext}）"


def lint_raw(raw: bytes) -> FileResult:
    return lint_bytes(raw, "x.yaml", _MODULES, Options())


def first(result: FileResult, code: str | None = None) -> tuple[str, int, int, str]:
    """The first finding (of `code`, if given) as (code, line, column, message)."""
    finding = next(f for f in result.findings if code is None or f.code == code)
    return finding.code, finding.pos.line, finding.pos.col, finding.message()


def office(member: str) -> bytes:
    """A minimal Office Open XML file: a ZIP whose members name the application."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<x/>")
    return buffer.getvalue()


def alias_bomb(levels: int = 30) -> bytes:
    """'Billion laughs': each level refers nine times to the one before; 10 · 9²⁹ values expanded."""
    lines = ["a0: &a0 [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return ("\n".join(lines) + "\n").encode()


def damaged_utf8() -> bytes:
    raw = SEED.encode()
    at = raw.index("机关: 攀枝花市".encode()) + len("机关: 攀枝花市".encode())
    return raw[:at] + b"\xff" + raw[at:]


SEED_LINES = SEED.count("\n")

# ---------------------------------------------------------------- the table of hostile bytes

# name: (content, (code, line, column, message) of the finding that explains it)
HOSTILE: dict[str, tuple[bytes, tuple[str, int, int, str]]] = {
    "empty": (b"", ("DL006", 1, 1, "文件是空的，没有任何内容")),
    "only-a-comment": ("# 只有注释\n".encode(), ("DL006", 1, 1, "文件是空的，没有任何内容")),
    "only-dashes": (b"---\n", ("DL006", 1, 1, "文件里只有“---”这样的分隔标记，没有任何内容")),
    "scalar-document": (
        "攀枝花市西区司法局2023年度报告\n".encode(),
        ("DL006", 1, 1, "报告应由“机关: …”“年度: …”等“键: 值”组成，这个文件却是一段文字或一个值"),
    ),
    "list-document": (
        "- 机关\n- 年度\n".encode(),
        ("DL006", 1, 1, "报告应由“机关: …”“年度: …”等“键: 值”组成，这个文件却是列表"),
    ),
    "full-width-colons": (
        "机关：某局\n年度：2023\n".encode(),
        ("DL006", 1, 1, "文件读出来是一整段文字，不是“键: 值”的报告；键后面的冒号要用半角“: ”（冒号加空格），不能用中文“：”"),
    ),
    "two-documents": (
        (SEED + "---\n" + SEED).encode(),
        ("DL006", SEED_LINES + 1, 1, "一个文件里只能有一份报告，这里又出现了一个“---”开始的文档"),
    ),
    "content-after-document-end": (
        "机关: 某局\n...\n年度: 2023\n".encode(),
        ("DL004", 3, 1, "YAML 语法错误：前面的“...”（或“%”）一行表示文档已经结束，后面却还有内容；请删去那一行"),
    ),
    "docx-saved-as-yaml": (
        office("word/document.xml"),
        ("DL006", 1, 1, f"这个文件是 Word 文档（.docx，ZIP 格式），不是 YAML 文本文件（只是名字以 .yaml 结尾）：{IMPORT.format(ext='docx', stem='{stem}')}"),
    ),
    "xlsx-saved-as-yaml": (
        office("xl/workbook.xml"),
        ("DL006", 1, 1, f"这个文件是 Excel 表格（.xlsx，ZIP 格式），不是 YAML 文本文件：{NO_NEED}"),
    ),
    "zip": (office("data.csv"), ("DL006", 1, 1, f"这个文件是 ZIP 压缩文件，不是 YAML 文本文件：{NO_NEED}")),
    "legacy-doc": (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        ("DL006", 1, 1, "这个文件是旧版 Word/Excel/WPS 文件（.doc、.xls、.wps），不是 YAML 文本文件（只是名字以 .yaml 结尾）：本工具读不了旧版格式，请在 Word 或 WPS 中把它另存为 {stem}.docx，再运行 disclosure-lint import {stem}.docx -o {stem}.yaml 转成 YAML 报告"),
    ),
    "pdf": (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        ("DL006", 1, 1, f"这个文件是 PDF 文件，不是 YAML 文本文件（只是名字以 .yaml 结尾）：{IMPORT.format(ext='pdf', stem='{stem}')}"),
    ),
    "png": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        ("DL006", 1, 1, f"这个文件是 PNG 图片，不是 YAML 文本文件：{NO_NEED}"),
    ),
    "html": (
        "<!DOCTYPE html>\n<html><body>报告</body></html>\n".encode(),
        ("DL006", 1, 1, f"这个文件是网页（HTML），不是 YAML 文本文件（只是名字以 .yaml 结尾）：{IMPORT.format(ext='html', stem='{stem}')}"),
    ),
    "xml": (
        b'<?xml version="1.0"?>\n<w:document/>\n',
        ("DL006", 1, 1, f"这个文件是 XML 文件，不是 YAML 文本文件：{NO_NEED}"),
    ),
    "nul-byte": (
        "机关: 某局\n年度: 20\x0023\n".encode(),
        ("DL004", 2, 7, "YAML 语法错误：这里有不可见的控制字符 U+0000，YAML 文件里不允许出现；请删除（常见于从其他文件粘贴时带入）"),
    ),
    "bom-in-the-middle": (
        "机关: 某局\n\ufeff年度: 2023\n".encode(),
        ("DL004", 2, 1, "YAML 语法错误：这里有一个看不见的字符 U+FEFF（字节顺序标记 BOM），会让键名或数字和看上去的不一样；请删除（常见于拼接文件或从网页粘贴时带入）"),
    ),
    "zero-width-space-in-a-key": (
        "机关: 某局\n年\u200b度: 2023\n".encode(),
        ("DL004", 2, 2, "YAML 语法错误：这里有一个看不见的字符 U+200B（零宽空格），会让键名或数字和看上去的不一样；请删除（常见于拼接文件或从网页粘贴时带入）"),
    ),
    "undecodable-bytes": (
        "机关: 某局\n年度: ".encode() + b"\xa0\xff\xfe\n",
        ("DL002", 2, 5, "无法识别的字节 0xA0：文件既不是 UTF-8 也不是 GBK/GB18030 编码，请用 UTF-8 另存"),
    ),
    "utf8-with-one-bad-byte": (
        damaged_utf8(),
        ("DL002", 5, 9, "无法识别的字节 0xFF：文件既不是 UTF-8 也不是 GBK/GB18030 编码，请用 UTF-8 另存"),
    ),
    "tab-indentation": (
        "总体情况:\n\t主动公开: 好\n".encode(),
        ("DL004", 2, 1, "YAML 语法错误：这里有制表符（Tab）。YAML 只能用空格缩进，请把 Tab 换成空格"),
    ),
    "quotes-inside-quotes": (
        '机关: "某"局"\n'.encode(),
        ("DL004", 1, 8, "YAML 语法错误：引号在这里已经结束，后面却还有文字：文字里要用引号时请用中文引号“”，或把整段文字放进单引号 '…'"),
    ),
    "alias-bomb": (
        alias_bomb(),
        ("DL007", 5, 5, f"展开锚点和引用后超过 {MAX_VALUES} 个值，已停止读取（疑似“引用炸弹”）"),
    ),
    "anchor-inside-itself": (
        "机关: &a [*a]\n".encode(),
        ("DL007", 1, 5, "这里的锚点（&名称）在自己的内容里又被引用（*名称），会无限展开，已停止读取"),
    ),
    "deep-flow-nesting": (
        ("a: " + "[" * 100_000 + "]" * 100_000 + "\n").encode(),
        ("DL007", 1, 1003, "嵌套超过 1000 层，不像一份年度报告，已停止读取"),
    ),
    "deep-compact-sequences": (  # crashed the process (C recursion) before the event pre-pass
        ("- " * 100_000 + "x\n").encode(),
        ("DL007", 1, 2001, "嵌套超过 1000 层，不像一份年度报告，已停止读取"),
    ),
    "deep-block-mappings": (
        "".join(" " * level + f"k{level}:\n" for level in range(1_200)).encode(),
        ("DL007", 1001, 1001, "嵌套超过 1000 层，不像一份年度报告，已停止读取"),
    ),
    "a-hundred-thousand-values": (
        ("a: [" + "0," * 100_000 + "0]\n").encode(),
        ("DL007", 1, 5 + 2 * (MAX_VALUES - 3), f"文件里的值超过 {MAX_VALUES} 个，不像一份年度报告，已停止读取"),
    ),
    "python-object-tag": (
        "机关: !!python/object/apply:os.system ['touch pwned']\n".encode(),
        ("DL004", 1, 5, "YAML 语法错误：不支持类型标签“!!python/object/apply:os.system”：报告只含文字和数字，本工具不会按标签构造或执行任何东西，已把它当作普通内容读取；请删去这个标签（如果“!”是文字的一部分，请给整段文字加引号）"),
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_bytes(name: str) -> None:
    raw, expected = HOSTILE[name]
    started = time.perf_counter()
    result = lint_raw(raw)
    assert time.perf_counter() - started < 2, "must not take long, whatever the input"
    assert result.unreadable and not result.crashed  # exit 2, as a fault of the file, not ours
    code, line, col, message = expected
    assert first(result, code) == (code, line, col, message.replace("{stem}", "x"))


# Hostile inputs that are a typing or pasting slip, which --fix mends safely: keys typed with `：`,
# a stray NUL, invisible characters, quotes inside a quoted value (kept, in single quotes).
FIXABLE = {
    "full-width-colons",
    "nul-byte",
    "bom-in-the-middle",
    "zero-width-space-in-a-key",
    "quotes-inside-quotes",
}


def test_hostile_slips_are_fixed_and_nothing_else_is() -> None:
    from conftest import fix

    for name, (raw, _) in HOSTILE.items():
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        fixed = fix(text)
        assert (fixed.applied > 0) == (name in FIXABLE), name
        if name in FIXABLE:
            assert not fixed.result.unreadable, name  # it reads now (a mapping of 机关, 年度 …)


def test_all_hostile_files_in_one_run(tmp_path: Path) -> None:
    """The real command on every hostile file at once: exit 2, one explaining line per file, every
    file reached (no crash of the process part-way), nothing on stderr, nothing executed."""
    names = []
    for name, (raw, _) in HOSTILE.items():
        (tmp_path / f"{name}.yaml").write_bytes(raw)
        names.append(f"{name}.yaml")
    done = run(*names, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert done.stderr == ""
    assert "Traceback" not in done.stdout
    for name, (_, (code, line, col, message)) in HOSTILE.items():
        marked = "[*] " if name in FIXABLE else ""  # --fix would mend it (tests/test_fix_slips.py)
        assert f"{name}.yaml:{line}:{col}: {code} {marked}{message.replace('{stem}', name)}\n" in done.stdout
    assert f"共检查 {len(HOSTILE)} 个文件" in done.stdout
    assert not (tmp_path / "pwned").exists()


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoded", "warning"),
    [
        (SEED.encode("utf-8"), None),
        (codecs.BOM_UTF8 + SEED.encode("utf-8"), None),
        (codecs.BOM_UTF16_LE + SEED.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + SEED.encode("utf-16-be"), "UTF-16"),
        (codecs.BOM_UTF32_LE + SEED.encode("utf-32-le"), "UTF-32"),
        (SEED.encode("utf-16-le"), "UTF-16LE"),  # Notepad++ "UCS-2 LE" without a BOM
        (SEED.encode("gbk"), "GBK/GB18030"),
        (SEED.encode("gb18030"), "GBK/GB18030"),
        (SEED.replace("\n", "\r\n").encode("gbk"), "GBK/GB18030"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32-bom", "utf16le-no-bom", "gbk", "gb18030", "gbk-crlf"],
)  # fmt: skip
def test_encodings_are_read_with_a_warning_naming_them(encoded: bytes, warning: str | None) -> None:
    loaded = load_bytes(encoded, "r.yaml")
    assert loaded.report is not None and loaded.report.get(("机关",)) == "攀枝花市西区司法局"
    if warning is None:
        assert loaded.findings == []
    else:
        assert [(f.code, f.pos.line, f.pos.col, f.message()) for f in loaded.findings] == [
            (
                "DL003",
                1,
                1,
                f"文件是 {warning} 编码，已按 {warning} 读取；建议用 UTF-8 另存，以免其他工具读错",
            )
        ]
    # and the rest of the report is checked as usual: the seed is clean
    assert [f.code for f in lint_raw(encoded).findings] == ([] if warning is None else ["DL003"])


def test_gbk_report_warns_and_exits_0(tmp_path: Path) -> None:
    (tmp_path / "gbk.yaml").write_bytes(SEED.encode("gbk"))
    done = run("gbk.yaml", cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == (
        "gbk.yaml:1:1: DL003 警告：文件是 GBK/GB18030 编码，已按 GBK/GB18030 读取；建议用 UTF-8 另存，以免其他工具读错"
    )


def test_bad_byte_in_a_gbk_file_is_located_in_gbk_characters() -> None:
    raw = SEED.encode("gbk")
    at = raw.index("机关: 攀枝花市".encode("gbk")) + len("机关: 攀枝花市".encode("gbk"))
    loaded = load_bytes(raw[:at] + b"\xff" + raw[at:], "r.yaml")
    assert [(f.code, f.pos.line, f.pos.col) for f in loaded.findings] == [("DL002", 5, 9)]
    assert loaded.findings[0].message("en") == (
        "undecodable byte 0xFF: the file is neither UTF-8 nor GBK/GB18030; save it as UTF-8"
    )


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["windows-crlf", "old-mac-cr"])
def test_line_endings_keep_positions(newline: str) -> None:
    text = edit(CITY, "{本年处理决定数量: 87}", "{本年处理决定数量: 87件}")
    expected = [("DL402", line_of(text, "行政处罚"), col_of(text, "87件"))]
    assert triples(lint_raw(text.replace("\n", newline).encode())) == expected
    assert triples(lint_raw(text.replace("\n", newline).encode("gbk"))) == [("DL003", 1, 1), *expected]


# ---------------------------------------------------------------- YAML traps


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        ("机关: 某局\n总体情况:\n\t主动公开: 好\n", 3, 1),
        ("机关: 某局\n总体情况:\n  \t主动公开: 好\n", 3, 3),
        ("机关: 某局\n总体情况:\n  主动公开: |\n    2023年\n  \t更多\n", 5, 3),  # inside a text block
        ("a:\n\t- 1\n", 2, 1),
    ],
    ids=["tab-first", "tab-after-spaces", "tab-in-text-block", "tab-before-a-dash"],
)
def test_tab_indentation_points_at_the_tab(text: str, line: int, col: int) -> None:
    result = lint(text)
    assert first(result) == (
        "DL004", line, col, "YAML 语法错误：这里有制表符（Tab）。YAML 只能用空格缩进，请把 Tab 换成空格"
    )  # fmt: skip
    assert text.splitlines()[line - 1][col - 1] == "\t"


def test_duplicate_row_names_both_positions() -> None:
    row = "  上年结转政府信息公开申请数量:         [3, 1, 0, 0, 0, 0, 4]"
    text = edit(CITY, row, f"{row}\n{row}")
    line = line_of(text, "本年新收政府信息公开申请数量") + 1
    result = lint(text)
    assert first(result) == (
        "DL005", line + 1, 3,
        f"“上年结转政府信息公开申请数量”重复：第{line}行第3列已写过一次，只保留前一次的内容，请删去或合并其中一处",
    )  # fmt: skip
    assert result.unreadable


def test_alias_bomb_is_refused_in_a_millisecond_with_bounded_memory() -> None:
    raw = alias_bomb()
    tracemalloc.start()
    try:
        started = time.perf_counter()
        result = lint_raw(raw)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert triples(result) == [("DL007", 5, 5)]
    assert elapsed < 1
    assert peak < 10 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"


def test_aliases_chained_too_deep_are_refused() -> None:
    text = "a0: &a0 [0]\n" + "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 1_200))
    assert first(lint(text)) == (
        "DL007", 1000, 7, "展开锚点和引用后嵌套超过 1000 层，不像一份年度报告，已停止读取"
    )  # fmt: skip


def test_a_few_aliases_are_fine() -> None:
    text = edit(CITY, "  行政复议:         [2, 1, 0, 1, 4]", "  行政复议: &same [2, 1, 0, 1, 4]")
    assert triples(lint(text)) == []


def test_huge_file_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(SEED.encode() + b"#" * (5 * 1024 * 1024))
    done = run("big.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.splitlines()[0] == (
        "big.yaml:1:1: DL007 文件有 5.0 MB，超过上限 5 MB，不像一份年度报告，未读取（如确需检查，可用 --max-bytes 或配置项 max-bytes 调大上限）"
    )


def test_size_limit_from_the_command_line_and_the_config(tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(SEED, encoding="utf-8")
    size = len(SEED.encode())
    refused = f"r.yaml:1:1: DL007 文件有 {size / 1024:.1f} KB，超过上限 1000 字节，不像一份年度报告，未读取（如确需检查，可用 --max-bytes 或配置项 max-bytes 调大上限）"
    done = run("--max-bytes", "1000", "r.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout.splitlines()[0]) == (2, refused)
    assert run("--max-bytes", str(size), "r.yaml", cwd=tmp_path).returncode == 0
    (tmp_path / ".disclosure-lint.yaml").write_text("max-bytes: 1000\n", encoding="utf-8")
    done = run("r.yaml", cwd=tmp_path)
    assert (done.returncode, done.stdout.splitlines()[0]) == (2, refused)


def test_in_memory_content_has_a_size_limit_too() -> None:
    loaded = load_bytes(b"a: 1\n" * 100, "stdin", max_bytes=100)
    assert [(f.code, f.message("en")) for f in loaded.findings] == [
        ("DL007", "the file is larger than the limit of 100 bytes, too large for an annual report, and was not read (raise the limit with --max-bytes or the max-bytes setting)")
    ]  # fmt: skip


def test_extremely_long_single_line() -> None:
    text = edit(SEED, "无其他需要报告的事项。", "无其他需要报告的事项。" + "另" * 2_000_000)
    started = time.perf_counter()
    loaded = load_text(text, "r.yaml")
    assert time.perf_counter() - started < 2
    assert loaded.report is not None and loaded.findings == []
    assert len(loaded.report.text(("其他需要报告的事项",))) > 2_000_000


@pytest.mark.parametrize(
    ("written", "finding"),
    [
        ("2024-13-45", ("DL501", "“发布日期”2024-13-45 不是真实的日期：月份只能是 01 到 12，这里写的是 13")),
        (
            "2023-02-29",
            ("DL501", "“发布日期”2023-02-29 不是真实的日期：2023 年 2 月只有 28 天，这里写的是 29 日"),
        ),
    ],
)
def test_date_like_text_that_is_not_a_date(written: str, finding: tuple[str, str]) -> None:
    text = edit(SEED, "发布日期: 2024-01-22", f"发布日期: {written}")
    result = lint(text)
    assert [(f.code, f.pos.line, f.pos.col, f.message()) for f in result.findings] == [
        (*finding[:1], line_of(text, "发布日期"), 7, finding[1])
    ]


def test_yaml_11_booleans_and_octals_are_read_as_yaml_12() -> None:
    report = load_text("a: [yes, no, on, off, y, n, true, 017, 0o17, 0x1F, 1_000, 012.5]\n", "r.yaml").report
    assert report is not None
    assert report.data == {"a": ["yes", "no", "on", "off", "y", "n", True, 17, 15, 31, 1000, 12.5]}


def test_leading_zero_is_decimal_and_not_a_finding() -> None:
    # 017 is 17 in YAML 1.2 (YAML 1.1 said 15); a clerk who pads with zeros means 17
    text = edit(CITY, "[52, 8, 1, 0, 3, 2, 66]", "[052, 08, 01, 00, 03, 02, 066]")
    assert triples(lint(text)) == []


CITY_ROW = "  本年新收政府信息公开申请数量:         [52, 8, 1, 0, 3, 2, 66]"
NATURAL = "一、本年新收政府信息公开申请数量·自然人"
YES_NO = "这是“是/否”的回答，不是件数：有几件就写几，没有就填 0"


def first_cell(cell: str) -> tuple[str, int, int]:
    head, rest = CITY_ROW.split("[", 1)
    text = edit(CITY, CITY_ROW, f"{head}[{cell}, {rest.split(', ', 1)[1]}")
    return text, line_of(text, head.strip()), len(head) + 2


@pytest.mark.parametrize(
    ("cell", "code", "message"),
    [
        ("yes", "DL407", f"“{NATURAL}”填的是“yes”，{YES_NO}"),
        ("no", "DL407", f"“{NATURAL}”填的是“no”，{YES_NO}"),
        ("on", "DL407", f"“{NATURAL}”填的是“on”，{YES_NO}"),
        ("true", "DL407", f"“{NATURAL}”填的是“true”，{YES_NO}"),
        ("False", "DL407", f"“{NATURAL}”填的是“False”，{YES_NO}"),
        ("'yes'", "DL407", f"“{NATURAL}”填的是“yes”，{YES_NO}"),
        ("是", "DL407", f"“{NATURAL}”填的是“是”，{YES_NO}"),
        ("一", "DL402", f"“{NATURAL}”填的是文字“一”，不是数字：请用阿拉伯数字，写成 1"),
        ("五十二", "DL402", f"“{NATURAL}”填的是文字“五十二”，不是数字：请用阿拉伯数字，写成 52"),
        ("52件", "DL402", f"“{NATURAL}”填的是文字“52件”，不是数字：不要写单位“件”，写成 52"),
        ("１２", "DL403", f"“{NATURAL}”的“１２”用了全角数字：请用半角数字 12"),
        ("' 52 '", "DL402", f"“{NATURAL}”填的是文字“ 52 ”，不是数字：不要加引号；去掉多余的空格，写成 52"),
        ("-3", "DL404", f"“{NATURAL}”填的是 -3：件数不能为负数，没有就填 0"),
        ("2.5", "DL405", f"“{NATURAL}”填的是 2.5：件数应为整数"),
        ("null", "DL401", f"“{NATURAL}”为空（写的是“null”）：没有就填 0"),
        ("~", "DL401", f"“{NATURAL}”为空（写的是“~”）：没有就填 0"),
        ("/", "DL401", f"“{NATURAL}”为空（写的是“/”）：没有就填 0"),
        ("—", "DL401", f"“{NATURAL}”为空（写的是“—”）：没有就填 0"),
        ("无", "DL401", f"“{NATURAL}”为空（写的是“无”）：没有就填 0"),
        ("没有", "DL401", f"“{NATURAL}”为空（写的是“没有”）：没有就填 0"),
        ("0o64", "DL408", f"“{NATURAL}”写的是 0o64：这是八进制写法，会被读作 52；表格只填普通的十进制数字，请核对后直接写件数"),
        ("0x34", "DL408", f"“{NATURAL}”写的是 0x34：这是十六进制写法，会被读作 52；表格只填普通的十进制数字，请核对后直接写件数"),
        ("5_2", "DL408", f"“{NATURAL}”写的是 5_2：数字中间不要加下划线，写成 52"),
        (".inf", "DL408", f"“{NATURAL}”写的是 .inf：YAML 把它读作无穷大，不是件数；没有就填 0"),
        ("1e999", "DL408", f"“{NATURAL}”写的是 1e999：YAML 把它读作无穷大，不是件数；没有就填 0"),
        ("0x" + "F" * 4000, "DL103", f"“{NATURAL}”应为非负整数（件数，没有就填 0），实为文字“0xFFFFFFFFFFFFFFFFFF”"),
    ],
)  # fmt: skip
def test_values_clerks_type_get_their_own_message(cell: str, code: str, message: str) -> None:
    text, line, col = first_cell(cell)
    result = lint(text)
    assert [(f.code, f.pos.line, f.pos.col, f.message()) for f in result.findings] == [
        (code, line, col, message)
    ]


def test_12_0_is_a_warning_and_still_adds_up() -> None:
    text, line, col = first_cell("52.0")
    assert [(f.code, f.pos.line, f.pos.col, f.message()) for f in lint(text).findings] == [
        ("DL406", line, col, f"“{NATURAL}”填的是 52.0：件数是整数，写成 52")
    ]


def test_yes_in_the_fee_cell() -> None:
    text = edit(SEED, "{本年收费金额: 0}", "{本年收费金额: no}")
    assert first(lint(text)) == (
        "DL407", line_of(text, "本年收费金额"), col_of(text, "no}"),
        "“行政事业性收费·本年收费金额”填的是“no”，这是“是/否”的回答，不是金额：填收费金额（万元），没有就填 0",
    )  # fmt: skip


def test_thousands_separator_in_a_row_is_one_cell_not_two() -> None:
    text, line, col = first_cell("1,052")
    result = lint(text)
    finding = next(f for f in result.findings if f.code == "DL402")
    assert (finding.pos.line, finding.pos.col, finding.message()) == (
        line, col,
        f"“{NATURAL}”填的是文字“1,052”，不是数字：在方括号“[ ]”里半角逗号是分隔符，“1,052”被读成了 2 个数；不要用千位分隔符（逗号），写成 1052",
    )  # fmt: skip
    # the row's length (DL104) is the same problem: the finding says so, for lint to drop it
    assert finding.covers == (("收到和处理政府信息公开申请情况", "本年新收政府信息公开申请数量"),)
    assert {f.code for f in result.findings} <= {"DL402", "DL104"}


def test_thousands_separator_in_a_mapping() -> None:
    text = edit(CITY, "{本年处理决定数量: 1520}", "{本年处理决定数量: 1,520}")
    result = lint(text)
    finding = next(f for f in result.findings if f.code == "DL402")
    assert (finding.pos.line, finding.pos.col, finding.message()) == (
        line_of(text, "行政许可"), col_of(text, "1,520"),
        "“行政许可·本年处理决定数量”填的是文字“1,520”，不是数字：在花括号“{ }”里半角逗号是分隔符，“1,520”被读成了 2 个数；不要用千位分隔符（逗号），写成 1520",
    )  # fmt: skip
    assert finding.covers == (("主动公开政府信息情况", "行政许可", "520"),)


def test_compact_rows_without_spaces_are_not_thousands() -> None:
    assert triples(lint(edit(CITY, "[52, 8, 1, 0, 3, 2, 66]", "[52,8,1,0,3,2,66]"))) == []


def test_key_with_no_value() -> None:
    text = edit(SEED, "机关: 攀枝花市西区司法局", "机关:")
    assert first(lint(text)) == ("DL103", line_of(text, "机关:"), 4, "“机关”应为文字，实为空白")


def test_mapping_where_a_row_is_expected() -> None:
    text = edit(
        SEED,
        "上年结转政府信息公开申请数量:         [0, 0, 0, 0, 0, 0, 0]",
        "上年结转政府信息公开申请数量: {自然人: 0}",
    )
    assert first(lint(text)) == (
        "DL103", line_of(text, "上年结转"), col_of(text, "{自然人"),
        "“上年结转政府信息公开申请数量”应为一行格子，如 [0, 0, 0]，实为一组下级项目",
    )  # fmt: skip


# ---------------------------------------------------------------- faults in the tool itself

CRASHING_RULE = """
from disclosure_lint.api import ERROR, Rule
RULES = (Rule("ZJ020", "crash", ERROR, "x", "x", "x", "x", "x"),)
def check(report):
    if report.get(("机关",)) == "崩溃局":
        raise KeyError("总计")
    return []
"""


def test_a_rule_that_raises_names_rule_and_file_and_the_other_files_are_linted(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "crash.py").write_text(CRASHING_RULE, encoding="utf-8")
    broken_kind = edit(SEED, "报告类型: 部门", "报告类型: 部")
    (tmp_path / "crash.yaml").write_text(
        edit(broken_kind, "机关: 攀枝花市西区司法局", "机关: 崩溃局"), encoding="utf-8"
    )
    (tmp_path / "other.yaml").write_text(broken_kind, encoding="utf-8")
    done = run(
        "--isolated", "--rules", rules, "crash.yaml", "other.yaml", "--format", "concise", cwd=tmp_path
    )
    assert done.returncode == 2
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert lines[:3] == [
        f"crash.yaml:1:1: DL901 规则模块“{rules / 'crash.py'}”运行出错：KeyError: '总计'。其他规则照常检查；请把此信息反馈给规则作者",
        "crash.yaml:7:7: DL105 “报告类型”应为 部门 或 本级政府 或 乡镇 或 管委会，实为“部”",
        "other.yaml:7:7: DL105 “报告类型”应为 部门 或 本级政府 或 乡镇 或 管委会，实为“部”",
    ]


def test_a_fault_of_ours_is_one_finding_and_the_next_file_still_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    real = lint_module.load_any

    def faulty(path: Path, max_bytes: int = 0):  # type: ignore[no-untyped-def]
        if path.name == "xiqu-sifaju-2023.yaml":
            raise ZeroDivisionError("division by zero")
        return real(path, max_bytes)

    monkeypatch.setattr(lint_module, "load_any", faulty)
    results = [lint_path(path, _MODULES, Options()) for path in (SEED_EXAMPLE, CITY_BUREAU)]
    assert [(f.code, f.message()) for f in results[0].findings] == [
        ("DL901", "规则模块“disclosure-lint”运行出错：ZeroDivisionError: division by zero。其他规则照常检查；请把此信息反馈给规则作者")
    ]  # fmt: skip
    assert results[0].crashed
    assert results[1].findings == [] and not results[1].crashed


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_file_without_read_permission(tmp_path: Path) -> None:
    locked = tmp_path / "locked.yaml"
    locked.write_text(SEED, encoding="utf-8")
    locked.chmod(0)
    done = run("locked.yaml", SEED_EXAMPLE, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.splitlines()[0] == "locked.yaml:1:1: DL001 无法读取文件：没有读取权限"


def test_permission_denied_is_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as chmod 000, simulated so that it runs as root too."""
    locked = tmp_path / "locked.yaml"
    locked.write_text(SEED, encoding="utf-8")

    def denied(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    loaded = load_file(locked)
    assert loaded.report is None
    assert [(f.code, f.pos.line, f.pos.col, f.message()) for f in loaded.findings] == [
        ("DL001", 1, 1, "无法读取文件：没有读取权限")
    ]


def test_folder_given_to_the_loader() -> None:
    assert [f.message() for f in load_file(EXAMPLES).findings] == ["无法读取文件：这是一个文件夹，不是文件"]


def test_broken_link_fifo_and_missing_file_are_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "link.yaml").symlink_to(tmp_path / "gone.yaml")
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it would wait for a writer for ever
    done = run("link.yaml", "pipe.yaml", "nope.yaml", SEED_EXAMPLE, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == ""
    assert done.stdout.splitlines()[:3] == [
        "link.yaml:1:1: DL001 无法读取文件：是一个指向不存在文件的链接",
        "pipe.yaml:1:1: DL001 无法读取文件：这是一个管道（FIFO），不是普通文件（要从管道读入报告，请用“-”表示标准输入）",
        "nope.yaml:1:1: DL001 无法读取文件：文件不存在",
    ]
    assert "共检查 4 个文件" in done.stdout  # the good report was checked too


def test_the_linter_never_writes_to_a_report(tmp_path: Path) -> None:
    report = tmp_path / "broken-2023.yaml"
    report.write_bytes((EXAMPLES / "broken-2023.yaml").read_bytes())
    before = report.read_bytes()
    old = 1_600_000_000_000_000_000
    os.utime(report, ns=(old, old))
    mode = report.stat().st_mode
    listing = sorted(p.name for p in tmp_path.iterdir())
    done = run(report.name, cwd=tmp_path)
    assert done.returncode == 1
    assert report.read_bytes() == before
    assert report.stat().st_mtime_ns == old
    assert report.stat().st_mode == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no cache or backup beside it


# ---------------------------------------------------------------- untrusted content cannot load code


def test_yaml_tags_asking_for_code_are_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    tags = [
        f"!!python/object/apply:os.system ['touch {marker}']",
        f"!!python/object/new:subprocess.check_call [['touch', '{marker}']]",
        "!!python/name:os.system",
        f"!!python/object/apply:builtins.exec [\"open('{marker}', 'w')\"]",
    ]
    for tag in tags:
        result = lint(edit(SEED, "机关: 攀枝花市西区司法局", f"机关: {tag}"))
        assert result.unreadable
        shown = tag.split(" ")[0]
        assert first(result, "DL004")[1:3] == (5, 5)
        assert f"不支持类型标签“{shown}”" in first(result, "DL004")[3]
    assert not marker.exists()


def test_a_rules_key_in_a_report_is_only_an_unknown_key(tmp_path: Path) -> None:
    evil = tmp_path / "evil"
    evil.mkdir()
    (evil / "payload.py").write_text(
        f"open({str(tmp_path / 'pwned')!r}, 'w')\nRULES = ()\n", encoding="utf-8"
    )
    text = SEED + textwrap.dedent(
        """\
        rules: [evil]
        plugins: [evil]
        """
    )
    (tmp_path / "r.yaml").write_text(text, encoding="utf-8")
    done = run("r.yaml", "--format", "concise", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[:2] == [
        f"r.yaml:{SEED_LINES + 1}:1: DL102 “报告”下没有“rules”这一项",
        f"r.yaml:{SEED_LINES + 2}:1: DL102 “报告”下没有“plugins”这一项",
    ]
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    ("text", "line", "col", "problem"),
    [
        ("机关: @某局\n", 1, 5, "“@”和“`”不能作为文字的开头，请给整段文字加引号"),
        ("机关: `某局`\n", 1, 5, "“@”和“`”不能作为文字的开头，请给整段文字加引号"),
        ("%机关: 某局\n", 1, 1, "行首的“%”是 YAML 的指令符号；如果它是文字的一部分，请给整段文字加引号"),
        ("机关: !某局\n", 1, 5, "“!”是 YAML 的类型标签符号；如果它是文字的一部分，请给整段文字加引号"),
        ("机关: *某局\n", 1, 5, "“&”“*”是 YAML 的锚点和引用符号，后面应紧跟名称；如果它是文字的一部分，请给整段文字加引号"),
        ("机关: & 某局\n", 1, 5, "“&”“*”是 YAML 的锚点和引用符号，后面应紧跟名称；如果它是文字的一部分，请给整段文字加引号"),
        ("机关: | 某局\n", 1, 5, "“|”“>”后面不能在同一行写文字：文字从下一行开始，并比键多缩进两个空格"),
        ("机关: |0\n  x\n", 1, 5, "“|”或“>”后面的缩进数字不能是 0"),
        ("机关: ? 某局\n", 1, 5, "这里不能写“? ”（YAML 的特殊标记）；文字中的问号请用中文“？”，或给整段文字加引号"),
        ('机关: "某局\\q"\n', 1, 8, "双引号中有无法识别的转义（\\），请改用单引号"),
        ('机关: "某局\\u12"\n', 1, 10, "双引号中有无法识别的转义（\\），请改用单引号"),
        ("机关: 某局: 二\n", 1, 7, "这里不能再出现“: ”，常见原因是缩进不齐，或一行里写了两个冒号（文字中的冒号请用中文“：”或给整段加引号）"),
        ("行政复议: [2, }1, 0]\n", 1, 11, "这里缺少内容，或多了符号（常见于多余或漏写的逗号、括号）"),
        ("行政复议: [2, 1:, 0]\n", 1, 12, "这里多了一个冒号“:”（文字中的冒号请用中文“：”，或给整段文字加引号）"),
        ("机关: '某局\n", 1, 5, "引号或括号没有闭合"),
    ],
    ids=["at", "backtick", "percent", "bang", "star", "ampersand", "text-after-pipe", "pipe-zero", "question",
         "escape", "short-unicode-escape", "two-colons", "stray-brace", "colon-in-a-row", "unclosed-quote"],
)  # fmt: skip
def test_yaml_syntax_is_said_plainly_where_it_happens(text: str, line: int, col: int, problem: str) -> None:
    result = lint(text)
    assert result.unreadable
    assert first(result) == ("DL004", line, col, f"YAML 语法错误：{problem}")
