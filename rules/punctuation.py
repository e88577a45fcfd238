"""DL042: YAML punctuation typed with a Chinese input method, where the file still reads as YAML.

A full-width colon, comma or bracket (`：`, `，`, `［`) is not YAML punctuation, so YAML reads it
as part of the text around it: `{本年制发件数：0}` is a key "本年制发件数：0" with no value,
`[0，0，0, 0]` a row whose first cell is the text "0，0，0", `［0, 0, 0］` one piece of text where a
row was meant. The schema would call these an unknown key, a row of the wrong length or a text
cell; the finding names the character at its column and what to type instead, and the schema's
findings about the same slip are dropped (`covers`). Where the slip breaks the YAML itself
(`年度：2023` on its own line), the loader reports it as DL004 at the same character.

Fixes, safe since only punctuation changes: the colon of a key the format has at that place
(`{本年制发件数：0}` → `{本年制发件数: 0}`); full-width brackets around a row; full-width commas
between cells when the row is short by exactly as many cells and no cell reads as a number
with thousands separators (`1，234` in a short row may be one number or two cells: no fix).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from disclosure_lint.api import ERROR, SAFE, Edit, Finding, Fix, Path, Pos, Report, Rule, statute, value_span
from disclosure_lint.schema_fixes import keys_at

FULL_COLON, FULL_COMMA = "：", "，"
FULL_OPEN = {"［": "[", "【": "[", "〔": "[", "｛": "{"}  # as disclosure_lint.slips names them

PUNCTUATION = Rule(
    code="DL042",
    name="ime-punctuation",
    severity=ERROR,
    summary_zh="YAML 的冒号、逗号或方括号用了中文输入法的全角符号",
    summary_en="A colon, comma or bracket of YAML is typed full-width, with a Chinese input method",
    clause="YAML 1.2",
    message_zh="“{char}”是中文输入法的全角{name}，YAML 不把它当作{name}：{advice}",
    message_en="'{char}' is the full-width {name_en} of a Chinese input method, which YAML does not read as one: {advice_en}",
    fix=(SAFE,),
)
RULES = (PUNCTUATION,)


def check(report: Report) -> Iterator[Finding]:
    for path, pos in report.keys.items():
        key = path[-1]
        if (
            isinstance(key, str)
            and FULL_COLON in key
            and report.get(path) is None
            and not _quoted(report, pos)
        ):
            before, _, after = key.partition(FULL_COLON)
            before, after = before.strip(), after.strip()
            written = f"{before}: {after}" if after else f"{before}:"
            yield PUNCTUATION.at(
                _shifted(pos, key.index(FULL_COLON)), path, covers=(path, (*path[:-1], before)), span=1,
                char=FULL_COLON, name="冒号", name_en="colon",
                advice=f"键和值之间要用半角冒号加一个空格，写成“{written}”",
                advice_en=f"a key takes a half-width colon and a space, '{written}'",
                fix=_colon_fix(report, path, pos, before, after),
            )  # fmt: skip
    for path, pos in report.values.items():
        scalar = report.scalars.get(path)
        if scalar is None or scalar.quoted or scalar.style:
            continue
        text = scalar.text
        cell = FULL_COMMA in text and path and isinstance(path[-1], int)
        if not (cell or text[:1] in FULL_OPEN) or not isinstance(report.get(path), str):
            continue  # the characters first: the value is looked up only where they are
        if cell:
            yield PUNCTUATION.at(
                _shifted(pos, text.index(FULL_COMMA)), path, covers=(path, path[:-1]), span=1,
                char=FULL_COMMA, name="逗号", name_en="comma",
                advice=f"格子之间要用半角逗号“,”隔开，“{text}”被读成了一格",
                advice_en=f"cells are separated by a half-width ',', and '{text}' was read as one cell",
                fix=_comma_fix(report, path, text),
            )  # fmt: skip
        elif text[:1] in FULL_OPEN and bool(path) and path[0] in _TABLES and any(c.isdigit() for c in text):
            bracket = FULL_OPEN[text[0]]
            name, name_en = ("方括号", "bracket") if bracket == "[" else ("花括号", "brace")
            closing = "]" if bracket == "[" else "}"
            yield PUNCTUATION.at(
                pos, path, covers=(path,), span=1, char=text[0], name=name, name_en=name_en,
                advice=f"一行格子要写在半角{name}“{bracket} {closing}”里，格子之间用半角逗号“,”",
                advice_en=f"a row of cells is written inside a half-width '{bracket} {closing}', with ',' between cells",
                fix=_bracket_fix(report, path, text) if bracket == "[" else None,
            )  # fmt: skip


# A row in brackets is a slip only where the format has rows: 机关: 【示例】… is a name.
_TABLES = (statute.PART2, statute.PART3, statute.PART4)


def _shifted(pos: Pos, characters: int) -> Pos:
    return Pos(pos.line, pos.col + characters)


def _quoted(report: Report, pos: Pos) -> bool:
    return report.line_text(pos.line)[pos.col - 1 : pos.col] in ("'", '"')


# ---------------------------------------------------------------- fixes

_CELLS_WITH_COMMAS = re.compile(r"^\d+(?:\s*，\s*\d+)+$")
_THOUSANDS = re.compile(r"^\d{1,3}(?:，\d{3})+(?:\.\d+)?$")
_CLOSE = {"［": "］", "【": "】", "〔": "〕"}


def _colon_fix(report: Report, path: Path, pos: Pos, before: str, after: str) -> Fix | None:
    """`：` → `: ` after a key the format has at this place (and not yet written there)."""
    parent = path[:-1]
    siblings = report.get(parent)
    if before not in keys_at(report, parent) or not isinstance(siblings, dict) or before in siblings:
        return None
    key = str(path[-1])
    if report.line_text(pos.line)[pos.col - 1 : pos.col - 1 + len(key)] != key:
        return None
    colon = key.index(FULL_COLON)
    rest = key[colon + 1 :]
    spaces = rest[: len(rest) - len(rest.lstrip(" \u3000"))]  # kept, a full-width one made ordinary
    new = ":" + (spaces.replace("\u3000", " ") or (" " if after else ""))
    at = _shifted(pos, colon)
    edit = Edit(at, _shifted(at, 1 + len(spaces)), new)
    return Fix((edit,), SAFE, "改成半角冒号加空格“: ”", "write ': ' (a half-width colon and a space)")


def _comma_fix(report: Report, path: Path, text: str) -> Fix | None:
    """`0，0` → `0, 0` where the row is short by exactly those cells, and no cell is 1，234."""
    row = report.get(path[:-1])
    if path[0] not in (statute.PART3, statute.PART4) or not isinstance(row, list):
        return None
    if not _CELLS_WITH_COMMAS.match(text.strip()) or _THOUSANDS.match(text.strip()):
        return None
    width = len(statute.PART3_COLUMNS) if path[0] == statute.PART3 else len(statute.PART4_COLUMNS)
    span = value_span(report, path)
    if span is None or len(row) + text.count(FULL_COMMA) != width:
        return None
    edits = tuple(
        Edit(_shifted(span[0], m.start()), _shifted(span[0], m.end()), ", ")
        for m in re.finditer(r"\s*，\s*", text)
    )
    return Fix(edits, SAFE, "格子之间改用半角逗号“, ”", "separate the cells with ', '")


def _bracket_fix(report: Report, path: Path, text: str) -> Fix | None:
    """`［0, 0, 0］` → `[0, 0, 0]` for a row of table 三 or 四 read as one text."""
    span = value_span(report, path)
    if span is None or not path or path[0] not in (statute.PART3, statute.PART4) or isinstance(path[-1], int):
        return None
    closing = _CLOSE.get(text[0])
    if closing is None or not text.endswith((closing, "]")):
        return None
    edits = [Edit(span[0], _shifted(span[0], 1), "[")]
    if text.endswith(closing):
        edits.append(Edit(_shifted(span[0], len(text) - 1), _shifted(span[0], len(text)), "]"))
    return Fix(tuple(edits), SAFE, "改成半角方括号“[ ]”", "write the half-width brackets '[ ]'")
