"""
What an editor writes in a page: its front matter, headings, tables, raw
HTML, images and links, and the menu.

Each mistake fails the build with the line in the editor's own file and how
to fix it (the components front_matter, headings, page_html, links and
settings_file in src/forebygg/), and following the advice
(tests/advice.py) builds the page the editor meant. Tables are laid out
so that they stay readable on a phone (forebygg.tables).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import lxml.html
import pytest

from advice import follow_all
from forebygg.settings_file import settings_problems
from gates import axe_violations
from site_actions import start_material, visit
from site_build import FIXTURES, SPECIMEN, assert_build_fails, build, project_with_fixture
from site_server import served_fixture

# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        # B21c: before, the front matter was published as a heading, without a word.
        (
            "front-matter-colon",
            [
                "docs/sv/vad-gor-vi.md:2: the front matter is not valid YAML",
                'put the text in quotes: description: "Vad gör vi: en översikt av arbetet."',
            ],
        ),
        (
            "front-matter-not-closed",
            [
                "docs/en/vad-gor-vi.md:1: the front matter that starts here is never closed",
            ],
        ),
        ("description-missing", ["docs/en/vad-gor-vi.md:1: the page has no description – add description:"]),
        (
            "description-not-text",
            ["docs/sv/vad-gor-vi.md:3: the description is not a text – put it in quotes"],
        ),
    ],
)
def test_front_matter_must_be_yaml_with_a_description(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_a_misspelt_page_setting_fails_with_its_line_and_the_values_to_write(tmp_path):
    """`survey:` takes only true or false, `readability:` only a level the LIX test knows;
    "nej", a quoted "false" and a Swedish level name would otherwise change nothing, silently."""
    assert_build_fails(
        "page-settings-misspelt",
        tmp_path,
        [
            "docs/sv/vad-gor-vi.md:4: survey is 'nej' – write survey: false",
            "docs/sv/vad-gor-vi.md:5: readability is 'lättläst', which is no reading level – write "
            "readability: plain",
            "readability: easy",
            "docs/en/vad-gor-vi.md:4: survey is 'false' – write survey: false",
            "(without quotes)",
        ],
    )


def test_front_matter_mistakes_in_both_languages_are_named_at_once_before_any_page_is_built(tmp_path):
    """The editor sees every page's mistake in one go, and an English one without waiting for the Swedish build."""
    result = build(project_with_fixture("front-matter-in-both-languages", tmp_path), tmp_path / "site")
    assert result.returncode != 0
    messages = [
        "docs/en/ordlista.md:1: the page has no review date",
        "docs/en/vad-gor-vi.md:1: the front matter that starts here is never closed",
        "docs/sv/vad-gor-vi.md:3: the description is not a text",
    ]
    for message in messages:
        assert message in result.output, result.output
    assert not list((tmp_path / "site").rglob("*.html")), "pages were built before the mistakes were named"


# What an editor cannot see: review 2, finding 19, mistakes 1b and 2b, and variants of each kind.
UNSEEN = "front-matter-unseen-mistakes"


def test_typographic_quotes_tabs_and_invisible_characters_in_front_matter_are_named_with_the_fix(tmp_path):
    assert_build_fails(
        UNSEEN,
        tmp_path,
        [
            # Typographic quotes around a text with a colon: the advice kept them inside the published text.
            "docs/sv/vad-gor-vi.md:2: the front matter is not valid YAML: the text starts with a typographic quote "
            "(”), which YAML does not read as a quote, so the text stops at the colon inside it – write straight "
            'quotes (") around it instead: description: "Vad gör vi: en översikt av arbetet."',
            # English quotes around a text without a colon: YAML reads them, and they were published.
            "docs/en/vad-gor-vi.md:2: the text “What we do, in short.” is in typographic quotes (“…”), which YAML "
            'reads as part of the text, so they would be published – write straight quotes (") around it '
            'instead: description: "What we do, in short."',
            # A tab before a goal: the message said 'write each line as key: value'.
            "docs/sv/lokal-samverkan-starta.md:6: the front matter is not valid YAML: the line is indented with a "
            "tab – YAML indents with spaces only: indent it with 2 spaces, as many as line 5",
            # … and before the first goal, where the line below shows the indent.
            "docs/en/lokal-samverkan-starta.md:5: the front matter is not valid YAML: the line is indented with a "
            "tab – YAML indents with spaces only: indent it with 2 spaces, as many as line 6",
            # A zero-width space before a name: the page seemed to have no review date.
            "docs/en/om-webbplatsen/index.md:3: the name 'reviewed' has a zero-width space (U+200B) at the start, "
            "before 'reviewed' – type the name again without it: reviewed:",
        ],
    )


