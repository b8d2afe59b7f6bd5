"""
The first use of each glossary term in a page's running text, explained where it stands.

The terms are found in Python-Markdown's tree of the page's own text, as it is
made into HTML: headings, links, code and admonition titles are left alone,
and so is everything a component puts in afterwards (the film player, form
examples, the self-check) or an editor writes as raw HTML. Each term becomes
overrides/partials/glossary-term.html, kept from Markdown by its stash.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from forebygg.glossary import order
from forebygg.site_config import current_language, page_url, theme_template

SCRIPT = "assets/js/glossary.js"


class GlossaryTerms(Extension):
    """Explains the first use of each term in the page's Markdown, in Python-Markdown's tree.

    `component` (forebygg.glossary.Glossary) says which page, if any, Python-Markdown is
    making into HTML now, and holds the entries and the glossary page's address.
    """

    # It only changes running text: forebygg.headings reads a page's headings without it.
    adds_no_headings = True

    def __init__(self, component) -> None:
        super().__init__()
        self.component = component

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 – Python-Markdown's name
        # Last: after inline Markdown, abbreviations, the table of contents and MkDocs' own.
        md.treeprocessors.register(_ExplainedTerms(md, self.component), "glossary_terms", -10)


class _ExplainedTerms(Treeprocessor):
    def __init__(self, md: Markdown, component) -> None:
        super().__init__(md)
        self.component = component

    def run(self, root) -> None:
        page = self.component.take_page()  # the page's own text only, once
        if page is not None:
            glossary_page = self.component.page
            explain_terms(
                root,
                page,
                self.component.config,
                self.component.entries,
                glossary_page,
                self.md.htmlStash.store,
            )


def explain_terms(root, page: Page, config: MkDocsConfig, entries, glossary_page: str, stash) -> None:
    """The first use of each term in running text becomes its term (HTML, kept by `stash`)."""
    language = current_language(config)
    terms = order.term_pattern(entries, language)
    index = order.entry_index(entries, language)
    template = theme_template(config, "partials/glossary-term.html")
    glossary_url = page_url(page, glossary_page)
    used: set[int] = set()
    for element, part in running_text(root):
        text, pieces, end = getattr(element, part), [], 0
        for match in terms.finditer(text):
            entry = index[" ".join(match.group().split()).casefold()]
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
