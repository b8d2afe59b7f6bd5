"""
Page weight: what a phone downloads to show a page, at most 150 KB.

Counted in a browser with an empty cache: the compressed bytes of every
response the page loads (HTML, CSS, JavaScript, the search index, fonts,
images, the poster, caption tracks). Film media counts nothing until the
viewer presses play (tests/test_films.py checks that none is fetched).
Bytes, not times: the same site gives the same count.
"""

from __future__ import annotations


BUDGET = 150_000
MISSING = ["/finns-inte/", "/en/finns-inte/"]


def weigh(browser, origin: str, path: str) -> tuple[int, list[tuple[int, str]]]:
    context = browser.new_context(base_url=origin)
    loaded: list[tuple[int, str]] = []
    context.on(
        "requestfinished",
        lambda request: request.resource_type != "media"
        and loaded.append((request.sizes()["responseBodySize"], request.url)),
    )
    page = context.new_page()
    searchable = path.endswith("/")
    if searchable:
        # Material's search loads its index as soon as the page has loaded.
        with page.expect_response(lambda r: r.url.endswith("search_index.json")):
            page.goto(path, wait_until="load")
    else:
        page.goto(path, wait_until="load")
    page.wait_for_load_state("load")
    context.close()
    return sum(size for size, _ in loaded), sorted(loaded, reverse=True)


def test_every_page_stays_within_the_budget(browser, server):
    pages = server.pages() + MISSING + server.fill_in_pages()
    over = []
    weights = {}
    for path in pages:
        total, loaded = weigh(browser, server.origin, path)
        weights[path] = total
        if total > BUDGET:
            biggest = ", ".join(f"{url.rsplit('/', 1)[-1]} {size}" for size, url in loaded[:5])
            over.append(f"{path}: {total} bytes (largest: {biggest})")
    assert not over, f"over {BUDGET} bytes:\n" + "\n".join(over)
    assert min(weights.values()) > 1000, "nothing was counted"


def test_the_budget_counts_what_a_page_loads(browser, server):
    """A film page weighs more than the start page by at least its poster."""
    film, _ = weigh(browser, server.origin, "/lokal-samverkan-starta/")
    start, _ = weigh(browser, server.origin, "/")
    poster = (server.root / "assets/films/starta.jpg").stat().st_size
    assert film - start >= poster * 0.9
