"""
The glossary: its page lists every term in both languages, and on other pages a term
explains itself on hover and keyboard focus, and Escape hides the explanation.
Mistakes in docs/data/glossary.yml stop the build with the file's line.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import lxml.html
import pytest
import yaml

from forebygg.components import WRAPPERS
from gates import axe_violations
from site_actions import SETTLED, search, visit
from site_build import SPECIMEN, assert_build_fails

# The specimen's glossary (tests/specimen/): what the tests know the terms and pages to be.
GLOSSARY = yaml.safe_load((SPECIMEN / "docs" / "data" / "glossary.yml").read_text(encoding="utf-8"))
# A page that uses several terms, and where each language's glossary page is.
TERMS_PAGE = {"sv": "/fran-obetald-hyra-till-avhysning/", "en": "/en/fran-obetald-hyra-till-avhysning/"}
GLOSSARY_PAGE = {"sv": "ordlista/index.html", "en": "en/ordlista/index.html"}
OTHER = {"sv": "en", "en": "sv"}
# Swedish puts å, ä and ö after z.
ALPHABET = {"sv": "abcdefghijklmnopqrstuvwxyzåäö", "en": "abcdefghijklmnopqrstuvwxyz"}
PHONE = {"width": 390, "height": 844}


def explanation(language: str, term: str) -> str:
    entry = next(e for e in GLOSSARY if term in e[language]["terms"])
    return " ".join(entry[language]["explanation"].split())


def alphabetical(word: str, language: str):
    return [ALPHABET[language].find(char) if char in ALPHABET[language] else -1 for char in word.lower()]


def tab_to_first_term(page, limit: int = 80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('glossary__term')"):
            return page.locator(".glossary__term:focus")
    pytest.fail(f"no glossary term was reached in {limit} presses of Tab")


# -----------------------------------------------------------------------------
# The glossary page
# -----------------------------------------------------------------------------


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_glossary_page_lists_every_term_in_alphabetical_order(specimen, language):
    tree = lxml.html.parse(str(specimen.root / GLOSSARY_PAGE[language]))
    names = [dt.text_content() for dt in tree.xpath("//dl[contains(@class, 'glossary')]/dt")]
    assert sorted(names) == sorted(term for entry in GLOSSARY for term in entry[language]["terms"])
    firsts = [entry[language]["terms"][0] for entry in GLOSSARY]
    listed = [name for name in names if name in firsts]
    assert listed == sorted(firsts, key=lambda word: alphabetical(word, language))
    if language == "sv":  # the specimen has a term that starts with å
        assert listed[-1] == "återvinning"


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_term_is_given_in_the_other_language_marked_as_that_language(specimen, language):
    tree = lxml.html.parse(str(specimen.root / GLOSSARY_PAGE[language]))
    assert tree.getroot().get("lang") == language
    other = OTHER[language]
    for entry in GLOSSARY:
        dt = tree.xpath("//dt[@id=$id]", id=slug(entry[language]["terms"][0]))
        assert dt, f"no entry #{slug(entry[language]['terms'][0])}"
        dd = dt[0].xpath("following-sibling::dd[1]")[0]
        assert " ".join(dd.xpath("string(p[1])").split()) == " ".join(entry[language]["explanation"].split())
        translated = dd.xpath(f".//*[@lang='{other}']")
        assert [t.text_content() for t in translated] == [", ".join(entry[other]["terms"])]


def slug(term: str) -> str:
    """As EDITING.md tells editors: small letters, '-' between words, å ä ö as a a o."""
    plain = term.lower().translate(str.maketrans("åäöé", "aaoe"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def test_the_glossary_file_is_not_published(site):
    assert not list(site.root.rglob("glossary.yml"))


@pytest.mark.parametrize("language, typed", [("sv", "förverkande"), ("en", "forfeiture")])
def test_search_finds_the_glossary_page(specimen_page, language, typed):
    page = specimen_page
    visit(page, "/" if language == "sv" else "/en/")
    found = search(page, typed)
    prefix = "" if language == "sv" else "en/"
    assert any(re.search(rf"(^|/){prefix}ordlista/", href) for href in found), found


# -----------------------------------------------------------------------------
# Terms on the other pages
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("built", ["site", "specimen"])
def test_each_term_is_explained_once_per_page_and_never_in_headings_links_code_or_components(request, built):
    """On every page of the project and of the specimen; the specimen's pages use terms."""
    site = request.getfixturevalue(built)
    components = "".join(
        f" or ancestor::*[contains(@class, '{wrapper}')]" for wrapper in sorted(WRAPPERS - {"glossary"})
    )
    skipped = "ancestor::h1 or ancestor::h2 or ancestor::h3 or ancestor::h4 or ancestor::a or ancestor::code"
    skipped += components
    explained_pages = 0
    for path in site.root.rglob("index.html"):
        tree = lxml.html.parse(str(path))
        terms = tree.xpath("//span[@class='glossary']")
        if "ordlista" in path.parts:
            assert terms == [], f"{path}: the glossary page explains its own terms"
            continue
        targets = [t.xpath("string(a/@href)").split("#")[1] for t in terms]
        assert len(targets) == len(set(targets)), f"{path}: a term is explained twice: {targets}"
        misplaced = [t for t in terms if t.xpath(skipped)]
        assert misplaced == [], f"{path}: a term in a heading, link or component"
        explained_pages += bool(terms)
    if built == "specimen":
        assert explained_pages >= 2


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_explanations_stay_out_of_other_pages_search_entries(specimen, language):
    folder = specimen.root / ("" if language == "sv" else "en")
    index = json.loads((folder / "search" / "search_index.json").read_text())
    for entry in GLOSSARY:
        words = " ".join(entry[language]["explanation"].split())[:60]
        where = [doc["location"] for doc in index["docs"] if words in doc["text"]]
        assert where and all(location.startswith("ordlista/") for location in where), (words, where)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_on_a_phone_tabbing_to_a_term_shows_its_explanation_in_the_window(browser, specimen_server, language):
    context = browser.new_context(
        base_url=specimen_server.origin, viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True
    )  # axe is added as an inline script
    page = context.new_page()
    try:
        visit(page, TERMS_PAGE[language])
        term = tab_to_first_term(page)
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        assert tip.is_visible()
        assert tip.inner_text().strip() == explanation(language, _term_of(term, language))
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
        # Tab reaches the first term a few stops after the header's language list and the
        # search field; each once started a fade (the list opened on focus, the search opened
        # and folded the language switch) that could still run here, so that axe measured
        # half-transparent text (a[hreflang], .language-switch__name). Closed, both now take no
        # focus. What remains is Material's header title, which changes as focus scrolls the
        # page: axe sees the end of that, as in the accessibility gate.
        page.wait_for_function(SETTLED)
        assert axe_violations(page, "glossary explanation showing") == []
        page.keyboard.press("Escape")
        assert tip.is_hidden()
        assert page.evaluate("() => document.activeElement.classList.contains('glossary__term')")
    finally:
        context.close()


