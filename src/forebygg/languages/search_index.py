"""
Each language's own search index and sitemap, written where that language is published.

mkdocs-static-i18n leaves one search index with every language's pages in
it, under the word rules of the default language; Material's search worker
reads the index of the folder it runs in.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

# The lunr-languages files that Material's search worker can load, beside it.
LUNR_LANGUAGES = (
    Path(__import__("material").__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"
)


def write_language_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if path.name == "sitemap.xml":
        # mtime=0 keeps the build reproducible.
        with gzip.GzipFile(path.with_suffix(".xml.gz"), "wb", mtime=0) as gz:
            gz.write(text.encode("utf-8"))


def search_language(env, config: MkDocsConfig) -> str:
    """The lunr language Material's search uses for the language being built, '' if lunr has none.

    Material's texts for a language name it ('no' for nb) or, for some
    languages that lunr-languages has a stemmer for (Arabic, Hebrew, Hindi),
    name none: then it is the language's own code where Material ships
    lunr.<code>.min.js. Material's search worker loads that file; a file that
    does not exist would stop search altogether.
    """
    # The language's own texts: partials/language.html falls back to English ones ('en').
    code = config.theme["language"]
    own = env.get_template(f"partials/languages/{code}.html", None, {"config": config}).module
    named = str(own.t("search.config.lang")).strip()
    if named:
        return named
    return code if (LUNR_LANGUAGES / f"lunr.{code}.min.js").is_file() else ""


def index_config(config: dict, language: str) -> dict:
    """The search index's settings for a language with lunr's `language` ('' where lunr has none).

    Where lunr has no rules for the language (Somali, Persian, Tigrinya),
    its words are indexed and searched for as they are written, in small
    letters: no stemmer and no stop words, not English ones, which would cut
    'dagaal' to 'dagaa' and drop 'a' and 'on' from another language.
    """
    if language:
        return dict(config, lang=[language])
    return dict(config, lang=["en"], pipeline=[])


def split_search_index(site: Path, locales: list[str], default: str, search_languages: dict[str, str]):
    """Turn i18n's one mixed index into one index per language."""
    mixed = site / "search" / "search_index.json"
    if not mixed.exists():
        return
    index = json.loads(mixed.read_text(encoding="utf-8"))
    for locale in locales:
        prefix = "" if locale == default else f"{locale}/"
        docs = [
            dict(doc, location=doc["location"][len(prefix) :])
            for doc in index["docs"]
            if _language_of(doc["location"], locales, default) == locale
        ]
        own = {"config": index_config(index["config"], search_languages[locale]), "docs": docs}
        path = site / prefix / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _language_of(location: str, locales: list[str], default: str) -> str:
    first = location.split("/")[0]
    return first if first in locales and first != default else default
