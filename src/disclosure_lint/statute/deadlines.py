"""第四十九条: by when each kind of body publishes last year's report."""

from __future__ import annotations

import datetime

from .metadata import KIND_DEPARTMENT, KIND_GOVERNMENT

ARTICLE = "《条例》第四十九条"

# (month, day) of the following year. Only these two kinds are named by the article; for a
# 乡镇/街道 or a 管委会 it sets no date, so no deadline is checked for them.
DEADLINES = {KIND_DEPARTMENT: (1, 31), KIND_GOVERNMENT: (3, 31)}

# Who each deadline binds, as the article says it.
BOUND = {KIND_DEPARTMENT: "县级以上人民政府部门", KIND_GOVERNMENT: "县级以上地方人民政府"}


def deadline(kind: object, year: int) -> datetime.date | None:
    """The last day to publish the report on `year` for a body of `kind`, or None if the article sets none."""
    if not isinstance(kind, str) or kind not in DEADLINES:
        return None
    month, day = DEADLINES[kind]
    return datetime.date(year + 1, month, day)
