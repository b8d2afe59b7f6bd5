"""
The order of a page's headings: one `# ` title, and each heading at most one
level below the one before it (## then ###, not ## then ####). A screen
reader lists a page by its headings; a skipped level or a second title
gives a wrong outline (WCAG 1.3.1, Info and relationships); a page with
`##` and then `####` was published. The component Headings checks the page as
the editor wrote it, before any other has changed it, so that each message
names the editor's own line.

The page's Markdown is read as Python-Markdown reads it, with the site's own
extensions, so a `#` line in a code block is text, and a heading inside an
admonition, a list or raw HTML (`<h4>`) counts. A form shown by
`<!-- md:form NAME -->` counts as the level-3 heading its title is. The
self-check at the end of a course part is left out: its questions become
fieldsets, not headings, and the course and glossary boxes have none.

Each heading's line in the page's file is carried through Python-Markdown:
a step before any other marks each line that can hold a heading with its
number (`data-source-line`).

The component also gives every heading its anchor, in any script (`slugify`,
for Python-Markdown's toc): the heading in small letters, '-' between the
words, without punctuation; Latin letters written without their accents
(å, ä, ö as a, a, o), as Python-Markdown's own rule writes them, and the
letters of every other script as they are written ("## أحيانا يجب" is
#أحيانا-يجب). Python-Markdown's rule keeps only what is left in ASCII, so an
Arabic or Greek heading got a number (#_1), which changes when a heading is
added above it. The glossary's terms get their anchors by the same letters
(`plain_letters`).
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import astuple, dataclass, replace
from pathlib import Path

import lxml.html
import markdown as python_markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.build_cache import cache_folder, entry_key, write_whole
from forebygg.markers import pattern
from forebygg.self_check.questions import MARKER as SELF_CHECK
from forebygg.site_config import project_root
from forebygg.source_lines import page_line

ATX = re.compile(r"^(?P<prefix>[ \t]*(?:>[ \t]*)*)(?P<hashes>#{1,6})(?P<text>(?:[ \t].*)?)$")
SETEXT_UNDERLINE = re.compile(r"^[ \t]{0,3}(?:=+|-+)[ \t]*$")
HTML_HEADING = re.compile(r"<h([1-6])\b", re.I)
ATTR_LIST_END = re.compile(r"\s*\{:?[^}]*\}\s*$")
FORM = pattern("form")
# The level of a form's title on its page (forebygg.forms, heading_level).
FORM_LEVEL = 3


class Headings:
    def on_config(self, config: MkDocsConfig):
        config.mdx_configs.setdefault("toc", {})["slugify"] = slugify
        return config

    # First of all, before any plugin: the Markdown is still the editor's.
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        found = kept_headings(markdown, config.markdown_extensions, config.mdx_configs, project_root(config))
        starts = [0, *itertools.accumulate(len(line) + 1 for line in markdown.split("\n"))]
        problems = [
            f"docs/{page.file.src_uri}:{line}: {message}"
            for line, message in heading_problems(
                found, lambda line: page_line(page, markdown, starts[line - 1]) if line else 1
            )
        ]
        if problems:
            raise PluginError("\n".join(problems))
        return markdown


@dataclass
class Heading:
    level: int
    line: int  # in the Markdown handed in, from 1
    text: str
    written: str  # the heading's line as the editor wrote it
    form: str = ""  # the form's name, for a form's title


def headings(markdown: str, extensions: list, configs: dict) -> list[Heading]:
    """The headings a reader of `markdown` meets, in order."""
    lines = markdown.split("\n")
    cut = SELF_CHECK.search(markdown)
    text = markdown[: cut.start()] if cut else markdown
    # A form's title, where the form is shown: a raw level-3 heading on the marker's own line.
    text = FORM.sub(lambda m: f'<h{FORM_LEVEL} data-form="{m.group(1)}">{m.group(1)}</h{FORM_LEVEL}>', text)
    converter = _converter(repr((extensions, configs)), extensions, configs)
    html = converter.reset().convert(text)
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    found = []
    for element in root.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        if any(parent.tag in ("pre", "code") for parent in element.iterancestors()):
            continue
        line = int(element.get("data-source-line") or 0)
        found.append(
            Heading(
                level=int(element.tag[1]),
                line=line,
                text=" ".join(element.text_content().split()),
                written=lines[line - 1].strip() if 0 < line <= len(lines) else "",
                form=element.get("data-form") or "",
            )
        )
    return found


def kept_headings(markdown: str, extensions: list, configs: dict, project: Path) -> list[Heading]:
    """headings(), kept in the project's .cache/headings/ for the next build: reading a page
    again for its headings took a tenth of a build. The entry is named by the Markdown,
    the extensions and their settings, and the code of every package they come from
    (forebygg.build_cache.entry_key), so any change reads the page again; the headings'
    order is checked anew in every build, from the entry or not."""
    extensions = [extension for extension in extensions if not getattr(extension, "adds_no_headings", False)]
    key = entry_key(markdown, extensions, configs)
    kept = cache_folder(project, "headings") / f"{key}.json"
    if key is not None:
        try:
            return [Heading(*fields) for fields in json.loads(kept.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            pass  # not kept yet
    found = headings(markdown, extensions, configs)
    if key is not None:
        write_whole(kept, json.dumps([astuple(heading) for heading in found], ensure_ascii=False).encode())
    return found


_converters: dict[str, python_markdown.Markdown] = {}


def _converter(key: str, extensions: list, configs: dict) -> python_markdown.Markdown:
    """One Python-Markdown per set of extensions: making one takes longer than reading a page."""
    if key not in _converters:
        converter = python_markdown.Markdown(
            extensions=[*extensions, _LineNumbers()], extension_configs=configs, output_format="html"
        )
        # Only the blocks count: links, emphasis and the table of contents are left out (most of the time),
        # and so are the whitespace between the blocks (prettify) and what only inline Markdown escapes
        # (unescape): a fifth of the time, and neither adds, takes away or moves a heading.
        for name in ("inline", "toc", "prettify", "unescape"):
            if name in converter.treeprocessors:
                converter.treeprocessors.deregister(name)
        _converters[key] = converter
    return _converters[key]


def plain_letters(text: str) -> str:
    """`text` with each Latin letter as Python-Markdown's toc writes it in an anchor, without its
    accent (å → a; a letter with no plain form, ß or æ, left out, as there), and every other
    script's letters, digits and marks as they are written."""
    kept = []
    other_script = False  # the last letter kept was of another script: its marks stay with it
    for character in unicodedata.normalize("NFC", text):
        ascii_form = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode()
        category = unicodedata.category(character)
        if ascii_form or category[0] not in "LNM" or "LATIN" in unicodedata.name(character, ""):
            kept.append(ascii_form)
            other_script = False
        elif category[0] != "M" or other_script:
            kept.append(character)
            other_script = True
    return "".join(kept)