def test_following_the_front_matter_advice_publishes_what_the_editor_meant(tmp_path):
    project = project_with_fixture(UNSEEN, tmp_path)
    refused = build(project, tmp_path / "site")
    assert len(follow_all(project, refused.output)) == 5, refused.output

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.output
    for language, prefix in (("sv", ""), ("en", "en/")):
        written = _written(FIXTURES / UNSEEN / "docs" / language / "vad-gor-vi.md", "description")[0]
        page = lxml.html.parse(str(tmp_path / "site" / prefix / "vad-gor-vi" / "index.html")).getroot()
        # The text between the typographic quotes, and nothing of them.
        assert page.xpath('//meta[@name="description"]/@content') == [written.strip("”“")]
        goals = _written(FIXTURES / UNSEEN / "docs" / language / "lokal-samverkan-starta.md", "-")
        part = lxml.html.parse(str(tmp_path / "site" / prefix / "lokal-samverkan-starta" / "index.html"))
        assert [
            item.text_content().strip() for item in part.xpath('//ul[@class="course__goals"]/li')
        ] == goals
    # The review date whose name had a zero-width space is read: the page shows it.
    reviewed = _written(FIXTURES / UNSEEN / "docs" / "en" / "om-webbplatsen" / "index.md", "reviewed")[
        0
    ].strip('"')
    about = lxml.html.parse(str(tmp_path / "site" / "en" / "om-webbplatsen" / "index.html"))
    assert about.xpath("//*[contains(@class, 'page-reviewed')]//time/@datetime") == [reviewed]


def _written(path, start: str) -> list[str]:
    """The values of a fixture page's front-matter lines that start with `start` ('description', '-'),
    as the editor wrote them: YAML cannot read every fixture."""
    lines = path.read_text(encoding="utf-8").split("---")[1].split("\n")
    found = [line.lstrip(" \t\u200b") for line in lines]
    return [line[len(start) :].lstrip(":").strip() for line in found if line.startswith(start)]


def test_a_page_and_settings_saved_by_notepad_with_a_bom_and_crlf_are_read_as_written(tmp_path):
    """Review 2, finding 19, mistake 6 was accepted and harmless: the new checks keep it so. Straight
    quotes around a text with ”…” inside, and no-break spaces in numbers, are right too."""
    project = project_with_fixture("notepad-bom-crlf", tmp_path)
    assert settings_problems(project / "mkdocs.yml") == []

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.output
    source = (
        (FIXTURES / "notepad-bom-crlf" / "docs" / "sv" / "vad-gor-vi.md").read_bytes().decode("utf-8-sig")
    )
    assert "\r\n" in source
    description = re.search(r'^description: "(.*)"\r$', source, re.M)[1]
    page = lxml.html.parse(str(tmp_path / "site" / "vad-gor-vi" / "index.html")).getroot()
    assert page.xpath('//meta[@name="description"]/@content') == [description]
    assert page.xpath("//article//h1")[0].text_content() == "Vad gör vi?"
    assert "\ufeff" not in page.xpath("//article")[0].text_content()
    assert set(page.xpath("//*[@data-days]/@data-days")) <= {"30"}


# -----------------------------------------------------------------------------
# Headings
# -----------------------------------------------------------------------------

WHY = "headings go one level down at a time, so that a screen reader's list of headings shows how the page is built"


def test_headings_out_of_order_are_named_with_their_line_and_the_fix(tmp_path):
    # Review 2, finding 19, mistake 7 (## then ####) was published; then a raw HTML heading deeper
    # down that skips one too, and a second # title. A #### in a code block and a ### in an admonition are right.
    result = build(project_with_fixture("heading-order", tmp_path), tmp_path / "site")

    assert result.returncode != 0, result.output
    for expected in [
        f"docs/sv/vad-gor-vi.md:17: the heading '#### Tips' is level 4, right after the level-2 heading on line 9 – "
        f"{WHY} (WCAG 1.3.1): add a level-3 heading between them, or make this one level 3 instead: ### Tips",
        "docs/sv/vad-gor-vi.md:30: the heading '<h5>Checklista</h5>' is level 5, right after the level-3 heading on "
        f"line 28 – {WHY} (WCAG 1.3.1): add a level-4 heading between them, or make this one level 4 instead: "
        "<h4>Checklista</h4>",
        "docs/sv/vad-gor-vi.md:34: a second # title, 'Läs mer' – a page has one # title, its name (line 5), so "
        "that a screen reader's list of headings shows how the page is built (WCAG 1.3.1); make this a heading "
        "of a section instead: ## Läs mer",
    ]:
        assert expected in result.output, result.output
    assert len(re.findall(r"^(?:ERROR +- +)?docs/sv/vad-gor-vi\.md:\d+:", result.output, re.M)) == 3, (
        result.output
    )


