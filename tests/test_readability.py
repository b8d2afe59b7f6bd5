"""
Reading level: every page that declares one reads at it.

A page declares its level in its front matter, `readability: plain` or
`readability: easy` (src/forebygg/front_matter.py, README.md "Change a page"),
and so may a form in forms/ (a leaflet to hand over, say; forms/README.md).
This gate measures every such page of the built site and every such form's
printed text, whatever they say, and fails with the page or form, its LIX and
its counts. It never lists today's pages.

LIX (läsbarhetsindex, C.-H. Björnsson 1968):

    LIX = words / sentences + 100 × long words / words

The levels' limits are the team's rule (README.md): `plain` – klarspråk for a
reader under stress – at most 30; `easy` – lättläst – at most 25.

The counting rule, on the built page (what the reader gets, the glossary's
terms and all):
- The text is the page's article (`<article class="md-content__inner">`)
  without the parts a reader does not read as running text: the "Källor" boxes
  (class `sources`, written `??? quote sources "Källor"`), the glossary's
  explanations (`role="tooltip"`, shown only on hover or focus), the headings'
  permalinks, the review date, scripts, styles and SVG pictures (their words
  are repeated in text). Link addresses are not text; a link's words are.
- A word is a run of letters or digits, joined by -, –, ', ’, :, . or / with
  more letters or digits ("t.ex", "12:44", "1970:994" are one word each); a
  sign such as § or – alone is no word.
- A long word has more than six letters (digits and signs not counted).
- A sentence ends at . ! ? or : after a word – not after an abbreviation
  (a word with a full stop inside, such as "t.ex", or one of ABBREVIATIONS).
- A paragraph, list item, table row, definition, caption or quotation also
  ends a sentence where its text does not (a list item without a full stop is
  a statement of its own, and so is a table row; its cells are read together).
- A heading – also a box's title and a summary of a `<details>` – ends a
  sentence only if it ends with . ! ? or : itself. Otherwise its words are
  counted with the sentence that follows: a short heading cannot lower the
  page's LIX by counting as a sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from forebygg.form_documents import parse_template
from forebygg.form_documents.pdf import document_html
from forebygg.front_matter import READING_LEVELS, reading_level
from site_build import PROJECT, build, languages, project_with_fixture

# The highest LIX of each level (README.md, "Change a page").
LIMITS = {"plain": 30, "easy": 25}

ABBREVIATIONS = {
    "kap",
    "st",
    "p",
    "nr",
    "jfr",
    "ca",
    "dvs",
    "osv",
    "resp",
    "etc",
    "bl",
    "mm",
    "eg",
    "ie",
    "no",
}
# Not read as running text (see the counting rule above).
LEFT_OUT = [
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' sources ')]",
    "//*[@role='tooltip']",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' headerlink ')]",
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' page-reviewed ')]",
    "//script",
    "//style",
    "//*[local-name()='svg']",
]
BLOCKS = {"p", "li", "tr", "dt", "dd", "caption", "figcaption", "blockquote"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "summary"}
# Private-use characters as the ends of blocks and headings in the article's text.
BLOCK_END, HEADING_END = "\ue000", "\ue001"
TOKEN = re.compile(
    rf"(?P<word>[^\W_]+(?:[-–'’:./][^\W_]+)*)|(?P<stop>[.!?:])|(?P<block>{BLOCK_END})|(?P<heading>{HEADING_END})"
)


def article_text(html: str) -> str:
    """The article's running text, with the ends of blocks and headings marked."""
    document = lxml.html.fromstring(html)
    articles = document.xpath(
        "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
    )
    # A form's printed document has no article: its <body>, without the <title> in <head>.
    bodies = document.xpath("//body")
    article = articles[0] if articles else bodies[0] if bodies else document
    for path in LEFT_OUT:
        for element in article.xpath(path):
            element.drop_tree()
    for element in article.iter():
        if not isinstance(element.tag, str):
            continue
        classes = (element.get("class") or "").split()
        if element.tag in HEADINGS or "admonition-title" in classes:
            _append(element, HEADING_END)
        elif element.tag in BLOCKS:
            _append(element, BLOCK_END)
        elif element.tag in ("td", "th", "br"):
            _append(element, " ")  # cells are separate words, even written without spaces between them
    return article.text_content()


def _append(element, mark: str) -> None:
    mark = f" {mark} "
    if len(element):
        element[-1].tail = (element[-1].tail or "") + mark
    else:
        element.text = (element.text or "") + mark


