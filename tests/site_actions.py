"""What a reader does on a page, for the browser tests."""

from __future__ import annotations

import time

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

MATERIAL_STARTED = "() => 'document$' in window"
# Transitions (drawer, search layer, language list) have ended; endless animations (a spinner) do not count.
SETTLED = (
    "() => document.getAnimations().every(a => a.playState !== 'running'"
    " || a.effect.getComputedTiming().endTime === Infinity)"
)
# What the results say once the index has loaded and nothing is typed, in the page's language.
PLACEHOLDER = (
    "() => JSON.parse(document.getElementById('__config').textContent)"
    ".translations['search.result.placeholder']"
)
# What they say when nothing is found (an expression).
NONE = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.none']"


def settle_without_scripts(page, timeout: float = 10.0) -> None:
    """Wait until the transitions have ended on a page that runs no scripts.

    Playwright's wait_for_function needs the page's own scripts; page.evaluate
    does not, so this asks again every 50 ms.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(SETTLED) and time.monotonic() < deadline:
        page.wait_for_timeout(50)


# The site's own small scripts have run: overrides/main.html starts them after the first
# paint, each in place of its placeholder, which it removes once the script has run; not
# at all where scripts are off (the class stays "no-js").
SCRIPTS_RAN = (
    "() => document.readyState === 'complete' && (document.documentElement.classList.contains('no-js')"
    " || !document.querySelector('script[data-after-paint]'))"
)


def visit(page, path: str, wait_until: str = "load"):
    """Open `path` as a reader does, and wait for the load event and the site's own scripts.

    Material's script is not there yet: overrides/main.html fetches it when the
    reader first uses the page (a click, a key, focus, scrolling), as the
    test's own clicks and key presses do. `start_material` waits for it.
    """
    response = page.goto(path, wait_until=wait_until)
    wait_for_scripts(page)
    return response


def wait_for_scripts(page, timeout: float = 10.0) -> None:
    """Wait until the site's own scripts have run (SCRIPTS_RAN), also where scripts are off (the
    class stays "no-js", so the first question answers yes). Where they are on, the page itself
    watches for it (wait_for_function), at once, not every 50 ms."""
    if page.evaluate(SCRIPTS_RAN):
        return
    try:
        page.wait_for_function(SCRIPTS_RAN, timeout=timeout * 1000)
    except PlaywrightTimeoutError:
        raise AssertionError(f"the site's own scripts did not run on {page.url}") from None


def start_material(page) -> None:
    """Use the page as a reader would (press Shift), and wait until Material's script has started."""
    page.keyboard.press("Shift")
    page.wait_for_function(MATERIAL_STARTED)


def search(page, query: str, timeout: float = 10.0):
    """Type `query` into the site search and return the result links.

    Material drops what is typed before its search worker has loaded the index,
    and says it is ready by showing its placeholder in the results; the query is
    typed once it does, and the results are read once they answer it (a count, or
    "no results"). Where the field is folded away (below 60em) the search button
    opens it first.
    """
    field = page.locator("input.md-search__input")
    button = page.locator(".md-header .search-button")
    placeholder = page.evaluate(PLACEHOLDER)
    (button if button.is_visible() else field).click()
    page.wait_for_function(MATERIAL_STARTED)
    meta = "document.querySelector('.md-search-result__meta').textContent.trim()"
    page.wait_for_function(f"placeholder => {meta} === placeholder", arg=placeholder, timeout=timeout * 1000)
    # Material searches for what the field holds when a key is released, and also when its
    # worker becomes ready: the whole query is put in at once, and a key that types nothing
    # is released, so that whenever Material reads the field it finds the whole query (a
    # part of it, searched for in between, could answer "no results" first).
    field.fill(query)
    field.press("End")
    answered = (
        f"placeholder => {meta} !== placeholder && ({meta} === {NONE}"
        " || document.querySelector('.md-search-result__item') !== null)"
    )
    page.wait_for_function(answered, arg=placeholder, timeout=timeout * 1000)
    links = page.locator(".md-search-result__item > a")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]


def push_the_film_down(context, path: str, paragraphs: int = 150) -> None:
    """Serve `path` with `paragraphs` paragraphs of text above its first film, as a long page has.

    The specimen's film is near the top of its page; a film further down is
    only reached by scrolling (its poster loads lazily).
    """

    def longer(route):
        response = route.fetch()
        if '<div class="film"' not in response.text():
            raise AssertionError(f"{path} has no film to push down")
        filler = "<p>Text ovanför filmen.</p>" * paragraphs
        body = response.text().replace('<div class="film"', filler + '<div class="film"', 1)
        route.fulfill(response=response, body=body)

    context.route(f"**{path}", longer)
