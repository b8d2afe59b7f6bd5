"""
How a page loads on a slow phone: the text, and Material's script only once the reader uses the page.

overrides/main.html fetches Material's script at the reader's first click,
key, focus or scroll, and mkdocs.yml has no colour palette, whose style
sheet would be one more file to wait for (bench/RESULTS.md has the Lighthouse figures).
"""

from __future__ import annotations

import re

import lxml.html
import pytest

from site_actions import MATERIAL_STARTED, search, visit
from site_build import PROJECT

# Pages of the specimen (tests/specimen/): the film page has most to start.
PAGE = "/vad-gor-vi/"
BUNDLE = "**/assets/javascripts/bundle.*.min.js"
STYLE_SHEETS = sorted((PROJECT / "docs" / "assets" / "css").glob("*.css"))
COMMENTS_AND_STRINGS = re.compile(r"/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'", re.S)


@pytest.mark.parametrize("sheet", STYLE_SHEETS, ids=lambda path: path.name)
def test_every_block_in_the_style_sheets_is_closed(sheet):
    # A browser closes an open block at the end of the file: a missing } after an
    # @media print block once made every rule after it apply to paper only.
    css = COMMENTS_AND_STRINGS.sub("", sheet.read_text(encoding="utf-8"))
    depth, line = 0, 1
    for character in css:
        line += character == "\n"
        depth += {"{": 1, "}": -1}.get(character, 0)
        assert depth >= 0, f"{sheet.name}: a }} closes nothing before line {line}"
    assert depth == 0, f"{sheet.name}: {depth} block(s) not closed – look for an @media block without its }}"


def test_only_two_style_sheets_are_waited_for_before_the_page_is_drawn(specimen_page):
    page = specimen_page
    page.goto(PAGE, wait_until="load")
    blocking = page.evaluate(
        """() => performance.getEntriesByType('resource')
             .filter(e => e.renderBlockingStatus === 'blocking')
             .map(e => new URL(e.name).pathname)"""
    )
    assert len(blocking) == 2 and all(path.endswith(".css") for path in blocking), (
        f"the browser waited for these before drawing {PAGE}: {blocking}. Only Material's style "
        "sheet and assets/css/site.css should hold back the page: on a slow phone each further "
        "file adds a round trip before the reader sees anything."
    )


def test_the_sites_scripts_and_icon_are_fetched_only_once_the_page_is_drawn(specimen_page):
    # Fetched before, each held back Lighthouse's largest paint on its slow phone by a
    # connection and its round trips (CONTRIBUTING.md, "Performance").
    page = specimen_page
    served = page.request.get(PAGE).text()
    visit(page, PAGE)
    found = page.evaluate(
        """() => ({
            painted: performance.getEntriesByName('first-contentful-paint')[0].startTime,
            fetched: performance.getEntriesByType('resource')
                .filter(e => e.name.includes('/assets/js/'))
                .map(e => [new URL(e.name).pathname, e.startTime]),
            icon: document.querySelector('link[rel=icon]').href,
        })"""
    )
    placeholders = lxml.html.fromstring(served).xpath("//script/@data-after-paint")
    assert len(placeholders) >= 3, "the page should start the menu button, language switch and search button"
    fetched = {path.rsplit("/", 1)[-1] for path, _ in found["fetched"]}
    assert fetched == {url.rsplit("/", 1)[-1] for url in placeholders}, fetched
    early = [path for path, start in found["fetched"] if start < found["painted"]]
    assert not early, f"fetched before the page was drawn ({found['painted']:.0f} ms): {early}"
    # The browser fetches the tab's icon as soon as it knows it: the page names a blank one
    # (a data: address, nothing to fetch) until it is drawn, then the site's own.
    first_icon = lxml.html.fromstring(served).xpath("//link[@rel='icon']")[0].get("href")
    assert first_icon.startswith("data:"), first_icon
    assert found["icon"].endswith("/favicon.ico") and page.request.get(found["icon"]).ok, found["icon"]


def bundle_requests(page) -> list[str]:
    return page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name).filter(n => /bundle\\.[0-9a-f]+\\.min\\.js$/.test(n))"
    )


def test_a_reader_who_only_reads_never_fetches_materials_script(specimen_page):
    page = specimen_page
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(PAGE, wait_until="load")
    page.wait_for_load_state("networkidle")
    assert not bundle_requests(page), "Material's script was fetched before the reader used the page"
    assert not page.evaluate(MATERIAL_STARTED)
    # Without it the page is whole: search field, menu and table of contents show.
    assert page.locator("input.md-search__input").is_visible()
    assert page.locator(".md-sidebar--primary .md-nav__link").first.is_visible()
    assert page.locator(".md-sidebar--secondary .md-nav__link").first.is_visible()


@pytest.mark.parametrize("use", ["click", "key", "scroll"])
def test_the_first_use_of_the_page_starts_material(specimen_page, use):
    page = specimen_page
    page.goto("/lokal-samverkan-starta/", wait_until="load")
    {
        "click": lambda: page.mouse.click(5, 400),
        "key": lambda: page.keyboard.press("Shift"),
        "scroll": lambda: page.mouse.wheel(0, 300),
    }[use]()
    page.wait_for_function(MATERIAL_STARTED)
    assert len(bundle_requests(page)) == 1


