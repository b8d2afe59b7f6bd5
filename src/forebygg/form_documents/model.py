"""
What a template form is, independent of any output format.

reading.py makes a FormTemplate from a Markdown file; each writer (word.py,
opendocument.py, pdf.py, and the site's Jinja partials) draws one. The table
FIELD_TYPES is the one place that says how each type of blank looks and
behaves: adding a type means a row here, and CSS only if it needs a new look.
"""

from __future__ import annotations

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
