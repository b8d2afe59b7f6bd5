"""
What every component reads from the site's configuration: the build's languages,
texts and facts from `extra:`, page addresses, and the project's folder.

mkdocs-static-i18n builds the site once per language; during each of those
builds `config.theme["language"]` is the language being built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2
from babel import Locale, UnknownLocaleError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from forebygg.compiled_templates import compile_once
from forebygg.components import BY_NAME
from forebygg.source_lines import config_line, shown_path


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool


def i18n_plugin(config: MkDocsConfig):
    try:
        return config.plugins["i18n"]
    except KeyError:
        raise PluginError(
            "mkdocs.yml: the forebygg plugin needs the i18n plugin – add it under plugins:"
        ) from None


def languages(config: MkDocsConfig) -> list[Language]:
    """The languages this build makes, the default one first."""
    configured = [
        Language(language.locale, language.name, bool(language.default))
        for language in i18n_plugin(config).config.languages
        if language.build
    ]
    return sorted(configured, key=lambda language: not language.default)


def locales(config: MkDocsConfig) -> list[str]:
    """The codes of the languages this build makes, the default one first."""
    return [language.locale for language in languages(config)]


def current_language(config: MkDocsConfig) -> str:
    return config.theme["language"]


def language_prefix(config: MkDocsConfig, locale: str) -> str:
    """Where a language's pages are published: '' for the default, 'en/' for English."""
    return "" if locale == locales(config)[0] else f"{locale}/"


def project_root(config: MkDocsConfig) -> Path:
    """The project's folder: where mkdocs.yml is, with forms/ beside docs/."""
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent


def shown_as(config: MkDocsConfig, path: Path) -> str:
    """A file's path as messages name it, from the project's folder: docs/data/glossary.yml."""
    return shown_path(path, project_root(config))


def each_setting(value, keys: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], object]]:
    """Every setting in `value` (extra:, or a part of it), with the keys that lead to it: the
    mappings and lists as well as the single values in them, each before what it holds."""
    yield keys, value
    if isinstance(value, Mapping):
        for name, inner in value.items():
            yield from each_setting(inner, (*keys, str(name)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from each_setting(inner, (*keys, str(index)))


def page_url(page, site_path: str) -> str:
    """The address of a file in the built site, relative to the page's own address."""
    return get_relative_url(site_path, page.url)


def lookup(extra: Mapping, key: str, language: str, where: str | Callable[[], str]) -> str:
    """The value of extra.KEY in `language`; `where` (text, or a function giving it) names the use."""
    where_text = where if callable(where) else (lambda: where)
    value = extra
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise PluginError(f"{where_text()}: extra.{key} is used but has no value – add it to mkdocs.yml")
        value = value[part]
    if isinstance(value, Mapping):
        if language not in value:
            raise PluginError(
                f"{where_text()}: extra.{key} in mkdocs.yml has no '{language}' value – add {language}: under it"
            )
        value = value[language]
    if isinstance(value, (Mapping, list)) or value is None or str(value).strip() == "":
        raise PluginError(f"{where_text()}: extra.{key} in mkdocs.yml is not a single text – give it one")
    return str(value)


def ui_text(config: MkDocsConfig, key: str, where: str = "mkdocs.yml") -> str:
    """A text of the page frame, from extra.text.KEY, in the language being built."""
    return lookup(config.extra, f"text.{key}", current_language(config), where)


def texts(config: MkDocsConfig, component: str, where: str) -> dict[str, str]:
    """The texts of `component` under extra.text, as its row in forebygg.components names them,
    in the language being built; `where` names the use in a message about a missing text."""
    row = BY_NAME[component]
    return {key: ui_text(config, f"{row.texts}.{key}", where) for key in row.text_keys}


def regional_language(config: MkDocsConfig, locale: str | None = None) -> str:
    """How the language being built (or `locale`) writes numbers and dates: a tag such as 'en-GB'."""

    def where() -> str:  # found only for a message: each page's dates and numbers ask
        return f"mkdocs.yml:{config_line(config.config_file_path, ['extra', 'regional_language'])}"

    return lookup(config.extra, "regional_language", locale or current_language(config), where)


@lru_cache
def babel_locale(language: str) -> Locale:
    """Babel's rules for a language code or tag: 'sv', 'en-GB'. ValueError if Babel does not know it.

    A language in a country that Babel has no rules of its own for, such as
    'ar-SE' (Arabic as written in Sweden), gets the language's general rules
    ('ar'): see general_rules_for.
    """
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as error:
        general = general_rules_for(language)
        if general is None:
            raise ValueError(f"'{language}' is not a language tag that Babel knows") from error
        return general


def text_direction(language: str) -> str:
    """'rtl' for a language written from right to left (Arabic, Persian), else 'ltr', as Babel knows it."""
    from forebygg.form_documents.model import writing_direction

    return writing_direction(language)


def general_rules_for(tag: str) -> Locale | None:
    """The language's own rules for a tag of a language and a country that Babel knows each of,
    but not together: 'ar-SE' → Locale('ar'). None for any other tag."""
    *language, country = str(tag).replace("_", "-").split("-")
    if not language or country.upper() not in Locale("en").territories:
        return None
    try:
        return Locale.parse("_".join(language))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def theme_template(config: MkDocsConfig, name: str) -> jinja2.Template:
    """A template of the theme, overrides/ first, as the pages find it: e.g. 'partials/film.html',
    in an environment that escapes every value it outputs (Markup is shown as it is).

    One Jinja environment per build and language, kept on the build's theme:
    a new environment for every page would load the template again. Its
    compiled code is kept for the next build too (compiled_templates.py).
    """
    theme = config.theme
    environments = theme.__dict__.setdefault("_forebygg_environments", {})
    language = theme["language"]
    if language not in environments:
        environment = theme.get_env()
        environment.autoescape = True
        environments[language] = compile_once(environment, project_root(config))
    return environments[language].get_template(name)
