"""
Ready to launch: the deployment build refuses the placeholders in mkdocs.yml,
and every text not yet translated.

A placeholder is a value in square brackets ("[Myndighetens namn]") or an
address at a domain kept for examples (example.org, example.com,
example.net, anything@….example), as mkdocs.yml ships them. A text that
`make add-language` wrote for a new language, a copy of another language's,
is a placeholder too ("[Menu]"), under extra: or in the language's block
under plugins → i18n → languages. `make build` sets SITE_DEPLOY=1; that
build stops, naming every setting that is still a placeholder and its line,
and every page, form, glossary part and caption file not yet translated
(forebygg.translations.copies). A preview (`make serve`) or test build
accepts them and says so in one line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from forebygg.site_config import current_language, each_setting, i18n_plugin, languages, locales, project_root
from forebygg.source_lines import config_documents, config_place
from forebygg.translations.copies import untranslated

log = get_plugin_logger(__name__)

BRACKETED = re.compile(r"^\s*\[.*\]\s*$", re.DOTALL)
EXAMPLE_ADDRESS = re.compile(r"\bexample\.(?:org|com|net)\b|@[^\s]*\bexample\b|\.example\b", re.IGNORECASE)


class LaunchCheck:
    # After i18n, so that the check runs once: in the build of the default language.
    def on_config(self, config: MkDocsConfig):
        if current_language(config) != locales(config)[0]:
            return config
        found = list(placeholders(config.site_url, config.extra))
        found += language_placeholders(config)
        names = {language.locale: language.name for language in languages(config)}
        if os.environ.get("SITE_DEPLOY") == "1":
            copies = untranslated(project_root(config), Path(config.docs_dir), locales(config))
            errors = deployment_errors(found, config.config_file_path, names, config.extra)
            errors += [copy.message(names[copy.language]) for copy in copies]
            if errors:
                raise PluginError("\n".join(errors))
            return config
        copied = [keys for keys, value in found if _translation(keys, value, config.extra)]
        settings = [".".join(keys) for keys, _ in found if keys not in copied]
        if settings or copied:
            said = f": {', '.join(settings)}" if settings else ""
            if copied:
                counts = _counted(_language_of(keys) for keys in copied)
                said += f"{';' if settings else ':'} texts not yet translated: {counts}"
            log.info(f"mkdocs.yml: placeholders are allowed in this preview build{said}")
        return config


def deployment_errors(
    found: list[tuple[list[str], str]],
    config_file: str | None,
    names: Mapping[str, str] | None = None,
    extra: Mapping | None = None,
) -> list[str]:
    names = names or {}
    errors = []
    for keys, value in found:
        if keys[:3] == ["plugins", "i18n", "languages"]:
            place = _language_place(config_file, keys[3], keys[4:])
            shown = " → ".join(keys)
        else:
            place = config_place(config_file, keys)
            shown = ".".join(keys)
        if keys == ["site_url"]:
            how = "set it to the site's real address, such as https://www.myndigheten.se/vrakningar/"
        elif keys[:3] == ["extra", "survey", "url"]:
            how = "give the survey's real address, or switch the invitation off with enabled: false"
        elif _translation(keys, value, extra or {}):
            language = _language_of(keys)
            errors.append(
                f"{place}: {shown} is not yet translated: '{value}' – write it in "
                f"{names.get(language, language)} ({language}), without the square brackets"
            )
            continue
        else:
            how = "replace it with the real value before the site is published"
        errors.append(f"{place}: {shown} is still the placeholder '{value}' – {how}")
    return errors


def language_placeholders(config: MkDocsConfig) -> list[tuple[list[str], str]]:
    """The placeholders in each language's block under plugins → i18n → languages: its site name,
    description and menu titles, as `make add-language` writes them before they are translated."""
    found = []
    for language in i18n_plugin(config).config.languages:
        if language.default:
            continue
        keys = ["plugins", "i18n", "languages", language.locale]
        for name in ("site_name", "site_description"):
            if is_placeholder(getattr(language, name, None)):
                found.append(([*keys, name], getattr(language, name)))
        for title, translated in (language.nav_translations or {}).items():
            if is_placeholder(translated):
                found.append(([*keys, "nav_translations", title], translated))
    return found


def _translation(keys: list[str], value: str, extra: Mapping) -> bool:
    """A text that `make add-language` copied from another language and put in square brackets:
    in a language's block under plugins → i18n → languages, or under extra: "[Menu]" where another
    language has "Menu"."""
    if keys[:3] == ["plugins", "i18n", "languages"]:
        return bool(BRACKETED.match(value))
    if keys[0] != "extra" or len(keys) < 3:
        return False
    setting = extra
    for key in keys[1:-1]:
        setting = setting.get(key) if isinstance(setting, Mapping) else None
    if not isinstance(setting, Mapping):
        return False
    return any(
        isinstance(other, str) and " ".join(value.split()) == f"[{' '.join(other.split())}]"
        for language, other in setting.items()
        if language != keys[-1]
    )


def _language_of(keys: list[str]) -> str:
    return keys[3] if keys[:3] == ["plugins", "i18n", "languages"] else keys[-1]


def _counted(languages_of_texts) -> str:
    counts: dict[str, int] = {}
    for language in languages_of_texts:
        counts[language] = counts.get(language, 0) + 1
    return ", ".join(f"{count} in {language}" for language, count in counts.items())


def _language_place(config_file: str | None, locale: str, keys: list[str]) -> str:
    """'file:line' of a key in a language's block under plugins → i18n → languages."""
    for file, document in config_documents(config_file):
        line = _language_line(document, locale, keys)
        if line:
            return f"{file}:{line}"
    return "mkdocs.yml:0"


def _language_line(document: yaml.MappingNode, locale: str, keys: list[str]) -> int:
    """The line of a key in a language's block in one configuration file, or 0."""
    block = _language_block(document, locale)
    if block is None:
        return 0
    node, key = block, None
    for part in keys:
        found = next(((k, v) for k, v in getattr(node, "value", []) if k.value == part), None)
        if found is None:
            break
        key, node = found
    return (key or block).start_mark.line + 1


def _language_block(document: yaml.MappingNode, locale: str) -> yaml.MappingNode | None:
    """The mapping of `- locale: CODE` under plugins → i18n → languages, or None."""
    plugins = _value(document, "plugins")
    for plugin in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        listed = _value(_value(plugin, "i18n"), "languages")
        for item in listed.value if isinstance(listed, yaml.SequenceNode) else []:
            if getattr(_value(item, "locale"), "value", None) == locale:
                return item
    return None


def _value(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((v for k, v in node.value if k.value == key), None)


def is_placeholder(value) -> bool:
    return isinstance(value, str) and bool(BRACKETED.match(value) or EXAMPLE_ADDRESS.search(value))


def placeholders(site_url: str | None, extra: Mapping) -> Iterator[tuple[list[str], str]]:
    """Each setting that is still a placeholder: its keys in mkdocs.yml and its value."""
    if is_placeholder(site_url):
        yield ["site_url"], site_url
    survey = extra.get("survey")
    if isinstance(survey, Mapping) and survey.get("enabled") is False:
        # A survey switched off needs no address.
        extra = {**extra, "survey": {k: v for k, v in survey.items() if k != "url"}}
    yield from ((["extra", *keys], value) for keys, value in each_setting(extra) if is_placeholder(value))
