"""
What a build keeps in the project's .cache/ for the next one (src/forebygg/build_cache.py):
each page's headings, the compiled templates and the hyphenation dictionaries. A kept entry
never hides an editor's mistake, and anything that changes what it holds makes it anew.
"""

from __future__ import annotations

import functools
import sys

import jinja2
import pytest

import forebygg.headings
from forebygg.build_cache import code_fingerprint, entry_key
from forebygg.compiled_templates import CompiledTemplates
from forebygg.headings import heading_problems, kept_headings
from forebygg.hyphenation import _dictionary, hyphenated
from site_build import PROJECT, build, project_with_fixture


def test_headings_out_of_order_fail_the_next_build_too_when_the_headings_are_kept(tmp_path, monkeypatch):
    project = project_with_fixture("heading-order", tmp_path)
    message = "docs/sv/vad-gor-vi.md:17: the heading '#### Tips' is level 4, right after the level-2 heading"
    first = build(project, tmp_path / "first")
    assert first.returncode != 0 and message in first.output, first.output
    kept = sorted((project / ".cache" / "headings").iterdir())
    assert kept

    # The second build takes every page's headings from .cache/headings/, reading none again.
    monkeypatch.setattr(forebygg.headings, "headings", lambda *arguments: pytest.fail("a page read again"))
    second = build(project, tmp_path / "second")

    assert second.returncode != 0 and message in second.output, second.output
    assert sorted((project / ".cache" / "headings").iterdir()) == kept


def test_a_page_is_read_again_for_its_headings_when_its_extensions_change(tmp_path):
    # Indented under an admonition, a heading; without the extension, a code block.
    markdown = "# Råd\n\n!!! note\n\n    ### Tips\n"

    boxed = kept_headings(markdown, ["attr_list", "admonition"], {}, tmp_path)
    plain = kept_headings(markdown, ["attr_list"], {}, tmp_path)

    assert [heading.level for heading in boxed] == [1, 3]
    assert [heading.level for heading in plain] == [1]
    assert [line for line, _ in heading_problems(boxed)] == [5]  # ### right after the # title
    assert kept_headings(markdown, ["attr_list", "admonition"], {}, tmp_path) == boxed
    assert len(list((tmp_path / ".cache" / "headings").iterdir())) == 2


def test_a_setting_that_reads_differently_in_each_build_keeps_nothing():
    assert entry_key("# Råd", ["toc"], {"toc": {"slugify": forebygg.headings.slugify}}) is not None
    assert entry_key("# Råd", ["toc"], {"toc": {"slugify": lambda value, separator: value}}) is None
    assert (
        entry_key("# Råd", ["toc"], {"toc": {"slugify": functools.partial(forebygg.headings.slugify)}})
        is None
    )
    assert entry_key("# Råd", [object()], {}) is None
    assert entry_key("# Råd", ["toc"], {}) != entry_key("# Råd!", ["toc"], {})
    assert entry_key("# Råd", ["toc"], {}) != entry_key("# Råd", ["toc", "admonition"], {})


def test_the_code_of_a_package_is_told_by_its_files_or_by_the_versions_installed_beside_it(
    tmp_path, monkeypatch
):
    package = tmp_path / "src" / "egen"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("SLUG = 1\n", encoding="utf-8")
    installed = tmp_path / "site-packages"
    (installed / "extern").mkdir(parents=True)
    (installed / "extern" / "__init__.py").write_text("", encoding="utf-8")
    (installed / "extern-1.0.dist-info").mkdir()
    monkeypatch.syspath_prepend(str(tmp_path / "src"))
    monkeypatch.syspath_prepend(str(installed))

    def fingerprint(module: str) -> bytes:
        code_fingerprint.cache_clear()  # once per process in a build: here the code changes in between
        sys.modules.pop(module, None)
        return code_fingerprint(module)

    before = fingerprint("egen"), fingerprint("extern")
    (package / "__init__.py").write_text("SLUG = 2\n", encoding="utf-8")
    (installed / "extern-1.0.dist-info").rename(installed / "extern-1.1.dist-info")
    after = fingerprint("egen"), fingerprint("extern")
    code_fingerprint.cache_clear()

    assert before[0] != after[0] and before[1] != after[1]


