"""
The template forms on the site: example, downloads, and fill in on screen.

tests/test_form_documents.py tests the documents themselves; these tests
check what a reader gets from the built site.
"""

from __future__ import annotations

import io
import re

import lxml.html
import pytest
from mkdocs.utils import yaml_load
from pypdf import PdfReader

from forebygg.form_documents import parse_template
from site_build import PROJECT, SPECIMEN, assert_build_fails, languages

CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
DEFAULT = languages(CONFIG)[0]["locale"]
FIELD_LINE = re.compile(r"^_{3,} (.+?)(?: \{(\w+)\})?\s*$", re.M)
# Every template of the project, in every language: (language, form id).
FORMS = sorted((path.parent.name, path.stem) for path in (PROJECT / "forms").glob("*/*.md"))
# The specimen's forms, and the page that shows them.
PAGES = {"sv": "/avtal-och-samtycke/", "en": "/en/avtal-och-samtycke/"}


def spoken_labels(language: str, form_id: str, forms=PROJECT / "forms") -> list[tuple[str, str]]:
    """Each blank's (name for a screen reader, type): 'Heading: Label' under a heading right above it."""
    names, heading = [], ""
    for line in (forms / language / f"{form_id}.md").read_text(encoding="utf-8").splitlines():
        if match := FIELD_LINE.match(line):
            label = f"{heading}: {match.group(1)}" if heading else match.group(1)
            names.append((label, match.group(2) or "text"))
        elif line.startswith("## "):
            heading = line[3:].strip()
        elif line.strip():
            heading = ""
    return names


def source(language: str, form_id: str, forms=PROJECT / "forms") -> tuple[str, list[str], str]:
    """The template's download name, its blanks' labels, and its title, read from forms/."""
    text = (forms / language / f"{form_id}.md").read_text(encoding="utf-8")
    file = re.search(r"^file:\s*(\S+)", text, re.M).group(1)
    title = re.search(r"^# (.+)$", text, re.M).group(1).strip()
    return file, [m.group(1) for m in FIELD_LINE.finditer(text)], title


def prefix(language: str) -> str:
    return "" if language == DEFAULT else f"{language}/"


def without_spaces_and_hyphens(text: str) -> str:
    return re.sub(r"[\s\u00ad\u2010-]", "", text)


def heading_text(element, path: str) -> str:
    """A heading's text as a reader reads it: without the soft hyphens where a long word may break."""
    return element.xpath(f"string({path})").replace("\u00ad", "")


def is_leaflet(language: str, form_id: str) -> bool:
    """Whether the template is a leaflet (`leaflet: true`): shown as its title and downloads."""
    return parse_template(PROJECT / "forms" / language / f"{form_id}.md", PROJECT).leaflet


def examples_titled(site, language: str, title: str, leaflet: bool = False) -> list[tuple[str, object]]:
    """(the page's path, the example) for each example of a form with this title in the language's pages;
    with `leaflet`, each leaflet's box (its title, description and downloads)."""
    found = []
    for path in sorted((site.root / prefix(language)).rglob("index.html")):
        relative = path.relative_to(site.root).as_posix()
        if language == DEFAULT and any(relative.startswith(p) for p in _other_prefixes()):
            continue
        page = lxml.html.parse(str(path)).getroot()
        if leaflet:
            boxes = page.find_class("form-example--leaflet")
            found += [(path.parent, e) for e in boxes if e.xpath("string(.//p/strong)") == title]
        else:
            found += [
                (path.parent, e) for e in page.find_class("form-example") if heading_text(e, ".//h3") == title
            ]
    return found


def _other_prefixes() -> list[str]:
    return [f"{language}/" for language, _ in FORMS if language != DEFAULT]


