"""How much of real published reports the importer reads right, measured against hand-checked figures.

    python3 benchmarks/import_accuracy.py                 # ../shared/real beside the checkout
    python3 benchmarks/import_accuracy.py FOLDER -v       # another folder; -v lists every wrong cell

Every document in FOLDER that has a `NAME.truth.json` beside it (`NAME.txt`, `NAME.pdf`,
`NAME.html`, …; see shared/real/README.md for the truth format) is imported through the
project's importer (`disclosure_lint.importer.load_document`, as `disclosure-lint FILE` does) and
linted with the built-in rules. One line per document:

  cells right  table cells (tables 二, 三, 四) equal to the truth / cells in the truth
  unread     cells the importer marked unreadable (Report.unreadable): never blamed on the publisher
  ambig      of those, cells in run-together digits that several readings fit (DL026)
  wrong      cells read as another value, or blank: the importer's misreadings (should be 0)
  absent     cells of rows the importer did not find at all
  undecidable  cells the truth lists as undecidable from the text alone (cells_uncertain); the
             total line says how many of them were filled in (a guess) instead of left unread
  year, agency, format, date   the metadata read right (✓), wrong (✗) or not read (–)
  errors     error-level findings (all the shared reports are consistent: each one is a false alarm)

and a total line. A document the importer cannot read at all scores 0 cells and says why.
Run it with the project installed (`pip install -e .`); it changes nothing on disk.
"""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = ROOT.parent / "shared" / "real"

sys.path.insert(0, str(ROOT / "src"))

from disclosure_lint import engine  # noqa: E402
from disclosure_lint import statute as s  # noqa: E402
from disclosure_lint.findings import ERROR  # noqa: E402
from disclosure_lint.importer import load_document  # noqa: E402
from disclosure_lint.lint import check_report  # noqa: E402

CellPath = tuple[Any, ...]

# Truth row names that are not simply the statutory item's own label.
_TABLE3_NAMES: dict[str, CellPath] = {
    "本年新收": s.ROW_NEW.path,
    "上年结转": s.ROW_CARRIED_IN.path,
    "逾期不补正": (s.PART3, s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][0]),  # type: ignore[index]
    "逾期未缴费": (s.PART3, s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][1]),  # type: ignore[index]
    "其他处理_其他": (s.PART3, s.RESULTS, s.OTHER_HANDLING, "其他"),
    "其他处理": (s.PART3, s.RESULTS, s.OTHER_HANDLING),  # the 2019 format's single row
    "总计": s.ROW_RESULTS_TOTAL.path,
    "结转下年度继续办理": s.ROW_CARRIED_OUT.path,
}
for _row in s.RESULT_ROWS:
    _TABLE3_NAMES.setdefault(str(_row.path[-1]), _row.path)

# Table 二 of the 2021 format: one column per row unless listed in statute.PART2_ROWS.
_TABLE2_2021 = {row.label: row.columns for row in s.PART2_ROWS}


def truth_cells(truth: dict[str, Any]) -> dict[CellPath, Any]:
    """Every table cell of a truth file, by the path the imported report keeps it under."""
    cells: dict[CellPath, Any] = {}
    columns_2019 = {
        label: columns
        for group, columns in truth.get("table2_columns_2019", {}).items()
        for label in group.split("/")
    }
    for name, value in truth.get("table2", {}).items():
        label = name.split("_")[0]  # 行政事业性收费_万元 → 行政事业性收费
        values = value if isinstance(value, list) else [value]
        columns = columns_2019.get(label) or _TABLE2_2021.get(label)
        if columns is None:
            raise SystemExit(f"unknown table-二 row in truth: {name}")
        for column, cell in zip(columns, values, strict=False):
            cells[(s.PART2, label, column.split("（")[0])] = cell
    for name, row in truth["table3"]["rows"].items():
        if name not in _TABLE3_NAMES:
            raise SystemExit(f"unknown table-三 row in truth: {name}")
        for column, cell in enumerate(row):
            cells[(*_TABLE3_NAMES[name], column)] = cell
    for block, row in truth["table4"].items():
        for column, cell in enumerate(row):
            cells[(s.PART4, block, column)] = cell
    return cells


expected_cells = truth_cells  # the name tests use


def read_cell(report: Any, path: CellPath) -> tuple[Any, bool]:
    """A cell of an imported report (None where absent), and whether the importer marked it unreadable."""
    value = lookup(report.data, path)
    return (None if value is _MISSING else value), path in report.unreadable


def undecidable(truth: dict[str, Any], cells: dict[CellPath, Any]) -> set[CellPath]:
    """Cells of the rows the truth lists as undecidable from the text alone (`cells_uncertain`)."""
    notes = " ".join(truth.get("cells_uncertain", []))
    labels = {name.split("_")[0] for name in [*truth.get("table2", {}), *truth["table3"]["rows"]]}
    named = {label for label in labels if f"{label} '" in notes}
    return {path for path in cells if any(str(step) in named for step in path[1:-1])}


def lookup(data: Any, path: CellPath) -> Any:
    """The value at `path`, accepting a table-二 row written as a list as well as a mapping."""
    node = data
    for step in path:
        if (isinstance(node, dict) and step in node) or (
            isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node)
        ):
            node = node[step]
        else:
            return _MISSING
    return node


_MISSING = object()


