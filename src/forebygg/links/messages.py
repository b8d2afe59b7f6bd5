"""
MkDocs' own messages about links and the menu (nav), said as an editor needs
them: the line in the editor's file and how to fix the mistake.

MkDocs names only the file ("Doc file 'sv/x.md' contains a link …"). The link
is found again in the page's file, the k-th message about the same link
being its k-th occurrence. Messages this module does not know pass unchanged.

Links to the same page in the other language (`[English](../en/x.md)`) are
made here too: mkdocs-static-i18n builds each language on its own, so MkDocs
would not find the file (`other_language_links`).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from forebygg.source_lines import line_at, nth_match, without_code
from forebygg.typography import described, invisible_characters, is_invisible, look_alike_note, visible

NOT_FOUND = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', "
    r"but the target(?: '(?P<target>[^']+)')? is not found among documentation files\."
    r"(?: Did you mean '(?P<suggestion>[^']+)'\?)?"
)
NO_ANCHOR = re.compile(
    r"Doc file '(?P<page>[^']+)' contains a link '(?P<link>[^']+)', but (?:the doc '(?P<target>[^']+)' does "
    r"not contain an anchor '#(?P<anchor>[^']+)'|there is no such anchor on this page)\..*"
)
ABSOLUTE = re.compile(
    r"Doc file '(?P<page>[^']+)' contains an absolute link '(?P<link>[^']+)', it was left as is\..*"
)
UNRECOGNIZED = re.compile(
    r"Doc file '(?P<page>[^']+)' contains an unrecognized relative link '(?P<link>[^']+)', "
    r"it was left as is\."
    r"(?: Did you mean '(?P<suggestion>[^']+)'\?)?"
)
NAV_NOT_FOUND = re.compile(
    r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found in the "
    r"documentation files\."
)
NOT_IN_NAV = re.compile(
    r'The following pages exist in the docs directory, but are not included in the "nav" configuration:'
    r"(?P<pages>(?:\n  - .+)+)"
)
IMAGE = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|avif)$", re.I)

ANCHOR_ADVICE = (
    "An anchor is its heading in small letters, with - between the words, without punctuation, "
    "and å, ä and ö written a, a and o: the heading 'Så här gör ni' has the anchor #sa-har-gor-ni; "
    "letters of other scripts (Arabic, Greek …) stay as they are written."
)


@dataclass
class LinkContext:
    """What the rewriting needs to know about the build that is running."""

    docs_dir: Path
    config_file: Path
    language: str
    locales: list[str]  # the default language first
    # The anchors of this build's pages by file (e.g. 'sv/x.md').
    anchors: dict[str, set[str]] = field(default_factory=dict)
    seen: Counter = field(default_factory=Counter)


def rewritten(message: str, context: LinkContext) -> str | None:
    """The message as an editor needs it, or None for a message this module does not know."""
    for pattern, rewrite in REWRITES:
        if match := pattern.fullmatch(message):
            return rewrite(match, context)
    return None


# -----------------------------------------------------------------------------
# Rewriting each message
# -----------------------------------------------------------------------------


def _not_found(match: re.Match, context: LinkContext) -> str:
    link, target = match["link"], match["target"] or match["link"].lstrip("/")
    where = _where(match["page"], link, context)
    kind = "image" if IMAGE.search(urlsplit(link).path) else "link"
    if unseen := look_alike_note(context.docs_dir, target, link, kind):
        return f"{where}: the {kind} '{link}' leads to no file: {unseen}"
    suggestion = f" Did you mean '{match['suggestion']}'?" if match["suggestion"] else ""
    if kind == "image":
        return (
            f"{where}: the image '{link}' does not exist: there is no file docs/{target} – "
            f"put the image there, or correct the path (images belong in docs/assets/).{suggestion}"
        )
    return (
        f"{where}: the link '{link}' leads to no page: there is no file docs/{target} – "
        f"correct the file name, or create the page.{suggestion}"
    )


def _no_anchor(match: re.Match, context: LinkContext) -> str:
    link, anchor = match["link"], match["anchor"] or urlsplit(match["link"]).fragment
    target = match["target"] or match["page"]
    where = _where(match["page"], link, context)
    anchors = sorted(context.anchors.get(target, ()))
    close = difflib.get_close_matches(anchor, anchors, n=1)
    guess = f" Did you mean '#{close[0]}'?" if close else ""
    listed = ", ".join(f"#{name}" for name in anchors) or "none"
    if invisible_characters(anchor):
        meant = "".join(c for c in anchor if not is_invisible(c))
        fixed = (
            f", so that it reads #{meant}" if meant in anchors else f", and use one of its anchors: {listed}"
        )
        return (
            f"{where}: the link '{link}' leads to no heading: the anchor '#{visible(anchor)}' has "
            f"{described(anchor)} – delete it{fixed}"
        )
    return (
        f"{where}: the link '{link}' leads to no heading: docs/{target} has no anchor '#{anchor}' – "
        f"use one of its anchors: {listed}.{guess} {ANCHOR_ADVICE}"
    )


def _absolute(match: re.Match, context: LinkContext) -> str:
    link, page = match["link"], match["page"]
    parts = urlsplit(link)
    address = parts.path.strip("/")
    target = address if (context.docs_dir / address).is_file() else _page_at(address, context)
    example = target or f"{context.language}/index.md"
    anchor = f"#{parts.fragment}" if parts.fragment else ""
    fixed = posixpath.relpath(example, posixpath.dirname(page)) + anchor
    advice = f"'{fixed}'" if target else f"for example '{fixed}' for the start page"
    return (
        f"{_where(page, link, context)}: the link '{link}' starts with / – link to the file, "
        f"as seen from this file: {advice}"
    )


def _page_at(address: str, context: LinkContext) -> str | None:
    """The page's file (e.g. 'sv/om/kontakt.md') published at `address` ('om/kontakt', 'en/om' …)."""
    first, _, rest = address.partition("/")
    language, path = (first, rest) if first in context.locales[1:] else (context.locales[0], address)
    candidates = [f"{language}/{path}.md", f"{language}/{path}/index.md"] if path else []
    candidates = candidates or [f"{language}/index.md"]
    return next((name for name in candidates if (context.docs_dir / name).is_file()), None)


