"""What a reader does on a page, for the browser tests."""

from __future__ import annotations

import time

PLACEHOLDERS = ("Skriv sökord", "Type to start searching")


def search(page, query: str, timeout: float = 10.0):
    """Type `query` into the site search and return the result links.

    Material drops what is typed before its search worker has loaded the
    index, so type again until the results answer the query.
    """
    field = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    field.click()
    deadline = time.monotonic() + timeout
    while True:
        field.fill("")
        field.press_sequentially(query, delay=20)
        page.wait_for_timeout(300)
        if meta.inner_text().strip() not in PLACEHOLDERS or time.monotonic() > deadline:
            break
    links = page.locator(".md-search-result__item > a")
    return [links.nth(i).get_attribute("href") for i in range(links.count())]
