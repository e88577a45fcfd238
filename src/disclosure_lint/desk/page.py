"""`--format html`: one self-contained page for the results of a run (no network: style, script and chart inline).

One report: its printed document with the wrong cells marked and the findings list. Several
(a folder): a summary first — counts, a chart of the most frequent problems, a table sortable
and filterable — then every report's section, one click from its row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .. import statute as s
from ..findings import ERROR, INFO, WARNING, Finding, Rule
from ..result import FileResult
from .assets import SCRIPT, STYLE
from .report_html import ReportView
from .safe import escape
from .words import severity_word, words

# Links offered beside each report (the local web page offers downloads): index → (label, href) pairs.
Downloads = Callable[[int], Sequence[tuple[str, str]]]


def html_report(results: Sequence[FileResult], rules: Sequence[Rule], lang: str) -> str:
    """The reporter registered as `--format html`."""
    return render_page(results, lang)


def render_page(
    results: Sequence[FileResult], lang: str = "zh", downloads: Downloads | None = None, toolbar: str = ""
) -> str:
    """The whole page; `toolbar` is trusted HTML put in the top bar (the local web page's buttons)."""
    w = words(lang)
    views = [ReportView(result, lang, f"r{index}-") for index, result in enumerate(results, start=1)]
    many = len(views) > 1
    body = [overview(views, lang)] if many else []
    for index, view in enumerate(views, start=1):
        body.append(view.section(f"r{index}", downloads(index - 1) if downloads else (), back=many))
    if not views:
        body.append(f'<p class="empty">{escape(w["chart_empty"])}</p>')
    title = w["page_title"] if many or not views else f"{views[0].result.filename} · {w['page_title']}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{"en" if lang == "en" else "zh-CN"}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="disclosure-lint">',
            # Nothing may load from elsewhere: the page is read offline and may be mailed on.
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
            "connect-src 'self'; form-action 'self'\">",
            f"<title>{escape(title)}</title>",
            f"<style>\n{STYLE}\n</style>",
            "</head>",
            "<body>",
            f'<header class="bar"><span class="brand">disclosure-lint</span>'
            f'<span class="sub">{escape(w["brand_sub"])}</span><span class="tools">{toolbar}'
            f'<button type="button" onclick="window.print()">{escape(w["print"])}</button></span></header>',
            '<div class="page">',
            *body,
            "</div>",
            f"<script>\n{SCRIPT}\n</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


# ---------------------------------------------------------------- the folder summary


def worst_finding(findings: Sequence[Finding]) -> Finding | None:
    """The first finding of the highest severity: what a supervisor should see first."""
    if not findings:
        return None
    top = max(f.severity for f in findings)
    return next(f for f in findings if f.severity == top)


def overview(views: Sequence[ReportView], lang: str) -> str:
    w = words(lang)
    results = [view.result for view in views]
    errors = sum(r.count(ERROR) for r in results)
    warnings = sum(r.count(WARNING) for r in results)
    failing = sum(1 for r in results if r.count(ERROR) or r.unreadable or r.crashed)
    clean = sum(1 for r in results if not r.findings)
    stats = [
        ("", len(results), w["reports"]),
        ("ok", clean, w["clean"]),
        ("error", failing, w["with_errors"]),
        ("error", errors, w["errors"]),
        ("warning", warnings, w["warnings"]),
    ]
    cards = "".join(
        f'<div class="stat {kind}"><b>{count}</b>{escape(label)}</div>' for kind, count, label in stats
    )
    return (
        '<section class="overview" id="overview">'
        f"<h1>{escape(w['overview'].format(count=len(results)))}</h1>"
        f'<div class="stats">{cards}</div>'
        f'<div class="chart"><h2>{escape(w["chart"])}</h2>{chart(results, lang)}</div>'
        f"{summary_table(views, lang)}</section>"
    )


def short_names(filenames: Sequence[str]) -> list[str]:
    """The file names without the folder they all share: a supervisor's 40 reports read as 40 names."""
    import os.path

    folders = [os.path.dirname(name) for name in filenames]
    try:
        common = os.path.commonpath(folders) if all(folders) else ""
    except ValueError:  # absolute and relative names mixed
        common = ""
    return [os.path.relpath(name, common) if common else name for name in filenames]


def summary_table(views: Sequence[ReportView], lang: str) -> str:
    w = words(lang)
    heads = ("report", "agency", "year", "format", "errors", "warnings", "worst")
    rows = []
    names = short_names([view.result.filename for view in views])
    for index, view in enumerate(views, start=1):
        result = view.result
        name = names[index - 1]
        report = result.report if not result.unreadable else None
        agency = report.get((s.AGENCY,)) if report is not None else None
        year = report.get((s.YEAR,)) if report is not None else None
        agency_text = agency.strip() if isinstance(agency, str) else "—"
        year_text = str(year) if isinstance(year, int) and not isinstance(year, bool) else "—"
        format_text = (
            w["format_name"].format(version=s.format_of(report.data).version) if report is not None else "—"
        )
        n_errors, n_warnings = result.count(ERROR), result.count(WARNING)
        top = worst_finding(result.findings)
        if top is None:
            worst_html, worst_sort = f'<span class="pill ok">{escape(w["clean"])}</span>', ""
        else:
            text = top.message(lang)
            short = text if len(text) <= 48 else text[:47] + "…"
            worst_sort = f"{2 - int(top.severity)}{top.code}"
            worst_html = (
                f'<span class="pill {top.severity.label}">{escape(severity_word(top.severity, lang))}</span> '
                f'<span class="code">{escape(top.code)}</span> <span title="{escape(text)}">{escape(short)}</span>'
            )
        state = " ".join(
            name
            for name, present in (
                ("error", n_errors or result.unreadable),
                ("warning", n_warnings),
                ("clean", not result.findings),
            )
            if present
        )
        cells = [
            (name, f'<a href="#r{index}" title="{escape(result.filename)}">{escape(name)}</a>', "nowrap"),
            (agency_text, escape(agency_text), ""),
            (year_text, escape(year_text), "nowrap"),
            (format_text, escape(format_text), "nowrap"),
            (str(n_errors), str(n_errors), " num error" if n_errors else " num"),
            (str(n_warnings), str(n_warnings), " num warning" if n_warnings else " num"),
            (worst_sort, worst_html, ""),
        ]
        rows.append(
            f'<tr data-state="{state}">'
            + "".join(
                f'<td class="{kind.strip()}" data-sort="{escape(key)}">{html}</td>'
                for key, html, kind in cells
            )
            + "</tr>"
        )
    options = "".join(
        f'<option value="{value}">{escape(w[label])}</option>'
        for value, label in (
            ("all", "show_all"),
            ("error", "show_error"),
            ("warning", "show_warning"),
            ("clean", "show_clean"),
        )
    )
    return (
        f'<div class="summary-head"><h2>{escape(w["summary"])}</h2><span class="filters">'
        f'<input id="summary-filter" type="search" placeholder="{escape(w["filter"])}" '
        f'aria-label="{escape(w["filter"])}">'
        f'<select id="summary-show" aria-label="{escape(w["show_all"])}">{options}</select></span></div>'
        '<table class="summary"><thead><tr>'
        + "".join(f"<th>{escape(w[h])}</th>" for h in heads)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def chart(results: Sequence[FileResult], lang: str, top: int = 8) -> str:
    """A horizontal bar chart (inline SVG) of the codes found most often across the reports."""
    counts = Counter(f.code for r in results for f in r.findings)
    if not counts:
        return f'<p class="empty">{escape(words(lang)["chart_empty"])}</p>'
    rule_of = {f.code: f.rule for r in results for f in r.findings}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    most = ranked[0][1]
    colours = {ERROR: "#c62828", WARNING: "#d08c00", INFO: "#4f6b85"}
    label_width, bar_width, row = 300, 360, 26
    height = row * len(ranked) + 6
    bars = []
    for index, (code, count) in enumerate(ranked):
        rule = rule_of[code]
        y = index * row + 4
        summary = rule.summary_en if lang == "en" else rule.summary_zh
        label = f"{code} {summary}"
        label = label if len(label) <= 24 else label[:23] + "…"
        width = max(2, round(bar_width * count / most))
        bars.append(
            f"<g><title>{escape(code)} {escape(summary)}: {count}</title>"
            f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end" fill="#1f2328">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{width}" height="{row - 8}" rx="3" '
            f'fill="{colours.get(rule.severity, "#4f6b85")}"/>'
            f'<text x="{label_width + width + 6}" y="{y + 15}" fill="#1f2328">{count}</text></g>'
        )
    total_width = label_width + bar_width + 50
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{total_width}" height="{height}" '
        f'viewBox="0 0 {total_width} {height}">' + "".join(bars) + "</svg>"
    )
