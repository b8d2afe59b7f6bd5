"""
Every language complete: one that Material has interface texts for, every
page in every language folder, and every nav section's title translated.
Each problem names the line in mkdocs.yml or the page to write.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from forebygg.site_config import locales
from forebygg.source_lines import config_line


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
                f"folders – move it into {', '.join(f'docs/{code}/' for code in locales)}"
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
