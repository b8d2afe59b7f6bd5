"""
Training films: captioned, transcribed, private by default.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
import webvtt
from mkdocs.utils import yaml_load
from mutagen.mp4 import MP4

from forebygg.film.caption_lines import caption_cues
from forebygg.film.captions import CaptionError, parse
from forebygg.film.files import film_files, hosted_poster, is_sample
from forebygg.film.hosts import AddressError, player
from gates import axe_violations
from site_actions import push_the_film_down, visit
from site_build import PROJECT, SPECIMEN, assert_build_fails, build, project_with_fixture
from site_server import served_fixture

# The specimen's film (tests/specimen/): a sample film with a film of its own in English.
FILMS = SPECIMEN / "docs" / "assets" / "films"
TEXT = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))["extra"]["text"]["film"]
FILM_PAGES = [
    ("/lokal-samverkan-starta/", "sv", "starta"),
    ("/en/lokal-samverkan-starta/", "en", "starta"),
]


def own(name: str, language: str, extension: str) -> str:
    """The sample film's file for a language: Swedish is the shared file, English has its own."""
    return f"{name}.{extension}" if language == "sv" else f"{name}.{language}.{extension}"


def film_of(site, path):
    page = lxml.html.parse(str(site.root / path.lstrip("/") / "index.html")).getroot()
    figures = page.xpath('//div[@class="film"]')
    assert len(figures) == 1, f"{path}: {len(figures)} films"
    return page, figures[0]


def resolve(site, path: str, reference: str) -> Path:
    return (site.root / path.lstrip("/") / reference).resolve()


# -----------------------------------------------------------------------------
# The built HTML
# -----------------------------------------------------------------------------


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("path, language, name", FILM_PAGES)
def test_the_film_is_a_titled_figure_with_a_private_player(specimen, path, language, name):
    page, film = film_of(specimen, path)
    figure = film.find("figure")
    assert film.getparent().tag != "p"
    assert figure.find("figcaption") is figure[-1]
    # Before play: the poster and a button, hidden until film.js can make it work.
    poster, button, template, no_script = figure.find('.//div[@class="film__local"]')
    assert (poster.tag, poster.get("alt")) == ("img", "")
    assert (button.tag, button.get("type")) == ("button", "button")
    assert button.text_content() == TEXT["play"][language]
    assert button.get("hidden") is not None
    # The player film.js puts in the poster's place is the one readers without JavaScript get.
    assert (template.tag, no_script.tag) == ("template", "noscript")
    players = [lxml.html.tostring(element[0]) for element in (template, no_script)]
    assert players[0] == players[1] and len(template) == len(no_script) == 1
    video = template[0]
    assert video.tag == "video" and video.get("poster") == poster.get("src")
    assert video.get("preload") == "none"
    assert video.get("controls") is not None and video.get("autoplay") is None
    assert video.get("alt") is None and video.get("style") is None
    assert (
        resolve(specimen, path, video.get("poster"))
        == (specimen.root / "assets/films" / own(name, language, "jpg")).resolve()
    )
    source = resolve(specimen, path, video.find("source").get("src"))
    assert source == (specimen.root / "assets/films" / own(name, language, "mp4")).resolve()
    assert source.is_file()
    title = page.get_element_by_id(video.get("aria-labelledby")).text_content()
    assert (
        title
        and title
        in (SPECIMEN / "docs" / language / Path(path.replace("/en/", "/")).name)
        .with_suffix(".md")
        .read_text()
    )
    assert button.get("aria-describedby") == video.get("aria-labelledby")


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("path, language, name", FILM_PAGES)
def test_the_film_has_the_captions_timed_to_it_and_the_pages_own_is_default(specimen, path, language, name):
    """Each language has its own sample film, so each film has the captions in its language only."""
    _, figure = film_of(specimen, path)
    tracks = {t.get("srclang"): t for t in figure.iter("track")}
    assert set(tracks) == {language}
    assert all(t.get("kind") == "captions" and t.get("label") for t in tracks.values())
    assert [code for code, t in tracks.items() if t.get("default") is not None] == [language]
    for code, track in tracks.items():
        assert resolve(specimen, path, track.get("src")).name == f"{name}.{code}.vtt"


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("path, language, name", FILM_PAGES)
def test_a_sample_film_says_on_its_page_that_it_is_a_sample(specimen, path, language, name):
    _, figure = film_of(specimen, path)
    note = figure.xpath('.//figcaption/*[@class="film__sample"]')
    assert [n.text_content() for n in note] == [TEXT["sample"][language]]


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("path, language, name", FILM_PAGES)
def test_the_transcript_is_the_captions_in_the_pages_language(specimen, path, language, name):
    _, figure = film_of(specimen, path)
    transcript = figure.find(".//details")
    assert transcript.find("summary").text_content().strip()
    paragraphs = [p.text_content() for p in transcript.iter("p")]
    cues = [" ".join(c.text.split()) for c in webvtt.read(str(FILMS / f"{name}.{language}.vtt"))]
    assert " ".join(paragraphs) == " ".join(cues)
    # A paragraph per sentence, not per cue: a cue often holds part of a sentence.
    assert all(re.search(r"[.?!]$", paragraph) for paragraph in paragraphs), paragraphs
    assert len(paragraphs) < len(cues)


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("path, language, name", FILM_PAGES)
def test_length_and_downloads_are_shown_with_format_and_size(specimen, path, language, name):
    _, figure = film_of(specimen, path)
    assert re.search(r"\d+ min \d+ s", figure.find(".//figcaption").text_content())
    downloads = figure.xpath('.//ul[@class="film__downloads"]/li')
    assert len(downloads) == 2  # the film and its captions
    for item in downloads:
        link = item.find("a")
        size = resolve(specimen, path, link.get("href")).stat().st_size
        shown = re.search(r"\((MP4|WebVTT), ([\d,.]+)\u00a0(kB|MB)\)", item.text_content())
        assert shown, item.text_content()
        number = float(shown.group(2).replace(",", "."))
        # Rounded to whole kB or tenths of a MB; a file under 1 kB is shown as 1 kB, not as 0.
        assert abs(number * (1000 if shown.group(3) == "kB" else 1_000_000) - max(size, 1000)) <= max(
            500, size * 0.05
        )


