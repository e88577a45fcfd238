"""Benchmark disclosure-lint against the tools a user would otherwise run, on the same files.

    python3 benchmarks/run.py            # full run, about 3–5 minutes on 2 cores
    python3 benchmarks/run.py --quick    # smoke run, well under a minute

The first run creates benchmarks/.venv (git-ignored) with this checkout installed as a user
installs it (`pip install .`) and, for comparison only, check-jsonschema and yamllint from PyPI;
later runs reuse it and reinstall the project only when its files changed. Then it generates
realistic reports (benchmarks/generate.py: 20–30 KB each, full narrative, balanced tables, one
in five with deliberate mistakes) in a temporary folder and measures, interleaving the tools so
that drift on a shared machine hits them alike, and taking medians over the repeats:

  (a) one report in a fresh process: disclosure-lint (--no-cache: the cold case a pre-commit hook
      pays), `check-jsonschema --schemafile schemas/report-2021.schema.json`, `yamllint`; a
      clean report and one with mistakes;
  (b) `disclosure-lint --help`, `--version`, `--list-rules` and `--explain` (and `python -c pass`);
  (c) a folder of N distinct reports (default 10,000) in one invocation, with an empty result
      cache (so the run also writes it), and the peers on the first 250 of them (rates in
      reports per second); then (d) the same folder unchanged, re-linted from the cache;
  (e) the batch's peak memory: the main process at N/10 and at N (flat means it keeps counts,
      not findings), the largest process, and the whole tree (command and workers);
  (f) rendering a report to Word and to HTML;
  (g) the real published reports in ../shared/real (text and PDF): disclosure-lint on the
      document (imported in memory, then linted), and the peers on the YAML `import` writes;
      and `import` of each PDF on its own.

Every command runs with XDG_CACHE_HOME in the temporary folder: the user's cache is untouched.
It prints the machine, a table of medians with the ratio of each to the peers (disclosure-lint's
time divided by the peer's: below 1 is faster) and the issue's targets.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv"
SCHEMA = ROOT / "schemas" / "report-2021.schema.json"
PEERS = ("check-jsonschema", "yamllint")
STAMPED = ("pyproject.toml", "src", "rules", "schemas")


# ---------------------------------------------------------------- the venv


def _bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / name


def _project_stamp() -> str:
    digest = hashlib.sha256()
    for name in STAMPED:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


def ensure_venv(python: str, force: bool) -> Path:
    stamp_file = VENV / ".disclosure-lint-stamp"
    stamp = _project_stamp()
    pip = [str(_bin("python")), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if force and VENV.exists():
        shutil.rmtree(VENV)
    if not _bin("python").exists():
        print(f"creating {VENV.relative_to(ROOT)} …", flush=True)
        subprocess.run([python, "-m", "venv", str(VENV)], check=True)
        subprocess.run([*pip, f"{ROOT}[docx,pdf]", *PEERS], check=True)
    elif not stamp_file.exists() or stamp_file.read_text() != stamp:
        print("reinstalling disclosure-lint from this checkout …", flush=True)
        subprocess.run([*pip, "--force-reinstall", "--no-deps", str(ROOT)], check=True)
        subprocess.run([*pip, f"{ROOT}[docx,pdf]", *PEERS], check=True)
    stamp_file.write_text(stamp)
    return _bin("python")


# ---------------------------------------------------------------- measuring


CACHE_HOME: dict[str, str] = {}  # XDG_CACHE_HOME for every measured command, set in main()


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure as installed, with bytecode caches
    env.update(NO_COLOR="1", LANG=env.get("LANG", "C.UTF-8"), **CACHE_HOME)
    return env


def _run(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall time, CPU time of the command and the processes it waited for) in seconds."""
    start = time.perf_counter()
    child = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, env=_env()
    )
    if hasattr(os, "wait4"):
        _, _, usage = os.wait4(child.pid, 0)
        child.returncode = 0  # reaped above
        return time.perf_counter() - start, usage.ru_utime + usage.ru_stime
    child.wait()
    return time.perf_counter() - start, float("nan")


CPU: dict[str, float] = {}  # median CPU times of the last medians() call, by name


def medians(commands: dict[str, list[str]], repeats: int, cwd: Path) -> dict[str, float]:
    """Median wall time of each command, the commands interleaved round by round after a warm-up.

    The median CPU times are left in CPU: on a machine shared with other work they vary less.
    """
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        _run(command, cwd)  # warm-up: page cache, bytecode
    for _ in range(repeats):
        for name, command in commands.items():
            times[name].append(_run(command, cwd))
    CPU.clear()
    CPU.update({name: statistics.median(cpu for _, cpu in values) for name, values in times.items()})
    return {name: statistics.median(wall for wall, _ in values) for name, values in times.items()}


