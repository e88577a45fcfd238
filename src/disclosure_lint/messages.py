"""Findings raised by the core itself: reading the file (DL0xx) and the schema (DL1xx).

Rule modules in rules/ declare their own; these are here because loading and
schema validation are not pluggable.
"""

from __future__ import annotations

from .findings import ERROR, INFO, WARNING, Finding, Path, Pos, Rule

YAML_SPEC = "YAML 1.2"
FORMAT_2021 = "国办公开办函〔2021〕30号"

UNREADABLE = Rule(
    "DL001", "unreadable-file", ERROR,
    "文件无法读取", "The file cannot be read",
    "—",
    "无法读取文件：{reason}",
    "cannot read the file: {reason_en}",
)  # fmt: skip
ENCODING = Rule(
    "DL002", "not-utf8", ERROR,
    "文件编码无法识别", "The file's encoding is not recognised",
    YAML_SPEC,
    "无法识别的字节 {byte}：文件既不是 UTF-8 也不是 GBK/GB18030 编码，请用 UTF-8 另存",
    "undecodable byte {byte}: the file is neither UTF-8 nor GBK/GB18030; save it as UTF-8",
)  # fmt: skip
LEGACY_ENCODING = Rule(
    "DL003", "legacy-encoding", WARNING,
    "文件不是 UTF-8 编码", "The file is not UTF-8",
    YAML_SPEC,
    "文件是 {encoding} 编码，已按 {encoding} 读取；建议用 UTF-8 另存，以免其他工具读错",
    "the file is encoded as {encoding} and was read as such; save it as UTF-8 so other tools read it too",
)  # fmt: skip
SYNTAX = Rule(
    "DL004", "yaml-syntax", ERROR,
    "YAML 语法错误", "YAML syntax error",
    YAML_SPEC,
    "YAML 语法错误：{problem}",
    "YAML syntax error: {problem_en}",
)  # fmt: skip
DUPLICATE_KEY = Rule(
    "DL005", "duplicate-key", ERROR,
    "同一层级中键重复", "A key appears twice at one level",
    YAML_SPEC,
    "“{key}”重复：第{first_line}行第{first_col}列已写过一次，只保留前一次的内容，请删去或合并其中一处",
    "duplicate key '{key}': already written at line {first_line}, column {first_col}; the first one is used — remove or merge one of them",
)  # fmt: skip
NOT_A_REPORT = Rule(
    "DL006", "not-a-report", ERROR,
    "文件不是一份报告", "The file is not a report",
    FORMAT_2021,
    "{reason}",
    "{reason_en}",
)  # fmt: skip
UNPLACED = Rule(
    "DL008", "import-unplaced", WARNING,
    "导入的文档中有内容没能放进报告", "Content of an imported document could not be placed in the report",
    "—",
    "这段内容没有放进报告，未作检查：{why}：“{text}”",
    "not placed in the report, so not checked: {why_en}: '{text}'",
)  # fmt: skip
TOO_COMPLEX = Rule(
    "DL007", "too-complex", ERROR,
    "文件过大或嵌套、引用过多", "The file is too large, too deep or has too many aliases",
    YAML_SPEC,
    "{reason}",
    "{reason_en}",
)  # fmt: skip
CHECK_SKIPPED = Rule(
    "DL040", "check-skipped", INFO,
    "有一项检查没能在这个输入上进行", "A check could not run on this input",
    "—",
    "{check}没有检查“{key}”：{reason}",
    "{check_en} did not check '{key}': {reason_en}",
)  # fmt: skip


def text_too_long(pos: Pos, path: Path, length: int, limit: int, check: str, check_en: str) -> Finding:
    """The DL040 a text rule gives for a text it does not read because it is too long: not a silent pass."""
    return CHECK_SKIPPED.at(
        pos,
        path,
        check=check,
        check_en=check_en,
        key="·".join(str(part) for part in path),
        reason=f"这段文字有 {length} 个字符，超过该项检查的上限 {limit}",
        reason_en=f"the text has {length} characters, more than that check's limit of {limit}",
    )


