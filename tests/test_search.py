"""
Site search: words found through their stems are not called missing; form blanks and glossary terms are found.
"""

from __future__ import annotations

import pytest

from site_actions import search, visit


def test_a_hit_found_through_the_stem_does_not_say_the_word_is_missing(page, server):
    visit(page, "/")
    links = search(page, "vräkningen")
    assert links, "no hits"
    missing = page.locator(".md-search-result__item del")
    assert missing.all_inner_texts() == [], "a hit says the word is missing"


@pytest.mark.parametrize(
    ("path", "word", "page_name"),
    [("/", "personnummer", "avtal-och-samtycke/"), ("/en/", "landlord", "avtal-och-samtycke/")],
)
def test_a_form_blank_finds_the_forms_page(page, server, path, word, page_name):
    visit(page, path)
    links = search(page, word)
    assert any(page_name in link for link in links), links


@pytest.mark.parametrize(
    ("path", "word"),
    [("/", "förverkande"), ("/en/", "forfeiture")],
)
def test_a_glossary_term_finds_the_glossary(page, server, path, word):
    visit(page, path)
    links = search(page, word)
    assert any("ordlista/" in link for link in links), links
