"""
The markup an editor put in a page, checked against what the site promises:
nothing loads from another host, nothing the security policy (CSP, in
deploy/security-headers.conf) blocks, and every image has alt text and exists.

The check reads the page as published (`page_problems`), so code blocks,
which show markup as text, never count, and Markdown images are seen as the
`<img>` they become. The site's own components (the film player, a form's
example) are left out by their class (the wrappers in forebygg.components). Each problem carries a pattern that
finds the editor's own text in the page's file (`locate`), for the line.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlsplit

import lxml.html

from forebygg.components import WRAPPERS
from forebygg.source_lines import line_at, nth_match, without_code
from forebygg.typography import described, invisible_characters

BLOCKED_ELEMENTS = {"script", "style", "iframe", "object", "embed", "frame", "frameset", "applet", "base"}
# Attributes whose address the browser loads by itself, on any element.
LOADED = ("src", "srcset", "poster", "data", "background")
# Elements whose href is loaded by itself (on <a> it is only followed when clicked).
LOADED_HREF = {"link", "image", "use"}
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
MARKDOWN_IMAGE = r"!\[[^\]]*\]\(\s*<?"
ATTR_LIST = r"\{:?[^}\n]*?"  # attributes written in Markdown: {: style="…" }
LOADING_ATTRIBUTE = rf"\b(?:{'|'.join(LOADED)}|href)\s*=\s*[\"']?"

FILM_ADVICE = 'write the film as ![type:video]({watch} "Title"){{: files=… }} (EDITING.md: Films)'
YOUTUBE_EMBED = re.compile(r"(?:youtube(?:-nocookie)?\.com)/embed/([A-Za-z0-9_-]+)")
VIMEO_EMBED = re.compile(r"player\.vimeo\.com/video/(\d+)")


@dataclass(frozen=True)
class Problem:
    # Finds the editor's text in the page's file; the k-th problem with the same
    # pattern is the k-th match.
    pattern: re.Pattern
    message: str  # "{written}" in it is replaced with the address as the editor wrote it
    html_message: str = ""  # the message when the editor wrote raw HTML, if it differs
    # A missing Markdown image: MkDocs reports it itself (forebygg.links gives it its line).
    reported_by_mkdocs: bool = False
    written: str = ""  # {written} where the editor's text is not found
    # Which match of `pattern` is the editor's text, where not every match is a problem.
    occurrence: int | None = None


def page_problems(
    content: str, exists: Callable[[str], bool], look_alike: Callable[[str], str | None] = lambda url: None
) -> list[Problem]:
    """What is wrong with the editor's markup in a page's HTML; `exists(url)`: is the local file there?
    `look_alike(url)`: why a missing file is missing, where the reason cannot be seen (an invisible character)."""
    if not content.strip():
        return []
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    problems = []
    images: Counter = Counter()
    for element in _editor_elements(root):
        found = _element_problems(element, exists, look_alike)
        if element.tag == "img":
            name = _image_name(element)
            found = [replace(problem, occurrence=images[name]) for problem in found]
            images[name] += 1
        problems += found
    return problems


def locate(problems: list[Problem], source: str) -> list[tuple[int | None, str]]:
    """(line, message) for each problem; the line is None where the editor's text is not found."""
    text = without_code(source)
    seen: Counter = Counter()
    located = []
    for problem in problems:
        occurrence = seen[problem.pattern.pattern] if problem.occurrence is None else problem.occurrence
        match = nth_match(problem.pattern, text, occurrence)
        seen[problem.pattern.pattern] += 1
        written = match.groupdict().get("written") if match else None
        in_html = bool(match and match.group().startswith("<"))
        if problem.reported_by_mkdocs and match and not in_html:
            continue
        message = problem.html_message if in_html and problem.html_message else problem.message
        line = line_at(text, match.start()) if match else None
        located.append((line, message.replace("{written}", written or problem.written)))
    return located


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _editor_elements(root) -> Iterator:
    for element in root:
        if not isinstance(element.tag, str):  # comments
            continue
        if WRAPPERS & set(element.get("class", "").split()):  # a component's own markup
            continue
        yield element
        if element.tag not in BLOCKED_ELEMENTS:
            yield from _editor_elements(element)


