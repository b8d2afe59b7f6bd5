"""
Links in pages and the menu: MkDocs' own messages with the editor's line and
a fix, and links to the same page in the other language (messages.py).

MkDocs logs its link, anchor and nav messages itself, so a logging filter on
its loggers rewrites them. The loggers are the process's, not the build's:
each build's on_config puts its own filter on them in place of any earlier
one (mkdocs-static-i18n runs on_config once per language), and takes it
off when the build ends, so that there is one at a time, with this build's
context.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from forebygg.links.messages import OTHER_LANGUAGE, LinkContext, other_language_links, rewritten
from forebygg.site_config import current_language, i18n_plugin, language_prefix, locales, page_url
from forebygg.source_lines import page_line

LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav")
OTHER_LANGUAGE_HREF = re.compile(rf'href="{OTHER_LANGUAGE}(?P<target>[^"#]+)(?P<anchor>#[^"]*)?"')


class Links:
    def __init__(self) -> None:
        # Of the language being built: what the messages need to name a line and a fix.
        self.context: LinkContext | None = None

    def on_config(self, config: MkDocsConfig):
        _remove_filters()
        for name in LOGGERS:
            logging.getLogger(name).addFilter(LinkMessages(self))

    # After i18n, which sets the language of this build.
    def on_files(self, files: Files, config: MkDocsConfig):
        self.context = LinkContext(
            docs_dir=Path(config.docs_dir),
            config_file=Path(config.config_file_path or "mkdocs.yml"),
            language=current_language(config),
            locales=locales(config),
        )
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
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

    def on_page_content(self, content: str, page: Page, config: MkDocsConfig, files):
        if self.context is not None:
            self.context.anchors[page.file.src_uri] = set(page.present_anchor_ids or ())
        return OTHER_LANGUAGE_HREF.sub(lambda match: _other_language_href(match, page, config), content)

    # After i18n's, which builds the other languages inside it: the whole build has ended.
    def on_post_build(self, config: MkDocsConfig):
        if not i18n_plugin(config).building:
            _remove_filters()

    def on_build_error(self, error):
        _remove_filters()


class LinkMessages(logging.Filter):
    """Rewrites MkDocs' messages about links and the menu (see the module's docstring)."""

    def __init__(self, component: Links) -> None:
        super().__init__()
        self.component = component

    def filter(self, record: logging.LogRecord) -> bool:
        context = self.component.context
        if context is not None and (message := rewritten(record.getMessage(), context)):
            record.msg, record.args = message, ()
        return True


def _remove_filters() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        for old in [f for f in logger.filters if isinstance(f, LinkMessages)]:
            logger.removeFilter(old)


def _other_language_href(match: re.Match, page: Page, config: MkDocsConfig) -> str:
    language, path = match["target"].split("/", 1)
    url = File(path, src_dir=None, dest_dir="", use_directory_urls=config.use_directory_urls).url
    return f'href="{page_url(page, language_prefix(config, language) + url)}{match["anchor"] or ""}"'
