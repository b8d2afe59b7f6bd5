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
from site_build import PROJECT, SPECIMEN, assert_build_fails, build, project_with_fixture

# The specimen's figures (tests/specimen/docs/data/statistics.yml), not Kronofogden's.
DATA = yaml.safe_load((SPECIMEN / "docs" / "data" / "statistics.yml").read_text(encoding="utf-8"))
TEXT = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))["extra"]["text"]["statistics"]
PAGES = [("/", "sv"), ("/en/", "en")]
SVG = "{http://www.w3.org/2000/svg}"


def filled(key: str, language: str, **values) -> str:
    """The text mkdocs.yml gives for `key`, with its {placeholders} filled in: the figures as the test writes them."""
    text = TEXT[key][language]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def component(site, path: str):
    tree = lxml.html.parse(str(site.root / path.lstrip("/") / "index.html"))
    [found] = tree.xpath("//div[@class='statistics']")
    return found


def digits(text: str) -> int | None:
    """A number as shown (2 768, 2,768, 60 %), or None for 'not available'."""
    only = re.sub(r"[\s\u00a0\u202f,%*]", "", text)
    return int(only) if only.isdigit() else None


def every_year(rows: list[dict]) -> list[dict]:
    """The data file's rows with a row without figures for each year it leaves out, first to last year."""
    given = {row["year"]: row for row in rows}
    return [given.get(year, {"year": year}) for year in range(min(given), max(given) + 1)]


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
            row.get("evictions"),
            row.get("children"),
            row.get("applications"),
            row.get("withdrawn_percent"),
        ]
        for row in every_year(DATA)
    ]
    assert [[digits(cell) for cell in cells] for cells in shown] == written


def test_numbers_are_written_as_each_language_writes_them(specimen):
    swedish = component(specimen, "/").text_content()
    english = component(specimen, "/en/").text_content()
    assert "2\u00a0500" in swedish and "6\u00a0000" in swedish and "50\u00a0%" in swedish
    assert "2,500" in english and "6,000" in english and "50%" in english


def test_the_figures_are_explained_in_a_sentence(specimen):
    """The latest year's figures, and its share withdrawn: 2021 in the specimen's data."""
    for path, language, evictions, percent in [
        ("/", "sv", "2\u00a0500", "50\u00a0%"),
        ("/en/", "en", "2,500", "50%"),
    ]:
        according = TEXT["according"][language]
        shown = re.sub(r"[ \t\n]+", " ", component(specimen, path).text_content())
        assert (
            filled("summary", language, year=2021, evictions=evictions, children=500, according=according)
            in shown
        )
        assert filled("withdrawn_same", language, percent=percent) in shown


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
    from forebygg.statistics.rows import StatisticsError, read_rows

    data = tmp_path / "statistics.yml"
    data.write_text("- year: 2023\n  evictions: 2768\n- year: 2024\n  evictions: [3042\n", encoding="utf-8")
    with pytest.raises(StatisticsError, match=r"^docs/data/statistics.yml:4: the file is not valid YAML"):
        read_rows(data, "docs/data/statistics.yml")


# -----------------------------------------------------------------------------
# Gaps and figures quoted in a newspaper, on a fixture with made-up figures:
# 2017 from Kronofogden, no 2018, 2019 without children and quoted in a
# newspaper with a date, 2020 quoted in another without one.
# -----------------------------------------------------------------------------

GAPS = "statistics-gaps-and-quoted"
GAPS_DATA = yaml.safe_load(
    (PROJECT / "tests" / "fixtures" / GAPS / "docs" / "data" / "statistics.yml").read_text(encoding="utf-8")
)


