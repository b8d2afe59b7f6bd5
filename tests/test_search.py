"""
Site search, on the specimen: words found through their stems are not called missing; form blanks are found.
(Glossary terms: tests/test_glossary.py.)
"""

from __future__ import annotations

import pytest

from site_actions import search, visit


def test_a_hit_found_through_the_stem_does_not_say_the_word_is_missing(specimen_page):
    page = specimen_page
    visit(page, "/")
    links = search(page, "vräkningen")
    assert links, "no hits"
    missing = page.locator(".md-search-result__item del")
    assert missing.all_inner_texts() == [], "a hit says the word is missing"


@pytest.mark.parametrize(
    ("path", "word", "page_name"),
    [("/", "personnummer", "avtal-och-samtycke/"), ("/en/", "landlord", "avtal-och-samtycke/")],
)
def test_a_form_blank_finds_the_forms_page(specimen_page, path, word, page_name):
    page = specimen_page
    visit(page, path)
    links = search(page, word)
    assert any(page_name in link for link in links), links