# -----------------------------------------------------------------------------
# In the browser
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path, language, name", FILM_PAGES)
def test_the_film_loads_nothing_before_play_then_plays_with_captions(
    browser, specimen_server, path, language, name
):
    context = browser.new_context(base_url=specimen_server.origin, bypass_csp=True)  # for axe
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    visit(page, path)
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if url.endswith((".mp4", ".vtt"))], "the film was fetched before play"
    assert page.locator("video").count() == 0, "the browser's player is drawn only when asked for"
    assert page.locator(".film__poster").is_visible()

    # Pressed with the keyboard: the player takes the button's place, has focus and plays.
    button = page.get_by_role("button", name=TEXT["play"][language], exact=True)
    assert button.get_attribute("aria-describedby") == page.locator(".film__title").get_attribute("id")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.5", timeout=15_000)
    assert page.evaluate("() => document.activeElement.matches('video.film__player[controls]')")
    assert [url for url in requests if url.endswith(f"/{own(name, language, 'mp4')}")]
    cues = page.evaluate("""() => new Promise(resolve => {
        const track = [...document.querySelector('video').textTracks].find(t => t.mode === 'showing');
        const wait = () => track.cues && track.cues.length ? resolve([track.language, track.cues.length]) : setTimeout(wait, 50);
        wait();
    })""")
    assert cues == [language, len(webvtt.read(str(FILMS / f"{name}.{language}.vtt")))]
    # The keyboard still works the player: Space pauses it.
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('video').paused", timeout=5_000)
    assert axe_violations(page, "after play") == []
    context.close()


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 640}, {"width": 1280, "height": 900}])
def test_the_poster_loads_when_the_reader_nears_the_film_and_nothing_moves(
    browser, specimen_server, viewport
):
    # Fetched with the page, the poster held back the page's largest paint on a slow
    # network, and cost every reader its bytes, whether they scrolled to the film or not.
    context = browser.new_context(base_url=specimen_server.origin, viewport=viewport)
    push_the_film_down(context, FILM_PAGES[0][0])
    page = context.new_page()
    posters = []
    page.on("request", lambda request: posters.append(request.url) if request.url.endswith(".jpg") else None)
    visit(page, FILM_PAGES[0][0])
    page.wait_for_load_state("networkidle")
    frame = page.locator(".film__frame").first
    before = frame.bounding_box()
    assert before["y"] > 4 * viewport["height"], "the text put above the film pushed it far down"
    assert posters == [], "the poster was fetched before the reader came near the film"

    frame.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.film__poster').naturalWidth > 0", timeout=10_000)
    assert len(posters) == 1
    after = frame.bounding_box()
    assert (after["width"], after["height"]) == (before["width"], before["height"]), (
        "the film's box changed size as its poster arrived"
    )
    context.close()


