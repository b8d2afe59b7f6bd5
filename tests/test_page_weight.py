"""
Page weight: what a phone downloads to show a page, at most 150 KB.

Counted in a browser with an empty cache: the compressed bytes of every
response the page loads (HTML, CSS, JavaScript, the search index, fonts,
images, the poster, caption tracks). Film media counts nothing until the
viewer presses play (tests/test_film.py checks that none is fetched).
Bytes, not times: the same site gives the same count.
"""

from __future__ import annotations


BUDGET = 150_000
MISSING = ["/finns-inte/", "/en/finns-inte/"]


def weigh(browser, origin: str, path: str) -> tuple[int, list[tuple[int, str]]]:
    """The bytes `path` loads, counted once everything it loads has arrived."""
    context = browser.new_context(base_url=origin)
    loaded: list[tuple[int, str]] = []
    pending: set = set()

    def finished(request) -> None:
        pending.discard(request)
        if request.resource_type != "media":
            loaded.append((request.sizes()["responseBodySize"], request.url))

    context.on("request", lambda request: pending.add(request))
    context.on("requestfinished", finished)
    context.on("requestfailed", lambda request: pending.discard(request))
    page = context.new_page()
    page.goto(path, wait_until="load")
    if page.locator(".md-search-result__meta").count():
        # Material's search worker loads its scripts and the index after the
        # page; it says it is ready by leaving "Initializing search".
        page.wait_for_function(
            "() => !/Initiali[sz]/.test(document.querySelector('.md-search-result__meta').textContent)"
        )
    _wait_until_quiet(page, pending)
    context.close()
    return sum(size for size, _ in loaded), sorted(loaded, reverse=True)


def _wait_until_quiet(page, pending: set, quiet_ms: int = 500, limit_ms: int = 10_000) -> None:
    """Until no request has been in flight for `quiet_ms` (films load nothing: preload="none")."""
    quiet = waited = 0
    while quiet < quiet_ms and waited < limit_ms:
        page.wait_for_timeout(100)
        waited += 100
        quiet = quiet + 100 if not pending else 0


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
