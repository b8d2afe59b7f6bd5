"""
The theme's templates are compiled once per process (src/forebygg/compiled_templates.py),
and an edited template is still shown as edited.
"""

from __future__ import annotations

import jinja2
import pytest

from forebygg.compiled_templates import COMPILED_TEMPLATES, CompiledTemplates
from site_build import PROJECT, build, copy_sources

FOOTER = '<div class="md-copyright site-footer">'


def test_a_template_edited_between_two_builds_in_one_process_is_shown_as_edited(site, tmp_path):
    # As in `mkdocs serve`: the second build runs in the same Python as the first. The first
    # is `site`, built in this test process from the project, whose copy is edited here: its
    # compiled templates are in the cache under the same names and sources.
    project = copy_sources(tmp_path / "project", with_cache=True)
    template = project / "overrides" / "partials" / "copyright.html"
    text = template.read_text(encoding="utf-8")
    assert text == (PROJECT / "overrides" / "partials" / "copyright.html").read_text(encoding="utf-8")
    assert text.count(FOOTER) == 1
    assert any(key.startswith("partials/copyright.html:") for key in COMPILED_TEMPLATES._code)
    template.write_text(text.replace(FOOTER, FOOTER + "<p>Ändrad sidfot</p>"), encoding="utf-8")
    second = build(project, tmp_path / "second")
    assert second.returncode == 0, second.output
    assert "Ändrad sidfot" not in (site.root / "index.html").read_text(encoding="utf-8")
    for page in ("index.html", "en/index.html"):
        assert "<p>Ändrad sidfot</p>" in (tmp_path / "second" / page).read_text(encoding="utf-8"), page


def test_the_same_template_in_another_environment_uses_the_code_compiled_before():
    cache = CompiledTemplates()
    loader = jinja2.DictLoader({"t.html": "{{ 'a' | upper }}"})
    first = jinja2.Environment(loader=loader, bytecode_cache=cache)
    assert first.get_template("t.html").render() == "A"
    second = jinja2.Environment(loader=loader, bytecode_cache=cache)
    compiled = []
    second.compile = lambda *args, **kwargs: (
        compiled.append(args) or jinja2.Environment.compile(second, *args, **kwargs)
    )
    assert second.get_template("t.html").render() == "A"
    assert compiled == []


def test_code_compiled_with_a_filter_is_not_given_to_an_environment_without_it():
    cache = CompiledTemplates()
    loader = jinja2.DictLoader({"t.html": "{{ 'a' | shout }}"})
    with_filter = jinja2.Environment(loader=loader, bytecode_cache=cache)
    with_filter.filters["shout"] = lambda text: text.upper() + "!"
    assert with_filter.get_template("t.html").render() == "A!"
    without = jinja2.Environment(loader=loader, bytecode_cache=cache)
    with pytest.raises(jinja2.TemplateAssertionError, match="shout"):
        without.get_template("t.html")