def counts(text: str) -> tuple[int, int, int]:
    """(words, sentences, long words) of a text from article_text, by the counting rule."""
    words = long_words = sentences = 0
    open_sentence = False  # words since the last sentence end
    last_word = ""
    for match in TOKEN.finditer(text):
        if match["word"]:
            word = match["word"]
            words += 1
            long_words += sum(character.isalpha() for character in word) > 6
            open_sentence, last_word = True, word
        elif match["stop"]:
            if open_sentence and not _abbreviation(last_word):
                sentences += 1
                open_sentence = False
            last_word = ""
        elif match["block"]:
            if open_sentence:
                sentences += 1
                open_sentence = False
        # A heading's end changes nothing: a heading that ends with . ! ? or : has already
        # ended its sentence at that sign; one without runs on into the next sentence.
    if open_sentence:
        sentences += 1
    return words, sentences, long_words


def _abbreviation(word: str) -> bool:
    return "." in word or word.lower() in ABBREVIATIONS


def lix(text: str) -> float:
    words, sentences, long_words = counts(text)
    return words / sentences + 100 * long_words / words if words else 0.0


# -----------------------------------------------------------------------------
# The gate
# -----------------------------------------------------------------------------


def declared_pages(project: Path) -> list[tuple[str, str, str]]:
    """(page address in the site, source file, level) for every page that declares a reading level."""
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    inherited = config.pop("INHERIT", None)
    while inherited:
        base = yaml_load((project / inherited).read_text(encoding="utf-8"))
        inherited = base.pop("INHERIT", None)
        config = {**base, **config}
    pages = []
    for number, language in enumerate(languages(config)):
        folder = project / "docs" / language["locale"]
        prefix = "" if number == 0 else language["locale"] + "/"
        for source in sorted(folder.rglob("*.md")):
            level = reading_level(source.read_text(encoding="utf-8-sig"))
            if level is None:
                continue
            relative = source.relative_to(folder).with_suffix("")
            address = relative.parent if relative.name == "index" else relative
            path = "" if str(address) == "." else address.as_posix() + "/"
            pages.append((prefix + path, source.relative_to(project).as_posix(), level))
    return pages


def reading_level_problems(project: Path, site: Path) -> list[str]:
    """Every declared page whose built text reads above its level's limit, with its LIX and counts."""
    problems = []
    for address, source, level in declared_pages(project):
        built = site / address / "index.html"
        problem = level_problem(article_text(built.read_text(encoding="utf-8")), level)
        if problem:
            problems.append(f"/{address} ({source}, readability: {level}): {problem}")
    return problems


def form_reading_level_problems(project: Path) -> list[str]:
    """Every form in forms/ that declares a reading level and whose printed text (the PDF's
    HTML, its title and labels included) reads above the level's limit."""
    problems = []
    for source in sorted((project / "forms").glob("*/*.md")):
        template = parse_template(source, project)
        if template.readability is None:
            continue
        problem = level_problem(article_text(document_html(template)), template.readability)
        if problem:
            shown = source.relative_to(project).as_posix()
            problems.append(f"{shown} (readability: {template.readability}): {problem}")
    return problems


def level_problem(text: str, level: str) -> str:
    """What is wrong with `text` at `level`, with its LIX and counts; '' if it reads at it."""
    words, sentences, long_words = counts(text)
    value = lix(text)
    if value <= LIMITS[level]:
        return ""
    return (
        f"LIX {value:.1f} is above {LIMITS[level]} – "
        f"{words} words in {sentences} sentences ({words / max(sentences, 1):.1f} a sentence), "
        f"{long_words} long words ({100 * long_words / max(words, 1):.0f} %): "
        "write shorter sentences and everyday words"
    )


def test_every_page_that_declares_a_reading_level_reads_at_it(site):
    problems = reading_level_problems(PROJECT, site.root)
    assert not problems, "pages that read harder than they declare:\n" + "\n".join(problems)


def test_every_form_that_declares_a_reading_level_reads_at_it():
    problems = form_reading_level_problems(PROJECT)
    assert not problems, "forms that read harder than they declare:\n" + "\n".join(problems)


def test_every_level_a_page_may_declare_has_a_limit_here():
    """A level added to the front-matter check without a limit in this gate would never be measured."""
    assert set(READING_LEVELS) == set(LIMITS)


