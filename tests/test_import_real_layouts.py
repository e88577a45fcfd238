"""Layouts met on real published pages that the other import tests do not cover: a table part
printed as its heading only, part 一's aspects headed in other words or as list items, a page label
before the title, a QR-code footer, the agency on its own line above the preface. Fixtures are
written in our own words; figures and layouts follow real pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_cli import run
from test_import_layouts import CITY, copied_text

from disclosure_lint import statute as s
from disclosure_lint.findings import Pos
from disclosure_lint.importer import import_bytes


def imported(text: str):
    return import_bytes(text.encode("utf-8"), "text", "r.txt")


def _without_tables(text: str) -> str:
    """The report with its three tables gone and their part headings kept, as a page shows tables
    that were images."""
    lines = text.split("\n")
    return "\n".join(line for line in lines if "\t" not in line)


def test_a_table_part_with_only_its_heading_is_unread_not_missing(tmp_path: Path) -> None:
    text = _without_tables(copied_text(CITY))
    draft = imported(text).draft
    lost = {path for item in draft.lost for path in item.paths}
    assert len(lost) == 10 + 25 * 7 + 15
    assert (s.PART2, s.REGULATIONS, "本年制发件数") in lost
    assert (*s.ROW_NEW.path, 6) in lost and (s.PART4, s.REVIEW, 4) in lost
    assert [v.kind for v in draft.part3[s.ROW_NEW.path]] == ["lost"] * 7
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", "--lang", "en", "--format", "concise", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stdout  # warnings only: nothing is blamed on the publisher
    codes = re.findall(r" (DL\d{3}) ", done.stdout)
    assert codes.count("DL020") == 3 and "DL101" not in codes and "DL401" not in codes, done.stdout
    heading = text.split("\n").index("三、收到和处理政府信息公开申请情况") + 1
    assert (
        f"r.txt:{heading}:1: DL020 warning: could not read 175 cells of 收到和处理政府信息公开申请情况 "
        "from the source: the part has its heading but no table in the source"
    ) in done.stdout


def test_a_table_part_with_its_table_is_read_as_before() -> None:
    draft = imported(copied_text(CITY)).draft
    assert draft.lost == []


def test_an_empty_table_part_of_a_2020_report_takes_the_2019_tables() -> None:
    text = _without_tables(copied_text(CITY)).replace(
        "2023 年政府信息公开工作年度报告", "2020 年政府信息公开工作年度报告"
    )
    draft = imported(text).draft
    assert draft.meta[s.VERSION] == 2019
    assert "政府集中采购" in draft.part2
    assert (s.PART3, s.RESULTS, s.OTHER_HANDLING) in draft.part3  # the 2019 format's single row


def test_aspect_headings_as_list_items_and_in_other_words() -> None:
    text = copied_text(CITY)
    text = text.replace("（三）政府信息管理方面", "- 政府信息管理情况").replace(
        "（四）平台建设方面", "（四）政府公开平台建设"
    )
    draft = imported(text).draft
    assert isinstance(draft.part1, dict)
    assert list(draft.part1) == list(s.ASPECTS)
    assert draft.part1["政府信息管理"].startswith("我局落实信息发布三级审核")
    assert draft.part1["平台建设"].startswith("我局优化门户网站信息公开专栏")


def test_a_flip_books_page_label_is_not_part_of_the_agency() -> None:
    text = copied_text(CITY).replace(
        "示例市自然资源和规划局\n\n2023 年政府信息公开工作年度报告",
        "Page 1 - 示例市自然资源和规划局2023年政府信息公开工作年度报告",
        1,
    )
    assert imported(text).draft.meta[s.AGENCY] == "示例市自然资源和规划局"


def test_a_qr_code_line_at_the_end_is_the_pages_footer() -> None:
    text = copied_text(CITY).rstrip("\n") + "\n更多资讯请扫描下方二维码关注示例市发布\n"
    draft = imported(text).draft
    assert "二维码" not in (draft.part6 or "")
    assert any(
        note.text.startswith("更多资讯") and note.why_en.startswith("a web page's footer")
        for note in draft.notes
    )


def test_the_agency_printed_above_a_preface_that_names_the_report() -> None:
    text = copied_text(CITY)
    body = text[text.index("一、总体情况") :]
    page = "示例区国资局\n现公布区政府国资局2022年政府信息公开工作年度报告。\n" + body
    draft = imported(page).draft
    assert (draft.meta[s.AGENCY], draft.meta[s.YEAR]) == ("示例区国资局", 2022)
    assert draft.values[(s.AGENCY,)] == Pos(1, 1)


# ---------------------------------------------------------------- Traditional characters


def _traditional(text: str) -> str:
    """The text as a mirror site in Traditional characters prints it (each character that has a
    Traditional form written in it), made from the importer's own table, read backwards."""
    from disclosure_lint.importer.hant_table import PAIRS

    pairs = "".join(PAIRS)
    back: dict[int, str] = {}
    for i in range(0, len(pairs), 2):
        back.setdefault(ord(pairs[i + 1]), pairs[i])
    return text.translate(back)


