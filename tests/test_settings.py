"""
The settings in mkdocs.yml: read as the editor meant them, and shown in the
pages exactly as written. A mistake that cannot be seen (a tab, typographic
quotes, an invisible character) is named by `make build` before MkDocs reads
the file, and following the advice builds what the editor meant.
"""

from __future__ import annotations

import re

import lxml.html
import pytest
import yaml

from advice import follow_all
from site_build import FIXTURES, assert_build_fails, build, make_build, project_with_fixture


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "extra-values-misread",
            [
                "mkdocs.yml:5: extra.organisation.name.sv is no, which YAML reads as true or false, not as text"
                ' – put it in quotes: sv: "no"',
                "mkdocs.yml:7: extra.organisation.phone is 0701234567, which YAML reads as a number, not as text"
                ' – put it in quotes: phone: "0701234567"',
                "mkdocs.yml:9: extra.organisation.address.sv is empty – write its text after the colon, in quotes",
                "mkdocs.yml:12: extra.accessibility.assessed is 2026-11-25, which YAML reads as a date, not as text"
                ' – put it in quotes: assessed: "2026-11-25"',
                "mkdocs.yml:13: extra.accessibility.updated is 1.10, which YAML reads as a number, not as text"
                ' – put it in quotes: updated: "1.10"',
                "mkdocs.yml:15: extra.survey.version is empty – give it a value",
                "mkdocs.yml:16: extra.survey.hide_days is '90', not a whole number – write one without quotes",
                "mkdocs.yml:17: extra.survey.enabled is 'nej', not true or false"
                " – write enabled: true or enabled: false",
                "mkdocs.yml:20: the name no under extra.text.survey is read as true or false"
                ' – put it in quotes: "no":',
            ],
        ),
        (
            "extra-addresses-malformed",
            [
                "mkdocs.yml:4: extra.organisation.email is 'registrator(at)myndigheten.se', which is not an e-mail"
                " address – write it as name@myndigheten.se",
                "mkdocs.yml:7: extra.survey.url.sv is 'https://enkat.myndigheten.se/vräkningar sv',"
                " which is not a web address – write it whole, starting with https://, with no spaces or quotes",
                "mkdocs.yml:8: extra.survey.url.en is 'https://enkat.myndigheten.se/en\" onmouseover=\"alert(1)',",
            ],
        ),
    ],
)
def test_a_setting_read_as_something_else_fails_with_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


# What an editor cannot see in mkdocs.yml: review 2, finding 19, mistake 2 (a tab in nav:), and variants.
# MkDocs reads mkdocs.yml before any plugin, so `make build` checks it first.
UNSEEN = {
    "settings-tab": [
        # Was PyYAML's "found character '\\t' that cannot start any token", with no word of a tab.
        "mkdocs.yml:8: the settings are not valid YAML: the line is indented with a tab – YAML indents with "
        "spaces only: indent it with 2 spaces, as many as line 7",
        "mkdocs.yml:13: the settings are not valid YAML: there is a tab after 'hide_days:' – YAML allows only "
        "spaces there: replace the tab with a space",
    ],
    "settings-typographic-quote-colon": [
        "mkdocs.yml:12: the settings are not valid YAML: the text starts with a typographic quote (”), which YAML "
        'does not read as a quote, so the text stops at the colon inside it – write straight quotes (") around '
        'it instead: sv: "Hjälp oss: svara på tre frågor om webbplatsen"',
    ],
    "settings-unseen-mistakes": [
        # MkDocs itself stopped at this name, with "Unrecognised configuration name: site_url".
        "mkdocs.yml:2: the name 'site_url' has a zero-width space (U+200B) at the end, after 'site_url' – type "
        "the name again without it: site_url:",
        "mkdocs.yml:11: 'registrator @myndigheten.se' has a no-break space (U+00A0) after 'registrator', so it "
        'does not work as it looks – delete it, or type the value again: email: "registrator@myndigheten.se"',
        "mkdocs.yml:15: the text «Will you answer our survey?» is in typographic quotes («…»), which YAML reads as "
        'part of the text, so they would be published – write straight quotes (") around it instead: '
        'en: "Will you answer our survey?"',
        "mkdocs.yml:16: the name ”yes” is in typographic quotes, which YAML reads as part of the name – write "
        'straight quotes (") instead: "yes":',
    ],
}


@pytest.mark.parametrize("fixture", UNSEEN)
def test_a_tab_typographic_quotes_or_an_invisible_character_in_the_settings_is_named_with_the_fix(
    tmp_path, fixture
):
    result = make_build(project_with_fixture(fixture, tmp_path))

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for expected in UNSEEN[fixture]:
        assert expected in output, output
    assert "MkDocs encountered an error" not in output and "Unrecognised configuration name" not in output


