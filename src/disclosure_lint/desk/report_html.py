"""One report as HTML: the printed document with its wrong cells and sentences marked, and the findings list.

Every string from the report or a message is escaped: agency names and texts are whatever the
file says. Element ids are prefixed per report (`r3-`), so a folder page can hold many reports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..findings import Finding, Path
from ..render.layout import Block, Paragraph, Table, TableCell, layout
from ..result import FileResult
from .marks import Placed, line_pieces, place, sentence_offsets, worst
from .safe import escape
from .words import severity_word, words


def sev(finding: Finding) -> str:
    return f"sev-{finding.severity.label}"


class ReportView:
    """Builds the HTML of one linted report; `prefix` keeps its ids apart from other reports' on one page."""

    def __init__(self, result: FileResult, lang: str, prefix: str) -> None:
        self.result = result
        self.findings: list[Finding] = list(result.findings)
        self.lang = lang
        self.words = words(lang)
        self.prefix = prefix
        report = result.report
        self.blocks: list[Block] = layout(report) if report is not None and not result.unreadable else []
        self.placed: Placed = place(report, self.blocks, self.findings)
        self.ids_used: set[str] = set()

    # ------------------------------------------------------------ ids and small pieces

    def mark_id(self, number: int) -> str:
        return f"{self.prefix}m{number}"

    def note_id(self, number: int) -> str:
        return f"{self.prefix}n{number}"

    def item_id(self, number: int) -> str:
        return f"{self.prefix}f{number}"

    def target(self, number: int) -> str:
        """Where the findings list links: the marked cell or sentence, else the note."""
        anchor = self.placed.anchor.get(number)
        return self.mark_id(number) if anchor in ("cell", "text") else self.note_id(number)

    def badge(self, number: int) -> str:
        finding = self.findings[number - 1]
        return (
            f'<a class="badge {sev(finding)}" href="#{self.note_id(number)}" '
            f'title="{escape(finding.message(self.lang))}">{number}</a>'
        )

    def expected(self, finding: Finding) -> str | None:
        value = finding.args.get("expected")
        if value is None or isinstance(value, dict | list | tuple):
            return None
        return self.words["expected"].format(value=value)

    def notes(self, numbers: Sequence[int]) -> str:
        """The messages beside a table, paragraph or heading."""
        if not numbers:
            return ""
        items = []
        for number in numbers:
            finding = self.findings[number - 1]
            expected = self.expected(finding) if self.placed.anchor.get(number) == "cell" else None
            expect = f'<span class="expect-note">{escape(expected)}</span>' if expected else ""
            items.append(
                f'<li class="{sev(finding)}" id="{self.note_id(number)}">'
                f'<span class="badge {sev(finding)}">{number}</span>'
                f'<span class="sev-word">{escape(severity_word(finding.severity, self.lang))}</span> '
                f"{expect}{escape(finding.message(self.lang))} "
                f'<span class="code">{escape(finding.code)}</span></li>'
            )
        return '<ul class="notes">' + "".join(items) + "</ul>"

    # ------------------------------------------------------------ the document

    def document(self) -> str:
        out = ['<article class="doc">']
        if self.placed.general:
            out.append(f'<h4 class="general">{escape(self.words["general"])}</h4>')
            out.append(self.notes(self.placed.general))
        noted: set[Path] = set()
        first_signature = True
        for block in self.blocks:
            if isinstance(block, Table):
                out.append(self.table(block))
                continue
            if block.style == "signature":
                extra = " first" if first_signature else ""
                first_signature = False
                out.append(f'<p class="signature{extra}">{self.lines(block)}</p>')
            elif block.style in ("title", "part", "aspect"):
                tag = {"title": "h1", "part": "h2", "aspect": "h3"}[block.style]
                out.append(f"<{tag}>{self.lines(block)}</{tag}>")
            else:
                out.append(f"<p>{self.lines(block)}</p>")
                out.append(self.notes(self.sentence_numbers(block)))
            if block.path and block.path not in noted:
                noted.add(block.path)
                out.append(self.notes(self.placed.beside.get(block.path, [])))
        out.append("</article>")
        return "\n".join(part for part in out if part)

    def sentence_numbers(self, paragraph: Paragraph) -> list[int]:
        offsets = sentence_offsets(self.placed, paragraph.path)
        numbers = []
        for line, start in zip(paragraph.lines, paragraph.starts, strict=False):
            numbers += [n for n, o in offsets.items() if start <= o < start + len(line)]
        return sorted(numbers)

    def lines(self, paragraph: Paragraph) -> str:
        if paragraph.style != "body" or not paragraph.path:
            return "<br>\n".join(escape(line) for line in paragraph.lines)
        offsets = sentence_offsets(self.placed, paragraph.path)
        out = []
        for index in range(len(paragraph.lines)):
            pieces = []
            for piece in line_pieces(paragraph, index, offsets):
                if not piece.numbers:
                    pieces.append(escape(piece.text))
                    continue
                severity = worst(self.findings, piece.numbers).label
                ids = [self.mark_id(n) for n in piece.numbers if self.mark_id(n) not in self.ids_used]
                self.ids_used.update(ids)
                anchor = f' id="{ids[0]}"' if ids else ""
                extra = "".join(f'<a id="{i}"></a>' for i in ids[1:])
                badges = "".join(self.badge(n) for n in piece.numbers)
                pieces.append(
                    f'<mark class="sev-{severity}"{anchor}>{extra}{escape(piece.text)}{badges}</mark>'
                )
            out.append("".join(pieces))
        return "<br>\n".join(out)

    def table(self, table: Table) -> str:
        out = [f'<table class="{escape(table.name)}">']
        total = sum(table.widths) or 1
        if table.widths:
            out.append(
                "<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in table.widths)
            )
            out.append("</colgroup>")
        numbers: list[int] = []
        for row in table.rows:
            out.append("<tr>" + "".join(self.cell(cell, numbers) for cell in row) + "</tr>")
        out.append("</table>")
        out.append(self.notes(sorted(set(numbers))))
        return "\n".join(out)

    def cell(self, cell: TableCell, seen: list[int]) -> str:
        tag = "th" if cell.header else "td"
        attrs = ""
        if cell.rowspan > 1:
            attrs += f' rowspan="{cell.rowspan}"'
        if cell.colspan > 1:
            attrs += f' colspan="{cell.colspan}"'
        classes = ["label"] if cell.label else []
        numbers = self.placed.cells.get(cell.path, []) if cell.path else []
        inner = escape(cell.text)
        titles: list[str] = []
        report = self.result.report
        if cell.path and report is not None and cell.path in report.unreadable:
            # The importer could not read this cell from the document: not the publisher's blank.
            classes.append("lost")
            titles.append(self.words["lost"])
            inner = inner or "？"
        if numbers:
            seen.extend(numbers)
            classes += ["mark", f"sev-{worst(self.findings, numbers).label}"]
            attrs += f' data-path="{escape(json.dumps(list(cell.path), ensure_ascii=False))}"'
            ids = [self.mark_id(n) for n in numbers if self.mark_id(n) not in self.ids_used]
            self.ids_used.update(ids)
            if ids:
                attrs += f' id="{ids[0]}"'
            inner = "".join(f'<a id="{i}"></a>' for i in ids[1:]) + inner
            inner += "".join(self.badge(n) for n in numbers)
            hints = [h for n in numbers if (h := self.expected(self.findings[n - 1]))]
            if hints and not cell.label:
                inner += f'<span class="expect">{escape(hints[0])}</span>'
            titles += [self.findings[n - 1].message(self.lang) for n in numbers]
        if titles:
            attrs += f' title="{escape(" / ".join(titles))}"'
        if classes:
            attrs += f' class="{" ".join(classes)}"'
        return f"<{tag}{attrs}>{inner}</{tag}>"

    # ------------------------------------------------------------ the findings list

    def findings_list(self) -> str:
        w = self.words
        head = f"<h3>{escape(w['findings'].format(count=len(self.findings)))}</h3>"
        if not self.findings:
            return f'<aside class="findings">{head}<p class="none">{escape(w["no_findings"])}</p></aside>'
        items = []
        for number, finding in enumerate(self.findings, start=1):
            where = w["where"].format(line=finding.pos.line, col=finding.pos.col)
            items.append(
                f'<li id="{self.item_id(number)}" class="{sev(finding)}">'
                f'<a class="go" href="#{self.target(number)}">'
                f'<span class="badge {sev(finding)}">{number}</span> '
                f'<span class="pill {finding.severity.label}">{escape(severity_word(finding.severity, self.lang))}</span> '
                f'<span class="code">{escape(finding.code)}</span> '
                f'<span class="msg">{escape(finding.message(self.lang))}</span> '
                f'<span class="where">{escape(where)}</span></a></li>'
            )
        unreadable = f'<p class="empty">{escape(w["unreadable"])}</p>' if not self.blocks else ""
        return f'<aside class="findings">{head}{unreadable}<ol>{"".join(items)}</ol></aside>'

    def counts(self) -> str:
        from ..findings import ERROR, INFO, WARNING

        w = self.words
        pills = []
        for severity, key in ((ERROR, "errors"), (WARNING, "warnings"), (INFO, "infos")):
            count = self.result.count(severity)
            if count:
                pills.append(f'<span class="pill {severity.label}">{escape(w[key])} {count}</span>')
        if not pills:
            pills.append(f'<span class="pill ok">{escape(w["clean"])}</span>')
        return '<span class="counts">' + "".join(pills) + "</span>"

    def section(self, element_id: str, downloads: Sequence[tuple[str, str]] = (), back: bool = False) -> str:
        links = "".join(f'<a href="{escape(href)}" download>{escape(label)}</a>' for label, href in downloads)
        back_link = f'<a class="back" href="#overview">{escape(self.words["back"])}</a>' if back else ""
        return (
            f'<section class="report" id="{escape(element_id)}">'
            f'<div class="report-head"><h2>{escape(self.result.filename)}</h2>{self.counts()}{back_link}'
            f'<span class="downloads">{links}</span></div>'
            f'<div class="columns">{self.document()}{self.findings_list()}</div></section>'
        )
