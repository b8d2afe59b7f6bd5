"""
Every page starts with front matter that is valid YAML and gives the page a
`description:` as text (src/forebygg/front_matter.py says why), and holds no
merge conflict left by git (<<<<<<< … >>>>>>>), which would be published as text.

MkDocs swallows a YAML error in front matter, so the hook reads each page's
file itself. It checks every page of every language when the build starts,
before any page is built, and names every problem at once: a mistake in an
English page does not wait for the Swedish pages to be built first.
Pages without a file of their own (the 404 page, generated pages) have no
front matter to check.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from forebygg.front_matter import front_matter_problems
from forebygg.site_config import i18n_plugin
from forebygg.source_lines import merge_conflicts, source_text

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before i18n (-100), which leaves in `files` only the pages of the language being built.
def on_files(files: Files, config: MkDocsConfig):
    if i18n_plugin(config).building:  # the other languages' builds: checked already
        return files
    problems = []
    for file in files.documentation_pages():
        source = source_text(file)
        if source is None:
            continue
        where = f"docs/{file.src_uri}"
        problems += [f"{where}:{line}: {message}" for line, message in front_matter_problems(source)]
        problems += [f"{where}:{line}: {message}" for line, message in merge_conflicts(source, "page")]
    if problems:
        raise PluginError("\n".join(problems))
    return files
