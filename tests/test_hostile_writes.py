"""Issue 14, no write loses data: output onto an input is refused, an existing file is replaced
only with --force, and every write is atomic (a failure leaves the old file as it was)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, SEED_EXAMPLE
from test_cli import run

from disclosure_lint import atomic

BROKEN = EXAMPLES / "broken-2023.yaml"


@pytest.fixture
def report(tmp_path: Path) -> Path:
    target = tmp_path / "r.yaml"
    target.write_bytes(SEED_EXAMPLE.read_bytes())
    return target


def _html(tmp_path: Path) -> Path:
    page = tmp_path / "published.html"
    assert run("render", SEED_EXAMPLE, "-o", page).returncode == 0
    return page


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_onto_an_input_is_refused_and_the_input_is_byte_identical(
    report: Path, tmp_path: Path, force: list[str]
) -> None:
    before = report.read_bytes()
    link = tmp_path / "link.yaml"
    link.symlink_to(report)
    for args in (
        [report, "-o", report],
        [report, "--format", "json", "-o", report],
        [tmp_path, "-o", report],  # the report found in a folder
        [report, "-o", link],  # through a symbolic link
    ):
        done = run(*args, *force, cwd=tmp_path)
        assert done.returncode == 2, (args, done.stderr)
        if args[0] == tmp_path and not force:  # refused before the folder is searched
            assert "r.yaml exists (use --force to overwrite)" in done.stderr
        else:
            assert "is also an input; write the output to another file" in done.stderr
        assert "Traceback" not in done.stderr
        assert report.read_bytes() == before
    page = _html(tmp_path)
    page_bytes = page.read_bytes()
    for args in (["import", page, "-o", page], ["render", page, "-o", page]):
        done = run(*args, *force)
        assert done.returncode == 2 and "is also an input" in done.stderr
        assert page.read_bytes() == page_bytes


def test_an_existing_file_is_overwritten_only_with_force(report: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    page = _html(tmp_path)
    commands = {
        "lint -o": ([report, "-o", old], []),
        "import -o": (["import", page, "-o", old], []),
        "render -o": (["render", report, "-o", tmp_path / "old.html"], []),
        "init": (["init", old, "--agency", "某局", "--year", "2024"], []),
    }
    for name, (args, _) in commands.items():
        target = Path(args[args.index("-o") + 1]) if "-o" in args else old
        target.write_text("keep me", encoding="utf-8")
        done = run(*args)
        assert done.returncode == 2, name
        assert done.stderr.strip().endswith(f"{target} exists (use --force to overwrite)"), name
        assert target.read_text(encoding="utf-8") == "keep me", name
        done = run(*args, "--force")
        assert done.returncode == 0, (name, done.stderr)
        assert target.read_text(encoding="utf-8") != "keep me", name
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_lint_output_file_has_the_findings(tmp_path: Path) -> None:
    target = tmp_path / "lint.txt"
    done = run(BROKEN, "-o", target)
    assert done.returncode == 1 and done.stdout == ""
    assert target.read_text(encoding="utf-8").startswith(f"{BROKEN}:8:7: DL503 ")


def test_an_interrupted_write_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("the good one", encoding="utf-8")
    os.chmod(target, 0o640)

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # fails after part of the data is written
    with pytest.raises(OSError):
        atomic.write(target, "x" * 1_000_000)
    assert target.read_text(encoding="utf-8") == "the good one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left
    monkeypatch.undo()
    atomic.write(target, "the new one")
    assert target.read_text(encoding="utf-8") == "the new one"
    assert target.stat().st_mode & 0o777 == 0o640  # the old file's permissions kept


def test_an_interrupted_render_through_the_command_keeps_the_old_document(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from disclosure_lint.render.cli import app

    target = tmp_path / "out.html"
    target.write_bytes(b"the good document")

    def interrupted(*_: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", interrupted)  # the rename into place fails
    done = CliRunner().invoke(app, [str(report), "-o", str(target), "--force"])
    assert done.exit_code == 2
    assert f"cannot write {target}: Input/output error" in done.output
    assert target.read_bytes() == b"the good document"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.html", "r.yaml"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="POSIX devices")
def test_a_device_or_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    import stat
    import threading

    done = run(BROKEN, "-o", "/dev/null")
    assert done.returncode == 1 and done.stderr == ""
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)  # still the device, not a file put in its place
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    done = run(BROKEN, "--format", "json", "-o", pipe)
    reader.join(timeout=30)
    assert done.returncode == 1 and received and received[0].startswith(b'{\n  "version": 1')
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
