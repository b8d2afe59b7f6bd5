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

from gates import broken_links
from site_actions import search, visit
from site_build import PROJECT, SPECIMEN, assert_build_fails, build, languages, specimen_config
from site_server import fetch, free_port, served

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
# The site's languages, default first, as mkdocs.yml lists them: [(code, path prefix)].
LANGUAGES = [
    (language["locale"], "/" if language.get("default") else f"/{language['locale']}/")
    for language in languages(CONFIG)
]
NOT_FOUND = CONFIG["extra"]["text"]["not_found"]["title"]


def page_paths(docs: Path) -> list[str]:
    """Each Markdown page under `docs` (one language's folder) as its published path, e.g. /kurs/."""
    return sorted(
        "/" + "".join(f"{part}/" for part in p.relative_to(docs).with_suffix("").parts if part != "index")
        for p in docs.rglob("*.md")
    )


DEFAULT_PAGES = page_paths(PROJECT / "docs" / LANGUAGES[0][0])


def html_of(site, path: str):
    return lxml.html.parse(str(site.root / path.lstrip("/") / "index.html")).getroot()


# -----------------------------------------------------------------------------
# Build and structure
# -----------------------------------------------------------------------------


def test_the_strict_build_passes_without_warnings(site):
    assert "WARNING" not in site.log, site.log


@pytest.mark.parametrize("path", DEFAULT_PAGES)
def test_every_page_exists_in_every_language_with_the_right_lang(site, path):
    pages = {language: html_of(site, prefix + path.lstrip("/")) for language, prefix in LANGUAGES}
    for language, page in pages.items():
        assert page.get("lang") == language
    titles = [page.findtext(".//h1") for page in pages.values()]
    assert len(set(titles)) == len(titles), f"{path}: a language's page is not translated: {titles}"


@pytest.mark.parametrize("path", DEFAULT_PAGES)
def test_the_language_switcher_leads_to_the_same_page_in_the_other_languages(site, path):
    for here_language, here_prefix in LANGUAGES:
        here = here_prefix + path.lstrip("/")
        for there_language, there_prefix in LANGUAGES:
            if there_language == here_language:
                continue
            link = html_of(site, here).xpath(f'//a[@hreflang="{there_language}"]')[0].get("href")
            target = (Path("/" + here.strip("/")) / link).resolve() if link.startswith(".") else Path(link)
            assert str(target).rstrip("/") + "/" == (there_prefix + path.lstrip("/")).replace("//", "/"), here


@pytest.mark.xdist_group("specimen")
def test_nav_titles_are_translated(specimen):
    """A section title of nav: shows in each language as its nav_translations give it."""
    english = next(language for language in languages(specimen_config()) if language["locale"] == "en")
    translations = english["nav_translations"]
    assert translations

    def titles(path):
        return [
            a.text_content().strip() for a in html_of(specimen, path).xpath('//nav[@data-md-level="0"]//a')
        ]

    sections = [label.text_content().strip() for label in html_of(specimen, "/").xpath("//nav//label")]
    for swedish, translated in translations.items():
        assert swedish in titles("/") + sections
        english_titles = titles("/en/") + [
            label.text_content().strip() for label in html_of(specimen, "/en/").xpath("//nav//label")
        ]
        assert translated in english_titles and swedish not in english_titles


def test_each_language_has_its_own_sitemap_with_absolute_hreflang_alternates(server):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    codes = {code for code, _ in LANGUAGES}
    for _, prefix in LANGUAGES:
        status, body = fetch(server.origin + prefix + "sitemap.xml")
        assert status == 200
        urls = ET.fromstring(body.encode()).findall("s:url", ns)
        assert len(urls) == len(DEFAULT_PAGES)
        for url in urls:
            loc = url.findtext("s:loc", namespaces=ns)
            assert loc.startswith(server.origin + prefix)
            if prefix == "/":  # the default language's pages are not under another language's folder
                assert not any(loc.startswith(server.origin + p) for _, p in LANGUAGES if p != "/")
            alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
            assert set(alternates) == codes
            assert all(href.startswith(server.origin + "/") for href in alternates.values())


@pytest.mark.parametrize("language, prefix", LANGUAGES)
def test_a_missing_page_gets_a_404_in_its_language_that_says_so_in_its_title(server, language, prefix):
    status, body = fetch(server.origin + prefix + "finns-inte/ingen-sida/")
    page = lxml.html.fromstring(body)
    not_found = CONFIG["extra"]["text"]["not_found"]["title"][language]
    site_name = page.xpath("//header//a[contains(@class, 'md-logo')]/@aria-label")[0]
    assert status == 404
    assert page.get("lang") == language
    # Read as a reader reads it: without the soft hyphens where a long word may break.
    assert page.findtext(".//h1").replace("\u00ad", "") == not_found
    assert page.findtext(".//title") == f"{not_found} – {site_name}"


