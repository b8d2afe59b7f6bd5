"""
A page's headings in order: one `# ` title, and no level skipped on the way
down (src/forebygg/headings.py). A screen reader lists a page by its
headings (WCAG 1.3.1); a page with `##` and then `####` was published.

The check reads the page as the editor wrote it, before any hook has changed
it, so that each message names the editor's own line.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from forebygg.headings import heading_problems, headings
from forebygg.source_lines import page_line

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before every other hook and plugin: the Markdown is still the editor's.
@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    found = headings(markdown, config.markdown_extensions, config.mdx_configs)
    starts = [0] + [index + 1 for index, character in enumerate(markdown) if character == "\n"]
    problems = [
        f"docs/{page.file.src_uri}:{line}: {message}"
        for line, message in heading_problems(
            found, lambda line: page_line(page, markdown, starts[line - 1]) if line else 1
        )
    ]
    if problems:
        raise PluginError("\n".join(problems))
    return markdown
