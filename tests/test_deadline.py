"""
The deadline calculator (<!-- md:deadline -->): the reader enters the day they
received the notice and the page says the last day of the three weeks, as lag
(1930:173) 1 § counts them – the same day of the week, three weeks on – in the
page's language, without sending or keeping anything.

The days expected here were counted by hand on a calendar, for the cases where
a count goes wrong: across the end of a month, of February in a leap year and
in a common year, of a year, and across a change to and from summer time in
the reader's time zone. The specimen's page hyresgast.md has the marker.
"""

from __future__ import annotations

import datetime

import pytest
from mkdocs.utils import yaml_load

from advice import follow_all
from gates import axe_violations, foreign_requests
from site_actions import visit
from site_build import PROJECT, build, project_with_fixture

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
TEXT = CONFIG["extra"]["text"]["deadline"]
PAGE = {"sv": "/hyresgast/", "en": "/en/hyresgast/"}
# The worked example that the specimen's editor wrote beside the marker.
EXAMPLE = {
    "sv": "Du tog emot underrättelsen en onsdag, den 3 mars 2027.",
    "en": "You received the underrättelse on a Wednesday, 3 March 2027.",
}
# Where the reader lives: the summer time of the days below is Sweden's.
STOCKHOLM = "Europe/Stockholm"


def said(language: str, start: str, end: str) -> str:
    return TEXT["result"][language].format(start=start, end=end)


def work_out(page, day: str) -> str:
    """Enter `day` (YYYY-MM-DD) in the date field, press the button, and return what the page says."""
    page.locator(".deadline__date").fill(day)
    page.locator(".deadline__button").click()
    return said_now(page)


def said_now(page) -> str:
    """What the status line says once the press has been answered (it is emptied first)."""
    page.wait_for_function("() => document.querySelector('.deadline__result').textContent !== ''")
    return page.get_by_role("status").inner_text()


@pytest.fixture
def reader(browser, specimen_server):
    """A phone-sized tab in Sweden's time zone, on a day before the days below, and every request it makes."""
    context = browser.new_context(
        base_url=specimen_server.origin, viewport={"width": 360, "height": 640}, timezone_id=STOCKHOLM
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2026, 12, 7, 12, 0))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests
    yield page
    context.close()


@pytest.mark.parametrize(
    "language, received, start, last",
    [
        # The page's own example.
        ("sv", "2027-03-03", "onsdag 3 mars 2027", "onsdag 24 mars 2027"),
        # Across the end of a month: January has 31 days.
        ("sv", "2027-01-31", "söndag 31 januari 2027", "söndag 21 februari 2027"),
        # February in a leap year (29 days) and in a common year (28).
        ("sv", "2028-02-08", "tisdag 8 februari 2028", "tisdag 29 februari 2028"),
        ("sv", "2027-02-08", "måndag 8 februari 2027", "måndag 1 mars 2027"),
        # Across the end of a year.
        ("sv", "2026-12-20", "söndag 20 december 2026", "söndag 10 januari 2027"),
        # Summer time starts on 28 March 2027 and ends on 31 October 2027: a day is then
        # 23 or 25 hours, and three weeks counted in hours from midnight land on the wrong day.
        ("sv", "2027-03-20", "lördag 20 mars 2027", "lördag 10 april 2027"),
        ("sv", "2027-10-20", "onsdag 20 oktober 2027", "onsdag 10 november 2027"),
        # English: the same days, written as British English writes them.
        ("en", "2027-01-31", "Sunday 31 January 2027", "Sunday 21 February 2027"),
        ("en", "2028-02-08", "Tuesday 8 February 2028", "Tuesday 29 February 2028"),
        ("en", "2026-12-20", "Sunday 20 December 2026", "Sunday 10 January 2027"),
        ("en", "2027-10-20", "Wednesday 20 October 2027", "Wednesday 10 November 2027"),
    ],
)
def test_the_last_day_is_three_weeks_on_the_same_day_of_the_week(reader, language, received, start, last):
    visit(reader, PAGE[language])
    assert work_out(reader, received) == said(language, start, last)


def test_a_last_day_on_a_holiday_is_not_moved_to_the_next_weekday(reader):
    """Lag (1930:173) 2 § lets a payment due on Christmas Eve wait until the next weekday; the
    calculator never promises that day: it says Christmas Eve, and to pay before it."""
    visit(reader, PAGE["sv"])
    assert work_out(reader, "2027-12-03") == said("sv", "fredag 3 december 2027", "fredag 24 december 2027")


def test_a_last_day_that_has_passed_says_so_and_what_to_do(reader):
    reader.clock.set_fixed_time(datetime.datetime(2027, 4, 1, 12, 0))
    visit(reader, PAGE["sv"])
    text = work_out(reader, "2027-03-03")
    assert text == said("sv", "onsdag 3 mars 2027", "onsdag 24 mars 2027") + " " + TEXT["past"]["sv"]
    # The last day itself has not passed: it is still a day to pay.
    reader.clock.set_fixed_time(datetime.datetime(2027, 3, 24, 12, 0))
    visit(reader, PAGE["sv"])
    assert work_out(reader, "2027-03-03") == said("sv", "onsdag 3 mars 2027", "onsdag 24 mars 2027")


@pytest.mark.parametrize("typed", ["", "275760-01-01"])
def test_no_day_or_an_impossible_one_asks_for_the_day(reader, typed):
    visit(reader, PAGE["sv"])
    if typed:
        reader.locator(".deadline__date").evaluate("(field, value) => { field.value = value; }", typed)
    reader.locator(".deadline__button").click()
    assert said_now(reader) == TEXT["choose"]["sv"]


