"""Write src/disclosure_lint/importer/hant_table.py: Traditional characters and their Simplified forms.

    pip install opencc && python scripts/make_hant_table.py

The importer reads a report published in Traditional characters (a mirror site, a Hong Kong or Taiwan
portal) through this table, one character for one, so every position in the source stays where it
was. Every character OpenCC (Apache-2.0) turns into one other character is mapped, so the texts
read come out wholly Simplified, not mixed; OpenCC decides the correspondences here, at development
time, and the project does not depend on it. The script checks that every Han character the project
itself reads (the statute model, the importer and the rules) that has a Traditional form is covered.
"""

from __future__ import annotations

import re
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "disclosure_lint" / "importer" / "hant_table.py"
HAN = re.compile(r"[\u4e00-\u9fff]")


def vocabulary() -> set[str]:
    chars: set[str] = set()
    for folder in (ROOT / "src" / "disclosure_lint", ROOT / "rules"):
        for path in folder.rglob("*"):
            if path.suffix in (".py", ".yaml") and path != OUT:
                chars.update(HAN.findall(path.read_text(encoding="utf-8")))
    return chars


def main() -> None:
    words = vocabulary()
    to_simplified = opencc.OpenCC("t2s")
    pairs = []
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        simple = to_simplified.convert(char)
        if simple != char and len(simple) == 1:
            pairs.append(char + simple)
    body = "".join(pairs)
    lines = [body[i : i + 96] for i in range(0, len(body), 96)]
    OUT.write_text(
        '"""Traditional characters and their Simplified forms, in pairs: made by scripts/make_hant_table.py."""\n\n'
        "PAIRS = (\n" + "".join(f'    "{line}"\n' for line in lines) + ")\n",
        encoding="utf-8",
    )
    mapped = {pair[1] for pair in pairs}
    to_traditional = opencc.OpenCC("s2t")
    missing = sorted(c for c in words if to_traditional.convert(c) != c and c not in mapped)
    assert not missing, f"characters the project reads with no Traditional form mapped: {missing}"
    print(
        f"{len(pairs)} pairs; the {len(words)} characters the project reads are covered -> {OUT.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
