"""Settings from `[tool.disclosure-lint]` in pyproject.toml or `.disclosure-lint.yaml`.

Looked for from the report's folder upwards; the nearest file that has settings
wins, as with ruff and yamllint. Command-line options override it.
"""

from __future__ import annotations

import fnmatch
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path as FsPath
from typing import Any

from .findings import ERROR, INFO, WARNING, Severity

YAML_NAME = ".disclosure-lint.yaml"
PYPROJECT = "pyproject.toml"
LANGS = ("zh", "en")
FAIL_ON = {"error": ERROR, "warning": WARNING, "info": INFO}
FORMATS = ("text", "json", "sarif", "github", "junit", "auto")
DEFAULT_INCLUDE = ("*.yaml", "*.yml")
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_CODE = re.compile(r"^DL\d{0,3}$|^[A-Z]{1,4}\d{0,4}$")


class ConfigError(Exception):
    """A config file we cannot use; str() is one line naming the file and line."""


@dataclass(frozen=True)
class Options:
    lang: str = "zh"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: Severity = ERROR
    rule_dirs: tuple[FsPath, ...] = ()
    output_format: str = "text"
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    source: FsPath | None = None  # the config file these came from

    def enabled(self, code: str) -> bool:
        """Longest matching prefix decides, so `--select DL2 --ignore DL203` does what it says."""
        selected = max((len(p) for p in self.select if code.startswith(p)), default=-1) if self.select else 0
        ignored = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return selected >= 0 and selected > ignored

    def for_file(self, report: FsPath) -> Options:
        """These options with the per-file ignores that match `report` added."""
        if not self.per_file_ignores:
            return self
        base = self.source.parent if self.source else FsPath.cwd()
        try:
            relative = report.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            relative = report.as_posix()
        extra = tuple(
            code
            for pattern, codes in self.per_file_ignores
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(report.name, pattern)
            for code in codes
        )
        return replace(self, ignore=self.ignore + extra) if extra else self


@dataclass(frozen=True)
class Overrides:
    """What the command line said; None means "not said"."""

    lang: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: Severity | None = None
    rule_dirs: tuple[FsPath, ...] = ()
    output_format: str | None = None
    max_bytes: int | None = None
    config: FsPath | None = None
    isolated: bool = False

    def apply(self, base: Options) -> Options:
        return replace(
            base,
            lang=self.lang or base.lang,
            select=base.select if self.select is None else self.select,
            ignore=base.ignore if self.ignore is None else self.ignore,
            fail_on=self.fail_on if self.fail_on is not None else base.fail_on,
            rule_dirs=base.rule_dirs + self.rule_dirs,
            output_format=self.output_format or base.output_format,
            max_bytes=self.max_bytes or base.max_bytes,
        )


def options_for(report_path: FsPath | None, overrides: Overrides) -> Options:
    """The options for one report: its nearest config, the command line on top, per-file ignores."""
    if overrides.isolated:
        base = Options()
    elif overrides.config is not None:
        base = read_config(overrides.config.resolve())
    else:
        start = (report_path.parent if report_path else FsPath.cwd()).resolve()
        base = _nearest(start)
    options = overrides.apply(base)
    return options.for_file(report_path) if report_path else options


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


# ---------------------------------------------------------------- settings: name → (parser, field)


def _codes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and _CODE.match(v.strip()) for v in value):
        raise ValueError('expected a list of rule codes or prefixes, like ["DL2", "DL301"]')
    return tuple(v.strip() for v in value)


def _choice(choices: tuple[str, ...] | dict[str, Any]) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {value!r}")
        return choices[value] if isinstance(choices, dict) else value

    return parse


def _patterns(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError('expected a list of file patterns, like ["*.yaml"]')
    return tuple(value)


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError('expected a table of file pattern = list of codes, like {"2019/*.yaml" = ["DL5"]}')
    return tuple((str(pattern), _codes(codes)) for pattern, codes in value.items())


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a positive whole number of bytes, got {value!r}")
    return value


def _folders(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of folders")
    return tuple(value)


_SETTINGS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "select": (_codes, "select"),
    "ignore": (_codes, "ignore"),
    "per-file-ignores": (_per_file_ignores, "per_file_ignores"),
    "lang": (_choice(LANGS), "lang"),
    "fail-on": (_choice(FAIL_ON), "fail_on"),
    "rules": (_folders, "rule_dirs"),
    "format": (_choice(FORMATS), "output_format"),
    "include": (_patterns, "include"),
    "exclude": (_patterns, "exclude"),
    "max-bytes": (_positive_int, "max_bytes"),
}


def _parse(table: dict[str, Any], file: FsPath, text: str) -> Options:
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = str(key).replace("_", "-")
        if name not in _SETTINGS:
            known = ", ".join(_SETTINGS)
            raise ConfigError(
                f"{file}:{_line_of(text, key)}: {key}: unknown setting (known settings: {known})"
            )
        parse, attribute = _SETTINGS[name]
        try:
            values[attribute] = parse(value)
        except ValueError as error:
            raise ConfigError(f"{file}:{_line_of(text, key)}: {key}: {error}") from None
    if "rule_dirs" in values:
        values["rule_dirs"] = tuple((file.parent / folder).resolve() for folder in values["rule_dirs"])
    return Options(source=file, **values)


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
