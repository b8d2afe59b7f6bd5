"""
The survey invitation: its settings per language, checked.

mkdocs.yml `extra.survey` names the survey's address per language, a
version and how many days an answer hides the invitation. The banner
(overrides/partials/survey-banner.html) gets them as `survey_banner`.
The survey's id is one for all languages: an answer in one language is
remembered for the whole site.
A language with no address gets no banner and a warning; an address that is
not https:// stops the build. `enabled: false` switches the invitation off.
A page whose front matter says `survey: false` (checked by forebygg.front_matter)
gets neither the banner nor its script, whatever the settings: a tenant at risk
of eviction is not asked about the website first.
"""

from __future__ import annotations

import hashlib

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from forebygg.components import BY_NAME
from forebygg.source_lines import config_line

log = get_plugin_logger(__name__)
# Where the browser keeps the answers (its row in forebygg.components), for the partials and the script.
STORAGE_KEY = BY_NAME["survey_banner"].storage[0]


class SurveyBanner:
    def __init__(self) -> None:
        # The settings of the language being built: on_config checks them, on_env hands them on.
        self.settings: dict | None = None

    # After i18n, which sets the language of this build.
    def on_config(self, config: MkDocsConfig):
        language = config.theme["language"]
        self.settings = banner_settings(config.extra.get("survey") or {}, language, config.config_file_path)
        return config

    def on_env(self, env, config: MkDocsConfig, files):
        env.globals["survey_banner"] = self.settings
        return env

    # The page's own value shadows the global one in its templates (partials/survey-banner*.html).
    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav):
        if page.meta.get("survey") is False:  # as forebygg.front_matter lets it be written
            context["survey_banner"] = None
        return context


def banner_settings(survey: dict, language: str, config_file: str | None) -> dict | None:
    """What the banner needs in `language`, or None when it has no survey."""
    if survey.get("enabled", True) is False:
        return None
    url = (survey.get("url") or {}).get(language)
    if not url or not str(url).startswith("https://"):
        line = config_line(config_file, ["extra", "survey", "url"])
    if not url:
        log.warning(
            f"mkdocs.yml:{line}: extra.survey.url has no '{language}' address – the "
            f"'{language}' pages show no survey invitation; add {language}: https://…"
        )
        return None
    if not str(url).startswith("https://"):
        raise PluginError(
            f"mkdocs.yml:{line}: extra.survey.url.{language} is '{url}' – a survey address must start with https://"
        )
    days = survey.get("hide_days", 90)
    if not isinstance(days, int) or days < 1:
        line = config_line(config_file, ["extra", "survey", "hide_days"])
        raise PluginError(
            f"mkdocs.yml:{line}: extra.survey.hide_days is '{days}' – give a whole number of days, such as 90"
        )
    urls = survey.get("url") or {}
    return {"url": url, "id": survey_id(urls, survey.get("version", "")), "days": days, "key": STORAGE_KEY}


def survey_id(urls: dict, version) -> str:
    """Names one survey, the same in every language: an answer in one counts in all.

    `urls`: the survey's address per language. A new address, in any language, or
    a new version is a new survey, asked about anew.
    """
    addresses = "\n".join(f"{language} {urls[language]}" for language in sorted(urls))
    return hashlib.sha256(f"{addresses}\n{version}".encode()).hexdigest()[:12]
