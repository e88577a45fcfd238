"""`disclosure-lint --fix` and `--diff`: fix each report, then write it back or show the change.

* `--fix` rewrites each YAML report that changed, atomically (atomic.py), in its own encoding and
  line ends; from standard input (`-`) it writes the fixed text to standard output instead, and
  the findings that remain to standard error. The findings reported are those that remain.
* `--diff` changes nothing: it prints a unified diff of what `--fix` would do, then how many
  problems it would fix; the exit status is 1 if anything would change, else 0 (as ruff's).
* A published document (.docx, .html, .pdf, .txt, .md) is never rewritten: it is linted as
  always, and a note says to import it and fix the YAML.

Reports are fixed one after another in this process: each round of a fix lints the report again,
and a result's text must reach the writer in the order given.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from . import atomic, engine
from .decoding import binary_format, decode_with_codec
from .escape import visible
from .findings import START, Finding
from .fixer import encoder, fix_text
from .intake import read, reader_for
from .lint import lint_source
from .reporters import Reporter
from .result import EXIT_ERROR, FileResult, RunResult, exit_code

if TYPE_CHECKING:
    from .batch import Job
    from .document import Report
    from .findings import Rule

FIX, DIFF = "fix", "diff"

# What --fix and --diff say besides the findings (zh, en).
TEXTS = {
    "document": (
        "{name}：已发布的文档不会被改写。要修复，请先导入为 YAML（disclosure-lint import {name} -o 报告.yaml），再修复那个 YAML 文件",
        "{name}: a published document is never rewritten; import it (disclosure-lint import {name} -o report.yaml) and fix the YAML instead",
    ),
    "encoding": (
        "{name}：文件的编码（{codec}）写不回与原来相同的字节，未改写；请先用 UTF-8 另存",
        "{name}: its encoding ({codec}) would not write the file back byte for byte, so it was not changed; save it as UTF-8 first",
    ),
    "broke": (
        "{name}：有一轮修复会使报告无法读取，修复停在那之前（这是 disclosure-lint 的错误，请报告）",
        "{name}: a round of fixes would have made the report unreadable, so fixing stopped before it (a fault of disclosure-lint; please report it)",
    ),
    "write": ("无法写入 {name}：{error}", "cannot write {name}: {error}"),
    "fix_and_diff": (
        "--fix 会改写文件，--diff 只显示会改什么而不改写：两者只能选一个",
        "--fix rewrites the files and --diff only shows what it would change: use one of them",
    ),
    "listing": (
        "{option} 不检查任何报告，不能与 {flag} 同用",
        "{option} checks no report, so it cannot go with {flag}",
    ),
    "diff_format": (
        "--diff 输出的是修改前后的差异，不是检查结果，不能与 --format {format} 同用",
        "--diff prints a diff, not findings, so it cannot go with --format {format}",
    ),
    "diff_statistics": (
        "--diff 输出的是修改前后的差异，不是检查结果，不能与 --statistics 同用",
        "--diff prints a diff, not findings, so it cannot go with --statistics",
    ),
    "stdin_alone": (
        "--fix 把修复后的标准输入（-）写到标准输出，所以“-”必须是唯一的输入",
        "--fix writes standard input (-), fixed, to standard output, so - must be the only input",
    ),
    "would_fix": ("可修复 {count} 个问题。", "Would fix {count} problem{s}."),
    "nothing": ("没有可修复的问题。", "No problems would be fixed."),
}


def say(key: str, lang: str, **values: object) -> str:
    zh, en = TEXTS[key]
    if lang == "en":
        count = values.get("count")
        return en.format(s="" if count == 1 else "s", **values)
    return zh.format(**values)


def refusal(
    lang: str,
    fix: bool,
    diff: bool,
    files: Sequence[object],
    output_format: str | None,
    statistics: bool,
    early: dict[str, object],
) -> str | None:
    """Why --fix or --diff cannot go with the other options given (exit 2), or None. `early`:
    the options that answer and exit before any report is read, and whether each was given."""
    flag = "--fix" if fix else "--diff"
    listing = next((name for name, given in early.items() if given), None)
    if fix and diff:
        return say("fix_and_diff", lang)
    if listing:
        return say("listing", lang, option=listing, flag=flag)
    if diff and output_format not in (None, "text", "auto"):
        return say("diff_format", lang, format=output_format)
    if diff and statistics:
        return say("diff_statistics", lang)
    if fix and len(files) > 1 and any(str(name) == "-" for name in files):
        return say("stdin_alone", lang)
    return None


@dataclass
class Outcome:
    """One report after fixing: its remaining findings, its text before and after, and the bytes
    to write (None when nothing changed or it may not be written)."""

    result: FileResult
    before: str | None = None
    after: str | None = None
    data: bytes | None = None
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)


def fix_job(job: Job, modules: Sequence[engine.RuleModule], previous: Report | None, unsafe: bool) -> Outcome:
    """Fix one report to a fixed point; anything but a YAML report is linted as usual."""
    from .batch import lint_one

    name = job.name or str(job.path)
    if job.raw is None and reader_for(job.path) != "yaml":
        return Outcome(lint_one(job, modules, previous), notes=[("document", {"name": name})])
    raw = job.raw if job.raw is not None else read(job.path, job.options.max_bytes)
    if isinstance(raw, Finding) or len(raw) > job.options.max_bytes or binary_format(raw) is not None:
        return Outcome(lint_one(job, modules, previous))  # unreadable or not text: said as lint says it
    decoding: list[Finding] = []
    text, codec = decode_with_codec(raw, decoding)
    if text is None:
        return Outcome(lint_one(job, modules, previous))
    try:
        encode = encoder(raw, text, codec)
        if encode is None:
            result = lint_one(job, modules, previous)
            notes = (
                [("encoding", {"name": name, "codec": codec})] if any(f.fix for f in result.findings) else []
            )
            return Outcome(result, notes=notes)
        fixed = fix_text(
            text, lambda t: lint_source(t, name, modules, job.options, previous, decoding), unsafe
        )
    except Exception as error:  # a fault of ours: one finding naming the file, and the next file still runs
        problem = f"{type(error).__name__}: {error}"
        finding = engine.INTERNAL_ERROR.at(START, module="disclosure-lint --fix", error=problem)
        return Outcome(FileResult(name, [finding], crashed=True))
    fixed.result.fixed = fixed.applied
    notes = [("broke", {"name": name})] if fixed.broke else []
    data = encode(fixed.text) if fixed.text != text else None
    return Outcome(fixed.result, text, fixed.text, data, notes)


class Fixing:
    """A run of --fix or --diff: fixes each job, then writes, prints or diffs what changed.

    `stream` is where the run's output goes (-o collects it): the diff for --diff; for --fix
    the findings, which the reporter writes, while a fixed standard input goes to standard output.
    """

    def __init__(self, mode: str, unsafe: bool, lang: str, stream: TextIO, quiet: bool = False) -> None:
        self.mode, self.unsafe, self.lang, self.quiet = mode, unsafe, lang, quiet
        self.out = stream if mode == DIFF else sys.stdout
        self.err = sys.stderr
        self.would_fix = 0  # --diff: fixes that would be applied
        self.changed = 0  # files that changed (or would)
        self.failed = False  # a file could not be written

    def reporter(self) -> Reporter:
        """--diff's reporter: no findings, and the count of fixes after the diffs."""
        return _DiffReporter(self)

    def exit_code(self, run: RunResult) -> int:
        """--fix: the findings that remain decide (2 if a file could not be written back).
        --diff: as ruff's, 1 when anything would change."""
        if self.failed:
            return EXIT_ERROR
        if self.mode == DIFF:
            return exit_code(failed=self.changed > 0, unreadable=run.unreadable or run.missing_input)
        return run.exit_code

    def results(
        self,
        jobs: Iterable[Job],
        previous: Report | None,
        modules_by_dirs: dict[tuple, list[engine.RuleModule]],
    ) -> Iterator[tuple[Job, FileResult]]:
        for job in jobs:
            dirs = job.options.rule_dirs
            if dirs not in modules_by_dirs:
                modules_by_dirs[dirs] = engine.load_rule_modules(dirs)
            outcome = fix_job(job, modules_by_dirs[dirs], previous, self.unsafe)
            for key, values in outcome.notes:
                self.err.write(f"disclosure-lint: {visible(say(key, job.options.lang, **values))}\n")
            self._deliver(job, outcome)
            yield job, outcome.result

    def _deliver(self, job: Job, outcome: Outcome) -> None:
        name = job.name or str(job.path)
        changed = outcome.after is not None and outcome.after != outcome.before
        self.changed += changed
        if self.mode == DIFF:
            self.would_fix += outcome.result.fixed
            if changed:
                assert outcome.before is not None and outcome.after is not None
                self.out.write(unified_diff(outcome.before, outcome.after, name))
            return
        if job.raw is not None:  # standard input: the report goes out, fixed or not, in its own encoding
            self._write_bytes(outcome.data if changed and outcome.data is not None else job.raw)
            return
        if changed and outcome.data is not None:
            try:
                atomic.write(job.path, outcome.data)
            except OSError as error:
                self.failed = True
                problem = error.strerror or str(error)
                self.err.write(
                    f"disclosure-lint: error: {visible(say('write', job.options.lang, name=name, error=problem))}\n"
                )

    def _write_bytes(self, data: bytes) -> None:
        buffer = getattr(self.out, "buffer", None)
        if buffer is None:  # a text-only stream (a test's): the text as the loader reads it
            self.out.write(decode_with_codec(data, [])[0] or data.decode("utf-8", errors="replace"))
            return
        self.out.flush()
        buffer.write(data)
        buffer.flush()

    def finish(self) -> None:
        """--diff ends with how many problems the diff fixes (unless --quiet)."""
        if self.mode == DIFF and not self.quiet:
            if self.would_fix:
                self.out.write("\n" + say("would_fix", self.lang, count=self.would_fix) + "\n")
            else:
                self.out.write(say("nothing", self.lang) + "\n")


class _DiffReporter(Reporter):
    keeps_results = False

    def __init__(self, fixing: Fixing) -> None:
        super().__init__(DIFF, fixing.out, fixing.lang)
        self.fixing = fixing

    def finish(self, run: RunResult, rules: Sequence[Rule]) -> None:
        self.fixing.finish()


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # lines with their ends, as a file has them


def unified_diff(before: str, after: str, name: str) -> str:
    """A unified diff as ruff prints one: `--- name`, `+++ name`, three lines of context. Control
    characters of the report or its name are shown as escapes, as everywhere in the output (an
    escape sequence could clear the screen); tabs are kept, and every line ends in a newline."""
    lines = difflib.unified_diff(_LINES.findall(before), _LINES.findall(after), visible(name), visible(name))
    out = []
    for line in lines:
        body = line.rstrip("\r\n") if line.endswith(("\n", "\r")) else line
        shown = "\t".join(visible(part) for part in body.split("\t"))
        out.append(shown + "\n" if body != line else shown + "\n\\ No newline at end of file\n")
    return "".join(out)
