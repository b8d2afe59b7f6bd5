"""
How a page loads on a slow phone: the text first, Material's script after.

overrides/main.html starts Material's script only once the page has been
drawn, and mkdocs.yml has no colour palette, whose style sheet would be one
more file to wait for (bench/RESULTS.md has the Lighthouse figures).
"""

from __future__ import annotations

import re
import time

import pytest

from site_actions import MATERIAL_STARTED, search
from site_build import PROJECT

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
