"""
Links in pages and the menu: MkDocs' own messages with the editor's line and
a fix, and links to the same page in the other language
(src/forebygg/link_messages.py).

MkDocs logs its link, anchor and nav messages itself, so a logging filter on
its loggers rewrites them. MkDocs imports this module once per process, but
on_config runs for every build and every language (mkdocs-static-i18n builds
once per language; `mkdocs serve` and the tests build again in the same
process): each on_config replaces the filter put on the loggers before, so
there is one at a time, and each build gives it its own context.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from forebygg.links.messages import OTHER_LANGUAGE, LinkContext, other_language_links, rewritten
from forebygg.site_config import AFTER_I18N, current_language, language_prefix, locales, page_url
from forebygg.source_lines import page_line

LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")

_context: LinkContext | None = None

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig):
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if type(f).__name__ == LinkMessages.__name__]:
            logger.removeFilter(old)
        logger.addFilter(LinkMessages())


# After i18n (-100), which sets the language of this build.
@event_priority(AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig):
    global _context
    _context = LinkContext(
        docs_dir=Path(config.docs_dir),
        config_file=Path(config.config_file_path or "mkdocs.yml"),
        language=current_language(config),
        locales=locales(config),
    )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    docs_dir = Path(config.docs_dir)
    linked, problems = other_language_links(
        markdown,
        page.file.src_uri,
        current_language(config),
        locales(config),
        lambda target: (docs_dir / target).is_file(),
    )
    if problems:
        raise PluginError(
            "\n".join(
                f"docs/{page.file.src_uri}:{page_line(page, markdown, position)}: {message}"
                for position, message in problems
            )
        )
    return linked


def on_page_content(content: str, page: Page, config: MkDocsConfig, files):
    if _context is not None:
        _context.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
    return OTHER_LANGUAGE_HREF.sub(lambda match: _other_language_href(match, page, config), content)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class LinkMessages(logging.Filter):
    """Rewrites MkDocs' messages about links and the menu (see the module's docstring)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _context is not None and (message := rewritten(record.getMessage(), _context)):
            record.msg, record.args = message, ()
        return True


OTHER_LANGUAGE_HREF = re.compile(rf'href="{OTHER_LANGUAGE}(?P<target>[^"#]+)(?P<anchor>#[^"]*)?"')


def _other_language_href(match: re.Match, page: Page, config: MkDocsConfig) -> str:
    language, path = match["target"].split("/", 1)
    url = File(path, src_dir=None, dest_dir="", use_directory_urls=config.use_directory_urls).url
    return f'href="{page_url(page, language_prefix(config, language) + url)}{match["anchor"] or ""}"'
