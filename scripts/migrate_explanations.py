"""Move entries of the retired `rules/explanations.yaml` beside the code that declares them.

    python scripts/migrate_explanations.py

Each code's entry goes to the YAML file beside the module that declares its `Rule`
(`rules/totals.py` → `rules/totals.yaml`, `src/disclosure_lint/messages.py` → `messages.yaml`);
entries already there are kept (a file's own edits win), so the script can run again when a
branch that still adds to `explanations.yaml` is merged. The old file is removed once empty.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

ROOT = Path(__file__).resolve().parents[1]
OLD = ROOT / "rules" / "explanations.yaml"
SOURCES = [*sorted((ROOT / "rules").glob("*.py")), *sorted((ROOT / "src" / "disclosure_lint").rglob("*.py"))]
ORDER = ("why_zh", "why_en", "wrong", "right", "fix_zh", "fix_en", "known_problems_zh", "known_problems_en")
HEADER = (
    "# What `disclosure-lint --explain CODE` prints for the codes declared in {module}: why the\n"
    "# statute asks for it, an excerpt that gets the finding (`wrong`, tested), the same excerpt\n"
    "# corrected (`right`, tested), how to fix it and, where there are some, its known problems.\n"
)


def declaring_file(code: str) -> Path:
    pattern = re.compile(r'Rule\(\s*(?:code=)?"' + code + '"')
    found = [file for file in SOURCES if pattern.search(file.read_text(encoding="utf-8"))]
    if len(found) != 1:
        sys.exit(f"{code}: declared in {len(found)} files ({', '.join(map(str, found))})")
    return found[0]


def _yaml() -> YAML:
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _block(entry: dict[str, Any]) -> dict[str, Any]:
    keys = [k for k in ORDER if k in entry] + [k for k in entry if k not in ORDER]
    return {k: LiteralScalarString(str(entry[k]).rstrip("\n") + "\n") for k in keys}


def write(file: Path, entries: dict[str, dict[str, Any]]) -> None:
    with file.open("w", encoding="utf-8") as out:
        out.write(HEADER.format(module=file.with_suffix(".py").name))
        for code in sorted(entries):
            out.write("\n")
            _yaml().dump({code: _block(entries[code])}, out)


def main() -> int:
    if not OLD.is_file():
        print("nothing to migrate: rules/explanations.yaml is gone")
        return 0
    old: dict[str, Any] = YAML(typ="safe").load(OLD.read_text(encoding="utf-8")) or {}
    targets: dict[Path, dict[str, dict[str, Any]]] = {}
    for code, entry in old.items():
        target = declaring_file(code).with_suffix(".yaml")
        if target not in targets:
            existing = YAML(typ="safe").load(target.read_text(encoding="utf-8")) if target.is_file() else None
            targets[target] = dict(existing or {})
        targets[target].setdefault(code, entry)
    for target, entries in targets.items():
        write(target, entries)
        print(f"{target.relative_to(ROOT)}: {len(entries)} codes")
    OLD.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
