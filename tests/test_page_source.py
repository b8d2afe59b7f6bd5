"""
What an editor writes in a page: its front matter, raw HTML, images and links.

Each mistake fails the build with the line in the editor's own file and how
to fix it (hooks/front_matter.py, hooks/page_html.py, hooks/links.py).
"""

from __future__ import annotations

import lxml.html
import pytest

from site_build import SPECIMEN, assert_build_fails, build, project_with_fixture

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
                "(README: Films)",
                "docs/sv/vad-gor-vi.md:34: the image ../assets/bild.svg has no alt text – "
                "describe it in the brackets: ![What the image shows](../assets/bild.svg), "
                "or mark it decorative with ![](../assets/bild.svg){: .decorative } (README)",
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
        # hooks/links.py stops the build at this page at once: a build of its own.
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


@pytest.mark.xdist_group("unusual-but-right")
def test_a_link_to_the_other_language_leads_to_its_page(unusual_but_right):
    # B27d: before, MkDocs reported docs/en/vad-gor-vi.md, which exists, as not found.
    swedish = (unusual_but_right / "vad-gor-vi" / "index.html").read_text(encoding="utf-8")
    english = (unusual_but_right / "en" / "vad-gor-vi" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../en/vad-gor-vi/">Read in English</a>' in swedish
    assert '<a href="../en/om-webbplatsen/#about">about the site</a>' in swedish
    assert '<a href="../../vad-gor-vi/">På svenska</a>' in english


def test_a_merge_conflict_left_in_a_page_fails_the_build_with_its_line(tmp_path):
    assert_build_fails(
        "merge-conflict",
        tmp_path,
        [
            "docs/sv/vad-gor-vi.md:10: a merge conflict is left in the page (<<<<<<< … ======= … >>>>>>>) – "
            "keep the version you want and delete the marker lines"
        ],
    )