@pytest.mark.parametrize("fixture", UNSEEN)
def test_following_the_settings_advice_publishes_what_the_editor_meant(tmp_path, fixture):
    project = project_with_fixture(fixture, tmp_path)
    refused = make_build(project)
    follow_all(project, refused.stdout + refused.stderr)

    result = build(project, tmp_path / "site")

    assert result.returncode == 0, result.output
    written = (FIXTURES / fixture / "mkdocs.yml").read_text(encoding="utf-8")
    start = lxml.html.parse(str(tmp_path / "site" / "index.html")).getroot()
    english = lxml.html.parse(str(tmp_path / "site" / "en" / "index.html")).getroot()
    banner = f"//*[{has_class('survey-banner')}]"
    if fixture == "settings-tab":
        # The page the tab was in is in the menu, and the number after the tab is read.
        assert start.xpath(f"//nav[{has_class('md-nav--primary')}]//a[contains(@href, 'vad-gor-vi/')]")
        assert start.xpath(f"{banner}/@data-days") == re.findall(r"hide_days:\s*(\d+)", written)
    if fixture == "settings-typographic-quote-colon":
        meant = re.search(r"sv: ”(.*)”", written)[1]
        assert texts(start, f"{banner}//*[{has_class('survey-banner__text')}]") == [meant]
    if fixture == "settings-unseen-mistakes":
        meant = re.search(r"en: «(.*)»", written)[1]
        assert texts(english, f"{banner}//*[{has_class('survey-banner__text')}]") == [meant]
        page = (tmp_path / "site" / "vad-gor-vi" / "index.html").read_text(encoding="utf-8")
        assert 'href="mailto:registrator@myndigheten.se"' in page
        assert "https://vrakningar.example.org/" in (tmp_path / "site" / "sitemap.xml").read_text()


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def texts(root, xpath: str) -> list[str]:
    """The elements' text as a reader reads it: without the soft hyphens in headings."""
    return [element.text_content().replace("\u00ad", "").strip() for element in root.xpath(xpath)]


@pytest.mark.xdist_group("unusual-but-right")
def test_names_and_titles_with_quotes_and_angle_brackets_show_exactly_as_written(unusual_but_right):
    fixture = FIXTURES / "unusual-but-right"
    config = yaml.safe_load((fixture / "mkdocs.yml").read_text(encoding="utf-8"))
    page = (fixture / "docs/sv/vad-gor-vi.md").read_text(encoding="utf-8")
    site_name, organisation = config["site_name"], config["extra"]["organisation"]["name"]
    question = config["extra"]["text"]["survey"]["question"]
    title = next(line[2:] for line in page.splitlines() if line.startswith("# "))
    description = yaml.safe_load(page.split("---")[1])["description"]
    for text in (site_name, organisation["sv"], question["sv"], title, description):
        assert all(character in text for character in '"<&'), text

    def html(path):
        return lxml.html.parse(str(unusual_but_right / path / "index.html")).getroot()

    swedish = html("vad-gor-vi")
    assert swedish.findtext(".//title") == f"{title} – {site_name}"
    assert swedish.xpath('//meta[@name="description"]/@content') == [description]
    assert texts(swedish, "//article//h1") == [title]
    assert texts(swedish, f"//*[{has_class('md-header__topic')}]/span") == [site_name, title]
    assert swedish.xpath(f"//header//a[{has_class('md-logo')}]/@aria-label") == [site_name]
    menu = f"//nav[{has_class('md-nav--primary')}]"
    assert texts(swedish, f"{menu}/label") == [site_name]
    assert title in texts(swedish, f"{menu}//a[{has_class('md-nav__link--active')}]")
    assert texts(swedish, f"//*[{has_class('site-footer__name')}]") == [organisation["sv"]]
    assert texts(swedish, f"//*[{has_class('site-footer__print')}]")[0].startswith(f"{site_name} – ")
    assert texts(swedish, f"//*[{has_class('survey-banner__text')}]") == [question["sv"]]
    # Material's footer links to the page from its neighbours in the menu (not from course pages,
    # whose "previous" and "next" are the course's own): whichever neighbour links to it shows the title.
    footer_links = [
        link
        for neighbour in unusual_but_right.glob("*/index.html")
        for link in lxml.html.parse(str(neighbour)).getroot().xpath(f"//a[{has_class('md-footer__link')}]")
        if link.get("href").rstrip("/").endswith("vad-gor-vi")
    ]
    assert footer_links, "no page's footer links to vad-gor-vi"
    for link in footer_links:
        assert link.get("aria-label").endswith(f": {title}")
        assert texts(link, f".//*[{has_class('md-ellipsis')}]") == [title]
    english = html("en/vad-gor-vi")
    assert texts(english, f"//*[{has_class('site-footer__name')}]") == [organisation["en"]]
    assert texts(english, f"//*[{has_class('survey-banner__text')}]") == [question["en"]]


def test_a_text_that_names_other_placeholders_than_its_translation_fails_with_its_line(tmp_path):
    """A {placeholder} misspelt, or left out, in one language's text of the page frame."""
    project = project_with_fixture("text-placeholder-differs", tmp_path)
    result = build(project, tmp_path / "site")
    assert result.returncode != 0, result.output
    assert (
        "mkdocs.yml:6: extra.text.course.part.en names {nummer}, which the sv text does not, and lacks {number} – "
        "write the same {…} as in sv: {number}, {total}; the build fills them in"
    ) in result.output
    assert "mkdocs.yml:9: extra.text.form.back.en lacks {page} – write the same {…} as in sv: {page};" in (
        result.output
    )
    # Done as the message says, the build passes and fills them in.
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("{nummer}", "{number}")
        .replace('"Back"', '"Back to {page}"'),
        encoding="utf-8",
    )
    fixed = build(project, tmp_path / "fixed")
    assert fixed.returncode == 0, fixed.output
    part = lxml.html.parse(str(tmp_path / "fixed" / "en" / "fran-obetald-hyra-till-avhysning" / "index.html"))
    assert part.xpath("string(//*[@class='course__part'])") == "Part 1 of 3"
