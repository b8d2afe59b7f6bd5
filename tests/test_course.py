"""
The course: each part says which part it is, how long it takes and what it
teaches, links on to the next part, and the overview lists them all.
"""

from __future__ import annotations

import re
import shutil

import lxml.html
import pytest
from mkdocs.utils import yaml_load

from site_build import PROJECT, assert_build_fails, build, copy_sources

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
PARTS = CONFIG["extra"]["course"]["parts"]
TEXT = CONFIG["extra"]["text"]["course"]
PREFIX = {"sv": "", "en": "en/"}
OVERVIEW = "kurs"
FILM_LINE = re.compile(r"!\[type:video\]\(\.\./assets/films/starta\.mp4 (\"[^\"]*\")\)")


def html_of(root, language: str, name: str):
    return lxml.html.parse(str(root / PREFIX[language] / name.removesuffix(".md") / "index.html")).getroot()


def minutes_pattern(language: str) -> re.Pattern:
    """The time as mkdocs.yml words it, with the number of minutes as group 1."""
    return re.compile(re.escape(TEXT["time"][language]).replace(re.escape("{minutes}"), r"(\d+)"))


def minutes_of(root, language: str, name: str) -> int:
    time = html_of(root, language, name).xpath('string(//*[@class="course"]//*[@class="course__time"])')
    match = minutes_pattern(language).fullmatch(time.strip())
    assert match, f"no time on {language}/{name}: {time!r}"
    return int(match.group(1))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_part_says_which_part_it_is_its_time_and_its_goals(site, language):
    for number, name in enumerate(PARTS, 1):
        page = html_of(site.root, language, name)
        box = page.xpath('//*[@class="course"]')
        assert len(box) == 1, name
        label = TEXT["part"][language].replace("{number}", str(number)).replace("{total}", str(len(PARTS)))
        assert box[0].xpath('string(.//*[@class="course__part"])') == label
        assert minutes_of(site.root, language, name) >= 1
        goals = [li.text_content().strip() for li in box[0].xpath('.//ul[@class="course__goals"]/li')]
        source = (PROJECT / "docs" / language / name).read_text(encoding="utf-8")
        assert goals and all(f"  - {goal}\n" in source for goal in goals), name
        # The box comes right after the title, before the page's own text.
        assert box[0].getprevious().tag == "h1", name


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_part_links_to_the_parts_before_and_after_it_and_to_the_overview(site, language):
    urls = [f"/{PREFIX[language]}{name.removesuffix('.md')}/" for name in PARTS]
    for index, name in enumerate(PARTS):
        page = html_of(site.root, language, name)
        end = page.xpath('//nav[contains(@class, "course--end")]')[0]
        base = f"/{PREFIX[language]}{name.removesuffix('.md')}/"
        resolved = [_resolve(base, href) for href in end.xpath(".//a/@href")]
        overview = f"/{PREFIX[language]}{OVERVIEW}/"
        expected = urls[max(index - 1, 0) : index] + urls[index + 1 : index + 2] + [overview]
        assert resolved == expected, name


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_overview_lists_every_part_in_order_with_its_time_and_goals(site, language):
    page = html_of(site.root, language, OVERVIEW + ".md")
    items = page.xpath('//ol[contains(@class, "course--overview")]/li')
    assert len(items) == len(PARTS)
    for item, name in zip(items, PARTS, strict=True):
        # Read as a reader reads it: without the soft hyphens where a long word may break.
        title = html_of(site.root, language, name).xpath("string(//h1)").replace("\u00ad", "")
        assert item.xpath('string(.//*[@class="course__item-title"]/a)') == title
        time = item.xpath('string(.//*[@class="course__time"])').strip()
        minutes = minutes_pattern(language).fullmatch(time)
        assert int(minutes.group(1)) == minutes_of(site.root, language, name)
        assert len(item.xpath('.//ul[@class="course__goals"]/li')) >= 1


def test_a_longer_film_makes_the_part_take_longer(site, tmp_path):
    """The starta film, hosted elsewhere, with captions that run to 20 minutes: about 19 minutes more."""
    project = copy_sources(tmp_path / "project", with_cache=True)
    films = project / "docs/assets/films"
    shutil.copy(films / "starta.jpg", films / "lang.jpg")
    for language in ("sv", "en"):
        cue = "Lång film." if language == "sv" else "A long film."
        (films / f"lang.{language}.vtt").write_text(f"WEBVTT\n\n00:19:55.000 --> 00:20:00.000\n{cue}\n")
        page = project / "docs" / language / "lokal-samverkan-starta.md"
        text, count = FILM_LINE.subn(
            r'![type:video](https://www.youtube.com/watch?v=abc123DEF45 \1){: files="../assets/films/lang" }',
            page.read_text(encoding="utf-8"),
        )
        assert count == 1, "the fixture expects the starta film on the page"
        page.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for language in ("sv", "en"):
        before = minutes_of(site.root, language, "lokal-samverkan-starta.md")
        after = minutes_of(tmp_path / "site", language, "lokal-samverkan-starta.md")
        # 20 minutes of film instead of the sample film's one and a half to two minutes.
        assert 17 <= after - before <= 20, (language, before, after)


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "course-part-missing",
            [
                "mkdocs.yml:6: extra.course.parts names lokal-samverkan-forts.md, "
                "but docs/sv/lokal-samverkan-forts.md does not exist"
            ],
        ),
        (
            "course-goals-missing",
            ["docs/sv/avtal-och-samtycke.md:1: the page is a part of the course but has no learning goals"],
        ),
    ],
)
def test_a_mistake_in_the_course_fails_the_build_with_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def _resolve(base: str, href: str) -> str:
    parts = [part for part in base.split("/") if part]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/" + "/".join(parts) + "/"
