"""
Each table in a page in a labelled box of its own that scrolls sideways on a
narrow screen, so that its words stay whole (src/forebygg/tables.py). Before,
tables wrapped their text anywhere to fit a phone: "Må/nad", "janu/ari".
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from forebygg.tables import scrollable_tables

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After every hook that makes a table (statistics) or checks the editor's markup (page_html, -60).
@event_priority(-70)
def on_page_content(content: str, page: Page, config: MkDocsConfig, files):
    return scrollable_tables(content, re.sub(r"<[^>]+>", "", page.title or ""))
