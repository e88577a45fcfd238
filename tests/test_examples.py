"""The bundled examples: the seed report lints clean; the broken one gives exactly its documented findings."""

from __future__ import annotations

from conftest import EXAMPLES, SEED_EXAMPLE, lint, triples
from test_cli import run

BROKEN = EXAMPLES / "broken-2023.yaml"


def test_seed_example_is_clean(seed_text: str) -> None:
    assert triples(lint(seed_text)) == []


def test_broken_example_findings_in_order() -> None:
    result = lint(BROKEN.read_text(encoding="utf-8"))
    assert triples(result) == [
        ("DL503", 8, 7),  # published 2024-02-05, after 1月31日
        ("DL403", 26, 43),  # １２ in full-width digits
        ("DL601", 30, 21),  # 123500 万元: 元 entered as 万元
        ("DL205", 37, 36),  # 予以公开·自然人 21 instead of 20
        ("DL401", 53, 34),  # "/" in a cell
        ("DL204", 67, 30),  # 行政复议 总计 5 instead of 4
        ("DL102", 71, 1),  # 五、存在的主要问题及改进情况: ordinal in the key
        ("DL303", 75, 12),  # part 六 silent on the 信息处理费
    ]


def test_broken_example_on_the_command_line() -> None:
    done = run(BROKEN, cwd=EXAMPLES.parent)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    at = lines.index(
        f"{BROKEN}:37:36: DL205 （一）予以公开·自然人 很可能应为 20：按行合计和按列合计都差 1，"
        "改这一格即可两处平衡（实为 21）"
    )
    assert lines[at + 1 : at + 5] == [
        "   |",
        "37 |     予以公开:                         [21, 3, 1, 0, 1, 1, 26]",
        "   | " + " " * 39 + "^~",  # 21 under its two columns
        "",
    ]
    assert lines[-2:] == [
        "发现 8 个问题（错误 6 个，警告 2 个），共检查 1 个文件。",
        "[*] 其中 2 个可以用 `--fix` 自动修复（另有 2 个修复要加 `--unsafe-fixes` 才会进行）。",
    ]
    assert done.stderr == ""


def test_seed_example_keeps_every_figure_of_the_published_report(seed_text: str) -> None:
    for figure in ("123条", "36条", "19条", "63条", "3条", "2条", "316条", "9件"):
        assert figure in seed_text, figure
    assert str(SEED_EXAMPLE.name).startswith("xiqu-sifaju-2023")
