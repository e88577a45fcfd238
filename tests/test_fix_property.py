"""`--fix` on reports typed with random notation slips: the result reads, has no notation finding
left, holds exactly the values the clerk meant, keeps every comment and every untouched line, and
fixing it again changes nothing."""

from __future__ import annotations

from decimal import Decimal

from conftest import CITY_BUREAU, fix, lint
from disclosure_lint.rules._number_cells import cells
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_lint.fixes import LineIndex, value_span
from disclosure_lint.loader import load_text

CITY = CITY_BUREAU.read_text(encoding="utf-8")
REPORT = load_text(CITY, "r.yaml").report
CELLS = list(cells(REPORT))
# Keys whose line may slip: every key but the five aspects of 总体情况 (all five typed with ：
# read as one text, which the format allows: see test_fix_slips).
KEYS = [path for path in REPORT.keys if path[0] != "总体情况" or len(path) == 1]
NOTATION = {"DL004", "DL006", "DL102", "DL103", "DL104", "DL105", "DL402", "DL403", "DL406", "DL408"}
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")
CHINESE = "零一二三四五六七八九"


def chinese(value: int) -> str:
    """1-99 as a clerk writes it in characters: 十二, 二十, 九十九."""
    tens, units = divmod(value, 10)
    if not tens:
        return CHINESE[units]
    return ("" if tens == 1 else CHINESE[tens]) + "十" + (CHINESE[units] if units else "")


def grouped(number: str, comma: str) -> str:
    whole, _, fraction = number.partition(".")
    groups = f"{int(whole):,}".replace(",", comma)
    return groups + ("." + fraction if fraction else "")


def notations(value: str, fee: bool) -> list[str]:
    """Ways a clerk types `value` that all mean it."""
    whole = "." not in value
    ways = [value, f'"{value}"', f"'{value.translate(FULL_WIDTH)}'", value.translate(FULL_WIDTH)]
    ways.append(f"{value}万元" if fee else f"{value}件")
    if int(value.split(".")[0]) >= 1000:
        ways += [grouped(value, ","), grouped(value, "，")]
        if whole:
            ways.append(f"{value[:-3]}_{value[-3:]}")
    if whole and not fee:
        ways.append(f"{value}.0")
        if 1 <= int(value) <= 99:
            ways.append(chinese(int(value)))
    return ways


@st.composite
def slipped_reports(draw: st.DrawFn) -> tuple[str, str, set[int]]:
    """(what the clerk typed, what they meant, the lines whose key slipped)."""
    edits: list[tuple[int, int, str, str]] = []  # offset range, typed, meant
    index = LineIndex(CITY)
    for cell in draw(st.lists(st.sampled_from(CELLS), unique=True, max_size=8)):
        span = value_span(REPORT, cell.path)
        assert span is not None
        if cell.is_fee:
            meant = str(Decimal(draw(st.integers(0, 999_999))) / 100)
            meant = meant.rstrip("0").rstrip(".") if "." in meant else meant
        else:
            meant = str(draw(st.integers(0, 99_999)))
        typed = draw(st.sampled_from(notations(meant, cell.is_fee)))
        start, end = index.offset(span[0]), index.offset(span[1])
        edits.append((start, end, typed, meant))
    slipped_lines: set[int] = set()
    for path in draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=6)):
        pos = REPORT.keys[path]
        colon = index.offset(pos) + len(path[-1])
        assert CITY[colon] == ":"
        after = CITY[colon + 1 : colon + 2]
        if after == " " and draw(st.booleans()):
            spaces = len(CITY[colon + 1 :]) - len(CITY[colon + 1 :].lstrip(" "))
            edits.append((colon, colon + 1 + spaces, ":", CITY[colon : colon + 1 + spaces]))  # no space
        else:
            edits.append((colon, colon + 1, "：", ":"))  # a full-width colon
        slipped_lines.add(pos.line)
    typed_text, meant_text = CITY, CITY
    for start, end, typed, meant in sorted(edits, reverse=True):
        typed_text = typed_text[:start] + typed + typed_text[end:]
        meant_text = meant_text[:start] + meant + meant_text[end:]
    return typed_text, meant_text, slipped_lines


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(slipped_reports())
def test_fix_gives_the_values_meant_and_keeps_the_rest(case: tuple[str, str, set[int]]) -> None:
    typed, meant, slipped_lines = case
    fixed = fix(typed)
    loaded = load_text(fixed.text, "r.yaml")
    assert loaded.report is not None, fixed.text
    assert loaded.report.data == load_text(meant, "r.yaml").report.data  # every value as meant
    left = {f.code for f in fixed.result.findings}
    assert not left & NOTATION, [f.message("en") for f in fixed.result.findings]
    assert left == {f.code for f in lint(meant).findings}  # what remains is what the values say
    for number, (line, want) in enumerate(zip(fixed.text.splitlines(), meant.splitlines(), strict=True), 1):
        if number not in slipped_lines:
            assert line == want  # every other line byte for byte, comments included
    comments = [line for line in CITY.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in fixed.text.splitlines() if line.lstrip().startswith("#")] == comments
    again = fix(fixed.text)
    assert again.applied == 0 and again.text == fixed.text