def test_the_gate_fails_on_a_page_too_hard_for_its_level_and_passes_an_easy_one(tmp_path):
    """tests/fixtures/readability-too-hard/: the Swedish page declares `easy` in long official sentences,
    the English one `plain` in short everyday ones."""
    project = project_with_fixture("readability-too-hard", tmp_path)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.output
    problems = reading_level_problems(project, tmp_path / "site")
    assert len(problems) == 1, problems
    assert problems[0].startswith("/vad-gor-vi/ (docs/sv/vad-gor-vi.md, readability: easy): LIX "), problems
    assert "is above 25" in problems[0]


def test_the_gate_names_a_form_too_hard_for_its_level_and_passes_an_easy_one(tmp_path):
    folder = tmp_path / "forms" / "sv"
    folder.mkdir(parents=True)
    hard = (
        "Hyresgästens betalningsförsummelse föranleder hyresvärdens uppsägning, varvid "
        "socialnämndens skriftliga förbindelse beträffande betalningsansvaret erfordras omgående."
    )
    (folder / "svar.md").write_text(
        f"---\nfile: svar\nreadability: easy\n---\n\n# Svar\n\n{hard}\n", encoding="utf-8"
    )
    (folder / "lapp.md").write_text(
        "---\nfile: lapp\nreadability: easy\n---\n\n# Lapp\n\nRing oss. Vi kan hjälpa dig.\n",
        encoding="utf-8",
    )
    problems = form_reading_level_problems(tmp_path)
    assert len(problems) == 1, problems
    assert problems[0].startswith("forms/sv/svar.md (readability: easy): LIX "), problems
    assert "is above 25" in problems[0]


# -----------------------------------------------------------------------------
# The counting rule, on texts counted by hand
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html, expected",
    [
        # "Gör så här i dag" runs on into "Betala hyran." (7 words); "Ring socialtjänsten!";
        # the list item "Spara kvittot" ends at its end; "Läs brevet noga." The sources box is left out.
        # 14 words, 4 sentences, long: socialtjänsten, kvittot.
        (
            "<article class='md-content__inner'><h2>Gör så här i dag</h2>"
            "<p>Betala hyran. Ring socialtjänsten!</p><ul><li>Spara kvittot</li><li>Läs brevet noga.</li></ul>"
            "<details class='quote sources'><summary>Källor</summary>"
            "<p>Jordabalken tolfte kapitlet fyrtiofjärde paragrafen.</p></details></article>",
            (14, 4, 2),
        ),
        # Abbreviations end no sentence; § is no word: Se, t.ex, 12, kap, 44, jordabalken.
        ("<article class='md-content__inner'><p>Se t.ex. 12 kap. 44 § jordabalken.</p></article>", (6, 1, 1)),
        # A heading with a question mark is a sentence of its own.
        (
            "<article class='md-content__inner'><h2>Vilket brev har du fått?</h2><p>Läs brevet.</p></article>",
            (7, 2, 0),
        ),
        # A table row is one sentence, its cells read together.
        (
            "<article class='md-content__inner'><table><tr><th>Brev</th><th>Tid</th></tr>"
            "<tr><td>Uppsägning</td><td>tre veckor</td></tr></table></article>",
            (5, 2, 1),
        ),
        # A link's address is no text; a glossary explanation is left out, the term stays.
        (
            "<article class='md-content__inner'><p>Läs <a href='https://www.riksdagen.se/sv/jordabalk'>lagen</a>. "
            "Du har fått en <span class='glossary'><a href='#u'>uppsägning</a>"
            "<span role='tooltip'>En mycket utförlig förklaring av begreppet.</span></span> i dag</p></article>",
            (9, 2, 1),
        ),
    ],
)
def test_words_sentences_and_long_words_are_counted_by_the_rule(html, expected):
    assert counts(article_text(html)) == expected


def test_lix_is_words_per_sentence_plus_the_share_of_long_words():
    # 14 words, 4 sentences, 2 long words: 14 / 4 + 100 × 2 / 14 = 3.5 + 14.29 = 17.79.
    text = article_text(
        "<article class='md-content__inner'><h2>Gör så här i dag</h2>"
        "<p>Betala hyran. Ring socialtjänsten!</p><ul><li>Spara kvittot</li><li>Läs brevet noga.</li></ul></article>"
    )
    assert lix(text) == pytest.approx(17.79, abs=0.01)
