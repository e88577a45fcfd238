"""`--explain CODE`: what a rule checks, why the statute asks for it, a wrong and a right example.

Each code's documentation lives beside its declaration, in the shape of ruff's rule docs: a YAML
file with the module's name (`rules/totals.yaml` beside `rules/totals.py`; `messages.yaml` beside
the core catalogue `messages.py`), one entry per code:

    DL201:
      why_zh / why_en: why the statute asks for it (with the article)
      wrong: a report excerpt that gets the finding (tested: tests/test_rule_docs.py)
      right: the same excerpt corrected (tested not to get it)
      fix_zh / fix_en: how to fix it
      known_problems_zh / known_problems_en: (optional) where the check knowingly stays silent
                                             or may be wrong

A third-party rule module documents its codes the same way, in a YAML file beside it.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .findings import Rule

if TYPE_CHECKING:
    from .engine import RuleModule

_HERE = Path(__file__).resolve().parent

# The modules of disclosure_lint that declare core codes (DL0xx, DL1xx, DL8xx, DL9xx).
CORE_CATALOGUES = ("messages", "suppressions", "engine", "audit/codes")
SECTIONS = ("why_zh", "why_en", "wrong", "right", "fix_zh", "fix_en")  # required for every code
OPTIONAL_SECTIONS = ("known_problems_zh", "known_problems_en")

_LABELS = {
    "zh": (
        "检查",
        "级别",
        "依据",
        "为什么",
        "错误示例",
        "正确示例",
        "怎样改",
        "已知局限",
        "错误",
        "警告",
        "提示",
        "修复",
    ),
    "en": (
        "Checks",
        "Severity",
        "Clause",
        "Why",
        "Wrong",
        "Right",
        "How to fix",
        "Known problems",
        "error",
        "warning",
        "info",
        "Fix",
    ),
}

# What `Fix:` says for the applicabilities a rule's fixes can have (Rule.fix).
_FIX_WORDS = {
    ("safe",): ("安全，`--fix` 即可修复", "safe (`--fix` applies it)"),
    ("unsafe",): (
        "不安全，只有 `--fix --unsafe-fixes` 才会修复",
        "unsafe (only `--fix --unsafe-fixes` applies it)",
    ),
    ("safe", "unsafe"): (
        "安全，`--fix` 即可修复；个别情况不安全，要加 `--unsafe-fixes`",
        "safe (`--fix` applies it); unsafe in some cases (`--fix --unsafe-fixes`)",
    ),
}


_NAMES = (
    "checks", "severity", "clause", "why", "wrong", "right", "fix", "known", "error", "warning", "info", "fixable",
)  # fmt: skip


def fix_words(rule: Rule, lang: str) -> str | None:
    """What `Fix:` says for a rule (safe, unsafe or both), or None when it offers no fix."""
    words = _FIX_WORDS.get(tuple(sorted(set(rule.fix))))
    return None if words is None else words[1] if lang == "en" else words[0]


def section_labels(lang: str) -> dict[str, str]:
    """The headings `--explain` uses, by name (`why`, `fix` …): other renderings reuse them."""
    return dict(zip(_NAMES, _LABELS[lang], strict=True))


def docs_beside(module_file: str | Path) -> Path:
    """The documentation file of a module: its own name with `.yaml`."""
    return Path(module_file).with_suffix(".yaml")


@functools.cache
def read_docs(file: Path) -> dict[str, dict[str, str]]:
    """The entries of one documentation file ({} when there is none)."""
    if not file.is_file():
        return {}
    from ruamel.yaml import YAML

    data: Any = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def core_docs() -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for name in CORE_CATALOGUES:
        found.update(read_docs(docs_beside(_HERE / f"{name}.py")))
    return found


def documentation(modules: Sequence[RuleModule]) -> dict[str, dict[str, str]]:
    """Every code's entry: the core catalogues' and each rule module's."""
    found = core_docs()
    for module in modules:
        if module.source:
            found.update(read_docs(docs_beside(module.source)))
    return found


def explain(rule: Rule, lang: str, module: RuleModule | None = None) -> str:
    """The text `--explain` prints for a rule of `module` (None: a core rule)."""
    checks, severity, clause, why, wrong, right, fix, known, error, warning, info, fixable = _LABELS[lang]
    level = {"error": error, "warning": warning}.get(rule.severity.label, info)
    docs = documentation([module]) if module is not None else core_docs()
    entry: Mapping[str, str] = docs.get(rule.code, {})
    lines = [
        f"{rule.code} {rule.name}",
        "",
        f"{checks}: {rule.summary_en if lang == 'en' else rule.summary_zh}",
        f"{severity}: {level}",
        f"{clause}: {rule.clause}",
    ]
    words = fix_words(rule, lang)
    if words:
        lines.append(f"{fixable}: {words}")
    reason = entry.get(f"why_{lang}") or ((module.doc if module else None) or "").strip()
    if reason:
        lines += ["", f"{why}:", textwrap.indent(reason.strip(), "  ")]
    for title, key in ((wrong, "wrong"), (right, "right")):
        if entry.get(key):
            lines += ["", f"{title}:", textwrap.indent(entry[key].rstrip(), "    ")]
    if entry.get(f"fix_{lang}"):
        lines += ["", f"{fix}:", textwrap.indent(entry[f"fix_{lang}"].strip(), "  ")]
    if entry.get(f"known_problems_{lang}"):
        lines += ["", f"{known}:", textwrap.indent(entry[f"known_problems_{lang}"].strip(), "  ")]
    return "\n".join(lines) + "\n"


def explain_code(code: str, modules: list, lang: str) -> str | None:
    """What `--explain CODE` prints, for a rule of these modules or of the core; None if no rule has it."""
    from . import engine

    for module in modules:
        for rule in module.rules:
            if rule.code == code:
                return explain(rule, lang, module)
    for rule in engine.BUILT_IN_CORE:
        if rule.code == code:
            return explain(rule, lang)
    return None


def rules_table(rules: list, lang: str) -> str:
    """What `--list-rules` prints: one row a rule, by code."""
    from tabulate import tabulate

    rows = [
        (
            rule.code,
            rule.severity.label,
            rule.name,
            rule.summary_en if lang == "en" else rule.summary_zh,
            rule.clause,
        )
        for rule in sorted(rules, key=lambda r: r.code)
    ]
    headers = ("code", "severity", "name", "checks", "clause") if lang == "en" else (
        "代码", "级别", "名称", "检查内容", "依据",
    )  # fmt: skip
    return tabulate(rows, headers=headers, tablefmt="simple")