def _unrecognized(match: re.Match, context: LinkContext) -> str:
    link = match["link"]
    fix = f": '{match['suggestion']}'" if match["suggestion"] else ", e.g. 'kontakt.md' for a page kontakt.md"
    return (
        f"{_where(match['page'], link, context)}: the link '{link}' is not a file – link to the page's "
        f".md file{fix}"
    )


def _nav_not_found(match: re.Match, context: LinkContext) -> str:
    link = match["link"]
    line = _config_line(context.config_file, link)
    if unseen := look_alike_note(context.docs_dir, f"{context.language}/{link}", link, "menu entry"):
        return f"mkdocs.yml:{line}: the menu (nav:) lists '{link}', which is no page: {unseen}"
    return (
        f"mkdocs.yml:{line}: the menu (nav:) lists '{link}', but there is no file "
        f"docs/{context.language}/{link} – correct the name, or create the page in every language"
    )


def _not_in_nav(match: re.Match, context: LinkContext) -> str:
    line = _config_line(context.config_file, "nav:")
    pages = [page.strip()[2:] for page in match["pages"].strip("\n").split("\n")]
    return "\n".join(
        f"docs/{page}:1: the page is not included in the \"nav\" menu – add '{page.split('/', 1)[-1]}' "
        f"under nav: in mkdocs.yml (line {line})"
        for page in pages
    )


REWRITES: list[tuple[re.Pattern, Callable[[re.Match, LinkContext], str]]] = [
    (NOT_FOUND, _not_found),
    (NO_ANCHOR, _no_anchor),
    (ABSOLUTE, _absolute),
    (UNRECOGNIZED, _unrecognized),
    (NAV_NOT_FOUND, _nav_not_found),
    (NOT_IN_NAV, _not_in_nav),
]


# -----------------------------------------------------------------------------
# Finding the line
# -----------------------------------------------------------------------------


def _where(page: str, link: str, context: LinkContext) -> str:
    """'docs/PAGE:LINE' of the next occurrence of `link` in the page, or 'docs/PAGE'."""
    try:
        source = without_code((context.docs_dir / page).read_text(encoding="utf-8-sig"))
    except OSError:
        return f"docs/{page}"
    occurrence = context.seen[(page, link)]
    context.seen[(page, link)] += 1
    match = nth_match(link_pattern(link), source, occurrence) or nth_match(link_pattern(link), source, 0)
    return f"docs/{page}:{line_at(source, match.start())}" if match else f"docs/{page}"


def link_pattern(link: str) -> re.Pattern:
    """`link` as a Markdown link or image, a reference definition, or an HTML address."""
    escaped = re.escape(link)
    inline = rf"\]\(\s*<?{escaped}(?=[\s)>])"
    reference = rf"^[ \t]*\[[^\]]+\]:[ \t]*<?{escaped}(?=[\s>]|$)"
    html = rf"=\s*[\"']?{escaped}[\"'\s>]"
    return re.compile(f"{inline}|{reference}|{html}", re.M)


def _config_line(config_file: Path, text: str) -> int:
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    start = next((number for number, line in enumerate(lines) if line.startswith("nav:")), 0)
    quoted = re.compile(rf"(?:^|[\s:'\"]){re.escape(text)}(?:['\"]|\s*$)")
    found = (number + 1 for number in range(start, len(lines)) if quoted.search(lines[number]))
    return next(found, start + 1)


# -----------------------------------------------------------------------------
# Links to the other language
# -----------------------------------------------------------------------------

# MkDocs leaves a link with a scheme alone; forebygg.links makes it the page's address.
OTHER_LANGUAGE = "other-language:"
# An inline link or image, or a reference definition.
LINK = re.compile(r"(?:\]\(\s*<?|^[ \t]*\[[^\]]+\]:[ \t]*<?)(?P<link>[^\s)>]+)", re.M)


def other_language_links(
    markdown: str, page_file: str, language: str, languages: list[str], exists: Callable[[str], bool]
) -> tuple[str, list[tuple[int, str]]]:
    """`markdown` with each link to a page in another language's folder marked OTHER_LANGUAGE,
    and (position, message) for each such link whose page does not exist."""
    problems = []
    pieces, last = [], 0
    for match in LINK.finditer(without_code(markdown)):
        link = match["link"]
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or link.startswith("/") or not parts.path.endswith(".md"):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page_file), parts.path))
        folder = target.split("/", 1)[0]
        if folder == language or folder not in languages:
            continue
        if not exists(target):
            problems.append(
                (
                    match.start("link"),
                    (
                        f"the link '{link}' leads to no page in the other language: there is no file docs/{target} – "
                        "correct the file name, or translate the page"
                    ),
                )
            )
            continue
        anchor = f"#{parts.fragment}" if parts.fragment else ""
        pieces += [markdown[last : match.start("link")], f"{OTHER_LANGUAGE}{target}{anchor}"]
        last = match.end("link")
    return "".join(pieces) + markdown[last:], problems
