"""
What a template form is, independent of any output format.

reading.py makes a FormTemplate from a Markdown file; each writer (word.py,
opendocument.py, pdf.py, and the site's Jinja partials) draws one. The table
FIELD_TYPES is the one place that says how each type of blank looks and
behaves: adding a type means a row here, and CSS only if it needs a new look.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar


class FormError(Exception):
    """A mistake in a template; the message is `path:line: what is wrong – how to fix it`."""


# -----------------------------------------------------------------------------
# Types of blanks
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldType:
    """How a type of blank looks and behaves in every output.

    The site's CSS draws these as modifier classes: `--short` and `--spaced`
    (see `modifiers`), so a new type with an existing look needs no new CSS.
    """

    name: str  # as written in a template: `___ Datum {date}`
    short: bool = False  # a half-width line: the value is short
    spaced: bool = False  # more space above the line, for a handwritten signature
    typed: bool = True  # filled in on screen; False: only by hand on paper
    multiline: bool = False  # free text: on screen a box that grows as the reader types
    max_length: int | None = None  # characters, in the PDF's field
    input_mode: str | None = None  # the on-screen keyboard to offer: HTML inputmode
    hint: str | None = None  # key of the hint under the label, in extra.text.form
    check: str | None = None  # the on-screen check form-fill.js runs on the value

    @property
    def modifiers(self) -> tuple[str, ...]:
        """BEM modifiers of a blank of this type: its name, then its looks."""
        return (self.name, *(["short"] if self.short else []), *(["spaced"] if self.spaced else []))


FIELD_TYPES = {
    t.name: t
    for t in (
        FieldType("text", multiline=True),
        FieldType("date", short=True, hint="hint_date"),
        # 13 characters: YYYYMMDD-NNNN.
        FieldType(
            "personnummer",
            short=True,
            max_length=13,
            input_mode="numeric",
            hint="hint_personnummer",
            check="personnummer",
        ),
        FieldType("signature", spaced=True, typed=False, hint="sign_by_hand"),
        FieldType("number", short=True, input_mode="numeric"),
    )
}


# -----------------------------------------------------------------------------
# The text of a form
# -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """Text with one formatting, or a line break."""

    text: str  # as in the source, whitespace included
    bold: bool = False
    italic: bool = False
    link: str | None = None  # the address the text links to
    line_break: bool = False


LINE_BREAK = Run("", line_break=True)

Inline = tuple[Run, ...]


@dataclass(frozen=True)
class Field:
    """One blank to fill in. `name` is unique in its template and names the PDF field."""

    name: str
    label: str
    type: str  # a key of FIELD_TYPES
    line: int
    group: str = ""  # the plain text of the heading above its group of blanks, if any

    @property
    def kind(self) -> FieldType:
        return FIELD_TYPES[self.type]

    @property
    def spoken_label(self) -> str:
        """What a screen reader calls the blank: 'För kommunen: Datum' tells two 'Datum' apart."""
        return f"{self.group}: {self.label}" if self.group else self.label


@dataclass(frozen=True)
class Heading:
    element: ClassVar[str] = "heading"
    level: int  # as in the Markdown: `##` is 2 (the title is 1)
    runs: Inline


@dataclass(frozen=True)
class Paragraph:
    element: ClassVar[str] = "paragraph"
    runs: Inline


@dataclass(frozen=True)
class ListBlock:
    element: ClassVar[str] = "list"
    ordered: bool
    items: tuple[Inline, ...]
    start: int = 1


@dataclass(frozen=True)
class FieldGroup:
    element: ClassVar[str] = "fields"
    fields: tuple[Field, ...]
    # A heading directly above the blanks names them: printed as a heading, a legend on screen.
    heading: Heading | None = None

    @property
    def signing(self) -> bool:
        """One party's signature under its heading: on paper such groups stand side by side."""
        return self.heading is not None and any(not f.kind.typed for f in self.fields)


# `element` says which block it is, for the site's Jinja templates.
Block = Heading | Paragraph | ListBlock | FieldGroup


@dataclass(frozen=True)
class FormTemplate:
    id: str  # the file name without .md, the same in every language
    language: str  # the name of the template's folder: sv, en
    file: str  # the downloads' base name in this language
    title: str  # plain text
    description: str
    blocks: tuple[Block, ...]  # the text and blanks after the title, in order
    fields: tuple[Field, ...]
    source: Path
    # The language of the text as written in one country (sv-SE), for spelling in word processors:
    # extra.regional_language in mkdocs.yml, which forebygg.forms gives. '' where not known.
    regional: str = ""
    # A copy not yet translated (`untranslated: en` in its front matter): the language whose text
    # it still has (forebygg.translations). '' for a translated form.
    untranslated: str = ""

    @property
    def text_language(self) -> str:
        """The language the form's text is written in: its folder's, or the one a copy still has."""
        return self.untranslated or self.language

    @property
    def direction(self) -> str:
        """'rtl' for a text written from right to left (Arabic, Persian), else 'ltr'."""
        return writing_direction(self.text_language)

    # A leaflet (`leaflet: true`): a text to hand over, printed on one A4 sheet, two pages at most.
    leaflet: bool = False
    # The reading level it promises (`readability:`), one of forebygg.reading_levels; None: none.
    readability: str | None = None
    # The site's address of each page of the site that a link names (the page's file in
    # docs/<language>/, as written → its full address, from site_url), which forebygg.forms
    # gives; `with_addresses` puts them in the links.
    addresses: tuple[tuple[str, str], ...] = ()

    @property
    def short_title(self) -> str:
        """The title up to ' – ': what the download links and the fill-in page call the form."""
        return self.title.split(" – ")[0]


