"""Findings raised by the core itself: reading the file (DL0xx) and the schema (DL1xx).

Rule modules in rules/ declare their own; these are here because loading and
schema validation are not pluggable.
"""

from __future__ import annotations

from . import statute
from .findings import ERROR, INFO, SAFE, WARNING, Finding, Path, Pos, Rule

YAML_SPEC = "YAML 1.2"
FORMAT_2021 = statute.DOCUMENT_2021

UNREADABLE = Rule(
    code="DL001",
    name="unreadable-file",
    severity=ERROR,
    summary_zh="文件无法读取",
    summary_en="The file cannot be read",
    clause="—",
    message_zh="无法读取文件：{reason}",
    message_en="cannot read the file: {reason_en}",
)
ENCODING = Rule(
    code="DL002",
    name="not-utf8",
    severity=ERROR,
    summary_zh="文件编码无法识别",
    summary_en="The file's encoding is not recognised",
    clause=YAML_SPEC,
    message_zh="无法识别的字节 {byte}：文件既不是 UTF-8 也不是 GBK/GB18030 编码，请用 UTF-8 另存",
    message_en="undecodable byte {byte}: the file is neither UTF-8 nor GBK/GB18030; save it as UTF-8",
)
LEGACY_ENCODING = Rule(
    code="DL003",
    name="legacy-encoding",
    severity=WARNING,
    summary_zh="文件不是 UTF-8 编码",
    summary_en="The file is not UTF-8",
    clause=YAML_SPEC,
    message_zh="文件是 {encoding} 编码，已按 {encoding} 读取；建议用 UTF-8 另存，以免其他工具读错",
    message_en="the file is encoded as {encoding} and was read as such; save it as UTF-8 so other tools read it too",
)
SYNTAX = Rule(
    code="DL004",
    name="yaml-syntax",
    severity=ERROR,
    summary_zh="YAML 语法错误",
    summary_en="YAML syntax error",
    clause=YAML_SPEC,
    message_zh="YAML 语法错误：{problem}",
    message_en="YAML syntax error: {problem_en}",
    fix=(SAFE,),
)
DUPLICATE_KEY = Rule(
    code="DL005",
    name="duplicate-key",
    severity=ERROR,
    summary_zh="同一层级中键重复",
    summary_en="A key appears twice at one level",
    clause=YAML_SPEC,
    message_zh="“{key}”重复：第{first_line}行第{first_col}列已写过一次，只保留前一次的内容，请删去或合并其中一处",
    message_en="duplicate key '{key}': already written at line {first_line}, column {first_col}; the first one is used — remove or merge one of them",
)
NOT_A_REPORT = Rule(
    code="DL006",
    name="not-a-report",
    severity=ERROR,
    summary_zh="文件不是一份报告",
    summary_en="The file is not a report",
    clause=FORMAT_2021,
    message_zh="{reason}",
    message_en="{reason_en}",
    fix=(SAFE,),
)
UNPLACED = Rule(
    code="DL008",
    name="import-unplaced",
    severity=WARNING,
    summary_zh="导入的文档中有内容没能放进报告",
    summary_en="Content of an imported document could not be placed in the report",
    clause="—",
    message_zh="这段内容没有放进报告，未作检查：{why}：“{text}”",
    message_en="not placed in the report, so not checked: {why_en}: '{text}'",
)
TOO_COMPLEX = Rule(
    code="DL007",
    name="too-complex",
    severity=ERROR,
    summary_zh="文件过大或嵌套、引用过多",
    summary_en="The file is too large, too deep or has too many aliases",
    clause=YAML_SPEC,
    message_zh="{reason}",
    message_en="{reason_en}",
)
CHECK_SKIPPED = Rule(
    code="DL040",
    name="check-skipped",
    severity=INFO,
    summary_zh="有一项检查没能在这个输入上进行",
    summary_en="A check could not run on this input",
    clause="—",
    message_zh="{check}没有检查“{key}”：{reason}",
    message_en="{check_en} did not check '{key}': {reason_en}",
)


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
    code="DL020",
    name="import-lost-cells",
    severity=WARNING,
    summary_zh="导入时没能读出表格的格子",
    summary_en="Table cells could not be read from the imported document",
    clause="—",
    message_zh="没能从原文读出“{cells}”：{why}（原文：“{text}”），这些格子未作检查，请对照原文核对",
    message_en="could not read {cells_en} from the source: {why_en} (source: '{text}'); these cells were not checked",
)
NOT_STATED = Rule(
    code="DL021",
    name="import-not-stated",
    severity=INFO,
    summary_zh="文档没有写明这项信息",
    summary_en="The document does not state this",
    clause="—",
    message_zh="文档中没有找到“{key}”{hint}",
    message_en="the document does not state {key}{hint_en}",
)
GUESSED = Rule(
    code="DL022",
    name="import-guessed",
    severity=INFO,
    summary_zh="这项信息是导入时推断的",
    summary_en="This was inferred by the importer",
    clause="—",
    message_zh="“{key}”按{basis}推断为“{value}”，文档中没有写明；如不对，请用 {option} 指定",
    message_en="{key} was inferred as '{value}' from {basis_en}; the document does not say; use {option} if it is wrong",
)

