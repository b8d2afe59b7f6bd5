"""
The template forms – the letter of intent and the consent form – and the
leaflets to hand over, as files.

Editors keep the text of each form in one Markdown file per language,
`forms/<language>/<id>.md` (the format is described in forms/README.md).
This package reads such a file into a format-neutral FormTemplate and writes
from it the downloads: Word (`to_docx`), OpenDocument (`to_odt`) and a PDF
whose blanks can be filled in on screen (`to_pdf`). The site's example and
fill-in page are Jinja partials in overrides/ that draw the same model.

Every download is reproducible: the same template gives the same bytes, so a
rebuilt site has changed files only where a text changed.

    model.py          FormTemplate and its blocks; FIELD_TYPES, the table of blank types;
                      links to the site's pages and addresses on paper
    reading.py        a Markdown file → FormTemplate (text_blocks.py: its text)
    consistency.py    checks across languages and templates
    word.py, opendocument.py, pdf.py (+ pdf.css)   the three downloads
    ligatures.py      an Arabic ligature as one character in the PDF's text
    reproducible.py   fixed date, ZIP normalisation

The component forebygg.forms publishes them. Nothing here imports MkDocs.
"""

from __future__ import annotations

from .consistency import check_languages
from .model import (
    FIELD_TYPES,
    Block,
    Field,
    FieldGroup,
    FieldType,
    FormError,
    FormTemplate,
    Heading,
    ListBlock,
    Paragraph,
    Run,
)
from .opendocument import to_odt
from .pdf import document_font_file, text_font, to_pdf
from .reading import load_templates, parse_template
from .reproducible import code_key
from .runs import page_links, with_addresses
from .word import to_docx

__all__ = [
    "FIELD_TYPES",
    "Block",
    "Field",
    "FieldGroup",
    "FieldType",
    "FormError",
    "FormTemplate",
    "Heading",
    "ListBlock",
    "Paragraph",
    "Run",
    "check_languages",
    "code_key",
    "document_font_file",
    "documents",
    "load_templates",
    "page_links",
    "parse_template",
    "text_font",
    "to_docx",
    "to_odt",
    "to_pdf",
    "with_addresses",
]


def documents(template: FormTemplate) -> dict[str, bytes]:
    """Every download of a template by its file name: {'samtycke.pdf': ..., ...}, its links to the
    site's pages leading to their addresses (template.addresses)."""
    template = with_addresses(template)
    return {
        f"{template.file}.docx": to_docx(template),
        f"{template.file}.odt": to_odt(template),
        f"{template.file}.pdf": to_pdf(template),
    }
