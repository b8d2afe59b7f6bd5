"""
The template forms in forms/ and the files made from them.

Every file is opened with its own library (python-docx, odfpy, pypdf), never
read as bytes; what it must contain is read from the template's Markdown here,
not taken from the library that wrote it.
"""

from __future__ import annotations

import collections
import re
import shutil
from io import BytesIO
from pathlib import Path

import jinja2
import lxml.html
import pytest
from mkdocs.utils import yaml_load

from forebygg import form_documents
from forebygg.form_documents import FormError, check_languages, parse_template
from site_build import PROJECT, SPECIMEN, languages

# The project's languages, as mkdocs.yml lists them.
LANGUAGES = [
    language["locale"] for language in languages(yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8")))
]
# Every template of the project: each is checked, whatever it says.
TEMPLATES = sorted((PROJECT / "forms").glob("*/*.md"))
# The specimen's (tests/specimen/forms/): what the tests know a template to hold.
SPECIMEN_FORMS = SPECIMEN / "forms"
SPECIMEN_LETTER = {language: SPECIMEN_FORMS / language / "avsiktsforklaring.md" for language in ("sv", "en")}
FIXTURES = PROJECT / "tests" / "fixtures" / "form-templates"
FIXTURE_LANGUAGES = ["sv", "en"]
MAX_PDF_SIZE = 100_000

# One test process makes the documents (the `built` fixture) for all these tests.
pytestmark = pytest.mark.xdist_group("form-documents")


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built():
    """Each template's parsed form and its three files, built once.

    For the session: a module's fixture would be made again each time the
    test process comes back to this file between other files' tests.
    """
    result = {}
    for path in [*TEMPLATES, *SPECIMEN_LETTER.values()]:
        t = parse_template(path, path.parents[2])
        result[path] = (t, form_documents.to_docx(t), form_documents.to_odt(t), form_documents.to_pdf(t))
    return result


def template_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def example_article(t, heading_level: int = 3):
    """The form's <article> in the page example, rendered as the build renders it: in an environment
    that escapes every value (forebygg.site_config.theme_template)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(PROJECT / "overrides"), autoescape=True)
    html = env.get_template("partials/form-example.html").render(
        template=t,
        heading_level=heading_level,
        texts=collections.defaultdict(str),
        downloads=[],
        fill_in_url="",
    )
    return lxml.html.fragment_fromstring(html).find("article")


# -----------------------------------------------------------------------------
# Helper functions: what the source says
# -----------------------------------------------------------------------------

LIST_ITEM = re.compile(r"^\s*(?:\d+\.|[-*+])\s+")
LINK = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)\)")


def source_clauses(path: Path, on_paper: bool = False) -> list[str]:
    """The title, paragraphs and list items of a template, read from its Markdown, a link as its
    text; `on_paper`, as forms/README.md says paper shows it: a web or e-mail address after the text."""

    def link(match: re.Match) -> str:
        text, target = match["text"], match["target"]
        shown = target.removeprefix("mailto:")
        addressed = on_paper and target.startswith(("http:", "https:", "mailto:")) and target != text
        return f"{text} ({shown})" if addressed else text

    body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    clauses = []
    for chunk in re.split(r"\n\s*\n", body):
        lines = [line for line in chunk.strip().splitlines() if line.strip() and not line.startswith("___")]
        if not lines:
            continue
        if LIST_ITEM.match(lines[0]):
            clauses += [LIST_ITEM.sub("", line) for line in lines]
        else:
            clauses.append(re.sub(r"^#+\s+", "", " ".join(lines)))
    return [plain(LINK.sub(link, c)) for c in clauses]


def source_labels(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [re.sub(r"\s*\{\w+\}\s*$", "", line[3:]).strip() for line in lines if line.startswith("___ ")]


def spoken_labels(path: Path) -> list[str]:
    """Each blank's name for a screen reader: 'Heading: Label' under a heading right above its group."""
    names, heading = [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("___ "):
            label = re.sub(r"\s*\{\w+\}\s*$", "", line[3:]).strip()
            names.append(f"{heading}: {label}" if heading else label)
        elif line.startswith("## "):
            heading = line[3:].strip()
        elif line.strip():
            heading = ""
    return names


def plain(text: str) -> str:
    return " ".join(text.replace("**", "").replace("*", "").split())


def without_space(text: str) -> str:
    # A PDF line may break after "och/" with no space in the source.
    return re.sub(r"\s+", "", text)


# ---- Reading the files with their own libraries ----


def docx_paragraphs(data: bytes):
    import docx

    return docx.Document(BytesIO(data)).paragraphs


def odt_document(data: bytes):
    from odf.opendocument import load

    return load(BytesIO(data))


def odt_paragraph_texts(data: bytes) -> list[str]:
    from odf import teletype
    from odf.text import H, P

    document = odt_document(data)
    return [
        teletype.extractText(e)
        for e in document.text.getElementsByType(H) + document.text.getElementsByType(P)
    ]


def pdf_reader(data: bytes):
    from pypdf import PdfReader

    return PdfReader(BytesIO(data))


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pdf_reader(data).pages)


# -----------------------------------------------------------------------------
# The templates
# -----------------------------------------------------------------------------


def test_every_form_exists_in_every_language_with_a_download_name_of_its_own():
    names = {(t.language, t.id): t.file for t in (parse_template(p, PROJECT) for p in TEMPLATES)}
    ids = {form_id for _, form_id in names}
    assert {(language, form_id) for language in LANGUAGES for form_id in ids} == set(names)
    for language in LANGUAGES:
        files = [file for (code, _), file in names.items() if code == language]
        assert len(set(files)) == len(files), files
        assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", file) for file in files), files
    assert check_languages(PROJECT, LANGUAGES) == []


@pytest.mark.parametrize("path", TEMPLATES, ids=template_id)
def test_every_blank_of_the_source_is_a_field(path):
    t = parse_template(path, PROJECT)
    assert [f.label for f in t.fields] == source_labels(path)
    names = [f.name for f in t.fields]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z0-9_]+", n) for n in names)


