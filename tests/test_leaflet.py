"""
Leaflets: a form in forms/ with `leaflet: true` – a text to print and hand
over, made by the forms' machinery – fits one A4 sheet (two pages at most),
is a tagged PDF in its language, links to the site's pages at their full
addresses (from site_url), and shows on a page as its title and downloads.

The machinery is tested on the specimen's leaflet (tests/specimen/forms/*/folder.md,
shown on hyresgast.md); every leaflet of the real site is checked by the gate
below, whatever it says.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from forebygg.form_documents import FormError, FormTemplate, check_languages, parse_template
from site_build import PROJECT, assert_build_fails

# A4 in PDF points (1/72 inch): 210 × 297 mm.
A4 = (595.28, 841.89)
SHEET = 2  # pages: one sheet, both sides


def leaflets(project: Path) -> list[Path]:
    """Every template of `project` that is a leaflet, in every language."""
    return [
        path for path in sorted((project / "forms").glob("*/*.md")) if parse_template(path, project).leaflet
    ]


def published_pdf(site_root: Path, path: Path, project: Path) -> Path:
    """Where the build publishes a template's PDF: <language>/forms/, or forms/ for the default language."""
    template = parse_template(path, project)
    own = site_root / template.language / "forms" / f"{template.file}.pdf"
    return own if own.exists() else site_root / "forms" / f"{template.file}.pdf"


def sheet_problems(data: bytes, template: FormTemplate) -> list[str]:
    """How a leaflet's PDF fails: more pages than a sheet, not A4, not tagged, not in the
    template's language, or without its title shown as the window's title."""
    language = template.language
    reader = PdfReader(BytesIO(data))
    problems = []
    if len(reader.pages) > SHEET:
        problems.append(f"{len(reader.pages)} pages")
    for number, page in enumerate(reader.pages, 1):
        size = (float(page.mediabox.width), float(page.mediabox.height))
        if any(abs(a - b) > 1 for a, b in zip(size, A4, strict=True)):
            problems.append(f"page {number} is {size[0]:.0f} × {size[1]:.0f} pt, not A4")
    root = reader.trailer["/Root"]
    if "/StructTreeRoot" not in root or not root.get("/MarkInfo", {}).get("/Marked"):
        problems.append("not tagged (/StructTreeRoot, /MarkInfo /Marked true)")
    if root.get("/Lang") != language:
        problems.append(f"/Lang is {root.get('/Lang')!r}, not {language!r}")
    title = reader.metadata.title if reader.metadata else None
    if title != template.title:
        problems.append(f"the title is {title!r}, not {template.title!r}")
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle"):
        problems.append("a reader shows the file name, not the title (/DisplayDocTitle)")
    return problems


# -----------------------------------------------------------------------------
# The gate: every leaflet of the site
# -----------------------------------------------------------------------------


def test_every_leaflet_of_the_site_is_a_tagged_a4_sheet_in_its_language(site):
    found = leaflets(PROJECT)
    problems = {
        path.relative_to(PROJECT).as_posix(): sheet_problems(
            published_pdf(site.root, path, PROJECT).read_bytes(), parse_template(path, PROJECT)
        )
        for path in found
    }
    assert not {path: found for path, found in problems.items() if found}, problems