# DL020–DL029: reading a published document (the importer's own findings, never the publisher's).
LOST_CELLS = Rule(
    "DL020", "import-lost-cells", WARNING,
    "导入时没能读出表格的格子", "Table cells could not be read from the imported document",
    "—",
    "没能从原文读出“{cells}”：{why}（原文：“{text}”），这些格子未作检查，请对照原文核对",
    "could not read {cells_en} from the source: {why_en} (source: '{text}'); these cells were not checked",
)  # fmt: skip
NOT_STATED = Rule(
    "DL021", "import-not-stated", INFO,
    "文档没有写明这项信息", "The document does not state this",
    "—",
    "文档中没有找到“{key}”{hint}",
    "the document does not state {key}{hint_en}",
)  # fmt: skip
GUESSED = Rule(
    "DL022", "import-guessed", INFO,
    "这项信息是导入时推断的", "This was inferred by the importer",
    "—",
    "“{key}”按{basis}推断为“{value}”，文档中没有写明；如不对，请用 {option} 指定",
    "{key} was inferred as '{value}' from {basis_en}; the document does not say; use {option} if it is wrong",
)  # fmt: skip

# Reading a PDF (DL030–DL034): what the text layer of a published PDF does not give.
PDF_SCANNED = Rule(
    "DL030", "pdf-scanned", ERROR,
    "PDF 页面是扫描图像，没有文字层", "A PDF page is a scanned image with no text layer",
    "—",
    "{reason}",
    "{reason_en}",
)  # fmt: skip
PDF_UNMAPPED_FONT = Rule(
    "DL031", "pdf-unmapped-font", ERROR,
    "PDF 的字体没有字符对照表，文字读不出来", "A PDF font has no character map, so its text cannot be read",
    "—",
    "{reason}",
    "{reason_en}",
)  # fmt: skip
PDF_UNRULED_TABLE = Rule(
    "DL032", "pdf-unruled-table", WARNING,
    "PDF 表格没有表格线，按文字位置读出", "A PDF table has no ruling lines and was read from word positions",
    "—",
    "第{page}页的表格没有画表格线，只能按文字的位置分格读出，格子可能错位：请对照原文核对这一页的表格",
    "the table on page {page} has no ruling lines, so its cells were read from the words' positions and may "
    "be misplaced: check this page's table against the document",
)  # fmt: skip

# Cells a crawled page ran together into one string of digits (importer/runs*.py).
DIGITS_RECOVERED = Rule(
    "DL025", "digits-recovered", INFO,
    "原文中连成一串的数字已按勾稽关系分格", "Cells recovered from run-together digits",
    "—",
    "“{row}”的{width}格数字在原文中连成一串（“{digits}”），{basis}：{cells}",
    "the {width} cells of '{row}' run together in the source ('{digits}'); {basis_en}: {cells}",
)  # fmt: skip
DIGITS_AMBIGUOUS = Rule(
    "DL026", "digits-ambiguous", WARNING,
    "连成一串的数字无法确定怎样分格", "Run-together digits cannot be read unambiguously",
    "—",
    "“{row}”的{width}格数字在原文中连成一串（“{digits}”），无法确定怎样分格：{count}种分法同样说得通"
    "（{candidates}）；这{width}格按无法读取处理，请对照原表核对",
    "'{row}' cannot be read unambiguously: its {width} cells run together in the source ('{digits}') and "
    "{count} readings fit equally well ({candidates_en}); the cells are left unread — check them against the original table",
)  # fmt: skip
DIGITS_TOO_MANY = Rule(
    "DL027", "digits-too-many", WARNING,
    "连成一串的数字分法太多，没有读出", "Run-together digits have too many possible readings",
    "—",
    "“{row}”的{width}格数字在原文中连成一串（“{digits}”），可能的分法太多，没有读出；这些格按无法读取处理，请对照原表核对",
    "the {width} cells of '{row}' run together in the source ('{digits}') with too many possible readings to decide; "
    "the cells are left unread — check them against the original table",
)  # fmt: skip
DIGITS_UNSPLITTABLE = Rule(
    "DL028", "digits-unsplittable", WARNING,
    "连成一串的数字分不成应有的格数", "Run-together digits do not make the row's number of cells",
    "—",
    "“{row}”应有{width}格，原文中的数字“{digits}”分不成{width}格（多位数不以0开头），这些格按无法读取处理，请对照原表核对",
    "'{row}' has {width} cells, but the digits '{digits}' in the source cannot be split into {width} "
    "(a number of several digits does not begin with 0); the cells are left unread — check them against the original table",
)  # fmt: skip