@pytest.mark.parametrize("language, form_id", FORMS)
def test_the_page_shows_the_example_and_downloads_with_format_and_size(site, language, form_id):
    """Every form of the project, wherever a page shows it; a leaflet as its title and downloads,
    the PDF to print first (tests/test_leaflet.py)."""
    file, labels, title = source(language, form_id)
    leaflet = is_leaflet(language, form_id)
    examples = examples_titled(site, language, title, leaflet)
    assert len(examples) >= 1, f"no {'leaflet' if leaflet else 'example'} titled {title!r}"
    formats = ["pdf", "odt", "docx"] if leaflet else ["docx", "odt", "pdf"]
    for folder, example in examples:
        if not leaflet:
            assert [
                label.text_content() for label in example.find_class("form-example__field-label")
            ] == labels

        links = example.xpath('.//ul[@class="form-example__downloads"]/li')
        assert len(links) == 3
        for item, extension in zip(links, formats, strict=True):
            published = (folder / item.find("a").get("href")).resolve()
            assert published.name == f"{file}.{extension}"
            size = re.search(rf"\({extension.upper()}, (\d+)\u00a0kB\)", item.text_content())
            assert size, item.text_content()
            assert abs(int(size.group(1)) * 1000 - published.stat().st_size) <= 500

        fill_in = example.xpath('.//p[@class="form-example__fill-in"]/a/@href')
        if leaflet and not labels:  # nothing to fill in
            assert not fill_in
        else:
            assert (folder / fill_in[0]).resolve().name == f"{file}.html"


@pytest.mark.parametrize("language, form_id", FORMS)
def test_the_published_pdf_has_a_labelled_field_for_every_blank(site, language, form_id):
    file, labels, _ = source(language, form_id)
    reader = PdfReader(site.root / f"{prefix(language)}forms/{file}.pdf")
    fields = reader.get_fields()
    assert len(fields) == len(labels)
    expected = sorted(name for name, _ in spoken_labels(language, form_id))
    assert sorted(f.get("/TU") for f in fields.values()) == expected
    assert str(reader.trailer["/Root"]["/Lang"]).split("-")[0] == language


# -----------------------------------------------------------------------------
# Fill in on screen
# -----------------------------------------------------------------------------

VALID = "19811218-9876"  # the Tax Agency's example number: its check digit is right


def fill_in(page, language: str, form_id: str, forms=PROJECT / "forms") -> dict[str, str]:
    """Type a value into each blank (a signature is signed by hand on paper); what was typed, by label."""
    typed = {}
    for label, kind in spoken_labels(language, form_id, forms):
        field = page.get_by_label(label, exact=True)
        if kind != "signature":
            values = {"personnummer": VALID, "number": f"{4711 + len(typed)}"}
            value = values.get(kind, f"Prov {len(typed) + 1} Åsa")
            field.fill(value)
            typed[label] = value
        else:
            assert field.count() == 0
    page.keyboard.press("Tab")
    return typed


def printed_text(page) -> tuple[str, int]:
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    return " ".join(" ".join(p.extract_text() for p in pdf.pages).split()), len(pdf.pages)  # a title wraps


@pytest.mark.parametrize("language, form_id", FORMS)
def test_a_filled_in_form_prints_with_what_was_typed_and_sends_nothing(browser, server, language, form_id):
    """Every form of the project, filled in on screen and printed."""
    file, _, title = source(language, form_id)
    context = browser.new_context(base_url=server.origin)
    page = context.new_page()
    page.goto(f"/{prefix(language)}forms/{file}.html")
    assert page.locator("html").get_attribute("lang") == language
    requests = []
    page.on("request", lambda request: requests.append(request.url))

    typed = fill_in(page, language, form_id)
    printed, _ = printed_text(page)
    for value in typed.values():
        assert value in printed, f"{value!r} is not on the printout"
    # Chromium writes each soft hyphen in the title (forebygg.hyphenation) as a space glyph marked
    # with its real text, U+00AD (ActualText), and a hyphen where the title broke; pypdf reads the
    # glyphs, so the title is looked for without spaces and hyphens.
    assert without_spaces_and_hyphens(title) in without_spaces_and_hyphens(printed)

    assert requests == [], f"typing sent requests: {requests}"
    storage = page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    context.close()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_short_form_prints_on_one_page_without_the_sites_links(browser, specimen_server, language):
    """The specimen's letter of intent: a page to sign, with nothing of the site's screen around it."""
    forms = SPECIMEN / "forms"
    file, _, title = source(language, "avsiktsforklaring", forms)
    context = browser.new_context(base_url=specimen_server.origin)
    page = context.new_page()
    page.goto(f"/{'' if language == 'sv' else 'en/'}forms/{file}.html")
    back_link = page.locator(".form-fill__header a").inner_text()
    fill_in(page, language, "avsiktsforklaring", forms)
    printed, pages = printed_text(page)
    assert without_spaces_and_hyphens(title) in without_spaces_and_hyphens(printed)
    assert pages == 1
    assert back_link not in printed, "the site's links were printed"
    context.close()


