"""Bytes to text, once for every input: what a file is when it is not text (Word, PDF, images,
archives), byte-order marks, UTF-8, and legacy Chinese encodings (GB18030 family, Big5) read
with a DL003 warning so that the clerk can re-save the file as UTF-8."""

from __future__ import annotations

import codecs
import io
import re

from . import messages as m
from .findings import START, Finding
from .yaml_errors import pos_at

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


_OFFICE_ZIP = (
    ("word/", "Word 文档（.docx，ZIP 格式）", "a Word document (.docx, a ZIP file)"),
    ("xl/", "Excel 表格（.xlsx，ZIP 格式）", "an Excel workbook (.xlsx, a ZIP file)"),
    ("ppt/", "PowerPoint 演示文稿（.pptx，ZIP 格式）", "a PowerPoint presentation (.pptx, a ZIP file)"),
    ("OFD.xml", "OFD 版式文件（.ofd，ZIP 格式）", "an OFD document (.ofd, a ZIP file)"),
)


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word, Excel and WPS before 2007
_SIGNATURES = (
    (_OLE, "旧版 Word/Excel/WPS 文件（.doc、.xls、.wps）", "a legacy Word/Excel/WPS file (.doc, .xls, .wps)"),
    (b"%PDF-", "PDF 文件", "a PDF file"),
    (b"{\\rtf", "RTF 格式的 Word 文档", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF87a", "GIF 图片", "a GIF image"),
    (b"GIF89a", "GIF 图片", "a GIF image"),
    (b"Rar!\x1a\x07", "RAR 压缩文件", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩文件", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩文件", "a gzip archive"),
)  # fmt: skip


_MARKUP = re.compile(rb"\s*(<(?:!doctype\s+html|html|\?xml|w:document))", re.IGNORECASE)


def binary_format(raw: bytes, filename: str = "") -> Finding | None:
    """A document, image or archive saved with a .yaml name, recognised by its first bytes; a Word,
    PDF or web page (what `import` reads) gets the command that turns it into YAML."""
    kind: tuple[str, str] | None = None
    suffix = ""  # the suffix `import` reads such a file under
    if raw.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        kind = _zip_kind(raw)
        suffix = ".docx" if kind[0].startswith("Word") else ""
    else:
        for signature, zh, en in _SIGNATURES:
            if raw.startswith(signature):
                kind = (zh, en)
                suffix = ".pdf" if signature == b"%PDF-" else ".docx" if signature == _OLE else ""
                break
        else:
            markup = _MARKUP.match(raw.removeprefix(codecs.BOM_UTF8))
            if markup:
                html = markup.group(1).lower().startswith((b"<!doctype", b"<html"))
                kind = ("网页（HTML）", "a web page (HTML)") if html else ("XML 文件", "an XML file")
                suffix = ".html" if html else ""
    if kind is None:
        return None
    zh, en = kind
    space = " " if zh[0].isascii() else ""
    if suffix:
        how, how_en = _import_advice(filename, suffix, legacy=raw.startswith(_OLE))
        named = _suffix(filename)
        return m.NOT_A_REPORT.at(
            START,
            reason=f"这个文件是{space}{zh}，不是 YAML 文本文件{f'（只是名字以 {named} 结尾）' if named else ''}：{how}",
            reason_en=f"this file is {en}, not YAML text{f' (only its name ends in {named})' if named else ''}: {how_en}",
        )
    return m.NOT_A_REPORT.at(
        START,
        reason=f"这个文件是{space}{zh}，不是 YAML 文本文件：报告要按 README 的格式写成 UTF-8 编码的 YAML 文本文件（.yaml）再检查",
        reason_en=f"this file is {en}, not a YAML text file: write the report as UTF-8 YAML text (.yaml) as the README shows, then check it",
    )


def _suffix(filename: str) -> str:
    from pathlib import PurePath

    return PurePath(filename).suffix if filename else ""


def _import_advice(filename: str, suffix: str, legacy: bool) -> tuple[str, str]:
    """What to type to turn the document into a YAML report: rename it, then `import` it."""
    import shlex
    from pathlib import PurePath

    path = PurePath(filename) if filename and not filename.startswith("<") else PurePath("report.yaml")
    document, report = shlex.quote(str(path.with_suffix(suffix))), shlex.quote(str(path.with_suffix(".yaml")))
    command = f"disclosure-lint import {document} -o {report}"
    if legacy:
        return (
            f"本工具读不了旧版格式，请在 Word 或 WPS 中把它另存为 {document}，再运行 {command} 转成 YAML 报告",
            f"the old format cannot be read: save it from Word or WPS as {document}, then run {command} "
            "to turn it into a YAML report",
        )
    return (
        f"请把它改名为 {document}，再运行 {command} 转成 YAML 报告（也可以直接检查：disclosure-lint {document}）",
        f"rename it to {document} and run {command} to turn it into a YAML report "
        f"(or check it as it is: disclosure-lint {document})",
    )


def _zip_kind(raw: bytes) -> tuple[str, str]:
    import zipfile  # only for a file that starts like a ZIP archive

    names: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:  # reads the directory only, never a member
            names = archive.namelist()
    except Exception:  # a truncated or damaged archive: the first local header still names a member
        names = [raw[30 : 30 + int.from_bytes(raw[26:28], "little")].decode("cp437")] if len(raw) > 30 else []
    for prefix, zh, en in _OFFICE_ZIP:
        if any(name.startswith(prefix) for name in names):
            return zh, en
    return "ZIP 压缩文件", "a ZIP archive"


def decode(raw: bytes, findings: list[Finding]) -> str | None:
    return decode_with_codec(raw, findings)[0]


def decode_with_codec(raw: bytes, findings: list[Finding]) -> tuple[str | None, str]:
    """The text and the codec that read it (`--fix` writes a file back in its own encoding)."""
    for bom, codec, label in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as error:
                findings.append(_undecodable(raw, error.start, codec))
                return None, codec
            if label != "UTF-8":
                findings.append(m.LEGACY_ENCODING.at(START, encoding=label))
            return text, codec
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        codec, label = utf16
        findings.append(m.LEGACY_ENCODING.at(START, encoding=label))
        return raw.decode(codec), codec
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        first_bad = error.start
    if _mostly_utf8(raw):
        # A UTF-8 file with a damaged byte: reading it all as GBK would only give mojibake.
        findings.append(_undecodable(raw, first_bad, "utf-8"))
        return None, "utf-8"
    try:
        text: str | None = raw.decode("gb18030")
        gbk_error: UnicodeDecodeError | None = None
    except UnicodeDecodeError as error:
        text, gbk_error = None, error
    detected = _detect_cjk(raw, gbk_readable=gbk_error is None)
    if detected is not None:
        codec, label = detected
        findings.append(m.LEGACY_ENCODING.at(START, encoding=label))
        return raw.decode(codec), codec
    if gbk_error is not None:
        # Neither: the encoding that read further is the likelier one, so its first bad byte is shown.
        if gbk_error.start > first_bad:
            findings.append(_undecodable(raw, gbk_error.start, "gb18030"))
        else:
            findings.append(_undecodable(raw, first_bad, "utf-8"))
        return None, "utf-8"
    findings.append(m.LEGACY_ENCODING.at(START, encoding="GBK/GB18030"))
    return text, "gb18030"


# East Asian encodings other than GBK that a report may arrive in, with the name the user knows.
_CJK_LABELS = {
    "big5": "Big5",
    "big5hkscs": "Big5",
    "cp950": "Big5",
    "shift_jis": "Shift-JIS",
    "cp932": "Shift-JIS",
    "shift_jis_2004": "Shift-JIS",
    "shift_jisx0213": "Shift-JIS",
    "euc_jp": "EUC-JP",
    "euc_jis_2004": "EUC-JP",
    "euc_jisx0213": "EUC-JP",
    "cp949": "EUC-KR",
    "euc_kr": "EUC-KR",
}


def _detect_cjk(raw: bytes, gbk_readable: bool) -> tuple[str, str] | None:
    """(codec, label) when the bytes are Big5, Shift-JIS, EUC-JP or EUC-KR rather than GBK.

    Almost any Big5 or Shift-JIS file also decodes as GB18030, into nonsense, so decoding alone
    cannot tell them apart; charset-normalizer (well kept, MIT) judges which decoding reads as
    language. GBK stays the answer whenever it is among its candidates, since a short GBK text
    can also pass for Korean; None means GBK (or undecodable, as before)."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a dependency; without it, GBK as before
        return None
    candidates = [match.encoding for match in from_bytes(raw[:262_144])]
    if not candidates or (gbk_readable and "gb18030" in candidates):
        return None
    best = candidates[0]
    if best not in _CJK_LABELS:
        return None
    try:
        raw.decode(best)
    except (UnicodeDecodeError, LookupError):
        return None
    return best, _CJK_LABELS[best]


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 saved without a byte order mark: the ASCII of keys, spaces and digits leaves zero bytes
    on one side of every pair. None unless the file decodes cleanly that way."""
    head = raw[:4096]
    if len(raw) % 2 or len(head) < 8:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    for zeros, other, codec, label in (
        (odd, even, "utf-16-le", "UTF-16LE"),
        (even, odd, "utf-16-be", "UTF-16BE"),
    ):
        if zeros * 4 >= pairs and other * 8 <= zeros:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return (codec, label) if "\x00" not in text else None
    return None


def _mostly_utf8(raw: bytes) -> bool:
    """Many valid multi-byte UTF-8 characters and few bad bytes: UTF-8 with damage, not GBK.

    GBK text read as UTF-8 gives about five bad bytes for every character that happens to decode."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return good >= 8 * bad


def _undecodable(raw: bytes, offset: int, codec: str) -> Finding:
    before = raw[:offset].decode(codec, errors="replace").replace("\r\n", "\n")
    pos = pos_at(before, len(before))
    return m.ENCODING.at(pos, byte=f"0x{raw[offset]:02X}")
