"""Import a published report (HTML, Word .docx, or text copied from a page) as a YAML report.

`import_file` gives the YAML text and what could not be placed; `load_document`
imports in memory for the linter, with every position pointing into the source
document rather than into the YAML it was turned into.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from .. import messages as m
from .. import statute as s
from ..document import Report, Scalar
from ..findings import START, Path, Pos
from ..intake import MAX_BYTES, PDF_BYTES_FACTOR, READERS, limit_for, read
from ..loader import Loaded, load_text
from .draft import Draft, Lost
from .model import ReadError, Source
from .recognise import guess_kind, recognise

__all__ = [
    "PDF_BYTES_FACTOR",
    "SUFFIXES",
    "UNPLACED",
    "Imported",
    "ReadError",
    "import_bytes",
    "import_file",
    "load_document",
]

# The documents of the one suffix table (intake.READERS): what import reads.
SUFFIXES = {suffix: reader for suffix, reader in READERS.items() if reader != "yaml"}
UNPLACED = m.UNPLACED  # declared with the core rules, so --list-rules and --explain know it


@dataclass
class Imported:
    draft: Draft
    source: Source
    yaml: str


def import_bytes(
    raw: bytes,
    kind: str,
    name: str,
    overrides: dict[str, Any] | None = None,
    schema: str | None = None,
    comments: bool = True,
) -> Imported:
    """Read a document's bytes (`kind` is text, html, docx or pdf) into a draft and its YAML. Raises ReadError.

    `overrides` sets metadata the document does not give (or gives wrongly), e.g. {"发布日期": "2024-01-22"};
    `schema` is the schema reference written in the first comment line for editors; `comments` false leaves
    out the comments listing what was not placed (the linter reports those as findings instead).
    """
    from .emit import to_yaml

    if kind == "html":
        from .html import read_html

        source = read_html(raw)
    elif kind == "docx":
        from .word import read_docx

        source = read_docx(raw)
    elif kind == "pdf":
        from .pdf import read_pdf

        source = read_pdf(raw)
    else:
        from .text import read_text

        source = read_text(raw, markdown=True if kind == "markdown" else None)
    from .hant import read_as_simplified

    read_as_simplified(source)
    draft = recognise(source)
    if not draft.parts:
        raise ReadError(
            m.NOT_A_REPORT.at(
                START,
                reason="没有找到年度报告的任何部分（“一、总体情况”等标题或法定表格），不像一份政府信息公开工作年度报告",
                reason_en="none of the report's parts was found (headings such as 一、总体情况, or the statutory tables)",
            )
        )
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    draft.guessed -= set(given)
    if s.AGENCY in given and s.KIND not in given:
        given[s.KIND], sure = guess_kind(given[s.AGENCY])
        if not sure:
            draft.guessed.add(s.KIND)
    for key, value in given.items():
        draft.meta[key] = value
        draft.unstated.discard(key)
        draft.notes = [note for note in draft.notes if note.key != key]
    return Imported(draft, source, to_yaml(draft, name, schema, comments))


def kind_of(path: FsPath) -> str | None:
    return SUFFIXES.get(path.suffix.lower())


def read_bytes(path: FsPath, max_bytes: int) -> bytes:
    """The file's bytes, or ReadError with the finding the linter gives for an unreadable file."""
    raw = read(path, max_bytes)
    if not isinstance(raw, bytes):
        raise ReadError(raw)
    return raw


def import_file(
    path: FsPath,
    max_bytes: int = MAX_BYTES,
    overrides: dict[str, Any] | None = None,
    name: str | None = None,
    schema: str | None = None,
    comments: bool = True,
) -> Imported:
    kind = kind_of(path)
    if kind is None:
        raise ReadError(
            m.UNREADABLE.at(
                START,
                reason=f"不认识的文件类型“{path.suffix}”：能导入的是 .html、.htm、.docx、.pdf、.txt 和 .md",
                reason_en=f"unknown file type '{path.suffix}': import reads .html, .htm, .docx, .pdf, .txt and .md",
            )
        )
    raw = read_bytes(path, limit_for(kind, max_bytes))
    return import_bytes(raw, kind, name or path.name, overrides, schema, comments)


