"""The report's metadata keys and the kinds of body that publish a report.

The kind decides the deadline of 第四十九条 (see `deadlines`), so it is statute, not decoration.
"""

from __future__ import annotations

AGENCY = "机关"
YEAR = "年度"
KIND = "报告类型"
PUBLISHED = "发布日期"
VERSION = "格式版本"

# 县级以上人民政府部门: the article binds them to 1月31日.
KIND_DEPARTMENT = "部门"
# 县级以上地方人民政府 (the report of the government itself, compiled by its 主管部门): 3月31日.
KIND_GOVERNMENT = "本级政府"
# 乡镇人民政府 and 街道办事处: the article names no date for them (local rules do).
KIND_TOWNSHIP = "乡镇"
# 开发区、实验区、新区的管委会: not named by the article either.
KIND_ZONE = "管委会"
REPORT_KINDS = (KIND_DEPARTMENT, KIND_GOVERNMENT, KIND_TOWNSHIP, KIND_ZONE)
