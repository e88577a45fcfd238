"""`disclosure-lint import` and linting published documents directly: the seed report, positions, bad input."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, SEED_EXAMPLE, lint, triples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_cli import run
from test_import_layouts import CITY, copied_text, web_page, word_document

from disclosure_lint import statute as s
from disclosure_lint.importer import import_bytes, import_file
from disclosure_lint.loader import load_file, load_text

SEED_TEXT = ROOT.parent / "shared" / "reference" / "seed-report-2023.txt"


@pytest.fixture
def seed() -> Path:
    if not SEED_TEXT.is_file():
        pytest.skip(
            f"the published seed report {SEED_TEXT} is not here: it lives in the project's shared/reference "
            "folder, beside the repository"
        )
    return SEED_TEXT


def data_of(yaml: str) -> dict:
    loaded = load_text(yaml, "imported.yaml")
    assert loaded.report is not None, yaml
    return loaded.report.data


# ---------------------------------------------------------------- the seed report


def test_seed_imports_with_every_number_in_place_and_lints_clean(seed: Path, tmp_path: Path) -> None:
    out = tmp_path / "seed.yaml"
    done = run("import", seed, "-o", out, "--date", "2024-01-22")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    yaml = out.read_text(encoding="utf-8")
    codes = [code for code, _, _ in triples(lint(yaml))]
    assert [c for c in codes if c.startswith(("DL1", "DL2", "DL4"))] == []
    data = data_of(yaml)
    published = load_file(SEED_EXAMPLE).report
    assert published is not None
    for part in (
        s.PART2,
        s.PART3,
        s.PART4,
    ):  # the bundled example carries every figure of the published report
        assert data[part] == published.data[part], part
    assert {k: data[k] for k in (s.VERSION, s.AGENCY, s.YEAR, s.KIND, s.PUBLISHED)} == {
        s.VERSION: 2021, s.AGENCY: "攀枝花市西区司法局", s.YEAR: 2023, s.KIND: s.KIND_DEPARTMENT,
        s.PUBLISHED: "2024-01-22",
    }  # fmt: skip
    assert list(data[s.PART1]) == list(s.ASPECTS)


def test_seed_keeps_every_paragraph(seed: Path) -> None:
    imported = import_file(seed)
    data = data_of(imported.yaml)
    texts = "".join([*data[s.PART1].values(), data[s.PART5], data[s.PART6]])
    lines = seed.read_text(encoding="utf-8").splitlines()
    headings = re.compile(r"^(?:[一二三四五六]、|（[一二三四五]）)\S*$|年度报告$|^攀枝花市西区司法局$")
    paragraphs = [
        line.strip() for line in lines if line.strip() and "\t" not in line and not headings.search(line)
    ]
    assert len(paragraphs) == 12  # 3 of them are halves of paragraphs broken by a page
    for paragraph in paragraphs:
        assert paragraph in texts, paragraph
    assert imported.draft.notes[0].text == ""  # only: the page gives no publication date
    assert [n.key for n in imported.draft.notes] == [s.PUBLISHED]
    assert imported.draft.unstated == {s.PUBLISHED}


def test_seed_paragraphs_broken_by_a_page_are_joined(seed: Path) -> None:
    data = data_of(import_file(seed).yaml)
    part1 = data[s.PART1]
    assert "工作动态信息 36 条，司法县区动态 19 条，" in part1["主动公开"]
    assert part1["主动公开"].startswith(
        "2023 年，我局严格按照《政府信息公开条例》要求"
    )  # the opening paragraph
    assert "涉及政策文件解读的" in part1["政府信息管理"]
    assert "加强业务培训与交流，提升对政策法规的理解" in data[s.PART5]
    assert len(part1["主动公开"].splitlines()) == 2
    assert data[s.PART6] == "本年度未收取信息处理费，无其他需要报告的事项。\n"


def test_seed_linted_directly_notes_the_missing_date_without_an_error(seed: Path) -> None:
    done = run(seed)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == [
        f"{seed}:1:1: DL021 提示：文档中没有找到“发布日期”，没有检查发布期限；发布后可用 --date 写明",
        "未发现问题，共检查 1 个文件。另有提示 1 条。",
    ]


def test_findings_in_a_text_point_at_the_cell_in_the_source(seed: Path, tmp_path: Path) -> None:
    lines = seed.read_text(encoding="utf-8").split("\n")
    row = lines.index(next(line for line in lines if line.startswith("一、本年新收")))
    lines[row] = "一、本年新收政府信息公开申请数量\t\t1\t0\t0\t/\t0\t0\t1\t"
    target = tmp_path / "report.txt"
    target.write_text("\n".join(lines), encoding="utf-8")
    done = run(target.name, "--select", "DL2,DL4", "--format", "concise", cwd=tmp_path)
    slash = lines[row].index("/") + 1
    last = lines[-1]
    assert last.startswith("本年度未收取")
    carried = next(i for i, line in enumerate(lines) if line.startswith("四、结转下年度"))
    assert done.stdout.splitlines()[:2] == [
        f"report.txt:{row + 1}:{slash}: DL401 “一、本年新收政府信息公开申请数量·社会公益组织”为空（写的是“/”）：没有就填 0",
        f"report.txt:{carried + 1}:{lines[carried].index('0') + 1}: DL201 四、结转下年度继续办理·自然人 应为 1"
        "（本年新收 1 + 上年结转 0 − 办结总计 0），实为 0",
    ]


# ---------------------------------------------------------------- linting published documents


def test_lint_an_html_page_points_at_its_line_and_column(tmp_path: Path) -> None:
    page = web_page(CITY).replace("<span>1520</span>", "<span>见附件</span>")
    target = tmp_path / "report.html"
    target.write_bytes(page.encode("gb18030"))
    done = run(target.name, cwd=tmp_path)
    line = next(n for n, text in enumerate(page.splitlines(), 1) if "见附件" in text)
    col = page.splitlines()[line - 1].index("见附件") + 1
    assert done.returncode == 1
    assert (
        f"report.html:{line}:{col}: DL401 “行政许可·本年处理决定数量”为空（写的是“见附件”）：没有就填 0"
        in done.stdout
    )
    assert f"report.html:{line}:{col}: DL008 警告：这段内容没有放进报告，未作检查" in done.stdout
    assert "首页 > 政务公开" not in done.stdout  # a breadcrumb is web furniture, not report content


def test_lint_a_word_file_counts_paragraphs_and_rows(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    raw = word_document(CITY)
    document = docx.Document(io.BytesIO(raw))
    body = document.element.body
    number = 0
    for child in body.iterchildren():
        if child.tag.endswith("}p"):
            number += 1
        elif child.tag.endswith("}tbl"):
            rows = child.findall(".//{*}tr")
            texts = ["".join(child.itertext()) for child in rows]
            if texts and texts[0].startswith("（本列数据"):
                break
            number += len(rows)
    # table 三: 3 header rows, then 一、本年新收 (cells: label, 52, 8, …), make 科研机构 (cell 4) blank
    table = document.tables[-2]
    assert table.cell(3, 0).text.startswith("一、本年新收")
    table.cell(3, 5).text = ""
    stream = io.BytesIO()
    document.save(stream)
    target = tmp_path / "report.docx"
    target.write_bytes(stream.getvalue())
    done = run(target.name, "--select", "DL401", cwd=tmp_path)
    assert done.stdout.splitlines()[0] == (
        f"report.docx:{number + 4}:4: DL401 “一、本年新收政府信息公开申请数量·科研机构”为空（什么也没填）：没有就填 0"
    )


@pytest.mark.parametrize("kind", ["txt", "html", "docx"])
def test_a_clean_published_document_lints_clean(tmp_path: Path, kind: str) -> None:
    raw = {
        "txt": lambda: copied_text(CITY).encode("utf-8"),
        "html": lambda: web_page(CITY).encode("gb18030"),
        "docx": lambda: word_document(CITY),
    }[kind]()
    target = tmp_path / f"report.{kind}"
    target.write_bytes(raw)
    done = run(target.name, "--ignore", "DL008", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "未发现问题，共检查 1 个文件。\n"


# ---------------------------------------------------------------- the import command


def test_import_writes_the_yaml_and_lists_what_it_could_not_place(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(web_page(CITY).encode("gb18030"))
    done = run("import", page.name, "-o", "report.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    yaml = (tmp_path / "report.yaml").read_text(encoding="utf-8")
    assert yaml.startswith("# yaml-language-server: $schema=")
    assert "# 由 disclosure-lint import 从 page.html 导入。" in yaml
    assert "首页 > 政务公开" not in yaml and "#       主办单位：示例市人民政府办公室" in yaml
    stderr = done.stderr.splitlines()
    assert stderr[0].endswith("网页的页脚，不属于报告: 主办单位：示例市人民政府办公室")
    assert triples(lint(yaml)) == []


def test_import_to_standard_output() -> None:
    raw = copied_text(CITY).encode("utf-8")
    imported = import_bytes(raw, "text", "report.txt")
    assert imported.yaml.splitlines()[:6] == [
        "# 由 disclosure-lint import 从 report.txt 导入。",
        "格式版本: 2021",
        "机关: 示例市自然资源和规划局",
        "年度: 2023",
        "报告类型: 部门",
        "发布日期: 2024-01-26",
    ]


def test_import_metadata_options_fill_what_the_page_lacks(tmp_path: Path) -> None:
    text = copied_text(CITY).replace("2024年1月26日\n", "").replace("示例市自然资源和规划局\n", "", 2)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    done = run("import", "r.txt", "--agency", "示例市人民政府", "--date", "2024-03-20", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = data_of(done.stdout)
    assert (data[s.AGENCY], data[s.KIND], data[s.PUBLISHED]) == ("示例市人民政府", "本级政府", "2024-03-20")
    done = run("import", "r.txt", "--agency", "示例市人民政府", "--kind", "部门", cwd=tmp_path)
    assert data_of(done.stdout)[s.KIND] == "部门"
    assert "文档中没有发布日期" in done.stderr


def test_a_peoples_government_is_guessed_as_its_own_government_report() -> None:
    text = copied_text(CITY).replace("示例市自然资源和规划局", "示例县人民政府")
    data = data_of(import_bytes(text.encode(), "text", "r.txt").yaml)
    assert (data[s.AGENCY], data[s.KIND]) == ("示例县人民政府", "本级政府")


def test_date_from_a_signature_in_chinese_numerals() -> None:
    text = copied_text(CITY).replace("2024年1月26日", "二〇二四年一月二十六日")
    data = data_of(import_bytes(text.encode(), "text", "r.txt").yaml)
    assert data[s.PUBLISHED] == "2024-01-26"
    assert not data[s.PART6].count("二〇二四")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "文件是空的"),
        ("bad.docx", b"not a zip file", "不是有效的 Word（.docx）文件"),
        ("prose.txt", "今天天气很好。\n我们去公园。\n".encode(), "没有找到年度报告的任何部分"),
        ("page.html", b"<html><body><script>x</script></body></html>", "网页里没有任何正文文字"),
        ("latin.txt", b"\xff\xfe\x00\xd8", "无法识别的字节"),
        ("report.pdf", b"%PDF-1.4", "PDF 文件已损坏"),
        ("report.rtf", b"{\\rtf1", "不认识的文件类型"),
        ("missing.txt", None, "文件不存在"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    done = run("import", name, cwd=tmp_path)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"disclosure-lint import: error: {name}: ") and message in done.stderr
    if name != "report.rtf":  # linting takes unknown suffixes as YAML
        linted = run(name, cwd=tmp_path)
        assert linted.returncode == 2 and "Traceback" not in linted.stderr + linted.stdout
        assert re.match(rf"{re.escape(name)}:1:\d+: DL00", linted.stdout)


def test_a_zip_bomb_docx_is_refused(tmp_path: Path) -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b" " * (210 * 1024 * 1024))
    (tmp_path / "bomb.docx").write_bytes(stream.getvalue())
    done = run("import", "bomb.docx", cwd=tmp_path)
    assert done.returncode == 2 and "Word 文件解压后有 210 MB，超过上限 100 MB" in done.stderr


def test_too_large_and_bad_options(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(copied_text(CITY), encoding="utf-8")
    done = run("import", "r.txt", "--max-bytes", "100", cwd=tmp_path)
    assert done.returncode == 2 and "超过上限 100 字节" in done.stderr  # the one DL007 text, as lint says it
    for option in (["--date", "26/01/2024"], ["--kind", "区县"], ["--lang", "fr"]):
        done = run("import", "r.txt", *option, cwd=tmp_path)
        assert done.returncode == 2 and done.stderr.startswith("disclosure-lint import: error: --")


# ---------------------------------------------------------------- robustness


_LINES = copied_text(CITY).split("\n")
_PAGE = web_page(CITY)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(
            st.integers(0, len(_LINES) - 1), st.sampled_from(["drop", "twice", "junk", "tabs", "spaces"])
        ),
        max_size=8,
    ),
    junk=st.text(min_size=1, max_size=20),
)
def test_mangled_text_imports_without_a_fault(edits: list[tuple[int, str]], junk: str) -> None:
    lines = list(_LINES)
    for index, what in edits:
        index %= len(lines)
        if what == "drop":
            del lines[index]
        elif what == "twice":
            lines.insert(index, lines[index])
        elif what == "junk":
            lines.insert(index, junk)
        elif what == "tabs":
            lines[index] = lines[index].replace(" ", "\t")
        else:
            lines[index] = lines[index].replace("\t", " ")
        if not lines:
            lines = ["x"]
    try:
        imported = import_bytes("\n".join(lines).encode("utf-8"), "text", "r.txt")
    except Exception as error:  # only "not a report" may stop it
        assert type(error).__name__ == "ReadError", error
        return
    assert load_text(imported.yaml, "r.yaml").report is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cut=st.integers(0, len(_PAGE)),
    length=st.integers(0, 400),
    junk=st.sampled_from(["", "<td>", "</tr>", "<table>", "<br>", "<td rowspan=9 colspan=0>"]),
)
def test_mangled_html_imports_without_a_fault(cut: int, length: int, junk: str) -> None:
    page = _PAGE[:cut] + junk + _PAGE[cut + length :]
    try:
        imported = import_bytes(page.encode("utf-8"), "html", "r.html")
    except Exception as error:
        assert type(error).__name__ == "ReadError", error
        return
    assert load_text(imported.yaml, "r.yaml").report is not None


def test_a_word_table_merged_from_nothing_still_imports() -> None:
    docx = pytest.importorskip("docx")
    from docx.oxml import OxmlElement

    document = docx.Document(io.BytesIO(word_document(CITY)))
    first = document.tables[-1].rows[0].cells[0]._tc  # table 四's first cell: says it continues a cell above
    first.get_or_add_tcPr().append(OxmlElement("w:vMerge"))
    stream = io.BytesIO()
    document.save(stream)
    imported = import_bytes(stream.getvalue(), "docx", "r.docx")
    assert data_of(imported.yaml)[s.PART4] == CITY[s.PART4]


def test_copied_text_in_gbk_reads_as_its_utf8_twin_without_an_encoding_warning(tmp_path: Path) -> None:
    # A crawled page saved as GBK goes through the project's one decoder; the encoding is the
    # publisher's web server's, so it is not reported against the report (DL003 is for YAML).
    text = copied_text(CITY)
    utf8 = import_bytes(text.encode("utf-8"), "text", "page.txt", comments=False).yaml
    gbk = import_bytes(text.encode("gb18030"), "text", "page.txt", comments=False).yaml
    assert gbk == utf8
    target = tmp_path / "page.txt"
    target.write_bytes(text.encode("gb18030"))
    assert "DL003" not in run(target.name, cwd=tmp_path).stdout


def test_a_damaged_byte_in_a_copied_utf8_text_is_named_where_it_is(tmp_path: Path) -> None:
    raw = copied_text(CITY).encode("utf-8")
    cut = raw.index("主动公开".encode()) + 1  # inside a character: not UTF-8 any more
    target = tmp_path / "page.txt"
    target.write_bytes(raw[:cut] + raw[cut + 1 :])
    done = run(target.name, cwd=tmp_path)
    assert done.returncode == 2
    line = raw[:cut].count(b"\n") + 1
    assert done.stdout.startswith(f"page.txt:{line}:")
    assert "DL002" in done.stdout.splitlines()[0]
