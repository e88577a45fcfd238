"""每个命令的帮助（中文，默认）。键的含义见 en.py。"""

TEXTS: dict[str, str] = {
    # ---------------------------------------------------------------- click 自己写的字
    "click:usage": "用法：",
    "click:options-metavar": "[选项]",
    "click:arguments": "参数：",
    "click:options": "选项：",
    "click:help": "显示此帮助后退出。",
    "click:default": "默认：{default}",
    "click:required": "必填",
    "click:try": "运行“{command} {option}”查看帮助。",
    "click:error": "错误：{message}",
    "click:aborted": "已中止。",
    # ---------------------------------------------------------------- 几个命令共用
    "*:lang": "消息语言：zh（默认）或 en。",
    "*:output_file": "把结果写入此文件，而不是标准输出。",
    "*:select": "只检查这些规则代码或前缀，用逗号分隔（如 DL2,DL301）。",
    "*:ignore": "跳过这些规则代码或前缀，用逗号分隔。",
    "*:fail_on": "有此级别或更严重的问题时以 1 退出：error（默认）、warning 或 info。",
    "*:config": "使用此配置文件，不再自动查找。",
    "*:isolated": "忽略所有配置文件。",
    "*:force": "允许 -o 覆盖已有文件。",
    "*:quiet": "只输出问题，不输出汇总。",
    "*:junit_warnings": "JUnit 输出中，低于 --fail-on 的问题（警告、提示）记为：skipped（默认）、"
    "passed（其所在行写入 system-out）或 failure。",
    # ---------------------------------------------------------------- disclosure-lint（检查）
    "lint": "按 2021 年法定格式（国办公开办函〔2021〕30号）检查政府信息公开工作年度报告。",
    "lint:epilog": "另有：disclosure-lint init（空白报告）、import（把已发布的报告转为 YAML）、"
    "render（由 YAML 生成正式文档）、serve（浏览器中的页面：拖入报告，即标出问题）、"
    "audit（跨年度、跨机关检查一个文件夹的报告）。退出状态：0 无问题，1 有问题，"
    "2 文件无法读取、规则运行出错，或选项、配置有误。",
    "lint:files": "报告（YAML，或 .docx/.html/.txt/.md）、文件夹，或 -（标准输入）。",
    "lint:files:metavar": "报告...",
    "lint:output_format": "text（默认：每个问题附原文那一行和指向列的 ^）、concise（每个问题一行）、json、"
    "sarif、github、junit、gitlab（Code Quality）、html（标出表格问题的网页），"
    "或 auto（在 GitHub Actions 中为 github）。",
    "lint:skip_non_reports": "不出声地跳过没有一个键属于年度报告的 YAML 文件（CI 配置、docker-compose.yml 等）；"
    "pre-commit 钩子用它。",
    "lint:rules": "另外加载的规则模块所在的文件夹（可重复）。",
    "lint:trust_config": "允许项目配置加载它列出的规则文件夹（否则只有 --rules、入口点和你的用户配置能加载规则代码）。",
    "lint:no_cache": "重新检查每份报告，不复用未改动报告的结果（结果存放在 $XDG_CACHE_HOME/disclosure-lint）。",
    "lint:previous": "上一年度的报告（YAML，或已发布的 .docx/.html/.txt/.md），用来比对结转的数字和文字。",
    "lint:stdin_filename": "标准输入（-）在结果中显示的文件名。",
    "lint:fix": '修正不改变任何数值就能修正的问题（全角数字、"12"、1,234、12件、键后的全角冒号），'
    "再报告其余问题。已发布的文档从不改写。",
    "lint:unsafe_fixes": "也应用（与 --fix 同用）或提出会改变数值的修正，如表三中唯一写错的那一格。",
    "lint:diff": "以统一差异格式输出 --fix 会做的修改，不改动文件（有修改时以 1 退出）。",
    "lint:statistics": "最后列出按规则和按文件统计的问题数。",
    "lint:color": "auto（在终端上着色，设置了 NO_COLOR 时除外；设置 FORCE_COLOR 则总是着色）、always 或 never。",
    "lint:no_color": "同 --color never。",
    "lint:agency": "机关，用于未写明机关的已发布文档。",
    "lint:year": "年度，用于标题未写明年度的已发布文档。",
    "lint:date": "发布日期（如 2024-01-22），用于未写明日期的已发布文档。",
    "lint:kind": "报告类型（部门、本级政府、乡镇、管委会），不按名称推断。",
    "lint:max_bytes": "拒绝大于此字节数的文件（默认 5 MiB）。",
    "lint:list_rules": "列出所有规则后退出。",
    "lint:explain": "解释一条规则：查什么、为什么，附错误和正确的示例。",
    "lint:show_schema": "输出 2021 年格式的 JSON Schema 后退出。",
    "lint:schema_path": "输出 JSON Schema 文件的安装位置后退出。",
    "lint:version": "显示版本后退出。",
    # ---------------------------------------------------------------- init
    "init": "按报告年度的格式写一份空白报告：各部分齐全，表格每格为 0，文字待填写。\n\n"
    "该格式的 JSON Schema 写在报告旁边（report-2021.schema.json），报告第一行指向它，"
    "编辑器据此补全和检查各项。",
    "init:output": "要写入的报告文件，如 2024.yaml。",
    "init:output:metavar": "文件",
    "init:agency": "机关全称。",
    "init:year": "报告年度；2019 和 2020 年度用 2019 年的格式。",
    "init:kind": "部门（1月31日前公布）、本级政府（3月31日前公布）、乡镇或管委会（无法定日期）。",
    "init:schema": "$schema 行指向的位置，网址或路径（默认：写在报告旁边的 schema 文件）。",
    "init:force": "覆盖已有的报告（以及旁边内容不同的 schema 文件）。",
    "init:written": "已写入 {output}：填好“（待填写）”处和表格后，运行 disclosure-lint {output}",
    # ---------------------------------------------------------------- import
    "import": "把已发布的政府信息公开工作年度报告（网页 HTML、Word .docx、PDF，或从网页复制的文字）转为 YAML。\n\n"
    "无法归位的内容列在 YAML 开头的注释里，也输出到标准错误。\n"
    "已有文件不会被覆盖，除非加 --force；原文档从不改动。\n"
    "退出状态：0 已转换，2 文档（或其中一页）无法读取，或选项有误。",
    "import:source": "已发布的报告：.html/.htm、.docx、.pdf 或 .txt。",
    "import:source:metavar": "文档",
    "import:output": "把 YAML 写入此文件（默认：标准输出）。",
    "import:agency": "机关，用于文档未写明机关时。",
    "import:year": "年度，用于标题未写明年度时。",
    "import:kind": "报告类型：部门或本级政府（默认：按机关推断）。",
    "import:date": "发布日期，如 2024-01-22，用于文档未写明日期时。",
    "import:lang": "消息语言：zh 或 en。",
    "import:max_bytes": "拒绝更大的文件。",
    # ---------------------------------------------------------------- render
    "render": "把 YAML 报告生成正式文档：Word（.docx）、网页（.html）或 Markdown（.md）。\n\n"
    "先检查报告；有错误的报告不生成（退出状态 1），除非加 --force。\n"
    "已有文件不会被覆盖，除非加 --force；报告本身从不改动。\n"
    "退出状态：0 已写入，1 因有错误而未生成，2 报告无法读取、选项有误或无法写入。",
    "render:report": "报告：YAML（或已发布的 .html/.docx/.txt，先转换）。",
    "render:report:metavar": "报告",
    "render:output": "要写入的文档：.docx、.html 或 .md。",
    "render:force": "照样写入：覆盖已有文件，报告有错误时也生成（错误仍会输出）。",
    "render:trust_config": "允许项目配置加载它列出的规则文件夹。",
    "render:max_bytes": "拒绝更大的文件。",
    # ---------------------------------------------------------------- serve
    "serve": "打开一个页面：把报告（.docx、.pdf、.html、.txt、.yaml）拖进去，即显示并标出其中的问题。\n\n"
    "页面只在 127.0.0.1 上提供，内容不离开这台电脑。按 Ctrl-C 停止。",
    "serve:port": "127.0.0.1 上的端口（默认：任一空闲端口）。",
    "serve:no_browser": "不在浏览器中打开页面。",
    "serve:lang": "页面语言：zh（默认）或 en。",
    "serve:max_bytes": "拒绝大于此字节数的上传（默认 5 MiB；PDF 为其十倍）。",
    # ---------------------------------------------------------------- audit
    "audit": "审查一个地区的报告：逐年衔接、汇总与各部分相符、抄用的文字。",
    "audit:epilog": "跨报告的问题记在较晚（或汇总）的报告上，并写明另一个文件及其行号和列号。"
    "退出状态：0 无问题，1 有问题（达到 --fail-on），2 文件无法读取，或选项、审查表、基线有误。",
    "audit:paths": "文件夹（逐层查找）或报告文件：YAML 和已发布的文档。",
    "audit:paths:metavar": "路径...",
    "audit:map_file": "审查表：机关的其他名称、汇总报告及其涵盖范围、抄用阈值、地方期限"
    "（默认：文件夹中的 audit-map.yaml）。",
    "audit:compare": "逐格比较同一份报告的两个版本（恰好两个）。",
    "audit:baseline": "已复核过的问题：只显示其余的。",
    "audit:write_baseline": "把本次的全部问题记入 --baseline 文件。",
    "audit:copy_share": "一个文字部分有这么多百分比来自另一份报告时报出（默认 50）。",
    "audit:output_format": "text（默认）、json、sarif、github、junit、gitlab 或 html。",
    # ---------------------------------------------------------------- schema
    "schema": "输出年度报告格式的 JSON Schema，或用 -o 写入文件（不会覆盖报告）。\n\n"
    "写好的文件，在报告第一行这样指向它：\n\n"
    "`# yaml-language-server: $schema=./report-2021.schema.json`。",
    "schema:year": "报告年度：用该年度格式的 schema（2019 和 2020 年度用 2019 年的格式）。",
    "schema:format_version": "格式：2021（默认）或 2019。",
    "schema:output": "写入此文件，而不是标准输出。",
}

# click 对用法错误的说明（英文，按正则表达式匹配）→ 中文；没有列出的照原文显示。
ERRORS: tuple[tuple[str, str], ...] = (
    (r"No such option: (\S+) \(Possible options: (.+)\)", r"没有选项 \1（可能是：\2）"),
    (r"No such option: (.+)", r"没有选项 \1"),
    (r"Missing argument (.+)\.", r"缺少参数 \1。"),
    (r"Missing option (.+)\.", r"缺少选项 \1。"),
    (r"Got unexpected extra argument\(s\) \((.*)\)", r"多余的参数（\1）"),
    (r"Option (.+) requires an argument\.", r"选项 \1 需要一个值。"),
    (r"Option (.+) does not take a value\.", r"选项 \1 不带值。"),
    (r"Invalid value for (.+?): (.+) is not a valid (?:integer|int range)\.", r"\1 的值无效：\2 不是整数。"),
    (r"Invalid value for (.+?): (.+) is not in the range (.+)\.", r"\1 的值无效：\2 不在 \3 范围内。"),
    (r"Invalid value for (.+?): (.*)", r"\1 的值无效：\2"),
)
