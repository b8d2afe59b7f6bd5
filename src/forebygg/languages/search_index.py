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


def write_language_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if path.name == "sitemap.xml":
        # mtime=0 keeps the build reproducible.
        with gzip.GzipFile(path.with_suffix(".xml.gz"), "wb", mtime=0) as gz:
            gz.write(text.encode("utf-8"))


def search_language(env, config: MkDocsConfig) -> str:
    """The lunr language Material's search uses for the language being built ('en' if lunr lacks it).

    Material's search worker loads lunr.<language>.min.js for it; a file
    that does not exist would stop search altogether.
    """
    translations = env.get_template("partials/language.html", None, {"config": config}).module
    return str(translations.t("search.config.lang")).strip() or "en"


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
        own = {"config": dict(index["config"], lang=[search_languages[locale]]), "docs": docs}
        path = site / prefix / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(own, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _language_of(location: str, locales: list[str], default: str) -> str:
    first = location.split("/")[0]
    return first if first in locales and first != default else default
