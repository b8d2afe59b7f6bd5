"""
Every content page says when it was last reviewed, in its own language, and
a page without a review date fails the build.
"""

from __future__ import annotations

import lxml.html
import pytest

from site_build import PROJECT, assert_build_fails

# One published page per Markdown file an editor wrote, in each language.
PAGES_PER_LANGUAGE = len(list((PROJECT / "docs" / "sv").rglob("*.md")))


def reviewed_text(site, path: str) -> str | None:
    tree = lxml.html.parse(str(site.root / path.lstrip("/") / "index.html"))
    found = tree.xpath("//*[contains(concat(' ', @class, ' '), ' page-reviewed ')]")
    return " ".join(found[0].text_content().split()) if found else None


def content_pages(site) -> list[str]:
    return [path for path in site.pages() if "/forms/" not in path]


def test_every_swedish_page_shows_its_review_date_in_swedish(site):
    pages = [path for path in content_pages(site) if not path.startswith("/en/")]
    assert len(pages) == PAGES_PER_LANGUAGE
    for path in pages:
        assert reviewed_text(site, path) == "Senast granskad 29 november 2026", path


def test_every_english_page_shows_its_review_date_in_english(site):
    pages = [path for path in content_pages(site) if path.startswith("/en/")]
    assert len(pages) == PAGES_PER_LANGUAGE
    for path in pages:
        assert reviewed_text(site, path) == "Last reviewed 29 November 2026", path


def test_the_date_is_machine_readable_too(site):
    tree = lxml.html.parse(str(site.root / "en" / "vad-gor-vi" / "index.html"))
    assert tree.xpath("//p[@class='page-reviewed']/time/@datetime") == ["2026-11-29"]


def test_the_not_found_page_has_no_review_date(site):
    assert "page-reviewed" not in (site.root / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "review-date-missing",
            [
                "docs/sv/vad-gor-vi.md:1: the page has no review date – "
                'add reviewed: "YYYY-MM-DD" to its front matter',
            ],
        ),
        (
            "review-date-not-in-calendar",
            [
                "docs/en/vad-gor-vi.md:3: the review date '2026-11-31' is not a date in the calendar",
            ],
        ),
    ],
)
def test_a_page_without_a_real_review_date_fails_the_build(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)
