"""Word text inside inline elements: what a .docx prints is what the importer reads.

Word wraps runs in elements of their own: a smart tag round a date or a number (WPS and Chinese
Office mark dates as `chsdate`), a tracked insertion not yet accepted, a content control, a
simple field. python-docx's `Paragraph.text` reads only the runs directly under a paragraph, so
such a date or figure used to vanish; a tracked deletion is not printed and must stay unread.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from test_import_layouts import CITY, word_document

from disclosure_lint import statute as s
from disclosure_lint.importer import import_bytes
from disclosure_lint.loader import load_text

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

NEW_ROW = 3  # table 三: three header rows, then 一、本年新收…
NATURAL_PERSONS = 3  # the first applicant column


def _data(raw: bytes) -> dict[str, Any]:
    loaded = load_text(import_bytes(raw, "docx", "r.docx").yaml, "imported.yaml")
    assert loaded.report is not None
    return loaded.report.data


def _saved(document: Any) -> bytes:
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def _replace_runs(paragraph: Any, xml: str) -> None:
    """The paragraph's runs replaced by `xml` (elements in the w: namespace)."""
    p = paragraph._p
    for run in list(p.r_lst):
        p.remove(run)
    for element in parse_xml(f"<w:wrap {nsdecls('w')}>{xml}</w:wrap>"):
        p.append(element)


def _run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def test_a_cell_edited_with_track_changes_reads_as_printed() -> None:
    document = docx.Document(io.BytesIO(word_document(CITY)))
    expected = CITY[s.PART3][s.NEW][0]
    assert expected >= 10, "the figure needs two digits to split over an insertion"
    head, tail = str(expected)[:-1], str(expected)[-1]
    cell = document.tables[-2].cell(NEW_ROW, NATURAL_PERSONS)
    _replace_runs(
        cell.paragraphs[0],
        _run(head)
        + '<w:del w:id="1" w:author="clerk"><w:r><w:delText>9</w:delText></w:r></w:del>'
        + f'<w:ins w:id="2" w:author="clerk">{_run(tail)}</w:ins>',
    )
    assert cell.text == head  # python-docx alone reads only the run outside the insertion
    assert _data(_saved(document))[s.PART3][s.NEW] == CITY[s.PART3][s.NEW]


def test_a_date_in_a_smart_tag_is_the_report_date() -> None:
    document = docx.Document(io.BytesIO(word_document(CITY)))
    signature = document.paragraphs[-1]
    assert signature.text == "二〇二四年一月二十六日"
    _replace_runs(
        signature,
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate">'
        '<w:smartTagPr><w:attr w:name="Year" w:val="2024"/></w:smartTagPr>'
        f"{_run('2024年1月26日')}</w:smartTag>",
    )
    assert signature.text == ""
    assert str(_data(_saved(document))[s.PUBLISHED]) == "2024-01-26"


@pytest.mark.parametrize(
    "wrap",
    [
        "<w:sdt><w:sdtPr/><w:sdtContent>{}</w:sdtContent></w:sdt>",
        '<w:fldSimple w:instr=" MERGEFIELD 数量 ">{}</w:fldSimple>',
        '<w:customXml w:element="figure">{}</w:customXml>',
        '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv">{}</w:smartTag>',
        '<w:hyperlink w:anchor="t3">{}</w:hyperlink>',
    ],
)
def test_a_figure_wrapped_in_an_inline_element_is_read(wrap: str) -> None:
    document = docx.Document(io.BytesIO(word_document(CITY)))
    expected = CITY[s.PART3][s.NEW][NATURAL_PERSONS - 3]
    cell = document.tables[-2].cell(NEW_ROW, NATURAL_PERSONS)
    _replace_runs(cell.paragraphs[0], wrap.format(_run(str(expected))))
    assert _data(_saved(document))[s.PART3][s.NEW] == CITY[s.PART3][s.NEW]


def test_text_moved_away_with_track_changes_is_not_read() -> None:
    document = docx.Document(io.BytesIO(word_document(CITY)))
    expected = CITY[s.PART3][s.NEW][0]
    cell = document.tables[-2].cell(NEW_ROW, NATURAL_PERSONS)
    _replace_runs(
        cell.paragraphs[0],
        '<w:moveFrom w:id="3" w:author="clerk"><w:r><w:t>7</w:t></w:r></w:moveFrom>' + _run(str(expected)),
    )
    assert _data(_saved(document))[s.PART3][s.NEW] == CITY[s.PART3][s.NEW]