def test_without_javascript_the_film_is_the_browsers_player(browser, specimen_server):
    context = browser.new_context(base_url=specimen_server.origin, java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    visit(page, FILM_PAGES[0][0])
    player = page.locator("video.film__player")
    assert player.count() == 1 and player.is_visible()
    assert player.evaluate("v => v.controls && v.textTracks.length") == 1
    box, frame = player.bounding_box(), page.locator(".film__frame").bounding_box()
    assert all(abs(box[side] - frame[side]) < 1 for side in box), "the player covers the poster"
    assert not page.locator(".film__play").is_visible(), "no button that does nothing"
    assert not [url for url in requests if url.endswith(".mp4")]
    context.close()


def test_a_hosted_film_loads_its_player_only_when_asked(browser, tmp_path):
    with served_fixture("hosted-film", tmp_path) as origin:
        context = browser.new_context(base_url=origin)
        context.route(
            "https://www.youtube-nocookie.com/**",
            lambda route: route.fulfill(body="<title>player</title>", content_type="text/html"),
        )
        page = context.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        visit(page, "/vad-gor-vi/")
        page.wait_for_load_state("networkidle")
        assert not [url for url in requests if not url.startswith(origin)], requests
        assert page.locator(".film__poster").is_visible()
        assert "YouTube" in page.locator(".film__provider").inner_text()

        button = page.get_by_role("button", name="Spela upp filmen (laddas från YouTube)")
        button.focus()
        page.keyboard.press("Enter")
        player = page.locator("iframe")
        player.wait_for()
        assert player.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/abc123DEF45")
        assert player.get_attribute("title") == "Lokal samverkan – starta"
        assert page.locator(".film__transcript p").count() > 0, "the transcript comes from our page"
        context.close()

        no_script = browser.new_context(base_url=origin, java_script_enabled=False)
        page = no_script.new_page()
        visit(page, "/vad-gor-vi/")
        link = page.get_by_role("link", name="Spela upp filmen (laddas från YouTube)")
        assert link.get_attribute("href") == "https://www.youtube.com/watch?v=abc123DEF45"
        no_script.close()


# -----------------------------------------------------------------------------
# Bad input from an editor
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("film-file-missing", ["docs/sv/vad-gor-vi.md:9", "docs/assets/films/finns-inte.mp4 does not exist"]),
        ("film-without-title", ["docs/en/vad-gor-vi.md:7", "has no title"]),
        (
            "film-host-unsupported",
            ["docs/sv/vad-gor-vi.md:7", "cannot be hosted at https://video.example.com/watch/123"],
        ),
        (
            "film-captions-missing",
            ["lokal-samverkan-starta.md", "en caption file docs/assets/films/starta.en.vtt does not exist"],
        ),
        (
            "film-poster-missing",
            ["lokal-samverkan-starta.md", "poster docs/assets/films/starta.jpg does not exist"],
        ),
        # A language's own film: its poster forgotten, the film forgotten (or misnamed)
        # beside its poster, its own name written in the page, the shared film deleted.
        (
            "film-language-poster-missing",
            [
                "docs/en/lokal-samverkan-starta.md:17: the film in English, docs/assets/films/starta.en.mp4, "
                "has no poster: docs/assets/films/starta.en.jpg does not exist – add it"
            ],
        ),
        (
            "film-language-film-missing",
            [
                "docs/en/lokal-samverkan-starta.md:17: docs/assets/films/starta.en.jpg is the poster "
                "of a film in English, but that film, docs/assets/films/starta.en.mp4, does not exist – "
                "add the film under that name, or delete the poster"
            ],
        ),
        (
            "film-language-name-in-page",
            [
                "docs/en/vad-gor-vi.md:9: the film is written as starta.en.mp4, the file of the film in "
                "English – write the shared name, starta.mp4: the build shows starta.en.mp4 on the pages in "
                "English by itself"
            ],
        ),
        (
            "film-shared-film-missing",
            [
                "docs/sv/lokal-samverkan-starta.md:17: there is no film for the pages in Svenska: neither "
                "the shared film docs/assets/films/starta.mp4 nor the film in Svenska, "
                "docs/assets/films/starta.sv.mp4, exists (only starta.en.mp4) – add one of them"
            ],
        ),
    ],
)
def test_a_broken_film_fails_the_build_naming_page_and_file(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_a_film_after_text_or_next_to_another_stands_outside_the_paragraphs(tmp_path):
    """A <figure> may not sit in a <p>: the text before a film stays in a paragraph of its own, none is empty."""
    result = build(project_with_fixture("film-in-running-text", tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.output
    page = lxml.html.parse(str(tmp_path / "site" / "lokal-samverkan-starta" / "index.html")).getroot()
    films = page.xpath('//div[@class="film"]')
    assert len(films) == 3
    assert [film for film in films if film.xpath("ancestor::p")] == []
    before = films[0].getprevious()
    assert (before.tag, before.text_content().split()[-3:]) == ("p", ["till", "en", "plan:"])
    beside = [
        element for film in films for element in (film.getprevious(), film.getnext()) if element is not None
    ]
    assert [element for element in beside if element.tag == "p" and not element.text_content().strip()] == []


def test_text_after_a_film_in_its_paragraph_fails_the_build(tmp_path):
    """mkdocs-video leaves out what follows a film in its paragraph: the editor is told, nothing is lost."""
    assert_build_fails(
        "film-text-after-it",
        tmp_path,
        [
            "docs/sv/lokal-samverkan-starta.md:15: text follows the film in its paragraph, and mkdocs-video "
            "leaves it out of the page – put a blank line after the film"
        ],
    )


@pytest.mark.xdist_group("unusual-but-right")
def test_a_title_with_quotes_and_markup_characters_shows_as_written(unusual_but_right):
    page = lxml.html.parse(str(unusual_but_right / "vad-gor-vi" / "index.html")).getroot()
    titles = [title.text_content() for title in page.xpath('//*[@class="film__title"]')]
    assert titles == ['Filmen "A<B" & C', 'Värd "A<B" & C', "Lokal samverkan – starta på Vimeo"]
    assert page.xpath('string(//div[@class="film__hosted"]/@data-title)') == 'Värd "A<B" & C'
    # The first film's player is labelled by its title, not cut short by the quote.
    video = page.xpath("//video")[0]
    assert page.get_element_by_id(video.get("aria-labelledby")).text_content() == 'Filmen "A<B" & C'


# -----------------------------------------------------------------------------
# Hosted films: only an address with a real film id is published
# -----------------------------------------------------------------------------


@pytest.mark.xdist_group("unusual-but-right")
def test_an_unlisted_vimeo_film_plays_with_its_privacy_hash(unusual_but_right):
    page = lxml.html.parse(str(unusual_but_right / "vad-gor-vi" / "index.html")).getroot()
    hosted = page.xpath('//div[@class="film__hosted"][@data-title="Lokal samverkan – starta på Vimeo"]')[0]
    assert hosted.get("data-embed") == "https://player.vimeo.com/video/76979871?h=abcdef1234&dnt=1&autoplay=1"
    assert hosted.xpath('string(.//a[@class="film__play"]/@href)') == "https://vimeo.com/76979871/abcdef1234"


YOUTUBE = "https://www.youtube-nocookie.com/embed/abc123DEF45?autoplay=1"
VIMEO = "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"
DAILYMOTION = "https://www.dailymotion.com/embed/video/x8abc12?autoplay=1"


@pytest.mark.parametrize(
    "address, embed",
    [
        ("https://youtu.be/abc123DEF45?si=shared", YOUTUBE),
        ("https://www.youtube.com/embed/abc123DEF45", YOUTUBE),
        ("https://youtube.com/shorts/abc123DEF45", YOUTUBE),
        ("https://m.youtube.com/watch?v=abc123DEF45", YOUTUBE),
        ("https://www.youtube.com/embed/abc-12_DEF4", YOUTUBE.replace("abc123DEF45", "abc-12_DEF4")),
        ("https://vimeo.com/76979871", VIMEO),
        ("https://vimeo.com/channels/staffpicks/76979871", VIMEO),
        ("https://player.vimeo.com/video/76979871?h=abcdef1234", VIMEO.replace("?", "?h=abcdef1234&")),
        ("https://www.dailymotion.com/video/x8abc12", DAILYMOTION),
        ("https://www.dailymotion.com/video/x8abc12_a-title", DAILYMOTION),
        ("https://dai.ly/x8abc12", DAILYMOTION),
    ],
)
def test_every_form_of_a_providers_address_plays_that_film(address, embed):
    assert player(address)[1] == embed


@pytest.mark.parametrize(
    "address, expected",
    [
        (
            "https://youtu.be/abc123DEF4",
            "'abc123DEF4' in https://youtu.be/abc123DEF4 cannot be a YouTube film",
        ),
        ("https://www.youtube.com/embed/abc123DEF45!", "cannot be a YouTube film id (11 letters, digits,"),
        ("https://www.youtube.com/shorts/", "no film is named in https://www.youtube.com/shorts/"),
        (
            "https://www.youtube.com/channel/abc",
            "is not the address of a YouTube film – copy it from the film's",
        ),
        ("https://vimeo.com/7697x871", "'7697x871' in https://vimeo.com/7697x871 cannot be a Vimeo film id"),
        (
            "https://player.vimeo.com/video/76979871?h=<b>",
            "cannot be the privacy hash of an unlisted Vimeo film",
        ),
        ("https://dai.ly/8abc12", "cannot be a Dailymotion film id (x followed by letters and digits)"),
        (
            "http://vimeo.com/76979871",
            "films cannot be hosted at http://vimeo.com/76979871 – use an https://",
        ),
    ],
)
def test_an_address_with_no_real_film_id_is_refused_with_advice(address, expected):
    with pytest.raises(AddressError) as error:
        player(address)
    assert expected in str(error.value)


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "film-youtube-bad-id",
            [
                "docs/sv/vad-gor-vi.md:7: 'xx!!<>yy' in https://www.youtube.com/watch?v=xx!!<>yy cannot be a YouTube "
                "film id (11 letters, digits, - or _) – copy the film's address again from its Share button",
            ],
        ),
        (
            "film-dailymotion-bad-id",
            [
                "docs/sv/vad-gor-vi.md:7: '8abc12' in https://www.dailymotion.com/video/8abc12 cannot be a "
                "Dailymotion film id",
            ],
        ),
        (
            "film-vimeo-not-a-film",
            [
                "docs/sv/vad-gor-vi.md:7: https://vimeo.com/showcase/1234567 is not the address of a Vimeo film – "
                "copy it from the film's Share button: https://vimeo.com/NUMBER",
            ],
        ),
    ],
)
def test_a_hosted_film_without_a_real_film_id_fails_the_build(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


# -----------------------------------------------------------------------------
# Caption files: no cue is dropped or hidden without the build saying where
# -----------------------------------------------------------------------------

SV_CAPTIONS = "docs/assets/films/starta.sv.vtt"
EN_CAPTIONS = "docs/assets/films/starta.en.vtt"


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "film-captions-arrow",
            [
                f"{SV_CAPTIONS}:12: the time line '00:00:07.100 -> 00:00:09.275' cannot be read, so browsers drop "
                "this cue – write the arrow as -->",
            ],
        ),
        (
            "film-captions-comma",
            [
                f"{EN_CAPTIONS}:26: the time line '00:00:21,800 --> 00:00:24,459' cannot be read",
                "write the milliseconds after a dot, not a comma",
            ],
        ),
        (
            "film-captions-malformed",
            [
                f"{SV_CAPTIONS}:3: the time line '00:00:01.000 --> tjugo sekunder' cannot be read",
                "hours:minutes:seconds.milliseconds",
            ],
        ),
        (
            "film-captions-srt",
            [
                f"{EN_CAPTIONS}:1: this is an SRT file – convert it to WebVTT: add WEBVTT as the first line and "
                "write times with a dot",
            ],
        ),
        (
            "film-captions-latin1",
            [f"{SV_CAPTIONS}:5: the caption file is not saved as UTF-8", "save it as UTF"],
        ),
        (
            "film-captions-end-before-start",
            [
                f"{SV_CAPTIONS}:21: the cue ends (00:00:16.500) before it starts (00:00:20.840) – the second time",
            ],
        ),
        (
            "film-captions-after-end",
            [
                f"{SV_CAPTIONS}:127: this cue starts at 00:02:00.000, after the film docs/assets/films/starta.mp4 "
                "ends (00:01:51.",
                "correct the time",
            ],
        ),
        ("film-captions-empty-cue", [f"{EN_CAPTIONS}:30: this cue has no text – write what is said"]),
        (
            "film-captions-same-text",
            [
                f"{EN_CAPTIONS}:5: the captions have the same text as {SV_CAPTIONS} – write them in English",
            ],
        ),
    ],
)
def test_a_cue_a_browser_would_not_show_fails_the_build_at_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def vtt(*lines: str) -> bytes:
    return "\n".join(lines).encode()


