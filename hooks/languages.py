"""
One complete, separate site per language.

mkdocs-static-i18n builds the languages one after another into one site
folder. On its own it lets a page exist in one language only, drops the files
shared by all languages from every language but the default one, and lets the
last language overwrite the single 404.html, sitemap.xml and search index.
This module makes every language complete and keeps each one to itself:

- every language is one that Material has interface texts for;
- every page exists in every language, and every nav section is translated;
- files in docs/ outside the language folders (docs/assets/) serve all languages;
- each language gets its own 404.html, sitemap.xml and search index, the
  index with the word rules Material names for that language (lunr's 'no'
  for nb, English rules for a language lunr lacks, such as pl).
"""

from __future__ import annotations

import gzip
import json
import re
from copy import deepcopy
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, get_files
from mkdocs.utils import get_relative_url

from forebygg.site_config import AFTER_I18N, i18n_plugin, language_prefix, locales
from forebygg.source_lines import config_line

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------

# Templates rendered once per language build, kept until every language is built.
_rendered: dict[tuple[str, str], str] = {}
# The search language of each language, noted while it is built.
_search_languages: dict[str, str] = {}


def on_config(config: MkDocsConfig):
    i18n = i18n_plugin(config)
    docs = Path(config.docs_dir)
    problems = languages_without_interface_texts(config)
    problems += pages_missing_a_translation(docs, locales(config))
    problems += nav_sections_missing_a_translation(config, i18n)
    if problems:
        raise PluginError("\n".join(problems))


# After i18n, which keeps only the current language's files.
@event_priority(AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig):
    i18n = i18n_plugin(config)
    if i18n.current_language == i18n.default_language:
        return files
    present = {file.src_uri for file in files}
    for file in shared_files(get_files(config), locales(config)):
        if file.src_uri not in present:
            files.append(file)
    return files


def on_env(env, config: MkDocsConfig, files):
    _search_languages[i18n_plugin(config).current_language] = search_language(env, config)
    return env


def on_page_context(context, page, config: MkDocsConfig, nav):
    i18n = i18n_plugin(config)
    root = language_prefix(config, i18n.current_language) or "."
    context["language_base_url"] = get_relative_url(root, page.url)
    return context


def on_template_context(context, template_name: str, config: MkDocsConfig):
    if template_name == "404.html":
        i18n = i18n_plugin(config)
        # The switcher on a 404 leads to each language's start page.
        # i18n sets this as an attribute, which shadows the item of the same name.
        config.extra.alternate = deepcopy(i18n.extra_alternate)
        context["language_base_url"] = context["base_url"] + language_prefix(config, i18n.current_language)
    return context


# After every other hook has finished with the page.
@event_priority(-100)
def on_post_template(output: str, template_name: str, config: MkDocsConfig):
    if template_name in ("404.html", "sitemap.xml"):
        _rendered[(i18n_plugin(config).current_language, template_name)] = output
    return output


# After i18n, which builds the other languages inside its own on_post_build.
@event_priority(AFTER_I18N)
def on_post_build(config: MkDocsConfig):
    i18n = i18n_plugin(config)
    if i18n.building:
        return
    site = Path(config.site_dir)
    for (locale, name), output in _rendered.items():
        write_language_file(site / language_prefix(config, locale) / name, output)
    split_search_index(site, locales(config), i18n.default_language, _search_languages)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def languages_without_interface_texts(config: MkDocsConfig) -> list[str]:
    """Material's menus, search and buttons need texts in the language, in partials/languages/."""
    problems = []
    for locale in locales(config):
        texts = f"partials/languages/{locale}.html"
        if not any((Path(folder) / texts).exists() for folder in config.theme.dirs):
            problems.append(
                f"mkdocs.yml:{_locale_line(config.config_file_path, locale)}: Material for MkDocs has no "
                f"interface texts (menu, search, buttons) for the language '{locale}' – use a code from "
                f"{MATERIAL_LANGUAGES}, or ask a developer to add overrides/partials/languages/{locale}.html"
            )
    return problems


