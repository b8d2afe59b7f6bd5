"""
Every page starts with front matter that is valid YAML and gives the page a
`description:` as text (src/forebygg/front_matter.py says why), and holds no
merge conflict left by git (<<<<<<< … >>>>>>>), which would be published as text.

MkDocs swallows a YAML error in front matter, so the hook reads the page's
file itself. Pages without a file of their own (the 404 page, generated
pages) have no front matter to check.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from forebygg.front_matter import front_matter_problems
from forebygg.source_lines import merge_conflicts, source_text

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


@event_priority(100)
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    source = source_text(page)
    if source is None:
        return markdown
    where = f"docs/{page.file.src_uri}"
    problems = [f"{where}:{line}: {message}" for line, message in front_matter_problems(source)]
    problems += [f"{where}:{line}: {message}" for line, message in merge_conflicts(source, "page")]
    if problems:
        raise PluginError("\n".join(problems))
    return markdown