def test_compiled_templates_are_taken_from_the_folder_in_the_next_process_and_an_edited_one_compiled_anew(
    tmp_path,
):
    sources = {"t.html": "{{ 'a' | upper }}"}
    first = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=CompiledTemplates(tmp_path))
    assert first.get_template("t.html").render() == "A"
    assert len(list(tmp_path.iterdir())) == 1

    compiled = []

    def environment() -> jinja2.Environment:
        # A new process: nothing in memory, only the folder.
        env = jinja2.Environment(
            loader=jinja2.DictLoader(sources), bytecode_cache=CompiledTemplates(tmp_path)
        )
        env.compile = lambda *arguments, **options: (
            compiled.append(arguments[1]) or jinja2.Environment.compile(env, *arguments, **options)
        )
        return env

    assert environment().get_template("t.html").render() == "A"
    assert compiled == []
    sources["t.html"] = "{{ 'b' | upper }}"
    assert environment().get_template("t.html").render() == "B"
    assert compiled == ["t.html"]
    sources["t.html"] = "{{ 'b' | upper }"
    with pytest.raises(jinja2.TemplateSyntaxError):
        environment().get_template("t.html")
    with pytest.raises(jinja2.TemplateSyntaxError):  # a mistake is never kept: it fails every time
        environment().get_template("t.html")


def test_a_kept_hyphenation_dictionary_hyphenates_as_the_dictionary_does(tmp_path):
    import pyphen

    def in_a_new_process(*arguments) -> str:
        pyphen.hdcache.clear()
        _dictionary.cache_clear()
        return hyphenated(*arguments)

    word = "vräkningsförebyggande"
    read = in_a_new_process(word, "sv")
    kept = in_a_new_process(word, "sv", tmp_path)  # read, and kept in tmp_path/.cache/hyphenation/
    again = in_a_new_process(word, "sv", tmp_path)  # from what was kept
    pyphen.hdcache.clear()
    _dictionary.cache_clear()

    assert "\u00ad" in read and read == kept == again
    assert len(list((tmp_path / ".cache" / "hyphenation").glob("*.pickle"))) == 1


def test_a_form_template_read_before_is_taken_as_read_and_a_mistake_fails_every_time(tmp_path, monkeypatch):
    from forebygg.form_documents import FormError, parse_template, reading

    root, kept_in = tmp_path / "project", tmp_path / "project" / ".cache" / "form-templates"
    template = root / "forms" / "sv" / "samtycke.md"
    template.parent.mkdir(parents=True)
    text = (PROJECT / "forms" / "sv" / "samtycke.md").read_text(encoding="utf-8")
    template.write_text(text, encoding="utf-8")
    read = parse_template(template, root, kept_in)
    assert len(list(kept_in.iterdir())) == 1

    monkeypatch.setattr(reading, "_parse_text", lambda *arguments: pytest.fail("read again"))
    assert parse_template(template, root, kept_in) == read
    monkeypatch.undo()

    template.write_text(text.replace("---\n", "", 1), encoding="utf-8")  # no front matter
    for _ in range(2):
        with pytest.raises(FormError, match=r"forms/sv/samtycke\.md:1: no front matter"):
            parse_template(template, root, kept_in)
    assert len(list(kept_in.iterdir())) == 1


def test_yaml_read_before_is_taken_as_read_and_a_mistake_fails_every_time(tmp_path, monkeypatch):
    import yaml

    from forebygg import source_lines

    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    wrong = "extra:\n  organisation:\n    name: ”Förebygg” vräkningar: kommunen\n   email: x\n"

    def in_a_new_process():
        source_lines.composed.cache_clear()
        source_lines.keep_yaml_in(tmp_path)

    try:
        in_a_new_process()
        read = source_lines.composed(text)
        for _ in range(2):
            in_a_new_process()
            with pytest.raises(yaml.YAMLError):
                source_lines.composed(wrong)
        assert len(list(tmp_path.iterdir())) == 1

        in_a_new_process()
        monkeypatch.setattr(yaml, "compose", lambda *arguments, **options: pytest.fail("read again"))
        again = source_lines.composed(text)
    finally:
        source_lines.keep_yaml_in(None)
        source_lines.composed.cache_clear()

    assert yaml.serialize(again) == yaml.serialize(read)
    assert [key.start_mark.line for key, _ in again.value] == [key.start_mark.line for key, _ in read.value]