def same(got: Any, want: Any) -> bool:
    if want is None:
        return got is None
    if got is None or got is _MISSING or isinstance(got, bool):
        return False
    try:
        return Decimal(str(got)) == Decimal(str(want))
    except InvalidOperation:
        return False


def measure(document: Path, truth: dict[str, Any], modules: list[Any], verbose: bool) -> dict[str, Any]:
    loaded = load_document(document)
    report = loaded.report
    cells = truth_cells(truth)
    row: dict[str, Any] = {
        "document": document.name,
        "total": len(cells),
        "right": 0,
        "unread": 0,
        "ambig": 0,
        "wrong": 0,
        "missing": 0,
        "undecidable": len(undecidable(truth, cells)),
        "guessed": 0,
    }
    if report is None:
        reason = loaded.findings[0].message("en") if loaded.findings else "not read"
        row.update(errors=sum(f.severity == ERROR for f in loaded.findings), note=reason)
        row.update({key: "–" for key in ("year", "agency", "format", "date")})
        return row
    findings = [*loaded.findings, *check_report(report, modules)]
    wrong = []
    for path, want in cells.items():
        got = lookup(report.data, path)
        if path in report.unreadable:
            row["unread"] += 1
        elif same(got, want):
            row["right"] += 1
        elif got is _MISSING:
            row["missing"] += 1
            wrong.append((path, want, "(absent)"))
        else:
            row["wrong"] += 1
            wrong.append((path, want, got))
    row["guessed"] = sum(
        1
        for path in undecidable(truth, cells)
        if path not in report.unreadable and lookup(report.data, path) is not _MISSING
    )
    row["ambig"] = sum(int(f.args.get("width", 0)) for f in findings if f.code == "DL026")
    data = report.data if isinstance(report.data, dict) else {}
    agencies = {truth["agency"], truth.get("agency_as_printed")} - {None}
    row["year"] = _mark(data.get(s.YEAR), {truth["year"]})
    row["agency"] = _mark(data.get(s.AGENCY), agencies)
    row["format"] = _mark(
        None if data.get(s.VERSION) is None else str(data.get(s.VERSION)), {str(truth["format"])}
    )
    published = data.get(s.PUBLISHED)
    row["date"] = _mark(None if published is None else str(published), {truth.get("published")}, none_ok=True)
    errors = [f for f in findings if f.severity == ERROR]
    row["errors"] = len(errors)
    if verbose:
        for path, want, got in wrong:
            print(f"  {document.name}: {'·'.join(map(str, path[1:]))}: truth {want}, imported {got}")
        for finding in errors:
            print(
                f"  {document.name}:{finding.pos.line}:{finding.pos.col}: {finding.code} {finding.message('en')[:120]}"
            )
    return row


def _mark(value: Any, right: set[Any], none_ok: bool = False) -> str:
    if value is None:
        return "✓" if none_ok and None in right else "–"
    return "✓" if value in right else "✗"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every wrong cell and error finding"
    )
    args = parser.parse_args(argv)
    truths = sorted(args.folder.glob("*.truth.json"))
    if not truths:
        print(f"no *.truth.json in {args.folder}", file=sys.stderr)
        return 2
    modules = engine.load_rule_modules(entry_points=False)
    rows = []
    for truth_path in truths:
        stem = truth_path.name.removesuffix(".truth.json")
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        for document in sorted(args.folder.glob(f"{stem}.*")):
            if document.name.endswith(".json"):
                continue
            rows.append(measure(document, truth, modules, args.verbose))
    head = (
        f"{'document':<24} {'cells right':>11} {'unread':>6} {'ambig':>5} {'wrong':>5} {'absent':>6} "
        f"{'undecidable':>11}  year agency format date  errors"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        cells = f"{row['right']}/{row['total']}"
        marks = f"{row['year']:^4} {row['agency']:^6} {row['format']:^6} {row['date']:^4}"
        note = f"  ({row['note'][:70]})" if "note" in row else ""
        counts = f"{row['unread']:>6} {row['ambig']:>5} {row['wrong']:>5} {row['missing']:>6} {row['undecidable']:>11}"
        print(f"{row['document']:<24} {cells:>11} {counts}  {marks}  {row['errors']:>6}{note}")
    right = sum(r["right"] for r in rows)
    total = sum(r["total"] for r in rows)
    sums = {
        key: sum(r[key] for r in rows)
        for key in ("unread", "ambig", "wrong", "missing", "undecidable", "guessed")
    }
    meta = {key: sum(r[key] == "✓" for r in rows) for key in ("year", "agency", "format", "date")}
    print("-" * len(head))
    counts = f"{sums['unread']:>6} {sums['ambig']:>5} {sums['wrong']:>5} {sums['missing']:>6} {sums['undecidable']:>11}"
    print(f"{'total':<24} {f'{right}/{total}':>11} {counts}")
    print(
        f"cells right {100 * right / max(total, 1):.1f}%; of the {sums['undecidable']} cells the text cannot decide, "
        f"{sums['guessed']} were filled in rather than left unread; "
        f"year {meta['year']}/{len(rows)}, agency {meta['agency']}/{len(rows)}, format {meta['format']}/{len(rows)}, "
        f"date {meta['date']}/{len(rows)}; {sum(r['errors'] for r in rows)} error findings"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