# Reading a PDF (DL030–DL034): what the text layer of a published PDF does not give.
PDF_SCANNED = Rule(
    code="DL030",
    name="pdf-scanned",
    severity=ERROR,
    summary_zh="PDF 页面是扫描图像，没有文字层",
    summary_en="A PDF page is a scanned image with no text layer",
    clause="—",
    message_zh="{reason}",
    message_en="{reason_en}",
)
PDF_UNMAPPED_FONT = Rule(
    code="DL031",
    name="pdf-unmapped-font",
    severity=ERROR,
    summary_zh="PDF 的字体没有字符对照表，文字读不出来",
    summary_en="A PDF font has no character map, so its text cannot be read",
    clause="—",
    message_zh="{reason}",
    message_en="{reason_en}",
)
PDF_UNRULED_TABLE = Rule(
    code="DL032",
    name="pdf-unruled-table",
    severity=WARNING,
    summary_zh="PDF 表格没有表格线，按文字位置读出",
    summary_en="A PDF table has no ruling lines and was read from word positions",
    clause="—",
    message_zh="第{page}页的表格没有画表格线，只能按文字的位置分格读出，格子可能错位：请对照原文核对这一页的表格",
    message_en="the table on page {page} has no ruling lines, so its cells were read from the words' positions and may "
    "be misplaced: check this page's table against the document",
)

# Cells a crawled page ran together into one string of digits (importer/runs*.py).
DIGITS_RECOVERED = Rule(
    code="DL025",
    name="digits-recovered",
    severity=INFO,
    summary_zh="原文中连成一串的数字已按勾稽关系分格",
    summary_en="Cells recovered from run-together digits",
    clause="—",
    message_zh="“{row}”的{width}格数字在原文中连成一串（“{digits}”），{basis}：{cells}",
    message_en="the {width} cells of '{row}' run together in the source ('{digits}'); {basis_en}: {cells}",
)
DIGITS_AMBIGUOUS = Rule(
    code="DL026",
    name="digits-ambiguous",
    severity=WARNING,
    summary_zh="连成一串的数字无法确定怎样分格",
    summary_en="Run-together digits cannot be read unambiguously",
    clause="—",
    message_zh="“{row}”的{width}格数字在原文中连成一串（“{digits}”），无法确定怎样分格：{count}种分法同样说得通"
    "（{candidates}）；这{width}格按无法读取处理，请对照原表核对",
    message_en="'{row}' cannot be read unambiguously: its {width} cells run together in the source ('{digits}') and "
    "{count} readings fit equally well ({candidates_en}); the cells are left unread — check them against the original table",
)
DIGITS_TOO_MANY = Rule(
    code="DL027",
    name="digits-too-many",
    severity=WARNING,
    summary_zh="连成一串的数字分法太多，没有读出",
    summary_en="Run-together digits have too many possible readings",
    clause="—",
    message_zh="“{row}”的{width}格数字在原文中连成一串（“{digits}”），可能的分法太多，没有读出；这些格按无法读取处理，请对照原表核对",
    message_en="the {width} cells of '{row}' run together in the source ('{digits}') with too many possible readings to decide; "
    "the cells are left unread — check them against the original table",
)
DIGITS_UNSPLITTABLE = Rule(
    code="DL028",
    name="digits-unsplittable",
    severity=WARNING,
    summary_zh="连成一串的数字分不成应有的格数",
    summary_en="Run-together digits do not make the row's number of cells",
    clause="—",
    message_zh="“{row}”应有{width}格，原文中的数字“{digits}”分不成{width}格（多位数不以0开头），这些格按无法读取处理，请对照原表核对",
    message_en="'{row}' has {width} cells, but the digits '{digits}' in the source cannot be split into {width} "
    "(a number of several digits does not begin with 0); the cells are left unread — check them against the original table",
)

