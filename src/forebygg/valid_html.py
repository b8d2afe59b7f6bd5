"""
Material's markup that the Nu Html Checker rejects, corrected.

Material puts `autocomplete="off"` on its two checkbox toggles (menu and
search) in base.html, outside any block that a template override could
replace; HTML allows that attribute on text-like inputs only. Material's
script closes both toggles whenever a page's location is set, so a browser
that restores form state cannot leave the menu open without it.

On a section's index page (navigation.indexes) Material leaves out the
table of contents' toggle (`<input id="__toc">`, partials/nav-item.html) but
keeps the label that points at it in the page's own contents
(partials/toc.html): a label for nothing. The label loses its `for` there;
there is nothing for it to open.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig


class ValidHtml:
    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        return without_dangling_toc_label(without_autocomplete_on_toggles(output))

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return without_autocomplete_on_toggles(output) if template_name.endswith(".html") else output


TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def without_autocomplete_on_toggles(html: str) -> str:
    return TOGGLE.sub(r"\1", html)


TOC_LABEL = re.compile(r'(<label class="md-nav__title") for="__toc"')


def without_dangling_toc_label(html: str) -> str:
    return html if 'id="__toc"' in html else TOC_LABEL.sub(r"\1", html)
