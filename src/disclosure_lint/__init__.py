"""disclosure-lint: checks 政府信息公开工作年度报告 against the 2021 statutory format."""

__version__ = "0.1.0"

from .checkout import install_checkout_rules as _install_checkout_rules

_install_checkout_rules()  # `disclosure_lint.rules` is the built-in rules in a checkout too
