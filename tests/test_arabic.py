"""
A language written from right to left, added as an editor adds one: the Arabic fixture.

tests/fixtures/arabic/ is the specimen after `make add-language CODE=ar
NAME=العربية` (its file ADD_LANGUAGE), with two pages, one form, the glossary
and the interface texts translated, and the rest as the command left it:
copies marked `untranslated: en`. It checks what issue 31 asks of such a
language: the direction of every page and document, search in Arabic, anchors
in Arabic script, numbers and addresses in their own direction, the notice on
a page not yet translated, and a launch build that refuses each copy by name.
Every expectation is read from the fixture's own files, not copied from the code.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import lxml.html
import pytest

import test_form_documents as documents
from forebygg.translations.add_language import LanguageError, add_language
from gates import browser_gates, html_errors_in
from site_actions import search, settle_without_scripts, visit
from site_build import FIXTURES, PROJECT, SPECIMEN, build, make_build, project_with_fixture
from site_server import free_port, served

ARABIC = FIXTURES / "arabic"
# The pages and form the fixture translates: its own files under docs/ar/ and forms/ar/.
TRANSLATED = sorted(
    p.relative_to(ARABIC / "docs" / "ar").as_posix() for p in (ARABIC / "docs" / "ar").rglob("*.md")
)
FORM = ARABIC / "forms" / "ar" / "samtycke.md"

pytestmark = pytest.mark.xdist_group("arabic")


def page_path(source: str) -> str:
    """'om-webbplatsen/kontakt.md' → '/ar/om-webbplatsen/kontakt/'."""
    stem = source.removesuffix(".md").removesuffix("index").rstrip("/")
    return f"/ar/{stem}/" if stem else "/ar/"


def html_file(root: Path, path: str) -> Path:
    return root / path.strip("/") / "index.html"


@pytest.fixture(scope="session")
def arabic(tmp_path_factory):
    """The fixture's project and its preview build (placeholders and copies allowed)."""
    workdir = tmp_path_factory.mktemp("arabic")
    project = project_with_fixture("arabic", workdir)
    result = build(project, workdir / "site", site_url="http://127.0.0.1:8765/")
    assert result.returncode == 0, f"the Arabic fixture did not build:\n{result.output}"
    return project, workdir / "site", result.output


@pytest.fixture(scope="session")
def arabic_server(arabic):
    _, root, _ = arabic
    port = free_port()
    # The build's site_url is only for the sitemap and canonical links; the pages link relatively.
    with served(root, port):
        yield f"http://127.0.0.1:{port}", root