def _cells(draft) -> dict:
    out = {("二", k): [(v.text, v.pos) for v in vs] for k, vs in draft.part2.items()}
    out |= {k: [(v.text, v.pos) for v in vs] for k, vs in draft.part3.items()}
    return out | {("四", k): [(v.text, v.pos) for v in vs] for k, vs in draft.part4.items()}


def test_a_traditional_mirror_reads_as_the_report_it_mirrors(tmp_path: Path) -> None:
    text = copied_text(CITY)
    mirror = _traditional(text)
    assert "報告" in mirror and "開" in mirror and mirror != text
    original, read = imported(text).draft, imported(mirror).draft
    assert _cells(read) == _cells(original)  # every cell, and where it stands in the source
    assert (read.meta[s.AGENCY], read.meta[s.YEAR]) == ("示例市自然资源和规划局", 2023)
    assert read.part1 == original.part1 and read.part5 == original.part5
    findings = {}
    for name, body in (("mirror", mirror), ("original", text)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "r.txt").write_text(body, encoding="utf-8")
        done = run("r.txt", "--format", "concise", "--lang", "en", cwd=folder)
        findings[name] = (done.returncode, re.findall(r"^r\.txt:(\d+:\d+): (DL\d+)", done.stdout, re.M))
    assert findings["mirror"] == findings["original"]


def test_a_few_traditional_characters_in_a_simplified_report_change_nothing() -> None:
    from disclosure_lint.importer.hant import looks_traditional

    text = copied_text(CITY)
    assert not looks_traditional(text + "显著成效，著力推进，乾净。")
    assert looks_traditional(_traditional(text))


# ---------------------------------------------------------------- parts 五 and 六 in other words


def test_parts_five_and_six_under_their_numerals_in_other_words() -> None:
    text = copied_text(CITY)
    text = text.replace("五、存在的主要问题及改进情况", "五、存在的问题及下一步工作计划")
    text = text.replace("六、其他需要报告的事项", "六、其他需要说明的事项")
    draft = imported(text).draft
    original = imported(copied_text(CITY)).draft
    assert (draft.part5, draft.part6) == (original.part5, original.part6)
    assert draft.notes == original.notes


def test_a_preface_naming_the_body_after_the_year() -> None:
    text = copied_text(CITY)
    body = text[text.index("一、总体情况") :]
    page = "按照要求，编制2021年度示例镇人民政府信息公开年度报告。\n" + body
    assert imported(page).draft.meta[s.AGENCY] == "示例镇人民政府"
    page = "示例县机构编制委员会办公室2023年政府信息公开工作年度报告\n" + body  # 编制 in a name
    assert imported(page).draft.meta[s.AGENCY] == "示例县机构编制委员会办公室"
    page = "及时发布2024年度政府信息公开工作报告。\n" + body  # no body named: the 落款's is kept
    assert imported(page).draft.meta[s.AGENCY] == "示例市自然资源和规划局"


def test_parts_five_and_six_under_one_heading_are_one_text_for_both(tmp_path: Path) -> None:
    text = copied_text(CITY).replace(
        "五、存在的主要问题及改进情况", "五、存在的主要问题及改进情况和其他需要报告的事项"
    )
    text = text.replace("六、其他需要报告的事项\n", "")
    draft = imported(text).draft
    original = imported(copied_text(CITY)).draft
    both = original.part5 + original.part6
    assert (draft.part5, draft.part6) == (both, both)
    assert {s.PART5, s.PART6} <= draft.parts
    assert draft.meta[s.PUBLISHED] == original.meta[s.PUBLISHED]  # the 落款 is still the 落款
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", "--format", "concise", "--lang", "en", cwd=tmp_path)
    assert (done.returncode, re.findall(r" (DL\d{3}) ", done.stdout)) == (0, []), done.stdout


# ---------------------------------------------------------------- what is not placed, said as it is


def test_a_sentence_beside_a_table_is_said_to_be_one() -> None:
    text = copied_text(CITY).replace(
        "四、政府信息公开行政复议、行政诉讼情况\n",
        "四、政府信息公开行政复议、行政诉讼情况\n\n本年度本机关未发生行政复议、行政诉讼案件。\n",
    )
    draft = imported(text).draft
    line = text.split("\n").index("本年度本机关未发生行政复议、行政诉讼案件。") + 1
    notes = [(n.pos, n.text, n.why_en) for n in draft.notes if n.text]
    assert notes == [
        (
            Pos(line, 1),
            "本年度本机关未发生行政复议、行政诉讼案件。",
            "a sentence in a table part, outside the table",
        )
    ]
    original = imported(copied_text(CITY)).draft.part4
    assert {k: [v.text for v in vs] for k, vs in draft.part4.items()} == {
        k: [v.text for v in vs] for k, vs in original.items()
    }


