"""
Every `<!-- md:... -->` marker in a page must be one the build knows.

Each hook replaces its own markers while it reads the Markdown. A marker
still in the page afterwards is misspelt or unknown, and would vanish from
the published page without a trace, so it fails the build instead.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from forebygg.source_lines import page_line

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After every other hook and plugin has replaced its markers.
@event_priority(-200)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    problems = unknown_markers(markdown, page)
    if problems:
        raise PluginError("\n".join(problems))
    return markdown


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

MARKER = re.compile(r"<!--\s*md:(\S*)")


def unknown_markers(markdown: str, page: Page) -> list[str]:
    return [
        f"docs/{page.file.src_uri}:{page_line(page, markdown, m.start())}: unknown marker "
        f"'md:{m.group(1)}' – check its spelling (known: md:extra, md:form)"
        for m in MARKER.finditer(markdown)
    ]
