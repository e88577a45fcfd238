"""`disclosure-lint render`: the official document from YAML, and back again by import."""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import CITY_BUREAU, EXAMPLES, SEED_EXAMPLE, edit
from test_cli import run

from disclosure_lint import statute as s
from disclosure_lint.importer import import_file
from disclosure_lint.loader import load_file, load_text

BROKEN = EXAMPLES / "broken-2023.yaml"


def data_of(path: Path) -> dict[str, Any]:
    loaded = load_file(path)
    assert loaded.report is not None
    return loaded.report.data


def imported_data(path: Path) -> dict[str, Any]:
    imported = import_file(path)
    assert [n for n in imported.draft.notes if n.text] == [], imported.draft.notes
    loaded = load_text(imported.yaml, "back.yaml")
    assert loaded.report is not None
    return loaded.report.data


@pytest.mark.parametrize("suffix", [".html", ".docx"])
@pytest.mark.parametrize("report", [SEED_EXAMPLE, CITY_BUREAU], ids=["seed example", "city bureau"])
def test_round_trip_gives_back_the_same_data(tmp_path: Path, report: Path, suffix: str) -> None:
    if suffix == ".docx":
        pytest.importorskip("docx")
    out = tmp_path / f"report{suffix}"
    done = run("render", report, "-o", out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "" and done.stderr == ""
    assert imported_data(out) == data_of(report)
    linted = run(out)
    assert linted.returncode == 0, linted.stdout


@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_a_report_with_errors_is_refused_unless_forced(tmp_path: Path, suffix: str) -> None:
    if suffix == ".docx":
        pytest.importorskip("docx")
    out = tmp_path / f"broken{suffix}"
    done = run("render", BROKEN, "-o", out)
    assert done.returncode == 1
    assert not out.exists()
    assert f"{BROKEN}:37:36: DL205" in done.stdout  # the findings, as the linter prints them
    assert done.stderr.strip().endswith("not rendered (fix them, or use --force to render anyway)")
    done = run("render", BROKEN, "-o", out, "--force")
    assert done.returncode == 0, done.stderr
    back, original = imported_data(out), data_of(BROKEN)
    original[s.PART5] = original.pop("五、存在的主要问题及改进情况")  # rendered under its statutory heading
    assert back == original  # "/", "１２" and the fee in 元 come back exactly as written


def test_html_tables_have_the_merged_cells_of_the_format(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert run("render", CITY_BUREAU, "-o", out).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert (
        '<th rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>'
        in page
    )
    assert '<th colspan="7">申请人情况</th>' in page
    assert '<th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th>' in page
    assert '<td rowspan="22" class="label">三、本年度办理结果</td>' in page
    assert '<td rowspan="8" class="label">（三）不予公开</td>' in page
    assert '<th colspan="5">行政复议</th><th colspan="10">行政诉讼</th>' in page
    assert '<th colspan="4">第二十条第（八）项</th>' in page
    assert '<td colspan="3">12.35</td>' in page  # the fee, exactly as in the YAML
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")  # self-contained
    assert "<h1>示例市自然资源和规划局2023年政府信息公开工作年度报告</h1>" in page
    assert '<p class="signature first">示例市自然资源和规划局</p>' in page
    assert re.search(
        r"<p>2023年，我局通过门户网站主动公开政府信息412条，.*<br>\n规划公示和批后公布375条。</p>", page
    )


def test_numbers_are_written_as_the_yaml_writes_them(tmp_path: Path) -> None:
    text = edit(CITY_BUREAU.read_text(encoding="utf-8"), "本年收费金额: 12.35", "本年收费金额: 12.30")
    report = tmp_path / "r.yaml"
    report.write_text(text, encoding="utf-8")
    assert run("render", report.name, "-o", "r.html", cwd=tmp_path).returncode == 0
    assert '<td colspan="3">12.30</td>' in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_word_tables_are_merged_as_in_the_format(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    out = tmp_path / "r.docx"
    assert run("render", CITY_BUREAU, "-o", out).returncode == 0
    document = docx.Document(str(out))
    part2, part3, part4 = document.tables
    assert part3.cell(0, 0)._tc is part3.cell(2, 2)._tc  # the note: three rows by three columns
    assert part3.cell(0, 3)._tc is part3.cell(0, 9)._tc and part3.cell(0, 3).text == "申请人情况"
    assert part3.cell(5, 0)._tc is part3.cell(26, 0)._tc and part3.cell(5, 0).text == "三、本年度办理结果"
    assert [part3.cell(3, c).text for c in range(3, 10)] == ["52", "8", "1", "0", "3", "2", "66"]
    assert part4.cell(0, 5)._tc is part4.cell(0, 14)._tc and part4.cell(0, 5).text == "行政诉讼"
    assert [part4.cell(3, c).text for c in range(15)] == [
        "2", "1", "0", "1", "4", "1", "0", "0", "1", "2", "0", "0", "0", "0", "0",
    ]  # fmt: skip
    assert part2.cell(13, 1)._tc is part2.cell(13, 3)._tc and part2.cell(13, 1).text == "12.35"
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:3] == [
        "示例市自然资源和规划局2023年政府信息公开工作年度报告",
        "一、总体情况",
        "（一）主动公开",
    ]
    assert texts[-2:] == ["示例市自然资源和规划局", "2024年1月26日"]


def test_markdown(tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert run("render", CITY_BUREAU, "-o", out).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("# 示例市自然资源和规划局2023年政府信息公开工作年度报告\n")
    assert "| 一、本年新收政府信息公开申请数量 | 52 | 8 | 1 | 0 | 3 | 2 | 66 |" in page
    assert "| 三、本年度办理结果·（三）不予公开·1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |" in page
    assert "| 行政诉讼·未经复议直接起诉 | 1 | 0 | 0 | 1 | 2 |" in page
    assert "### （四）政府信息公开平台建设" in page


def test_render_a_published_document_after_importing_it(tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    assert run("render", CITY_BUREAU, "-o", html).returncode == 0
    done = run("render", html, "-o", tmp_path / "r.md")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "out.pdf"], "cannot tell the format of out.pdf"),
        (["-o", "out.html", "--lang", "fr"], "--lang must be one of"),
    ],
)
def test_bad_options_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    done = run("render", CITY_BUREAU, *args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr


def test_unreadable_report_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("机关: [1, 2\n", encoding="utf-8")
    done = run("render", "bad.yaml", "-o", "out.html", "--force", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.startswith("bad.yaml:1:")
    assert (
        done.stderr
        == "disclosure-lint render: error: bad.yaml: cannot be read as a report; nothing written\n"
    )
    assert not (tmp_path / "out.html").exists()
    done = run("render", "missing.yaml", "-o", "out.html", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_unwritable_output_exits_2(tmp_path: Path) -> None:
    done = run("render", CITY_BUREAU, "-o", tmp_path / "no" / "such" / "dir" / "r.html")
    assert done.returncode == 2 and done.stderr.startswith("disclosure-lint render: error: cannot write")


# ---------------------------------------------------------------- in a real browser

_MEASURE = """
<script>
window.addEventListener('load', () => {
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const find = (table, text) => [...table.querySelectorAll('th,td')].find((c) => c.textContent === text);
  const [t2, t3, t4] = document.querySelectorAll('table');
  const out = {
    main: box(document.querySelector('main')),
    tables: [t2, t3, t4].map(box),
    applicants: box(find(t3, '申请人情况')), natural: box(find(t3, '自然人')), total: box(find(t3, '总计')),
    results: box(find(t3, '三、本年度办理结果')), firstResult: box(find(t3, '（一）予以公开')),
    lastResult: box(find(t3, '（七）总计')),
    litigation: box(find(t4, '行政诉讼')), direct: box(find(t4, '未经复议直接起诉')),
    afterReview: box(find(t4, '复议后起诉')), numbers: [...t4.rows[3].cells].map(box),
  };
  const pre = document.createElement('pre'); pre.id = 'measure'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script>
"""


def test_a_browser_lays_the_tables_out_as_the_format(tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        pytest.skip("no headless Chromium here (apt-get install chromium)")
    out = tmp_path / "r.html"
    assert run("render", CITY_BUREAU, "-o", out).returncode == 0
    page = out.read_text(encoding="utf-8").replace("</body>", _MEASURE + "</body>")
    out.write_text(page, encoding="utf-8")
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,2000",
         "--virtual-time-budget=5000", "--dump-dom", out.as_uri()],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    found = re.search(r'<pre id="measure">(.*?)</pre>', done.stdout)
    assert found, done.stderr[-2000:]
    box = json.loads(found.group(1).replace("&quot;", '"'))
    main = box["main"]
    for table in box["tables"]:  # every table fits the page
        assert main[0] <= table[0] and table[2] <= main[2]
    near = pytest.approx
    # 申请人情况 spans from 自然人 to 总计; 三、本年度办理结果 runs down from （一） to （七）
    assert box["applicants"][0] == near(box["natural"][0], abs=1) and box["applicants"][2] == near(
        box["total"][2], abs=1
    )
    assert box["results"][1] == near(box["firstResult"][1], abs=1)
    assert box["results"][3] == near(box["lastResult"][3], abs=1)
    # table 四: 行政诉讼 over both suits, one row of fifteen numbers side by side
    assert box["litigation"][0] == near(box["direct"][0], abs=1)
    assert box["litigation"][2] == near(box["afterReview"][2], abs=1)
    numbers = box["numbers"]
    assert len(numbers) == 15 and all(a[2] == near(b[0], abs=1) for a, b in itertools.pairwise(numbers))


def test_docx_render_without_python_docx_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    from typer.testing import CliRunner

    from disclosure_lint.render.cli import app

    real_import = builtins.__import__

    def no_docx(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "docx" or name.startswith("docx."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    result = CliRunner().invoke(app, [str(CITY_BUREAU), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2
    assert "pip install 'disclosure-lint[docx]'" in result.output
