"""
A template as a tagged PDF (PDF/UA-1) whose blanks can be filled in on screen.

WeasyPrint draws it from an HTML document made here, styled by pdf.css. That
HTML is a document format, not page markup, so it is not a site template.
"""

from __future__ import annotations

import base64
import functools
import logging
import subprocess
from html import escape
from io import BytesIO
from pathlib import Path

from ..source_lines import shown_path
from .ligatures import ligatures_as_one_character
from .model import (
    Field,
    FieldGroup,
    FormError,
    FormTemplate,
    Heading,
    Inline,
    ListBlock,
    Paragraph,
)
from .reproducible import DOCUMENT_FONT
from .runs import addresses_on_paper

CSS_FILE = Path(__file__).with_name("pdf.css")
# A leaflet is one A4 sheet: its two sides.
LEAFLET_PAGES = 2

# What a name, date or address in a European language needs, and punctuation.
FIELD_FONT_CHARACTERS = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),
    *range(0x2010, 0x2027),
    0x20AC,
]


def to_pdf(template: FormTemplate) -> bytes:
    """The template as a tagged PDF (PDF/UA-1) whose blanks are fillable fields.

    Each blank is an AcroForm text field named after the field's `name`, with
    its label as the field's tooltip (TU). The fields use a small Latin subset
    of the text font: WeasyPrint embeds a field's font whole, which would make
    each PDF 100 kB or more instead of about 40.

    A leaflet that takes more than one A4 sheet (LEAFLET_PAGES pages) is a FormError.
    """
    import weasyprint

    stylesheet, fonts = _stylesheet(CSS_FILE.read_text())
    options = {
        "stylesheets": [stylesheet],
        "pdf_variant": "pdf/ua-1",
        "pdf_forms": True,
        # /ID from a hash of the content: the same for the same text.
        "pdf_identifier": True,
    }
    document = weasyprint.HTML(string=document_html(template)).render(font_config=fonts, **options)
    pages = len(document.pages)
    if template.leaflet and pages > LEAFLET_PAGES:
        where = shown_path(template.source, template.source.parents[2])
        raise FormError(
            f"{where}:1: the leaflet takes {pages} A4 pages – a leaflet is one sheet, {LEAFLET_PAGES} pages at "
            "most: shorten its text, or take out 'leaflet: true' to make it a longer document"
        )
    with ligatures_as_one_character():
        return document.write_pdf(**options)


def document_html(template: FormTemplate) -> str:
    """The HTML document WeasyPrint makes the PDF from; its style is pdf.css."""
    description = (
        f'<meta name="description" content="{escape(template.description)}">' if template.description else ""
    )
    body = "".join(f"{part}\n" for part in map(_block_html, template.blocks))
    leaflet = ' class="form-document--leaflet"' if template.leaflet else ""
    # The <form> lets WeasyPrint take each field's tooltip from its <label>.
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(template.text_language)}"{_direction(template)}>\n<head>\n'
        f'<meta charset="utf-8">\n'
        f"<title>{escape(template.title)}</title>\n{description}</head>\n"
        f"<body{leaflet}><form>\n"
        f"<h1>{escape(template.title)}</h1>\n{body}</form></body>\n</html>\n"
    )


def _direction(template: FormTemplate) -> str:
    """dir="rtl" for a text written from right to left: WeasyPrint then sets each line from the
    right, and a PDF reader gets the text in the order it is read. And the font, where
    DOCUMENT_FONT lacks the language's letters (Arabic): one font that has them all, so that a
    line is one run of text, its punctuation too (text_font)."""
    direction = ' dir="rtl"' if template.direction == "rtl" else ""
    family = text_font(template.text_language)[0]
    font = f' style="--document-font: &quot;{escape(family)}&quot;"' if family != DOCUMENT_FONT else ""
    return direction + font


@functools.cache
def text_font(language: str) -> tuple[str, Path | None]:
    """The font family the PDF's text is set in, and its file: DOCUMENT_FONT where fontconfig says
    it has the language's letters, else the font fontconfig names first for the language, where
    that one has them (DejaVu Sans for Arabic). Otherwise DOCUMENT_FONT, and WeasyPrint finds
    each missing letter in another font, as before: a PDF reader then reads the line as pieces,
    and a full stop between them came out at the start of an Arabic sentence."""
    code = language.replace("_", "-").split("-")[0].lower()
    if _has_letters(DOCUMENT_FONT, code):
        return DOCUMENT_FONT, document_font_file()
    found = (_fontconfig("fc-match", "--format=%{family[0]}\n%{file}", f":lang={code}") or "").split("\n")
    if len(found) == 2 and _has_letters(found[0], code):
        return found[0], Path(found[1])
    return DOCUMENT_FONT, document_font_file()


