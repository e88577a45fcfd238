"""Import accuracy on real published reports: every table cell against hand-checked figures.

    python benchmarks/import_accuracy.py [FOLDER]   (default: ../shared/real beside the checkout)

For each NAME.txt/.md/.html with a NAME.truth.json beside it, prints the table cells read
right / total, cells left to the solver or reported as unreadable (never guessed), cells
read wrong, whether year, agency and format are right, and the error-level findings of a lint.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from disclosure_lint import statute as s  # noqa: E402

_SPECIAL = {
    "本年新收": (s.PART3, s.NEW),
    "上年结转": (s.PART3, s.CARRIED_IN),
    "总计": (s.PART3, s.RESULTS, s.TOTAL),
    "结转下年度继续办理": (s.PART3, s.CARRIED_OUT),
    "其他处理": (s.PART3, s.RESULTS, s.OTHER_HANDLING),
    "逾期不补正": (s.PART3, s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][0]),  # type: ignore[index]
    "逾期未缴费": (s.PART3, s.RESULTS, s.OTHER_HANDLING, s.RESULT_GROUPS[5][1][1]),  # type: ignore[index]
    "其他处理_其他": (s.PART3, s.RESULTS, s.OTHER_HANDLING, "其他"),
}


def _part3_path(label: str) -> tuple[Any, ...]:
    if label in _SPECIAL:
        return _SPECIAL[label]
    for group, items in s.RESULT_GROUPS:
        if items is None and group == label:
            return (s.PART3, s.RESULTS, group)
        if items and label in items:
            return (s.PART3, s.RESULTS, group, label)
    raise KeyError(label)


def expected_cells(truth: dict[str, Any]) -> dict[tuple[Any, ...], Any]:
    cells: dict[tuple[Any, ...], Any] = {}
    for label, value in truth["table2"].items():
        name = label.split("_")[0]
        values = value if isinstance(value, list) else [value]
        for index, number in enumerate(values):
            cells[(s.PART2, name, index)] = number
    for label, values in truth["table3"]["rows"].items():
        for index, number in enumerate(values):
            cells[(*_part3_path(label), index)] = number
    for block, values in truth["table4"].items():
        for index, number in enumerate(values):
            cells[(s.PART4, block, index)] = number
    return cells


def read_cell(report: Any, path: tuple[Any, ...]) -> tuple[Any, bool]:
    """The imported value of a cell (part 二 by column order), and whether it was reported unreadable."""
    if path[0] == s.PART2:
        row = report.get(path[:2])
        if not isinstance(row, dict) or path[2] >= len(row):
            return None, False
        column = list(row)[path[2]]
        full = (*path[:2], column)
        return row[column], full in report.unreadable
    return report.get(path), path in report.unreadable


def _uncertain(truth: dict[str, Any]) -> set[str]:
    """Row labels the truth says the text alone cannot decide."""
    labels = set()
    for note in truth.get("cells_uncertain", []):
        for label in [*truth["table2"], *truth["table3"]["rows"]]:
            if f"{label.split('_')[0]} '" in note:
                labels.add(label.split("_")[0])
    return labels


def measure(document: Path, truth_file: Path) -> dict[str, Any]:
    from disclosure_lint import engine
    from disclosure_lint.config import Options
    from disclosure_lint.findings import ERROR
    from disclosure_lint.importer import load_document
    from disclosure_lint.lint import lint_path

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    loaded = load_document(document)
    out: dict[str, Any] = {
        "file": document.name,
        "right": 0,
        "total": 0,
        "unread": 0,
        "decidable": 0,
        "wrong": [],
    }
    if loaded.report is None:
        out["error"] = loaded.findings[0].message("en")
        return out
    report = loaded.report
    uncertain = _uncertain(truth)
    for path, number in expected_cells(truth).items():
        out["total"] += 1
        value, unread = read_cell(report, path)
        if unread:
            out["unread"] += 1
            if path[1] not in uncertain and path[-2] not in uncertain:
                out["decidable"] += 1  # the truth says the text decides it: the solver's to read
        elif value == number or (number is None and value is None):
            out["right"] += 1
        else:
            out["wrong"].append((path, number, value))
    data = report.data if isinstance(report.data, dict) else {}
    out["year"] = data.get(s.YEAR) == truth["year"]
    out["agency"] = data.get(s.AGENCY) in (truth["agency"], truth.get("agency_as_printed"))
    out["format"] = str(data.get(s.VERSION, "")) == str(truth["format"])
    out["published"] = data.get(s.PUBLISHED) == truth.get("published")
    modules = engine.load_rule_modules(())
    result = lint_path(document, modules, Options())
    out["errors"] = [f"{f.code} {f.message('en')[:80]}" for f in result.findings if f.severity >= ERROR]
    return out


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "real"
    if not folder.is_dir():
        print(f"no folder {folder}: nothing to measure")
        return 0
    for truth_file in sorted(folder.glob("*.truth.json")):
        stem = truth_file.name.removesuffix(".truth.json")
        for suffix in (".txt", ".md", ".html"):
            document = folder / f"{stem}{suffix}"
            if not document.is_file():
                continue
            r = measure(document, truth_file)
            if "error" in r:
                print(f"{r['file']}: not imported: {r['error']}")
                continue
            print(
                f"{r['file']}: cells right {r['right']}/{r['total']}, left unread {r['unread']} "
                f"(of which the relations decide {r['decidable']}), wrong {len(r['wrong'])}; year {'ok' if r['year'] else 'WRONG'}, agency "
                f"{'ok' if r['agency'] else 'WRONG'}, format {'ok' if r['format'] else 'WRONG'}, date "
                f"{'ok' if r['published'] else 'WRONG'}; error findings {len(r['errors'])}"
            )
            for path, expected, got in r["wrong"][:8]:
                print(f"    {'·'.join(str(p) for p in path[1:])}: expected {expected}, got {got}")
            for error in r["errors"][:5]:
                print(f"    {error}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
