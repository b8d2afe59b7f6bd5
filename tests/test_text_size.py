"""
Text at 200 % on a 320 px screen (WCAG 1.4.4 resize text, 1.4.10 reflow).

The text is doubled as a browser's text size setting does it to this
rem-based theme: the root font size twice its own. Then nothing may run off
the screen sideways, except a data table, inside a scroll box of its own
that is named and takes focus.
Every page, the 404 pages and the fill-in forms, in both languages.
"""

from __future__ import annotations

import pytest

from site_build import MISSING

NARROW = {"width": 320, "height": 640}
DOUBLE_THE_TEXT = """() => {
  const root = document.documentElement;
  root.style.fontSize = parseFloat(getComputedStyle(root).fontSize) * 2 + 'px';
}"""
# What reaches past either side of the window; and every box that scrolls sideways.
OVERFLOW = """() => {
  const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
  const outside = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // heard, not seen
    if (box.left >= -1 && box.right <= innerWidth + 1) continue;
    let up = el.parentElement;
    while (up && up !== document.body && !scrolls(up)) up = up.parentElement;
    if (up && up !== document.body) continue;  // in a box that scrolls: judged below
    outside.push(el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('')
      + ' "' + (el.textContent || '').trim().slice(0, 30) + '"');
  }
  const scrolling = [...document.body.querySelectorAll('*')]
    .filter(el => scrolls(el) && el.scrollWidth > el.clientWidth + 1
      && el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .map(el => ({
      what: el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join(''),
      role: el.getAttribute('role'),
      name: (el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '').split(/\\s+/)
        .map(id => document.getElementById(id)?.textContent || '').join(' ')).trim(),
      focusable: el.tabIndex >= 0,
      table: !!el.querySelector('table'),
    }));
  return {pageWidth: document.documentElement.scrollWidth, width: innerWidth, outside, scrolling};
}"""


def every_page(server) -> list[str]:
    return server.pages() + MISSING + server.fill_in_pages()


@pytest.fixture
def large_text(browser, server):
    context = browser.new_context(base_url=server.origin, viewport=NARROW)
    context.set_default_timeout(10_000)
    page = context.new_page()

    def open_with_large_text(path: str):
        page.goto(path)
        page.evaluate(DOUBLE_THE_TEXT)
        return page

    yield open_with_large_text
    context.close()


def test_with_the_text_at_200_percent_nothing_runs_off_a_320_px_screen(large_text, server):
    problems = []
    for path in every_page(server):
        found = large_text(path).evaluate(OVERFLOW)
        if found["pageWidth"] > found["width"]:
            problems.append(f"{path}: the page is {found['pageWidth']} px wide")
        problems += [f"{path}: {what} runs off the screen" for what in found["outside"]]
        for box in found["scrolling"]:
            if not (box["table"] and box["role"] == "region" and box["name"] and box["focusable"]):
                problems.append(
                    f"{path}: {box['what']} scrolls sideways but is not a named, focusable table box"
                )
    assert not problems, "at 320 px with the text at 200 %:\n" + "\n".join(problems)
