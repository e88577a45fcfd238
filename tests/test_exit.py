"""How the command ends: at once when Python's shutdown has nothing left to do, else as usual."""

from __future__ import annotations

import atexit
import subprocess
import sys
from collections.abc import Iterator

import pytest
from conftest import SEED_EXAMPLE

from disclosure_lint import entry


class Ended(Exception):
    def __init__(self, how: str, code: object) -> None:
        super().__init__(how, code)
        self.how, self.code = how, code


@pytest.fixture
def ends(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """os._exit and sys.exit record how the command ended instead of ending the tests."""

    def quick(code: int) -> None:
        raise Ended("quick", code)

    def usual(code: object = None) -> None:
        raise Ended("usual", code)

    monkeypatch.setattr(entry.os, "_exit", quick)
    monkeypatch.setattr(entry.sys, "exit", usual)
    monkeypatch.setattr(
        entry.sys, "gettrace", lambda: None
    )  # pytest's own tracer, if any, is not the command's
    monkeypatch.setattr(entry.sys, "getprofile", lambda: None)
    monkeypatch.setattr(entry.atexit, "_ncallbacks", lambda: 0)
    yield


def _leave(code: object) -> Ended:
    with pytest.raises(Ended) as ended:
        entry.leave(code)
    return ended.value


@pytest.mark.parametrize(("code", "status"), [(0, 0), (1, 1), (2, 2), (130, 130), (None, 0)])
def test_nothing_left_to_do_ends_at_once_with_the_status(ends: None, code: object, status: int) -> None:
    assert (_leave(code).how, _leave(code).code) == ("quick", status)


def test_an_exit_handler_gets_the_usual_exit(ends: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry.atexit, "_ncallbacks", lambda: 1)  # e.g. multiprocessing's, after a pool
    assert (_leave(1).how, _leave(1).code) == ("usual", 1)


def test_a_profiler_or_tracer_gets_the_usual_exit(ends: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entry.sys, "getprofile", lambda: print)  # cProfile prints its table at exit
    assert _leave(0).how == "usual"
    monkeypatch.setattr(entry.sys, "getprofile", lambda: None)
    monkeypatch.setattr(entry.sys, "gettrace", lambda: print)  # coverage writes its data at exit
    assert _leave(0).how == "usual"


def test_a_message_as_status_gets_the_usual_exit(ends: None) -> None:
    assert (_leave("bye").how, _leave("bye").code) == ("usual", "bye")


def test_without_the_handler_count_the_exit_is_the_usual_one(
    ends: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(atexit, "_ncallbacks")
    assert _leave(0).how == "usual"


def test_everything_written_arrives_through_a_pipe() -> None:
    """A large output through a pipe, ended at once, arrives whole, and the status is the run's."""
    command = [sys.executable, "-m", "disclosure_lint", "--list-rules"]
    listed = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and len(listed.stdout) > 5000 and listed.stdout.endswith("\n")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "disclosure_lint",
            "--format",
            "json",
            "--no-cache",
            str(SEED_EXAMPLE),
            "nope.yaml",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout.rstrip().endswith("}")


SPY = """
import gc, sys
from disclosure_lint import batch
real = batch.lint_many
def lint_many(*args, **kwargs):
    print("collector on" if gc.isenabled() else "collector off", file=sys.stderr)
    yield from real(*args, **kwargs)
batch.lint_many = lint_many
sys.argv = ["disclosure-lint", *sys.argv[1:]]
from disclosure_lint.entry import main
main()
"""


@pytest.mark.parametrize(
    ("args", "collector"),
    [
        (["--no-cache", str(SEED_EXAMPLE)], "off"),  # one report: nothing it leaves can last
        (["--no-cache", str(SEED_EXAMPLE), str(SEED_EXAMPLE)], "on"),
        (["--no-cache", str(SEED_EXAMPLE.parent)], "on"),  # a folder
    ],
)
def test_the_cycle_collector_is_off_only_for_one_report(args: list[str], collector: str) -> None:
    done = subprocess.run([sys.executable, "-c", SPY, *args], capture_output=True, text=True, timeout=60)
    assert done.stderr.splitlines()[0] == f"collector {collector}"
    assert done.returncode in (0, 1)  # examples/ holds the broken example too
