"""
The size of a download, as a reader of the page's language reads it: "683 kB", "1,2 MB".
"""

from __future__ import annotations

from babel.numbers import format_decimal

from forebygg.site_config import babel_locale


def human_size(size: int, language: str) -> str:
    """`language` is a language code or tag ('sv', 'en-GB'); Babel knows how it writes numbers."""
    if size < 1_000_000:
        number, unit, pattern = max(1, round(size / 1000)), "kB", "#,##0"
    else:
        number, unit, pattern = size / 1_000_000, "MB", "#,##0.0"
    # A no-break space: the unit never starts a line of its own.
    return f"{format_decimal(number, format=pattern, locale=babel_locale(language))}\u00a0{unit}"
