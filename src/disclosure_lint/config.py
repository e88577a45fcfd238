"""Settings from `[tool.disclosure-lint]` in pyproject.toml or `.disclosure-lint.yaml`.

Looked for from the report's folder upwards; the nearest file that has settings
wins, as with ruff and yamllint. Command-line options override it.

Trust: a config found next to a report belongs to whoever wrote the report (in CI, anyone
who opens a pull request), so it may set options but never load code. Its `rules` are
reported (one warning naming them) and ignored, unless the user trusts it with
`--trust-config`. The user's own config (`~/.config/disclosure-lint/config.yaml`) is trusted:
its rule folders load, and its other settings are defaults a project config overrides.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path as FsPath
from typing import Any, NamedTuple

from .ci_formats import JUNIT_WARNINGS
from .facts import FACTS as _FACTS
from .facts import document_fact
from .findings import ERROR, INFO, WARNING, Severity
from .intake import MAX_BYTES
from .reporters import REPORTERS

YAML_NAME = ".disclosure-lint.yaml"
PYPROJECT = "pyproject.toml"
LANGS = ("zh", "en")
FAIL_ON = {"error": ERROR, "warning": WARNING, "info": INFO}
FORMATS = (*REPORTERS, "auto")  # auto: github inside GitHub Actions, text elsewhere
DEFAULT_INCLUDE = ("*.yaml", "*.yml")
DEFAULT_MAX_BYTES = MAX_BYTES
_CODE = re.compile(r"^DL\d{0,3}$|^[A-Z]{1,4}\d{0,4}$")


class ConfigError(Exception):
    """A config file we cannot use; str() is one line naming the file and line."""


class Options(NamedTuple):
    lang: str = "zh"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    fail_on: Severity = ERROR
    rule_dirs: tuple[FsPath, ...] = ()
    output_format: str = "text"
    junit_warnings: str = "skipped"  # what a finding below fail-on is in JUnit (ci_formats.py)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    source: FsPath | None = None  # the config file these came from
    # Rule folders a config asked for that were not loaded because the config is not trusted.
    untrusted_rules: tuple[str, ...] = ()
    # The settings the config file wrote, with their line: to merge layers and to point at a bad code.
    lines: tuple[tuple[str, int], ...] = ()
    # Facts a published document may not state (机关, 年度, 发布日期, 报告类型), by statute key:
    # used when a document (not a YAML report) is imported for linting.
    metadata: tuple[tuple[str, Any], ...] = ()

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
        return self._replace(ignore=self.ignore + extra) if extra else self


class Overrides(NamedTuple):
    """What the command line said; None means "not said"."""

    lang: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: Severity | None = None
    rule_dirs: tuple[FsPath, ...] = ()
    output_format: str | None = None
    junit_warnings: str | None = None
    max_bytes: int | None = None
    config: FsPath | None = None
    isolated: bool = False
    trust_config: bool = False
    metadata: tuple[tuple[str, Any], ...] = ()

    def apply(self, base: Options) -> Options:
        metadata = dict(base.metadata) | dict(self.metadata)
        return base._replace(
            lang=self.lang or base.lang,
            select=base.select if self.select is None else self.select,
            ignore=base.ignore if self.ignore is None else self.ignore,
            fail_on=self.fail_on if self.fail_on is not None else base.fail_on,
            rule_dirs=base.rule_dirs + self.rule_dirs,
            output_format=self.output_format or base.output_format,
            junit_warnings=self.junit_warnings or base.junit_warnings,
            max_bytes=self.max_bytes or base.max_bytes,
            metadata=tuple(metadata.items()),
        )


def options_for(report_path: FsPath | None, overrides: Overrides) -> Options:
    """The options for one report: the user's config, its nearest project config, the command
    line on top, per-file ignores. A project config loads rule code only when trusted."""
    options = folder_options(report_path.parent if report_path else None, overrides)
    return options.for_file(report_path) if report_path else options


def folder_options(folder: FsPath | None, overrides: Overrides) -> Options:
    """The options for every report in `folder` (None: the current folder), before their
    per-file ignores: what `options_for` gives a report there, without `Options.for_file`."""
    if overrides.isolated:
        base = Options()
    else:
        if overrides.config is not None:
            project = read_config(_resolve(overrides.config))
        else:
            project = _nearest(_resolve(folder if folder is not None else FsPath.cwd()))
        if project.rule_dirs and not overrides.trust_config:
            project = _distrust(project)
        base = _layer(user_options(), project)
    return overrides.apply(base)


def _resolve(path: FsPath) -> FsPath:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: the path as given
        return path.absolute()


_WARNED: set[FsPath] = set()


def _distrust(options: Options) -> Options:
    """The options without their rule folders, warning once per config file about what was dropped."""
    asked = tuple(str(folder) for folder in options.rule_dirs)
    if options.source is not None and options.source not in _WARNED:
        _WARNED.add(options.source)
        line = dict(options.lines).get("rules", 1)
        sys.stderr.write(
            f"disclosure-lint: warning: {visible(str(options.source))}:{line}: rules = "
            f"{visible(', '.join(asked))} not loaded: a config found beside the reports may set "
            "options but never load code (name the folder with --rules, or use --trust-config "
            "if you trust this file)\n"
        )
    return options._replace(rule_dirs=(), untrusted_rules=asked)


def visible(text: str) -> str:
    from .escape import visible as escape

    return escape(text)


def user_config_path() -> FsPath:
    """The user's own config: trusted, since only the user writes it."""
    if os.environ.get("XDG_CONFIG_HOME"):
        folder = FsPath(os.environ["XDG_CONFIG_HOME"])
    elif sys.platform == "win32" and os.environ.get("APPDATA"):
        folder = FsPath(os.environ["APPDATA"])
    else:
        folder = FsPath.home() / ".config"
    return folder / "disclosure-lint" / "config.yaml"


