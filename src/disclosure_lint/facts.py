"""Metadata a user supplies for a published document that does not state it: --agency, --year,
--date, --kind on the command line, or the same keys in a config file, checked one way."""

from __future__ import annotations

from typing import Any

from . import statute as s

# The option or config key, and the report's metadata key it sets.
FACTS = {"agency": s.AGENCY, "year": s.YEAR, "date": s.PUBLISHED, "kind": s.KIND}


def document_fact(key: str, value: Any) -> Any:
    """A metadata value given on the command line or in a config file, checked; ValueError if wrong."""
    if key == s.YEAR:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
            raise ValueError(f"expected a year such as 2024, got {value!r}")
        return value
    if key == s.PUBLISHED:
        import datetime

        text = value.isoformat() if isinstance(value, datetime.date) else str(value)
        try:
            if len(text) != 10:
                raise ValueError
            datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"expected a date written as 2024-01-22, got {value!r}") from None
        return text
    if key == s.KIND:
        if value not in s.REPORT_KINDS:
            raise ValueError(f"expected one of {', '.join(s.REPORT_KINDS)}, got {value!r}")
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected the agency's name, got {value!r}")
    return value.strip()


def document_facts(**given: object) -> tuple[tuple[str, object], ...]:
    """--agency/--year/--date/--kind as statute keys, checked; ValueError names the option."""
    facts = []
    for option, value in given.items():
        if value is None:
            continue
        try:
            facts.append((FACTS[option], document_fact(FACTS[option], value)))
        except ValueError as error:
            raise ValueError(f"--{option}: {error}") from None
    return tuple(facts)
