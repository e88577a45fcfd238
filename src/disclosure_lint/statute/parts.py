"""The six parts of a report (第五十条 as laid out by the format) and the aspects of part 一."""

from __future__ import annotations

PART1 = "总体情况"
PART2 = "主动公开政府信息情况"
PART3 = "收到和处理政府信息公开申请情况"
PART4 = "政府信息公开行政复议、行政诉讼情况"
PART5 = "存在的主要问题及改进情况"
PART6 = "其他需要报告的事项"
PARTS = (PART1, PART2, PART3, PART4, PART5, PART6)

# The headings as publishers print them, beside the statutory wording: the first of each tuple is
# the format's own; the rest are variants seen in real reports (the 2019 format words part 四 and
# 五 differently, and many reports add 政府信息公开工作 or drop 政府).
PART_HEADINGS: dict[str, tuple[str, ...]] = {
    PART1: (PART1,),
    PART2: (PART2, "主动公开政府信息的情况"),
    PART3: (PART3, "收到和处理政府信息公开申请的情况"),
    PART4: (
        PART4,
        "因政府信息公开申请行政复议、提起行政诉讼情况",
        "因政府信息公开申请行政复议、提起行政诉讼的情况",
        "政府信息公开行政复议、诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼的情况",
    ),
    PART5: (
        PART5,
        "政府信息公开工作存在的主要问题及改进情况",
        "存在的主要问题和改进情况",
        "政府信息公开工作存在的主要问题和改进情况",
    ),
    PART6: (PART6, "其他需要报告的事宜"),
}

# Part 一 covers these five aspects (the 2021 notice, 总体情况).
ASPECTS = ("主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障")

# The aspects as the format's notice words them, as printed headings of part 一.
ASPECT_TITLES = {
    "主动公开": "（一）主动公开",
    "依申请公开": "（二）依申请公开",
    "政府信息管理": "（三）政府信息管理",
    "平台建设": "（四）政府信息公开平台建设",
    "监督保障": "（五）监督保障",
}

# How reports head the aspects: "（四）信息公开平台建设方面", "平台载体建设", "监督保障方面".
ASPECT_HEADINGS: dict[str, tuple[str, ...]] = {
    "主动公开": ("主动公开", "主动公开政府信息", "主动公开工作"),
    "依申请公开": ("依申请公开", "依申请公开工作", "依申请公开政府信息"),
    "政府信息管理": ("政府信息管理", "信息管理", "政府信息管理工作"),
    "平台建设": (
        "平台建设",
        "政府信息公开平台建设",
        "信息公开平台建设",
        "平台载体建设",
        "政务公开平台建设",
        "公开平台建设",
    ),
    "监督保障": ("监督保障", "监督保障工作", "监督保障措施", "保障监督"),
}
