"""
The timeline (<!-- md:timeline -->): the steps an editor writes as a numbered
list, drawn as a picture beside the list, which stays the text a screen
reader and search read. The picture says what the list says, is readable on a
360 px phone, and prints whole. The specimen's page hyresgast.md has one, with
a long step name and a glossary term in a name.
"""

from __future__ import annotations

import io
import re

import lxml.html
import pytest
from pypdf import PdfReader

from forebygg.timeline.steps import TimelineError, read_steps
from site_actions import visit
from site_build import assert_build_fails

PAGE = {"sv": "/hyresgast/", "en": "/en/hyresgast/"}
# The smallest text WCAG's guidance and the issue accept on a phone, in CSS px.
SMALLEST_TEXT = 12


def built(specimen, path: str):
    return lxml.html.parse(str(specimen.root / path.strip("/") / "index.html")).getroot()


def picture_names(timeline) -> list[str]:
    """Each step's name as the picture writes it: the lines of its <text>, joined."""
    return [
        " ".join(span.text_content() for span in text.iter("{*}tspan", "tspan"))
        for text in timeline.xpath(".//*[local-name()='text'][contains(@class, 'timeline__name')]")
    ]


def list_names(timeline) -> list[str]:
    """Each step's bold name as the list shows it, without a glossary explanation or a closing full stop."""
    names = []
    for item in timeline.xpath(".//ol/li"):
        name = item.xpath(".//strong")[0]
        for tip in name.xpath(".//*[@role='tooltip']"):
            tip.drop_tree()
        names.append(" ".join(name.text_content().split()).removesuffix("."))
    return names


# -----------------------------------------------------------------------------
# What the page holds
# -----------------------------------------------------------------------------


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_picture_names_the_lists_steps_in_order_and_is_hidden_from_screen_readers(specimen, language):
    page = built(specimen, PAGE[language])
    (timeline,) = page.xpath("//div[@class='timeline']")
    source = (specimen.root.parent / "project" / "docs" / language / "hyresgast.md").read_text(
        encoding="utf-8"
    )
    written = [line.split("**")[1].removesuffix(".") for line in source.splitlines() if line[:1].isdigit()]
    assert list_names(timeline) == written
    assert picture_names(timeline) == written
    numbers = timeline.xpath(".//*[local-name()='text'][contains(@class, 'timeline__number')]/text()")
    assert numbers == [str(n) for n in range(1, len(written) + 1)]
    (svg,) = timeline.xpath(".//*[local-name()='svg']")
    assert svg.get("aria-hidden") == "true"
    # The list is an ordered list of the editor's steps, with what follows each name.
    items = timeline.xpath(".//ol/li")
    assert len(items) == len(written)
    assert all(len(item.text_content()) > len(name) for item, name in zip(items, written, strict=True))
    assert "md:timeline" not in lxml.html.tostring(page, encoding="unicode")


@pytest.mark.xdist_group("specimen")
def test_a_glossary_terms_explanation_stays_out_of_the_picture(specimen):
    page = built(specimen, PAGE["sv"])
    (timeline,) = page.xpath("//div[@class='timeline']")
    tips = [" ".join(tip.text_content().split()) for tip in timeline.xpath(".//*[@role='tooltip']")]
    assert tips, "the specimen's timeline has a glossary term in a step's name"
    picture = " ".join(picture_names(timeline))
    assert not [tip for tip in tips if tip in picture]


# -----------------------------------------------------------------------------
# On a phone and on paper
# -----------------------------------------------------------------------------

MEASURE = """() => {
  const svg = document.querySelector('.timeline__picture');
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const texts = [...svg.querySelectorAll('text')].map(text => {
    const own = text.getBoundingClientRect();
    return {
      words: text.textContent,
      px: parseFloat(getComputedStyle(text).fontSize) * scale,
      inside: own.left >= box.left - 0.5 && own.right <= box.right + 0.5
        && own.top >= box.top - 0.5 && own.bottom <= box.bottom + 0.5,
    };
  });
  const root = document.scrollingElement;
  return {texts, sideways: root.scrollWidth > root.clientWidth, width: box.width, visible: box.height > 0};
}"""


