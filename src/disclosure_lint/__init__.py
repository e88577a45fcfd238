"""disclosure-lint: checks 政府信息公开工作年度报告 against the 2021 statutory format."""

__version__ = "0.1.0"
