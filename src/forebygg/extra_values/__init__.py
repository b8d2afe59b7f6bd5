"""
Facts and texts from mkdocs.yml `extra:`, in pages and in templates.

An editor writes `<!-- md:extra organisation.email -->` in running text and
the build puts the configured value there; a template calls
`extra("text.not_found.title")`. A value given per language code (`sv:`, `en:`) is
taken in the page's language. A name with no value, or a value that lacks a
language, fails the build with the page and line, or the mkdocs.yml line; so
does a value that YAML reads as another kind than the setting takes (an
unquoted 0812345 is a number), or an e-mail or web address that is not one.

A value written as a date, "YYYY-MM-DD" (in quotes, as every text), is shown
in words in the page's language ("25 november 2026"), as
extra.regional_language says that language writes dates. An e-mail address
(a setting named `email`) or phone number (`phone`) becomes a mailto: or tel:
link, so that a reader on a phone can tap it.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from forebygg.dates import date_in_words, is_date
from forebygg.extra_values.checks import (
    dates_not_in_the_calendar,
    regional_languages_by_general_rules,
    unknown_regional_languages,
    untranslated_values,
)
from forebygg.extra_values.kinds import placeholders_that_differ, setting_problems
from forebygg.markers import pattern
from forebygg.site_config import current_language, i18n_plugin, locales, lookup, regional_language
from forebygg.source_lines import config_documents, config_place, page_line

log = get_plugin_logger(__name__)


class ExtraValues:
    def on_config(self, config: MkDocsConfig):
        config_file = config.config_file_path
        problems = setting_problems(config_documents(config_file))
        problems += untranslated_values(config.extra, locales(config), config_file)
        problems += unknown_regional_languages(config.extra, locales(config), config_file)
        problems += dates_not_in_the_calendar(config.extra, config_file)
        problems += placeholders_that_differ(
            config.extra.get("text", {}),
            locales(config),
            lambda keys: config_place(config_file, ["extra", *keys]),
        )
        if problems:
            raise PluginError("\n".join(problems))
        if not i18n_plugin(config).building:  # once, when the build starts
            for note in regional_languages_by_general_rules(config.extra, locales(config), config_file):
                log.info(note)

    def on_env(self, env, config: MkDocsConfig, files):
        def extra(key: str) -> str:
            value = lookup(config.extra, key, current_language(config), "overrides/")
            return shown_value(value, regional_language(config))

        env.globals["extra"] = extra
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        language = current_language(config)
        return replace_extra_markers(markdown, config.extra, language, page, regional_language(config))


MARKER = pattern("extra")


def replace_extra_markers(markdown: str, extra: dict, language: str, page: Page, regional: str) -> str:
    """`language` picks the value; `regional` (a tag such as 'en-GB') says how to write a date."""

    def replace(match: re.Match) -> str:
        def where() -> str:
            return f"docs/{page.file.src_uri}:{page_line(page, markdown, match.start())}"

        value = lookup(extra, match.group(1), language, where)
        return _linked(match.group(1), value, _markdown_text(shown_value(value, regional)))

    return MARKER.sub(replace, markdown)


def shown_value(value: str, regional: str) -> str:
    return date_in_words(value, regional) if is_date(value) else value


def _linked(key: str, value: str, text: str) -> str:
    """An e-mail address or phone number in running text is a link: tap to write or call."""
    name = key.rsplit(".", 1)[-1]
    if name == "email":
        return f"[{text}](<mailto:{quote(value, safe='@.')}>)"
    if name == "phone":
        digits = re.sub(r"\D", "", value)
        # A Swedish number written from inside Sweden (08-…) is called as +46 8 … from anywhere.
        number = "+" + digits if value.lstrip().startswith("+") else "+46" + digits.removeprefix("0")
        return f"[{text}](<tel:{number}>)"
    return text


def _markdown_text(value: str) -> str:
    """Show the value as written: no Markdown or HTML inside it takes effect."""
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", html.escape(value, quote=False))