def test_field_names_come_from_the_labels():
    letter = parse_template(SPECIMEN_LETTER["sv"], SPECIMEN)
    consent = parse_template(SPECIMEN_FORMS / "sv" / "samtycke.md", SPECIMEN)
    assert [f.name for f in letter.fields] == [
        "hyresvard",
        "kommun",
        "for_kommunen_datum",
        "for_kommunen_underskrift",
        "for_kommunen_namnfortydligande",
        "for_hyresvarden_datum",
        "for_hyresvarden_underskrift",
        "for_hyresvarden_namnfortydligande",
    ]
    assert [(f.name, f.type) for f in consent.fields] == [
        ("hyresvard", "text"),
        ("uppgifter_som_far_lamnas", "text"),
        ("datum", "date"),
        ("personnummer", "personnummer"),
        ("namn_underskrift", "signature"),
        ("namnfortydligande", "text"),
    ]


# -----------------------------------------------------------------------------
# The example on the page
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", TEMPLATES, ids=template_id)
def test_the_example_has_the_title_text_and_labelled_blanks(path):
    t = parse_template(path, PROJECT)
    article = example_article(t)
    assert article.get("lang") == t.language
    assert article[0].tag == "h3" and article[0].text_content() == t.title
    assert all(h.text_content().strip() for h in article.iter("h1", "h2", "h3", "h4", "h5", "h6"))
    text = plain(article.text_content())
    for clause in source_clauses(path):
        assert clause in text
    labels = [e.text_content() for e in article.find_class("form-example__field-label")]
    assert labels == source_labels(path)
    assert len(article.find_class("form-example__field-line")) == len(labels)


