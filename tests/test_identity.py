"""
The authority's identity from mkdocs.yml: colour, logo, favicon, footer links, headings.

On the specimen (tests/specimen/mkdocs.yml): a colour that is not the style
sheet's default, so a header that ignored the setting would be seen.
"""

from __future__ import annotations

import lxml.etree
import pytest
from mkdocs.utils import yaml_load

from forebygg.identity import inline_svg
from site_actions import visit
from site_build import PROJECT, SPECIMEN, assert_build_fails, specimen_config

ORGANISATION = specimen_config()["extra"]["organisation"]
FOOTER = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))["extra"]["text"]["footer"]


def test_the_header_has_the_configured_colour_and_logo(specimen_page):
    page = specimen_page
    visit(page, "/")
    assert ORGANISATION["colour"] == "#5b2a52", "the specimen's colour, not the style sheet's default"
    assert (
        page.locator(".md-header").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(91, 42, 82)"
    )
    # An SVG logo is written into the page, one request fewer before it is drawn: the header
    # shows the configured file's drawing.
    assert ORGANISATION["logo"].endswith(".svg")
    drawing = lxml.etree.parse(str(SPECIMEN / "docs" / ORGANISATION["logo"])).find("{*}path").get("d")
    assert page.locator(".md-header .md-logo svg path").get_attribute("d") == drawing
    assert not page.locator(".md-header .md-logo img").count()


DRAWING = '<path fill="#fff" d="M0 0h24v24H0z"/>'


@pytest.mark.parametrize(
    "name, text, inline",
    [
        ("logo.svg", f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">{DRAWING}</svg>', True),
        # The CSP blocks a style or script written into the page; the logo is on it twice (header, menu).
        (
            "logo.svg",
            f'<svg xmlns="http://www.w3.org/2000/svg"><style>path{{fill:red}}</style>{DRAWING}</svg>',
            False,
        ),
        (
            "logo.svg",
            f'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>{DRAWING}</svg>',
            False,
        ),
        ("logo.svg", f'<svg xmlns="http://www.w3.org/2000/svg"><g id="a">{DRAWING}</g></svg>', False),
        ("logo.svg", f'<svg xmlns="http://www.w3.org/2000/svg" style="color:red">{DRAWING}</svg>', False),
        ("logo.svg", f'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">{DRAWING}</svg>', False),
        ("logo.svg", "<svg", False),
        ("logo.png", "not an SVG", False),
    ],
    ids=["plain", "style", "script", "id", "style attribute", "event handler", "broken", "png"],
)
def test_only_an_svg_logo_the_page_can_carry_is_written_into_it(tmp_path, name, text, inline):
    (tmp_path / name).write_text(text, encoding="utf-8")
    markup = inline_svg(tmp_path / name)
    assert (markup is not None) == inline
    if inline:
        assert markup.startswith("<svg") and DRAWING in markup


def test_every_page_and_fill_in_page_has_an_icon(specimen_page, specimen_server):
    page = specimen_page
    for path in ["/", "/en/vad-gor-vi/", specimen_server.fill_in_pages()[0]]:
        responses: list[tuple[str, int]] = []
        page.on("response", lambda response, seen=responses: seen.append((response.url, response.status)))
        visit(page, path) if not path.endswith(".html") else page.goto(path)
        page.wait_for_load_state("networkidle")
        icon = page.request.get("/favicon.ico")
        assert icon.ok and icon.body()[:4] == b"\x00\x00\x01\x00", "not an icon file"
        assert [url for url, status in responses if status == 404] == []


def test_a_colour_too_light_for_white_text_fails_the_build_with_its_line(tmp_path):
    assert_build_fails(
        "organisation-colour-too-light",
        tmp_path,
        [
            "mkdocs.yml:4: extra.organisation.colour #7fa7d9 is too light for the white text on it (2.5:1, at least "
            "4.5:1 is needed) – choose a darker colour",
        ],
    )


def test_the_footer_links_to_accessibility_privacy_and_contact_in_the_page_language(specimen_page):
    page = specimen_page
    for path, prefix, language in [("/vad-gor-vi/", "/", "sv"), ("/en/vad-gor-vi/", "/en/", "en")]:
        visit(page, path)
        links = page.locator(".md-footer .site-footer__links a")
        assert links.all_inner_texts() == [
            FOOTER[key][language] for key in ("accessibility", "privacy", "contact")
        ]
        targets = [
            page.evaluate("a => new URL(a.href).pathname", links.nth(i).element_handle()) for i in range(3)
        ]
        for target in targets:
            assert target.startswith(prefix + "om-webbplatsen/")
            assert page.request.get(target).ok, target


def test_every_fill_in_page_has_the_footer_links_of_the_other_pages_of_its_language(page, server):
    """Every form's fill-in page, in every language, against its language's start page."""
    footer_links = """() => [...document.querySelectorAll('footer .site-footer__links a')]
        .map(a => [a.textContent.trim(), new URL(a.href).pathname])"""
    expected = {}
    for path in server.fill_in_pages():
        start = path.split("forms/")[0]  # '/' or '/en/': the fill-in page's language folder
        if start not in expected:
            visit(page, start)
            expected[start] = page.evaluate(footer_links)
            assert expected[start], f"{start} has no footer links"
        page.goto(path)
        assert page.evaluate(footer_links) == expected[start], path
        assert page.locator("footer .site-footer__links a").first.is_visible(), path


def test_the_page_title_is_the_strongest_heading(specimen_page):
    page = specimen_page
    visit(page, "/vad-gor-vi/")
    style = "el => [parseFloat(getComputedStyle(el).fontSize), getComputedStyle(el).fontWeight]"
    h1_size, h1_weight = page.locator("h1").evaluate(style)
    h2_size, _ = page.locator("h2").first.evaluate(style)
    assert h1_size > h2_size
    assert int(h1_weight) >= 700


@pytest.mark.xdist_group("specimen")
def test_e_mail_and_phone_in_running_text_are_links_to_write_and_call(specimen):
    """The specimen's phone is written from inside Sweden, 08-…: called from anywhere as +46 8 …."""
    assert ORGANISATION["phone"] == "08-465 004 00"
    for contact in ["om-webbplatsen/kontakt/index.html", "en/om-webbplatsen/kontakt/index.html"]:
        text = (specimen.root / contact).read_text("utf-8")
        email = ORGANISATION["email"]
        assert f'<a href="mailto:{email}">{email}</a>' in text
        assert '<a href="tel:+46846500400">08-465 004 00</a>' in text
