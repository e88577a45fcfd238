"""Settings from `[tool.disclosure-lint]` in pyproject.toml or `.disclosure-lint.yaml`.

Looked for from the report's folder upwards; the nearest file that has settings
wins, as with ruff and yamllint. Command-line options override it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path as FsPath
from typing import Any

from .findings import ERROR, WARNING, Severity

YAML_NAME = ".disclosure-lint.yaml"
PYPROJECT = "pyproject.toml"
LANGS = ("zh", "en")
FAIL_ON = {"error": ERROR, "warning": WARNING}
_CODE = re.compile(r"^DL\d{0,3}$|^[A-Z]{1,4}\d{0,4}$")


class ConfigError(Exception):
    """A config file we cannot use; str() is one line naming the file and line."""


@dataclass(frozen=True)
class Options:
    lang: str = "zh"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = ERROR
    rule_dirs: tuple[FsPath, ...] = ()
    source: FsPath | None = None  # the config file these came from

    def enabled(self, code: str) -> bool:
        """Longest matching prefix decides, so `--select DL2 --ignore DL203` does what it says."""
        selected = max((len(p) for p in self.select if code.startswith(p)), default=-1) if self.select else 0
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored


@dataclass(frozen=True)
class Overrides:
    """What the command line said; None means "not said"."""

    lang: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    extend_ignore: tuple[str, ...] = ()
    fail_on: Severity | None = None
    rule_dirs: tuple[FsPath, ...] = ()
    config: FsPath | None = None
    isolated: bool = False

    def apply(self, base: Options) -> Options:
        return replace(
            base,
            lang=self.lang or base.lang,
            select=base.select if self.select is None else self.select,
            ignore=(base.ignore if self.ignore is None else self.ignore) + self.extend_ignore,
            fail_on=self.fail_on or base.fail_on,
            rule_dirs=base.rule_dirs + self.rule_dirs,
        )


def options_for(report_path: FsPath | None, overrides: Overrides) -> Options:
    if overrides.isolated:
        base = Options()
    elif overrides.config is not None:
        base = read_config(overrides.config.resolve())
    else:
        start = (report_path.parent if report_path else FsPath.cwd()).resolve()
        base = _nearest(start)
    return overrides.apply(base)


@functools.cache
def _nearest(folder: FsPath) -> Options:
    for candidate in (folder / YAML_NAME, folder / PYPROJECT):
        if candidate.is_file():
            options = read_config(candidate)
            if options.source is not None:
                return options
    if folder.parent != folder:
        return _nearest(folder.parent)
    return Options()


@functools.cache
def read_config(file: FsPath) -> Options:
    if file.name == PYPROJECT or file.suffix == ".toml":
        table, text = _read_pyproject(file)
        if table is None:
            return Options()
    else:
        table, text = _read_yaml(file)
    return _parse(table, file, text)


def _read_pyproject(file: FsPath) -> tuple[dict[str, Any] | None, str]:
    import tomllib

    text = _read_text(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{file}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("disclosure-lint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(
            f"{file}:{_line_of(text, 'disclosure-lint')}: [tool.disclosure-lint] must be a table"
        )
    return table, text


def _read_yaml(file: FsPath) -> tuple[dict[str, Any], str]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    text = _read_text(file)
    try:
        data = YAML(typ="safe").load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(f"{file}{where}: invalid YAML: {getattr(error, 'problem', error)}") from None
    if data is None:
        return {}, text
    if not isinstance(data, dict):
        raise ConfigError(f"{file}:1:1: the config must be a mapping of settings")
    return data, text


def _read_text(file: FsPath) -> str:
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{file}: cannot read: {error}") from None


def _parse(table: dict[str, Any], file: FsPath, text: str) -> Options:
    def fail(key: str, problem: str) -> ConfigError:
        return ConfigError(f"{file}:{_line_of(text, key)}: {key}: {problem}")

    options = Options(source=file)
    for key, value in table.items():
        name = key.replace("_", "-")
        if name in ("select", "ignore"):
            codes = _codes(value)
            if codes is None:
                raise fail(key, 'expected a list of rule codes or prefixes, like ["DL2", "DL301"]')
            options = replace(options, **{name: codes})
        elif name == "lang":
            if value not in LANGS:
                raise fail(key, f"expected one of {', '.join(LANGS)}, got {value!r}")
            options = replace(options, lang=value)
        elif name == "fail-on":
            if value not in FAIL_ON:
                raise fail(key, f"expected 'error' or 'warning', got {value!r}")
            options = replace(options, fail_on=FAIL_ON[value])
        elif name == "rules":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise fail(key, "expected a list of folders")
            options = replace(options, rule_dirs=tuple((file.parent / v).resolve() for v in value))
        else:
            known = "select, ignore, lang, fail-on, rules"
            raise fail(key, f"unknown setting (known settings: {known})")
    return options


def _codes(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and _CODE.match(v.strip()) for v in value):
        return None
    return tuple(v.strip() for v in value)


def parse_codes(text: str) -> tuple[str, ...]:
    """`DL2,DL301` → ("DL2", "DL301"); raises ValueError on anything that is not a code."""
    codes = tuple(part.strip() for part in text.split(",") if part.strip())
    bad = [c for c in codes if not _CODE.match(c)]
    if bad:
        raise ValueError(f"not a rule code or prefix: {', '.join(bad)}")
    return codes


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*[:=]", line) or f"[tool.{key}]" in line:
            return number
    return 1