def test_escape_hides_the_explanation_until_the_focus_moves_on(specimen_page):
    page = specimen_page
    visit(page, TERMS_PAGE["sv"])
    first = tab_to_first_term(page)
    first_tip = page.locator(f"#{first.get_attribute('aria-describedby')}")
    page.keyboard.press("Escape")
    assert first_tip.is_hidden()
    second = tab_to_first_term(page)
    assert page.locator(f"#{second.get_attribute('aria-describedby')}").is_visible()
    page.keyboard.press("Shift+Tab")
    assert first_tip.is_visible()


def test_the_explanation_stays_while_the_pointer_moves_onto_it(specimen_page):
    page = specimen_page
    visit(page, TERMS_PAGE["sv"])
    term = page.locator(".glossary__term").first
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    assert tip.is_hidden()
    term.hover()
    assert tip.is_visible()
    box = tip.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] - 2, steps=5)
    assert tip.is_visible()
    assert box["x"] + box["width"] <= page.viewport_size["width"]
    page.mouse.move(5, 5)
    assert tip.is_hidden()


# Makes a term wrap over two lines, its first line ending the line of text and its second
# starting the next, by narrowing its paragraph; a one-word term is given a second word.
WRAP_THE_TERM = """link => {
  const block = link.closest('p, li, dd, td') || link.parentElement.parentElement;
  if (!/\\s/.test(link.textContent.trim())) link.textContent += ' ' + link.textContent;
  for (let width = block.getBoundingClientRect().width; width > 100; width -= 2) {
    block.style.width = width + 'px';
    const lines = [...link.getClientRects()].filter(r => r.width > 0);
    if (lines.length === 2 && lines[1].top > lines[0].top && lines[0].left > lines[1].right) return true;
  }
  return false;
}"""


