"""One intake: the suffix table every command consults, the one size limit, and the cheap scan
that lets a real report be parsed once."""

from __future__ import annotations

from pathlib import Path

from conftest import CITY_BUREAU, SEED_EXAMPLE
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import run

from disclosure_lint import config, importer, intake, lint
from disclosure_lint.desk.server import accepted_suffixes, upload_limit
from disclosure_lint.findings import Finding
from disclosure_lint.safety import MAX_DEPTH, MAX_VALUES, graph_limits, may_expand, prescan, within_limits


def test_every_command_reads_the_one_table() -> None:
    documents = {s for s, reader in intake.READERS.items() if reader != "yaml"}
    assert lint.DOCUMENT_SUFFIXES == documents == set(importer.SUFFIXES)
    assert set(accepted_suffixes()) == set(intake.READERS)
    assert config.DEFAULT_MAX_BYTES == intake.MAX_BYTES
    assert upload_limit(".pdf", 100) == 1000 and upload_limit(".html", 100) == 100


def test_an_xhtml_page_is_linted_as_import_reads_it(tmp_path: Path) -> None:
    page = tmp_path / "report.xhtml"
    page.write_text("<html><body><p>一、总体情况</p></body></html>", encoding="utf-8")
    done = run(page)
    assert "DL006" not in done.stdout  # not "this is a web page, not YAML": it is imported
    assert run("import", page).returncode in (0, 2)


def test_read_names_what_stops_it(tmp_path: Path) -> None:
    missing = intake.read(tmp_path / "nope.yaml")
    assert isinstance(missing, Finding) and (missing.code, missing.message("en")) == (
        "DL001",
        "cannot read the file: no such file",
    )
    folder = intake.read(tmp_path)
    assert isinstance(folder, Finding) and folder.code == "DL001"
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    too_big = intake.read(big, 100)
    assert isinstance(too_big, Finding) and too_big.code == "DL007"
    assert intake.read(SEED_EXAMPLE) == SEED_EXAMPLE.read_bytes()


def test_real_reports_skip_the_event_pass() -> None:
    for report in (SEED_EXAMPLE, CITY_BUREAU):
        assert within_limits(report.read_text(encoding="utf-8"))
    assert not within_limits("[" * (MAX_DEPTH + 1))
    assert not within_limits("- a\n" * (MAX_VALUES + 1))


_PIECES = st.sampled_from(
    ["[", "]", "{", "}", ", ", ": ", "- ", "? ", "\n", "  ", "a", "*x", "&x ", "'", "|\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join), st.integers(1, 400))
def test_the_scan_never_passes_what_the_event_pass_refuses(piece: str, times: int) -> None:
    """Soundness: whenever the character count says "within", the event pass finds nothing."""
    text = piece * times
    if within_limits(text):
        assert prescan(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join), st.integers(1, 400))
def test_the_graph_pass_is_skipped_only_where_it_finds_nothing(piece: str, times: int) -> None:
    """Soundness of skipping graph_limits: without an anchor the composed graph is the tree the
    character count already bounded, so the graph pass would refuse nothing."""
    from ruamel.yaml import YAML

    text = piece * times
    bounded = within_limits(text)
    if may_expand(text, bounded):
        return
    try:
        root = YAML(typ="safe").compose(text)
    except Exception:  # not YAML: the composer reports it, and nothing is measured
        return
    assert root is None or graph_limits(root) is None
