"""`--explain CODE`: what a rule checks, why the statute asks for it, a wrong and a right example."""

from __future__ import annotations

import functools
import textwrap
from typing import Any

from .findings import Rule
from .resources import rules_dir

EXPLANATIONS_FILE = "explanations.yaml"

_LABELS = {
    "zh": ("检查", "级别", "依据", "为什么", "错误示例", "正确示例", "怎样改", "错误", "警告", "提示"),
    "en": ("Checks", "Severity", "Clause", "Why", "Wrong", "Right", "How to fix", "error", "warning", "info"),
}


@functools.cache
def explanations() -> dict[str, dict[str, str]]:
    from ruamel.yaml import YAML

    file = rules_dir() / EXPLANATIONS_FILE
    if not file.is_file():
        return {}
    data: Any = YAML(typ="safe").load(file.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def explain(rule: Rule, lang: str, module_doc: str | None = None) -> str:
    checks, severity, clause, why, wrong, right, fix, error, warning, info = _LABELS[lang]
    level = {"error": error, "warning": warning}.get(rule.severity.label, info)
    entry = explanations().get(rule.code, {})
    lines = [
        f"{rule.code} {rule.name}",
        "",
        f"{checks}: {rule.summary_en if lang == 'en' else rule.summary_zh}",
        f"{severity}: {level}",
        f"{clause}: {rule.clause}",
    ]
    reason = entry.get(f"why_{lang}") or (module_doc or "").strip()
    if reason:
        lines += ["", f"{why}:", textwrap.indent(reason.strip(), "  ")]
    for title, key in ((wrong, "wrong"), (right, "right")):
        if entry.get(key):
            lines += ["", f"{title}:", textwrap.indent(entry[key].rstrip(), "    ")]
    if entry.get(f"fix_{lang}"):
        lines += ["", f"{fix}:", textwrap.indent(entry[f"fix_{lang}"].strip(), "  ")]
    return "\n".join(lines) + "\n"
