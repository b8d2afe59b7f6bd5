"""
The survey invitation: "Ja, tack" / "Nej, tack", remembered, accessible.
"""

from __future__ import annotations

import time

import lxml.html
import pytest

from forebygg.components import BY_NAME
from forebygg.survey_banner import survey_id
from site_actions import visit
from site_build import assert_build_fails, build, project_with_fixture, specimen_config

# On the specimen (tests/specimen/), whose invitation is switched on with an address per language.
CONFIG = specimen_config()
SURVEY = CONFIG["extra"]["survey"]
TEXT = CONFIG["extra"]["text"]["survey"]
START = {"sv": "/", "en": "/en/"}
OTHER = {"sv": "/vad-gor-vi/", "en": "/en/vad-gor-vi/"}
KEY = BY_NAME["survey_banner"].storage[0]

# Records, while the page is parsed, whether the banner was hidden from the start.
WATCH_FIRST_PAINT = """
new MutationObserver((changes, observer) => {
  const banner = document.querySelector('.survey-banner');
  if (banner) {
    window.__bannerHiddenWhenParsed = document.documentElement.classList.contains('survey-answered');
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def banner(page):
    return page.locator(".survey-banner")


@pytest.fixture
def context(browser, specimen_server):
    context = browser.new_context(base_url=specimen_server.origin)
    context.set_default_timeout(10_000)
    context.add_init_script(WATCH_FIRST_PAINT)
    # The survey service is another host: answer for it instead of going there.
    context.route(
        "https://enkat.example.org/**", lambda route: route.fulfill(body="survey", content_type="text/plain")
    )
    yield context
    context.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_thanks_hides_the_invitation_on_every_page_of_the_language(browser, context, language):
    page = context.new_page()
    visit(page, START[language])
    assert banner(page).is_visible()
    assert banner(page).locator(".survey-banner__text").inner_text() == TEXT["question"][language]
    page.get_by_role("button", name=TEXT["no"][language]).click()
    assert not banner(page).is_visible()
    assert page.evaluate("() => document.activeElement.tagName") == "H1", "focus was lost"

    page.reload()
    assert not banner(page).is_visible()
    assert page.evaluate("() => window.__bannerHiddenWhenParsed") is True, "the banner flashed"
    visit(page, OTHER[language])
    assert not banner(page).is_visible()
    assert list(page.evaluate("() => Object.keys(localStorage)")) == [KEY]

    fresh = browser.new_context(base_url=page.url)
    other = fresh.new_page()
    visit(other, START[language])
    assert other.locator(".survey-banner").is_visible()
    fresh.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_yes_opens_the_survey_in_a_new_window_and_is_remembered(context, language):
    page = context.new_page()
    visit(page, START[language])
    yes = page.get_by_role("link", name=TEXT["yes"][language])
    assert TEXT["new_window"][language] in yes.inner_text()
    assert yes.get_attribute("target") == "_blank"
    assert "noopener" in yes.get_attribute("rel").split()
    with page.expect_popup() as popup:
        yes.click()
    assert popup.value.url == SURVEY["url"][language]
    page.reload()
    assert not banner(page).is_visible()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_without_javascript_the_survey_link_remains(browser, specimen_server, language):
    context = browser.new_context(base_url=specimen_server.origin, java_script_enabled=False)
    page = context.new_page()
    visit(page, START[language])
    assert (
        page.get_by_role("link", name=TEXT["yes"][language]).get_attribute("href") == SURVEY["url"][language]
    )
    assert not page.get_by_role("button", name=TEXT["no"][language]).is_visible()
    context.close()


def test_the_invitation_is_a_named_region_reached_right_after_the_skip_link(context):
    page = context.new_page()
    visit(page, "/vad-gor-vi/")
    assert page.get_by_role("region", name=TEXT["name"]["sv"]).is_visible()
    focused = []
    for _ in range(3):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.classList[0]"))
    assert focused == ["md-skip", "survey-banner__yes", "survey-banner__no"]
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "no visible focus"


def test_the_banner_takes_no_focus_and_no_live_region(context):
    page = context.new_page()
    visit(page, "/")
    assert page.evaluate("() => document.activeElement === document.body")
    assert banner(page).locator("[aria-live], [role=alert], [role=status]").count() == 0
    assert banner(page).get_attribute("aria-live") is None


def test_a_new_survey_or_an_old_answer_brings_the_invitation_back(context):
    page = context.new_page()
    visit(page, "/")
    current = banner(page).get_attribute("data-survey")
    now = time.time() * 1000
    for answers, shown in [
        ({current: now}, False),
        ({"an-older-survey": now}, True),
        ({current: now - (SURVEY["hide_days"] + 1) * 86_400_000}, True),
    ]:
        page.evaluate("([key, value]) => localStorage.setItem(key, JSON.stringify(value))", [KEY, answers])
        page.reload()
        assert banner(page).is_visible() == shown, answers


def test_the_survey_is_named_by_its_addresses_and_version():
    urls = {"sv": "https://a.example/sv", "en": "https://a.example/en"}
    assert survey_id(urls, 1) == survey_id(dict(reversed(urls.items())), 1)
    assert survey_id(urls, 1) != survey_id(urls, 2)
    assert survey_id(urls, 1) != survey_id({**urls, "en": "https://a.example/en2"}, 1)
    assert survey_id(urls, 1) != survey_id({**urls, "de": "https://a.example/de"}, 1)


@pytest.mark.parametrize("first, then", [("sv", "en"), ("en", "sv")])
def test_one_answer_counts_for_the_whole_site_in_every_language(context, first, then):
    page = context.new_page()
    visit(page, START[first])
    assert banner(page).is_visible()
    page.get_by_role("button", name=TEXT["no"][first]).click()
    visit(page, OTHER[then])
    assert not banner(page).is_visible(), f"asked again in {then} after answering in {first}"
    assert page.evaluate("() => window.__bannerHiddenWhenParsed") is True, "the banner flashed"


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "survey-without-english-address",
            ["WARNING", "mkdocs.yml:", "extra.survey.url has no 'en' address"],
        ),
        (
            "survey-not-https",
            ["mkdocs.yml:", "extra.survey.url.en is 'http://enkat.example.org/en'", "https://"],
        ),
        (
            "survey-hidden-for-no-days",
            ["mkdocs.yml:4: extra.survey.hide_days is '0' – give a whole number of days"],
        ),
    ],
)
def test_a_bad_survey_setting_fails_the_build(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_the_invitation_can_be_switched_off_without_a_warning(tmp_path):
    result = build(project_with_fixture("survey-switched-off", tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    assert "extra.survey.url" not in result.output, "the address of a survey switched off is not needed"
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "survey-banner" not in html and "data-survey" not in html, path
    privacy = tmp_path / "site/om-webbplatsen/personuppgifter-och-kakor/index.html"
    assert f"<code>{KEY}</code>" in privacy.read_text(encoding="utf-8")


def test_a_page_can_leave_the_invitation_out_and_its_neighbours_keep_it(tmp_path):
    """`survey: false` in one page's front matter: no banner and no script of it there,
    the same page in the other language and the pages around it unchanged."""
    result = build(project_with_fixture("survey-off-on-a-page", tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.output
    site = tmp_path / "site"

    def invited(path: str) -> bool:
        html = (site / path / "index.html").read_text(encoding="utf-8")
        document = lxml.html.fromstring(html)
        banner = document.xpath("//*[contains(concat(' ', @class, ' '), ' survey-banner ')]")
        head_script = [s for s in document.iter("script") if s.get("data-survey")]
        assert bool(banner) == bool(head_script), f"{path}: banner and its script disagree"
        return bool(banner)

    assert not invited("vad-gor-vi"), "the page with survey: false shows the invitation"
    for neighbour in ["", "kurs", "en/vad-gor-vi"]:
        assert invited(neighbour), f"/{neighbour}: the invitation went from a page that did not ask for it"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_invitation_does_not_move_the_page_while_it_loads(browser, specimen_server, language):
    """Its height is settled before first paint: it never changes on a phone's screen.

    Heights are recorded from the first paint on: a layout the browser works
    out before it has drawn anything is never seen by the reader.
    """
    context = browser.new_context(
        base_url=specimen_server.origin, viewport={"width": 412, "height": 823}, is_mobile=True
    )
    context.add_init_script("""
        window.__heights = new Set();
        const record = () => {
          const banner = document.querySelector('.survey-banner');
          if (banner) window.__heights.add(banner.getBoundingClientRect().height);
        };
        new PerformanceObserver(list => {
          if (window.__painted) return;
          window.__painted = true;
          record();
          new MutationObserver(record).observe(document, {subtree: true, childList: true, attributes: true});
        }).observe({type: 'paint', buffered: true});
    """)

    def slow_network(route):
        time.sleep(1)  # the banner's script arrives after the page is drawn, as on a slow phone
        route.continue_()

    context.route("**/survey-banner.js", slow_network)
    page = context.new_page()
    visit(page, START[language])
    page.locator(".survey-banner__no").wait_for()
    heights = page.evaluate("() => [...window.__heights]")
    context.close()
    assert len(heights) == 1, f"the banner changed height on screen: {heights}"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_on_a_phone_the_invitation_is_one_line_of_text_and_its_buttons(browser, specimen_server, language):
    """The specimen's question is short (tests/specimen/mkdocs.yml): the banner adds nothing around it."""
    context = browser.new_context(base_url=specimen_server.origin, viewport={"width": 390, "height": 844})
    page = context.new_page()
    visit(page, "/" if language == "sv" else "/en/")
    text = page.locator(".survey-banner__text")
    # The line boxes of the question's text, counted by where each starts.
    lines = text.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el);"
        " return new Set([...r.getClientRects()].map(box => Math.round(box.top))).size; }"
    )
    assert lines == 1, f"the question takes {lines} lines"
    context.close()