def peak_memory(command: list[str], cwd: Path) -> tuple[float, float, float, float, float]:
    """(largest process, whole process tree, the command's own process) peak resident MB, then
    the wall time and the CPU time (user + system, workers included) in seconds."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    )
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", probe, *command], stdout=subprocess.PIPE, cwd=cwd, env=_env(), text=True
    )
    tree_peak = main_peak = 0
    while child.poll() is None:
        tree, main = _tree_rss_kb(child.pid)
        tree_peak, main_peak = max(tree_peak, tree), max(main_peak, main)
        time.sleep(0.01)
    wall = time.perf_counter() - start
    largest, cpu = (child.stdout.read().split() if child.stdout else []) or ("0", "nan")
    largest_kb = int(largest)
    if sys.platform == "darwin":
        largest_kb //= 1024  # bytes there
    return largest_kb / 1024, tree_peak / 1024, main_peak / 1024, wall, float(cpu)


def _tree_rss_kb(root: int) -> tuple[int, int]:
    """(sum of VmRSS over `root`'s descendants, the largest direct child's); 0 without /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        pid = int(entry.name)
        children.setdefault(int(fields.get("PPid", "0").strip() or 0), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    direct = max((rss.get(pid, 0) for pid in children.get(root, [])), default=0)
    total, stack = 0, list(children.get(root, []))
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total, direct


# ---------------------------------------------------------------- the machine


def machine(python: Path) -> list[tuple[str, str]]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    versions = subprocess.run(
        [
            str(python),
            "-c",
            "import sys, importlib.metadata as m\n"
            "print(sys.version.split()[0])\n"
            "for d in ('disclosure-lint','typer','ruamel.yaml','ruamel.yaml.clib','jsonschema',"
            "'check-jsonschema','yamllint'):\n"
            "    print(d + ' ' + m.version(d))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    return [
        ("CPU", f"{model}, {os.cpu_count()} logical cores ({usable} usable)"),
        ("memory", memory),
        ("system", platform.platform()),
        ("Python", versions[0]),
        ("packages", ", ".join(v for v in versions[1:] if v)),
        ("load average at start", " ".join(f"{x:.2f}" for x in load) if load[0] != "?" else "?"),
    ]


# ---------------------------------------------------------------- the run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: few repeats, a batch of 500")
    parser.add_argument("--repeats", type=int, help="repeats of each short command (default 15; quick 3)")
    parser.add_argument("--batch", type=int, help="reports in the batch (default 10000; quick 500)")
    parser.add_argument("--batch-repeats", type=int, help="repeats of the batch (default 2; quick 1)")
    parser.add_argument("--peer-batch", type=int, help="reports in the peers' batch (default 250; quick 50)")
    parser.add_argument("--no-peers", action="store_true", help="measure disclosure-lint only")
    parser.add_argument("--reinstall", action="store_true", help="recreate benchmarks/.venv")
    parser.add_argument("--keep", action="store_true", help="keep the generated reports and print where")
    parser.add_argument("--in-venv", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if not args.in_venv:
        python = ensure_venv(sys.executable, args.reinstall)
        os.execv(str(python), [str(python), str(Path(__file__).resolve()), *sys.argv[1:], "--in-venv"])

    sys.path.insert(0, str(HERE))
    from generate import generate
    from tabulate import tabulate

    repeats = args.repeats or (3 if args.quick else 15)
    batch_size = args.batch or (500 if args.quick else 10000)
    batch_repeats = args.batch_repeats or (1 if args.quick else 2)
    peer_batch = args.peer_batch or (50 if args.quick else 250)
    python = _bin("python")
    lint, cj, yl = (str(_bin(name)) for name in ("disclosure-lint", *PEERS))
    peers = not args.no_peers

    for label, value in machine(python):
        print(f"{label}: {value}")
    print(flush=True)

    work = Path(tempfile.mkdtemp(prefix="disclosure-lint-bench-"))
    CACHE_HOME["XDG_CACHE_HOME"] = str(work / "cache")
    try:
        started = time.perf_counter()
        reports = generate(work / "reports", batch_size)
        sizes = sorted(p.stat().st_size for p in reports)
        print(
            f"generated {len(reports)} reports ({sizes[0] / 1000:.0f}–{sizes[-1] / 1000:.0f} kB, median "
            f"{sizes[len(sizes) // 2] / 1000:.0f} kB; one in five with mistakes) in {work}",
            flush=True,
        )
        clean, broken = reports[0], reports[4]  # generate.py: every fifth report has mistakes
        wall_rows: list[list[str]] = []
        cpu_rows: list[list[str]] = []

        def row(label: str, wall: dict[str, float], target: str = "", met: bool | None = None) -> None:
            """One line of each table from medians keyed "ours" and by peer."""
            for rows, got in ((wall_rows, wall), (cpu_rows, dict(CPU))):
                ours = got["ours"]
                cells = [label, f"{ours:.3f}"]
                cells += [f"{got[peer]:.3f}" if peer in got else "" for peer in PEERS]
                cells += [f"{ours / got[peer]:.2f}" if got.get(peer) else "" for peer in PEERS]
                if rows is wall_rows:
                    cells += [target, "" if met is None else ("yes" if met else "NO")]
                rows.append(cells)

        # (a) one report, cold process
        for label, report in (("one clean report, cold", clean), ("one report with mistakes, cold", broken)):
            commands = {"ours": [lint, "--no-cache", str(report)]}
            if peers:
                commands["check-jsonschema"] = [cj, "--schemafile", str(SCHEMA), str(report)]
                commands["yamllint"] = [yl, str(report)]
            print(f"measuring {label} …", flush=True)
            got = medians(commands, repeats, work)
            met = got["ours"] <= 0.13 and all(got["ours"] < v for k, v in got.items() if k != "ours")
            row(f"{label} (s)", got, "≤ 0.13 s, below both" if peers else "≤ 0.13 s", met)

        # (b) start-up
        print("measuring start-up …", flush=True)
        startup = {
            "python -c pass (for reference)": [str(python), "-c", "pass"],
            "disclosure-lint --help": [lint, "--help"],
            "disclosure-lint --version": [lint, "--version"],
            "disclosure-lint --list-rules": [lint, "--list-rules"],
            "disclosure-lint --explain DL205": [lint, "--explain", "DL205"],
        }
        got = medians(startup, repeats, work)
        all_cpu = dict(CPU)
        for name in startup:
            CPU.clear()
            CPU["ours"] = all_cpu[name]
            limited = "--help" in name or "--version" in name
            row(
                f"{name} (s)",
                {"ours": got[name]},
                "≤ 0.06 s" if limited else "",
                got[name] <= 0.06 if limited else None,
            )

        # (c) the batch, in one invocation on the folder, each repeat with an empty cache
        folder = str(work / "reports")
        files = [str(p) for p in reports]
        print(f"measuring a batch of {len(files)} reports (empty cache) …", flush=True)
        cold_runs, memory = [], []
        for _ in range(batch_repeats):  # the peak memory is sampled during these same runs
            shutil.rmtree(work / "cache", ignore_errors=True)
            largest, tree, main_all, wall, cpu = peak_memory([lint, folder], work)
            cold_runs.append((wall, cpu))
            memory.append((largest, tree, main_all))
        batch = {"ours": statistics.median(w for w, _ in cold_runs)}
        counts = dict.fromkeys(batch, len(files))
        batch_cpu = {"ours": statistics.median(c for _, c in cold_runs)}
        if peers:  # the peers are slower per report: a part of the batch keeps the run short
            some = files[: min(len(files), peer_batch)]
            print(f"measuring the peers on {len(some)} of the reports …", flush=True)
            batch |= medians(
                {"check-jsonschema": [cj, "--schemafile", str(SCHEMA), *some], "yamllint": [yl, *some]},
                1,
                work,
            )
            batch_cpu |= CPU
            counts |= dict.fromkeys(PEERS, len(some))
        wall_rows.append([f"batch of {len(files)} reports in one invocation (s)", f"{batch['ours']:.3f}"])
        wall_rows[-1] += [""] * (2 * len(PEERS)) + ["", ""]
        rates = {name: counts[name] / seconds for name, seconds in batch.items()}
        wall_rows.append(
            [
                "batch throughput (reports/s)",
                f"{rates['ours']:.0f}",
                *(f"{rates[peer]:.0f}" if peer in rates else "" for peer in PEERS),
                *(f"{rates[peer] / rates['ours']:.2f}" if peer in rates else "" for peer in PEERS),
                "≥ 200 /s",
                "yes" if rates["ours"] >= 200 else "NO",
            ]
        )
        per_report = {name: 1000 * batch_cpu[name] / counts[name] for name in batch_cpu}
        cpu_rows.append(
            [
                "batch, CPU per report (ms)",
                f"{per_report['ours']:.1f}",
                *(f"{per_report[peer]:.1f}" if peer in per_report else "" for peer in PEERS),
                *(
                    f"{per_report['ours'] / per_report[peer]:.2f}" if peer in per_report else ""
                    for peer in PEERS
                ),
            ]
        )

        # (d) the same folder, unchanged: every result from the cache the last cold run wrote
        print("measuring the unchanged folder, re-linted …", flush=True)
        again = medians({"ours": [lint, folder]}, max(batch_repeats, 3), work)
        rate = len(files) / again["ours"]
        wall_rows.append(
            ["unchanged folder re-linted (reports/s)", f"{rate:.0f}", *[""] * (2 * len(PEERS)), "≥ 2000 /s",
             "yes" if rate >= 2000 else "NO"]
        )  # fmt: skip

        # (e) peak memory: the main process should not grow with the folder
        print("measuring the batch's peak memory …", flush=True)
        tenth = work / "tenth"
        tenth.mkdir()
        for path in reports[: max(1, len(reports) // 10)]:
            (tenth / path.name).symlink_to(path)
        shutil.rmtree(work / "cache", ignore_errors=True)
        _, _, main_tenth, _, _ = peak_memory([lint, str(tenth)], work)
        largest, tree, main_all = (statistics.median(m[i] for m in memory) for i in range(3))
        blank = [""] * (2 * len(PEERS))
        flat = main_all <= main_tenth * 1.15 + 2
        wall_rows.append(
            [f"main process peak, {len(reports) // 10} → {len(reports)} reports (MB)",
             f"{main_tenth:.0f} → {main_all:.0f}", *blank, "flat", "yes" if flat else "NO"]
        )  # fmt: skip
        wall_rows.append(["batch peak memory, whole process tree (MB)", f"{tree:.0f}", *blank, "", ""])
        wall_rows.append(["batch peak memory, largest process (MB)", f"{largest:.0f}", *blank, "", ""])

        # (f) rendering
        print("measuring render …", flush=True)
        rendered = medians(
            {
                "docx": [lint, "render", str(clean), "-o", str(work / "r.docx"), "--force"],
                "html": [lint, "render", str(clean), "-o", str(work / "r.html"), "--force"],
            },
            repeats,
            work,
        )
        wall_rows.append(["render to Word (s)", f"{rendered['docx']:.3f}", *blank, "≤ 0.4 s",
                          "yes" if rendered["docx"] <= 0.4 else "NO"])  # fmt: skip
        wall_rows.append(["render to HTML (s)", f"{rendered['html']:.3f}", *blank, "", ""])

        # (g) real published reports: the document itself for us, its imported YAML for the peers
        real = ROOT.parent / "shared" / "real"
        documents = sorted(p for p in real.glob("*") if p.suffix in (".txt", ".pdf")) if real.is_dir() else []
        for document in documents:
            imported = work / f"{document.stem}{document.suffix.replace('.', '-')}.yaml"
            subprocess.run(
                [lint, "import", str(document), "-o", str(imported), "--force"],
                capture_output=True, env=_env(), cwd=work,
            )  # fmt: skip
            commands = {"ours": [lint, "--no-cache", str(document)]}
            if peers and imported.is_file():
                commands["check-jsonschema"] = [cj, "--schemafile", str(SCHEMA), str(imported)]
                commands["yamllint"] = [yl, str(imported)]
            print(f"measuring {document.name} …", flush=True)
            row(f"real {document.name}, cold (s)", medians(commands, max(3, repeats // 2), work))
            if document.suffix == ".pdf":  # the PDF import alone, as `import` runs it
                target = str(work / f"{document.stem}-again.yaml")
                command = [lint, "import", str(document), "-o", target, "--force"]
                imported_in = medians({"ours": command}, max(3, repeats // 2), work)
                row(f"import {document.name} to YAML (s)", imported_in)
        if not documents:
            print(f"(no real reports in {real}: section (g) skipped)")

        headers = ["median", "disclosure-lint", *PEERS, *(f"÷ {peer}" for peer in PEERS)]
        print()
        print("Wall-clock time (what a user waits for):")
        print(
            tabulate(wall_rows, headers=[*headers, "target", "met"], tablefmt="github", disable_numparse=True)
        )
        print()
        print("CPU time, user + system, of the command and its workers (less disturbed by other load):")
        print(tabulate(cpu_rows, headers=headers, tablefmt="github", disable_numparse=True))
        load = os.getloadavg() if hasattr(os, "getloadavg") else None
        print()
        print(
            f"{repeats} repeats of each single command, {batch_repeats} of the cold batch (the peers once, on "
            f"{min(peer_batch, len(files))} of its reports); ÷ is disclosure-lint's time (per report, for the batch) "
            f"divided by the peer's: below 1 is faster; "
            f"load average at the end {' '.join(f'{x:.2f}' for x in load) if load else '?'}; "
            f"{time.perf_counter() - started:.0f} s in all."
        )
        if args.keep:
            print(f"reports kept in {work / 'reports'}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
