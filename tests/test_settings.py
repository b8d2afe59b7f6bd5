"""
The settings in mkdocs.yml: read as the editor meant them, and shown in the
pages exactly as written.
"""

from __future__ import annotations

import lxml.html
import pytest
import yaml

from site_build import FIXTURES, assert_build_fails


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
    next_link = html("avtal-och-samtycke").xpath(f"//a[{has_class('md-footer__link--next')}]")[0]
    assert next_link.get("aria-label").endswith(f": {title}")
    assert texts(next_link, f".//*[{has_class('md-ellipsis')}]") == [title]
    english = html("en/vad-gor-vi")
    assert texts(english, f"//*[{has_class('site-footer__name')}]") == [organisation["en"]]
    assert texts(english, f"//*[{has_class('survey-banner__text')}]") == [question["en"]]
