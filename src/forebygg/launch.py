"""
Whether the site is ready to publish: which settings in mkdocs.yml still hold a placeholder.

A placeholder is a value in square brackets ("[Myndighetens namn]") or an
address at a domain kept for examples (example.org, example.com,
example.net, anything@….example), as mkdocs.yml ships them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

BRACKETED = re.compile(r"^\s*\[.*\]\s*$", re.DOTALL)
EXAMPLE_ADDRESS = re.compile(r"\bexample\.(?:org|com|net)\b|@[^\s]*\bexample\b|\.example\b", re.IGNORECASE)


def is_placeholder(value) -> bool:
    return isinstance(value, str) and bool(BRACKETED.match(value) or EXAMPLE_ADDRESS.search(value))


def placeholders(site_url: str | None, extra: Mapping) -> Iterator[tuple[list[str], str]]:
    """Each setting that is still a placeholder: its keys in mkdocs.yml and its value."""
    if is_placeholder(site_url):
        yield ["site_url"], site_url
    survey = extra.get("survey")
    if isinstance(survey, Mapping) and survey.get("enabled") is False:
        # A survey switched off needs no address.
        extra = {**extra, "survey": {k: v for k, v in survey.items() if k != "url"}}
    yield from _placeholders_in(extra, ["extra"])


def _placeholders_in(value, keys: list[str]) -> Iterator[tuple[list[str], str]]:
    if isinstance(value, Mapping):
        for name, inner in value.items():
            yield from _placeholders_in(inner, [*keys, str(name)])
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _placeholders_in(inner, [*keys, str(index)])
    elif is_placeholder(value):
        yield keys, value
