"""
How a page loads on a slow phone: the text first, Material's script after.

overrides/main.html starts Material's script only once the page has been
drawn, and mkdocs.yml has no colour palette, whose style sheet would be one
more file to wait for (bench/RESULTS.md has the Lighthouse figures).
"""

from __future__ import annotations

import time

from site_actions import MATERIAL_STARTED, search

PAGE = "/vad-gor-vi/"
BUNDLE = "**/assets/javascripts/bundle.*.min.js"


def test_only_two_style_sheets_are_waited_for_before_the_page_is_drawn(page):
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


def test_the_page_is_drawn_before_materials_script_arrives_and_search_works_after(page):
    held = []
    page.route(BUNDLE, lambda route: held.append(route))
    page.goto(PAGE, wait_until="domcontentloaded")
    deadline = time.monotonic() + 10
    while not held and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert held, "Material's script was never requested"

    # The script is on its way: the reader already sees the text.
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length")
    assert page.locator("h1").is_visible()
    assert page.evaluate("() => document.readyState") != "loading"
    assert not page.evaluate(MATERIAL_STARTED)

    # It arrives after DOMContentLoaded has passed, and Material still starts.
    held[0].continue_()
    assert search(page, "samverkan"), "search found nothing after Material's script arrived late"
