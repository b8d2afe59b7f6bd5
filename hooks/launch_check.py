"""
Ready to launch: the deployment build refuses the placeholders in mkdocs.yml.

`make build` sets SITE_DEPLOY=1; that build stops, naming every setting that
is still a placeholder and its line. A preview (`make serve`) or test build
accepts them and says so in one line.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from forebygg.launch import placeholders
from forebygg.site_config import AFTER_I18N, current_language, locales
from forebygg.source_lines import config_line

log = get_plugin_logger(__name__)

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After i18n, so that the check runs once: in the build of the default language.
@event_priority(AFTER_I18N)
def on_config(config: MkDocsConfig):
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


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


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
