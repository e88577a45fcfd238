"""The five real reports of ../shared/real/, as YAML built from their truth files: no error and no
warning. Their tables are hand-checked and consistent, and our prose states only the figures the
real reports state, traps included; any arithmetic or prose finding above info is a false alarm."""

from __future__ import annotations

import pytest
from conftest import lint
from real_reports import NAMES, report_yaml

from disclosure_lint.findings import INFO

# What the real reports do print that the 2021 format does not: e-district-2024's table 三 keeps
# the single 2019-style （六）其他处理 row (DL107, a warning about the table's shape, whose sums
# still run). Nothing about arithmetic or prose.
SHAPE = {"e-district-2024": ["DL107"]}


@pytest.mark.parametrize("name", NAMES)
def test_real_report_has_no_error_or_warning(name: str) -> None:
    result = lint(report_yaml(name), filename=f"{name}.yaml")
    loud = [f for f in result.findings if f.severity > INFO]
    assert [f.code for f in loud] == SHAPE.get(name, []), [f.message() for f in loud]


def test_the_notes_on_the_real_reports_are_the_expected_ones() -> None:
    """What is worth knowing about them: no date stated (e-district), one office's figure
    (e-district's 区政府办…17件 against the district's 95), and b-zone's eleven items short of 2599."""
    notes = {
        name: sorted({f.code for f in lint(report_yaml(name)).findings if f.severity == INFO})
        for name in NAMES
    }
    assert notes == {
        "a-zone-2021": [],
        "b-zone-2019": ["DL705"],
        "c-county-2025": [],
        "d-bureau-2022": [],
        "e-district-2024": ["DL305", "DL707"],
    }
