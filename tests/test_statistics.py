"""
The statistics component: Kronofogden's figures from docs/data/statistics.yml
as a bar chart and a table on the start page, in both languages.
"""

from __future__ import annotations

import re

import lxml.html
import pytest
import yaml
from mkdocs.utils import yaml_load

from gates import axe_violations
from site_actions import visit
from site_build import PROJECT, SPECIMEN, assert_build_fails

# The specimen's figures (tests/specimen/docs/data/statistics.yml), not Kronofogden's.
DATA = yaml.safe_load((SPECIMEN / "docs" / "data" / "statistics.yml").read_text(encoding="utf-8"))
TEXT = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))["extra"]["text"]["statistics"]
PAGES = [("/", "sv"), ("/en/", "en")]
SVG = "{http://www.w3.org/2000/svg}"


def component(site, path: str):
    tree = lxml.html.parse(str(site.root / path.lstrip("/") / "index.html"))
    [found] = tree.xpath("//div[@class='statistics']")
    return found


def digits(text: str) -> int | None:
    """A number as shown (2 768, 2,768, 60 %), or None for 'not available'."""
    only = re.sub(r"[\s\u00a0\u202f,%]", "", text)
    return int(only) if only.isdigit() else None


@pytest.mark.parametrize("path, language", PAGES)
def test_the_chart_is_an_image_with_a_title_and_a_description(specimen, path, language):
    svg = component(specimen, path).xpath(".//svg")[0]
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    title = svg.xpath(f".//title[@id='{title_id}']")[0].text_content()
    desc = svg.xpath(f".//desc[@id='{desc_id}']")[0].text_content()
    assert title.strip() and desc.strip()
    for row in DATA:
        assert str(row["year"]) in desc


@pytest.mark.parametrize("path, language", PAGES)
def test_the_table_holds_the_figures_of_the_data_file(specimen, path, language):
    table = component(specimen, path).xpath(".//table")[0]
    assert table.xpath("./caption")[0].text_content().strip()
    assert len(table.xpath(".//thead//th[@scope='col']")) == 5
    shown = [
        [row.xpath("./th[@scope='row']")[0].text_content(), *(td.text_content() for td in row.xpath("./td"))]
        for row in table.xpath("./tbody/tr")
    ]
    written = [
        [
            row["year"],
            row["evictions"],
            row["children"],
            row.get("applications"),
            row.get("withdrawn_percent"),
        ]
        for row in sorted(DATA, key=lambda row: row["year"])
    ]
    assert [[digits(cell) for cell in cells] for cells in shown] == written


def test_numbers_are_written_as_each_language_writes_them(specimen):
    swedish = component(specimen, "/").text_content()
    english = component(specimen, "/en/").text_content()
    assert "2\u00a0500" in swedish and "6\u00a0000" in swedish and "50\u00a0%" in swedish
    assert "2,500" in english and "6,000" in english and "50%" in english


def test_the_figures_are_explained_in_a_sentence(specimen):
    """The share withdrawn in the latest year that has one: 50 % in 2021 in the specimen's data."""
    for path, language, percent in [("/", "sv", "50\u00a0%"), ("/en/", "en", "50%")]:
        sentence = (
            TEXT["withdrawn_sentence"][language].replace("{percent}", percent).replace("{year}", "2021")
        )
        assert sentence in re.sub(r"[ \t\n]+", " ", component(specimen, path).text_content())


def test_each_year_has_a_bar_for_evictions_and_one_for_children_to_scale(specimen):
    svg = component(specimen, "/").xpath(".//svg")[0]
    bars = [rect for rect in svg.xpath(".//rect") if float(rect.get("height")) > 14]
    rows = sorted(DATA, key=lambda row: row["year"])
    values = [value for row in rows for value in (row["evictions"], row["children"])]
    assert len(bars) == len(values)
    heights = [float(rect.get("height")) for rect in bars]
    tallest = max(values)
    for height, value in zip(heights, values, strict=True):
        assert height == pytest.approx(max(heights) * value / tallest, abs=0.2)


def contrast_on_white(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_the_bars_contrast_with_the_page_and_nothing_needs_a_style_attribute_or_script(specimen):
    found = component(specimen, "/")
    fills = {rect.get("fill") for rect in found.xpath(".//rect")}
    assert len(fills) == 2
    for fill in fills:
        assert contrast_on_white(fill) >= 3, fill
    assert not found.xpath(".//*[@style]") and not found.xpath(".//script")


@pytest.mark.parametrize("path, language", PAGES)
def test_axe_finds_nothing_on_the_page_with_the_chart_on_a_phone(browser, specimen_server, path, language):
    # bypass_csp: axe is added to the page as a script of the test's own.
    context = browser.new_context(
        base_url=specimen_server.origin,
        bypass_csp=True,
        viewport={"width": 375, "height": 740},
        is_mobile=True,
    )
    page = context.new_page()
    visit(page, path)
    assert page.locator(".statistics svg").is_visible()
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "statistics-no-source-url",
            [
                "docs/data/statistics.yml:9: the row for 2023 has no source_url – add source_url: https://…",
            ],
        ),
        (
            "statistics-no-source-date",
            [
                'docs/data/statistics.yml:2: the row for 2023 has no source_date – add source_date: "2024-02-06"',
            ],
        ),
        (
            "statistics-not-whole-number",
            [
                "docs/data/statistics.yml:3: evictions is '2 768', not a whole number – write digits only",
                "docs/data/statistics.yml:5: applications is '6923.5', not a whole number",
            ],
        ),
        (
            "statistics-year-twice",
            [
                "docs/data/statistics.yml:9: the year 2023 is given twice (also on line 2) – keep one row per year",
            ],
        ),
    ],
)
def test_a_mistake_in_the_data_file_fails_the_build_at_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_a_row_that_is_not_yaml_names_its_line(tmp_path):
    from forebygg.statistics import StatisticsError, read_rows

    data = tmp_path / "statistics.yml"
    data.write_text("- year: 2023\n  evictions: 2768\n- year: 2024\n  evictions: [3042\n", encoding="utf-8")
    with pytest.raises(StatisticsError, match=r"^docs/data/statistics.yml:4: the file is not valid YAML"):
        read_rows(data, "docs/data/statistics.yml")
