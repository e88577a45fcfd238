"""Every command's help in English (`--lang en`, or an English locale).

Keys: `"<command>"` is the description, `"<command>:epilog"` the closing paragraph,
`"<command>:<parameter>"` a parameter's help, `"*:<parameter>"` the help of a parameter in any
command that has none of its own, `"<command>:<parameter>:metavar"` an argument's name in the
usage line, and `"click:…"` the words click itself writes around them.
"""

TEXTS: dict[str, str] = {
    # ---------------------------------------------------------------- the words click writes
    "click:usage": "Usage: ",
    "click:options-metavar": "[OPTIONS]",
    "click:arguments": "Arguments:",
    "click:options": "Options:",
    "click:help": "Show this message and exit.",
    "click:default": "default: {default}",
    "click:required": "required",
    "click:try": "Try '{command} {option}' for help.",
    "click:error": "Error: {message}",
    "click:aborted": "Aborted!",
    # ---------------------------------------------------------------- shared by several commands
    "*:lang": "Message language: zh (default) or en.",
    "*:output_file": "Write the report here instead of standard output.",
    "*:select": "Only these rule codes or prefixes, comma-separated (e.g. DL2,DL301).",
    "*:ignore": "Skip these rule codes or prefixes, comma-separated.",
    "*:fail_on": "Exit 1 on findings of this severity or worse: error (default), warning or info.",
    "*:config": "Use this config file instead of searching for one.",
    "*:isolated": "Ignore all config files.",
    "*:force": "Let -o overwrite an existing file.",
    "*:quiet": "Print findings only, no summary.",
    "*:junit_warnings": "In JUnit output, findings below --fail-on (warnings, notes) are: skipped (default), "
    "passed (their line in system-out) or failure.",
    # ---------------------------------------------------------------- disclosure-lint (lint)
    "lint": "Check 政府信息公开工作年度报告 against the 2021 statutory format (国办公开办函〔2021〕30号).",
    "lint:epilog": "Also: disclosure-lint init (a blank report), import (a published report to YAML), "
    "render (YAML to the official document), serve (a page in the browser: drop reports on it, see them "
    "marked), audit (a folder of reports across years and bodies). Exit status: 0 clean, 1 findings, "
    "2 a file could not be read, a rule crashed, or the options or config are wrong.",
    "lint:files": "Reports (YAML, or .docx/.html/.txt/.md), folders, or - for standard input.",
    "lint:output_format": "text (default: each finding with its source line and a caret), concise (one line "
    "per finding), json, sarif, github, junit, gitlab (Code Quality), html (a page with the "
    "tables marked), or auto (github inside GitHub Actions).",
    "lint:skip_non_reports": "Pass over, silently, YAML files in which no key is one of a report's (CI configs, "
    "docker-compose.yml …); the pre-commit hook uses it.",
    "lint:rules": "A folder of extra rule modules (repeatable).",
    "lint:trust_config": "Let the project config load the rule folders it names (otherwise only --rules, "
    "entry points and your user config load rule code).",
    "lint:no_cache": "Lint every report again instead of reusing the results of unchanged ones "
    "(kept in $XDG_CACHE_HOME/disclosure-lint).",
    "lint:previous": "Last year's report (YAML, or a published .docx/.html/.txt/.md), to compare "
    "carried-over figures and text.",
    "lint:stdin_filename": "The name to report for standard input (-).",
    "lint:fix": 'Fix what can be fixed without changing any value (full-width digits, "12", 1,234, 12件, '
    "a full-width colon after a key) and report what remains. Published documents are never rewritten.",
    "lint:unsafe_fixes": "Also apply (with --fix) or offer fixes that change a value, such as the one wrong "
    "cell of table 三.",
    "lint:diff": "Print what --fix would change as a unified diff and change nothing (exit 1 if anything "
    "would change).",
    "lint:statistics": "End with tables of findings per rule and per file.",
    "lint:color": "auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it), always or never.",
    "lint:no_color": "The same as --color never.",
    "lint:agency": "机关, for a published document that does not name it.",
    "lint:year": "年度, for a published document whose title does not give it.",
    "lint:date": "发布日期 (2024-01-22), for a published document that states none.",
    "lint:kind": "报告类型 (部门, 本级政府, 乡镇, 管委会), instead of the guess.",
    "lint:max_bytes": "Refuse files larger than this (default 5 MiB).",
    "lint:list_rules": "List every rule and exit.",
    "lint:explain": "Explain one rule: what, why, a wrong and a right example.",
    "lint:show_schema": "Print the JSON Schema of the 2021 format and exit.",
    "lint:schema_path": "Print where the JSON Schema file is installed and exit.",
    "lint:version": "Show the version and exit.",
    # ---------------------------------------------------------------- init
    "init": "Write a blank report in its year's format: every part, every cell 0, texts to fill in.\n\n"
    "The format's JSON Schema is written beside it (report-2021.schema.json), and the report's first\n"
    "line points at it, so an editor completes and checks the keys.",
    "init:output": "The report file to write, e.g. 2024.yaml.",
    "init:agency": "The organ's full name (机关).",
    "init:year": "The report year (年度); 2019 and 2020 get the 2019 format.",
    "init:kind": "部门 (due 1月31日), 本级政府 (due 3月31日), 乡镇 or 管委会 (no statutory date).",
    "init:schema": "What the $schema line points at, a URL or path (default: the schema file written beside "
    "the report).",
    "init:force": "Overwrite an existing report (and a different schema file beside it).",
    "init:written": "Wrote {output}: fill in the “（待填写）” places and the tables, then run disclosure-lint {output}",
    # ---------------------------------------------------------------- import
    "import": "Import a published 政府信息公开工作年度报告 (HTML, Word .docx, PDF, or text copied from a "
    "page) as YAML.\n\n"
    "What cannot be placed is listed in comments at the top of the YAML and on standard error.\n"
    "An existing file is not overwritten unless --force; the source document never is.\n"
    "Exit status: 0 imported, 2 the document (or a page of it) could not be read or the options are wrong.",
    "import:source": "The published report: .html/.htm, .docx, .pdf or .txt.",
    "import:output": "Write the YAML here (default: standard output).",
    "import:agency": "机关, when the document does not name it.",
    "import:year": "年度, when the title does not give it.",
    "import:kind": "报告类型: 部门 or 本级政府 (default: guessed from the agency).",
    "import:date": "发布日期 as 2024-01-22, when the document does not give it.",
    "import:lang": "Message language: zh or en.",
    "import:max_bytes": "Refuse larger files.",
    # ---------------------------------------------------------------- render
    "render": "Render a YAML report as the official document: Word (.docx), a web page (.html) or "
    "Markdown (.md).\n\n"
    "The report is linted first; one with errors is not rendered (exit 1) unless --force.\n"
    "An existing file is not overwritten unless --force; the report itself never is.\n"
    "Exit status: 0 written, 1 refused because of errors, 2 unreadable report, bad options or unwritable output.",
    "render:report": "The report: YAML (or a published .html/.docx/.txt, imported first).",
    "render:output": "The document to write: .docx, .html or .md.",
    "render:force": "Write anyway: over an existing file, and even when the report has errors "
    "(they are still printed).",
    "render:trust_config": "Let the project config load the rule folders it names.",
    "render:max_bytes": "Refuse larger files.",
    # ---------------------------------------------------------------- serve
    "serve": "Open a page where reports (.docx, .pdf, .html, .txt, .yaml) are dropped and shown with "
    "their problems marked.\n\n"
    "The page is served on 127.0.0.1 only; nothing leaves this computer. Stop with Ctrl-C.",
    "serve:port": "The port on 127.0.0.1 (default: any free port).",
    "serve:no_browser": "Do not open the page in the browser.",
    "serve:lang": "Page language: zh (default) or en.",
    "serve:max_bytes": "Refuse uploads larger than this (default 5 MiB; a PDF ten times that).",
    # ---------------------------------------------------------------- audit
    "audit": "Audit a region's reports: years chained, summaries against their parts, copied text.",
    "audit:epilog": "A finding across reports sits in the later (or summary) report and names the other "
    "file with its line and column. Exit status: 0 clean, 1 findings (at --fail-on), 2 a file could not "
    "be read, or the options, the map or the baseline are wrong.",
    "audit:paths": "Folders (searched recursively) or report files: YAML and published documents.",
    "audit:map_file": "The audit's map: other names of an organ, summary reports and what they cover, "
    "copy threshold, local deadlines (default: audit-map.yaml in the folder).",
    "audit:compare": "Compare exactly two copies of one report, cell by cell.",
    "audit:baseline": "Findings already reviewed: show only the others.",
    "audit:write_baseline": "Record every finding of this run in the --baseline file.",
    "audit:copy_share": "Report a text part when this per cent of it is another report's (default 50).",
    "audit:output_format": "text (default), json, sarif, github, junit, gitlab or html.",
    # ---------------------------------------------------------------- schema
    "schema": "Print the JSON Schema of the report format, or write it with -o (never over a report).\n\n"
    "Point a report at the written file with a first line such as\n\n"
    "`# yaml-language-server: $schema=./report-2021.schema.json`.",
    "schema:year": "The report year: its format's schema (2019 and 2020: the 2019 format).",
    "schema:format_version": "The format: 2021 (default) or 2019.",
    "schema:output": "Write it to this file instead of standard output.",
}

# What click says of a usage error, as written (regular expressions over its English): none to change.
ERRORS: tuple[tuple[str, str], ...] = ()