def test_following_the_heading_advice_publishes_headings_in_order(tmp_path):
    project = project_with_fixture("heading-order", tmp_path)
    follow_all(project, build(project, tmp_path / "site").output)

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.output
    page = lxml.html.parse(str(tmp_path / "site" / "vad-gor-vi" / "index.html")).getroot()
    levels = [int(h.tag[1]) for h in page.xpath("//article")[0].iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(level <= before + 1 for before, level in zip(levels, levels[1:], strict=False)), levels
    written = (FIXTURES / "heading-order" / "docs" / "sv" / "vad-gor-vi.md").read_text(encoding="utf-8")
    for title in ("Tips", "Checklista", "Läs mer"):
        shown = [h.text_content().replace("\u00ad", "").strip() for h in page.iter("h2", "h3", "h4")]
        assert title in written and title in shown


def test_a_form_counts_as_the_level_3_heading_its_title_is_and_the_self_check_and_boxes_not_at_all():
    from forebygg.headings import heading_problems, headings

    def problems(markdown):
        return heading_problems(headings(markdown, ["attr_list", "md_in_html", "admonition"], {}))

    assert problems("# Avtal\n\n<!-- md:form samtycke -->\n") == [
        (
            3,
            f"the form 'samtycke' shows its title as a level-3 heading, right after the level-1 heading on line 1 – "
            f"{WHY} (WCAG 1.3.1): put the form under a ## heading of its own",
        )
    ]
    assert problems("# Avtal\n\n## Mallar\n\n<!-- md:form samtycke -->\n") == []
    # The self-check's questions become fieldsets; the course and glossary markers make no headings.
    right = "# Del\n\n<!-- md:course -->\n\n<!-- md:glossary -->\n\n<!-- md:self-check -->\n\n#### Fråga\n"
    assert problems(right) == []


# Headings of Latin-script languages: their anchors stay those that Python-Markdown's toc gave them
# before (links across the site and tests/law-anchors.yml name them).
LATIN_HEADINGS = [
    "Så här gör ni",
    "Samtycke åt båda hållen – för er båda",
    "Årlig uppföljning (2026)",
    "Straße, Æble & Øre",
    "Café crème: 3 330 kr",
    "🏠 Inför det första mötet",
    "Ｆｕｌｌ width²",
]


@pytest.mark.parametrize("heading", LATIN_HEADINGS)
def test_a_latin_heading_keeps_the_anchor_python_markdown_gives_it(heading):
    from markdown.extensions.toc import slugify as python_markdown_slugify

    from forebygg.headings import slugify

    assert slugify(heading, "-") == python_markdown_slugify(heading, "-")


@pytest.mark.parametrize(
    "heading, anchor",
    [
        ("أحيانًا يجب علينا تنفيذ الإخلاء", "أحيانًا-يجب-علينا-تنفيذ-الإخلاء"),
        ("ماذا نفعل؟ (٢٠٢٦)", "ماذا-نفعل-٢٠٢٦"),
        ("می‌شود – چه کنیم", "میشود-چه-کنیم"),
        ("ትግርኛ ቋንቋ", "ትግርኛ-ቋንቋ"),
        ("Ελληνικά και English", "ελληνικά-και-english"),
    ],
)
def test_a_heading_in_another_script_gets_its_words_as_anchor(heading, anchor):
    from forebygg.headings import slugify

    assert slugify(heading, "-") == anchor


# -----------------------------------------------------------------------------
# Tables
# -----------------------------------------------------------------------------

PHONE = {"width": 360, "height": 740}
# Each word in a table cell whose letters the browser set on more than one line: "Må/nad".
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('article td, article th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\\-–]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""
PAGE_WIDER_THAN_SCREEN = "() => document.documentElement.scrollWidth > window.innerWidth"


def test_every_table_is_in_a_scroll_box_named_by_its_caption_or_the_heading_above(tmp_path):
    result = build(project_with_fixture("wide-table", tmp_path), tmp_path / "site")
    assert result.returncode == 0, result.output
    page = lxml.html.parse(str(tmp_path / "site" / "vad-gor-vi" / "index.html")).getroot()
    tables = page.xpath("//article//table")
    boxes = [table.getparent() for table in tables]
    assert tables and all(box.get("class") == "table-scroll" for box in boxes)
    assert all(box.get("role") == "region" and box.get("tabindex") == "0" for box in boxes)
    above = [
        # As a reader reads the heading: without the soft hyphens in its long words (forebygg.hyphenation).
        table.xpath("preceding::*[self::h1 or self::h2 or self::h3][1]")[0]
        .text_content()
        .replace("\u00ad", "")
        for table in tables
    ]
    # Two tables under one heading: the second is numbered, as a page's regions need names of their own.
    assert [box.get("aria-label") for box in boxes] == [above[0], above[1], f"{above[2]} (2)"]


@pytest.mark.parametrize(
    "material", [False, True], ids=["before Material's script", "with Material's script"]
)
def test_a_wide_table_keeps_its_words_whole_on_a_phone_in_a_box_the_keyboard_scrolls(
    browser, tmp_path, material
):
    """Review 2, finding 19, mistake 9: cells broke words ("Må/nad", "janu/ari") on a phone."""
    with served_fixture("wide-table", tmp_path) as origin:
        context = browser.new_context(
            base_url=origin, viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True
        )
        page = context.new_page()
        visit(page, "/vad-gor-vi/")
        if material:  # its script wraps each table in a scroll box of its own
            start_material(page)
            page.wait_for_selector(".table-scroll .md-typeset__scrollwrap")
        box = page.locator(".table-scroll").first
        assert page.evaluate(BROKEN_WORDS) == []
        assert not page.evaluate(PAGE_WIDER_THAN_SCREEN)
        assert box.evaluate("box => box.scrollWidth > box.clientWidth"), "the fixture's table should be wider"
        for _ in range(80):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.classList.contains('table-scroll')"):
                break
        else:
            raise AssertionError("Tab never reached the table's box")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => document.activeElement.scrollLeft > 0")
        problems = axe_violations(page, "phone, wide table")
        context.close()
    assert not problems, problems


def test_a_glossary_term_in_a_table_shows_its_whole_explanation(browser, tmp_path):
    """The table's box would cut off an explanation shown below the term: it shows at the window's foot."""
    with served_fixture("wide-table", tmp_path) as origin:
        context = browser.new_context(
            base_url=origin, viewport={"width": 1280, "height": 800}, bypass_csp=True
        )
        page = context.new_page()
        visit(page, "/vad-gor-vi/")
        # Material's script moves each table into a box of its own, which takes focus away: start it first.
        start_material(page)
        page.wait_for_selector(".table-scroll .md-typeset__scrollwrap")
        term = page.locator(".table-scroll .glossary__term").first
        term.focus()
        tip = page.locator(f"#{term.get_attribute('aria-describedby')}")
        tip.wait_for(state="visible")
        shown = tip.evaluate(
            """tip => {
              const r = tip.getBoundingClientRect();
              const inside = r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
              const on_top = tip.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
              return inside && on_top;
            }"""
        )
        context.close()
    assert shown, "the explanation is cut off or covered"


def test_on_a_phone_no_table_on_the_site_breaks_a_word_or_widens_the_page(browser, server):
    with_tables = [
        path
        for path in server.pages()
        if "<table" in (server.root / path.lstrip("/") / "index.html").read_text()
    ]
    context = browser.new_context(base_url=server.origin, viewport=PHONE, is_mobile=True, has_touch=True)
    problems = []
    for path in with_tables:
        page = context.new_page()
        visit(page, path)
        start_material(page)
        problems += [f"{path}: '{word}' is broken" for word in page.evaluate(BROKEN_WORDS)]
        if page.evaluate(PAGE_WIDER_THAN_SCREEN):
            problems.append(f"{path}: the page is wider than the screen")
        page.close()
    context.close()
    assert not problems, problems


# -----------------------------------------------------------------------------
# Raw HTML and images
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        # Every kind of mistake in one page (the build stops at the page's first problem,
        # so they are reported at once): markup shown as code on lines 7 and 10 is text,
        # not a problem.
        (
            "markup-mistakes",
            [
                "docs/sv/vad-gor-vi.md:13: <script> cannot run",
                "docs/sv/vad-gor-vi.md:15: <p onclick=…> cannot run",
                "docs/sv/vad-gor-vi.md:17: <span style=…> has no effect",
                "docs/sv/vad-gor-vi.md:19: <iframe> is not allowed in pages",
                "docs/sv/vad-gor-vi.md:21: <style> has no effect",
                # Written in Markdown: {: style="…" }
                "docs/sv/vad-gor-vi.md:24: <p style=…> has no effect",
                'docs/sv/vad-gor-vi.md:26: the href="javascript:…" of the <a> cannot run',
                "docs/sv/vad-gor-vi.md:28: a pasted YouTube embed code (<iframe>)",
                'write the film as ![type:video](https://www.youtube.com/watch?v=abc123DEF45 "Title"){: files=… } '
                "(EDITING.md: Films)",
                "docs/sv/vad-gor-vi.md:34: the image ../assets/bild.svg has no alt text – "
                "describe it in the brackets: ![What the image shows](../assets/bild.svg), "
                "or mark it decorative with ![](../assets/bild.svg){: .decorative } (EDITING.md: Add an image)",
                "docs/sv/vad-gor-vi.md:36: the image ../../assets/bild.svg has no alt text",
                # B25b: a missing image in raw HTML was published broken.
                "docs/sv/vad-gor-vi.md:40: the image karta.png does not exist",
            ],
        ),
        # In the other language's page: a build of its own, since the first page's problems stop the build.
        (
            "foreign-resources",
            [
                "docs/en/vad-gor-vi.md:9: the <img> loads https://example.com/karta.png from another host",
                "docs/en/vad-gor-vi.md:11: the <link> loads https://cdn.example.com/style.css from another",
            ],
        ),
    ],
)
def test_markup_the_site_would_block_or_break_fails(tmp_path, fixture, expected):
    """Each mistake with its line, and all of a page's mistakes reported at once."""
    assert_build_fails(fixture, tmp_path, expected)


