"""
Ready to launch: the deployment build refuses the placeholders in mkdocs.yml.

A placeholder is a value in square brackets ("[Myndighetens namn]") or an
address at a domain kept for examples (example.org, example.com,
example.net, anything@….example), as mkdocs.yml ships them. `make build`
sets SITE_DEPLOY=1; that build stops, naming every setting that is still a
placeholder and its line. A preview (`make serve`) or test build accepts them
and says so in one line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from forebygg.site_config import current_language, each_setting, locales
from forebygg.source_lines import config_line

log = get_plugin_logger(__name__)

BRACKETED = re.compile(r"^\s*\[.*\]\s*$", re.DOTALL)
EXAMPLE_ADDRESS = re.compile(r"\bexample\.(?:org|com|net)\b|@[^\s]*\bexample\b|\.example\b", re.IGNORECASE)


class LaunchCheck:
    # After i18n, so that the check runs once: in the build of the default language.
    def on_config(self, config: MkDocsConfig):
        if current_language(config) != locales(config)[0]:
            return config
        found = list(placeholders(config.site_url, config.extra))
        if not found:
            return config
        if os.environ.get("SITE_DEPLOY") == "1":
            raise PluginError("\n".join(deployment_errors(found, config.config_file_path)))
        names = ", ".join(".".join(keys) for keys, _ in found)
        log.info(f"mkdocs.yml: placeholders are allowed in this preview build: {names}")
        return config


def deployment_errors(found: list[tuple[list[str], str]], config_file: str | None) -> list[str]:
    errors = []
    for keys, value in found:
        line = config_line(config_file, keys)
        if keys == ["site_url"]:
            how = "set it to the site's real address, such as https://www.myndigheten.se/vrakningar/"
        elif keys[:3] == ["extra", "survey", "url"]:
            how = "give the survey's real address, or switch the invitation off with enabled: false"
        else:
            how = "replace it with the real value before the site is published"
        errors.append(f"mkdocs.yml:{line}: {'.'.join(keys)} is still the placeholder '{value}' – {how}")
    return errors


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
