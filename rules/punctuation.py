"""DL042: YAML punctuation typed with a Chinese input method, where the file still reads as YAML.

A full-width colon, comma or bracket (`：`, `，`, `［`) is not YAML punctuation, so YAML reads it
as part of the text around it: `{本年制发件数：0}` is a key "本年制发件数：0" with no value,
`[0，0，0, 0]` a row whose first cell is the text "0，0，0", `［0, 0, 0］` one piece of text where a
row was meant. The schema would call these an unknown key, a row of the wrong length or a text
cell; the finding names the character at its column and what to type instead, and the schema's
findings about the same slip are dropped (`covers`). Where the slip breaks the YAML itself
(`年度：2023` on its own line), the loader reports it as DL004 at the same character.
"""

from __future__ import annotations

from collections.abc import Iterator

from disclosure_lint.api import ERROR, Finding, Pos, Report, Rule

FULL_COLON, FULL_COMMA = "：", "，"
FULL_OPEN = {"［": "[", "【": "[", "〔": "[", "｛": "{"}  # as disclosure_lint.slips names them

PUNCTUATION = Rule(
    code="DL042",
    name="ime-punctuation",
    severity=ERROR,
    summary_zh="YAML 的冒号、逗号或方括号用了中文输入法的全角符号",
    summary_en="A colon, comma or bracket of YAML is typed full-width, with a Chinese input method",
    clause="YAML 1.2",
    message_zh="“{char}”是中文输入法的全角{name}，YAML 不把它当作{name}：{fix}",
    message_en="'{char}' is the full-width {name_en} of a Chinese input method, which YAML does not read as one: {fix_en}",
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
                fix=f"键和值之间要用半角冒号加一个空格，写成“{written}”",
                fix_en=f"a key takes a half-width colon and a space, '{written}'",
            )  # fmt: skip
    for path, pos in report.values.items():
        scalar = report.scalars.get(path)
        if scalar is None or scalar.quoted or scalar.style or not isinstance(report.get(path), str):
            continue
        text = scalar.text
        if path and isinstance(path[-1], int) and FULL_COMMA in text:
            yield PUNCTUATION.at(
                _shifted(pos, text.index(FULL_COMMA)), path, covers=(path, path[:-1]), span=1,
                char=FULL_COMMA, name="逗号", name_en="comma",
                fix=f"格子之间要用半角逗号“,”隔开，“{text}”被读成了一格",
                fix_en=f"cells are separated by a half-width ',', and '{text}' was read as one cell",
            )  # fmt: skip
        elif text[:1] in FULL_OPEN:
            bracket = FULL_OPEN[text[0]]
            name, name_en = ("方括号", "bracket") if bracket == "[" else ("花括号", "brace")
            closing = "]" if bracket == "[" else "}"
            yield PUNCTUATION.at(
                pos, path, covers=(path,), span=1, char=text[0], name=name, name_en=name_en,
                fix=f"一行格子要写在半角{name}“{bracket} {closing}”里，格子之间用半角逗号“,”",
                fix_en=f"a row of cells is written inside a half-width '{bracket} {closing}', with ',' between cells",
            )  # fmt: skip


def _shifted(pos: Pos, characters: int) -> Pos:
    return Pos(pos.line, pos.col + characters)


def _quoted(report: Report, pos: Pos) -> bool:
    return report.line_text(pos.line)[pos.col - 1 : pos.col] in ("'", '"')