def writing_direction(language: str) -> str:
    """'rtl' for a language written from right to left, as Babel (CLDR) knows it, else 'ltr'."""
    from babel import Locale, UnknownLocaleError

    try:
        order = Locale.parse(language.replace("-", "_").split("_")[0]).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


# -----------------------------------------------------------------------------
# Links to the site's pages
# -----------------------------------------------------------------------------

# A link to a page of the site: the page's file in docs/<language>/, as a page links it.
PAGE_LINK = re.compile(r"(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)(?P<file>[^#?\s]+\.md)(?P<anchor>#[^\s]*)?")


def page_links(template: FormTemplate) -> list[str]:
    """Every link of the template to a page of the site, as written, once each, in order."""
    found: list[str] = []
    for runs in _inlines(template.blocks):
        for run in runs:
            if run.link and PAGE_LINK.fullmatch(run.link) and run.link not in found:
                found.append(run.link)
    return found


def with_addresses(template: FormTemplate) -> FormTemplate:
    """The template with each link to a page of the site leading to the page's full address."""
    addresses = dict(template.addresses)
    if not addresses:
        return template

    def relink(runs: Inline) -> Inline:
        return tuple(
            dataclasses.replace(run, link=addresses[run.link]) if run.link in addresses else run
            for run in runs
        )

    def block(item: Block) -> Block:
        if isinstance(item, (Heading, Paragraph)):
            return dataclasses.replace(item, runs=relink(item.runs))
        if isinstance(item, ListBlock):
            return dataclasses.replace(item, items=tuple(relink(runs) for runs in item.items))
        if item.heading is not None:
            return dataclasses.replace(item, heading=block(item.heading))
        return item

    return dataclasses.replace(template, blocks=tuple(block(item) for item in template.blocks))


def _inlines(blocks: tuple[Block, ...]):
    for item in blocks:
        if isinstance(item, (Heading, Paragraph)):
            yield item.runs
        elif isinstance(item, ListBlock):
            yield from item.items
        elif item.heading is not None:
            yield item.heading.runs


# -----------------------------------------------------------------------------
# Text on paper
# -----------------------------------------------------------------------------


def addresses_on_paper(runs: Inline) -> dict[int, str]:
    """Where paper, which cannot link, shows a link's address: {index of the link's last run: address}.

    An address (http, https or an e-mail address) follows the link's text,
    unless the text is the address itself.
    """
    shown_after: dict[int, str] = {}
    link_start = 0
    for i, run in enumerate(runs):
        if i == 0 or runs[i - 1].link != run.link:
            link_start = i
        last_of_link = run.link and (i == len(runs) - 1 or runs[i + 1].link != run.link)
        if last_of_link and re.match(r"^(https?:|mailto:)", run.link):
            shown = re.sub(r"\s+", " ", "".join(r.text for r in runs[link_start : i + 1])).strip()
            if run.link != shown:
                shown_after[i] = run.link.removeprefix("mailto:")
    return shown_after


def printed_runs(runs: Inline) -> list[tuple[str, bool, bool]]:
    """Runs as (text, bold, italic) for a word processor; '\\n' is a line break.

    Whitespace is collapsed as a browser would, no line starts or ends with a
    space, and a link's address follows its text, since paper cannot link.
    """
    pieces: list[tuple[str, bool, bool]] = []
    shown_after = addresses_on_paper(runs)
    link_start = 0
    for i, run in enumerate(runs):
        text = "\n" if run.line_break else re.sub(r"\s+", " ", run.text)
        pieces.append((text, run.bold, run.italic))
        if i == 0 or runs[i - 1].link != run.link:
            link_start = i
        if i in shown_after:
            link_runs = runs[link_start : i + 1]
            bold = all(r.bold for r in link_runs)
            italic = all(r.italic for r in link_runs)
            pieces.append((f" ({shown_after[i]})", bold, italic))

    merged: list[tuple[str, bool, bool]] = []
    for text, bold, italic in pieces:
        if merged and text != "\n" and merged[-1][0] != "\n" and merged[-1][1:] == (bold, italic):
            merged[-1] = (merged[-1][0] + text, bold, italic)
        else:
            merged.append((text, bold, italic))
    cleaned = []
    for i, (text, bold, italic) in enumerate(merged):
        if text != "\n":
            if i == 0 or merged[i - 1][0] == "\n":
                text = text.lstrip()
            if i == len(merged) - 1 or merged[i + 1][0] == "\n":
                text = text.rstrip()
        if text:
            cleaned.append((re.sub(r"  +", " ", text), bold, italic))
    return cleaned