@functools.cache
def _user_options(path: FsPath) -> Options:
    return read_config(path) if path.is_file() else Options()


def user_options() -> Options:
    try:
        return _user_options(user_config_path())
    except (OSError, RuntimeError):  # no home folder: no user config
        return Options()


def _layer(user: Options, project: Options) -> Options:
    """The project's settings over the user's; rule folders of both (the project's only if trusted)."""
    if project.source is None:
        return user
    written = {_FIELDS[name] for name, _ in project.lines if name in _FIELDS}
    merged = user._replace(**{name: getattr(project, name) for name in written - {"rule_dirs"}})
    return merged._replace(
        rule_dirs=user.rule_dirs + project.rule_dirs,
        source=project.source,
        untrusted_rules=project.untrusted_rules,
        lines=project.lines,
        metadata=tuple((dict(user.metadata) | dict(project.metadata)).items()),
    )


@functools.cache
def _nearest(folder: FsPath) -> Options:
    for candidate in (folder / YAML_NAME, folder / PYPROJECT):
        if _is_file(candidate):
            options = read_config(candidate)
            if options.source is not None:
                return options
    if folder.parent != folder:
        return _nearest(folder.parent)
    return Options()


def _is_file(path: FsPath) -> bool:
    try:
        return path.is_file()
    except OSError:  # a folder we may not look into: no config there
        return False


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
    text = _read_text(file)
    if not _may_name_our_table(text):
        return None, text  # most pyproject.toml files are someone else's: no need to parse them
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{file}: invalid TOML: {visible(str(error))}") from None
    except RecursionError:  # tomllib recurses per level of nested arrays and tables
        raise ConfigError(f"{file}: invalid TOML: nested too deeply to be a config") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        return None, text
    table = tool.get("disclosure-lint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError(
            f"{file}:{_line_of(text, 'disclosure-lint')}: [tool.disclosure-lint] must be a table"
        )
    return table, text


def _may_name_our_table(text: str) -> bool:
    """Whether TOML `text` could hold `[tool.disclosure-lint]`: a key spells our name as written
    or, quoted, with escapes (\\uXXXX); without either it cannot, and need not be parsed."""
    return "disclosure-lint" in text or "\\u" in text or "\\U" in text