def slugify(value: str, separator: str) -> str:
    """A heading's anchor (Python-Markdown's toc calls it): see the module's text."""
    words = "".join(
        c
        for c in plain_letters(value)
        if c in "-_" or c.isspace() or c.isalnum() or unicodedata.category(c)[0] == "M"
    )
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, words.strip().lower())


def heading_problems(
    found: list[Heading], file_line: Callable[[int], int] = lambda line: line
) -> list[tuple[int, str]]:
    """(line, what is wrong – how to fix it) for each heading out of order; `file_line` gives the
    file's line of a line of the Markdown."""
    found = [replace(heading, line=file_line(heading.line)) for heading in found]
    problems = []
    title = next((heading for heading in found if heading.level == 1), None)
    # A page without a # title gets one from its file name, above everything (overrides/partials/content.html).
    previous = None if title else Heading(1, 0, "", "")
    for heading in found:
        if heading.level == 1 and title is not heading:
            problems.append((heading.line, _second_title(heading, title)))
        elif previous is None and heading.level > 1:
            problems.append(
                (
                    heading.line,
                    f"the heading '{heading.written}' comes before the page's # title (line {title.line}) – "
                    "put the # title first: it is the page's name",
                )
            )
        elif previous is not None and heading.level > previous.level + 1:
            problems.append((heading.line, _skipped(heading, previous)))
        previous = heading
    return problems


def _second_title(heading: Heading, title: Heading) -> str:
    return (
        f"a second # title, '{heading.text}' – a page has one # title, its name (line {title.line}), so that "
        f"a screen reader's list of headings shows how the page is built (WCAG 1.3.1); make this a heading "
        f"of a section instead: {_at_level(heading, 2)}"
    )


def _skipped(heading: Heading, previous: Heading) -> str:
    above = (
        f"the level-{previous.level} heading on line {previous.line}" if previous.line else "the page's title"
    )
    why = (
        "headings go one level down at a time, so that a screen reader's list of headings shows how the "
        "page is built (WCAG 1.3.1)"
    )
    if heading.form:
        return (
            f"the form '{heading.form}' shows its title as a level-{heading.level} heading, right after {above} "
            f"– {why}: put the form under a {'#' * (heading.level - 1)} heading of its own"
        )
    level = previous.level + 1
    return (
        f"the heading '{heading.written}' is level {heading.level}, right after {above} – {why}: add a "
        f"level-{level} heading between them, or make this one level {level} instead: {_at_level(heading, level)}"
    )


def _at_level(heading: Heading, level: int) -> str:
    """The heading's line as written, at `level`."""
    written = heading.written
    if match := ATX.match(written):
        return f"{match['prefix']}{'#' * level}{match['text']}".strip()
    if HTML_HEADING.search(written):
        return re.sub(r"(</?h)[1-6]\b", rf"\g<1>{level}", written, flags=re.I)
    return f"{'#' * level} {heading.text}"


class _LineNumbers(Extension):
    """Marks each line that can hold a heading with its number, before Python-Markdown reads the page."""

    def extendMarkdown(self, md):  # noqa: N802 – Python-Markdown's name
        # After the line endings are normalised (30), before code fences (25) and raw HTML (20) are taken out.
        md.preprocessors.register(_NumberLines(md), "forebygg_heading_lines", 29)


class _NumberLines(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        numbered = []
        for index, line in enumerate(lines):
            number = index + 1
            mark = f'data-source-line="{number}"'
            if HTML_HEADING.search(line):
                line = HTML_HEADING.sub(lambda m, mark=mark: f"{m.group(0)} {mark}", line)
            elif ATX.match(line) or (
                line.strip() and index + 1 < len(lines) and SETEXT_UNDERLINE.match(lines[index + 1])
            ):
                # Into the heading's own attribute list, if it has one ({: #id }): only the last one counts.
                if ATTR_LIST_END.search(line):
                    line = re.sub(r"\}\s*$", f" {mark} }}", line)
                else:
                    line = f"{line} {{: {mark} }}"
            numbered.append(line)
        return numbered
