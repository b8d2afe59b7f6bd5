"""
Every content page shows when its facts were last reviewed, "Senast granskad
29 november 2026", from the `reviewed:` date in its front matter, in the
page's language. forebygg.front_matter makes sure every page has one; pages
without a file of their own (404, generated pages) show none.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from forebygg.dates import date_in_words
from forebygg.front_matter import review_date
from forebygg.site_config import regional_language, texts
from forebygg.source_lines import source_text


class PageReviewed:
    # overrides/partials/page-reviewed.html shows it at the end of the page's content.
    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav):
        context["page_reviewed"] = page_reviewed(page, config)
        return context


def page_reviewed(page: Page, config: MkDocsConfig) -> dict | None:
    """What the partial needs: the label and the date, as words and as YYYY-MM-DD."""
    source = source_text(page.file)
    date = review_date(source) if source is not None else None
    if date is None:
        return None
    return {
        "label": texts(config, "page_reviewed", "forebygg/page_reviewed.py")["label"],
        "date": date,
        "in_words": date_in_words(date, regional_language(config)),
    }
