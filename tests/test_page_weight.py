"""
Page weight: what a phone downloads to show a page, at most 150 KB, and the
search index of each language, at most 80 KB.

Counted in a browser with an empty cache: the compressed bytes of every
response the page loads once the reader has pressed a key (HTML, CSS,
JavaScript with Material's script, fonts, images, the poster – which
loads lazily, as the reader scrolls near it, and is counted all the same –
caption tracks). Film media counts nothing until the viewer presses play
(tests/test_film.py checks that none is fetched). The search index, which
that key press fetches too, has a budget of its own: it grows with the text
of every page of the language, not with the page, and is fetched once.
Bytes, not times: the same site gives the same count.
"""

from __future__ import annotations

import gzip

import pytest

from gates import BUDGET, SEARCH_INDEX, SEARCH_INDEX_BUDGET, weigh, weighed_pages
from site_actions import push_the_film_down

PARTS = 2


@pytest.mark.parametrize("part", range(PARTS), ids=lambda part: f"part-{part + 1}-of-{PARTS}")
def test_every_page_stays_within_the_budget(browser, server, part):
    """Every page, each language's 404 page and every fill-in page: a part of them."""
    pages = weighed_pages(server.root)[part::PARTS]
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


def test_the_budget_counts_what_a_page_loads(browser, specimen_server):
    """On the specimen: its film page weighs more than its start page by at least the film's poster."""
    server = specimen_server
    film, _ = weigh(browser, server.origin, "/lokal-samverkan-starta/")
    start, _ = weigh(browser, server.origin, "/")
    poster = (server.root / "assets/films/starta.jpg").stat().st_size
    assert film - start >= poster * 0.9

    # The poster loads lazily; far down its page, it is counted all the same.
    _, loaded = weigh(
        browser,
        server.origin,
        "/lokal-samverkan-starta/",
        prepare=lambda context: push_the_film_down(context, "/lokal-samverkan-starta/"),
    )
    assert [url for _, url in loaded if url.endswith("/starta.jpg")]


def test_each_languages_search_index_stays_within_its_budget(site):
    """The index as a host sends it (gzip, deploy/site.conf), for each language's folder."""
    indexes = sorted(site.root.rglob(SEARCH_INDEX))
    assert indexes
    over = [
        f"{index.relative_to(site.root)}: {size} bytes"
        for index in indexes
        if (size := len(gzip.compress(index.read_bytes(), compresslevel=6))) > SEARCH_INDEX_BUDGET
    ]
    assert not over, f"over {SEARCH_INDEX_BUDGET} bytes:\n" + "\n".join(over)


def test_the_search_index_is_weighed_on_its_own(browser, specimen_server):
    """A page's weight leaves its language's index out, which the page loaded all the same."""
    total, loaded = weigh(browser, specimen_server.origin, "/")
    index = [size for size, url in loaded if url.endswith(SEARCH_INDEX)]
    assert len(index) == 1 and index[0] > 0
    assert total == sum(size for size, _ in loaded) - index[0]