@pytest.fixture(scope="module")
def gaps_site(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("statistics-gaps")
    result = build(project_with_fixture(GAPS, workdir), workdir / "site")
    assert result.returncode == 0, result.output
    return workdir / "site"


def gaps_component(root, language: str):
    page = root / ("en/index.html" if language == "en" else "index.html")
    [found] = lxml.html.parse(str(page)).xpath("//div[@class='statistics']")
    return found


def chart_texts(found, css_class: str) -> list[str]:
    return [t.text_content() for t in found.xpath(f".//svg//*[local-name()='text'][@class='{css_class}']")]


@pytest.mark.parametrize("language, missing", [("sv", "uppgift saknas"), ("en", "no figure")])
def test_every_year_from_the_first_to_the_last_is_shown_and_a_missing_one_says_so(
    gaps_site, language, missing
):
    found = gaps_component(gaps_site, language)
    rows = found.xpath(".//table/tbody/tr")
    years = [row.xpath("./th")[0].text_content().rstrip("*") for row in rows]
    assert years == ["2017", "2018", "2019", "2020"]
    left_out = [td.text_content() for td in rows[1].xpath("./td")]
    assert left_out == [missing] * 4
    assert [digits(y) for y in chart_texts(found, "statistics__year")] == [2017, 2018, 2019, 2020]
    # 2018 has neither bar, 2019 no bar for the children: each gap says so where its bar would be.
    assert chart_texts(found, "statistics__missing") == [missing] * 3
    assert found.xpath(".//svg//*[local-name()='desc']")[0].text_content().count(missing) == 3


def test_each_bar_is_as_long_as_its_figure_and_a_gap_has_no_bar(gaps_site):
    found = gaps_component(gaps_site, "sv")
    bars = [r for r in found.xpath(".//svg//*[local-name()='rect']") if float(r.get("width")) > 14]
    values = [row.get(series) for row in every_year(GAPS_DATA) for series in ("evictions", "children")]
    assert len(bars) == len([v for v in values if v is not None])
    widths = [float(r.get("width")) for r in bars]
    longest = max(v for v in values if v is not None)
    for width, value in zip(widths, [v for v in values if v is not None], strict=True):
        assert width == pytest.approx(max(widths) * value / longest, abs=0.2)
    labels = [digits(t) for t in chart_texts(found, "statistics__value")]
    assert labels == [v for v in values if v is not None]


@pytest.mark.parametrize(
    "language, publications",
    [
        ("sv", "Exempeltidningen (2019) och Andra tidningen (2020)"),
        ("en", "Exempeltidningen (2019) and Andra tidningen (2020)"),
    ],
)
def test_years_quoted_in_a_newspaper_are_marked_in_the_chart_and_the_table_and_named(
    gaps_site, language, publications
):
    note = filled("quoted_note", language, mark="*", publications=publications)
    found = gaps_component(gaps_site, language)
    marked = [th.text_content() for th in found.xpath(".//table/tbody/tr/th")]
    assert marked == ["2017", "2018", "2019*", "2020*"]
    assert chart_texts(found, "statistics__year") == ["2017", "2018", "2019*", "2020*"]
    assert [p.text_content() for p in found.xpath(".//p[@class='statistics__note']")] == [note]
    assert note in found.xpath(".//svg//*[local-name()='desc']")[0].text_content()


def test_the_sources_name_the_newspaper_as_it_is(gaps_site):
    found = gaps_component(gaps_site, "sv")
    items = [
        " ".join(li.text_content().split()) for li in found.xpath(".//ul[@class='statistics__sources']/li")
    ]
    assert items == [
        filled("source", "sv", link="Ett pressmeddelande", date="1 februari 2018", years="2017"),
        filled(
            "source_quoted",
            "sv",
            publication="Exempeltidningen",
            link="En artikel om 2019",
            date="3 februari 2020",
            years="2019",
        ),
        filled(
            "source_quoted_undated",
            "sv",
            publication="Andra tidningen",
            link="En artikel om 2020",
            years="2020",
        ),
    ]
    links = found.xpath(".//ul[@class='statistics__sources']/li/a/@href")
    assert links[1:] == [GAPS_DATA[1]["quoted_in"]["url"], GAPS_DATA[2]["quoted_in"]["url"]]


@pytest.mark.parametrize(
    "language, evictions, percent, date",
    [("sv", "2\u00a0000", "50\u00a0%", "3 februari 2020"), ("en", "2,000", "50%", "3 February 2020")],
)
def test_the_sentence_comes_from_the_latest_year_and_says_whom_the_figures_are_from(
    gaps_site, language, evictions, percent, date
):
    """2020 is the latest year, quoted in a newspaper without a date; 2019 the latest with a share withdrawn."""
    sentences = [
        filled(
            "summary",
            language,
            year=2020,
            evictions=evictions,
            children=300,
            according=filled("according_quoted_undated", language, publication="Andra tidningen"),
        ),
        filled(
            "withdrawn_sentence",
            language,
            percent=percent,
            year=2019,
            according=filled("according_quoted", language, publication="Exempeltidningen", date=date),
        ),
    ]
    shown = [
        p.text_content()
        for p in gaps_component(gaps_site, language).xpath(".//p[@class='statistics__sentence']")
    ]
    assert shown == sentences


def rows_of(tmp_path, text: str):
    from forebygg.statistics.rows import read_rows

    data = tmp_path / "statistics.yml"
    data.write_text(text, encoding="utf-8")
    return read_rows(data, "docs/data/statistics.yml")


def test_a_quoted_row_keeps_what_the_newspaper_says_and_its_missing_figure(tmp_path):
    [row] = rows_of(
        tmp_path,
        "- year: 2022\n  evictions: 2523\n  quoted_in:\n    publication: Landets Fria\n"
        '    title: "Trots tuffa tider"\n    url: https://landetsfria.nu/x\n',
    )
    assert (row.evictions, row.children, row.source_url) == (2523, None, None)
    assert (row.quoted_in.publication, row.quoted_in.date, row.quoted_in.url) == (
        "Landets Fria",
        None,
        "https://landetsfria.nu/x",
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "- year: 2024\n  evictions: 3042\n",
            "docs/data/statistics.yml:1: the row for 2024 has no source_title – add source_title: "
            '"The title of the press release", or, where you read the figures in a publication that '
            "quotes Kronofogden, quoted_in:",
        ),
        (
            "- year: 2024\n  quoted_in:\n    publication: Dagens PS\n    title: x\n    url: https://x\n",
            "docs/data/statistics.yml:1: the row for 2024 has no figure – add evictions: and/or children:",
        ),
        (
            "- year: 2024\n  evictions: 3042\n  quoted_in:\n    publication: Dagens PS\n    title: x\n"
            '    date: "2025-02-30"\n    url: https://x\n',
            "docs/data/statistics.yml:6: quoted_in.date is '2025-02-30', not a date in the calendar",
        ),
        (
            "- year: 2024\n  evictions: 3042\n  quoted_in:\n    publication: Dagens PS\n    title: x\n"
            "    url: dagensps.se/x\n    page: 3\n",
            "docs/data/statistics.yml:6: quoted_in.url is 'dagensps.se/x', not a web address starting with https://",
        ),
        (
            "- year: 2024\n  evictions: 3042\n  quoted_in:\n    publication: Dagens PS\n    title: x\n"
            "    url: https://x\n    page: 3\n",
            "docs/data/statistics.yml:7: unknown key 'quoted_in.page' – quoted_in has publication, title, date, url",
        ),
        (
            "- year: 2024\n  evictions: 3042\n  quoted_in: Dagens PS\n",
            "docs/data/statistics.yml:3: quoted_in must be keys and values",
        ),
    ],
)
def test_a_mistake_in_a_source_names_its_line_and_the_fix(tmp_path, text, expected):
    from forebygg.statistics.rows import StatisticsError

    with pytest.raises(StatisticsError) as raised:
        rows_of(tmp_path, text)
    assert expected in str(raised.value), str(raised.value)


def test_both_kinds_of_source_or_a_quoted_in_without_its_address_fail_the_build(tmp_path):
    assert_build_fails(
        "statistics-quoted-in-mistakes",
        tmp_path,
        [
            "docs/data/statistics.yml:8: the row for 2023 has both source_… (Kronofogden's own publication) "
            "and quoted_in: (a publication that quotes Kronofogden)",
            "docs/data/statistics.yml:15: the row for 2025: quoted_in has no url – add url: https://…",
        ],
    )
