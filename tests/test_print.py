"""
Printing a page: the text, films as posters with their transcripts, and a footer that says where it came from.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from site_actions import push_the_film_down, visit
from site_build import SPECIMEN, languages, specimen_config

# On the specimen (tests/specimen/): a page with a film, and a form with a personnummer.
CONFIG = specimen_config()
SITE_NAME = {
    language["locale"]: language.get("site_name", CONFIG["site_name"]) for language in languages(CONFIG)
}

FILM_PAGE = "/lokal-samverkan-starta/"
FORM_PAGE = "/avtal-och-samtycke/"


def printed(page, path: str):
    visit(page, path)
    page.emulate_media(media="print")
    return page


def test_a_printed_page_has_no_invitation_menus_search_or_page_links(specimen_page):
    page = specimen_page
    printed(page, FILM_PAGE)
    for selector in [
        ".survey-banner",
        ".md-header",
        ".md-sidebar--primary",
        ".md-search",
        ".md-footer__inner",
        ".site-footer__links",
    ]:
        assert not page.locator(selector).first.is_visible(), selector


def test_a_printed_film_is_its_poster_on_one_page_with_its_transcript(specimen_page):
    page = specimen_page
    printed(page, FILM_PAGE)
    film = page.locator(".film__poster").first
    assert film.is_visible()
    assert not page.locator(".film__play").first.is_visible(), "a button does nothing on paper"
    assert film.evaluate("v => getComputedStyle(v.closest('.film__frame')).breakInside") == "avoid"
    assert not page.locator(".film__downloads").first.is_visible()
    # Printed before Material's script has arrived (the reader has not used the page):
    # overrides/main.html opens the transcript for printing, and closes it again after.
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(".film__transcript-text").first.is_visible()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")
    assert not page.locator(".film__transcript-text").first.is_visible()


def test_a_printed_film_has_its_poster_though_the_reader_never_scrolled_to_it(specimen_page, tmp_path):
    # The poster loads lazily (overrides/partials/film.html): the browser fetches it for paper.
    page = specimen_page
    push_the_film_down(page.context, FILM_PAGE)
    visit(page, FILM_PAGE)
    assert page.evaluate(
        "() => document.querySelector('.film__poster').getBoundingClientRect().top > 3 * innerHeight"
    )
    assert page.evaluate("() => document.querySelector('.film__poster').naturalWidth") == 0
    pdf = tmp_path / "film.pdf"
    page.pdf(path=str(pdf))
    poster = page.evaluate(
        "() => [document.querySelector('.film__poster').naturalWidth,"
        " document.querySelector('.film__poster').naturalHeight]"
    )
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True)
    sizes = [line.split()[3:5] for line in listed.stdout.splitlines()[2:]]
    assert [str(poster[0]), str(poster[1])] in sizes, f"no {poster} image on paper: {listed.stdout}"

    # Browsers that print lazy images only once loaded: the page fetches them as printing starts.
    visit(page, FILM_PAGE)
    assert page.evaluate("() => document.querySelector('.film__poster').naturalWidth") == 0
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function("() => document.querySelector('.film__poster').naturalWidth > 0", timeout=10_000)


@pytest.mark.parametrize(("path", "language"), [("/vad-gor-vi/", "sv"), ("/en/vad-gor-vi/", "en")])
def test_the_printed_footer_says_which_site_and_address_the_page_came_from(
    specimen_page, specimen_server, path, language
):
    page, server, site_name = specimen_page, specimen_server, SITE_NAME[language]
    printed(page, path)
    footer = page.locator(".site-footer__print")
    assert footer.is_visible()
    text = footer.inner_text()
    assert site_name in text
    assert server.origin + path in text


def test_a_fill_in_forms_error_message_shows_on_screen_but_is_not_printed(specimen_page, specimen_server):
    # The consent form asks for the tenant's personnummer, which the page checks as it is typed.
    page = specimen_page
    assert "/forms/samtycke.html" in specimen_server.fill_in_pages()
    page.goto("/forms/samtycke.html")
    field = page.locator("input[data-check=personnummer]").first
    field.fill("1981-12-18")
    page.keyboard.press("Tab")
    error = page.locator(f"#{field.get_attribute('id')}-error")
    assert error.is_visible()
    page.emulate_media(media="print")
    assert not error.is_visible()
    printed = page.locator(f"#{field.get_attribute('id')} ~ .form-fill__printed")
    assert printed.is_visible() and printed.inner_text() == "1981-12-18", "what was typed is not printed"


def test_the_footer_is_not_printed_on_screen(specimen_page):
    page = specimen_page
    visit(page, "/vad-gor-vi/")
    assert not page.locator(".site-footer__print").is_visible()
    assert page.locator(".site-footer__links").is_visible()


SWEDISH_MONTHS = (
    "januari februari mars april maj juni juli augusti september oktober november december".split()
)


def test_the_footer_prints_the_pages_review_date_in_words(specimen):
    # Every page has its review date (forebygg.front_matter); the footer prints it, in Swedish words.
    site = specimen
    source = (SPECIMEN / "docs" / "sv" / "vad-gor-vi.md").read_text("utf-8")
    year, month, day = map(int, re.search(r'^reviewed: "?(\d{4})-(\d{2})-(\d{2})', source, re.M).groups())
    built = (site.root / "vad-gor-vi" / "index.html").read_text("utf-8")
    in_words = f"{day} {SWEDISH_MONTHS[month - 1]} {year}"
    # The address isolated (<bdi>): on a page written from right to left its last '/' stood first.
    printed = (
        rf'class="site-footer__print">[^<]*<bdi>[^<]*/vad-gor-vi/</bdi>\s*<br>Senast granskad {in_words}'
    )
    assert re.search(printed, built)
