"""
The bilingual site: every page in both languages, each language on its own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import lxml.html
import pytest
from mkdocs.utils import yaml_load

from site_actions import search
from site_build import PROJECT, assert_build_fails
from site_server import fetch

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
SWEDISH_PAGES = sorted(
    "/"
    + "".join(
        f"{part}/" for part in p.relative_to(PROJECT / "docs" / "sv").with_suffix("").parts if part != "index"
    )
    for p in (PROJECT / "docs" / "sv").rglob("*.md")
)


def html_of(site, path: str):
    return lxml.html.parse(str(site.root / path.lstrip("/") / "index.html")).getroot()


def html_of_source(path: str) -> str:
    name = path.strip("/") or "index"
    source = PROJECT / "docs" / "sv" / f"{name}.md"
    return (source if source.exists() else PROJECT / "docs" / "sv" / name / "index.md").read_text()


# -----------------------------------------------------------------------------
# Build and structure
# -----------------------------------------------------------------------------


def test_the_strict_build_passes_without_warnings(site):
    assert "WARNING" not in site.log, site.log


def test_the_guide_has_every_section_of_the_source_page():
    expected = {
        "/",
        "/lokal-samverkan-starta/",
        "/lokal-samverkan-fordjupning/",
        "/avtal-och-samtycke/",
        "/vad-gor-vi/",
        "/om-webbplatsen/tillganglighet/",
        "/om-webbplatsen/personuppgifter-och-kakor/",
        "/om-webbplatsen/kontakt/",
    }
    assert expected <= set(SWEDISH_PAGES)


@pytest.mark.parametrize("path", SWEDISH_PAGES)
def test_every_page_exists_in_both_languages_with_the_right_lang(site, path):
    swedish, english = html_of(site, path), html_of(site, "/en" + path)
    assert swedish.get("lang") == "sv"
    assert english.get("lang") == "en"
    assert swedish.findtext(".//h1") != english.findtext(".//h1"), "the English page is not translated"


@pytest.mark.parametrize("path", SWEDISH_PAGES)
def test_the_language_switcher_leads_to_the_same_page_in_the_other_language(site, path):
    for here, there, other in ((path, "/en" + path, "en"), ("/en" + path, path, "sv")):
        link = html_of(site, here).xpath(f'//a[@hreflang="{other}"]')[0].get("href")
        target = (Path("/" + here.strip("/")) / link).resolve() if link.startswith(".") else Path(link)
        assert str(target).rstrip("/") + "/" == there.replace("//", "/"), f"{here}: {link}"


def test_nav_titles_are_translated(site):
    swedish = [a.text_content().strip() for a in html_of(site, "/").xpath('//nav[@data-md-level="0"]//a')]
    english = [a.text_content().strip() for a in html_of(site, "/en/").xpath('//nav[@data-md-level="0"]//a')]
    assert "Om webbplatsen" in swedish and "About this website" in english
    assert not set(swedish) & set(english) - {""}, set(swedish) & set(english)


def test_each_language_has_its_own_sitemap_with_absolute_hreflang_alternates(server):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    for prefix, language in (("/", "sv"), ("/en/", "en")):
        status, body = fetch(server.origin + prefix + "sitemap.xml")
        assert status == 200
        urls = ET.fromstring(body.encode()).findall("s:url", ns)
        assert len(urls) == len(SWEDISH_PAGES)
        for url in urls:
            loc = url.findtext("s:loc", namespaces=ns)
            assert loc.startswith(server.origin + prefix)
            assert (loc.startswith(server.origin + "/en/")) == (language == "en")
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
            assert set(alternates) == {"sv", "en"}
            assert all(href.startswith(server.origin + "/") for href in alternates.values())


@pytest.mark.parametrize(
    "missing, language",
    [("/finns-inte/", "sv"), ("/en/does-not-exist/", "en")],
)
def test_a_missing_page_gets_a_404_in_its_language_that_says_so_in_its_title(server, missing, language):
    status, body = fetch(server.origin + missing)
    page = lxml.html.fromstring(body)
    not_found = CONFIG["extra"]["text"]["not_found"]["title"][language]
    site_name = page.xpath("//header//a[contains(@class, 'md-logo')]/@aria-label")[0]
    assert status == 404
    assert page.get("lang") == language
    # Read as a reader reads it: without the soft hyphens where a long word may break.
    assert page.findtext(".//h1").replace("\u00ad", "") == not_found
    assert page.findtext(".//title") == f"{not_found} – {site_name}"


def test_organisation_facts_come_from_mkdocs_yml(site):
    organisation = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))["extra"]["organisation"]
    contact = html_of(site, "/om-webbplatsen/kontakt/").text_content()
    english = html_of(site, "/en/om-webbplatsen/kontakt/").text_content()
    assert organisation["email"] in contact and organisation["email"] in english
    assert organisation["name"]["sv"] in contact and organisation["name"]["en"] in english
    assert "<!--" not in (site.root / "om-webbplatsen/kontakt/index.html").read_text()


# -----------------------------------------------------------------------------
# Search
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, query, language",
    [
        ("/", "samverkan", "sv"),
        ("/en/", "cooperation", "en"),
        ("/en/", "samtycke", "en"),  # a Swedish word that the English pages also use
    ],
)
def test_search_finds_pages_of_the_current_language_only(page, server, start, query, language):
    page.goto(start)
    hrefs = search(page, query)
    assert hrefs
    for href in hrefs:
        assert href.startswith(server.origin + "/"), href
        assert href.startswith(server.origin + "/en/") == (language == "en"), href


@pytest.mark.parametrize(
    "start, typed, written",
    [
        ("/", "hyresvärdarnas", "hyresvärd"),  # a longer form than any on the site
        ("/", "vräkningarnas", "vräkning"),
        ("/", "samverkans", "samverkan"),
        ("/en/", "evicting", "evict"),
    ],
)
def test_search_understands_word_endings_in_the_pages_language(page, server, start, typed, written):
    language = "en" if start == "/en/" else "sv"
    sources = (PROJECT / "docs" / language).rglob("*.md")
    assert not any(re.search(rf"\b{typed}\b", p.read_text(), re.I) for p in sources), (
        f"{typed!r} is on a page"
    )
    page.goto(start)
    found = search(page, typed)
    assert found, f"typing {typed!r} found nothing"
    page.goto(found[0].split("#")[0])
    assert written in page.locator("article.md-content__inner").inner_text().lower()


# -----------------------------------------------------------------------------
# Bad input from an editor fails the build, naming the file
# (links, anchors and the menu: test_page_source.py, with the line)
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("untranslated-page", ["docs/sv/bara-svenska.md", "has no translation docs/en/bara-svenska.md"]),
        ("untranslated-nav-title", ["mkdocs.yml:", "'Mer att läsa' has no 'en' translation"]),
        ("untranslated-extra-value", ["mkdocs.yml:", "extra.text.opening_hours has no 'en' value"]),
        ("unknown-marker", ["docs/sv/vad-gor-vi.md:8", "unknown marker 'md:exrta'"]),
        # Line 25, after a form marker that the build replaces with many lines.
        ("marker-after-form", ["docs/sv/avtal-och-samtycke.md:25: unknown marker 'md:fomr'"]),
        (
            "marker-without-argument",
            [
                "docs/sv/avtal-och-samtycke.md:25: the marker 'md:form' needs a form's file name",
                "<!-- md:form samtycke -->",
            ],
        ),
        (
            "marker-bad-argument",
            ["docs/sv/avtal-och-samtycke.md:25: the marker 'md:form' needs", "not samtycke {#x}"],
        ),
        ("missing-extra-value", ["docs/en/vad-gor-vi.md:7", "extra.organisation.fax"]),
    ],
)
def test_an_editors_mistake_fails_the_build_and_names_the_file(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)
