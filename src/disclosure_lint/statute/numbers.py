"""One reader of numbers as reports write them: Arabic, full-width and Chinese numerals.

Cells, prose figures and dates all go through here, so 百 is 100 wherever it is read.
"""

from __future__ import annotations

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
# Every character a Chinese numeral may contain, for patterns that find numerals in prose.
CN_NUMERAL_CHARS = "".join((*CN_DIGITS, *CN_SMALL_UNITS, *CN_BIG_UNITS))

FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，－＋", "0123456789.,-+")


def fold_width(text: str) -> str:
    """Full-width digits and signs as ASCII: １２ → 12."""
    return text.translate(FULL_WIDTH_DIGITS)


def chinese_numeral(text: str) -> int | None:
    """十二 → 12, 一百零五 → 105, 百 → 100, 二〇二三 → 2023; None if `text` is not a Chinese numeral."""
    if not text or len(text) > 20:
        return None
    if any(ch not in CN_DIGITS and ch not in CN_SMALL_UNITS and ch not in CN_BIG_UNITS for ch in text):
        return None
    if all(ch in CN_DIGITS for ch in text):  # read digit by digit, as in 二〇二三
        return int("".join(str(CN_DIGITS[ch]) for ch in text))
    total, section, digit = 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            section += (1 if digit is None else digit) * CN_SMALL_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total = (total + section) * CN_BIG_UNITS[ch]
            section, digit = 0, None
    return total + section + (digit or 0)


def whole_number(text: str) -> int | None:
    """A whole number in any of the three notations (`１２`, `12`, `十二`); None otherwise."""
    text = fold_width(text.strip())
    if text.isascii() and text.isdigit():
        return int(text)
    return chinese_numeral(text)