@pytest.mark.parametrize("line", [0, 1], ids=["first-line", "second-line"])
def test_the_explanation_of_a_term_over_two_lines_stays_while_the_pointer_moves_down_onto_it(
    specimen_page, line
):
    page = specimen_page
    # WCAG 1.4.13: from either line of the term straight down onto the explanation, it stays shown.
    visit(page, TERMS_PAGE["sv"])
    term = page.locator(".glossary__term").first
    term.scroll_into_view_if_needed()
    assert term.evaluate(WRAP_THE_TERM), "the term could not be made to wrap"
    tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
    box = term.evaluate(
        f"el => {{ const r = [...el.getClientRects()].filter(r => r.width > 0)[{line}];"
        " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; }"
    )
    page.mouse.move(box["x"], box["y"])
    assert tip.is_visible(), "hovering the term does not show its explanation"
    target = tip.bounding_box()
    assert target["x"] <= box["x"] <= target["x"] + target["width"], (
        f"the explanation is not under the line the pointer is on: {target}, pointer at {box}"
    )
    y = box["y"]
    while y < target["y"] + target["height"] / 2:
        y += 3
        page.mouse.move(box["x"], y)
        assert tip.is_visible(), (
            f"the explanation closed on the way down to it, {y - box['y']:.0f} px below the term"
        )


@pytest.mark.parametrize("viewport", [PHONE, {"width": 820, "height": 1180}], ids=["phone", "tablet"])
def test_on_a_touch_screen_a_tap_shows_the_explanation_and_a_second_tap_opens_the_glossary(
    browser, specimen_server, viewport
):
    context = browser.new_context(
        base_url=specimen_server.origin, viewport=viewport, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    try:
        visit(page, TERMS_PAGE["sv"])
        term = page.locator(".glossary__term").first
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        term.scroll_into_view_if_needed()
        term.tap()
        assert tip.is_visible(), "the first tap did not show the explanation"
        page.wait_for_load_state("networkidle")
        assert page.url.endswith(TERMS_PAGE["sv"]), "the first tap left the page"
        box = tip.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], box
        # A tap elsewhere hides it; the next tap on the term shows it again, and one more opens the entry.
        page.locator("h1").tap()
        assert tip.is_hidden(), "a tap elsewhere did not hide the explanation"
        term.tap()
        assert tip.is_visible()
        with page.expect_navigation():
            term.tap()
        assert re.search(r"/ordlista/#[a-z-]+$", page.url), page.url
    finally:
        context.close()


def test_without_javascript_a_term_is_a_link_to_its_entry(browser, specimen_server):
    context = browser.new_context(base_url=specimen_server.origin, java_script_enabled=False)
    page = context.new_page()
    try:
        visit(page, TERMS_PAGE["sv"])
        term = page.locator(".glossary__term").first
        word = term.inner_text()
        term.click()
        assert re.search(r"/ordlista/#[a-z-]+$", page.url)
        target = page.locator(f"#{page.url.split('#')[1]}")
        assert target.evaluate("e => e.tagName") == "DT"
        words = {
            e["sv"]["terms"][0]: [w.lower() for w in e["sv"]["terms"] + e["sv"].get("forms", [])]
            for e in GLOSSARY
        }
        assert word.lower() in words[target.inner_text()]
    finally:
        context.close()


def _term_of(term, language: str) -> str:
    """The listed term that the link leads to."""
    anchor = term.get_attribute("href").split("#")[1]
    return next(t for e in GLOSSARY for t in e[language]["terms"] if slug(t) == anchor)


