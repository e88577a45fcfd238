"""The page's own words, in Chinese (the default) and English; rule messages come from the rules."""

from __future__ import annotations

from ..findings import Severity

WORDS = {
    "zh": {
        "brand_sub": "年度报告检查结果",
        "findings": "问题清单（{count}）",
        "no_findings": "没有发现问题。",
        "unreadable": "这份文件无法作为年度报告读取，下面是原因。",
        "general": "关于整份报告",
        "where": "第 {line} 行第 {col} 列",
        "expected": "应为 {value}",
        "print": "打印",
        "overview": "{count} 份年度报告的检查汇总",
        "reports": "报告",
        "clean": "没有问题",
        "with_errors": "有错误",
        "errors": "错误",
        "warnings": "警告",
        "infos": "提示",
        "chart": "最常见的问题",
        "chart_empty": "所有报告都没有发现问题。",
        "summary": "各报告一览（点击表头排序）",
        "filter": "筛选机关或文件名…",
        "show_all": "全部",
        "show_error": "有错误的",
        "show_warning": "有警告的",
        "show_clean": "没有问题的",
        "report": "报告",
        "agency": "机关",
        "year": "年度",
        "format": "格式",
        "worst": "最主要的问题",
        "format_name": "{version} 版",
        "back": "↑ 返回汇总",
        "page_title": "年度报告检查结果",
        "lost": "这一格未能从原文件中读出，请对照原文核对",
    },
    "en": {
        "brand_sub": "annual report check",
        "findings": "Findings ({count})",
        "no_findings": "No problems found.",
        "unreadable": "This file cannot be read as an annual report; here is why.",
        "general": "About the report as a whole",
        "where": "line {line}, column {col}",
        "expected": "should be {value}",
        "print": "Print",
        "overview": "Check of {count} annual reports",
        "reports": "reports",
        "clean": "clean",
        "with_errors": "with errors",
        "errors": "errors",
        "warnings": "warnings",
        "infos": "notes",
        "chart": "Most frequent problems",
        "chart_empty": "No report has any finding.",
        "summary": "Reports (click a heading to sort)",
        "filter": "Filter by agency or file…",
        "show_all": "all",
        "show_error": "with errors",
        "show_warning": "with warnings",
        "show_clean": "clean",
        "report": "Report",
        "agency": "Agency",
        "year": "Year",
        "format": "Format",
        "worst": "Worst problem",
        "format_name": "{version} format",
        "back": "↑ back to the summary",
        "page_title": "Annual report check",
        "lost": "this cell could not be read from the document: check it against the original",
    },
}

SEVERITY_WORDS = {"zh": {2: "错误", 1: "警告", 0: "提示"}, "en": {2: "error", 1: "warning", 0: "info"}}


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "zh"]


def severity_word(severity: Severity, lang: str) -> str:
    return SEVERITY_WORDS["en" if lang == "en" else "zh"][int(severity)]