@pytest.mark.parametrize(
    "time_line",
    [
        "00:00:01.000 --> 00:00:02.000",
        "00:01.000 --> 00:02.000",  # hours may be left out
        "1:00:01.000 --> 1:00:02.000 align:start",  # one digit of hours, and a setting
        "00:00:01.000-->00:00:02.000",
    ],
)
def test_a_time_line_a_browser_reads_is_read(time_line):
    cues = parse(vtt("WEBVTT", "", time_line, "Hej <i>då</i> &amp; tack"))
    assert [(cue.line, cue.words) for cue in cues] == [(3, "Hej då & tack")]


@pytest.mark.parametrize(
    "time_line",
    [
        "00:00:01.00 --> 00:00:02.000",
        "00:00:1.000 --> 00:00:02.000",
        "00:60:01.000 --> 01:00:02.000",
        "00:00:01.000 --> 00:00:02",
        "00:00:01.000 — 00:00:02.000",
        "00:00:01.000 --> 00:00:02.0000",
    ],
)
def test_a_time_line_a_browser_drops_fails_at_its_line(time_line):
    with pytest.raises(CaptionError) as error:
        parse(vtt("WEBVTT", "", "1", "00:00:00.000 --> 00:00:00.500", "Först.", "", "2", time_line, "Sedan."))
    assert error.value.line == 8 and "cannot be read, so browsers drop this cue" in str(error.value)


