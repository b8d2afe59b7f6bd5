"""
The manifest of components (src/forebygg/components.py) and the plugin that runs them.

Every file a row names exists, every text it names is in mkdocs.yml in every
language and every text there belongs to a component, every storage key is
named on the privacy page, and MkDocs gets a new plugin, with new
components, each time it loads mkdocs.yml.
"""

from __future__ import annotations

import re

import pytest
from mkdocs.config import load_config
from mkdocs.plugins import EVENTS
from mkdocs.utils.yaml import yaml_load

from forebygg import form_documents
from forebygg.components import BY_NAME, COMPONENTS, MARKERS
from forebygg.markers import pattern
from site_build import PROJECT, SPECIMEN, copy_specimen, languages, specimen_config

ROWS = pytest.mark.parametrize("row", COMPONENTS, ids=[row.name for row in COMPONENTS])
SITE_CSS = (PROJECT / "docs" / "assets" / "css" / "site.css").read_text(encoding="utf-8")


@ROWS
def test_every_file_a_component_names_exists(row):
    missing = [f"overrides/{name}" for name in row.partials if not (PROJECT / "overrides" / name).is_file()]
    missing += [f"docs/{name}" for name in row.scripts if not (PROJECT / "docs" / name).is_file()]
    assert not missing, f"src/forebygg/components.py, {row.name}: no such file {missing}"


@ROWS
def test_a_components_class_handles_the_events_it_has_priorities_for(row):
    if not row.build:
        assert not row.priorities, f"{row.name}: priorities without a class"
        return
    component = row.load()
    events = {event for event in EVENTS if hasattr(component, f"on_{event}")}
    assert events, f"forebygg.{row.name}.{row.build} handles no MkDocs event"
    assert set(row.priorities) <= events, f"{row.name}: priorities for events it does not handle"
    # A handler of these would make MkDocs keep one plugin for a whole `mkdocs serve`.
    assert not events & {"startup", "shutdown"}


@ROWS
def test_a_components_style_section_and_wrapper_are_where_it_says(row):
    if row.css:
        rules = re.sub(r"/\*.*?\*/", "", SITE_CSS, flags=re.S)
        assert re.search(rf"{re.escape(row.css)}(?:__|--|(?![\w-]))", rules), (
            f"docs/assets/css/site.css has no rules for {row.css} ({row.name})"
        )
    if row.wrapper:
        partials = "".join(
            (PROJECT / "overrides" / name).read_text(encoding="utf-8") for name in row.partials
        )
        assert re.search(rf'class="{re.escape(row.wrapper)}[ "]', partials), (
            f"{row.name}: no element of class {row.wrapper} in {row.partials}"
        )


def test_every_marker_is_found_as_its_example_writes_it():
    for name, marker in MARKERS.items():
        assert pattern(name).fullmatch(marker.example), marker.example


def test_the_texts_of_the_components_are_the_texts_in_mkdocs_yml_in_every_language():
    """extra.text is the site's machinery: the project's mkdocs.yml has it, for the specimen too."""
    config = yaml_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    text = config["extra"]["text"]
    locales = [language["locale"] for language in languages(config)]
    named = {(row.texts, key) for row in COMPONENTS for key in row.text_keys}
    given = {(group, key) for group, keys in text.items() for key in keys}
    assert given - named == set(), "texts in mkdocs.yml that no component names (src/forebygg/components.py)"
    assert named - given == set(), "texts a component names that mkdocs.yml lacks"
    untranslated = [f"{group}.{key}" for group, key in named if set(text[group][key]) != set(locales)]
    assert not untranslated, untranslated
    hints = {kind.hint for kind in form_documents.FIELD_TYPES.values() if kind.hint}
    assert hints <= set(BY_NAME["forms"].text_keys), "a kind of blank's hint is not among the forms' texts"


def test_every_storage_key_is_named_on_the_specimens_privacy_page_in_every_language():
    config = specimen_config()
    keys = [key for row in COMPONENTS for key in row.storage]
    assert keys
    for language in languages(config):
        page = SPECIMEN / "docs" / language["locale"] / "om-webbplatsen" / "personuppgifter-och-kakor.md"
        text = page.read_text(encoding="utf-8")
        assert [key for key in keys if key not in text] == [], page


def test_each_load_of_mkdocs_yml_makes_a_new_plugin_with_new_components(tmp_path):
    """As `mkdocs serve` loads mkdocs.yml for every rebuild: nothing one build kept reaches the next."""
    project = copy_specimen(tmp_path / "project", with_cache=False)
    first, second = (load_config(str(project / "mkdocs.yml")).plugins["forebygg"] for _ in range(2))
    assert first is not second
    assert not set(map(id, first.components.values())) & set(map(id, second.components.values()))
    assert not hasattr(first, "on_startup") and not hasattr(first, "on_shutdown")