def _element_problems(element, exists: Callable[[str], bool], look_alike) -> list[Problem]:
    tag = element.tag
    # A script of the site's own, or the placeholder that overrides/main.html replaces by one.
    own = element.get("src") or element.get("data-after-paint", "")
    if tag == "script" and _is_own_script(own, exists):
        return []
    if tag in BLOCKED_ELEMENTS:
        return [Problem(re.compile(rf"<{tag}\b", re.I), _blocked_message(element))]
    problems = []
    for name in element.attrib:
        if name.lower().startswith("on"):
            problems.append(
                Problem(
                    re.compile(rf"(?:<{tag}\b[^>]*?|{ATTR_LIST})\b{re.escape(name)}\s*=", re.I),
                    f"<{tag} {name}=…> cannot run: the site's security policy (CSP) blocks scripts written in "
                    "pages – remove it, and ask a developer if the page needs to do something",
                )
            )
        elif element.get(name).strip().lower().startswith("javascript:"):
            problems.append(
                Problem(
                    re.compile(r"javascript\s*:", re.I),
                    f'the {name}="javascript:…" of the <{tag}> cannot run: the site\'s security policy (CSP) '
                    "blocks scripts written in pages – remove it, and link to a page or file instead",
                )
            )
        elif name.lower() == "style":
            problems.append(
                Problem(
                    re.compile(rf"(?:<{tag}\b[^>]*?|{ATTR_LIST})\bstyle\s*=", re.I),
                    f"<{tag} style=…> has no effect: the site's security policy (CSP) ignores styles written in "
                    "pages – remove it, and ask a developer for a class in docs/assets/css/site.css",
                )
            )
    href = unquote(element.get("href", "")) if tag == "a" else ""
    # A local link that leads nowhere is MkDocs' to report (forebygg.links names the character).
    if href and _is_foreign(href) and invisible_characters(href):
        problems.append(
            Problem(
                re.compile(re.escape(href)),
                f"the link '{href}' has {described(href)}, so it leads elsewhere than it seems – delete it",
            )
        )
    for url in _loaded_addresses(element):
        if _is_foreign(url):
            problems.append(
                Problem(
                    re.compile(rf"(?:{MARKDOWN_IMAGE}|{LOADING_ATTRIBUTE}|,\s*){re.escape(url)}"),
                    f"the <{tag}> loads {url} from another host, which the site never does (its security policy "
                    "blocks it) – save the file in docs/assets/ and use it from there, or link to it instead: "
                    f"[What it is]({url})",
                )
            )
    if tag == "img":
        problems += _image_problems(element, exists, look_alike)
    return problems


def _is_own_script(src: str, exists: Callable[[str], bool]) -> bool:
    """A script file of the site's own, as the film player loads: the CSP allows it."""
    return bool(src) and not _is_foreign(src) and not urlsplit(src).scheme and exists(src)


def _blocked_message(element) -> str:
    tag = element.tag
    address = element.get("src") or element.get("data") or ""
    if tag == "iframe" and (match := YOUTUBE_EMBED.search(address)):
        watch = f"https://www.youtube.com/watch?v={match.group(1)}"
        return f"a pasted YouTube embed code (<iframe>) shows only a blank frame here – {FILM_ADVICE}".format(
            watch=watch
        )
    if tag == "iframe" and (match := VIMEO_EMBED.search(address)):
        watch = f"https://vimeo.com/{match.group(1)}"
        return f"a pasted Vimeo embed code (<iframe>) shows only a blank frame here – {FILM_ADVICE}".format(
            watch=watch
        )
    if tag == "script":
        return (
            "<script> cannot run: the site's security policy (CSP) blocks scripts written in pages – "
            "remove it, and ask a developer if the page needs a script"
        )
    if tag == "style":
        return (
            "<style> has no effect: the site's security policy (CSP) ignores styles written in pages – "
            "remove it, and ask a developer for a class in docs/assets/css/site.css"
        )
    return (
        f"<{tag}> is not allowed in pages: the site loads nothing from other hosts and its security "
        "policy blocks it – remove it and link to the content instead: [What it is](https://…)"
    )


def _loaded_addresses(element) -> list[str]:
    values = [element.get(name) for name in LOADED if element.get(name)]
    if element.tag in LOADED_HREF:
        values += [element.get(name) for name in ("href", XLINK_HREF) if element.get(name)]
    if element.get("srcset"):
        values.remove(element.get("srcset"))
        values += [part.split()[0] for part in element.get("srcset").split(",") if part.split()]
    return [value.strip() for value in values]


def _is_foreign(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def _image_name(element) -> str:
    src = element.get("src", "").strip()
    return posixpath.basename(unquote(urlsplit(src).path)) or src


def _image_problems(element, exists: Callable[[str], bool], look_alike) -> list[Problem]:
    src = element.get("src", "").strip()
    name = _image_name(element)
    # The image as the editor wrote it: Markdown `![…](path)` or `<img … src="path"`.
    written = rf"(?P<written>[^\s)\"'>]*?{re.escape(name)})"
    pattern = re.compile(rf"(?:{MARKDOWN_IMAGE}|<img\b[^>]*?\bsrc\s*=\s*[\"']?){written}", re.I)
    problems = []
    decorative = "decorative" in element.get("class", "").split() and element.get("alt") == ""
    if not (element.get("alt") or "").strip() and not decorative:
        problems.append(
            Problem(
                pattern,
                written=src,
                message="the image {written} has no alt text – describe it in the brackets: ![What the image "
                "shows]({written}), or mark it decorative with ![]({written}){: .decorative } (EDITING.md: Add an image)",
                html_message='the image {written} has no alt text – describe it: <img alt="What the image shows" '
                '…>, or, if it only decorates, mark it with alt="" class="decorative" (EDITING.md: Add an image)',
            )
        )
    if src and not _is_foreign(src) and not urlsplit(src).scheme and not exists(src):
        note = look_alike(src)
        missing = "the image {written} does not exist"
        problems.append(
            Problem(
                pattern,
                written=src,
                message=f"{missing}: {note}"
                if note
                else f"{missing} – check its name and folder (images belong in docs/assets/)",
                html_message=f"{missing}: {note}"
                if note
                else f"{missing} – write it as a Markdown image, ![What the image shows](../assets/NAME.png) "
                "with the path as seen from the .md file, which the build can check",
                reported_by_mkdocs=True,
            )
        )
    return problems
