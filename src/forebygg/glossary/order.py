"""
A glossary's terms as a language names, sorts and finds them: each term's
anchor, the order of a language's alphabet (Python has no collation without
system locales or ICU, so LETTERS_AFTER_Z names the letters a language sorts
after z), and each term found as a whole word in running text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from forebygg.headings import plain_letters

if TYPE_CHECKING:
    from forebygg.glossary.entries import Entry


def slug(term: str) -> str:
    """The anchor of a term, by a heading's letters (forebygg.headings.plain_letters): small letters,
    '-' between words, å ä ö as a a o, another script's letters as written."""
    letters = plain_letters(term.casefold())
    words = "".join(
        c if c.isalnum() or c == "_" or unicodedata.category(c)[0] == "M" else " " for c in letters
    )
    return "-".join(words.split())


# The letters each language sorts after z, in order (everything else sorts by its base letter).
LETTERS_AFTER_Z = {"sv": "åäö", "fi": "åäö", "da": "æøå", "nb": "æøå", "nn": "æøå"}
# Letters a language sorts as another: Swedish puts æ with ä, ø with ö.
SORTED_AS = {"sv": {"æ": "ä", "ø": "ö"}}


def sort_key(term: str, language: str):
    """How `language` orders words: å, ä, ö after z in Swedish; accents ignored where the language does."""
    code = language.replace("_", "-").split("-")[0].lower()
    after_z, same = LETTERS_AFTER_Z.get(code, ""), SORTED_AS.get(code, {})
    key = []
    for char in term.casefold():
        char = same.get(char, char)
        if char in after_z:
            key.append((1, after_z.index(char)))
        else:
            decomposed = unicodedata.normalize("NFKD", char)
            key.append((0, "".join(c for c in decomposed if not unicodedata.combining(c)) or char))
    return key, term


def sorted_entries(entries: list[Entry], language: str) -> list[Entry]:
    return sorted(entries, key=lambda entry: sort_key(entry.terms[language][0], language))


def term_pattern(entries: list[Entry], language: str) -> re.Pattern:
    """Finds any word of any entry as a whole word, any case; the longest wins where two start together."""
    words = sorted({word for entry in entries for word in entry.words(language)}, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def entry_index(entries: list[Entry], language: str) -> dict[str, Entry]:
    """Each word of the entries, casefolded, and the first entry that has it: the entry of a term
    that term_pattern() found is index[" ".join(found.split()).casefold()]. Made once for a page:
    looking through the entries for each term found took longer than finding them."""
    index: dict[str, Entry] = {}
    for entry in entries:
        for word in entry.words(language):
            index.setdefault(word.casefold(), entry)
    return index