# -----------------------------------------------------------------------------
# Mistakes in the glossary file stop the build with its line
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("glossary-only-swedish", ["docs/data/glossary.yml:9: the term 'anstånd' has no 'en' part"]),
        (
            "glossary-empty-explanation",
            [
                "docs/data/glossary.yml:14: the explanation of 'anstånd' in 'en' is empty",
            ],
        ),
        (
            "glossary-term-twice",
            [
                "docs/data/glossary.yml:18: 'Förverkande' (sv) is listed twice, also on line 3",
            ],
        ),
    ],
)
def test_a_mistake_in_the_glossary_stops_the_build_with_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_a_quote_left_open_in_the_glossary_names_the_line_it_was_opened_on():
    from forebygg.glossary.entries import GlossaryError, read

    text = '- sv:\n    terms: [hyra]\n    explanation: "Det du betalar\n  en:\n    terms: [rent]\n'
    with pytest.raises(GlossaryError) as error:
        read(text, ["sv", "en"], "docs/data/glossary.yml")
    assert error.value.problems[0].startswith("docs/data/glossary.yml:3: this is not valid YAML")


def test_a_law_section_links_its_anchor_with_the_whole_law_beside_it(specimen):
    page = lxml.html.parse(str(specimen.root / "ordlista" / "index.html"))
    with_section = [
        p
        for p in page.xpath("//p[@class='glossary__source']")
        if len(p.xpath("./a")) == 2 and "#" in p.xpath("./a")[0].get("href")
    ]
    assert with_section, "no glossary entry links a law's section"
    for source in with_section:
        section, whole = source.xpath("./a")
        assert urlsplit(section.get("href")).fragment
        assert not urlsplit(whole.get("href")).fragment
        assert whole.text_content().strip()


def _source_problems(source: str) -> list[str]:
    """What reading a glossary of one entry (sv and en) with `source` (its lines) says."""
    from forebygg.glossary.entries import GlossaryError, read

    text = (
        "- sv:\n    terms: [hyra]\n    explanation: Det du betalar.\n  en:\n    terms: [rent]\n"
        "    explanation: What you pay.\n  source:\n    url: https://www.riksdagen.se/x/\n" + source
    )
    with pytest.raises(GlossaryError) as error:
        read(text, ["sv", "en"], "docs/data/glossary.yml")
    return error.value.problems


def test_a_section_address_that_is_not_a_web_address_names_its_line():
    problems = _source_problems(
        "    section: lagen.nu/1970:994#K12P20\n    sv: 12 kap. 20 § jordabalken\n    en: Land Code\n"
    )
    assert problems == [
        "docs/data/glossary.yml:7: source: section: must be the section's address, starting with https://, "
        "as in section: https://lagen.nu/1970:994#K12P44"
    ]


def test_a_source_without_a_name_in_a_language_is_shown_its_own_name_as_the_example():
    assert _source_problems("    sv: 4 kap. utsökningsbalken\n") == [
        "docs/data/glossary.yml:7: source: has no name in 'en' – add en: with the law's name in en, "
        "as this source has sv: 4 kap. utsökningsbalken"
    ]


def test_a_tab_in_the_glossary_is_named_with_the_spaces_to_use():
    """A tab before a name, after a list in [ ] that runs over two lines: the spaces are those of the name above."""
    from forebygg.glossary.entries import GlossaryError, read

    text = (
        "- sv:\n    terms: [hyra]\n    forms: [hyran, hyror,\n            hyrorna]\n\texplanation: Det du betalar.\n"
        "  en:\n    terms: [rent]\n    explanation: What you pay.\n"
    )
    with pytest.raises(GlossaryError) as error:
        read(text, ["sv", "en"], "docs/data/glossary.yml")
    assert error.value.problems == [
        "docs/data/glossary.yml:5: this is not valid YAML: the line is indented with a tab – YAML indents with "
        "spaces only: indent it with 4 spaces, as many as line 3"
    ]
    fixed = text.replace("\texplanation", "    explanation")
    assert [entry.terms for entry in read(fixed, ["sv", "en"], "docs/data/glossary.yml")]