@pytest.mark.parametrize("language", ["sv", "en"])
def test_on_a_360_px_phone_the_picture_is_readable_whole_and_the_page_does_not_scroll_sideways(
    browser, specimen_server, language
):
    context = browser.new_context(base_url=specimen_server.origin, viewport={"width": 360, "height": 640})
    page = context.new_page()
    visit(page, PAGE[language])
    measured = page.evaluate(MEASURE)
    context.close()
    assert measured["visible"]
    assert not measured["sideways"]
    small = [f"{t['words']!r}: {t['px']:.1f} px" for t in measured["texts"] if t["px"] < SMALLEST_TEXT]
    assert not small, small
    assert not [t["words"] for t in measured["texts"] if not t["inside"]]


def test_printed_on_a4_the_picture_and_the_list_are_there_and_whole(browser, specimen_server):
    context = browser.new_context(base_url=specimen_server.origin)
    page = context.new_page()
    visit(page, PAGE["sv"])
    page.emulate_media(media="print")
    measured = page.evaluate(MEASURE)
    names = page.evaluate(
        "() => [...document.querySelectorAll('.timeline__name')].map(t => [...t.children].map(s => s.textContent))"
    )
    items = page.locator(".timeline__steps > li").all_inner_texts()
    pdf = page.pdf(format="A4", print_background=False)
    context.close()
    assert measured["visible"] and not [t["words"] for t in measured["texts"] if not t["inside"]]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    # Every line of every name in the picture is on the paper, and every word of the list
    # (a glossary term is drawn in its place, but a PDF's text may hold it elsewhere).
    assert [line for lines in names for line in lines if line not in text] == []
    words = set(re.findall(r"\w+", text))
    assert [word for item in items for word in re.findall(r"\w+", item) if word not in words] == []


# -----------------------------------------------------------------------------
# The editor's steps, and their mistakes
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown, line, message",
    [
        ("<!-- md:timeline -->\n\nFörst det här.\n", 3, "the timeline has no steps"),
        ("<!-- md:timeline -->\n", 1, "the timeline has no steps"),
        (
            "<!-- md:timeline -->\n\n1. **Sen hyra.** Betala.\n2. Uppsagd. Betala.\n",
            4,
            "step 2 does not start",
        ),
        (
            "<!-- md:timeline -->\n\n1. **Sen hyra.** Betala:\n    - hyran\n2. **Uppsagd.** Betala.\n",
            4,
            "step 1 has a list inside it",
        ),
        (
            "<!-- md:timeline -->\n\n1. **Sen hyra.** Betala.\n\nSedan ringer du.\n",
            3,
            "the timeline has one step",
        ),
    ],
)
def test_a_timeline_without_named_steps_is_refused_at_its_line(markdown, line, message):
    with pytest.raises(TimelineError) as refused:
        read_steps(markdown, markdown.index("-->") + 3)
    assert refused.value.message.startswith(message)
    assert markdown.count("\n", 0, refused.value.position) + 1 == line


def test_steps_go_on_over_indented_and_blank_lines_until_the_next_paragraph():
    markdown = (
        "<!-- md:timeline -->\n\n1. **Sen hyra.** Betala\n   så fort du kan.\n\n"
        "2. **Uppsagd.**\n\n   Betala inom tre veckor.\n3. __Kronofogden.__ Svara.\n\nRing socialtjänsten.\n"
    )
    steps = read_steps(markdown, markdown.index("-->") + 3)
    assert [step.name for step in steps] == ["Sen hyra.", "Uppsagd.", "Kronofogden."]


def test_a_step_without_its_name_fails_the_build_with_its_line(tmp_path):
    assert_build_fails(
        "timeline-mistakes",
        tmp_path,
        [
            "docs/sv/hyresgast.md:14: step 2 does not start with its name in bold – begin it with the name "
            "between two pairs of stars, as in 1. **Hyran är sen.** Betala så fort du kan.",
            "docs/sv/hyresgast.md:20: <!-- md:timeline --> shares its line with text",
        ],
    )
