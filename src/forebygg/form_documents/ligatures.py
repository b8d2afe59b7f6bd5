"""
One character for each Arabic ligature in a PDF's text layer.

A PDF holds the glyphs of a right-to-left line in the order they are drawn,
left to right, and each glyph's characters (its ToUnicode entry). A reader
that gives the text in reading order (poppler's pdftotext, MuPDF) turns the
line round character by character. A ligature is one glyph for two or three
letters: lam and alef (لا) drawn as one. WeasyPrint gives that glyph its
letters in reading order, "لا"; turned round with the rest they read "ال",
and "الاجتماعية" came out as "االجتماعية". LibreOffice's PDFs do the same.

Here such a glyph is given the one character Unicode has for the ligature,
its presentation form (U+FEFB for لا), which no reader can turn round.
Copied, searched or read aloud, it is the same letters (NFKC makes it "لا").
Only Arabic presentation forms are used: the text of a Latin-script
document is written as before, byte for byte.
"""

from __future__ import annotations

import contextlib
import functools
import unicodedata
from collections.abc import Iterator

# Arabic Presentation Forms-A and -B.
PRESENTATION_FORMS = [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]


@functools.cache
def ligature_characters() -> dict[str, str]:
    """Each sequence of letters that Unicode has one ligature character for, and that character
    (its isolated form, which stands for the ligature wherever it is in a word)."""
    found: dict[str, str] = {}
    for code in PRESENTATION_FORMS:
        character = chr(code)
        letters = unicodedata.normalize("NFKC", character)
        if len(letters) > 1 and unicodedata.name(character, "").endswith("ISOLATED FORM"):
            found.setdefault(letters, character)
    return found


@contextlib.contextmanager
def ligatures_as_one_character() -> Iterator[None]:
    """While a PDF is written: each font's glyph for an Arabic ligature is given the ligature's
    one character instead of its letters, just before WeasyPrint writes the font (Font.clean)."""
    from weasyprint.pdf.fonts import Font

    write = Font.clean
    ligatures = ligature_characters()

    def clean(font, *args, **kwargs):
        for glyph, text in font.to_unicode.items():
            if text in ligatures:
                font.to_unicode[glyph] = ligatures[text]
        return write(font, *args, **kwargs)

    Font.clean = clean
    try:
        yield
    finally:
        Font.clean = write