def test_a_cue_glued_to_the_one_before_fails_and_a_note_or_bom_and_crlf_do_not():
    with pytest.raises(CaptionError) as error:
        parse(vtt("WEBVTT", "", "00:01.000 --> 00:02.000", "Ett.", "2", "00:03.000 --> 00:04.000", "Två."))
    assert error.value.line == 6 and "put an empty line before each cue" in str(error.value)
    with pytest.raises(CaptionError) as error:
        parse(vtt("WEBVTT", "", "00:00:01.000 --> 00:00:02.000", "Ett.", "", "Text utan tid."))
    assert error.value.line == 6 and "this text has no time line" in str(error.value)
    crlf = "\ufeffWEBVTT\r\n\r\nNOTE en kommentar\r\n\r\n00:00:01.000 --> 00:00:02.000\r\nEtt.\r\n"
    cues = parse(crlf.encode())
    assert [(cue.line, cue.words) for cue in cues] == [(5, "Ett.")]


# -----------------------------------------------------------------------------
# A film per language, and the sample films
# -----------------------------------------------------------------------------

LANGUAGES = [("sv", "Svenska"), ("en", "English"), ("de", "Deutsch")]


def films_folder(tmp_path: Path, names: list[str]) -> Path:
    docs = tmp_path / "docs"
    (docs / "assets" / "films").mkdir(parents=True)
    for name in names:
        (docs / "assets" / "films" / name).write_bytes(b"")
    return docs


