"""
Text at 200 % on a 320 px screen (WCAG 1.4.4 resize text, 1.4.10 reflow).

The text is doubled as a browser's text size setting does it to this
rem-based theme: the root font size twice its own. Then nothing may run off
the screen sideways, except a data table, inside a scroll box of its own
that is named and takes focus; and a long word in a heading breaks at one
of its hyphenation points, with a hyphen, not wherever the line ends.
Every page, the 404 pages and the fill-in forms, in both languages.
"""

from __future__ import annotations

import functools

import pyphen
import pytest

from forebygg.hyphenation import soft_hyphens_in_headings
from site_actions import visit

SOFT_HYPHEN = "\u00ad"
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
# Each word of a heading that the browser broke over two lines: the word as it is in
# the page (soft hyphens and all) and where in it the new line starts.
BROKEN_WORDS = """() => {
  const broken = [];
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!heading.checkVisibility()) continue;
    const chars = [];
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // After a soft hyphen the browser broke at, the range also holds the drawn hyphen,
        // at the end of the line before: the character's own box is the last one.
        const box = [...range.getClientRects()].filter(r => r.width > 0).pop();
        chars.push({char: node.data[i], top: box ? Math.round(box.top) : null});
      }
    }
    let word = '', start = null, lines = [];
    const end = () => {
      const breaks = lines.map((top, i) => i > 0 && top !== null && lines[i - 1] !== null && top > lines[i - 1] ? i : -1)
        .filter(i => i > 0);
      if (breaks.length) broken.push({word, at: breaks});
      word = ''; lines = [];
    };
    let last = null;
    for (const {char, top} of chars) {
      if (/[\\p{L}\\u00ad]/u.test(char)) {
        word += char;
        // A soft hyphen not broken at draws nothing: it is on the line of the letter before it.
        lines.push(top === null ? last : top);
        if (top !== null) last = top;
      } else {
        end();
        if (top !== null) last = top;
      }
    }
    end();
  }
  return broken;
}"""


@functools.cache
def hyphenation_points(language: str, word: str) -> set[int]:
    """Where the language's hyphenation dictionary (LibreOffice's, by Pyphen) lets `word` break."""
    return set(pyphen.Pyphen(lang=language).positions(word))


def every_page(server) -> list[str]:
    return server.pages() + server.missing_pages() + server.fill_in_pages()


@pytest.fixture
def large_text(browser, server):
    context = browser.new_context(base_url=server.origin, viewport=NARROW)
    context.set_default_timeout(10_000)
    page = context.new_page()

    def open_with_large_text(path: str):
        visit(page, path)
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


def test_with_the_text_at_200_percent_long_words_in_headings_break_at_hyphenation_points(large_text, server):
    problems, breaks = [], 0
    for path in every_page(server):
        page = large_text(path)
        language = page.evaluate("() => document.documentElement.lang")
        for broken in page.evaluate(BROKEN_WORDS):
            word = broken["word"]
            for at in broken["at"]:
                breaks += 1
                before = word[:at]
                plain = before.replace(SOFT_HYPHEN, "")
                if not before.endswith(SOFT_HYPHEN):
                    problems.append(
                        f"{path}: {word.replace(SOFT_HYPHEN, '')!r} breaks as {plain}|, without a hyphen"
                    )
                elif len(plain) not in hyphenation_points(language, word.replace(SOFT_HYPHEN, "")):
                    problems.append(
                        f"{path}: {word.replace(SOFT_HYPHEN, '')!r} breaks as {plain}-, not a hyphenation point"
                    )
    assert breaks, "no heading word broke over two lines: the text was not large enough to test"
    assert not problems, "long words in headings at 320 px with the text at 200 %:\n" + "\n".join(problems)


def test_soft_hyphens_go_into_the_text_of_headings_only():
    html = (
        '<h2 id="vrakningsforebyggande">Vräkningsförebyggande &hellip; <a href="#tillsammans">'
        "tillsammans</a></h2><p>Vräkningsförebyggande</p>"
    )
    hyphenated = soft_hyphens_in_headings(html, "sv")
    assert hyphenated.replace(SOFT_HYPHEN, "") == html, "something else than soft hyphens changed"
    heading, paragraph = hyphenated.split("</h2>")
    assert SOFT_HYPHEN not in paragraph
    assert 'id="vrakningsforebyggande"' in heading and 'href="#tillsammans"' in heading
    assert "&hellip;" in heading
    words = heading.replace("<", " ").replace(">", " ").split()
    for word in ("Vräkningsförebyggande", "tillsammans"):
        marked = next(w for w in words if w.replace(SOFT_HYPHEN, "") == word)
        assert marked.count(SOFT_HYPHEN) == len(hyphenation_points("sv", word)) > 0, marked


def test_a_language_without_a_hyphenation_dictionary_is_left_as_it_is():
    html = "<h1>Ka hortaga guriga</h1>"
    assert soft_hyphens_in_headings(html, "so") == html


# The size of the body text, and of each paragraph and list item in a box or a disclosure.
BOX_TEXT = """() => {
  const size = el => getComputedStyle(el).fontSize;
  const body = [...document.querySelectorAll('article p:not([class])')]
    .find(p => !p.closest('.admonition, details'));
  const boxed = [...document.querySelectorAll('article :is(.admonition, details) :is(p, li)')];
  return {body: body && size(body), boxed: boxed.map(el => [el.textContent.trim().slice(0, 40), size(el)])};
}"""


def test_text_in_boxes_and_disclosures_is_as_large_as_the_body_text(page, server):
    problems, boxed = [], 0
    for path in server.pages():
        visit(page, path)
        found = page.evaluate(BOX_TEXT)
        boxed += len(found["boxed"])
        problems += [
            f"{path}: {text!r} is {size}, the body text {found['body']}"
            for text, size in found["boxed"]
            if size != found["body"]
        ]
    assert boxed, "no page has a box or a disclosure with text to measure"
    assert not problems, "smaller text in boxes:\n" + "\n".join(problems)
