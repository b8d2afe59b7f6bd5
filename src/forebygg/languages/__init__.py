"""
One complete, separate site per language.

mkdocs-static-i18n builds the languages one after another into one site
folder. On its own it lets a page exist in one language only, drops the files
shared by all languages from every language but the default one, and lets the
last language overwrite the single 404.html, sitemap.xml and search index.
This component makes every language complete and keeps each one to itself:

- every language is one that Material has interface texts for, every page
  exists in every language, and every nav section is translated (checks.py);
- files in docs/ outside the language folders (docs/assets/) serve all languages;
- each language gets its own 404.html, sitemap.xml and search index, the
  index with the word rules Material names for that language (lunr's 'no'
  for nb, English rules for a language lunr lacks, such as pl: search_index.py);
- each page says its direction on <html> as well (`<html lang="ar" dir="rtl">`:
  Material says it on <body> only, so a browser's or a screen reader's idea
  of the document, and its scroll bar, stayed left to right), and on a page
  written from right to left a phone number or e-mail address in a link is
  set left to right (dir="ltr"): otherwise "040-34 10 00" showed as
  "00 10 34-040";
- the preview (`make serve`) answers a missing address with the 404 page of
  the address's language, as the published site does (preview_404.py).
"""

from __future__ import annotations

import re
from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, get_files
from mkdocs.utils import get_relative_url

from forebygg.languages.checks import (
    languages_without_interface_texts,
    nav_sections_missing_a_translation,
    pages_missing_a_translation,
)
from forebygg.languages.preview_404 import serve_each_languages_404
from forebygg.languages.search_index import search_language, split_search_index, write_language_file
from forebygg.site_config import current_language, i18n_plugin, language_prefix, locales, text_direction


class Languages:
    def __init__(self) -> None:
        # Of the whole build, every language's: the templates rendered once per language, kept
        # until every language is built, and each language's search language.
        self.rendered: dict[tuple[str, str], str] = {}
        self.search_languages: dict[str, str] = {}

    def on_serve(self, server, config: MkDocsConfig, builder):
        return serve_each_languages_404(server, config.site_dir)

    def on_config(self, config: MkDocsConfig):
        i18n = i18n_plugin(config)
        if not i18n.building:  # the default language's build: the whole build starts
            self.rendered.clear()
            self.search_languages.clear()
        problems = languages_without_interface_texts(config)
        problems += pages_missing_a_translation(Path(config.docs_dir), locales(config))
        problems += nav_sections_missing_a_translation(config, i18n)
        if problems:
            raise PluginError("\n".join(problems))

    def on_files(self, files: Files, config: MkDocsConfig):
        i18n = i18n_plugin(config)
        if i18n.current_language == i18n.default_language:
            return files
        present = {file.src_uri for file in files}
        for file in shared_files(get_files(config), locales(config)):
            if file.src_uri not in present:
                files.append(file)
        return files

    def on_env(self, env, config: MkDocsConfig, files):
        self.search_languages[i18n_plugin(config).current_language] = search_language(env, config)
        return env

    def on_page_context(self, context, page, config: MkDocsConfig, nav):
        i18n = i18n_plugin(config)
        root = language_prefix(config, i18n.current_language) or "."
        context["language_base_url"] = get_relative_url(root, page.url)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":
            i18n = i18n_plugin(config)
            # The switcher on a 404 leads to each language's start page.
            # i18n sets this as an attribute, which shadows the item of the same name.
            config.extra.alternate = deepcopy(i18n.extra_alternate)
            context["language_base_url"] = context["base_url"] + language_prefix(
                config, i18n.current_language
            )
        return context

    def on_page_content(self, html: str, page, config: MkDocsConfig, files):
        if text_direction(current_language(config)) == "rtl":
            return LEFT_TO_RIGHT_LINK.sub(r'\g<0> dir="ltr"', html)
        return html

    def on_post_page(self, output: str, page, config: MkDocsConfig):
        return direction_on_html(output)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig):
        if template_name == "404.html":
            output = direction_on_html(output)
        if template_name in ("404.html", "sitemap.xml"):
            self.rendered[(i18n_plugin(config).current_language, template_name)] = output
        return output

    # After i18n's, which builds the other languages inside it.
    def on_post_build(self, config: MkDocsConfig):
        i18n = i18n_plugin(config)
        if i18n.building:
            return
        site = Path(config.site_dir)
        for (locale, name), output in self.rendered.items():
            write_language_file(site / language_prefix(config, locale) / name, output)
        split_search_index(site, locales(config), i18n.default_language, self.search_languages)


# A link to a phone number or an e-mail address without a direction of its own.
LEFT_TO_RIGHT_LINK = re.compile(r'<a\b(?![^>]*\bdir=)(?=[^>]*\bhref="(?:tel|mailto):)')
HTML_LANG = re.compile(r'<html\b(?![^>]*\bdir=)[^>]*?\blang="[^"]*"')
BODY_DIRECTION = re.compile(r'<body\b[^>]*\bdir="(?P<dir>ltr|rtl)"')


def direction_on_html(output: str) -> str:
    """The page's <html> with the direction that Material gives its <body>, after its lang."""
    body = BODY_DIRECTION.search(output)
    return HTML_LANG.sub(lambda m: f'{m.group()} dir="{body["dir"]}"', output, count=1) if body else output


def shared_files(files: Files, locales: list[str]) -> list:
    """Files in docs/ outside every language folder, published once for all."""
    return [f for f in files if f.src_uri.split("/")[0] not in locales]
