"""
Facts and texts from mkdocs.yml `extra:`, in pages and in templates.

An editor writes `<!-- md:extra organisation.email -->` in running text and
the build puts the configured value there; a template calls
`extra("text.not_found.title")`. A value given per language code (`sv:`, `en:`) is
taken in the page's language. A name with no value, or a value that lacks a
language, fails the build with the page and line, or the mkdocs.yml line; so
does a value that YAML reads as another kind than the setting takes (an
unquoted 0812345 is a number), or an e-mail or web address that is not one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.extra_settings import setting_problems
from forebygg.markers import pattern
from forebygg.site_config import current_language, locales, lookup
from forebygg.source_lines import config_documents, config_line, page_line

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig):
    problems = setting_problems(config_documents(config.config_file_path))
    problems += untranslated_values(config.extra, locales(config), config.config_file_path)
    if problems:
        raise PluginError("\n".join(problems))


def on_env(env, config: MkDocsConfig, files):
    def extra(key: str) -> str:
        return lookup(config.extra, key, current_language(config), "overrides/")

    env.globals["extra"] = extra
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    return replace_extra_markers(markdown, config.extra, current_language(config), page)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

MARKER = pattern("extra")


def replace_extra_markers(markdown: str, extra: dict, language: str, page: Page) -> str:
    def replace(match: re.Match) -> str:
        def where() -> str:
            return f"docs/{page.file.src_uri}:{page_line(page, markdown, match.start())}"

        value = lookup(extra, match.group(1), language, where)
        return _markdown_text(value)

    return MARKER.sub(replace, markdown)


# A language may lack these: hooks/survey_banner.py warns and shows no invitation.
MAY_LACK_A_LANGUAGE = {"survey.url"}


def untranslated_values(extra: dict, locales: list[str], config_file: str | None) -> list[str]:
    """A value given for one language must be given for every language."""
    problems = []

    def walk(value, key):
        if not isinstance(value, Mapping) or key in MAY_LACK_A_LANGUAGE:
            return
        if set(value) & set(locales):
            for locale in locales:
                if locale not in value:
                    line = config_line(config_file, ["extra", *key.split(".")])
                    problems.append(
                        f"mkdocs.yml:{line}: extra.{key} has no '{locale}' value – add {locale}: under it"
                    )
            return
        for name, inner in value.items():
            walk(inner, f"{key}.{name}" if key else name)

    walk(dict(extra), "")
    return problems


def _markdown_text(value: str) -> str:
    """Show the value as written: no Markdown or HTML inside it takes effect."""
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", html.escape(value, quote=False))
