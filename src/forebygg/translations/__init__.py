"""
Languages in the making: what `make add-language` copied and is not yet translated.

`make add-language` (add_language.py) adds a language by copying another
one's text, and marks each copy (copies.py): a page or form with
`untranslated: en` in its front matter, a caption file with
`NOTE untranslated: sv`, and each text in mkdocs.yml as a placeholder in
square brackets ("[Menu]"). So a preview of the new language builds at once.
The component Translations

- checks that each `untranslated:` names another language of the site;
- shows, on a page not yet translated, a notice under its title: in the
  reader's language where mkdocs.yml has it translated
  (extra.text.untranslated.notice), otherwise in the language of the page's
  text; the page's text is marked as in that language (lang, dir), so that a
  screen reader reads it right and its full stops stand at the right end;
- says in one line of a preview build how much is not yet translated.

The launch build (`make build`, forebygg.launch) refuses every copy, each
named with its file and line.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.pages import Page

from forebygg.components import WRAPPERS
from forebygg.site_config import (
    current_language,
    languages,
    locales,
    lookup,
    project_root,
    text_direction,
    theme_template,
)
from forebygg.translations.copies import KEY, mark_problems, untranslated

log = get_plugin_logger(__name__)

NOTICE = "text.untranslated.notice"
TITLE_END = re.compile(r"</h1>", re.I)
# The boxes of the components whose texts are the page's language's, and the glossary page's list
# of terms, which holds the page's language's glossary (a glossary term's tooltip in the copied
# text is the copied language's: its entry is copied too).
FRAME_TEXTS = re.compile(
    r'<(?:div class="(?:{})"|dl class="glossary glossary--list")(?![^>]*\blang=)'.format(
        "|".join(sorted(WRAPPERS - {"glossary"}))
    ),
)


class Translations:
    # After i18n, which sets the language of the build.
    def on_config(self, config: MkDocsConfig):
        if current_language(config) != locales(config)[0]:
            return config  # once, in the build of the default language
        root, docs = project_root(config), Path(config.docs_dir)
        problems = mark_problems(docs, "docs", locales(config)) + mark_problems(
            root / "forms", "forms", locales(config)
        )
        if problems:
            raise PluginError("\n".join(problems))
        if os.environ.get("SITE_DEPLOY") != "1":  # the launch build refuses them (forebygg.launch)
            for line in preview_summary(untranslated(root, docs, locales(config))):
                log.info(line)
        return config

    # Last: around everything the other components put in the page.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files):
        text_language = page.meta.get(KEY)
        if not text_language:
            return html
        return untranslated_page(html, str(text_language), config)


def untranslated_page(html: str, text_language: str, config: MkDocsConfig) -> str:
    """The page's content marked as in `text_language`, with the notice under its title."""
    language = current_language(config)
    notice = theme_template(config, "partials/untranslated.html").render(
        notice=notice_text(config, language, text_language)
    )
    title = TITLE_END.search(html)
    at = title.end() if title else 0
    # What the components put in the page (a film's labels, a form's downloads, the chart) is in
    # the page's own language, from mkdocs.yml: marked so inside the copied text.
    own = f' lang="{language}" dir="{text_direction(language)}"'
    html = FRAME_TEXTS.sub(lambda match: match.group() + own, html)
    return (
        f'<div class="untranslated" lang="{text_language}" dir="{text_direction(text_language)}">'
        f"{html[:at]}{notice}{html[at:]}</div>"
    )


def notice_text(config: MkDocsConfig, language: str, text_language: str) -> dict:
    """The notice in the reader's language where it is translated, else in the page text's language."""
    from forebygg.launch import is_placeholder

    names = {each.locale: each.name for each in languages(config)}
    value = config.extra.get("text", {}).get("untranslated", {}).get("notice", {})
    shown_in = (
        language if isinstance(value, dict) and not is_placeholder(value.get(language)) else text_language
    )
    text = Markup.escape(lookup(config.extra, NOTICE, shown_in, "mkdocs.yml"))
    name = Markup('<span lang="{}">{}</span>').format(text_language, names.get(text_language, text_language))
    return {
        "text": Markup(str(text).replace("{language}", str(name))),
        "language": shown_in,
        "direction": text_direction(shown_in),
    }


def preview_summary(copies) -> list[str]:
    """One line per language: how many of its files are not yet translated."""
    by_language: dict[str, dict[str, int]] = {}
    for copy in copies:
        counts = by_language.setdefault(copy.language, {})
        counts[copy.what] = counts.get(copy.what, 0) + 1
    words = {
        "page": ("page", "pages"),
        "form": ("form", "forms"),
        "glossary": ("glossary text", "glossary texts"),
        "captions": ("caption file", "caption files"),
    }
    return [
        f"{language}: not yet translated, and allowed in this preview build: "
        + ", ".join(f"{count} {words[what][count != 1]}" for what, count in counts.items())
        + " – `make build` names each"
        for language, counts in by_language.items()
    ]
