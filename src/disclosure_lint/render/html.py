"""The report as one self-contained HTML page, ready to publish: no scripts, no external files."""

from __future__ import annotations

from html import escape

from .layout import Block, Paragraph, Table

STYLE = """
body { margin: 0; background: #f4f4f4; color: #000; }
main.report { max-width: 52em; margin: 2em auto; padding: 3em 4em; background: #fff;
  font-family: "FangSong", "FangSong_GB2312", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 16px; line-height: 1.9; }
h1 { font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; font-size: 1.6em; text-align: center;
  font-weight: bold; line-height: 1.5; margin: 0 0 1.2em; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-size: 1.1em;
  font-weight: normal; margin: 1.2em 0 0.4em; text-indent: 2em; }
h3 { font-family: "KaiTi", "楷体", "STKaiti", serif; font-size: 1em; font-weight: bold; margin: 0.6em 0 0.2em;
  text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.signature { text-align: right; text-indent: 0; margin-top: 0; }
p.signature.first { margin-top: 2em; }
table { border-collapse: collapse; margin: 0.8em auto 1.2em; width: 100%; font-size: 13px; line-height: 1.5;
  font-family: "SimSun", "宋体", "Noto Serif CJK SC", serif; }
th, td { border: 1px solid #000; padding: 0.3em 0.4em; text-align: center; vertical-align: middle; }
th { font-weight: normal; }
td.label { text-align: left; }
table.part4 td, table.part4 th { padding: 0.3em 0.15em; }
@media print { body { background: none; } main.report { margin: 0; padding: 0; max-width: none; } }
""".strip()


def render_html(blocks: list[Block], lang: str = "zh-CN") -> str:
    title = blocks[0].lines[0] if blocks and isinstance(blocks[0], Paragraph) else "政府信息公开工作年度报告"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="disclosure-lint render">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{STYLE}\n</style>",
        "</head>",
        "<body>",
        '<main class="report">',
    ]
    first_signature = True
    for block in blocks:
        if isinstance(block, Table):
            out.append(_table(block))
            continue
        text = "<br>\n".join(escape(line) for line in block.lines)
        if block.style == "title":
            out.append(f"<h1>{text}</h1>")
        elif block.style == "part":
            out.append(f"<h2>{text}</h2>")
        elif block.style == "aspect":
            out.append(f"<h3>{text}</h3>")
        elif block.style == "signature":
            extra = " first" if first_signature else ""
            first_signature = False
            out.append(f'<p class="signature{extra}">{text}</p>')
        else:
            out.append(f"<p>{text}</p>")
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _table(table: Table) -> str:
    out = [f'<table class="{table.name}">']
    total = sum(table.widths) or 1
    if table.widths:
        out.append("<colgroup>")
        out += [f'<col style="width:{100 * w / total:.1f}%">' for w in table.widths]
        out.append("</colgroup>")
    for row in table.rows:
        cells = []
        for cell in row:
            tag = "th" if cell.header else "td"
            attrs = ""
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.label:
                attrs += ' class="label"'
            cells.append(f"<{tag}{attrs}>{escape(cell.text)}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)
