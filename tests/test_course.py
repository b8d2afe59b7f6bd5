"""
The course: each part says which part it is, shows where it lies in the
course, how long it takes and what it teaches, and links on to the next part
(after the last, to the end page); the overview adds up the parts' times,
starts the reader at part 1 and lists them all.
"""

from __future__ import annotations

import re
import shutil

import lxml.html
import pytest
from mkdocs.utils import yaml_load

from site_actions import visit
from site_build import PROJECT, SPECIMEN, assert_build_fails, build, copy_specimen, specimen_config

# The specimen's course (tests/specimen/mkdocs.yml): three parts and an end page, with the project's texts.
COURSE = specimen_config()["extra"]["course"]
PARTS, END = COURSE["parts"], COURSE["end"]
TEXT = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))["extra"]["text"]["course"]
PREFIX = {"sv": "", "en": "en/"}
OVERVIEW = "kurs"
FILM_LINE = re.compile(r"!\[type:video\]\(\.\./assets/films/starta\.mp4 (\"[^\"]*\")\)")


def html_of(root, language: str, name: str):
    return lxml.html.parse(str(root / PREFIX[language] / name.removesuffix(".md") / "index.html")).getroot()


def minutes_in(time: str, language: str, key: str = "time") -> int | None:
    """The minutes of a time as mkdocs.yml words it: a part's ('Tid: cirka 12 minuter', or its text for
    one minute) or, with key "total", the course's."""
    if key == "time" and time.strip() == TEXT["time_one"][language]:
        return 1
    pattern = re.escape(TEXT[key][language]).replace(re.escape("{minutes}"), r"(\d+)")
    match = re.fullmatch(pattern, time.strip())
    return int(match.group(1)) if match else None


def minutes_of(root, language: str, name: str) -> int:
    time = html_of(root, language, name).xpath('string(//*[@class="course"]//*[@class="course__time"])')
    minutes = minutes_in(time, language)
    assert minutes, f"no time on {language}/{name}: {time!r}"
    return minutes


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_part_says_which_part_it_is_its_time_and_its_goals(specimen, language):
    site = specimen
    for number, name in enumerate(PARTS, 1):
        page = html_of(site.root, language, name)
        box = page.xpath('//*[@class="course"]')
        assert len(box) == 1, name
        label = TEXT["part"][language].replace("{number}", str(number)).replace("{total}", str(len(PARTS)))
        assert box[0].xpath('string(.//*[@class="course__part"])') == label
        assert minutes_of(site.root, language, name) >= 1
        goals = [li.text_content().strip() for li in box[0].xpath('.//ul[@class="course__goals"]/li')]
        source = (SPECIMEN / "docs" / language / name).read_text(encoding="utf-8")
        assert goals and all(f"  - {goal}\n" in source for goal in goals), name
        # The box comes right after the title, before the page's own text.
        assert box[0].getprevious().tag == "h1", name


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_part_links_to_the_parts_before_and_after_it_and_to_the_overview(specimen, language):
    site = specimen
    """After the last part, "next" is the end page; the end page leads back to the last part."""
    pages = PARTS + ([END] if END else [])
    urls = [_url(language, name) for name in pages]
    for index, name in enumerate(pages):
        page = html_of(site.root, language, name)
        end = page.xpath('//nav[contains(@class, "course--end")]')[0]
        resolved = [_resolve(_url(language, name), href) for href in end.xpath(".//a/@href")]
        expected = urls[max(index - 1, 0) : index] + urls[index + 1 : index + 2] + [_url(language, OVERVIEW)]
        assert resolved == expected, name


