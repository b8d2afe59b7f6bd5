"""
The specimen (tests/specimen/) is built with the project's own machinery.

Its mkdocs.yml sets its own languages, so it restates the plugins: they must
stay the project's, or the tests would check a site built otherwise.
"""

from __future__ import annotations

from mkdocs.utils import yaml_load

from site_build import PROJECT, specimen_config


def without_languages(plugins: list) -> list:
    """The plugins and their settings, with mkdocs-static-i18n's languages left out."""
    return [
        {"i18n": {k: v for k, v in plugin["i18n"].items() if k != "languages"}}
        if isinstance(plugin, dict) and "i18n" in plugin
        else plugin
        for plugin in plugins
    ]


def test_the_specimen_has_the_projects_plugins_with_languages_of_its_own():
    project = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
    assert without_languages(specimen_config()["plugins"]) == without_languages(project["plugins"]), (
        "tests/specimen/mkdocs.yml: copy the project's plugins: to it, keeping the specimen's languages"
    )
