"""The JSON Schema as a file beside the reports, so an editor finds it without our package.

`init` and `import -o` write `report-2021.schema.json` (or the 2019 one) into the report's folder
and point the report's first line at it, `# yaml-language-server: $schema=./report-2021.schema.json`:
the reference survives a moved virtual environment and works for a colleague who has only the
folder. `disclosure-lint schema -o FILE` writes it anywhere.
"""

from __future__ import annotations

from pathlib import Path

from . import atomic
from .resources import schema_file, schema_path


def schema_text(version: int) -> str:
    """The bundled schema of a format, exactly as shipped."""
    return schema_path(version).read_text(encoding="utf-8")


def check_schema_target(target: Path, force: bool) -> None:
    """Raise atomic.WriteRefused for an existing target, unless `force`; and for an existing file the
    linter reads as a report (.yaml, .docx, .html …) whatever `force` says: `schema -o 2024.yaml`
    is a slip that would replace the report with the schema."""
    from .intake import READERS

    if target.is_file() and target.suffix.lower() in READERS:
        raise atomic.WriteRefused(f"{target} is a report's file; write the schema to a .json file")
    atomic.check_target(target, (), force)


def beside(report: Path, version: int, force: bool = False) -> tuple[str, str | None]:
    """Write the schema next to `report`; return the `$schema` reference and a note for the user.

    The same schema already there is left alone; a different one (another version's) is replaced
    only with `force`, otherwise kept and the note says how to refresh it. OSError propagates.
    """
    target = report.parent / schema_file(version)
    reference = f"./{target.name}"
    atomic.check_target(target, [report], force=True)  # a report named like the schema file
    wanted = schema_text(version)
    if target.is_file():
        try:
            same = target.read_text(encoding="utf-8") == wanted
        except (OSError, UnicodeDecodeError):
            same = False
        if same:
            return reference, None
        if not force:
            return reference, (
                f"保留了已有的 {target}（与本版本的不同）；要更新，运行 "
                f"disclosure-lint schema --format {version} -o {target} --force"
            )
    atomic.write(target, wanted)
    return reference, f"已写入 {target}（编辑器据此补全和检查）"