def test_the_form_is_labelled_and_says_the_result_politely(reader):
    visit(reader, PAGE["sv"])
    field = reader.get_by_label(TEXT["label"]["sv"], exact=True)
    assert field.get_attribute("type") == "date"
    assert (
        field.evaluate("field => document.getElementById(field.getAttribute('aria-describedby')).textContent")
        == (TEXT["hint"]["sv"])
    )
    status = reader.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    # The status line is in the page from the start, empty, so that a screen reader
    # already watches it when the result comes.
    assert status.inner_text() == ""
    assert reader.get_by_role("button", name=TEXT["calculate"]["sv"]).is_visible()


def test_the_keyboard_alone_works_out_the_day(browser, specimen_server):
    """Tab to the field, type the day as the browser's date field shows its parts, press Enter;
    the result is said and focus stays in the field, to try another day. Then the button, by Space."""
    # The browser's own language, which decides the order of the date field's parts.
    context = browser.new_context(base_url=specimen_server.origin, timezone_id=STOCKHOLM)
    page = context.new_page()
    visit(page, PAGE["en"])
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('deadline__date')"):
            break
    else:
        pytest.fail("Tab never reached the date field")
    order = page.evaluate(
        """() => new Intl.DateTimeFormat(undefined, {year: 'numeric', month: '2-digit', day: '2-digit'})
        .formatToParts(new Date(2027, 0, 31)).filter(p => p.type !== 'literal').map(p => p.type)"""
    )
    parts = {"year": "2027", "month": "01", "day": "31"}
    for part in order:
        page.keyboard.type(parts[part])
        if part == "year":
            page.keyboard.press("ArrowRight")  # a year may have more digits: go on by hand
    assert page.locator(".deadline__date").input_value() == "2027-01-31"
    page.keyboard.press("Enter")
    expected = said("en", "Sunday 31 January 2027", "Sunday 21 February 2027")
    assert said_now(page) == expected
    assert page.evaluate("() => document.activeElement.classList.contains('deadline__date')")
    # The date field's own calendar button may take a Tab first.
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") != "INPUT":
            break
    assert page.evaluate("() => document.activeElement.textContent") == TEXT["calculate"]["en"]
    page.keyboard.press("Space")
    assert said_now(page) == expected
    context.close()


def test_working_out_a_day_sends_nothing_and_keeps_nothing(reader, specimen_server):
    visit(reader, PAGE["sv"])
    reader.wait_for_load_state("networkidle")
    before = len(reader.requests)
    for day in ("2027-03-03", "2027-01-31"):
        work_out(reader, day)
    reader.wait_for_load_state("networkidle")
    # Only the site itself was asked, and nothing asked for carries the day.
    assert foreign_requests(reader.requests, specimen_server.origin) == []
    assert not [url for url in reader.requests[before:] if "2027" in url]
    assert reader.evaluate("() => Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0
    assert reader.context.cookies() == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_without_javascript_the_rule_and_example_show_and_the_form_does_not(
    browser, specimen_server, language
):
    context = browser.new_context(base_url=specimen_server.origin, java_script_enabled=False)
    page = context.new_page()
    visit(page, PAGE[language])
    assert page.get_by_text(EXAMPLE[language]).is_visible()
    # A form that cannot work is not offered.
    assert not page.locator(".deadline").is_visible()
    assert not page.get_by_label(TEXT["label"][language]).is_visible()
    context.close()


def test_axe_finds_nothing_with_a_result_showing(reader):
    visit(reader, PAGE["sv"])
    work_out(reader, "2027-03-03")
    assert axe_violations(reader, "deadline result") == []


def test_on_paper_a_worked_out_day_is_printed_and_the_form_is_not(reader):
    visit(reader, PAGE["sv"])
    text = work_out(reader, "2027-03-03")
    reader.emulate_media(media="print")
    assert reader.get_by_role("status").is_visible()
    assert text in reader.locator("article").inner_text()
    assert not reader.locator(".deadline__form").is_visible()


# -----------------------------------------------------------------------------
# The editor's mistakes
# -----------------------------------------------------------------------------


def test_a_misplaced_marker_fails_the_build_and_the_advice_puts_it_right(tmp_path):
    """tests/fixtures/deadline-misplaced/: in Swedish the marker is indented in a list, and a
    second one follows; in English it shares its line with a sentence. The build names each with
    its line (Swedish first: a language's build stops at its first page with mistakes); doing what
    it says gives each page its one calculator, between paragraphs."""
    project = project_with_fixture("deadline-misplaced", tmp_path)
    refused = build(project, tmp_path / "site")
    assert refused.returncode != 0, refused.output
    assert "docs/sv/hyresgast.md:14: <!-- md:deadline --> is indented" in refused.output
    assert "docs/sv/hyresgast.md:16: a second <!-- md:deadline --> on the page (the first is on line 14)" in (
        refused.output
    )
    follow_all(project, refused.output)
    refused = build(project, tmp_path / "site")
    assert "docs/en/hyresgast.md:12: <!-- md:deadline --> shares its line with text" in refused.output
    follow_all(project, refused.output)

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.output
    for prefix in ("", "en/"):
        html = (tmp_path / "site" / prefix / "hyresgast" / "index.html").read_text(encoding="utf-8")
        assert html.count('class="deadline"') == 1
        assert "md:deadline" not in html
