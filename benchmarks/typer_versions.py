"""Start-up of disclosure-lint under different typer versions, to choose the pin by measurement.

    python3 benchmarks/typer_versions.py                 # typer 0.27.3, 0.28.0 and the newest 0.29
    python3 benchmarks/typer_versions.py 0.27.3 0.28.0   # these versions

For each version a venv under benchmarks/.venv-typer/ (git-ignored, kept for the next run) gets
this checkout and that typer; then a typer hello-world, `disclosure-lint --help`, `--version` and
the lint of one generated report are timed, interleaved across versions, medians of 15 runs.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENVS = HERE / ".venv-typer"
DEFAULT_VERSIONS = ("0.27.3", "0.28.0", "0.29.*")
REPEATS = 15

HELLO = """\
import typer

app = typer.Typer(add_completion=False)


@app.command()
def main(name: str = "world") -> None:
    typer.echo(f"hello {name}")


app()
"""


def venv_for(version: str) -> Path:
    from run import _project_stamp

    folder = VENVS / version.replace("*", "x")
    python = folder / "bin" / "python"
    stamp_file, stamp = folder / ".disclosure-lint-stamp", _project_stamp()
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if not python.exists():
        print(f"creating {folder.relative_to(ROOT)} …", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    if not stamp_file.exists() or stamp_file.read_text() != stamp:
        # The project's other dependencies as declared, typer as asked (even outside the pin).
        with (ROOT / "pyproject.toml").open("rb") as stream:
            declared = tomllib.load(stream)["project"]["dependencies"]
        others = [d for d in declared if not d.replace("_", "-").lower().startswith("typer")]
        subprocess.run([*pip, "--no-deps", "--force-reinstall", str(ROOT)], check=True)
        subprocess.run([*pip, *others, f"typer=={version}"], check=True)
        stamp_file.write_text(stamp)
    return folder


def main() -> None:
    versions = sys.argv[1:] or list(DEFAULT_VERSIONS)
    sys.path.insert(0, str(HERE))
    from generate import generate

    work = Path(tempfile.mkdtemp(prefix="typer-versions-"))
    report = generate(work, 1)[0]
    hello = work / "hello.py"
    hello.write_text(HELLO, encoding="utf-8")
    folders = {version: venv_for(version) for version in versions}
    installed = {
        version: subprocess.run(
            [
                str(folder / "bin" / "python"),
                "-c",
                "import importlib.metadata as m; print(m.version('typer'))",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for version, folder in folders.items()
    }
    commands = {
        "hello-world command": lambda f: [str(f / "bin" / "python"), str(hello), "--name", "x"],
        "hello-world --help": lambda f: [str(f / "bin" / "python"), str(hello), "--help"],
        "disclosure-lint --help": lambda f: [str(f / "bin" / "disclosure-lint"), "--help"],
        "disclosure-lint --version": lambda f: [str(f / "bin" / "disclosure-lint"), "--version"],
        "disclosure-lint report.yaml": lambda f: [str(f / "bin" / "disclosure-lint"), str(report)],
    }
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(REPEATS + 1):  # the first round warms up
        for name, command in commands.items():
            for version, folder in folders.items():
                start = time.perf_counter()
                subprocess.run(command(folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.setdefault((name, version), []).append(time.perf_counter() - start)
    header = f"{'median of ' + str(REPEATS) + ' (s)':32}" + "".join(
        f"{'typer ' + installed[v]:>14}" for v in versions
    )
    print(header)
    for name in commands:
        cells = "".join(f"{statistics.median(times[(name, v)][1:]):>14.3f}" for v in versions)
        print(f"{name:32}{cells}")


if __name__ == "__main__":
    main()