# The width of an A4 page inside the fill-in page's print margins (210 mm less 2 × 20 mm,
# overrides/form-fill.html's @page) in CSS pixels: print emulation lays the page out at
# the window's width.
PRINTED_WIDTH = round((210 - 2 * 20) / 25.4 * 96)
# For each typed blank: what is drawn in its place (the visible field, or the copy of its
# value), its text, and whether it shows all of it: nothing cut off inside its box, and
# the box inside the page.
DRAWN = """() => [...document.querySelectorAll('.form-fill__field')]
  .filter(li => li.querySelector('.form-fill__input'))
  .map(li => ({
    id: li.querySelector('.form-fill__input').id,
    label: li.querySelector('label').textContent,
    drawn: [...li.querySelectorAll('.form-fill__input, .form-fill__printed')]
      .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
      .map(el => {
        const box = el.getBoundingClientRect();
        return {
          tag: el.tagName,
          text: 'value' in el ? el.value : el.textContent,
          cutOff: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
          outside: box.left < 0 || box.right > innerWidth + 0.5,
        };
      }),
  }))"""


def long_answer(label: str, length: int = 300) -> str:
    """A realistic long answer of `length` characters, its end marked, so a cut-off end shows."""
    words = f"{label} och det som hör till, enligt vad vi har kommit överens om".split()
    text = ""
    while len(text) < length - 10:
        text += words[len(text.split()) % len(words)] + " "
    return (text + "slutet.").ljust(length, ".")[:length]


@pytest.mark.parametrize("language", sorted({language for language, _ in FORMS}))
def test_a_long_answer_is_shown_whole_while_it_is_typed_and_printed_whole(browser, server, language):
    """Every form of the project, in every language: a 300-character answer in each blank."""
    context = browser.new_context(base_url=server.origin, viewport={"width": PRINTED_WIDTH, "height": 900})
    page = context.new_page()
    problems = []
    for path in [p for p in server.fill_in_pages() if p.startswith(f"/{prefix(language)}forms/")]:
        page.goto(path)
        page.emulate_media(media="screen")
        answers = {}
        for field in page.locator(".form-fill__input").all():
            label = page.locator(f"label[for='{field.get_attribute('id')}']").text_content()
            answers[field.get_attribute("id")] = long_answer(label)
            before = field.bounding_box()["height"]
            field.fill(answers[field.get_attribute("id")])
            free_text = field.evaluate("el => el.closest('.form-fill__field--text') !== null")
            if free_text and field.evaluate(
                "el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1"
            ):
                problems.append(f"{path}: {label!r}: on screen the field hides part of a long answer")
            elif free_text and field.bounding_box()["height"] <= before:
                problems.append(f"{path}: {label!r}: the field did not grow with a long answer")
        page.keyboard.press("Tab")
        page.emulate_media(media="print")
        for blank in page.evaluate(DRAWN):
            where = f"{path}: {blank['label']!r} on paper"
            if len(blank["drawn"]) != 1:
                problems.append(f"{where}: {len(blank['drawn'])} elements drawn, not one")
                continue
            drawn = blank["drawn"][0]
            if drawn["text"] != answers[blank["id"]]:
                problems.append(f"{where}: the {drawn['tag']} holds {drawn['text']!r}")
            if drawn["cutOff"] or drawn["outside"]:
                problems.append(f"{where}: the {drawn['tag']} cuts the answer off at its edge")
    context.close()
    assert not problems, "long answers:\n" + "\n".join(problems)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_partys_date_and_name_have_their_own_name_for_a_screen_reader(
    browser, specimen_server, language
):
    """The specimen's letter of intent: two parties, each with a heading above its date and name."""
    forms = SPECIMEN / "forms"
    file, _, _ = source(language, "avsiktsforklaring", forms)
    blanks = [
        (label.split(": "), kind) for label, kind in spoken_labels(language, "avsiktsforklaring", forms)
    ]
    parties = list(dict.fromkeys(name[0] for name, _ in blanks if len(name) == 2))
    first = [(name[1], kind) for name, kind in blanks if name[0] == parties[0]]
    date = next(label for label, kind in first if kind == "date")
    name = next(label for label, kind in reversed(first) if kind == "text")
    assert len(parties) == 2
    context = browser.new_context(base_url=specimen_server.origin)
    page = context.new_page()
    page.goto(f"/{'' if language == 'sv' else 'en/'}forms/{file}.html")
    assert page.get_by_label(date, exact=True).count() == 0, f"two fields called only {date!r}"
    for party in parties:
        group = page.get_by_role("group", name=party, exact=True)
        for label in (date, name):
            field = group.get_by_label(f"{party}: {label}", exact=True)
            assert field.count() == 1
            field.fill(f"{party} {label}")
        assert group.locator(".form-fill__line").count() == 1, "no line to sign on"
    # Seen, the label is only the date's: the party's name in it is heard, not shown (1 px, clipped).
    label = page.get_by_role("group", name=parties[0], exact=True).locator("label").first
    heard_only = label.locator("span").bounding_box()
    assert heard_only["width"] <= 1 and heard_only["height"] <= 1
    assert label.bounding_box()["width"] > 10
    context.close()