def test_headings_in_the_example_follow_the_title_level():
    t = parse_template(FIXTURES / "rich" / "forms" / "sv" / "exempel.md", FIXTURES / "rich")
    article = example_article(t, heading_level=3)
    assert [h.tag for h in article.iter("h2", "h3", "h4", "h5")] == ["h3", "h4", "h4"]
    assert [ol.get("start") for ol in article.iter("ol")] == [None, "3"]
    assert article.xpath("string(.//p/strong)") == "fetstil"
    assert article.xpath("string(.//p/em)") == "kursiv"
    assert example_article(t, heading_level=2).xpath("name(*[1])") == "h2"


# -----------------------------------------------------------------------------
# The downloads
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", TEMPLATES, ids=template_id)
def test_docx_has_the_text_and_a_line_above_every_label(path, built):
    from docx.oxml.ns import qn

    t, data, _, _ = built[path]
    paragraphs = docx_paragraphs(data)
    texts = [plain(p.text) for p in paragraphs]
    for clause in source_clauses(path, on_paper=True):
        assert clause in texts
    assert paragraphs[0].style.name == "Heading 1" and paragraphs[0].text == t.title
    for label in source_labels(path):
        i = texts.index(label)
        line = paragraphs[i - 1]
        assert line.text == ""
        assert line._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None
        texts[i] = None  # the next label of the same text is another one

    import docx

    document = docx.Document(BytesIO(data))
    assert document.styles.element.xpath("w:docDefaults//w:lang/@w:val")[0].startswith(t.language)
    properties = document.core_properties
    assert properties.title == t.title
    assert properties.language == t.language
    assert properties.author == ""
    assert properties.created.year == properties.modified.year == 2000


@pytest.mark.parametrize("path", TEMPLATES, ids=template_id)
def test_odt_has_the_text_and_separate_lines_above_the_labels(path, built):
    from odf import dc
    from odf.namespaces import STYLENS
    from odf.style import ParagraphProperties, Style
    from odf.text import P

    t, _, data, _ = built[path]
    texts = [plain(x) for x in odt_paragraph_texts(data)]
    for clause in source_clauses(path, on_paper=True):
        assert clause in texts
    document = odt_document(data)
    assert document.meta.getElementsByType(dc.Title)[0].firstChild.data == t.title
    assert document.meta.getElementsByType(dc.Language)[0].firstChild.data == t.language

    styles = {s.getAttribute("name"): s for s in document.styles.getElementsByType(Style)}
    paragraphs = document.text.getElementsByType(P)
    labels = source_labels(path)
    for label in labels:
        i = next(i for i, p in enumerate(paragraphs) if str(p) == label)
        line = paragraphs[i - 1]
        properties = styles[line.getAttribute("stylename")].getElementsByType(ParagraphProperties)[0]
        # Bordered paragraphs in a row would be drawn as one box without join-border false.
        assert properties.attributes[(STYLENS, "join-border")] == "false"
        assert "solid" in properties.getAttribute("borderbottom")
        paragraphs = paragraphs[i + 1 :]


@pytest.mark.parametrize("path", TEMPLATES, ids=template_id)
def test_pdf_is_tagged_titled_and_fillable(path, built):
    t, _, _, data = built[path]
    reader = pdf_reader(data)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == t.language
    assert reader.metadata.title == t.title
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]

    fields = reader.get_fields()
    assert list(fields) == [f.name for f in t.fields]
    assert [f["/TU"] for f in fields.values()] == spoken_labels(path)
    for field in t.fields:
        assert fields[field.name]["/FT"] == "/Tx"

    text = without_space(pdf_text(data))
    for clause in source_clauses(path, on_paper=True):
        assert without_space(clause) in text
    for label in source_labels(path):
        assert without_space(label) in text


@pytest.mark.parametrize("path", TEMPLATES, ids=template_id)
def test_pdf_is_small(path, built):
    _, _, _, data = built[path]
    assert len(data) < MAX_PDF_SIZE, f"{len(data)} bytes"


