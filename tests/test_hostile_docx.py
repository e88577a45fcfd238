"""Issue 14, bounded work: a .docx that would take more memory or time than a report needs.

Each limit (decompressed size, XML size, part count, XML depth, XML element count, a DTD) is
checked on the ZIP's central directory and with a streaming XML pass before python-docx
parses anything, and each gives one DL007 finding.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from test_cli import run

from disclosure_lint.importer import word
from disclosure_lint.importer.model import ReadError

pytest.importorskip("docx")

HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
TAIL = b"</w:body></w:document>"


def docx_with(body_chunks: list[bytes], extra: dict[str, bytes] | None = None, level: int = 9) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as stream:
            stream.write(HEAD)
            for chunk in body_chunks:
                stream.write(chunk)
            stream.write(TAIL)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """About 605 KB that unpack to some 396 MiB of empty paragraphs (the issue's Word bomb)."""
    chunk = b"<w:p/>" * (1 << 18)
    return docx_with([chunk] * 264)


def _refusal(raw: bytes) -> tuple[str, str]:
    with pytest.raises(ReadError) as caught:
        word.read_docx(raw)
    finding = caught.value.finding
    return finding.code, finding.message("en")


def test_the_605_kb_bomb_is_refused_within_a_second_and_100_mb(bomb: bytes) -> None:
    assert 550_000 < len(bomb) < 660_000
    tracemalloc.start()
    started = time.perf_counter()
    code, message = _refusal(bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert (code, message) == (
        "DL007",
        "the Word file unpacks to 396 MB, more than the limit of 100 MB",
    )
    assert elapsed < 1.0 and peak < 100 * 1024 * 1024


def test_the_bomb_through_the_command_is_one_finding_and_exit_2(bomb: bytes, tmp_path: Path) -> None:
    (tmp_path / "bomb.docx").write_bytes(bomb)
    (tmp_path / "also.docx").write_bytes(bomb)
    started = time.perf_counter()
    done = run("bomb.docx", "also.docx", "--lang", "en", cwd=tmp_path)
    assert time.perf_counter() - started < 10
    assert done.returncode == 2 and done.stderr == ""
    lines = [line for line in done.stdout.splitlines() if ": DL" in line]
    assert lines == [
        "also.docx:1:1: DL007 the Word file unpacks to 396 MB, more than the limit of 100 MB",
        "bomb.docx:1:1: DL007 the Word file unpacks to 396 MB, more than the limit of 100 MB",
    ] or lines == [
        "bomb.docx:1:1: DL007 the Word file unpacks to 396 MB, more than the limit of 100 MB",
        "also.docx:1:1: DL007 the Word file unpacks to 396 MB, more than the limit of 100 MB",
    ]


def test_too_many_xml_elements_under_the_size_limits() -> None:
    raw = docx_with([b"<w:p/>" * (word.MAX_XML_NODES + 10)])
    assert _refusal(raw) == ("DL007", f"the Word file's XML has more than {word.MAX_XML_NODES} elements")


def test_xml_nested_too_deep() -> None:
    depth = word.MAX_XML_DEPTH + 50
    raw = docx_with([b"<w:sdt><w:sdtContent>" * depth, b"</w:sdtContent></w:sdt>" * depth])
    assert _refusal(raw) == (
        "DL007",
        f"word/document.xml in the Word file nests more than {word.MAX_XML_DEPTH} levels deep",
    )


def test_too_much_xml_even_when_the_total_is_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(word, "MAX_XML_BYTES", 1024 * 1024)
    raw = docx_with([b" " * (2 * 1024 * 1024)])
    assert _refusal(raw) == ("DL007", "the Word file's XML unpacks to 2 MB, more than the limit of 1 MB")


def test_too_many_parts() -> None:
    raw = docx_with([b"<w:p/>"], {f"word/media/p{i}.bin": b"x" for i in range(word.MAX_ENTRIES)})
    assert _refusal(raw) == (
        "DL007",
        f"the Word file has {word.MAX_ENTRIES + 2} parts, more than the limit of {word.MAX_ENTRIES}",
    )


def test_a_dtd_is_refused_before_any_entity_is_expanded() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", laughs)
    assert _refusal(buffer.getvalue()) == ("DL007", "word/document.xml in the Word file holds a DTD")


def test_a_part_that_claims_less_than_it_holds_is_damaged_not_grown() -> None:
    raw = bytearray(docx_with([b"<w:p/>" * 50_000]))
    # Rewrite the central directory's uncompressed size of word/document.xml to 100 bytes.
    at = raw.rindex(b"PK\x01\x02", 0, raw.rindex(b"word/document.xml"))
    raw[at + 24 : at + 28] = (100).to_bytes(4, "little")
    code, _ = _refusal(bytes(raw))
    assert code in ("DL001", "DL007")  # damaged or refused; never the 300 KB it hides, never a crash