MISSING_KEY = Rule(
    code="DL101",
    name="missing-key",
    severity=ERROR,
    summary_zh="缺少法定格式要求的部分、表格行或元数据",
    summary_en="A part, table row or metadata field required by the format is missing",
    clause=FORMAT_2021,
    message_zh="“{parent}”下缺少“{key}”",
    message_en="'{parent}' is missing '{key}'",
)
UNKNOWN_KEY = Rule(
    code="DL102",
    name="unknown-key",
    severity=ERROR,
    summary_zh="法定格式中没有这一项",
    summary_en="The format has no such key",
    clause=FORMAT_2021,
    message_zh="“{parent}”下没有“{key}”这一项{hint}",
    message_en="'{parent}' has no key '{key}'{hint_en}",
    fix=(SAFE,),
)
WRONG_TYPE = Rule(
    code="DL103",
    name="wrong-type",
    severity=ERROR,
    summary_zh="这一项的类型不对",
    summary_en="A value has the wrong type",
    clause=FORMAT_2021,
    message_zh="“{key}”应为{expected}，实为{actual}",
    message_en="'{key}' should be {expected_en}, found {actual_en}",
    fix=(SAFE,),
)
ROW_LENGTH = Rule(
    code="DL104",
    name="row-length",
    severity=ERROR,
    summary_zh="表格行的格数不对",
    summary_en="A table row has the wrong number of cells",
    clause=FORMAT_2021,
    message_zh="“{key}”应有{expected}格（{columns}），实有{actual}格",
    message_en="'{key}' should have {expected} cells ({columns}), found {actual}",
)
BAD_VALUE = Rule(
    code="DL105",
    name="bad-value",
    severity=ERROR,
    summary_zh="取值不在允许范围内",
    summary_en="A value is outside what the format allows",
    clause=FORMAT_2021,
    message_zh="“{key}”{problem}",
    message_en="'{key}' {problem_en}",
    fix=(SAFE,),
)

OLD_TEMPLATE = Rule(
    code="DL106",
    name="old-2019-template",
    severity=ERROR,
    summary_zh="报告套用了2019年的旧表格",
    summary_en="The report uses the superseded 2019 template",
    clause=f"{statute.DOCUMENT_2021}",
    message_zh=f"这份报告套用了2019年的旧表格（{statute.DOCUMENT_2019}，如{{labels}}）。2021年及以后的年度报告应使用"
    f"2021年格式（{statute.DOCUMENT_2021}）：表二的文件一栏改为本年制发件数、本年废止件数、现行有效件数，"
    "行政许可、处罚、强制只填本年处理决定数量，删去其他对外管理服务事项和政府集中采购；"
    "表三的（六）其他处理分为3项。可用 disclosure-lint init 生成2021年格式的模板",
    message_en=f"this report uses the superseded 2019 template ({statute.DOCUMENT_2019}, e.g. {{labels}}). Reports for 2021 "
    f"on must use the 2021 format ({statute.DOCUMENT_2021}): table 二 has 本年制发件数, 本年废止件数 and "
    "现行有效件数, one 本年处理决定数量 for 行政许可/处罚/强制, no 其他对外管理服务事项 or 政府集中采购; "
    "table 三 splits （六）其他处理 into 3 rows. 'disclosure-lint init' writes a 2021 template",
)
SQUEEZED_ROW = Rule(
    code="DL107",
    name="other-handling-one-row",
    severity=WARNING,
    summary_zh="表三（六）其他处理只有一行，没有分为2021年格式的3项",
    summary_en="Table 三 prints （六）其他处理 as one row instead of the 2021 format's three",
    clause=f"{statute.DOCUMENT_2021} 表三",
    message_zh="表三的（六）其他处理只有一行（2019年格式的写法）；2021年格式分为3项：{items}。"
    "表格的合计仍按这一行作为3项之和核对",
    message_en="table 三 prints （六）其他处理 as one row (the 2019 layout); the 2021 format has three: {items}. "
    "The sums are still checked, with this row as the sum of the three",
)

CORE_RULES = (
    UNREADABLE,
    ENCODING,
    LEGACY_ENCODING,
    SYNTAX,
    DUPLICATE_KEY,
    NOT_A_REPORT,
    TOO_COMPLEX,
    UNPLACED,
    DIGITS_RECOVERED,
    DIGITS_AMBIGUOUS,
    DIGITS_TOO_MANY,
    DIGITS_UNSPLITTABLE,
    PDF_SCANNED,
    PDF_UNMAPPED_FONT,
    PDF_UNRULED_TABLE,
    CHECK_SKIPPED,
    LOST_CELLS,
    NOT_STATED,
    GUESSED,
    MISSING_KEY,
    UNKNOWN_KEY,
    WRONG_TYPE,
    ROW_LENGTH,
    BAD_VALUE,
    OLD_TEMPLATE,
    SQUEEZED_ROW,
)