@pytest.fixture
def arabic_page(browser, arabic_server):
    origin, _ = arabic_server
    context = browser.new_context(base_url=origin, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def copies(project: Path) -> list[str]:
    """Every page and form under ar/ that `make add-language` marked and the fixture left so."""
    return sorted(
        p.relative_to(project).as_posix()
        for folder in ("docs", "forms")
        for p in (project / folder / "ar").rglob("*.md")
        if re.search(r"(?m)^untranslated: en$", p.read_text(encoding="utf-8"))
    )


# -----------------------------------------------------------------------------
# make add-language
# -----------------------------------------------------------------------------


def test_make_add_language_only_adds_lines_to_mkdocs_yml(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SPECIMEN, project)
    before = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    written = add_language(project, "ar", "العربية")
    after = (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    # Every line that was there is there still, in its order: nothing else in the file changed.
    remaining = iter(after)
    assert all(line in remaining for line in before)
    assert any(re.fullmatch(r"\s*- locale: ar", line) for line in after)
    for folder in ("docs", "forms"):
        english = sorted(
            p.relative_to(project / folder / "en") for p in (project / folder / "en").rglob("*.md")
        )
        arabic = sorted(
            p.relative_to(project / folder / "ar") for p in (project / folder / "ar").rglob("*.md")
        )
        assert arabic == english
        assert any(line.startswith(f"{folder}/ar/") for line in written)


@pytest.mark.parametrize(
    ("code", "says"),
    [("en", "has the language 'en' already"), ("arabic", "is not a language code"), ("xx", "not a language")],
)
def test_make_add_language_refuses_a_wrong_code_and_says_why(tmp_path, code, says):
    project = tmp_path / "project"
    shutil.copytree(SPECIMEN, project)
    with pytest.raises(LanguageError, match=re.escape(says)):
        add_language(project, code)


def test_the_make_target_adds_the_language(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(SPECIMEN, project)
    shutil.copy(PROJECT / "Makefile", project / "Makefile")
    venv = Path(sys.prefix)
    result = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "add-language",
            "CODE=ar",
            "NAME=العربية",
            f"VENV={venv}",
            "-o",
            f"{venv}/bin/.site-installed",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "docs" / "ar" / "index.md").is_file()
    assert "make serve" in result.stdout


# -----------------------------------------------------------------------------
# Not yet translated: a notice in a preview, refused at launch
# -----------------------------------------------------------------------------


def test_a_page_not_yet_translated_says_so_in_the_readers_language(arabic):
    project, root, _ = arabic
    pages = [p for p in copies(project) if p.startswith("docs/")]
    assert pages, "the fixture leaves some pages untranslated"
    for source in pages:
        tree = lxml.html.parse(str(html_file(root, page_path(source.removeprefix("docs/ar/"))))).getroot()
        notice = tree.xpath('//*[@class="untranslated__notice"]')
        assert len(notice) == 1, f"{source}: no notice"
        # The fixture translates the notice, so the Arabic reader gets it in Arabic, right to left.
        assert (notice[0].get("lang"), notice[0].get("dir")) == ("ar", "rtl")
        copied = tree.xpath('//div[@class="untranslated"]')[0]
        assert (copied.get("lang"), copied.get("dir")) == ("en", "ltr"), (
            f"{source}: the English text is not marked"
        )
        # The glossary page's list of terms is the Arabic glossary: marked so inside the copied text.
        for terms in tree.xpath('//div[@class="untranslated"]//dl[contains(@class, "glossary")]'):
            assert re.search("[\u0600-\u06ff]", terms.text_content()), f"{source}: the list is not Arabic"
            assert (terms.get("lang"), terms.get("dir")) == ("ar", "rtl"), f"{source}: the list is not marked"
    assert any(
        'class="glossary glossary--list"'
        in html_file(root, page_path(p.removeprefix("docs/ar/"))).read_text()
        for p in pages
    ), "the fixture leaves the glossary page untranslated"
    for source in TRANSLATED:
        tree = lxml.html.parse(str(html_file(root, page_path(source)))).getroot()
        assert not tree.xpath('//*[@class="untranslated__notice" or @class="untranslated"]'), source


def test_the_preview_build_says_how_much_is_untranslated(arabic):
    project, _, output = arabic
    pages = len([p for p in copies(project) if p.startswith("docs/")])
    assert re.search(rf"ar: not yet translated, and allowed in this preview build: {pages} pages", output)


def test_make_build_refuses_each_untranslated_file_by_name(arabic, tmp_path):
    project, _, _ = arabic
    copy = tmp_path / "project"
    shutil.copytree(project, copy, symlinks=True)
    # A page copied by hand, without the mark: its text is the English one.
    shutil.copy(copy / "docs" / "en" / "vad-gor-vi.md", copy / "docs" / "ar" / "vad-gor-vi.md")
    result = make_build(copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert not (copy / "site").exists()
    for source in copies(copy):
        line = next(
            i
            for i, text in enumerate((copy / source).read_text(encoding="utf-8").splitlines(), 1)
            if text == "untranslated: en"
        )
        assert (
            f"{source}:{line}: the {'page' if source.startswith('docs') else 'form'} is not yet translated"
            in output
        )
    assert (
        "docs/ar/vad-gor-vi.md: the page is not yet translated: it has the text of docs/en/vad-gor-vi.md"
        in output
    )
    for source in TRANSLATED:
        assert f"docs/ar/{source}:" not in output
    assert f"forms/ar/{FORM.name}" not in output
    # The menu titles and texts that are still [copies] are named with their line too.
    assert re.search(r"\S+\.yml:\d+: extra\.\S+\.ar is not yet translated", output)


# -----------------------------------------------------------------------------
# The pages, right to left
# -----------------------------------------------------------------------------


def test_every_page_says_its_language_and_direction_on_html(arabic):
    _, root, _ = arabic
    for file in sorted(root.rglob("*.html")):
        relative = file.relative_to(root).as_posix()
        html = lxml.html.parse(str(file)).getroot()
        if relative.startswith("ar/"):
            assert (html.get("lang"), html.get("dir")) == ("ar", "rtl"), relative
        else:
            assert html.get("dir") == "ltr", relative


def test_headings_get_anchors_in_their_own_script(arabic):
    _, root, _ = arabic
    for source in TRANSLATED:
        tree = lxml.html.parse(str(html_file(root, page_path(source)))).getroot()
        headings = tree.xpath("//article//*[self::h1 or self::h2 or self::h3]")
        assert headings, source
        for heading in headings:
            text = heading.text_content().replace("¶", "").strip()
            # EDITING.md's rule: the heading's words, joined by hyphens (no punctuation in these).
            assert heading.get("id") == "-".join(text.split()), (source, text)


def test_phone_numbers_and_addresses_keep_their_own_direction(arabic):
    _, root, _ = arabic
    tree = lxml.html.parse(str(html_file(root, page_path("om-webbplatsen/kontakt.md")))).getroot()
    links = tree.xpath('//article//a[starts-with(@href, "tel:") or starts-with(@href, "mailto:")]')
    assert links
    assert all(link.get("dir") == "ltr" for link in links)
    assert tree.xpath('//*[@class="site-footer__print"]/bdi')


def test_the_chart_is_mirrored(arabic):
    _, root, _ = arabic

    def chart(path: str):
        svg = (
            lxml.html.parse(str(html_file(root, path)))
            .getroot()
            .xpath('//svg[@class="statistics__chart"]')[0]
        )
        axis = float(svg.xpath(".//line")[0].get("x1"))
        bars = [r for r in svg.xpath(".//rect") if float(r.get("y")) > 20]
        return svg, axis, bars

    svg, axis, bars = chart("/ar/")
    assert svg.get("direction") == "rtl"
    assert bars and all(abs(float(r.get("x")) + float(r.get("width")) - axis) < 0.2 for r in bars)
    _, axis, bars = chart("/en/")
    assert bars and all(abs(float(r.get("x")) - axis) < 0.2 for r in bars)


# -----------------------------------------------------------------------------
# Search in Arabic
# -----------------------------------------------------------------------------


def test_the_arabic_index_uses_lunrs_arabic_rules(arabic):
    _, root, _ = arabic
    index = json.loads((root / "ar" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["ar"]
    assert index["config"]["pipeline"] == ["stopWordFilter", "stemmer"]
    assert (root / "assets" / "javascripts" / "lunr" / "min" / "lunr.ar.min.js").is_file()


def _words(text: str) -> list[str]:
    return re.findall(r"[\u0621-\u064a]{5,}", text)


def test_an_arabic_word_finds_its_page(arabic_page, arabic_server):
    _, root = arabic_server
    # A word of the contact page's text, and the same word with the article ال, which the
    # Arabic stemmer takes off: both find the page.
    source = (ARABIC / "docs" / "ar" / "om-webbplatsen" / "kontakt.md").read_text(encoding="utf-8")
    word = next(w for w in _words(source.split("## ", 1)[1]) if w.startswith("ال"))
    for query in (word, word.removeprefix("ال")):
        visit(arabic_page, "/ar/")
        found = search(arabic_page, query)
        assert any("kontakt" in href for href in found), (query, found)


# -----------------------------------------------------------------------------
# The form's documents, right to left and in logical order
# -----------------------------------------------------------------------------


def _document(root: Path, suffix: str) -> bytes:
    name = re.search(r"(?m)^file: *(\S+)", FORM.read_text(encoding="utf-8"))[1]
    return (root / "ar" / "forms" / f"{name}.{suffix}").read_bytes()


def test_the_docx_runs_right_to_left(arabic):
    from docx.oxml.ns import qn

    _, root, _ = arabic
    paragraphs = documents.docx_paragraphs(_document(root, "docx"))
    assert paragraphs
    for paragraph in paragraphs:
        assert paragraph._p.pPr is not None and paragraph._p.pPr.find(qn("w:bidi")) is not None, (
            paragraph.text
        )
        assert all(run.font.rtl for run in paragraph.runs), paragraph.text
    texts = [p.text for p in paragraphs if p.text.strip()]
    assert texts[0] == documents.source_clauses(FORM)[0]


def test_the_odt_runs_right_to_left(arabic):
    from odf.namespaces import STYLENS
    from odf.style import DefaultStyle, PageLayoutProperties, ParagraphProperties

    _, root, _ = arabic
    document = documents.odt_document(_document(root, "odt"))
    default = next(
        s for s in document.styles.getElementsByType(DefaultStyle) if s.getAttribute("family") == "paragraph"
    )
    modes = [
        p.attributes.get((STYLENS, "writing-mode")) for p in default.getElementsByType(ParagraphProperties)
    ]
    assert "rl-tb" in modes
    pages = document.automaticstyles.getElementsByType(PageLayoutProperties)
    assert pages and all(p.attributes.get((STYLENS, "writing-mode")) == "rl-tb" for p in pages)
    assert documents.odt_paragraph_texts(_document(root, "odt"))[0] == documents.source_clauses(FORM)[0]


def test_the_pdfs_text_is_in_reading_order(arabic):
    """Read as poppler reads it (pdftotext: the reader behind most PDF viewers on Linux), which
    turns each right-to-left line from the order drawn into the order read, as the PDF format
    asks of a reader. pypdf does not: it reads a line that mixes Arabic with a number or a Latin
    word out of order, LibreOffice's own PDFs included."""
    _, root, _ = arabic
    data = _document(root, "pdf")
    assert documents.pdf_reader(data).trailer["/Root"]["/Lang"] == "ar"
    lines = [line for line in _read_by_poppler(data).splitlines() if line]
    # The form's title, sentences and blanks' labels, in the order of its source (one line each).
    body = FORM.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    expected = [
        re.sub(r"\s*\{\w+\}$", "", re.sub(r"^(#+|___)\s+", "", line)).strip()
        for line in body.splitlines()
        if line.strip()
    ]
    # The fixture mixes Arabic with a number and with a Latin word, and has a ligature (لا).
    assert any(re.search(r"[0-9]", line) for line in expected), expected
    assert any(re.search(r"[A-Za-z]", line) for line in expected), expected
    assert any("لا" in line for line in expected), expected
    # Each clause and label is one line, its words in the order they are read, the full stop
    # last. Compared without spaces: a reader guesses them from the gaps between glyphs, and
    # pdftotext puts the one before a number on its other side ("مدة 12شهرا").
    lines = ["".join(line.split()) for line in lines]
    expected = ["".join(line.split()) for line in expected]
    positions = [lines.index(text) for text in expected if text in lines]
    assert len(positions) == len(expected), (expected, lines)
    assert positions == sorted(positions), (expected, lines)


def _read_by_poppler(data: bytes) -> str:
    """The PDF's text as pdftotext gives it, without the marks of direction it adds (U+202A–202C),
    letters in their normal form (NFKC: a ligature's one character is its letters)."""
    pdftotext = shutil.which("pdftotext")
    assert pdftotext, "pdftotext (poppler-utils) is missing – run `make test`, which installs it"
    text = subprocess.run([pdftotext, "-", "-"], input=data, capture_output=True, check=True).stdout
    text = unicodedata.normalize("NFKC", re.sub("[\u202a-\u202e\u2066-\u2069]", "", text.decode()))
    return text


def test_libreoffice_converts_the_docx_and_odt_in_reading_order(arabic, tmp_path):
    _, root, _ = arabic
    for suffix in ("docx", "odt"):
        (tmp_path / f"form-{suffix}.{suffix}").write_bytes(_document(root, suffix))
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice (soffice) is missing – run `make test`, which installs it"
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "out"),
            str(tmp_path / "form-docx.docx"),
            str(tmp_path / "form-odt.odt"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    sentence = next(c for c in documents.source_clauses(FORM)[1:] if c.endswith("."))
    for suffix in ("docx", "odt"):
        text = documents.pdf_text((tmp_path / "out" / f"form-{suffix}.pdf").read_bytes())
        assert sentence in " ".join(text.split()), (suffix, text)


# -----------------------------------------------------------------------------
# In the browser: axe, the Nu Html Checker, keyboard, print, no JavaScript
# -----------------------------------------------------------------------------


def _checked_pages(project: Path) -> list[str]:
    """The translated pages, and one not yet translated (with its notice and its English text)."""
    copied = next(p for p in copies(project) if p.startswith("docs/"))
    return [page_path(source) for source in TRANSLATED] + [page_path(copied.removeprefix("docs/ar/"))]


def test_the_arabic_pages_pass_axe_privacy_and_csp_and_search_in_arabic(browser, arabic, arabic_server):
    project, _, _ = arabic
    origin, root = arabic_server
    name = re.search(r"(?m)^file: *(\S+)", FORM.read_text(encoding="utf-8"))[1]
    found = browser_gates(browser, origin, root, _checked_pages(project), [f"/ar/forms/{name}.html"])
    assert found == {"accessibility": [], "privacy": [], "csp": []}


def test_the_arabic_pages_are_valid_html(arabic):
    project, root, _ = arabic
    name = re.search(r"(?m)^file: *(\S+)", FORM.read_text(encoding="utf-8"))[1]
    files = [html_file(root, path).relative_to(root).as_posix() for path in _checked_pages(project)]
    files += ["ar/404.html", f"ar/forms/{name}.html"]
    assert html_errors_in({root: files}) == {root: []}


# The right end of a paragraph's text, and of the paragraph: equal where the text runs from the right.
TEXT_AT_THE_RIGHT = """() => {
  const paragraph = document.querySelector('article.md-content__inner > p');
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  const text = range.getBoundingClientRect(), box = paragraph.getBoundingClientRect();
  return Math.abs(text.right - box.right) < 2 && text.left - box.left > 2;
}"""


def test_the_skip_link_and_the_first_links_are_reached_by_keyboard_on_the_right(arabic_page):
    visit(arabic_page, "/ar/")
    arabic_page.keyboard.press("Tab")
    focused = arabic_page.evaluate(
        "() => { const e = document.activeElement, r = e.getBoundingClientRect();"
        " return {cls: e.className, left: r.left, right: r.right, width: innerWidth}; }"
    )
    assert "md-skip" in focused["cls"]
    # Mirrored: the skip link shows at the right, where an Arabic reader starts.
    assert focused["left"] > focused["width"] / 2, focused
    arabic_page.keyboard.press("Enter")
    arabic_page.keyboard.press("Tab")
    inside = arabic_page.evaluate("() => !!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, Tab goes on in the page's text"


def test_the_page_prints_right_to_left(arabic_page):
    visit(arabic_page, "/ar/")
    arabic_page.emulate_media(media="print")
    assert arabic_page.evaluate(TEXT_AT_THE_RIGHT)
    footer = arabic_page.locator(".site-footer__print")
    assert footer.is_visible()
    assert footer.locator("bdi").inner_text().startswith("http")


def test_without_javascript_the_page_runs_right_to_left_and_the_chart_fits(browser, arabic_server):
    origin, _ = arabic_server
    context = browser.new_context(
        base_url=origin, java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        visit(page, "/ar/")
        settle_without_scripts(page)
        assert page.evaluate("() => getComputedStyle(document.body).direction") == "rtl"
        assert page.evaluate(TEXT_AT_THE_RIGHT)
        # Each legend text inside the chart, and clear of its colour square (it was clipped).
        legend = page.evaluate(
            """() => [...document.querySelectorAll('svg.statistics__chart')].flatMap(svg => {
                 const width = svg.viewBox.baseVal.width;
                 const squares = [...svg.querySelectorAll('rect')].filter(r => +r.getAttribute('y') < 20);
                 return [...svg.querySelectorAll('.statistics__legend')].map((t, i) => {
                   const box = t.getBBox(), sq = squares[i].getBBox();
                   return {inside: box.x >= 0 && box.x + box.width <= width,
                           clear: box.x >= sq.x + sq.width || box.x + box.width <= sq.x};
                 });
               })"""
        )
        assert legend and all(item["inside"] and item["clear"] for item in legend), legend
    finally:
        context.close()


# -----------------------------------------------------------------------------
# Right to left in the header, the survey banner and the film player
# -----------------------------------------------------------------------------

# The horizontal part of the transform on an element's ::after (its chevron): -1 where it is
# mirrored, 1 where it is not.
CHEVRON_FLIP = """selector => [...document.querySelectorAll(selector)]
  .filter(e => e.getClientRects().length)
  .map(e => { const t = getComputedStyle(e, '::after').transform;
              return t === 'none' ? 1 : Math.sign(new DOMMatrix(t).a); })"""


def _film_page(root: Path) -> str:
    """The first page under /ar/ that has a film, found by its markup."""
    found = sorted(p for p in (root / "ar").rglob("index.html") if 'class="film"' in p.read_text("utf-8"))
    assert found, "the fixture has no film page under /ar/"
    return "/" + found[0].parent.relative_to(root).as_posix() + "/"


def test_the_survey_banner_and_a_glossary_tooltip_run_right_to_left(arabic_page):
    visit(arabic_page, "/ar/")
    banner = arabic_page.locator(".survey-banner")
    banner.wait_for()
    boxes = arabic_page.evaluate(
        """() => {
             const box = e => e.getBoundingClientRect();
             const inner = box(document.querySelector('.survey-banner__inner'));
             const range = document.createRange();
             range.selectNodeContents(document.querySelector('.survey-banner__text'));
             const text = range.getBoundingClientRect();
             const yes = box(document.querySelector('.survey-banner__yes'));
             const no = box(document.querySelector('.survey-banner__no'));
             return {inner: [inner.left, inner.right], text: [text.left, text.right],
                     yes: [yes.left, yes.right], no: [no.left, no.right]};
           }"""
    )
    # The question starts at the right, and the first answer (yes) is the one on the right.
    assert boxes["inner"][1] - boxes["text"][1] < boxes["text"][0] - boxes["inner"][0], boxes
    assert boxes["yes"][0] >= boxes["no"][1], boxes
    # A glossary term's explanation, shown on keyboard focus, starts at the right too: on a
    # phone, where it is a sheet as wide as the screen.
    arabic_page.set_viewport_size({"width": 390, "height": 800})
    arabic_page.locator(".glossary__term").first.focus()
    tip = arabic_page.locator(".glossary__tip").first
    tip.wait_for()
    sides = tip.evaluate(
        """tip => {
             const range = document.createRange();
             range.selectNodeContents(tip);
             const text = range.getBoundingClientRect(), box = tip.getBoundingClientRect();
             return {fromRight: box.right - text.right, fromLeft: text.left - box.left};
           }"""
    )
    assert sides["fromRight"] < sides["fromLeft"], sides


def test_the_film_player_and_the_chevrons_run_right_to_left(arabic_page, arabic_server):
    _, root = arabic_server
    path = _film_page(root)
    visit(arabic_page, path)
    film = arabic_page.evaluate(
        """() => {
             const film = document.querySelector('.film');
             const box = film.getBoundingClientRect();
             const links = [...film.querySelectorAll('.film__downloads a')].map(a => {
               const li = a.closest('li').getBoundingClientRect(), r = a.getBoundingClientRect();
               // The pieces of the link's text (one per direction), left to right: the gaps between them.
               const pieces = [...a.getClientRects()].sort((x, y) => x.left - y.left);
               const gap = Math.max(0, ...pieces.slice(1).map((p, i) => p.left - pieces[i].right));
               return {gap, fromRight: li.right - r.right};
             });
             const caption = film.querySelector('.film__caption').getBoundingClientRect();
             const title = film.querySelector('.film__title').getClientRects()[0];
             return {direction: getComputedStyle(film).direction, links,
                     titleFromRight: caption.right - title.right, width: box.width};
           }"""
    )
    assert film["direction"] == "rtl", film
    # Each download's link is in one piece, at the right of its line, before the file's kind and size.
    assert film["links"] and all(link["gap"] < 1 and link["fromRight"] < 2 for link in film["links"]), film
    assert film["titleFromRight"] < 2, film
    # The chevrons of the menu's sections and of the transcript point the way the text runs:
    # mirrored here, not on the same page in the first language.
    selectors = (".md-nav__link .md-nav__icon", ".film__transcript summary")
    for selector in selectors:
        flips = arabic_page.evaluate(CHEVRON_FLIP, selector)
        assert flips and set(flips) == {-1}, (selector, flips)
    visit(arabic_page, path.removeprefix("/ar"))
    for selector in selectors:
        flips = arabic_page.evaluate(CHEVRON_FLIP, selector)
        assert flips and set(flips) == {1}, (selector, flips)


def test_the_site_name_is_whole_on_a_phone_beside_three_languages(browser, arabic_server):
    origin, _ = arabic_server
    context = browser.new_context(base_url=origin, viewport={"width": 360, "height": 640})
    try:
        page = context.new_page()
        for path in ("/", "/en/", "/ar/"):
            visit(page, path)
            header = page.evaluate(
                """() => {
                     const name = document.querySelector('.md-header__topic .md-ellipsis');
                     const languages = document.querySelectorAll('.language-select .md-select__item').length;
                     const title = document.querySelector('.md-header__title').getBoundingClientRect();
                     const button = document.querySelector('.language-switch').getBoundingClientRect();
                     return {cut: name.scrollWidth > name.clientWidth + 1 || name.scrollHeight > name.clientHeight + 1,
                             languages, apart: title.right <= button.left + 1 || button.right <= title.left + 1};
                   }"""
            )
            assert header["languages"] >= 3, header
            assert not header["cut"] and header["apart"], (path, header)
    finally:
        context.close()
