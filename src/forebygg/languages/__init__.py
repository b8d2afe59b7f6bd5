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
  for nb, English rules for a language lunr lacks, such as pl: search_index.py).
"""

from __future__ import annotations

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
from forebygg.languages.search_index import search_language, split_search_index, write_language_file
from forebygg.site_config import i18n_plugin, language_prefix, locales


class Languages:
    def __init__(self) -> None:
        # Of the whole build, every language's: the templates rendered once per language, kept
        # until every language is built, and each language's search language.
        self.rendered: dict[tuple[str, str], str] = {}
        self.search_languages: dict[str, str] = {}

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

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig):
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


def shared_files(files: Files, locales: list[str]) -> list:
    """Files in docs/ outside every language folder, published once for all."""
    return [f for f in files if f.src_uri.split("/")[0] not in locales]
