"""
Where a long word in a heading may break: soft hyphens from the language's
hyphenation dictionary (Pyphen, the LibreOffice dictionaries).

A heading's word that does not fit the line – a phone, the text at 200 % –
used to break wherever the line ended ("vräkninga|r"), or to run off the
screen. CSS `hyphens: auto` breaks at hyphenation points only where the
browser has the language's dictionary, which Debian's Chromium lacks for
every language. A soft hyphen (U+00AD) is invisible until the browser breaks
the word there, and then shows as "-", in every browser; screen readers and
the browser's find on the page read the word whole.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import re
import sys
from pathlib import Path

import pyphen
from mkdocs.config.defaults import MkDocsConfig

from forebygg.build_cache import cache_folder, write_whole
from forebygg.site_config import current_language, project_root

SOFT_HYPHEN = "\u00ad"
# Words of at least this many letters get soft hyphens, at least two letters
# from either end: as browsers hyphenate by default (CSS hyphenate-limit-chars: auto).
SHORTEST_WORD = 6
EDGE = 2

# A long word, or a character reference (&hellip;), which is left as it is.
WORD = re.compile(rf"&#?\w+;|[^\W\d_]{{{SHORTEST_WORD},}}")
HEADING = re.compile(r"(<(h[1-6])\b[^>]*>)(.*?)(</\2\s*>)", re.S | re.I)
TAG = re.compile(r"(<[^>]*>)")


class Hyphenation:
    def on_post_page(self, output: str, page, config: MkDocsConfig) -> str:
        return soft_hyphens_in_headings(output, current_language(config), project_root(config))

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        if template_name != "404.html":
            return output
        return soft_hyphens_in_headings(output, current_language(config), project_root(config))


@functools.cache
def _dictionary(language: str, project: Path | None = None) -> pyphen.Pyphen | None:
    found = pyphen.language_fallback(language.replace("-", "_"))
    if not found:
        return None
    if project is not None:
        _read_patterns(pyphen.LANGUAGES[found], cache_folder(project, "hyphenation"))
    return pyphen.Pyphen(lang=found, left=EDGE, right=EDGE)


def _read_patterns(path: Path, folder: Path) -> None:
    """Pyphen's reading of the dictionary file `path`, kept in `folder` for the next build.

    Reading a dictionary takes Pyphen 0.06 s, reading what it made from it
    0.005 s. The copy is named by the file's content, Pyphen's version and
    Python's, so a changed dictionary or Pyphen is read anew.
    """
    if path in pyphen.hdcache:
        return
    content = path.read_bytes()
    key = hashlib.sha256(content + f"\0{pyphen.VERSION}\0{sys.version_info[:2]}".encode()).hexdigest()[:16]
    kept = folder / f"{path.stem}-{key}.pickle"
    try:
        patterns = pickle.loads(kept.read_bytes())
    except Exception:  # none kept yet, or not readable by this Pyphen: read the dictionary
        patterns = pyphen.HyphDict(path)
        write_whole(kept, pickle.dumps(patterns, protocol=pickle.HIGHEST_PROTOCOL))
    if isinstance(patterns, pyphen.HyphDict):
        pyphen.hdcache[path] = patterns


def hyphenated(text: str, language: str, project: Path | None = None) -> str:
    """`text` with a soft hyphen at each hyphenation point of its long words."""
    dictionary = _dictionary(language, project)
    if dictionary is None or SOFT_HYPHEN in text:
        return text

    def word(match: re.Match) -> str:
        found = match.group(0)
        return found if found.startswith("&") else dictionary.inserted(found, hyphen=SOFT_HYPHEN)

    return WORD.sub(word, text)


def soft_hyphens_in_headings(html: str, language: str, project: Path | None = None) -> str:
    """The HTML with soft hyphens in the text of its headings (h1–h6), not in their tags or attributes;
    the dictionary as read before, from the `project`'s .cache/hyphenation/, if it is given."""
    if _dictionary(language, project) is None:
        return html

    def heading(match: re.Match) -> str:
        parts = TAG.split(match.group(3))
        text = "".join(part if TAG.fullmatch(part) else hyphenated(part, language, project) for part in parts)
        return match.group(1) + text + match.group(4)

    return HEADING.sub(heading, html)
