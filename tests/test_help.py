"""Every command's help: Chinese by default, English under --lang en or an English locale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from hypothesis import given
from hypothesis import strategies as st

from disclosure_lint import cli_help
from disclosure_lint.cli_help import en, zh
from disclosure_lint.cli_help.layout import width, wrap

COMMANDS = ("lint", "init", "import", "render", "serve", "audit", "schema")
_LOCALE = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def run(*args: str, **locale: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in _LOCALE} | {"COLUMNS": "80"} | locale
    return subprocess.run(
        [sys.executable, "-m", "disclosure_lint", *args], capture_output=True, text=True, env=env, timeout=60
    )


def help_of(command: str, *more: str, **locale: str) -> str:
    done = run(*([] if command == "lint" else [command]), "--help", *more, **locale)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def test_help_is_chinese_by_default() -> None:
    text = help_of("lint")
    assert text.startswith(
        "用法：disclosure-lint [选项] [报告...]\n\n"
        "  按 2021 年法定格式（国办公开办函〔2021〕30号）检查政府信息公开工作年度报告。\n\n"
        "参数：\n"
        "  报告...  报告（YAML，或 .docx/.html/.txt/.md）、文件夹，或 -（标准输入）。\n\n"
        "选项：\n"
        "  --lang <str>              消息语言：zh（默认）或 en。\n"
        "  --format <str>            text（默认：每个问题附原文那一行和指向列的 ^）、\n"
        "                            concise（每个问题一行）、json、sarif、github、\n"
        "                            junit、gitlab（Code Quality）、html（标出表格问题\n"
        "                            的网页），或 auto（在 GitHub Actions 中为\n"
        "                            github）。\n"
    )
    assert (
        "  --color <str>             auto（在终端上着色，设置了 NO_COLOR 时除外；设置\n"
        "                            FORCE_COLOR 则总是着色）、always 或 never。\n"
        "                            [默认：auto]\n"
    ) in text  # a bracketed note is never split
    assert "  --max-bytes <int range>   拒绝大于此字节数的文件（默认 5 MiB）。  [x>=1]\n" in text
    assert "  -h, --help                显示此帮助后退出。\n" in text
    assert text.endswith("问题，2 文件无法读取、规则运行出错，或选项、配置有误。\n")


def test_lang_en_before_or_after_help_gives_the_same_english_help() -> None:
    after = help_of("lint", "--lang", "en")
    before = run("--lang", "en", "--help")
    assert before.returncode == 0
    assert before.stdout == after
    assert after.startswith(
        "Usage: disclosure-lint [OPTIONS] [files]...\n\n"
        "  Check 政府信息公开工作年度报告 against the 2021 statutory format (国办公开办\n"
        "  函〔2021〕30号).\n\n"
        "Arguments:\n"
        "  files...  Reports (YAML, or .docx/.html/.txt/.md), folders, or - for\n"
        "            standard input.\n\n"
        "Options:\n"
        "  --lang <str>              Message language: zh (default) or en.\n"
    )
    assert "  -h, --help                Show this message and exit.\n" in after
    assert run("--help", "--lang=en").stdout == after


@pytest.mark.parametrize(
    ("locale", "first_line"),
    [
        ({"LANG": "en_US.UTF-8"}, "Usage: disclosure-lint init [OPTIONS] {output}"),
        (
            {"LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"},
            "Usage: disclosure-lint init [OPTIONS] {output}",
        ),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "用法：disclosure-lint init [选项] {文件}"),
        ({"LANG": "C.UTF-8"}, "用法：disclosure-lint init [选项] {文件}"),
        ({}, "用法：disclosure-lint init [选项] {文件}"),
    ],
)
def test_an_english_locale_gives_english_help(locale: dict[str, str], first_line: str) -> None:
    assert help_of("init", **locale).splitlines()[0] == first_line


def test_lang_zh_wins_over_an_english_locale() -> None:
    assert help_of("render", "--lang", "zh", LANG="en_US.UTF-8").splitlines()[0] == (
        "用法：disclosure-lint render [选项] {报告}"
    )


@pytest.mark.parametrize(
    ("command", "zh_start", "en_start"),
    [
        (
            "init",
            "用法：disclosure-lint init [选项] {文件}\n\n"
            "  按报告年度的格式写一份空白报告：各部分齐全，表格每格为 0，文字待填写。\n\n"
            "  该格式的 JSON Schema 写在报告旁边（report-2021.schema.json），报告第一行指向\n"
            "  它，编辑器据此补全和检查各项。\n\n"
            "参数：\n  文件  要写入的报告文件，如 2024.yaml。  [必填]\n\n"
            "选项：\n  --agency <str>      机关全称。  [必填]\n"
            "  --year <int range>  报告年度；2019 和 2020 年度用 2019 年的格式。\n"
            "                      [2019<=x<=2100; 必填]\n",
            "Usage: disclosure-lint init [OPTIONS] {output}\n\n"
            "  Write a blank report in its year's format: every part, every cell 0, texts\n"
            "  to fill in.\n\n"
            "  The format's JSON Schema is written beside it (report-2021.schema.json), and\n"
            "  the report's first line points at it, so an editor completes and checks the\n"
            "  keys.\n\n"
            "Arguments:\n  output  The report file to write, e.g. 2024.yaml.  [required]\n",
        ),
        (
            "import",
            "用法：disclosure-lint import [选项] {文档}\n\n"
            "  把已发布的政府信息公开工作年度报告（网页 HTML、Word .docx、PDF，或从网页复制\n"
            "  的文字）转为 YAML。\n\n"
            "  无法归位的内容列在 YAML 开头的注释里，也输出到标准错误。已有文件不会被覆盖，\n"
            "  除非加 --force；原文档从不改动。退出状态：0 已转换，2 文档（或其中一页）无法\n"
            "  读取，或选项有误。\n",
            "Usage: disclosure-lint import [OPTIONS] {source}\n\n"
            "  Import a published 政府信息公开工作年度报告 (HTML, Word .docx, PDF, or text\n"
            "  copied from a page) as YAML.\n",
        ),
        (
            "render",
            "用法：disclosure-lint render [选项] {报告}\n\n"
            "  把 YAML 报告生成正式文档：Word（.docx）、网页（.html）或 Markdown（.md）。\n",
            "Usage: disclosure-lint render [OPTIONS] {report}\n\n"
            "  Render a YAML report as the official document: Word (.docx), a web page\n",
        ),
        (
            "serve",
            "用法：disclosure-lint serve [选项]\n\n"
            "  打开一个页面：把报告（.docx、.pdf、.html、.txt、.yaml）拖进去，即显示并标出\n"
            "  其中的问题。\n",
            "Usage: disclosure-lint serve [OPTIONS]\n\n"
            "  Open a page where reports (.docx, .pdf, .html, .txt, .yaml) are dropped and\n",
        ),
        (
            "schema",
            "用法：disclosure-lint schema [选项]\n\n"
            "  输出年度报告格式的 JSON Schema，或用 -o 写入文件（不会覆盖报告）。\n\n"
            "  写好的文件，在报告第一行这样指向它：\n\n"
            "  `# yaml-language-server: $schema=./report-2021.schema.json`。\n",
            "Usage: disclosure-lint schema [OPTIONS]\n\n"
            "  Print the JSON Schema of the report format, or write it with -o (never over\n",
        ),
        (
            "audit",
            "用法：disclosure-lint audit [选项] {路径...}\n\n"
            "  审查一个地区的报告：逐年衔接、汇总与各部分相符、抄用的文字。\n\n"
            "参数：\n  路径...  文件夹（逐层查找）或报告文件：YAML 和已发布的文档。  [必填]\n",
            "Usage: disclosure-lint audit [OPTIONS] {paths}...\n\n"
            "  Audit a region's reports: years chained, summaries against their parts,\n",
        ),
    ],
)
def test_every_command_has_help_in_both_languages(command: str, zh_start: str, en_start: str) -> None:
    chinese = help_of(command)
    assert chinese.startswith(zh_start)
    assert chinese.endswith("  -h, --help" + chinese.rsplit("  -h, --help", 1)[1])
    assert "显示此帮助后退出。" in chinese and "Show this message" not in chinese
    english = help_of(command, "--lang", "en")
    assert english.startswith(en_start)
    assert "Show this message and exit." in english
    assert run(command, "--lang", "en", "--help").stdout == english
    for line in (*chinese.splitlines(), *english.splitlines()):
        assert width(line) <= 78, line  # COLUMNS=80: click leaves two columns


def test_usage_errors_speak_the_language_of_the_help() -> None:
    done = run("init", "x.yaml", "--agency", "某局", "--year", "abc")
    assert done.returncode == 2
    assert done.stderr == (
        "用法：disclosure-lint init [选项] {文件}\n"
        "运行“disclosure-lint init -h”查看帮助。\n\n"
        "错误：'--year' 的值无效：'abc' 不是整数。\n"
    )
    done = run("--bogus", "--lang", "en")
    assert done.returncode == 2
    assert done.stderr == (
        "Usage: disclosure-lint [OPTIONS] [files]...\n"
        "Try 'disclosure-lint -h' for help.\n\n"
        "Error: No such option: --bogus\n"
    )
    assert run("render").stderr.endswith("错误：缺少参数 '报告'。\n")


def test_init_says_what_it_wrote_in_either_language(tmp_path: object) -> None:
    target = f"{tmp_path}/r.yaml"
    schema = ("--schema", "https://example.invalid/report-2021.schema.json")  # no schema file, no note of it
    done = run("init", target, "--agency", "某市某局", "--year", "2024", *schema)
    assert done.stdout == f"已写入 {target}：填好“（待填写）”处和表格后，运行 disclosure-lint {target}\n"
    done = run("init", target, "--agency", "某市某局", "--year", "2024", *schema, "--force", "--lang", "en")
    assert done.stdout == (
        f"Wrote {target}: fill in the “（待填写）” places and the tables, then run disclosure-lint {target}\n"
    )


# ---------------------------------------------------------------- the catalogues


def _commands() -> dict[str, typer.core.TyperCommand]:
    import importlib

    from disclosure_lint.cli import SUBCOMMANDS, app

    found = {"lint": typer.main.get_command(app)}
    for name, module in SUBCOMMANDS.items():
        found[name] = typer.main.get_command(importlib.import_module(module).app)
    return found


def test_the_catalogues_hold_exactly_the_commands_parameters() -> None:
    commands = _commands()
    assert set(commands) == set(COMMANDS)
    for catalogue in (zh.TEXTS, en.TEXTS):
        used = {key for key in catalogue if key.startswith("click:")} | {"init:written"}
        for name, command in commands.items():
            assert command.name == name
            assert name in catalogue
            used.add(name)
            if f"{name}:epilog" in catalogue:
                used.add(f"{name}:epilog")
            for param in command.params:
                key = next((k for k in (f"{name}:{param.name}", f"*:{param.name}") if k in catalogue), None)
                assert key is not None, f"no help for {name} {param.name}"
                used.add(key)
                if f"{name}:{param.name}:metavar" in catalogue:
                    used.add(f"{name}:{param.name}:metavar")
        assert set(catalogue) - used == set()
    assert set(en.TEXTS) - {k for k in en.TEXTS if k.endswith(":metavar")} == {
        k for k in zh.TEXTS if not k.endswith(":metavar")
    }


@pytest.mark.parametrize(
    ("args", "environ", "lang"),
    [
        ([], {}, "zh"),
        (["--help", "--lang", "en"], {}, "en"),
        (["--lang=en", "--help"], {}, "en"),
        (["--lang", "en", "--lang", "zh"], {}, "zh"),
        (["--lang", "fr"], {"LANG": "en_US.UTF-8"}, "en"),
        (["--", "--lang", "en"], {}, "zh"),
        (["--lang"], {}, "zh"),
        ([], {"LANG": "en"}, "en"),
        ([], {"LC_ALL": "", "LANG": "EN_us"}, "en"),
        ([], {"LC_ALL": "C", "LANG": "en_US"}, "zh"),
    ],
)
def test_language(args: list[str], environ: dict[str, str], lang: str) -> None:
    assert cli_help.language(args, environ) == lang


# ---------------------------------------------------------------- laying out Chinese


def test_wrap_counts_a_chinese_character_as_two_columns() -> None:
    assert width("年度a") == 5
    assert wrap("一二三四五六", 6) == "一二三\n四五六"
    assert wrap("一二，三四", 6) == "一二，\n三四"  # the comma stays with the character before it
    assert wrap("一二三（四）", 8) == "一二三\n（四）"  # an opening bracket goes with what follows
    assert wrap("ab  [x]", 10) == "ab  [x]"  # the two spaces before a note are kept
    assert wrap("一二三 [默认：auto]", 14) == "一二三\n[默认：auto]"  # and the note is one piece
    assert wrap("首段\n续行\n\nsecond para", 40, "> ", "  ") == "> 首段续行\n\n> second para"


_TEXT = st.lists(
    st.one_of(
        st.text(alphabet="abcdefgh-./", min_size=1, max_size=12),
        st.text(alphabet="报告年度机关公开，。（）、", min_size=1, max_size=12).filter(
            lambda w: w[0] in "报告年度机关公开"
        ),
    ),
    max_size=30,
).map(" ".join)


@given(text=_TEXT, columns=st.integers(8, 60))
def test_wrap_keeps_every_character_and_the_width(text: str, columns: int) -> None:
    wrapped = wrap(text, columns)
    assert "".join(wrapped.split()) == "".join(text.split())
    for line in wrapped.splitlines():
        assert width(line) <= columns or " " not in line.strip()
        assert not line.startswith(("，", "。", "）", "、"))


def test_the_readme_shows_the_help_as_it_really_looks() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("$ disclosure-lint render --help\n")
    shown = readme[start : readme.index("```", start)].splitlines()[1:]
    real = help_of("render").splitlines()
    at = 0
    for line in shown:
        if line != "…":
            at = real.index(line, at) + 1  # each shown line, in order