def test_a_portals_header_keys_written_as_list_items_are_no_report_text() -> None:
    text = "  • 索引号:\n  • 发文机关:\n  • 发布时间:2024-01-26\n" + copied_text(CITY).replace(
        "2024年1月26日", ""
    )
    draft = imported(text).draft
    assert [n.text for n in draft.notes if n.text] == []
    assert draft.meta[s.PUBLISHED] == "2024-01-26"


@pytest.mark.parametrize("mark", ["续表", "（续表）", "续上表", "P. 6", "Page 6"])
def test_a_table_going_on_after_a_page_break_marks_nothing(mark: str) -> None:
    from test_import_crawled import _cells as cells
    from test_import_crawled import _trailing_pipes

    text = copied_text(CITY)
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if "5.属于三类内部事务信息" in line)
    broken = "\n".join([*lines[:at], "— 6 —", mark, *lines[at:]])
    for layout in (str, _trailing_pipes):
        draft = imported(layout(broken)).draft
        assert cells(draft) == cells(imported(layout(text)).draft)
        assert [n.text for n in draft.notes if n.text] == []


@pytest.mark.parametrize(
    "layout_name",
    ["_crawled_cells", "_bare_pipe_between_cells", "_markdown_cells_on_new_lines", "_trailing_pipes"],
)
def test_a_traditional_mirror_of_a_table_crawled_one_cell_a_line(layout_name: str) -> None:
    import test_import_crawled

    layout = getattr(test_import_crawled, layout_name)
    text = layout(copied_text(CITY))
    draft = imported(_traditional(text)).draft
    assert _cells(draft) == _cells(imported(text).draft)
    assert [n.text for n in draft.notes if n.text] == [] and draft.lost == []


# ---------------------------------------------------------------- a table flattened column by column


def test_labels_then_figures_column_by_column_are_left_unread_not_shifted() -> None:
    lines = copied_text(CITY).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度")) + 1
    rows = [line for line in lines[start:end] if "\t" in line]
    labels = ["\t".join(c for c in row.split("\t") if c and not c.isdigit()) for row in rows]
    figures = ["\t".join(c for c in row.split("\t") if c.isdigit()) for row in rows]
    draft = imported("\n".join([*lines[:start], *labels, *figures, *lines[end:]])).draft
    kinds = {value.kind for values in draft.part3.values() for value in values}
    assert kinds == {"lost"}  # no row took another row's figures: the source does not say which is whose
    lost = {path for item in draft.lost for path in item.paths}
    assert {(*path, i) for path in draft.part3 for i in range(7)} <= lost


def test_one_blank_row_before_a_row_with_its_figures_below_is_still_read() -> None:
    cells = ["第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    cells += ["规章", "行政规范性文件", "3", "1", "12"]  # 规章's cells left empty, dropped by the copy
    text = copied_text(CITY)
    table = text[text.index("第二十条第（一）项") : text.index("第二十条第（五）项")]
    draft = imported(text.replace(table, "\n".join(cells) + "\n")).draft
    assert [v.text for v in draft.part2[s.NORMATIVE_DOCS]] == ["3", "1", "12"]
    assert [v.kind for v in draft.part2[s.REGULATIONS]] == ["lost"] * 3


def test_a_table_with_its_row_labels_and_no_figure_is_one_unread_table(tmp_path: Path) -> None:
    lines = copied_text(CITY).split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、本年新收"))
    end = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度")) + 1
    bare = ["\t".join(c for c in line.split("\t") if c and not c.isdigit()) for line in lines[start:end]]
    bare = [line for line in bare if line]
    text = "\n".join([*lines[:start], *bare, *lines[end:]])
    draft = imported(text).draft
    part3 = [item for item in draft.lost if item.paths[0][0] == s.PART3]
    assert len(part3) == 1 and len(part3[0].paths) == 25 * 7
    assert part3[0].pos == Pos(start + 1, 1)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("r.txt", "--format", "concise", "--lang", "en", cwd=tmp_path)
    codes = re.findall(r" (DL\d{3}) ", done.stdout)
    assert codes == ["DL020"], done.stdout  # one finding, the importer's: no row is blamed as missing
    assert done.returncode == 0


@pytest.mark.parametrize(
    ("between", "lost"),
    [
        ("", True),  # the heading alone: the table was an image
        ("具体情况详见下表。", True),  # a sentence pointing at the table that is not there
        ("本年度未发生因政府信息公开引起的行政复议、行政诉讼。", False),  # a sentence instead of the table
    ],
)
def test_a_table_part_without_its_table_is_unread_unless_a_sentence_stands_in_for_it(
    between: str, lost: bool
) -> None:
    lines = copied_text(CITY).split("\n")
    head = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    end = lines.index(next(line for line in lines if line.startswith("五、")))
    draft = imported("\n".join([*lines[: head + 1], between, *lines[end:]])).draft
    assert (s.PART4 in {item.paths[0][0] for item in draft.lost}) is lost
    assert (draft.part4 != {}) is lost  # the rows, as ~ where unread; none where the report left them out
