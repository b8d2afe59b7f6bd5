"""
Languages follow mkdocs.yml: a third language added by EDITING.md's steps
alone ("Add a language") gets its own pages, "page not found" page, dates,
numbers and search, served through deploy/ as the real host serves them.
"""

from __future__ import annotations

import datetime
import json
import re
import struct
from pathlib import Path

import lxml.html
import pytest

from site_actions import search, visit
from site_build import FIXTURES, SPECIMEN, assert_build_fails, build, project_with_fixture
from site_server import fetch, free_port, served

THIRD_LANGUAGE = FIXTURES / "third-language"
# Babel's (CLDR's) month names and long date patterns, written out here.
MONTHS = {
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
}
LONG_DATE = {"sv": "{day} {month} {year}", "en": "{day} {month} {year}", "de": "{day}. {month} {year}"}
# A film of exactly 1.3 MB, so that its size shows the language's decimal sign.
FILM_SIZE = 1_300_000
SIZE = {"sv": "1,3\u00a0MB", "en": "1.3\u00a0MB", "de": "1,3\u00a0MB"}


def date_in_words(iso: str, language: str) -> str:
    date = datetime.date.fromisoformat(iso)
    month = MONTHS[language].split()[date.month - 1]
    return LONG_DATE[language].format(day=date.day, month=month, year=date.year)


def assessed_date() -> str:
    text = (SPECIMEN / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^    assessed: \"?(\d{4}-\d{2}-\d{2})\"?$", text, re.MULTILINE)
    assert match, "tests/specimen/mkdocs.yml has no extra.accessibility.assessed date"
    return match.group(1)


def pad_film(path: Path, size: int) -> None:
    """Grow an MP4 to `size` bytes with a trailing 'free' box, which players skip."""
    grow = size - path.stat().st_size
    assert grow > 8, f"{path} is already {path.stat().st_size} bytes"
    with path.open("ab") as film:
        film.write(struct.pack(">I", grow) + b"free" + bytes(grow - 8))


def rename_language(project: Path, old: str, new: str, regional: str) -> None:
    """Make the added language `old` into `new`, as EDITING.md's steps would have written it."""
    for folder in ("docs", "forms"):
        (project / folder / old).rename(project / folder / new)
    for captions in (project / "docs" / "assets" / "films").glob(f"*.{old}.vtt"):
        captions.rename(captions.with_name(captions.name.replace(f".{old}.", f".{new}.")))
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(f"locale: {old}", f"locale: {new}")
    text = re.sub(rf"^(\s+){old}: {old}-\w+$", rf"\g<1>{new}: {regional}", text, flags=re.MULTILINE)
    config.write_text(re.sub(rf"^(\s+){old}:", rf"\g<1>{new}:", text, flags=re.MULTILINE), encoding="utf-8")
    # The glossary gives each term per language, as mkdocs.yml gives each text.
    for data in (project / "docs" / "data").glob("*.yml"):
        text = data.read_text(encoding="utf-8")
        data.write_text(re.sub(rf"^(\s+){old}:", rf"\g<1>{new}:", text, flags=re.MULTILINE), encoding="utf-8")


def build_and_serve(project: Path, workdir: Path, port: int):
    result = build(project, workdir / "site", site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    return served(workdir / "site", port)


@pytest.fixture(scope="module")
def third_language(tmp_path_factory):
    """The specimen with German added, and its film at 1.3 MB, built strictly and served."""
    workdir = tmp_path_factory.mktemp("third-language")
    port = free_port()
    project = project_with_fixture("third-language", workdir)
    # The shared film, which the Swedish and German pages show, and the English pages' own.
    for film in ("starta.mp4", "starta.en.mp4"):
        pad_film(project / "docs" / "assets" / "films" / film, FILM_SIZE)
    with build_and_serve(project, workdir, port) as origin:
        yield origin


@pytest.fixture(scope="module")
def norwegian(tmp_path_factory):
    """The same third language as Norwegian Bokmål (nb), whose search rules Material calls 'no'."""
    workdir = tmp_path_factory.mktemp("norwegian")
    port = free_port()
    project = project_with_fixture("third-language", workdir)
    rename_language(project, "de", "nb", "nb-NO")
    with build_and_serve(project, workdir, port) as origin:
        yield origin


# -----------------------------------------------------------------------------
# The fixture keeps to EDITING.md's steps
# -----------------------------------------------------------------------------


def test_the_third_language_fixture_holds_only_what_an_editor_adds():
    added = sorted(p.relative_to(THIRD_LANGUAGE).as_posix() for p in THIRD_LANGUAGE.rglob("*") if p.is_file())
    # docs/data/glossary.yml: the specimen's glossary with a de: part in every term (step 3).
    allowed = re.compile(
        r"mkdocs\.yml|docs/de/.+\.md|forms/de/[^/]+\.md|docs/assets/films/[^/.]+\.de\.vtt|docs/data/glossary\.yml"
    )
    assert [path for path in added if not allowed.fullmatch(path)] == []
    # The shared films (NAME.mp4), which the German pages show; not a language's own (NAME.en.mp4).
    films = sorted(
        p.stem for p in (SPECIMEN / "docs" / "assets" / "films").glob("*.mp4") if "." not in p.stem
    )
    assert [f"docs/assets/films/{film}.de.vtt" for film in films] == [p for p in added if p.endswith(".vtt")]


def test_the_third_language_fixture_adds_every_page_and_form():
    def pages(folder: Path) -> list[str]:
        return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))

    for folder in ("docs", "forms"):
        assert pages(THIRD_LANGUAGE / folder / "de") == pages(SPECIMEN / folder / "en")


