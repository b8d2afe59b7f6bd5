"""
The glossary: one source of terms (docs/data/glossary.yml), a list of them, and terms that
explain themselves where pages use them.

The page where an editor writes `<!-- md:glossary -->` gets every term as a definition list
(overrides/partials/glossary.html), sorted as the page's language sorts words, each term with
an id (`ordlista.md#forverkande`). On every other page the first use of each term (any listed
form, any case, a whole word) in running text becomes a link to its entry with the
explanation as a tooltip (overrides/partials/glossary-term.html, terms.py). The tooltip is
left out of the search index. A mistake in the glossary file stops the build with its line
(entries.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from forebygg.glossary import entries as glossary
from forebygg.glossary import order
from forebygg.glossary.terms import GlossaryTerms
from forebygg.markers import pattern
from forebygg.site_config import babel_locale, current_language, locales, shown_as, texts, theme_template

log = get_plugin_logger(__name__)

MARKER = pattern("glossary")


class Glossary:
    def __init__(self) -> None:
        # Of the language being built: the entries, and the published path of the glossary page.
        self.entries: list[glossary.Entry] = []
        self.page: str | None = None
        # The page whose Markdown Python-Markdown makes into HTML next, if its terms are to
        # be explained: on_page_markdown sets it, GlossaryTerms takes it.
        self.explaining: Page | None = None
        self.config: MkDocsConfig | None = None

    # After i18n, which sets the languages of this build.
    def on_config(self, config: MkDocsConfig):
        source = Path(config.docs_dir) / "data" / "glossary.yml"
        text = source.read_text(encoding="utf-8-sig") if source.is_file() else ""
        try:
            self.entries = glossary.read(text, locales(config), shown_as(config, source))
        except glossary.GlossaryError as error:
            raise PluginError(str(error)) from None
        self.config = config
        # MkDocs hands these to Python-Markdown for every page. on_config runs for each language
        # on the same config, so the extension that an earlier language's run added is taken out first.
        extensions = [e for e in config.markdown_extensions if not isinstance(e, GlossaryTerms)]
        config.markdown_extensions[:] = [*extensions, GlossaryTerms(self)]

    # After i18n, which keeps only the current language's pages.
    def on_files(self, files: Files, config: MkDocsConfig):
        pages = [file for file in files.documentation_pages() if MARKER.search(_read(file.abs_src_path))]
        self.page = pages[0].url if pages else None
        if not pages and self.entries:
            log.warning(
                f"docs/data/glossary.yml: no page in docs/{current_language(config)}/ shows the glossary "
                f"– add <!-- md:glossary --> to one (ordlista.md)"
            )
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        listed = MARKER.search(markdown)
        # Python-Markdown makes this Markdown into HTML next (GlossaryTerms).
        explains = not listed and self.entries and self.page is not None
        self.explaining = page if explains else None
        if not listed:
            return markdown
        return MARKER.sub(lambda match: glossary_list(self.entries, config), markdown)

    def take_page(self) -> Page | None:
        """The page whose terms to explain now, once."""
        page, self.explaining = self.explaining, None
        return page


def glossary_list(entries: list[glossary.Entry], config: MkDocsConfig) -> str:
    """Every term, sorted as the page's language sorts words, as raw HTML for Markdown."""
    language = current_language(config)
    others = [locale for locale in locales(config) if locale != language]
    names = {locale: babel_locale(locale).get_display_name(language) or locale for locale in others}
    text = texts(config, "glossary", "forebygg/glossary/__init__.py")
    listed = [
        {
            "terms": [{"text": term, "id": order.slug(term)} for term in entry.terms[language]],
            "explanation": entry.explanations[language],
            "translations": [
                {
                    "language": locale,
                    "label": text["in_language"].format(language=names[locale]),
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
        for entry in order.sorted_entries(entries, language)
    ]
    html_list = theme_template(config, "partials/glossary.html").render(
        entries=listed,
        language=language,
        source_label=text["source"],
        whole_law=text["whole_law"],
    )
    # Blank lines around it: Markdown passes a block of raw HTML through as it is.
    return f"\n\n{html_list.strip()}\n\n"


def _read(path: str | None) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig") if path else ""
    except OSError:
        return ""