def test_only_the_editors_markup_is_reported(tmp_path):
    result = build(project_with_fixture("raw-html-csp", tmp_path), tmp_path / "site")
    reported = [line for line in result.output.splitlines() if "docs/sv/vad-gor-vi.md:" in line]
    assert len(reported) == 7, result.output


@pytest.mark.xdist_group("unusual-but-right")
def test_the_film_players_own_markup_passes(unusual_but_right):
    # A hosted film's player: a poster with alt="" and the site's own film.js. The fixture's build passed.
    players = (
        lxml.html.parse(str(unusual_but_right / "vad-gor-vi" / "index.html"))
        .getroot()
        .find_class("film__hosted")
    )
    assert len(players) == 2


@pytest.mark.xdist_group("unusual-but-right")
def test_a_decorative_image_is_published_with_empty_alt(unusual_but_right):
    html = (unusual_but_right / "vad-gor-vi" / "index.html").read_text(encoding="utf-8")
    assert '<img alt="" class="decorative" src="../assets/bild.svg"' in html


# -----------------------------------------------------------------------------
# Links and the menu: MkDocs' own messages, with the line and a fix
# -----------------------------------------------------------------------------


# The line of `nav:` in the real mkdocs.yml, counted here as an editor would.
NAV_LINE = (SPECIMEN / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("nav:") + 1


def test_link_and_menu_mistakes_in_several_pages_are_all_reported_at_once_each_with_its_line(tmp_path):
    """MkDocs logs every link and menu mistake of a build, and --strict stops it at the end:
    one build with a mistake of each kind, in both languages, reports each with its line."""
    assert_build_fails(
        "link-mistakes",
        tmp_path,
        [
            "docs/en/vad-gor-vi.md:7: the link 'finns-inte.md' leads to no page: "
            "there is no file docs/en/finns-inte.md",
            # The anchors of the specimen's docs/sv/index.md: its title and its two headings.
            "docs/sv/vad-gor-vi.md:7: the link 'index.md#finns-inte' leads to no heading: "
            "docs/sv/index.md has no anchor '#finns-inte' – use one of its anchors: ",
            "#det-har-finns-pa-sajten, #forebygg-vrakningar-tillsammans, #siffrorna,",
            "å, ä and ö written a, a and o",
            # B25: MkDocs named the file only.
            "docs/sv/vad-gor-vi.md:11: the image 'karta.png' does not exist: there is no file docs/sv/karta.png",
            # B27c: MkDocs suggested '../om-webbplatsen/kontakt.md'.
            "docs/sv/vad-gor-vi.md:13: the link '/om-webbplatsen/kontakt/' starts with / – link to the file, "
            "as seen from this file: 'om-webbplatsen/kontakt.md'",
            "docs/sv/vad-gor-vi.md:15: the link '/assets/rapport.pdf' starts with / – link to the file, "
            "as seen from this file: '../assets/rapport.pdf'",
            # B27e: MkDocs' suggestion was right; it lacked the line.
            "docs/sv/vad-gor-vi.md:17: the link 'om-webbplatsen/kontakt/' is not a file – link to "
            "the page's .md file: 'om-webbplatsen/kontakt.md'",
            'docs/sv/utanfor-menyn.md:1: the page is not included in the "nav" menu – add '
            f"'utanfor-menyn.md' under nav: in mkdocs.yml (line {NAV_LINE})",
            'docs/en/utanfor-menyn.md:1: the page is not included in the "nav" menu – add '
            f"'utanfor-menyn.md' under nav: in mkdocs.yml (line {NAV_LINE})",
        ],
    )


@pytest.mark.parametrize(
    "fixture, expected",
    [
        # A menu of its own (the line of nav: in the real mkdocs.yml is checked above).
        (
            "nav-missing-page",
            [
                "mkdocs.yml:6: the menu (nav:) lists 'lokal-samverkan-startaa.md', but there is no "
                "file docs/sv/lokal-samverkan-startaa.md"
            ],
        ),
        # forebygg.links stops the build at this page at once: a build of its own.
        (
            "other-language-link-missing",
            [
                "docs/sv/vad-gor-vi.md:9: the link '../en/finns-inte.md' leads to no page in the other language: "
                "there is no file docs/en/finns-inte.md",
            ],
        ),
    ],
)
def test_link_and_menu_messages_name_the_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_a_page_listed_twice_in_the_menu_is_named_at_each_line(tmp_path):
    # MkDocs published both entries without a word; here once beside its section, and once
    # written another way (./) with a title of its own.
    assert_build_fails(
        "nav-page-twice",
        tmp_path,
        [
            f"mkdocs.yml:{line}: the menu (nav:) lists the page '{page}' more than once: here and on line {other} – "
            "a page has one place in the menu: delete the line where it does not belong"
            for line, page, other in [
                (8, "vad-gor-vi.md", 13),
                (9, "om-webbplatsen/kontakt.md", 12),
                (12, "om-webbplatsen/kontakt.md", 9),
                (13, "./vad-gor-vi.md", 8),
            ]
        ],
    )


def test_deleting_the_second_entry_of_a_page_listed_twice_builds_a_menu_with_it_once(tmp_path):
    project = project_with_fixture("nav-page-twice", tmp_path)
    refused = build(project, tmp_path / "site")
    config = project / "mkdocs.yml"
    pairs = re.findall(r"mkdocs\.yml:(\d+): the menu \(nav:\) .* here and on line (\d+)", refused.output)
    # The editor keeps each page where it was first, and deletes the later line.
    later = {int(line) for line, other in pairs if int(other) < int(line)}
    lines = config.read_text(encoding="utf-8").split("\n")
    config.write_text("\n".join(t for n, t in enumerate(lines, 1) if n not in later), encoding="utf-8")

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.output
    menu = lxml.html.parse(str(tmp_path / "site" / "index.html")).xpath(
        "//nav[contains(@class, 'md-nav--primary')]"
    )
    links = [link.get("href") for link in menu[0].iter("a") if link.get("href")]
    for page in ("vad-gor-vi/", "om-webbplatsen/kontakt/"):
        assert sum(href.endswith(page) for href in links) == 1, links


@pytest.mark.xdist_group("unusual-but-right")
def test_a_link_to_the_other_language_leads_to_its_page(unusual_but_right):
    # B27d: before, MkDocs reported docs/en/vad-gor-vi.md, which exists, as not found.
    swedish = (unusual_but_right / "vad-gor-vi" / "index.html").read_text(encoding="utf-8")
    english = (unusual_but_right / "en" / "vad-gor-vi" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../en/vad-gor-vi/">Read in English</a>' in swedish
    assert '<a href="../en/om-webbplatsen/#about">about the site</a>' in swedish
    assert '<a href="../../vad-gor-vi/">På svenska</a>' in english


# Review 2, finding 19, mistake 4: "ls shows a file that looks identical". And other names that look right.
LOOK_ALIKE = "file-name-unseen-characters"


def test_a_link_image_or_menu_entry_that_differs_by_an_invisible_character_says_which_and_where(tmp_path):
    assert_build_fails(
        LOOK_ALIKE,
        tmp_path,
        [
            "docs/sv/vad-gor-vi.md:7: the image '../assets/images/mötesbord 2.png' leads to no file: there is no "
            "file docs/assets/images/mötesbord 2.png, only docs/assets/images/mötesbord 2.png, which looks the "
            "same: the name mötesbord 2.png has a no-break space (U+00A0) after 'mötesbord' – rename it, typing "
            "the space again",
            "docs/sv/vad-gor-vi.md:9: the link 'om-webbplatsen/\u200bkontakt.md' leads to no file: there is no file "
            "docs/sv/om-webbplatsen/\u200bkontakt.md, only docs/sv/om-webbplatsen/kontakt.md, which looks the same: "
            "the link has a zero-width space (U+200B) after 'om-webbplatsen/' – delete it",
            "docs/sv/vad-gor-vi.md:9: the link '#las-\u00admer' leads to no heading: the anchor '#las-mer' has a "
            "soft hyphen (U+00AD) after 'las-' – delete it, so that it reads #las-mer",
            "mkdocs.yml:9: the menu (nav:) lists 'om-webbplatsen/kontakt\u2060.md', which is no page: there is no "
            "file docs/sv/om-webbplatsen/kontakt\u2060.md, only docs/sv/om-webbplatsen/kontakt.md, which looks the "
            "same: the menu entry has a word joiner (U+2060) after 'kontakt' – delete it",
            # An address copied from somewhere with a zero-width space in it: the link led elsewhere, silently.
            "docs/en/vad-gor-vi.md:7: the link 'https://www.example.org/\u200bevictions' has a zero-width space "
            "(U+200B) after 'www.example.org/', so it leads elsewhere than it seems – delete it",
            # Saved on a Mac: ö as o and a mark above it.
            "docs/en/vad-gor-vi.md:9: the image ../../assets/images/mötesplatsen.png does not exist: there is no "
            "file docs/assets/images/mötesplatsen.png, only docs/assets/images/mötesplatsen.png, which looks the "
            "same: the name mo\u0308tesplatsen.png writes a letter such as å, ä or ö as two characters",
        ],
    )


def test_following_the_advice_on_invisible_characters_publishes_the_images_and_links(tmp_path):
    project = project_with_fixture(LOOK_ALIKE, tmp_path)
    refused = build(project, tmp_path / "site")
    follow_all(project, refused.output)

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.output
    site = tmp_path / "site"
    for page in ("vad-gor-vi", "en/vad-gor-vi"):
        html = lxml.html.parse(str(site / page / "index.html")).getroot()
        for image in html.xpath("//article//img"):
            assert (site / page / unquote(image.get("src"))).resolve().is_file(), image.get("src")
    swedish = lxml.html.parse(str(site / "vad-gor-vi" / "index.html")).getroot()
    assert len(swedish.xpath("//article//img")) == 1
    links = swedish.xpath("//article//p/a/@href")
    assert "../om-webbplatsen/kontakt/" in links and "#las-mer" in links, links
    menu = swedish.xpath("//nav[contains(@class, 'md-nav--primary')]//a/@href")
    assert "../om-webbplatsen/kontakt/" in menu, menu
    english = lxml.html.parse(str(site / "en" / "vad-gor-vi" / "index.html")).getroot()
    assert "https://www.example.org/evictions" in english.xpath("//article//p/a/@href")


def test_a_merge_conflict_left_in_a_page_fails_the_build_with_its_line(tmp_path):
    assert_build_fails(
        "merge-conflict",
        tmp_path,
        [
            "docs/sv/vad-gor-vi.md:10: a merge conflict is left in the page (<<<<<<< … ======= … >>>>>>>) – "
            "keep the version you want and delete the marker lines"
        ],
    )