@pytest.mark.parametrize(
    "names, language, video, poster, captions",
    [
        # Only the shared film: every language shows it, with every language's captions.
        (["f.mp4", "f.jpg"], "en", "f.mp4", "f.jpg", ("sv", "en", "de")),
        # English has its own film: the English pages show it, with the English captions only;
        # the others show the shared film with their own captions.
        (["f.mp4", "f.jpg", "f.en.mp4", "f.en.jpg"], "en", "f.en.mp4", "f.en.jpg", ("en",)),
        (["f.mp4", "f.jpg", "f.en.mp4", "f.en.jpg"], "sv", "f.mp4", "f.jpg", ("sv", "de")),
        (["f.mp4", "f.jpg", "f.en.mp4", "f.en.jpg"], "de", "f.mp4", "f.jpg", ("sv", "de")),
        # Every language its own film, and no shared one.
        (["f.sv.mp4", "f.sv.jpg", "f.en.mp4", "f.en.jpg"], "sv", "f.sv.mp4", "f.sv.jpg", ("sv",)),
    ],
)
def test_a_language_with_a_film_of_its_own_shows_it(tmp_path, names, language, video, poster, captions):
    docs = films_folder(tmp_path, names)
    files = film_files(docs, "assets/films/f.mp4", language, LANGUAGES)
    assert (files.video, files.poster, files.captions) == (
        f"assets/films/{video}",
        f"assets/films/{poster}",
        captions,
    )