def test_a_bold_word_and_a_restarted_list_reach_the_downloads():
    from odf.text import Span

    t = parse_template(FIXTURES / "rich" / "forms" / "sv" / "exempel.md", FIXTURES / "rich")
    paragraphs = docx_paragraphs(form_documents.to_docx(t))
    assert any(run.bold and run.text == "fetstil" for p in paragraphs for run in p.runs)
    assert any(run.italic and run.text == "kursiv" for p in paragraphs for run in p.runs)
    numbered = [p for p in paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Ett", "Två", "Tre", "Fyra"]
    first, second = (p._p.pPr.numPr.numId.val for p in (numbered[0], numbered[2]))
    assert first != second  # two lists, each counting from its own start

    document = odt_document(form_documents.to_odt(t))
    spans = {(s.getAttribute("stylename"), str(s)) for s in document.text.getElementsByType(Span)}
    assert {("Bold", "fetstil"), ("Italic", "kursiv"), ("Bold", "fet")} <= spans

    fields = pdf_reader(form_documents.to_pdf(t)).get_fields()
    assert list(fields) == ["datum", "for_hyresvarden_datum", "for_hyresvarden_namn_underskrift"]
    assert [f["/TU"] for f in fields.values()] == [
        "Datum",
        "För hyresvärden: Datum",
        "För hyresvärden: Namn/Underskrift",
    ]


# -----------------------------------------------------------------------------
# Mistakes in templates
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "case, line, words",
    [
        (
            "unknown-field-type",
            10,
            "unknown field type 'datum' – use text, date, personnummer, signature or number",
        ),
        ("missing-title", 5, "no title –"),
        ("two-titles", 9, "a second '# ' title –"),
        ("field-without-label", 10, "a blank without a label –"),
        ("missing-file", 1, "missing 'file:' –"),
        ("unsupported-markdown", 9, "a quote (>) is not supported in a form –"),
        ("raw-html", 9, "HTML ('<b>') is not supported in a form –"),
        # Each of these was printed as text before, without a word.
        ("blank-two-underscores", 9, "'__ Datum {date}' looks like a blank but is not written as one"),
        ("blank-without-space", 9, "'___Hyresvärd' looks like a blank but is not written as one"),
        (
            "blank-type-not-closed",
            9,
            "the type of the blank 'Datum {date' is not written in a pair of braces –",
        ),
        ("table", 9, "a table is not supported in a form –"),
        # Before, the '>>>>>>>' line was reported as a quote, on another line.
        (
            "merge-conflict",
            9,
            "a merge conflict is left in the form (<<<<<<< … ======= … >>>>>>>) – keep the",
        ),
        # Text between a heading and its blanks: the heading names no group, so two 'Datum' sound alike.
        ("same-label-twice", 16, "a second blank 'Datum' (the first is on line 10) – "),
        # German-style typographic quotes around a text with a colon, and a tab after a name.
        (
            "typographic-quotes",
            3,
            "the front matter is not valid YAML: the text starts with a typographic quote („), which YAML does not "
            'read as a quote, so the text stops at the colon inside it – write straight quotes (") around it '
            'instead: description: "Samtycke: så får socialtjänsten hämta uppgifter"',
        ),
        # The form's title is shown as a heading on its page, so its headings keep their order too.
        (
            "heading-skips-a-level",
            9,
            "the heading '### Underskrift' is level 3, right after the level-1 heading on line 5 – headings go "
            "one level down at a time",
        ),
        (
            "tab-in-front-matter",
            2,
            "the front matter is not valid YAML: there is a tab after 'file:' – YAML allows only spaces there: "
            "replace the tab with a space",
        ),
    ],
)
def test_a_mistake_names_the_file_and_the_line(case, line, words):
    root = FIXTURES / case
    with pytest.raises(FormError) as error:
        parse_template(root / "forms" / "sv" / "samtycke.md", root)
    assert str(error.value).startswith(f"forms/sv/samtycke.md:{line}: {words}")
    # check_languages reports it too, for the build to show every mistake at once.
    assert str(error.value) in check_languages(root, FIXTURE_LANGUAGES)


