"""
Characters an editor cannot tell apart on screen: typographic quotes, which
YAML does not read as quotes, and invisible characters, which make a name
that looks right a different name.

Swedish typography needs both in running text: ”citattecken”, and a no-break
space in numbers (3 330). So text is never checked for them; only a name is:
a file name, a link, an anchor, a setting's name, an address or a code. Each
message names the character and where it is, as the editor cannot see it.
"""

from __future__ import annotations

import unicodedata

# Quotes a word processor or a Swedish keyboard writes: YAML's quotes are only " and '.
TYPOGRAPHIC_QUOTES = "”“„«»‘’‚‹›"

# The names the messages give, where Unicode's own would puzzle an editor.
NAMES = {
    "\u00a0": "a no-break space",
    "\u202f": "a narrow no-break space",
    "\u2007": "a figure space",
    "\u2009": "a thin space",
    "\u200a": "a hair space",
    "\u3000": "an ideographic space",
    "\u200b": "a zero-width space",
    "\u200c": "a zero-width non-joiner",
    "\u200d": "a zero-width joiner",
    "\u2060": "a word joiner",
    "\ufeff": "a byte order mark",
    "\u00ad": "a soft hyphen",
    "\u200e": "a left-to-right mark",
    "\u200f": "a right-to-left mark",
    "\u061c": "an Arabic letter mark",
    "\t": "a tab",
}


def is_invisible(character: str) -> bool:
    """A character that shows as a space or as nothing, other than the ordinary space."""
    if character == " ":
        return False
    category = unicodedata.category(character)
    return category in ("Zs", "Zl", "Zp", "Cf") or (category == "Cc" and character not in "\n\r")


def invisible_characters(text: str) -> list[int]:
    """The positions in `text` of the characters that is_invisible()."""
    return [index for index, character in enumerate(text) if is_invisible(character)]


def character_name(character: str) -> str:
    """'a no-break space (U+00A0)'."""
    name = NAMES.get(character) or "the character " + unicodedata.name(character, "unnamed").lower()
    return f"{name} (U+{ord(character):04X})"


def where_in(text: str, index: int) -> str:
    """Where position `index` of `text` is, said by what the editor sees: "after 'mötesbord'"."""
    before = visible(text[:index]).strip()[-20:]
    if not before:
        return "at the start"
    if not visible(text[index + 1 :]).strip():
        return f"at the end, after '{before}'"
    return f"after '{before}'"


def described(text: str) -> str:
    """Each invisible character in `text` and where it is: "a no-break space (U+00A0) after 'mötesbord'"."""
    found = invisible_characters(text)
    parts = [f"{character_name(text[index])} {where_in(text, index)}" for index in found[:3]]
    more = f" and {len(found) - 3} more" if len(found) > 3 else ""
    return " and ".join(parts) + more


def visible(text: str) -> str:
    """`text` as it looks: each kind of space an ordinary one, invisible characters gone, å as one letter."""
    shown = "".join(
        " " if unicodedata.category(c) in ("Zs", "Zl", "Zp") or c == "\t" else ("" if is_invisible(c) else c)
        for c in text
    )
    return unicodedata.normalize("NFC", shown)


def starts_with_typographic_quote(text: str) -> bool:
    return bool(text) and text[0] in TYPOGRAPHIC_QUOTES


def wrapped_in_typographic_quotes(text: str) -> bool:
    return len(text) >= 2 and text[0] in TYPOGRAPHIC_QUOTES and text[-1] in TYPOGRAPHIC_QUOTES


def without_outer_quotes(text: str) -> str:
    """`text` without the typographic quotes around it."""
    return text[1:-1] if wrapped_in_typographic_quotes(text) else text


def yaml_double_quoted(text: str) -> str:
    """`text` as a YAML text in straight double quotes, which reads back as exactly `text`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
