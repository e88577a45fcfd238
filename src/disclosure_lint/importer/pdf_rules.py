"""Ruling lines a published table leaves out, put back so that pdfplumber finds its cells.

pdfplumber finds a cell only where ruling lines close it on four sides. Many reports are typeset
with a table's outer left and right borders switched off (a Word style, or a template that draws
only the inner rules): the first and last columns then have no cells at all, the row labels and
the 总计 column go to the running text, and what is left of each row reads shifted. A vertical
rule is added where a table's horizontal rules end and none is drawn: only over bands between
two horizontal rules that an inner vertical rule crosses (rows of a table), never over the gap
between two tables or a boxed line of text.
"""

from __future__ import annotations

import itertools
from typing import Any

_TOL = 3.0  # points: rules this close are one rule, as pdfplumber snaps them


def closing_lines(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The vertical rules to add (as pdfplumber line objects) where tables' horizontal rules end open."""
    from pdfplumber.table import merge_edges

    edges = merge_edges(list(edges), _TOL, _TOL, _TOL, _TOL)  # a rule drawn cell by cell is one rule
    horizontal = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] > 10]
    vertical = [e for e in edges if e["orientation"] == "v"]
    if not horizontal or not vertical:
        return []
    added: list[dict[str, Any]] = []
    for side in ("x0", "x1"):
        clusters: list[list[dict[str, Any]]] = []
        for rule in sorted(horizontal, key=lambda e: e[side]):
            if clusters and rule[side] - clusters[-1][-1][side] <= _TOL:
                clusters[-1].append(rule)
            else:
                clusters.append([rule])
        for cluster in clusters:
            rules = sorted(cluster, key=lambda e: e["top"])
            x = sum(e[side] for e in rules) / len(rules)
            run: list[float] = []  # top and bottom of the bands crossed so far
            for above, below in itertools.pairwise(rules):
                if _crossed(vertical, above, below, x):
                    run = [run[0] if run else above["top"], below["top"]]
                    continue
                _close(run, vertical, x, added)
                run = []
            _close(run, vertical, x, added)
    return added


def _crossed(vertical: list[dict[str, Any]], above: dict[str, Any], below: dict[str, Any], x: float) -> bool:
    """Whether a vertical rule other than one at the rules' end `x` crosses the band between them."""
    left, right = max(above["x0"], below["x0"]), min(above["x1"], below["x1"])
    return any(
        left - _TOL <= v["x0"] <= right + _TOL
        and abs(v["x0"] - x) > _TOL
        and v["top"] <= above["top"] + _TOL
        and v["bottom"] >= below["top"] - _TOL
        for v in vertical
    )


def _close(run: list[float], vertical: list[dict[str, Any]], x: float, added: list[dict[str, Any]]) -> None:
    """A rule at `x` over the run of bands, unless most of it is drawn already."""
    if len(run) < 2:
        return
    top, bottom = run
    drawn = sum(
        max(0.0, min(v["bottom"], bottom) - max(v["top"], top)) for v in vertical if abs(v["x0"] - x) <= _TOL
    )
    if drawn < (bottom - top) / 2:
        added.append(
            {
                "object_type": "line",
                "x0": x,
                "x1": x,
                "top": top,
                "bottom": bottom,
                "width": 0.0,
                "height": bottom - top,
            }
        )
