"""
Long words in headings break at their hyphenation points (src/forebygg/hyphenation.py):
in every page, the 404 pages and the fill-in forms (hooks/forms.py calls it itself).

The soft hyphens go into the page as published, after the search index has
read it, so that a search for "vräkningar" still finds the heading.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from forebygg.hyphenation import soft_hyphens_in_headings
from forebygg.site_config import current_language

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    return soft_hyphens_in_headings(output, current_language(config))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output
    return soft_hyphens_in_headings(output, current_language(config))