@pytest.mark.parametrize("language", ["sv", "en"])
def test_on_course_pages_the_courses_links_are_the_only_previous_and_next(specimen, language):
    site = specimen
    """Material's footer links follow the menu, not the course (ux-review-2 m6): not on course pages."""
    for name in PARTS + ([END] if END else []):
        page = html_of(site.root, language, name)
        assert not page.xpath('//*[contains(@class, "md-footer__link")]'), name
        assert len(page.xpath('//nav[contains(@class, "course--end")]')) == 1, name
    # Every other page keeps them: some page outside the course has a neighbour in the menu.
    course = {_url(language, name) for name in PARTS + [END, OVERVIEW] if name}
    others = [path for path in site.pages() if path.startswith(f"/{PREFIX[language]}") and path not in course]
    with_links = [
        path
        for path in others
        if lxml.html.parse(str(site.root / path.strip("/") / "index.html"))
        .getroot()
        .xpath('//*[contains(@class, "md-footer__link")]')
    ]
    assert with_links, "no page outside the course has Material's previous and next links"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_part_shows_where_it_lies_in_the_course(specimen, language):
    site = specimen
    """A bar of one segment per part: those before this one done, this one current. It is drawn
    by the built page itself, not by a script; the words "Del x av N" say the same to a screen reader."""
    for number, name in enumerate(PARTS, 1):
        bar = html_of(site.root, language, name).xpath('//div[@class="course"]//*[@class="course__progress"]')
        assert len(bar) == 1 and bar[0].get("aria-hidden") == "true", name
        states = [segment.get("class").split("--")[-1] for segment in bar[0]]
        assert states == ["done"] * (number - 1) + ["current"] + ["ahead"] * (len(PARTS) - number), name
    if END:
        bar = html_of(site.root, language, END).xpath('//*[@class="course__progress"]')[0]
        assert [segment.get("class").split("--")[-1] for segment in bar] == ["done"] * len(PARTS)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_overview_gives_the_whole_courses_time_as_the_sum_of_the_parts_times(specimen, language):
    site = specimen
    page = html_of(site.root, language, OVERVIEW + ".md")
    total = page.xpath('string(//*[@class="course__total"])').strip()
    assert minutes_in(total, language, "total") == sum(
        minutes_of(site.root, language, name) for name in PARTS
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_overview_starts_the_reader_at_part_one_and_names_the_end_page(specimen, language):
    site = specimen
    page = html_of(site.root, language, OVERVIEW + ".md")
    start = page.xpath('//a[contains(@class, "course__start")]')
    assert len(start) == 1
    assert start[0].text_content().strip() == TEXT["start"][language]
    assert _resolve(_url(language, OVERVIEW), start[0].get("href")) == _url(language, PARTS[0])
    # It says that nothing is saved, and comes before the list of parts.
    assert page.xpath('string(//*[@class="course__saved"])').strip() == TEXT["saved"][language]
    assert page.xpath(
        '//a[contains(@class, "course__start")]/following::ol[contains(@class, "course--overview")]'
    )
    if END:
        finish = page.xpath('//*[@class="course__finish"]/a')
        assert [_resolve(_url(language, OVERVIEW), a.get("href")) for a in finish] == [_url(language, END)]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_overview_lists_every_part_in_order_with_its_time_and_goals(specimen, language):
    site = specimen
    page = html_of(site.root, language, OVERVIEW + ".md")
    items = page.xpath('//ol[contains(@class, "course--overview")]/li')
    assert len(items) == len(PARTS)
    for item, name in zip(items, PARTS, strict=True):
        # Read as a reader reads it: without the soft hyphens where a long word may break.
        title = html_of(site.root, language, name).xpath("string(//h1)").replace("\u00ad", "")
        assert item.xpath('string(.//*[@class="course__item-title"]/a)') == title
        time = item.xpath('string(.//*[@class="course__time"])').strip()
        assert minutes_in(time, language) == minutes_of(site.root, language, name)
        assert len(item.xpath('.//ul[@class="course__goals"]/li')) >= 1


def test_a_longer_film_makes_the_part_take_longer(specimen, tmp_path):
    """The starta film, hosted elsewhere, with captions that run to 20 minutes: about 19 minutes more."""
    site = specimen
    project = copy_specimen(tmp_path / "project")
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
        # 20 minutes of film instead of the specimen's sample film of one and a half to two minutes.
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
        (
            "course-end-missing",
            [
                "mkdocs.yml:4: extra.course.end names kursen-klar.md, but docs/sv/kursen-klar.md does not exist"
            ],
        ),
        (
            "course-end-is-a-part",
            [
                "mkdocs.yml:4: extra.course.end names avtal-och-samtycke.md, which is also a part of the course"
            ],
        ),
    ],
)
def test_a_mistake_in_the_course_fails_the_build_with_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_without_an_end_page_the_last_part_links_back_and_to_the_overview(tmp_path):
    """An editor may leave out `end:`: the course still builds, and the last part has no "next"."""
    project = copy_specimen(tmp_path / "project")
    config = project / "mkdocs.yml"
    # The line `end: …` under extra.course.
    text = re.sub(r"^    end: .*\n", "", config.read_text(encoding="utf-8"), flags=re.MULTILINE)
    config.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    for language in ("sv", "en"):
        page = html_of(tmp_path / "site", language, PARTS[-1])
        end = page.xpath('//nav[contains(@class, "course--end")]')[0]
        assert not end.xpath('.//*[@class="course__next"]')
        assert end.xpath('.//*[@class="course__previous"]') and end.xpath('.//*[@class="course__overview"]')
        overview = html_of(tmp_path / "site", language, OVERVIEW + ".md")
        assert not overview.xpath('//*[@class="course__finish"]')


def _url(language: str, name: str) -> str:
    return f"/{PREFIX[language]}{name.removesuffix('.md')}/"


def _resolve(base: str, href: str) -> str:
    parts = [part for part in base.split("/") if part]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/" + "/".join(parts) + "/"


def test_without_javascript_the_overview_starts_the_course_and_a_part_shows_its_place(
    browser, specimen_server
):
    """Nothing of the course needs a script: the start link and the bar are in the page as built."""
    server = specimen_server
    context = browser.new_context(
        base_url=server.origin, java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    try:
        page = context.new_page()
        visit(page, _url("sv", OVERVIEW))
        start = page.locator("a.course__start")
        assert start.is_visible()
        start.click()
        assert page.url == server.origin + _url("sv", PARTS[0])
        visit(page, _url("sv", PARTS[1]))
        segments = page.locator(".course__progress .course__step")
        assert segments.count() == len(PARTS)
        boxes = [segments.nth(i).bounding_box() for i in range(segments.count())]
        assert all(box and box["width"] > 4 and box["height"] > 4 for box in boxes)
        # The current part's segment stands out by its size, not by colour alone.
        assert boxes[1]["height"] > boxes[0]["height"] and boxes[1]["height"] > boxes[2]["height"]
    finally:
        context.close()


def test_the_printed_end_page_has_boxes_to_tick_and_no_links_onward(specimen_page):
    page = specimen_page
    visit(page, _url("sv", END))
    page.emulate_media(media="print")
    items = page.locator(".admonition.checklist li")
    assert items.count() > 0, "the end page has no checklist (!!! checklist) to print"
    box = items.first.evaluate(
        "li => { const s = getComputedStyle(li, '::before');"
        " return [s.content, parseFloat(s.width), parseFloat(s.borderTopWidth), s.borderTopStyle]; }"
    )
    assert box[0] in ('""', "''") and box[1] > 8 and box[2] > 0 and box[3] == "solid", box
    assert items.first.evaluate("li => getComputedStyle(li).breakInside") == "avoid"
    assert not page.locator(".course--end").is_visible()
    assert page.locator(".course__position").is_visible()
