"""
The self-check: questions at the end of a course part that a reader answers
with a keyboard or a screen reader, and that say why an answer is right or
wrong, without sending anything anywhere.
"""

from __future__ import annotations

import json
import re

import lxml.html
import pytest
from mkdocs.utils import yaml_load

from gates import axe_violations
from site_actions import start_material, visit
from site_build import PROJECT, assert_build_fails

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
TEXT = CONFIG["extra"]["text"]["self_check"]
# The specimen's first course part (tests/specimen/docs/*/fran-obetald-hyra-till-avhysning.md),
# its first question: a wrong and the right answer, each with the start of its explanation.
PART = {"sv": "/fran-obetald-hyra-till-avhysning/", "en": "/en/fran-obetald-hyra-till-avhysning/"}
WRONG = {
    "sv": ("Dagen efter förfallodagen", "Nej. En dags försening räcker inte för en bostad."),
    "en": ("The day after the rent was due", "No. For a home, one day late is not enough."),
}
RIGHT = {
    "sv": ("När hyran är mer än en vecka sen", "Ja. Då kan hyresrätten vara förverkad."),
    "en": ("When the rent is more than a week late", "Yes. The tenancy can then be forfeited."),
}


def first_question(page):
    return page.locator(".self-check__question").first


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_wrong_answer_says_why_and_the_right_one_confirms(specimen_page, language):
    page = specimen_page
    visit(page, PART[language])
    question = first_question(page)
    feedback = question.locator(".self-check__feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    question.get_by_label(WRONG[language][0]).check()
    question.get_by_role("button", name=TEXT["check"][language]).click()
    assert feedback.inner_text().startswith(f"{TEXT['wrong'][language]} {WRONG[language][1]}")
    # The reader stays where they were, ready to try another answer.
    assert page.evaluate("() => document.activeElement.className").startswith("self-check__check")
    question.get_by_label(RIGHT[language][0]).check()
    question.get_by_role("button", name=TEXT["check"][language]).click()
    assert feedback.inner_text().startswith(f"{TEXT['right'][language]} {RIGHT[language][1]}")


def test_checking_without_an_answer_asks_for_one(specimen_page):
    page = specimen_page
    visit(page, PART["sv"])
    question = first_question(page)
    question.get_by_role("button", name=TEXT["check"]["sv"]).click()
    assert question.locator(".self-check__feedback").inner_text() == TEXT["choose"]["sv"]


def test_each_question_is_a_group_named_by_its_question(specimen_page):
    page = specimen_page
    visit(page, PART["sv"])
    questions = page.locator(".self-check__question")
    assert questions.count() >= 3
    for question in questions.all():
        name = question.locator("legend").inner_text()
        group = page.get_by_role("group", name=name, exact=True)
        assert group.count() == 1 and group.evaluate("element => element.tagName") == "FIELDSET"
        assert group.get_by_role("radio").count() == 3
    assert questions.first.locator("legend").inner_text().startswith("När kan hyresrätten")


def test_the_keyboard_alone_answers_a_question(specimen_page):
    page = specimen_page
    visit(page, PART["sv"])
    question = first_question(page)
    question.get_by_role("radio").first.focus()
    page.keyboard.press("Space")  # choose the first answer, the wrong one
    page.keyboard.press("ArrowDown")  # move to, and choose, the second: the right one
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == TEXT["check"]["sv"]
    page.keyboard.press("Enter")
    feedback = question.locator(".self-check__feedback")
    assert feedback.inner_text().startswith(f"{TEXT['right']['sv']} {RIGHT['sv'][1]}")


def test_axe_finds_nothing_with_the_feedback_showing(browser, specimen_server):
    # axe is injected as an inline script, which the site's CSP rightly blocks.
    context = browser.new_context(base_url=specimen_server.origin, bypass_csp=True)
    page = context.new_page()
    visit(page, PART["sv"])
    question = first_question(page)
    question.get_by_label(WRONG["sv"][0]).check()
    question.get_by_role("button", name=TEXT["check"]["sv"]).click()
    question.locator(".self-check__answers summary").click()
    assert question.locator(".self-check__feedback").is_visible()
    assert axe_violations(page, "self-check feedback") == []
    context.close()


def test_answering_sends_nothing_and_keeps_nothing(specimen_page):
    page = specimen_page
    visit(page, PART["sv"])
    # The reader's first click fetches Material's script (overrides/main.html): not an answer sent.
    start_material(page)
    page.wait_for_load_state("networkidle")
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for question in page.locator(".self-check__question").all():
        question.get_by_role("radio").first.check()
        question.get_by_role("button", name=TEXT["check"]["sv"]).click()
    page.wait_for_load_state("networkidle")
    assert requests == []
    assert page.evaluate("() => Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0


def test_without_javascript_the_answers_are_behind_a_disclosure(browser, specimen_server):
    context = browser.new_context(base_url=specimen_server.origin, java_script_enabled=False)
    page = context.new_page()
    visit(page, PART["sv"])
    question = first_question(page)
    assert question.get_by_role("radio").count() == 3
    assert not question.get_by_role("button", name=TEXT["check"]["sv"]).is_visible()
    explanation = question.get_by_text(WRONG["sv"][1])
    assert not explanation.is_visible()
    question.get_by_text(TEXT["answers"]["sv"]).click()
    assert explanation.is_visible()
    answers = question.locator(".self-check__answers").inner_text()
    assert f"{TEXT['right_answer']['sv']}: {RIGHT['sv'][0]}" in answers
    context.close()


def test_a_printed_part_is_a_worksheet(specimen_page):
    page = specimen_page
    visit(page, PART["sv"])
    page.emulate_media(media="print")
    question = first_question(page)
    assert question.get_by_role("radio").first.is_visible()
    assert not question.locator(".self-check__answers").is_visible()
    assert not question.locator(".self-check__check").is_visible()
    assert not page.locator(".course--end").is_visible()
    assert page.locator(".course").first.is_visible()


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "self-check-no-right-answer",
            ["docs/sv/vad-gor-vi.md:20: the question has no right answer – tick it as - [x]"],
        ),
        (
            "self-check-two-right-answers",
            ["docs/sv/vad-gor-vi.md:19: a second right answer (line 15 is ticked too)"],
        ),
        (
            "self-check-answer-without-explanation",
            ["docs/en/vad-gor-vi.md:24: the answer has no explanation"],
        ),
        (
            "self-check-question-count-differs",
            ["docs/en/vad-gor-vi.md:11: the self-check has 3 questions and docs/sv/vad-gor-vi.md:11 has 4"],
        ),
    ],
)
def test_a_mistake_in_a_self_check_fails_the_build_with_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_search_finds_the_part_but_not_its_questions_and_answers(specimen):
    """The questions, answers and explanations are left out of the search index (data-search-exclude):
    a search shows the guidance, not the self-check's answers, and the index a phone loads stays small."""
    for prefix in ("", "en/"):
        index = json.loads((specimen.root / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        text = " ".join(" ".join(re.sub(r"<[^>]+>", " ", doc["text"]).split()) for doc in index["docs"])
        titles = {doc["title"] for doc in index["docs"]}
        checked = 0
        for path in specimen.pages():
            if path.startswith("/en/") != (prefix == "en/"):
                continue
            page = lxml.html.parse(str(specimen.root / path.strip("/") / "index.html")).getroot()
            for fieldset in page.find_class("self-check__question"):
                checked += 1
                for element in fieldset.xpath('.//legend | .//*[@class="self-check__why"]'):
                    words = " ".join(element.text_content().split())
                    assert words not in text, f"{path}: {words!r} is in the search index"
            if page.find_class("self-check__question"):
                # The title as the index has it: without the soft hyphens of the page (forebygg.hyphenation).
                assert " ".join(page.xpath("string(//h1)").replace("\u00ad", "").split()) in titles, path
        assert checked, f"no self-check in the {prefix or 'sv/'} pages"


@pytest.mark.parametrize(
    "line",
    [
        "Ja. Avsiktsförklaringen visar vad ni vill uppnå (2 kap. 1 §) – tillsammans?",
        "Nej, 3 330 kr: ”hyran” + avgifter / månad",
        "Yes, it's 50 % of the rent; see §12!",
        "Nej *inte* alls",
        "1. Först",
        "- en lista",
        "a  två mellanslag",
        "a & b < c",
        "ett `kodord` och [en länk](https://example.org/)",
        "slutar med mellanslag ",
        "# Rubrik",
    ],
)
def test_an_answer_line_is_shown_as_python_markdown_makes_it(line):
    # Most lines hold no Markdown at all and are taken as they are, without Python-Markdown
    # (forebygg.self_check.questions.inline_html): the same HTML as Python-Markdown's.
    import markdown

    from forebygg.self_check.questions import inline_html

    html = markdown.markdown(line).strip()
    made = html[3:-4] if html.startswith("<p>") and html.endswith("</p>") else html
    assert inline_html.__wrapped__(line) == made