# -----------------------------------------------------------------------------
# The third language, as a reader gets it
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/de/om-webbplatsen/tillganglighet/",
        "/de/lokal-samverkan-starta/",
    ],
)
def test_its_pages_are_in_its_language(third_language, path):
    status, body = fetch(third_language + path)
    assert status == 200
    assert lxml.html.fromstring(body).get("lang") == "de"


def test_a_missing_page_gets_its_languages_own_404(third_language):
    status, body = fetch(third_language + "/de/gibt-es-nicht/")
    page = lxml.html.fromstring(body)
    assert status == 404
    assert page.get("lang") == "de"
    # Read as a reader reads it: without the soft hyphens where a long word may break.
    assert page.findtext(".//h1").replace("\u00ad", "") == "Seite nicht gefunden"
    assert page.findtext(".//title") == "Seite nicht gefunden – Räumungen verhindern"


@pytest.mark.parametrize("prefix, language", [("/", "sv"), ("/en/", "en"), ("/de/", "de")])
def test_dates_are_written_in_words_in_the_pages_language(third_language, prefix, language):
    _, body = fetch(third_language + prefix + "om-webbplatsen/tillganglighet/")
    text = " ".join(lxml.html.fromstring(body).xpath("//article")[0].text_content().split())
    assert date_in_words(assessed_date(), language) in text
    assert assessed_date() not in text


@pytest.mark.parametrize("prefix, language", [("/", "sv"), ("/en/", "en"), ("/de/", "de")])
def test_file_sizes_use_the_pages_decimal_sign(third_language, prefix, language):
    _, body = fetch(third_language + prefix + "lokal-samverkan-starta/")
    assert f"(MP4, {SIZE[language]})" in lxml.html.fromstring(body).text_content()


def test_it_has_its_own_search_index(third_language):
    status, body = fetch(third_language + "/de/search/search_index.json")
    index = json.loads(body)
    assert status == 200
    assert index["config"]["lang"] == ["de"]
    start = (THIRD_LANGUAGE / "docs" / "de" / "index.md").read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", start, re.MULTILINE).group(1)
    assert title in {doc["title"] for doc in index["docs"]}
    for other in ("/search/search_index.json", "/en/search/search_index.json"):
        _, body = fetch(third_language + other)
        assert title not in {doc["title"] for doc in json.loads(body)["docs"]}


def test_search_works_in_a_language_that_lunr_names_differently(browser, norwegian):
    context = browser.new_context(base_url=norwegian)
    context.set_default_timeout(10_000)
    page = context.new_page()
    visit(page, "/nb/")
    found = search(page, "Räumungen")
    context.close()
    assert found, "searching /nb/ for 'Räumungen' found nothing"
    _, body = fetch(norwegian + "/nb/search/search_index.json")
    assert json.loads(body)["config"]["lang"] == ["no"]


# -----------------------------------------------------------------------------
# Bad language settings fail the build, naming the line
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fixture, expected",
    [
        (
            "regional-language-mismatch",
            [
                "mkdocs.yml:4: extra.regional_language.en is 'sv-SE', not a known regional form of 'en' – "
                "write the language code, a hyphen and the country, for example en-US",
            ],
        ),
        (
            "language-without-material-texts",
            [
                "mkdocs.yml:17: Material for MkDocs has no interface texts (menu, search, buttons) for the language "
                "'so' – use a code from https://squidfunk.github.io/mkdocs-material/setup/changing-the-language/, "
                "or ask a developer to add overrides/partials/languages/so.html",
            ],
        ),
        (
            "date-not-in-calendar",
            [
                "mkdocs.yml:5: extra.accessibility.updated is '2026-11-31', which is not a real date written as "
                "YYYY-MM-DD – write it like 2026-11-25",
            ],
        ),
    ],
)
def test_a_bad_language_setting_fails_the_build(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)


def test_a_language_read_in_a_country_babel_has_no_rules_for_follows_the_language_and_says_so():
    from forebygg.dates import date_in_words as in_words
    from forebygg.extra_values.checks import regional_languages_by_general_rules, unknown_regional_languages

    tags = {"sv": "sv-SE", "ar": "ar-SE", "fa": "fa-SE"}
    assert unknown_regional_languages({"regional_language": tags}, list(tags), None) == []
    # CLDR's Arabic month names, written out: December is ديسمبر.
    assert in_words("2026-12-01", "ar-SE") == "1 ديسمبر 2026"
    notes = regional_languages_by_general_rules({"regional_language": tags}, list(tags), None)
    assert [note.split(":", 2)[2].split(":")[0].strip() for note in notes] == [
        "extra.regional_language.ar is 'ar-SE'",
        "extra.regional_language.fa is 'fa-SE'",
    ]
    assert "general rules of Arabic (ar)" in notes[0] and "such as ar-EG" in notes[0]
    # A country that does not exist is still refused.
    refused = unknown_regional_languages({"regional_language": {"ar": "ar-XX"}}, ["ar"], None)
    assert len(refused) == 1 and "'ar-XX', not a known regional form of 'ar'" in refused[0]
