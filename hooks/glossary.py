"""
The glossary: one source of terms (docs/data/glossary.yml), a list of them, and terms that
explain themselves where pages use them.

The page where an editor writes `<!-- md:glossary -->` gets every term as a definition list
(overrides/partials/glossary.html), sorted as the page's language sorts words, each term with
an id (`ordlista.md#forverkande`). On every other page the first use of each term (any listed
form, any case, a whole word) in running text becomes a link to its entry with the
explanation as a tooltip (overrides/partials/glossary-term.html). The terms are found in
Python-Markdown's tree of the page's own text, as it is made into HTML: headings, links, code
and admonition titles are left alone, and so is everything a hook puts in afterwards (the
film player, form examples, the self-check) or an editor writes as raw HTML. The tooltip is
left out of the search index. A mistake in the glossary file stops the build with its line
(src/forebygg/glossary.py).
"""

from __future__ import annotations

from pathlib import Path

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from forebygg.glossary import entries as glossary
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

# The entries, read once per language build; the published path of the glossary page; and
# the page whose Markdown is being made into HTML now, if its terms are to be explained.
_state: dict = {"entries": [], "page": None, "explaining": None}

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
    # MkDocs hands these to Python-Markdown for every page. on_config runs for each language
    # on the same config, so the instance an earlier run added is taken out first.
    extensions = [e for e in config.markdown_extensions if type(e).__name__ != GlossaryTerms.__name__]
    config.markdown_extensions[:] = [*extensions, GlossaryTerms()]


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
    listed = MARKER.search(markdown)
    # Python-Markdown makes this Markdown into HTML next (GlossaryTerms below).
    explains = not listed and _state["entries"] and _state["page"] is not None
    _state["explaining"] = (page, config) if explains else None
    if not listed:
        return markdown
    return MARKER.sub(lambda match: glossary_list(config), markdown)


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
            "source": entry.source
            and {
                "url": entry.source.url,
                "section": entry.source.section,
                "name": entry.source.names[language],
            },
        }
        for entry in glossary.sorted_entries(_state["entries"], language)
    ]
    html_list = theme_template(config, "partials/glossary.html").render(
        entries=entries,
        language=language,
        source_label=ui_text(config, "glossary.source"),
        whole_law=ui_text(config, "glossary.whole_law"),
    )
    # Blank lines around it: Markdown passes a block of raw HTML through as it is.
    return f"\n\n{html_list.strip()}\n\n"


class GlossaryTerms(Extension):
    """Explains the first use of each term in the page's Markdown, in Python-Markdown's tree."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 – Python-Markdown's name
        # Last: after inline Markdown, abbreviations, the table of contents and MkDocs' own.
        md.treeprocessors.register(_ExplainedTerms(md), "glossary_terms", -10)


class _ExplainedTerms(Treeprocessor):
    def run(self, root) -> None:
        if _state["explaining"] is None:
            return
        page, config = _state["explaining"]
        _state["explaining"] = None  # the page's own text only, once
        explain_terms(root, page, config, self.md.htmlStash.store)


def explain_terms(root, page: Page, config: MkDocsConfig, stash) -> None:
    """The first use of each term in running text becomes its term (HTML, kept by `stash`)."""
    language = current_language(config)
    entries = _state["entries"]
    terms = glossary.term_pattern(entries, language)
    template = theme_template(config, "partials/glossary-term.html")
    glossary_url = page_url(page, _state["page"])
    used: set[int] = set()
    for element, part in running_text(root):
        text, pieces, end = getattr(element, part), [], 0
        for match in terms.finditer(text):
            entry = glossary.entry_for(entries, language, match.group())
            if id(entry) in used:
                continue
            used.add(id(entry))
            term = template.render(
                number=len(used),
                text=match.group(),
                url=f"{glossary_url}#{entry.anchor(language)}",
                explanation=entry.explanations[language],
                script_url=page_url(page, SCRIPT) if len(used) == 1 else None,
            ).strip()
            pieces += [text[end : match.start()], stash(term)]
            end = match.end()
        if pieces:
            setattr(element, part, "".join(pieces) + text[end:])


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
# Admonition titles read as headings; a permalink is a link.
SKIPPED_CLASSES = {"admonition-title", "headerlink"}


def running_text(parent):
    """(element, "text" or "tail") for each piece of running text in `parent`, in the page's order."""
    if parent.text:
        yield parent, "text"
    for child in parent:
        if isinstance(child.tag, str) and not _skipped(child):
            yield from running_text(child)
        if child.tail:
            yield child, "tail"


def _skipped(element) -> bool:
    return element.tag in SKIPPED_TAGS or bool(set((element.get("class") or "").split()) & SKIPPED_CLASSES)


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