def load_document(
    path: FsPath, max_bytes: int = MAX_BYTES, overrides: dict[str, Any] | None = None
) -> Loaded:
    """Import a published document in memory and load it as a report whose positions point into the document.

    `overrides` supplies metadata the document does not state (--date, --year, --agency, --kind).
    Cells the importer could not read are findings of its own (DL020) and listed in
    `Report.unreadable`, so no rule blames the publisher for them; metadata the document does
    not state is an INFO finding (DL021), metadata inferred goes to `Report.guessed` (DL022).
    """
    filename = str(path)
    try:
        imported = import_file(path, max_bytes, overrides, name=path.name, comments=False)
    except ReadError as error:
        return Loaded(None, [error.finding])
    loaded = load_text(imported.yaml, filename)
    if loaded.report is None:  # our own YAML did not load: a fault of the importer
        raise RuntimeError(f"the imported YAML does not load: {loaded.findings[0].message('en')}")
    draft = imported.draft
    report = loaded.report.relocated(
        imported.source.text,
        _where(draft),
        _as_written(loaded.report, draft),
        glyphs=draft.glyphs,
        guessed=frozenset(draft.guessed),
        unreadable=frozenset(path for lost in draft.lost for path in lost.paths),
        unstated=frozenset(draft.unstated),
    )
    findings = [*imported.source.problems, *loaded.findings]
    for note in draft.notes:
        if note.text:
            text = note.text if len(note.text) <= 60 else note.text[:60] + "…"
            findings.append(UNPLACED.at(note.pos, (), why=note.why, why_en=note.why_en, text=text))
    findings += [_lost_finding(lost) for lost in draft.lost if not lost.reported]
    findings += draft.findings
    for key in sorted(draft.unstated, key=_META_ORDER.index):
        hint, hint_en = _NOT_STATED_HINTS[key]
        findings.append(m.NOT_STATED.at(START, (key,), key=key, hint=hint, hint_en=hint_en))
    for key in sorted(draft.guessed & {s.KIND}):
        value = draft.meta.get(key, "")
        findings.append(
            m.GUESSED.at(
                report.values.get((key,), START),
                (key,),
                key=key,
                value=value,
                basis="机关名称",
                basis_en="the agency's name",
                option="--kind",
            )
        )
    if not imported.source.is_file:
        return Loaded(report, findings)
    # Positions the document itself gave, each character of its texts included.
    texts = (place for places in draft.glyphs.values() for place in places)
    exact = frozenset((*report.values.values(), *report.keys.values(), *(f.pos for f in findings), *texts))
    return Loaded(report, findings, imported.source.text, exact)


_META_ORDER = [s.AGENCY, s.YEAR, s.KIND, s.PUBLISHED, s.VERSION]
_NOT_STATED_HINTS = {
    s.AGENCY: ("，机关名称无从核对；可用 --agency 写明", "; give it with --agency"),
    s.YEAR: ("，报告年度无从核对；可用 --year 写明", "; give it with --year"),
    s.KIND: ("；可用 --kind 写明", "; give it with --kind"),
    s.PUBLISHED: (
        "，没有检查发布期限；发布后可用 --date 写明",
        ", so the publication deadline was not checked; give it with --date once published",
    ),
    s.VERSION: ("", ""),
}


def _lost_finding(lost: Lost) -> Any:
    """DL020 for cells the importer lost, naming the row (or table 四) and what the source had."""
    from .emit import lost_name

    name, name_en = lost_name(lost)
    text = lost.text if len(lost.text) <= 60 else lost.text[:60] + "…"
    return m.LOST_CELLS.at(
        lost.pos, lost.paths[0], cells=name, cells_en=name_en, why=lost.why, why_en=lost.why_en, text=text
    )


def _where(draft: Draft) -> Callable[[Path, bool], Pos]:
    """Where the document wrote a YAML path: the nearest path (itself, then its parents) it placed."""

    def where(path: Path, is_key: bool) -> Pos:
        first, second = (draft.keys, draft.values) if is_key else (draft.values, draft.keys)
        probe = path
        while True:
            if probe in first:
                return first[probe]
            if probe in second:
                return second[probe]
            if not probe:
                return START
            probe = probe[:-1]

    return where


def _as_written(report: Report, draft: Draft) -> dict[Path, Scalar]:
    """Cells as the document wrote them: a blank or unreadable cell is empty, not YAML's null."""
    cells = _cells(draft)
    written = {}
    for path, scalar in report.scalars.items():
        value = cells.get(path)
        if value is None:
            continue
        if value.kind in ("blank", "unreadable", "lost"):
            written[path] = Scalar(value.text, False, "tag:yaml.org,2002:null", None)
        elif value.kind == "text":
            written[path] = scalar._replace(quoted=False, style=None)
    return written


def _cells(draft: Draft) -> dict[Path, Any]:
    cells: dict[Path, Any] = {}
    for label, values in draft.part2.items():
        for column, value in zip(draft.columns.get(label, ()), values, strict=False):
            cells[(s.PART2, label, column)] = value
    for path, values in draft.part3.items():
        for index, value in enumerate(values):
            cells[(*path, index)] = value
    for block, values in draft.part4.items():
        for index, value in enumerate(values):
            cells[(s.PART4, block, index)] = value
    return cells
