"""
The footer of every page (overrides/partials/copyright.html): links to the accessibility
statement, privacy and contact pages in the page's language, the authority's name, and,
on paper only, the site's name, the page's address and the date the page was last reviewed.

A page says when it was reviewed with `reviewed: YYYY-MM-DD` in its front matter; the
footer writes that date in words in the page's language, and writes nothing without it.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from forebygg.dates import date_in_words
from forebygg.site_config import regional_language


def on_env(env, config: MkDocsConfig, files):
    regional = regional_language(config)
    # A date from YAML may be a date object or a quoted "YYYY-MM-DD"; both print as ISO.
    env.filters["date_in_words"] = lambda value: date_in_words(str(value), regional)
    return env