def test_a_form_in_one_language_only_is_named():
    assert check_languages(FIXTURES / "one-language-only", FIXTURE_LANGUAGES) == [
        "forms/sv/samtycke.md:1: no English version forms/en/samtycke.md – add it, "
        "with the same blanks, or remove the Swedish one"
    ]


@pytest.mark.parametrize("form_id", ["avsiktsforklaring", "samtycke"])
def test_a_template_in_one_language_only_is_named(tmp_path, form_id):
    shutil.copytree(SPECIMEN_FORMS, tmp_path / "forms")
    (tmp_path / "forms" / "en" / f"{form_id}.md").unlink()
    assert check_languages(tmp_path, FIXTURE_LANGUAGES) == [
        f"forms/sv/{form_id}.md:1: no English version forms/en/{form_id}.md – add it, "
        "with the same blanks, or remove the Swedish one"
    ]


# -----------------------------------------------------------------------------
# The letter of intent: each party signs and writes its name
# -----------------------------------------------------------------------------

# The specimen's letter of intent, per language: the parties' headings, and the labels of the
# signature and the name in capitals (tests/specimen/forms/*/avsiktsforklaring.md).
PARTIES = {
    "sv": (("För kommunen", "För hyresvärden"), "Underskrift", "Namnförtydligande"),
    "en": (("For the municipality", "For the landlord"), "Signature", "Name in capitals"),
}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_letter_of_intent_has_a_signature_and_a_name_line_per_party(language, built):
    from docx.oxml.ns import qn

    path = SPECIMEN_LETTER[language]
    t, docx_data, odt_data, pdf_data = built[path]
    assert " X " not in t.title and not t.title.endswith(" Y")
    headings, signature, name = PARTIES[language]

    # Word: under each party's heading, a bordered line above the signature label, then the name label.
    paragraphs = docx_paragraphs(docx_data)
    texts = [p.text for p in paragraphs]
    for heading in headings:
        start = texts.index(heading)
        after = texts[start:]
        end = min((after.index(h) for h in headings if h != heading and h in after), default=len(after))
        own = after[:end]
        assert signature in own and name in own, own
        for label in (signature, name):
            line = paragraphs[start + own.index(label) - 1]
            assert line.text == "" and line._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}") is not None

    # LibreOffice: the same order of headings and labels.
    document = odt_document(odt_data)
    order = [str(e) for e in document.text.childNodes if e.qname[1] in ("h", "p") and str(e)]
    for heading in headings:
        i = order.index(heading)
        assert order[i + 1 : i + 4] == [source_labels(path)[2], signature, name]

    # PDF: a fillable field for each party's signature and name, named after the party.
    fields = {f["/TU"]: f for f in pdf_reader(pdf_data).get_fields().values()}
    for heading in headings:
        for label in (signature, name):
            assert fields[f"{heading}: {label}"]["/FT"] == "/Tx"


def test_blanks_that_differ_between_languages_are_named():
    problems = check_languages(FIXTURES / "different-fields", FIXTURE_LANGUAGES)
    assert len(problems) == 2
    assert problems[0].startswith(
        "forms/en/avsiktsforklaring.md:7: 1 blank, but forms/sv/avsiktsforklaring.md has 2 blanks –"
    )
    assert problems[1].startswith(
        "forms/en/samtycke.md:8: blank 2 'Personal identity number' is {text}, "
        "but in forms/sv/samtycke.md:8 'Personnummer' is {personnummer} –"
    )