MISSING_KEY = Rule(
    "DL101", "missing-key", ERROR,
    "缺少法定格式要求的部分、表格行或元数据", "A part, table row or metadata field required by the format is missing",
    FORMAT_2021,
    "“{parent}”下缺少“{key}”",
    "'{parent}' is missing '{key}'",
)  # fmt: skip
UNKNOWN_KEY = Rule(
    "DL102", "unknown-key", ERROR,
    "法定格式中没有这一项", "The format has no such key",
    FORMAT_2021,
    "“{parent}”下没有“{key}”这一项{hint}",
    "'{parent}' has no key '{key}'{hint_en}",
)  # fmt: skip
WRONG_TYPE = Rule(
    "DL103", "wrong-type", ERROR,
    "这一项的类型不对", "A value has the wrong type",
    FORMAT_2021,
    "“{key}”应为{expected}，实为{actual}",
    "'{key}' should be {expected_en}, found {actual_en}",
)  # fmt: skip
ROW_LENGTH = Rule(
    "DL104", "row-length", ERROR,
    "表格行的格数不对", "A table row has the wrong number of cells",
    FORMAT_2021,
    "“{key}”应有{expected}格（{columns}），实有{actual}格",
    "'{key}' should have {expected} cells ({columns}), found {actual}",
)  # fmt: skip
BAD_VALUE = Rule(
    "DL105", "bad-value", ERROR,
    "取值不在允许范围内", "A value is outside what the format allows",
    FORMAT_2021,
    "“{key}”{problem}",
    "'{key}' {problem_en}",
)  # fmt: skip

OLD_TEMPLATE = Rule(
    "DL106", "old-2019-template", ERROR,
    "报告套用了2019年的旧表格", "The report uses the superseded 2019 template",
    "国办公开办函〔2021〕30号",
    "这份报告套用了2019年的旧表格（国办公开办函〔2019〕60号，如{labels}）。2021年及以后的年度报告应使用"
    "2021年格式（国办公开办函〔2021〕30号）：表二的文件一栏改为本年制发件数、本年废止件数、现行有效件数，"
    "行政许可、处罚、强制只填本年处理决定数量，删去其他对外管理服务事项和政府集中采购；"
    "表三的（六）其他处理分为3项。可用 disclosure-lint init 生成2021年格式的模板",
    "this report uses the superseded 2019 template (国办公开办函〔2019〕60号, e.g. {labels}). Reports for 2021 "
    "on must use the 2021 format (国办公开办函〔2021〕30号): table 二 has 本年制发件数, 本年废止件数 and "
    "现行有效件数, one 本年处理决定数量 for 行政许可/处罚/强制, no 其他对外管理服务事项 or 政府集中采购; "
    "table 三 splits （六）其他处理 into 3 rows. 'disclosure-lint init' writes a 2021 template",
)  # fmt: skip
SQUEEZED_ROW = Rule(
    "DL107", "other-handling-one-row", WARNING,
    "表三（六）其他处理只有一行，没有分为2021年格式的3项",
    "Table 三 prints （六）其他处理 as one row instead of the 2021 format's three",
    "国办公开办函〔2021〕30号 表三",
    "表三的（六）其他处理只有一行（2019年格式的写法）；2021年格式分为3项：{items}。"
    "表格的合计仍按这一行作为3项之和核对",
    "table 三 prints （六）其他处理 as one row (the 2019 layout); the 2021 format has three: {items}. "
    "The sums are still checked, with this row as the sum of the three",
)  # fmt: skip

CORE_RULES = (
    UNREADABLE, ENCODING, LEGACY_ENCODING, SYNTAX, DUPLICATE_KEY, NOT_A_REPORT, TOO_COMPLEX, UNPLACED,
    DIGITS_RECOVERED, DIGITS_AMBIGUOUS, DIGITS_TOO_MANY, DIGITS_UNSPLITTABLE,
    PDF_SCANNED, PDF_UNMAPPED_FONT, PDF_UNRULED_TABLE,
    CHECK_SKIPPED, LOST_CELLS, NOT_STATED, GUESSED,
    MISSING_KEY, UNKNOWN_KEY, WRONG_TYPE, ROW_LENGTH, BAD_VALUE, OLD_TEMPLATE, SQUEEZED_ROW,
)  # fmt: skip
