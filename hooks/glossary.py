"""
The glossary: one source of terms (docs/data/glossary.yml), a list of them, and terms that
explain themselves where pages use them.

The page where an editor writes `<!-- md:glossary -->` gets every term as a definition list
(overrides/partials/glossary.html), sorted as the page's language sorts words, each term with
an id (`ordlista.md#forverkande`). On every other page the first use of each term (any listed
form, any case, a whole word) in running text becomes a link to its entry with the
explanation as a tooltip (overrides/partials/glossary-term.html); headings, links, code, the
film player and form examples are left alone. The tooltip is left out of the search index.
A mistake in the glossary file stops the build with its line (src/forebygg/glossary.py).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from forebygg import glossary
from forebygg.markers import pattern
from forebygg.site_config import (
    AFTER_I18N,
    babel_locale,
    current_language,
    locales,
    page_url,
    theme_template,
    ui_text,
)

log = get_plugin_logger(__name__)

# The entries, read once per language build, and the published path of the glossary page.
_state: dict = {"entries": [], "page": None}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After i18n, which sets the languages of this build.
@event_priority(AFTER_I18N)
def on_config(config: MkDocsConfig):
    source = Path(config.docs_dir) / "data" / "glossary.yml"
    text = source.read_text(encoding="utf-8-sig") if source.is_file() else ""
    try:
        _state["entries"] = glossary.read(text, locales(config), _shown_path(config, source))
    except glossary.GlossaryError as error:
        raise PluginError(str(error)) from None


# After i18n, which keeps only the current language's pages.
@event_priority(AFTER_I18N)
def on_files(files: Files, config: MkDocsConfig):
    pages = [file for file in files.documentation_pages() if MARKER.search(_read(file.abs_src_path))]
    _state["page"] = pages[0].url if pages else None
    if not pages and _state["entries"]:
        log.warning(
            f"docs/data/glossary.yml: no page in docs/{current_language(config)}/ shows the glossary "
            f"– add <!-- md:glossary --> to one (ordlista.md)"
        )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    if not MARKER.search(markdown):
        return markdown
    page.meta["glossary_page"] = True
    return MARKER.sub(lambda match: glossary_list(config), markdown)


# After hooks/film.py (-50), so the film player is in place and can be left alone; before
# hooks/page_html.py (-60), which leaves the glossary's markup alone by its class.
@event_priority(-55)
def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files):
    if page.meta.get("glossary_page") or not _state["entries"] or _state["page"] is None:
        return content
    return explained_terms(content, page, config)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

MARKER = pattern("glossary")
SCRIPT = "assets/js/glossary.js"


def glossary_list(config: MkDocsConfig) -> str:
    """Every term, sorted as the page's language sorts words, as raw HTML for Markdown."""
    language = current_language(config)
    others = [locale for locale in locales(config) if locale != language]
    names = {locale: babel_locale(locale).get_display_name(language) or locale for locale in others}
    entries = [
        {
            "terms": [{"text": term, "id": glossary.slug(term)} for term in entry.terms[language]],
            "explanation": entry.explanations[language],
            "translations": [
                {
                    "language": locale,
                    "label": ui_text(config, "glossary.in_language").format(language=names[locale]),
                    "terms": entry.terms[locale],
                }
                for locale in others
            ],
            "source": entry.source and {"url": entry.source.url, "name": entry.source.names[language]},
        }
        for entry in glossary.sorted_entries(_state["entries"], language)
    ]
    html_list = theme_template(config, "partials/glossary.html").render(
        entries=entries, language=language, source_label=ui_text(config, "glossary.source")
    )
    # Blank lines around it: Markdown passes a block of raw HTML through as it is.
    return f"\n\n{html_list.strip()}\n\n"


def explained_terms(content: str, page: Page, config: MkDocsConfig) -> str:
    """The page's HTML with the first use of each term linked to the glossary, with its explanation."""
    language = current_language(config)
    entries = _state["entries"]
    found = first_uses(content, glossary.term_pattern(entries, language), entries, language)
    if not found:
        return content
    template = theme_template(config, "partials/glossary-term.html")
    glossary_url = page_url(page, _state["page"])
    pieces, end = [], len(content)
    for number, (start, stop, entry) in reversed(list(enumerate(found, 1))):
        term = template.render(
            number=number,
            text=html.unescape(content[start:stop]),
            url=f"{glossary_url}#{entry.anchor(language)}",
            explanation=entry.explanations[language],
            script_url=page_url(page, SCRIPT) if number == 1 else None,
        ).strip()
        pieces[:0] = [term, content[stop:end]]
        end = start
    return content[:end] + "".join(pieces)


def first_uses(content: str, terms: re.Pattern, entries, language: str) -> list[tuple[int, int, object]]:
    """(start, end, entry) of the first use of each entry in running text, in the order of the page."""
    finder = _RunningText(content)
    used, found = set(), []
    for offset, text in finder.texts:
        for match in terms.finditer(text):
            entry = glossary.entry_for(entries, language, match.group())
            if id(entry) not in used:
                used.add(id(entry))
                found.append((offset + match.start(), offset + match.end(), entry))
    return found


# Where a term is not explained: headings, links and other controls, code, and text
# that is not running text.
SKIPPED_TAGS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "button",
    "label",
    "summary",
    "select",
    "option",
    "textarea",
    "code",
    "pre",
    "kbd",
    "samp",
    "script",
    "style",
    "abbr",
    "dt",
    "figcaption",
    "video",
    "audio",
    "iframe",
    "object",
    "svg",
    "math",
    "template",
}
# The site's own components, and admonition titles (which read as headings).
SKIPPED_CLASSES = {"film", "form-example", "glossary", "admonition-title", "headerlink", "md-typeset__table"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _RunningText(HTMLParser):
    """The text segments of HTML outside skipped elements, each with its offset in the HTML."""

    def __init__(self, content: str):
        super().__init__(convert_charrefs=False)
        self.texts: list[tuple[int, str]] = []
        self._stack: list[tuple[str, bool]] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", content)]
        self.feed(content)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = self._skipped() or tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES)
        self._stack.append((tag, skipped))

    def handle_endtag(self, tag):
        for index in range(len(self._stack) - 1, -1, -1):
            if self._stack[index][0] == tag:
                del self._stack[index:]
                return

    def handle_data(self, data):
        if not self._skipped() and data.strip():
            line, column = self.getpos()
            self.texts.append((self._line_starts[line - 1] + column, data))

    def _skipped(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]


def _read(path: str | None) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig") if path else ""
    except OSError:
        return ""


def _shown_path(config: MkDocsConfig, source: Path) -> str:
    """The glossary file's path as the editor sees it, from the project's folder."""
    project = Path(config.config_file_path or "mkdocs.yml").resolve().parent
    try:
        return source.resolve().relative_to(project).as_posix()
    except ValueError:
        return source.as_posix()