MATERIAL_LANGUAGES = "https://squidfunk.github.io/mkdocs-material/setup/changing-the-language/"


def pages_missing_a_translation(docs: Path, locales: list[str]) -> list[str]:
    """Every page in one language folder needs its twin in every other."""
    problems = []
    for stray in sorted(docs.rglob("*.md")):
        if stray.relative_to(docs).parts[0] not in locales:
            problems.append(
                f"docs/{stray.relative_to(docs).as_posix()}: a page outside the language "
                f"folders – move it into {', '.join(f'docs/{l}/' for l in locales)}"
            )
    pages = {
        locale: {p.relative_to(docs / locale).as_posix() for p in (docs / locale).rglob("*.md")}
        for locale in locales
    }
    for locale, mine in pages.items():
        for other, theirs in pages.items():
            for page in sorted(mine - theirs):
                problems.append(
                    f"docs/{locale}/{page}: has no translation docs/{other}/{page} – "
                    f"write it, or delete the page in every language"
                )
    return problems


def nav_sections_missing_a_translation(config: MkDocsConfig, i18n) -> list[str]:
    """A title written in the nav is Swedish; each other language must translate it."""
    titles = list(_nav_titles(config.nav or []))
    problems = []
    for language in i18n.config.languages:
        if language.default or not language.build:
            continue
        translations = language.nav_translations or {}
        for title in titles:
            if title not in translations:
                problems.append(
                    f"mkdocs.yml:{config_line(config.config_file_path, [title])}: the nav title '{title}' has no "
                    f"'{language.locale}' translation – add it under plugins → i18n → "
                    f"languages → {language.locale} → nav_translations"
                )
    return problems


def shared_files(files: Files, locales: list[str]) -> list:
    """Files in docs/ outside every language folder, published once for all."""
    return [f for f in files if f.src_uri.split("/")[0] not in locales]


def write_language_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if path.name == "sitemap.xml":
        # mtime=0 keeps the build reproducible.
        with gzip.GzipFile(path.with_suffix(".xml.gz"), "wb", mtime=0) as gz:
            gz.write(text.encode("utf-8"))


def search_language(env, config: MkDocsConfig) -> str:
    """The lunr language Material's search uses for the language being built ('en' if lunr lacks it).

    Material's search worker loads lunr.<language>.min.js for it; a file
    that does not exist would stop search altogether.
    """
    translations = env.get_template("partials/language.html", None, {"config": config}).module
    return str(translations.t("search.config.lang")).strip() or "en"


def split_search_index(site: Path, locales: list[str], default: str, search_languages: dict[str, str]):
    """Turn i18n's one mixed index into one index per language."""
    mixed = site / "search" / "search_index.json"
    if not mixed.exists():
        return
    index = json.loads(mixed.read_text(encoding="utf-8"))
    for locale in locales:
        prefix = "" if locale == default else f"{locale}/"
        docs = [
            dict(doc, location=doc["location"][len(prefix) :])
            for doc in index["docs"]
            if _language_of(doc["location"], locales, default) == locale
        ]
        own = {"config": dict(index["config"], lang=[search_languages[locale]]), "docs": docs}
        path = site / prefix / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _language_of(location: str, locales: list[str], default: str) -> str:
    first = location.split("/")[0]
    return first if first in locales and first != default else default


def _locale_line(config_file: str | None, locale: str) -> int:
    """The line of `- locale: CODE` in mkdocs.yml, or 0."""
    try:
        text = Path(config_file or "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return 0
    found = re.search(rf"^[\s-]*locale:\s*['\"]?{re.escape(locale)}['\"]?\s*$", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def _nav_titles(items):
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                yield title
                if isinstance(value, list):
                    yield from _nav_titles(value)
