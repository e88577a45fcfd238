"""Finding and running rule modules: the built-in ones, `--rules DIR` folders and entry points.

The built-ins are the modules listed in `disclosure_lint.rules.BUILTIN` (an ordinary package, so
they import each other and shared helpers like any Python code). Every other rule module has the
same contract and differs only in where it is listed. Rule modules are only ever loaded from
places the user named (command line, config) or from installed packages' entry points, never
from a report.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path as FsPath
from types import ModuleType
from typing import NamedTuple

from . import suppressions
from .document import Report
from .findings import ERROR, START, Finding, Rule
from .messages import CORE_RULES
from .resources import RULES_PACKAGE

ENTRY_POINT_GROUP = "disclosure_lint.rules"

INTERNAL_ERROR = Rule(
    code="DL901",
    name="internal-error",
    severity=ERROR,
    summary_zh="规则运行出错（工具自身的问题）",
    summary_en="A rule crashed (a fault in the tool, not the report)",
    clause="—",
    message_zh="规则模块“{module}”运行出错：{error}。其他规则照常检查；请把此信息反馈给规则作者",
    message_en="rule module '{module}' crashed: {error}. The other rules still ran; please report this to its author",
)


class PluginError(Exception):
    """A rule module that cannot be used; the message names it and fits on one line."""


class RuleModule(NamedTuple):
    name: str
    rules: tuple[Rule, ...]
    check: Callable[[Report], Iterable[Finding]]
    doc: str | None = None  # the module's docstring: why its rules exist, for --explain
    source: str | None = None  # the module's file; its codes' documentation is the YAML beside it


def load_rule_modules(extra_dirs: Sequence[FsPath] = (), entry_points: bool = True) -> list[RuleModule]:
    modules = _built_in()
    for folder in extra_dirs:
        if not folder.is_dir():
            raise PluginError(f"rules folder {folder}: not a folder")
        import hashlib  # only for rule folders: a plain lint does not pay its import

        prefix = "disclosure_lint_plugin_" + hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:8]
        modules.extend(_from_file(file, prefix) for file in _rule_files(folder))
    if entry_points:
        modules.extend(_from_entry_points())
    _check_codes(modules)
    return modules


BUILT_IN_CORE = (*CORE_RULES, *suppressions.RULES, INTERNAL_ERROR)


def all_rules(modules: Sequence[RuleModule]) -> list[Rule]:
    return [*BUILT_IN_CORE, *(rule for module in modules for rule in module.rules)]


def run(modules: Sequence[RuleModule], report: Report) -> list[Finding]:
    findings: list[Finding] = []
    for module in modules:
        try:
            findings.extend(module.check(report))
        except Exception as error:  # a broken rule must not hide the other rules' findings
            findings.append(
                INTERNAL_ERROR.at(START, module=module.name, error=f"{type(error).__name__}: {error}")
            )
    return findings


def _built_in() -> list[RuleModule]:
    try:
        package = importlib.import_module(RULES_PACKAGE)
    except Exception as error:
        raise PluginError(f"built-in rules: failed to import: {type(error).__name__}: {error}") from None
    return [_as_rule_module(module, str(module.__file__)) for module in package.BUILTIN]


def _rule_files(folder: FsPath) -> list[FsPath]:
    return sorted(p for p in folder.glob("*.py") if not p.name.startswith("_"))


def _from_file(file: FsPath, package: str) -> RuleModule:
    name = f"{package}.{file.stem}"
    try:
        spec = importlib.util.spec_from_file_location(name, file)
        if spec is None or spec.loader is None:
            raise PluginError(f"rule module {file}: cannot be imported")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except PluginError:
        raise
    except Exception as error:
        raise PluginError(f"rule module {file}: failed to import: {type(error).__name__}: {error}") from None
    return _as_rule_module(module, str(file))


def _from_entry_points() -> list[RuleModule]:
    if not _declares_entry_points():
        return []  # importlib.metadata costs ~15 ms of start-up; most installs have no plugin
    from importlib.metadata import entry_points

    found = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        label = f"plugin '{entry.name}' ({entry.value})"
        try:
            module = entry.load()
        except Exception as error:
            raise PluginError(f"{label}: failed to import: {type(error).__name__}: {error}") from None
        found.append(_as_rule_module(module, label))
    return found


def _declares_entry_points() -> bool:
    """Whether any installed distribution on sys.path names our entry-point group: a plain
    scan of the metadata files importlib.metadata would read, without importing it."""
    import os

    needle = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:  # a zip file, or a folder that is gone
            if folder and os.path.isfile(folder):
                return True  # metadata inside an archive: let importlib.metadata look
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(folder or ".", name, "entry_points.txt"), encoding="utf-8") as f:
                        if needle in f.read():
                            return True
                except (OSError, UnicodeDecodeError):
                    continue
    return False


def _as_rule_module(module: ModuleType, label: str) -> RuleModule:
    rules = getattr(module, "RULES", None)
    check = getattr(module, "check", None)
    if not isinstance(rules, list | tuple) or not all(isinstance(r, Rule) for r in rules):
        raise PluginError(f"{label}: RULES must be a list of disclosure_lint.api.Rule")
    if not callable(check):
        raise PluginError(f"{label}: defines no check(report) function")
    return RuleModule(label, tuple(rules), check, module.__doc__, getattr(module, "__file__", None))


def _check_codes(modules: Sequence[RuleModule]) -> None:
    owner = {rule.code: "disclosure-lint core" for rule in BUILT_IN_CORE}
    for module in modules:
        for rule in module.rules:
            if rule.code in owner:
                raise PluginError(
                    f"{module.name}: rule code {rule.code} is already used by {owner[rule.code]}"
                )
            owner[rule.code] = module.name
