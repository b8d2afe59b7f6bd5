"""
Printing a page: the text, films as posters with their transcripts, and a footer that says where it came from.
"""

from __future__ import annotations

import re

import pytest

from site_actions import visit
from site_build import build, project_with_fixture

FILM_PAGE = "/lokal-samverkan-starta/"
FORM_PAGE = "/avtal-och-samtycke/"


def printed(page, path: str):
    visit(page, path)
    page.emulate_media(media="print")
    return page


def test_a_printed_page_has_no_invitation_menus_search_or_page_links(page, server):
    printed(page, FILM_PAGE)
    for selector in [".survey-banner", ".md-header", ".md-sidebar--primary", ".md-search", ".md-footer__inner",
                     ".site-footer__links"]:
        assert not page.locator(selector).first.is_visible(), selector


def test_a_printed_film_is_its_poster_on_one_page_with_its_transcript(page, server):
    printed(page, FILM_PAGE)
    film = page.locator("video.film__player").first
    assert film.is_visible()
    assert film.evaluate("v => getComputedStyle(v.closest('.film__frame')).breakInside") == "avoid"
    assert not page.locator(".film__downloads").first.is_visible()
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".film__transcript-text").first.is_visible()


@pytest.mark.parametrize(("path", "site_name"), [("/vad-gor-vi/", "Förebygg vräkningar"),
                                                 ("/en/vad-gor-vi/", "Preventing evictions")])
def test_the_printed_footer_says_which_site_and_address_the_page_came_from(page, server, path, site_name):
    printed(page, path)
    footer = page.locator(".site-footer__print")
    assert footer.is_visible()
    text = footer.inner_text()
    assert site_name in text
    assert server.origin + path in text


def test_the_footer_is_not_printed_on_screen(page, server):
    visit(page, "/vad-gor-vi/")
    assert not page.locator(".site-footer__print").is_visible()
    assert page.locator(".site-footer__links").is_visible()


def test_a_page_with_a_review_date_prints_it_in_words(tmp_path):
    project = project_with_fixture("page-reviewed", tmp_path)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    reviewed = (tmp_path / "site" / "vad-gor-vi" / "index.html").read_text("utf-8")
    unreviewed = (tmp_path / "site" / "riskerar-du-att-bli-vrakt" / "index.html").read_text("utf-8")
    assert re.search(r'class="site-footer__print">[^<]*/vad-gor-vi/\s*<br>Senast granskad: 25 november 2026', reviewed)
    assert "Senast granskad" not in unreviewed
