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

import functools
import re
import unicodedata
from pathlib import Path

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


@functools.cache
def is_invisible(character: str) -> bool:
    """A character that shows as a space or as nothing, other than the ordinary space."""
    if character == " ":
        return False
    category = unicodedata.category(character)
    return category in ("Zs", "Zl", "Zp", "Cf") or (category == "Cc" and character not in "\n\r")


def invisible_characters(text: str) -> list[int]:
    """The positions in `text` of the characters that is_invisible()."""
    # Each different character once: most texts have none, and a build checks thousands.
    if not any(is_invisible(character) for character in set(text)):
        return []
    return [index for index, character in enumerate(text) if is_invisible(character)]


def character_name(character: str) -> str:
    """'a no-break space (U+00A0)'."""
    name = NAMES.get(character) or "the character " + unicodedata.name(character, "unnamed").lower()
    return f"{name} (U+{ord(character):04X})"


def where_in(text: str, index: int) -> str:
    """Where position `index` of `text` is, said by what the editor sees: "after 'mötesbord'"."""
    shown = visible(text[:index]).strip()
    if not shown:
        after = visible(text[index + 1 :]).strip()[:20]
        return f"at the start, before '{after}'" if after else "on its own"
    pieces = re.split(r"(?<=/)|\s", shown)
    before = pieces[-1] if len(pieces[-1]) > 1 or len(pieces) == 1 else "".join(pieces[-2:])
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


def look_alike_path(root: Path, relative: str) -> str | None:
    """The path under `root` that looks like `relative` but is written differently, if there is one.

    Each folder and file name is compared as it looks (visible()), so a name with
    a no-break space, a zero-width space or an å made of two characters is found.
    """
    folder, found = root, []
    for part in [p for p in relative.split("/") if p]:
        if (folder / part).exists():
            match = part
        else:
            try:
                names = sorted(entry.name for entry in folder.iterdir())
            except OSError:
                return None
            match = next((name for name in names if visible(name) == visible(part)), None)
            if match is None:
                return None
        found.append(match)
        folder = folder / match
    result = "/".join(found)
    return result if result != relative.strip("/") else None


def unseen_difference(relative: str, actual: str, written: str, what: str) -> str:
    """How `relative`, written `written` in a `what` ("link", "menu entry"), differs from `actual`, the
    look-alike path of an existing file, and what to do: "the name … has a no-break space … – rename it …"."""
    actual_name = next(
        (a for r, a in zip(relative.split("/"), actual.split("/"), strict=False) if r != a), actual
    )
    if invisible_characters(actual_name):
        space = any(unicodedata.category(c) == "Zs" for c in actual_name if is_invisible(c))
        again = "typing the space again" if space else "typing its name again"
        return f"the name {visible(actual_name)} has {described(actual_name)} – rename it, {again}"
    if invisible_characters(written):
        return unseen_in(written, what)
    return (
        f"the name {actual_name} writes a letter such as å, ä or ö as two characters (the letter and a mark "
        "above it, as some Mac programs save names) – rename it, typing its name again"
    )


def unseen_in(written: str, what: str) -> str:
    """'' or, for a `written` name with an invisible character, what it is and what to do."""
    found = invisible_characters(written)
    if not found:
        return ""
    space = unicodedata.category(written[found[0]]) == "Zs"
    return f"the {what} has {described(written)} – {'type it as an ordinary space' if space else 'delete it'}"


def look_alike_note(root: Path, relative: str, written: str, what: str) -> str | None:
    """Why `relative`, written as `written` in a `what` ("link", "image"), is no file under `root`
    when the reason cannot be seen, or None: "there is no file docs/…, only docs/…, which looks the same: …"."""
    actual = look_alike_path(root, relative)
    if actual:
        difference = unseen_difference(relative, actual, written, what)
        return f"there is no file docs/{relative}, only docs/{visible(actual)}, which looks the same: {difference}"
    if hint := unseen_in(written, what):
        return f"there is no file docs/{relative}: {hint}"
    return None


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