def _read_yaml(file: FsPath) -> tuple[dict[str, Any], str]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from .loader import prescan

    text = _read_text(file)
    too_complex = prescan(text)  # the C composer would crash the process on 100,000 nested '['
    if too_complex is not None:
        where = f":{too_complex.pos.line}:{too_complex.pos.col}"
        raise ConfigError(f"{file}{where}: {too_complex.message('en')}")
    try:
        data = YAML(typ="safe").load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problem = " ".join(str(getattr(error, "problem", None) or error).split())
        raise ConfigError(f"{file}{where}: invalid YAML: {visible(problem)}") from None
    except RecursionError:
        raise ConfigError(f"{file}: invalid YAML: nested too deeply to be a config") from None
    if data is None:
        return {}, text
    if not isinstance(data, dict):
        raise ConfigError(f"{file}:1:1: the config must be a mapping of settings")
    return data, text


def _read_text(file: FsPath) -> str:
    try:
        with file.open("rb") as stream:
            raw = stream.read(_MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(f"{file}: cannot read: {error.strerror or error}") from None
    if len(raw) > _MAX_CONFIG_BYTES:
        raise ConfigError(f"{file}: larger than {_MAX_CONFIG_BYTES // 1024 // 1024} MiB, not a config")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ConfigError(f"{file}: cannot read: not UTF-8 (byte 0x{raw[error.start]:02X})") from None


_MAX_CONFIG_BYTES = 5 * 1024 * 1024


# ---------------------------------------------------------------- settings: name → (parser, field)


def _codes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError('expected a list of rule codes or prefixes, like ["DL2", "DL301"]')
    bad = [v for v in value if not _CODE.match(v.strip())]
    if bad:
        raise ValueError(f'{visible(repr(bad[0]))} is not a rule code or prefix (like "DL2", "DL301")')
    return tuple(v.strip() for v in value)


def _choice(choices: tuple[str, ...] | dict[str, Any]) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if not isinstance(value, str) or value not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}, got {visible(repr(value))[:80]}")
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
    "junit-warnings": (_choice(JUNIT_WARNINGS), "junit_warnings"),
    "include": (_patterns, "include"),
    "exclude": (_patterns, "exclude"),
    "max-bytes": (_positive_int, "max_bytes"),
}


_FIELDS = {name: attribute for name, (_, attribute) in _SETTINGS.items()}


def _parse(table: dict[str, Any], file: FsPath, text: str) -> Options:
    values: dict[str, Any] = {}
    lines: list[tuple[str, int]] = []
    facts: dict[str, Any] = {}
    for key, value in table.items():
        name = str(key).replace("_", "-")
        if name in _FACTS:
            try:
                facts[_FACTS[name]] = document_fact(_FACTS[name], value)
            except ValueError as error:
                raise ConfigError(f"{file}:{_line_of(text, key)}: {key}: {error}") from None
            continue
        if name not in _SETTINGS:
            known = ", ".join([*_SETTINGS, *_FACTS])
            raise ConfigError(
                f"{file}:{_line_of(text, str(key))}: {key}: unknown setting (known settings: {known})"
            )
        parse, attribute = _SETTINGS[name]
        lines.append((name, _line_of(text, str(key))))
        try:
            values[attribute] = parse(value)
        except ValueError as error:
            raise ConfigError(f"{file}:{_line_of(text, str(key))}: {key}: {error}") from None
    if "rule_dirs" in values:
        values["rule_dirs"] = tuple((file.parent / folder).resolve() for folder in values["rule_dirs"])
    return Options(source=file, lines=tuple(lines), metadata=tuple(facts.items()), **values)


def bad_choice(
    lang: str | None,
    fail_on: str | None,
    output_format: str | None,
    junit_warnings: str | None,
    formats: tuple[str, ...] = FORMATS,
    more: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (),
) -> str | None:
    """The message for the first option, of those lint and audit share and `more` (option, value,
    choices), whose value is not one of its choices; None when every one is."""
    given = (
        ("--lang", lang, LANGS),
        ("--fail-on", fail_on, tuple(FAIL_ON)),
        ("--format", output_format, formats),
        ("--junit-warnings", junit_warnings, JUNIT_WARNINGS),
        *more,
    )
    for name, value, choices in given:
        if value is not None and value not in choices:
            return f"{name} must be one of {', '.join(choices)}, not {value!r}"
    return None


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
