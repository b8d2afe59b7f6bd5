"""
Every content page says when it was last reviewed, in its own language, and
a page without a review date fails the build.

What each page must say comes from its own front matter: an editor who
reviews a page and changes its date changes what this test expects.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import lxml.html
import pytest
import yaml
from mkdocs.utils import yaml_load

from site_build import PROJECT, assert_build_fails, languages

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
LABEL = CONFIG["extra"]["text"]["page_reviewed"]["label"]
LANGUAGES = [
    (language["locale"], "" if language.get("default") else f"{language['locale']}/")
    for language in languages(CONFIG)
]
# How Swedish and English write a date in words (CLDR's long format, written out here).
MONTHS = {
    "sv": "januari februari mars april maj juni juli augusti september oktober november december".split(),
    "en": "January February March April May June July August September October November December".split(),
}


def in_words(date: datetime.date, language: str) -> str:
    return f"{date.day} {MONTHS[language][date.month - 1]} {date.year}"


def review_date(source: Path) -> datetime.date:
    front_matter = source.read_text(encoding="utf-8-sig").split("---")[1]
    return datetime.date.fromisoformat(str(yaml.safe_load(front_matter)["reviewed"]))


def published(language_folder: str, source: Path, docs: Path) -> str:
    parts = source.relative_to(docs).with_suffix("").parts
    return language_folder + "".join(f"{part}/" for part in parts if part != "index") + "index.html"


def reviewed_line(site_root: Path, path: str):
    tree = lxml.html.parse(str(site_root / path))
    return tree.xpath("//*[contains(concat(' ', @class, ' '), ' page-reviewed ')]")


@pytest.mark.parametrize("language, folder", LANGUAGES)
def test_every_page_shows_its_own_review_date_in_its_language(site, language, folder):
    docs = PROJECT / "docs" / language
    sources = sorted(docs.rglob("*.md"))
    assert sources
    for source in sources:
        path = published(folder, source, docs)
        found = reviewed_line(site.root, path)
        assert len(found) == 1, f"{path}: {len(found)} review lines"
        date = review_date(source)
        assert found[0].xpath("time/@datetime") == [date.isoformat()], path
        text = " ".join(found[0].text_content().split())
        assert text.startswith(LABEL[language] + " "), text
        if language in MONTHS:
            assert text == f"{LABEL[language]} {in_words(date, language)}", path
        else:  # another language writes its months its own way; the day and the year are there
            assert re.search(rf"\b{date.year}\b", text), text


def test_the_not_found_page_has_no_review_date(site):
    for _, folder in LANGUAGES:
        assert "page-reviewed" not in (site.root / folder / "404.html").read_text(encoding="utf-8")


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
