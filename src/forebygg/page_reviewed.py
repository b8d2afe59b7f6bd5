"""
Every content page shows when its facts were last reviewed, "Senast granskad
29 november 2026", from the `reviewed:` date in its front matter, in the
page's language. forebygg.front_matter makes sure every page has one, written
right, before any page is built; pages without a file of their own (404,
generated pages) show none. The date is MkDocs' reading of the front matter
(page.meta): unquoted, YAML reads it as a date, quoted as text; either way it
is written YYYY-MM-DD.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from forebygg.dates import date_in_words, is_date
from forebygg.site_config import regional_language, texts


class PageReviewed:
    # overrides/partials/page-reviewed.html shows it at the end of the page's content.
    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav):
        context["page_reviewed"] = page_reviewed(page, config)
        return context


def page_reviewed(page: Page, config: MkDocsConfig) -> dict | None:
    """What the partial needs: the label and the date, as words and as YYYY-MM-DD."""
    reviewed = page.meta.get("reviewed")
    date = str(reviewed) if reviewed is not None else None
    if date is None or not is_date(date):
        return None
    return {
        "label": texts(config, "page_reviewed", "forebygg/page_reviewed.py")["label"],
        "date": date,
        "in_words": date_in_words(date, regional_language(config)),
    }
