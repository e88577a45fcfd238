"""Property tests: prose that states a consistent table's own figures, in the ways real reports
phrase them, is never contradicted; a figure off by any amount is."""

from __future__ import annotations

import copy

from conftest import lint
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from real_reports import build_yaml, truth

from disclosure_lint.findings import INFO

ZEROS = [0] * 7


def tables(new: int, carried_in: int, carried_out: int, review: int, suits: int) -> dict:
    """d-bureau-2022's report with every application a 自然人's and every result 予以公开."""
    data = copy.deepcopy(truth("d-bureau-2022"))
    rows = {label: list(ZEROS) for label in data["table3"]["rows"]}
    done = new + carried_in - carried_out
    for label, value in (
        ("本年新收", new), ("上年结转", carried_in), ("予以公开", done), ("总计", done),
        ("结转下年度继续办理", carried_out),
    ):  # fmt: skip
        rows[label] = [value, 0, 0, 0, 0, 0, value]
    data["table3"]["rows"] = rows
    data["table4"] = {
        "行政复议": [review, 0, 0, 0, review],
        "未经复议直接起诉": [suits, 0, 0, 0, suits],
        "复议后起诉": [0, 0, 0, 0, 0],
    }
    return data


PHRASINGS = (
    "本年度共收到政府信息公开申请{all}件，其中本年新收{new}件，上年结转{carried_in}件。",
    "全年受理政府信息公开申请{all}件（含上年结转{carried_in}件），办结{done}件，结转下年度继续办理{carried_out}件。",
    "全年新收政府信息公开申请{new}件，其中自然人申请{new}件。",
    "依法予以公开{done}件。",
    "因政府信息公开被申请行政复议案件{review}件、提起行政诉讼案件{suits}件。",
    "依法做好政府信息公开行政复议、行政诉讼应诉工作，共办理相关案件{appeals}件。",
)

counts = st.integers(min_value=0, max_value=900)


def report(data: dict, sentences: list[str]) -> str:
    part1 = (
        "2022年，我局依托门户网站主动公开信息，规范依申请公开，落实保密审查，把政务公开纳入考核。\n"
        + "\n".join(sentences)
        + "\n"
    )
    return build_yaml(
        data, "部门", (part1, "解读形式单一。2023年，我局将丰富解读形式。\n", "2022年，未收取信息处理费。\n")
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    counts,
    st.integers(0, 60),
    st.data(),
    st.integers(0, 9),
    st.integers(0, 9),
    st.sets(st.sampled_from(PHRASINGS), min_size=1),
)
def test_a_consistent_account_is_never_contradicted(new, carried_in, data, review, suits, phrasings) -> None:
    carried_out = data.draw(st.integers(0, new + carried_in))
    values = {
        "new": new, "carried_in": carried_in, "all": new + carried_in, "carried_out": carried_out,
        "done": new + carried_in - carried_out, "review": review, "suits": suits, "appeals": review + suits,
    }  # fmt: skip
    text = report(
        tables(new, carried_in, carried_out, review, suits), [p.format(**values) for p in sorted(phrasings)]
    )
    loud = [(f.code, f.message()) for f in lint(text).findings if f.severity > INFO]
    assert loud == []


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(counts, st.integers(0, 60), st.integers(1, 500))
def test_a_completed_count_off_by_any_amount_is_found(new, carried_in, off) -> None:
    done = new + carried_in
    sentence = f"全年受理政府信息公开申请{new}件，办结{done + off}件。"
    text = report(tables(new, carried_in, 0, 0, 0), [sentence])
    found = [f.code for f in lint(text).findings if f.code.startswith("DL70")]
    assert found == ["DL701"]