def _has_letters(family: str, language: str) -> bool:
    listed = _fontconfig("fc-list", f"{family}:lang={language}", "family")
    return family == DOCUMENT_FONT if listed is None else bool(listed.strip())


def _fontconfig(*command: str) -> str | None:
    """What a fontconfig command (fc-match, fc-list) prints; None where it fails or is missing."""
    try:
        return subprocess.run(list(command), capture_output=True, text=True, check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None


@functools.cache
def document_font_file() -> Path | None:
    """The file of DOCUMENT_FONT that fontconfig finds, as WeasyPrint will; None when there is none."""
    found = (_fontconfig("fc-match", "--format=%{file}", f"{DOCUMENT_FONT}:style=Regular") or "").strip()
    return Path(found) if found.lower().endswith((".ttf", ".otf")) else None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _block_html(block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{_inline_html(block.runs)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_inline_html(block.runs)}</p>"
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        items = "".join(f"<li>{_inline_html(item)}</li>" for item in block.items)
        return f"<{tag}{start}>{items}</{tag}>"
    assert isinstance(block, FieldGroup)
    fields = f'<ul class="form-document__fields">{"".join(map(_field_html, block.fields))}</ul>'
    if block.heading is None:
        return fields
    # One box, so that a page break does not part the heading from its blanks; parties'
    # signatures stand side by side, as on a signed agreement.
    classes = "form-document__group" + (" form-document__group--signing" if block.signing else "")
    return f'<div class="{classes}">{_block_html(block.heading)}{fields}</div>'


def _field_html(field: Field) -> str:
    kind = field.kind
    classes = " ".join(["form-document__field", *(f"form-document__field--{m}" for m in kind.modifiers)])
    limit = f' maxlength="{kind.max_length}"' if kind.max_length else ""
    if field.group:
        # WeasyPrint names a field (its tooltip, TU) after its <label>, else after its title:
        # under a heading the name says which group, as the on-screen form does.
        return (
            f'<li class="{classes}"><input class="form-document__input" type="text" id="{field.name}" '
            f'name="{field.name}" title="{escape(field.spoken_label)}"{limit}>'
            f'<span class="form-document__label">{escape(field.label)}</span></li>'
        )
    return (
        f'<li class="{classes}"><input class="form-document__input" type="text" id="{field.name}" '
        f'name="{field.name}"{limit}>'
        f'<label class="form-document__label" for="{field.name}">{escape(field.label)}</label></li>'
    )


def _inline_html(runs: Inline) -> str:
    """The runs as HTML; a link's address follows its text, as on paper (addresses_on_paper)."""
    out = []
    shown_after = addresses_on_paper(runs)
    for i, run in enumerate(runs):
        if run.line_break:
            out.append("<br>")
            continue
        text = escape(run.text, quote=False)
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.link is not None:
            text = f'<a href="{escape(run.link)}">{text}</a>'
        out.append(text)
        if i in shown_after:
            out.append(f" ({escape(shown_after[i], quote=False)})")
    return "".join(out)


@functools.cache
def _stylesheet(css: str):
    """pdf.css with the fonts, parsed once for every PDF, and the font configuration that holds its fonts.

    Parsed anew for each document, the field font's 40 kB of base64 took a
    third of the time of a PDF. The PDFs are byte for byte the same.
    """
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    text = f'{_field_font_face()}:root {{ --document-font: "{DOCUMENT_FONT}"; }}\n{css}'
    return weasyprint.CSS(string=text, font_config=fonts), fonts


@functools.cache
def _field_font_face() -> str:
    """CSS @font-face for 'Form field': a Latin subset of DOCUMENT_FONT, or '' when it is not found.

    Without it the fields fall back to the text font, which WeasyPrint embeds
    whole: the PDF still works, at some 100 kB more.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    found = document_font_file()
    if found is None:
        return ""
    # recalcTimestamp=False: otherwise the font, and so the PDF, carries today's date.
    font = TTFont(found, recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "FFTM", "GDEF", "GPOS", "GSUB", "kern"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FIELD_FONT_CHARACTERS)
    # fontTools reports every glyph it keeps; that is not news in a site build.
    log = logging.getLogger("fontTools.subset")
    level = log.level
    log.setLevel(logging.WARNING)
    try:
        subsetter.subset(font)
    finally:
        log.setLevel(level)
    data = BytesIO()
    font.save(data)
    kind, media = ("opentype", "otf") if found.suffix.lower() == ".otf" else ("truetype", "ttf")
    url = f"data:font/{media};base64,{base64.b64encode(data.getvalue()).decode()}"
    return f'@font-face {{ font-family: "Form field"; src: url({url}) format("{kind}"); }}\n'
