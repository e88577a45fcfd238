"""Record what disclosure-lint prints for a fixed set of reports, and compare a later checkout with it.

    python benchmarks/snapshot.py record OUT_DIR     # before a change
    python benchmarks/snapshot.py compare OUT_DIR    # after it: every output must be byte-identical

A speed-up must not change a single byte a user sees. The inputs are the examples, every YAML
file under tests/fixtures, the real published reports in ../shared/real (text and PDF, imported
in memory) and a few hundred generated reports (benchmarks/generate.py, fixed seed, one in five
with mistakes). Each is linted through the installed `disclosure-lint` command, as a user runs
it: all at once (the worker pool), in groups too small for the pool (the sequential loop), and
through the result cache (cold, then warm), in JSON and text, in Chinese and English. Standard
output, standard error and the exit status are kept, one file per run.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REAL = ROOT.parent / "shared" / "real"
GROUP = 8  # fewer than batch.PARALLEL_FROM: linted in one process, file after file
VARIANTS = {
    "json-zh": ["--format", "json"],
    "json-en": ["--format", "json", "--lang", "en"],
    "text-zh": [],
    "text-en": ["--lang", "en"],
}


def stage(work: Path, generated: int) -> list[str]:
    """Copy every input under `work` and return their paths relative to it, in a fixed order."""
    sys.path.insert(0, str(HERE))
    from generate import generate

    inputs: list[Path] = []
    for source, target in ((ROOT / "examples", "examples"), (ROOT / "tests" / "fixtures", "fixtures")):
        for path in sorted(source.rglob("*.yaml")):
            copy = work / target / path.relative_to(source)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, copy)
            inputs.append(copy)
    if REAL.is_dir():
        (work / "real").mkdir()
        for path in sorted(p for p in REAL.iterdir() if p.suffix in (".txt", ".pdf")):
            shutil.copyfile(path, work / "real" / path.name)
            inputs.append(work / "real" / path.name)
    inputs += generate(work / "generated", generated)
    return [str(path.relative_to(work)) for path in inputs]


def runs(files: list[str]) -> dict[str, list[list[str]]]:
    """Named runs: a list of argument lists each, whose outputs are concatenated."""
    planned: dict[str, list[list[str]]] = {}
    for name, flags in VARIANTS.items():
        planned[f"all-{name}"] = [[*flags, "--no-cache", *files]]
        planned[f"groups-{name}"] = [
            [*flags, "--no-cache", *files[start : start + GROUP]] for start in range(0, len(files), GROUP)
        ]
    planned["all-html-zh"] = [["--format", "html", "--no-cache", *files]]
    # Through the result cache: the first run fills it, the next ones read it.
    planned["cached-cold-text-zh"] = [[*files]]
    planned["cached-warm-text-zh"] = [[*files]]
    planned["cached-warm-json-en"] = [[*VARIANTS["json-en"], *files]]
    return planned


def run_all(command: str, work: Path, out: Path) -> None:
    env = dict(
        os.environ, NO_COLOR="1", XDG_CACHE_HOME=str(work / ".cache"), XDG_CONFIG_HOME=str(work / ".config")
    )
    work.mkdir(parents=True, exist_ok=True)
    files = stage(work, GENERATED)
    out.mkdir(parents=True, exist_ok=True)
    for name, arguments in runs(files).items():
        parts = []
        for args in arguments:
            done = subprocess.run([command, *args], cwd=work, env=env, capture_output=True)
            parts.append(b"$ %d\n" % done.returncode + done.stdout + b"\n--- stderr\n" + done.stderr)
        (out / f"{name}.out").write_bytes(b"".join(parts))
        print(f"{name}: {len(arguments)} run(s)", flush=True)


GENERATED = 300


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=("record", "compare"))
    parser.add_argument("folder", type=Path, help="where the recorded outputs are (or go)")
    parser.add_argument("--command", default=shutil.which("disclosure-lint") or "disclosure-lint")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="disclosure-lint-snapshot-"))
    try:
        if args.action == "record":
            run_all(args.command, work / "inputs", args.folder)
            return
        fresh = work / "outputs"
        run_all(args.command, work / "inputs", fresh)
        different = 0
        for recorded in sorted(args.folder.glob("*.out")):
            now = fresh / recorded.name
            if now.read_bytes() == recorded.read_bytes():
                continue
            different += 1
            diff = difflib.unified_diff(
                recorded.read_text(errors="replace").splitlines(),
                now.read_text(errors="replace").splitlines(),
                str(recorded),
                "now",
                lineterm="",
                n=1,
            )
            print("\n".join(list(diff)[:40]))
        print(f"{different} of {len(list(args.folder.glob('*.out')))} outputs differ")
        sys.exit(1 if different else 0)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