def test_every_leaflet_is_shown_on_a_page_of_its_language(site):
    """A leaflet no page offers is no use: each language's site links its PDF from a page."""
    missing = []
    for path in leaflets(PROJECT):
        pdf = published_pdf(site.root, path, PROJECT)
        linked = [
            page
            for page in site.pages()
            if f"forms/{pdf.name}"
            in (site.root / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
        ]
        if not linked:
            missing.append(path.relative_to(PROJECT).as_posix())
    assert not missing, missing


# -----------------------------------------------------------------------------
# The machinery, on the specimen
# -----------------------------------------------------------------------------

SPECIMEN_PAGE = {"sv": "hyresgast", "en": "en/hyresgast"}


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_specimens_leaflet_is_one_tagged_a4_sheet_with_the_pages_full_address(specimen, language):
    source = specimen.root.parent / "project" / "forms" / language / "folder.md"
    project = specimen.root.parent / "project"
    pdf = published_pdf(specimen.root, source, project).read_bytes()
    assert sheet_problems(pdf, parse_template(source, project)) == []
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    # The link to hyresgast.md is printed with the page's address on the site being built.
    address = f"{specimen.origin}/{SPECIMEN_PAGE[language]}/"
    assert f"({address})" in " ".join(text.split())


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_leaflet_shows_on_its_page_as_title_and_downloads_not_as_its_text(specimen, language):
    project = specimen.root.parent / "project"
    template = parse_template(project / "forms" / language / "folder.md", project)
    page = lxml.html.parse(str(specimen.root / SPECIMEN_PAGE[language] / "index.html")).getroot()
    (box,) = page.xpath("//div[contains(@class, 'form-example--leaflet')]")
    assert template.title in box.text_content() and template.description in box.text_content()
    # Not the leaflet's text: that is for paper.
    assert not box.xpath(".//article") and "Ring hyresvärden" not in box.text_content()
    downloads = box.xpath(".//ul[@class='form-example__downloads']/li/a/@href")
    assert [Path(href).suffix for href in downloads] == [".pdf", ".odt", ".docx"]
    # It has a blank (the local number), so it can be filled in on screen.
    (fill_in_link,) = box.xpath(".//p[@class='form-example__fill-in']/a/@href")
    assert fill_in_link.endswith(f"forms/{template.file}.html")
    # On the fill-in page the link leads to the page itself, on this site.
    fill_in = specimen.root / ("" if language == "sv" else "en") / "forms" / f"{template.file}.html"
    assert f'href="{specimen.origin}/{SPECIMEN_PAGE[language]}/"' in fill_in.read_text(encoding="utf-8")


# -----------------------------------------------------------------------------
# The editor's mistakes
# -----------------------------------------------------------------------------


def test_a_leaflet_longer_than_a_sheet_fails_the_build(tmp_path):
    """tests/fixtures/leaflet-too-long/: the specimen's Swedish leaflet with a long text added."""
    assert_build_fails(
        "leaflet-too-long",
        tmp_path,
        [
            "forms/sv/folder.md:1: the leaflet takes ",
            "A4 pages – a leaflet is one sheet, 2 pages at most: shorten its text",
        ],
    )


def test_a_link_to_a_page_that_does_not_exist_fails_the_build_at_its_line(tmp_path):
    """tests/fixtures/leaflet-link-missing/: the English leaflet links a page the site does not have."""
    assert_build_fails(
        "leaflet-link-missing",
        tmp_path,
        [
            "forms/en/folder.md:19: the link 'tenant.md' leads to no page: there is no docs/en/tenant.md – "
            "write the page's file as it is in docs/en/"
        ],
    )


def write_form(root: Path, language: str, front_matter: str) -> Path:
    path = root / "forms" / language / "folder.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nfile: folder\n{front_matter}---\n\n# Folder\n\nText.\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "front_matter, line, words",
    [
        ("leaflet: ja\n", 3, "'leaflet: ja' is neither true nor false – write leaflet: true"),
        ("readability: lätt\n", 3, "'readability: lätt' is no reading level – write readability: plain"),
    ],
)
def test_a_leaflet_or_reading_level_written_wrong_names_its_line(tmp_path, front_matter, line, words):
    path = write_form(tmp_path, "sv", front_matter)
    with pytest.raises(FormError) as error:
        parse_template(path, tmp_path)
    assert str(error.value).startswith(f"forms/sv/folder.md:{line}: {words}")


def test_a_leaflet_in_one_language_and_a_form_in_another_is_named(tmp_path):
    write_form(tmp_path, "sv", "leaflet: true\n")
    write_form(tmp_path, "en", "")
    assert check_languages(tmp_path, ["sv", "en"]) == [
        "forms/en/folder.md:1: forms/sv/folder.md is a leaflet (leaflet: true) and this one is not – "
        "write the same 'leaflet:' in every language"
    ]