@pytest.mark.parametrize(
    "language, value, message_key",
    [
        ("sv", "19811218-9875", "error_checksum"),
        ("en", "19811218-9875", "error_checksum"),
        ("sv", "19811318-9876", "error_date"),
        ("sv", "1981-12-18", "error_format"),
    ],
)
def test_a_wrong_personnummer_is_explained_next_to_the_field(
    browser, specimen_server, language, value, message_key
):
    messages = CONFIG["extra"]["text"]["form"]
    file, _, _ = source(language, "samtycke", SPECIMEN / "forms")
    context = browser.new_context(base_url=specimen_server.origin)
    page = context.new_page()
    page.goto(f"/{'' if language == 'sv' else 'en/'}forms/{file}.html")
    field = page.locator("input[data-check=personnummer]")
    field.fill(value)
    page.keyboard.press("Tab")
    error = page.locator(f"#{field.get_attribute('id')}-error")
    assert error.is_visible()
    assert error.inner_text() == messages[message_key][language]
    assert field.input_value() == value, "what was typed was lost"
    assert field.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in field.get_attribute("aria-describedby").split()

    field.fill(VALID)
    page.keyboard.press("Tab")
    assert not error.is_visible()
    assert field.get_attribute("aria-invalid") is None
    context.close()


# -----------------------------------------------------------------------------
# Bad input from an editor
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("form-unknown-marker", ["docs/sv/avtal-och-samtycke.md:", "there is no form 'samtyke'"]),
        (
            "form-one-language-only",
            ["forms/sv/hyresavtal.md:1:", "no English version forms/en/hyresavtal.md"],
        ),
        ("form-unknown-field-type", ["forms/en/samtycke.md:", "unknown field type 'datum'"]),
        ("form-not-shown", ["WARNING", "forms/en/samtycke.md: no page shows this form"]),
        (
            "form-same-label-twice",
            ["forms/sv/avsiktsforklaring.md:33:", "a second blank 'Datum' (the first is on line 25)"],
        ),
    ],
)
def test_a_broken_form_fails_the_build_naming_file_and_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


@pytest.mark.xdist_group("unusual-but-right")
def test_quotes_angle_brackets_and_ampersands_in_a_form_are_shown_as_written(unusual_but_right):
    # The fixture's consent form has 'Samtycke "A<B" & C' as its title and in a label.
    title, label = 'Samtycke "A<B" & C', 'Hyresvärd "A<B" & C'
    site = unusual_but_right

    page = lxml.html.parse(str(site / PAGES["sv"].lstrip("/") / "index.html")).getroot()
    examples = [e for e in page.find_class("form-example") if heading_text(e, ".//h3") == title]
    assert len(examples) == 1, f"no example titled {title!r}"
    assert label in [e.text_content() for e in examples[0].find_class("form-example__field-label")]
    downloads = [a.text_content() for a in examples[0].xpath('.//ul[@class="form-example__downloads"]//a')]
    assert all(text.startswith(f"{title} – ") for text in downloads), downloads

    fill_in = lxml.html.parse(str(site / "forms" / "samtycke.html")).getroot()
    assert fill_in.findtext(".//title").startswith(f"{title} – ")
    assert title in fill_in.xpath('string(//meta[@name="description"]/@content)')
    assert heading_text(fill_in, ".//h1") == title
    assert [e.text_content() for e in fill_in.find_class("form-fill__label")][0] == label
