"""
Dates from mkdocs.yml in the page's language: 2026-11-25 is shown as
"25 november 2026" in Swedish and "25 November 2026" in British English.
A value written as YYYY-MM-DD, with or without quotes, is a date.
"""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date

from forebygg.site_config import babel_locale

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def is_date(value: str) -> bool:
    return ISO_DATE.fullmatch(value) is not None


def is_real_date(value: str) -> bool:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def date_in_words(value: str, language: str) -> str:
    """`value` is YYYY-MM-DD; `language` a language code or tag ('sv', 'en-GB')."""
    return format_date(datetime.date.fromisoformat(value), format="long", locale=babel_locale(language))
