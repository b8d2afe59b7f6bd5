"""
Every `<!-- md:... -->` marker in a page must be one the build knows, written
as it must be (the list is src/forebygg/markers.py).

A marker the build does not know would vanish from the published page
without a trace, so it fails the build instead. The check reads the page as
the editor wrote it, before any hook has changed it, so that each message
names the editor's own line.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from forebygg.markers import marker_problems
from forebygg.source_lines import page_line

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before every other hook and plugin: the Markdown is still the editor's.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    problems = [
        f"docs/{page.file.src_uri}:{page_line(page, markdown, position)}: {message}"
        for position, message in marker_problems(markdown)
    ]
    if problems:
        raise PluginError("\n".join(problems))
    return markdown