def test_a_site_under_a_path_keeps_its_links_and_404_pages_in_that_path(tmp_path):
    """site_url with a path, as a host under a municipality's own address has it
    (https://www.myndigheten.se/vrakningar/): the project built so and served under that
    path through deploy/, as the real host would serve it."""
    port = free_port()
    address = f"http://127.0.0.1:{port}/vrakningar"
    result = build(PROJECT, tmp_path / "site", site_url=address + "/")
    assert result.returncode == 0, result.output
    assert broken_links(tmp_path / "site", address) == []
    with served(tmp_path / "site", port, "/vrakningar/") as origin:
        assert origin == address
        status, _ = fetch(origin + "/")
        assert status == 200
        for language, prefix in LANGUAGES:
            status, body = fetch(origin + prefix + "finns-inte/ingen-sida/")
            page = lxml.html.fromstring(body)
            heading = page.findtext(".//h1").replace("\u00ad", "")
            assert (status, page.get("lang"), heading) == (404, language, NOT_FOUND[language])
            status, body = fetch(origin + prefix + "sitemap.xml")
            assert status == 200 and f"<loc>{origin}{prefix}" in body


@pytest.mark.xdist_group("specimen")
def test_organisation_facts_come_from_mkdocs_yml(specimen):
    organisation = specimen_config()["extra"]["organisation"]
    contact = html_of(specimen, "/om-webbplatsen/kontakt/").text_content()
    english = html_of(specimen, "/en/om-webbplatsen/kontakt/").text_content()
    assert organisation["email"] in contact and organisation["email"] in english
    assert organisation["name"]["sv"] in contact and organisation["name"]["en"] in english
    assert "<!--" not in (specimen.root / "om-webbplatsen/kontakt/index.html").read_text()


# -----------------------------------------------------------------------------
# Search
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start, query, language",
    [
        ("/", "samverkan", "sv"),
        ("/en/", "cooperation", "en"),
        ("/en/", "Kronofogden", "en"),  # a Swedish word that the specimen's English pages also use
    ],
)
def test_search_finds_pages_of_the_current_language_only(
    specimen_page, specimen_server, start, query, language
):
    page = specimen_page
    visit(page, start)
    hrefs = search(page, query)
    assert hrefs
    for href in hrefs:
        assert href.startswith(specimen_server.origin + "/"), href
        assert href.startswith(specimen_server.origin + "/en/") == (language == "en"), href


@pytest.mark.parametrize(
    "start, typed, written",
    [
        ("/", "hyresvärdarnas", "hyresvärd"),  # a longer form than any on the specimen's pages
        ("/", "vräkningarnas", "vräkning"),
        ("/", "samverkans", "samverkan"),
        ("/en/", "evicting", "evict"),
    ],
)
def test_search_understands_word_endings_in_the_pages_language(specimen_page, start, typed, written):
    page = specimen_page
    language = "en" if start == "/en/" else "sv"
    sources = (SPECIMEN / "docs" / language).rglob("*.md")
    assert not any(re.search(rf"\b{typed}\b", p.read_text(), re.I) for p in sources), (
        f"{typed!r} is on a page"
    )
    visit(page, start)
    found = search(page, typed)
    assert found, f"typing {typed!r} found nothing"
    visit(page, found[0].split("#")[0])
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


def test_every_label_names_a_control_on_its_page(site):
    """A label whose `for` names no element is dead to a screen reader and invalid HTML.
    Material's contents title on a section's index page had one (forebygg.valid_html)."""
    problems = []
    for path in site.pages():
        document = lxml.html.parse(str(site.root / path.lstrip("/") / "index.html")).getroot()
        ids = {element.get("id") for element in document.iter() if element.get("id")}
        for label in document.iter("label"):
            if label.get("for") and label.get("for") not in ids:
                problems.append(
                    f'{path}: <label for="{label.get("for")}"> {" ".join(label.text_content().split())}'
                )
    assert not problems, "\n".join(problems)


def test_every_aria_labelledby_names_an_element_with_words(site):
    """A menu or region named by an element without text has no name: a screen reader
    announces "navigation" twice, and axe reports landmark-unique. A section with an index
    page was named by its icon-only toggle (overrides/partials/nav-item.html)."""
    problems = []
    for path in site.pages():
        document = lxml.html.parse(str(site.root / path.lstrip("/") / "index.html")).getroot()
        for element in document.xpath("//*[@aria-labelledby]"):
            for name in element.get("aria-labelledby").split():
                target = document.get_element_by_id(name, None)
                if target is None or not target.text_content().strip():
                    problems.append(
                        f'{path}: <{element.tag} aria-labelledby="{name}"> names nothing with words'
                    )
    assert not problems, "\n".join(problems)