def hold_materials_script(page):
    """Hold Material's script back, as a slow network would, until the returned function is called.

    Playwright runs a route's handler a moment after the request: one that arrives
    after the release is let through at once.
    """
    held, released = [], []

    def hold(route):
        route.continue_() if released else held.append(route)

    def release():
        released.append(True)
        for route in held:
            route.continue_()

    page.route(BUNDLE, hold)
    return release


def test_the_first_key_is_not_lost_while_materials_script_arrives(specimen_page):
    page = specimen_page
    # "/" is Material's shortcut to search: it works on the first press, although
    # that press is what fetches the script. The script is held back until the key
    # press has been handled.
    release = hold_materials_script(page)
    page.goto(PAGE, wait_until="load")
    assert not bundle_requests(page)
    page.keyboard.press("/")
    release()
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    assert search(page, "samverkan"), "search found nothing after Material's script arrived late"


def test_tabbing_into_search_before_material_arrives_leaves_the_search_open(specimen_page):
    page = specimen_page
    # Tab, given to Material again once it has arrived, closed the search and took the focus
    # from the field the reader had tabbed to and was typing in. A key that types no
    # character has done its work already, and is not given again.
    release = hold_materials_script(page)
    page.goto(PAGE, wait_until="load")
    field = page.locator("input.md-search__input")
    assert field.is_visible(), "a desktop shows the search field"
    page.locator(".md-header .language-switch").focus()
    for _ in range(5):
        page.keyboard.press("Tab")
        if field.evaluate("el => el === document.activeElement"):
            break
    page.keyboard.type("sam")
    release()
    page.wait_for_function(MATERIAL_STARTED)
    page.wait_for_function("() => document.getElementById('__search').checked")
    page.wait_for_load_state("networkidle")
    assert field.evaluate("el => el === document.activeElement"), "the search field lost the focus"
    assert page.evaluate("() => document.getElementById('__search').checked"), "the search was closed"


def test_a_key_pressed_with_ctrl_before_material_arrives_is_not_given_to_it(specimen_page):
    page = specimen_page
    # Ctrl+P (print) given to Material as "p" would open the previous page.
    page.goto("/lokal-samverkan-starta/", wait_until="load")
    page.keyboard.press("Control+p")
    page.wait_for_function(MATERIAL_STARTED)
    # The keys pressed meanwhile are given to Material as soon as it has started: "p" would
    # fetch the previous page at once. Nothing more is fetched.
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/lokal-samverkan-starta/")


def test_search_opened_by_its_button_on_a_phone_before_material_arrives_takes_the_focus(
    browser, specimen_server
):
    context = browser.new_context(
        base_url=specimen_server.origin,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(PAGE, wait_until="load")
    assert not bundle_requests(page)
    page.locator(".md-header .search-button").click()
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    context.close()


@pytest.mark.parametrize("path", ["/404.html", "/lokal-samverkan-starta/"])
def test_the_page_is_laid_out_at_first_paint_as_after_its_scripts_on_a_phone(browser, specimen_server, path):
    # The search button used to be shown, and the list of pages at the foot hidden, by
    # search.js and menu-button.js alone: where they ran after the first paint (a slow
    # phone), the button pushed the language switch aside, and the footer moved up (on the
    # 404 page, Lighthouse's CLS 0.33). The site's scripts now start after the first paint
    # (overrides/main.html); a film's play button and a self-check's check button are shown
    # by CSS as well. Held back here for good, the scripts cannot do it: the page must be so already.
    def layout(hold_back_scripts: bool) -> dict:
        context = browser.new_context(
            base_url=specimen_server.origin, viewport={"width": 390, "height": 844}, is_mobile=True
        )
        context.set_default_timeout(10_000)
        page = context.new_page()
        if hold_back_scripts:
            page.route("**/assets/js/*.js", lambda route: route.abort())
        visit(page, path)
        boxes = "elements => elements.map(element => element.getBoundingClientRect().toJSON())"
        found = {
            "search button shown": page.locator(".md-header .search-button").is_visible(),
            "list of pages shown": page.locator("#site-pages").is_visible(),
            "language switch": page.locator(".md-header .language-switch").bounding_box(),
            "footer": page.locator(".md-footer").bounding_box(),
            "buttons": page.locator(".film__play, .self-check__check").evaluate_all(boxes),
        }
        context.close()
        return found

    before_scripts, whole = layout(hold_back_scripts=True), layout(hold_back_scripts=False)
    assert whole["search button shown"] and not whole["list of pages shown"]
    assert before_scripts == whole, (
        f"before the site's scripts have run {path} is laid out otherwise: "
        f"{before_scripts} against {whole} once they have – it moves when they run"
    )
    if path != "/404.html":
        assert whole["buttons"], f"{path} of the specimen should have a film and a self-check"