def test_a_hosted_film_has_the_languages_own_poster_if_there_is_one(tmp_path):
    docs = films_folder(tmp_path, ["f.jpg", "f.en.jpg"])
    assert hosted_poster(docs, "assets/films/f", "en") == "assets/films/f.en.jpg"
    assert hosted_poster(docs, "assets/films/f", "sv") == "assets/films/f.jpg"


@pytest.mark.xdist_group("unusual-but-right")
def test_a_real_film_in_place_of_a_sample_has_no_sample_note(unusual_but_right, specimen):
    """The note comes from the sample film's own file, so it goes when a real film replaces it.

    In the fixture's build 'starta' is a real film: its file has no comment saying it is a sample.
    """
    for prefix in ("", "en/"):
        notes = [
            len(
                lxml.html.parse(str(root / prefix / "lokal-samverkan-starta" / "index.html")).xpath(
                    '//*[@class="film__sample"]'
                )
            )
            for root in (specimen.root, unusual_but_right)
        ]
        assert notes == [1, 0], prefix


def sample_films() -> list[Path]:
    """The project's films that scripts/make_sample_films.py made (its comment is in the file)."""
    films = sorted((PROJECT / "docs" / "assets" / "films").glob("*.mp4"))
    return [film for film in films if is_sample(str((MP4(str(film)).tags or {}).get("\xa9cmt", [""])[0]))]


@pytest.mark.parametrize("film", sample_films(), ids=lambda film: film.name)
def test_each_sample_film_is_short_small_and_captioned_from_its_manuscript(film):
    """While the project still has sample films: each is what scripts/make_sample_films.py makes."""
    name, _, language = film.stem.partition(".")
    language = language or "sv"  # the shared sample film is the Swedish one
    assert 60 <= MP4(str(film)).info.length <= 120
    assert film.stat().st_size < 2_000_000
    assert film.with_suffix(".jpg").stat().st_size < 30_000
    # The captions are the manuscript's narration in the language, as the script breaks it.
    manuscript = yaml_load((PROJECT / "scripts" / "films" / f"{name}.yml").open(encoding="utf-8"))
    expected = [
        "\n".join(lines)
        for slide in manuscript["slides"]
        for item in slide["narration"]
        for lines in caption_cues(item[language], language)
    ]
    assert [cue.text for cue in webvtt.read(str(film.parent / f"{name}.{language}.vtt"))] == expected