def test_two_forms_with_one_download_name_are_named(tmp_path):
    for id_, language, name in (
        ("a", "sv", "blankett"),
        ("b", "sv", "blankett"),
        ("a", "en", "form-a"),
        ("b", "en", "form-b"),
    ):
        path = tmp_path / "forms" / language / f"{id_}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\nfile: {name}\n---\n\n# Blankett\n\n___ Datum {{date}}\n", encoding="utf-8")
    assert check_languages(tmp_path, FIXTURE_LANGUAGES) == [
        "forms/sv/b.md:1: the download name 'file: blankett' is also used by forms/sv/a.md – "
        "give each template its own"
    ]


def test_an_entity_is_text_not_html(tmp_path):
    # An entity such as &amp; is not raw HTML, though Python-Markdown keeps it aside like HTML.
    path = tmp_path / "forms" / "sv" / "a.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\nfile: a\n---\n\n# A &amp; B\n\nX &lt;Y&gt; &amp; AT&T\n", encoding="utf-8")
    t = parse_template(path, tmp_path)
    assert t.title == "A & B"
    assert "X <Y> & AT&T" in [p.text for p in docx_paragraphs(form_documents.to_docx(t))]
    assert example_article(t).xpath("string(p)") == "X <Y> & AT&T"


def test_a_link_on_paper_shows_its_address_after_its_text(tmp_path):
    path = tmp_path / "forms" / "sv" / "a.md"
    path.parent.mkdir(parents=True)
    path.write_text(
        "---\nfile: a\n---\n\n# A\n\nSe [vår sida](https://example.org/a) och <https://example.org/b>.\n",
        encoding="utf-8",
    )
    t = parse_template(path, tmp_path)
    expected = "Se vår sida (https://example.org/a) och https://example.org/b."
    assert expected in [p.text for p in docx_paragraphs(form_documents.to_docx(t))]
    assert expected in odt_paragraph_texts(form_documents.to_odt(t))
    assert example_article(t).xpath("string(p/a/@href)") == "https://example.org/a"


def test_a_new_field_type_needs_only_a_row_in_the_table(tmp_path, monkeypatch):
    from docx.oxml.ns import qn

    postcode = form_documents.FieldType("postnummer", short=True, max_length=6)
    monkeypatch.setitem(form_documents.FIELD_TYPES, "postnummer", postcode)
    path = tmp_path / "forms" / "sv" / "a.md"
    path.parent.mkdir(parents=True)
    path.write_text("---\nfile: a\n---\n\n# A\n\n___ Postnummer {postnummer}\n", encoding="utf-8")
    t = parse_template(path, tmp_path)

    line = docx_paragraphs(form_documents.to_docx(t))[1]
    assert line._p.find(f"{qn('w:pPr')}/{qn('w:ind')}") is not None  # a short line, indented from the right
    fields = [a.get_object() for a in pdf_reader(form_documents.to_pdf(t)).pages[0]["/Annots"]]
    assert [(f["/T"], f["/MaxLen"]) for f in fields] == [("postnummer", 6)]
    classes = example_article(t).xpath("string(.//li/@class)").split()
    assert "form-example__field--short" in classes


# -----------------------------------------------------------------------------
# The cache of downloads
# -----------------------------------------------------------------------------


def test_the_cache_key_changes_with_every_file_of_the_package_and_the_font(tmp_path):
    package = tmp_path / "form_documents"
    source = Path(form_documents.__file__).parent
    shutil.copytree(source, package, ignore=shutil.ignore_patterns("__pycache__"))
    font = tmp_path / "font.ttf"
    font.write_bytes(b"a font")
    before = form_documents.code_key(package, font)
    files = sorted(p for p in package.iterdir() if p.suffix in (".py", ".css"))
    assert {p.name for p in files} >= {"__init__.py", "word.py", "opendocument.py", "pdf.py", "pdf.css"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\n", encoding="utf-8")
        assert form_documents.code_key(package, font) != before, f"a change to {path.name} kept the key"
        path.write_text(text, encoding="utf-8")
    assert form_documents.code_key(package, font) == before
    font.write_bytes(b"another font")
    assert form_documents.code_key(package, font) != before
