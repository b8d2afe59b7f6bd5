"""
The tenant's first screen (issue 29): on a 360 px phone, from the start page,
each letter's page is at most two taps away, each tap on a link the reader
sees without scrolling, and the page opens with what to do, the time and
whom to call, all on its first screen.

A letter's page is any page of the built site whose article opens, right
under its title, with a list in which every item begins with a bold label
ending in a colon (EDITING.md, "Write the pages for tenants": "Gör i dag:",
"Din tid:", "Ring:"). The tests find them in the build, whatever they say,
and name no page and no label.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from mkdocs.utils import yaml_load

from site_actions import visit
from site_build import PROJECT, languages

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
LANGUAGES = [language["locale"] for language in languages(CONFIG)]
# A 360 px phone's first screen, below the browser's own bars.
PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True}

# Each link a reader can tap without scrolling: its first line wholly on the screen and not
# covered (by a banner, say), leading to another page of this site. A glossary term is left
# out: a first tap on it shows its explanation (forebygg.glossary), it does not follow it.
ON_SCREEN = """() => [...document.querySelectorAll('a[href]')].map((a, index) => [a, index]).filter(([a]) => {
  const box = [...a.getClientRects()].find(r => r.width && r.height);
  if (!box || box.top < 0 || box.left < 0 || box.bottom > innerHeight || box.right > innerWidth) return false;
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const target = new URL(a.href, location.href);
  return hit && a.contains(hit) && !a.closest('.glossary') && target.origin === location.origin
    && target.pathname !== location.pathname;
}).map(([a, index]) => [index, new URL(a.href, location.href).pathname])"""

# The opening list under the title, item by item: its label, its links, and whether it is
# wholly on the first screen and not covered.
OPENING = """() => {
  const title = document.querySelector('article h1');
  const list = title && title.nextElementSibling;
  if (!list || list.tagName !== 'UL') return null;
  return [...list.children].map(item => {
    const box = item.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + 8, box.top + Math.min(box.height, 20) / 2);
    return {
      label: item.querySelector(':scope > strong')?.textContent.trim() ?? '',
      links: [...item.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
      seen: box.top >= 0 && box.bottom <= innerHeight && !!hit && item.contains(hit),
    };
  });
}"""


def prefix(language: str) -> str:
    return "" if language == LANGUAGES[0] else f"{language}/"


def opening_labels(html: str) -> list[str] | None:
    """The labels of a page's opening list (see above), or None if the page does not open with one."""
    document = lxml.html.fromstring(html)
    titles = document.xpath("//article//h1")
    following = titles[0].getnext() if titles else None
    if following is None or following.tag != "ul":
        return None
    labels = []
    for item in following.iterchildren("li"):
        first = next(item.iterchildren(), None)
        if first is None or first.tag != "strong" or (item.text or "").strip():
            return None
        label = first.text_content().replace("\u00ad", "").strip()
        if not label.endswith(":"):
            return None
        labels.append(label)
    return labels or None


def letter_pages(site, language: str) -> dict[str, list[str]]:
    """Each letter's page of the language (its address → its opening labels)."""
    others = [f"/{prefix(other)}" for other in LANGUAGES if other != language and prefix(other)]
    found = {}
    for path in site.pages():
        if not path.startswith(f"/{prefix(language)}") or any(path.startswith(other) for other in others):
            continue
        html = (site.root / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        if (labels := opening_labels(html)) is not None:
            found[path] = labels
    return found


def test_every_letters_page_opens_with_the_same_labels_and_one_of_them_holds_a_number_or_a_way_to_one(site):
    """'Whom to call' is the label that on every letter's page of a language holds a link: a tel: number,
    or the way to find the local social services."""
    for language in LANGUAGES:
        letters = letter_pages(site, language)
        assert letters, f"no page in {language} opens with the tenant's lines"
        assert len({tuple(labels) for labels in letters.values()}) == 1, letters
        links = []
        for path in letters:
            html = (site.root / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
            opening = lxml.html.fromstring(html).xpath("//article//h1")[0].getnext()
            links.append([bool(item.xpath(".//a[@href]")) for item in opening.iterchildren("li")])
        assert any(all(column) for column in zip(*links, strict=True)), (language, links)


def test_a_list_that_offers_letters_pages_offers_only_letters_pages(site):
    """A letter's page that lost its opening lines would drop out of the tests above unseen: where a
    list links to letters' pages (the tenant's "Vilket brev har du fått?"), each of its links to a page
    of the site must lead to one."""
    problems = []
    for language in LANGUAGES:
        letters = letter_pages(site, language)
        for path in site.pages():
            html = (site.root / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
            for listed in lxml.html.fromstring(html).xpath("//article//ul"):
                targets = [urlsplit(urljoin(path, href)) for href in listed.xpath("./li/a/@href")]
                pages = [t.path for t in targets if not t.scheme and not t.fragment and t.path != path]
                if any(target in letters for target in pages):
                    problems += [f"{path} lists {target}" for target in pages if target not in letters]
    assert not problems, "pages listed among the letters that do not open with the tenant's lines:\n" + (
        "\n".join(problems)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_from_the_start_page_each_letters_page_is_two_taps_away_and_shows_its_lines_on_the_first_screen(
    browser, server, language
):
    letters = letter_pages(server, language)
    assert letters, f"no page in {language} opens with the tenant's lines"
    start = f"/{prefix(language)}"
    context = browser.new_context(base_url=server.origin, **PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()

    # First tap: every link on the start page's first screen; second tap: every link on the
    # first screen of the page it leads to.
    visit(page, start)
    reached = {}
    for index, between in page.evaluate(ON_SCREEN):
        visit(page, start)
        page.locator("a[href]").nth(index).tap()
        page.wait_for_url(lambda url, between=between: urlsplit(url).path == between)
        for _, path in page.evaluate(ON_SCREEN):
            reached.setdefault(path, between)
    missing = sorted(set(letters) - set(reached))
    assert not missing, f"more than two taps from {start} on a 360 px phone: {missing}"

    problems = {}
    for letter, between in sorted(reached.items()):
        if letter not in letters:
            continue
        visit(page, between)
        index = next(i for i, path in page.evaluate(ON_SCREEN) if path == letter)
        page.locator("a[href]").nth(index).tap()
        page.wait_for_url(lambda url, letter=letter: urlsplit(url).path == letter)
        page.wait_for_load_state()
        opening = page.evaluate(OPENING)
        if page.evaluate("() => window.scrollY") != 0 or not opening:
            problems[letter] = "the page did not open at its top, with its lines"
        elif unseen := [item["label"] for item in opening if not item["seen"]]:
            problems[letter] = f"not on the first screen: {unseen} (reached from {between})"
    context.close()
    assert not problems, problems
