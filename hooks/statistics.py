"""
Kronofogden's figures on evictions as a chart and a table, where a page says

    <!-- md:statistics -->

The figures live in docs/data/statistics.yml (kept off the published site by
`exclude_docs` in mkdocs.yml), one row a year with its source. The hook reads
and checks the file once per build, and overrides/partials/statistics.html
draws a bar chart (inline SVG, no script) and a table with the same figures,
with a sentence or two saying what they mean, in the page's language.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.numbers import format_decimal, format_percent
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg import statistics
from forebygg.dates import date_in_words
from forebygg.markers import pattern
from forebygg.site_config import babel_locale, regional_language, theme_template, ui_text
from forebygg.source_lines import page_line

DATA_FILE = "data/statistics.yml"  # in docs/
_rows: list[statistics.Row] | None = None

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Each language's build reads the file again: an editor may have changed it while serving.
def on_config(config: MkDocsConfig):
    global _rows
    path = Path(config.docs_dir) / DATA_FILE
    _rows = None
    if path.is_file():
        try:
            _rows = statistics.read_rows(path, _shown_as(config))
        except statistics.StatisticsError as error:
            raise PluginError(str(error)) from None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if not _rows:
            where = f"docs/{page.file.src_uri}:{page_line(page, markdown, match.start())}"
            raise PluginError(
                f"{where}: there are no figures to show – write them in {_shown_as(config)}, "
                "one row a year (README: Statistics)"
            )
        count += 1
        html = theme_template(config, "partials/statistics.html").render(
            **statistics_context(_rows, config, f"statistics-{count}")
        )
        # Blank lines around it: Markdown passes a block of raw HTML through as it is.
        return f"\n\n{html.strip()}\n\n"

    return MARKER.sub(replace, markdown)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

MARKER = pattern("statistics")
COLOURS = {"evictions": "#1a237e", "children": "#b35900"}  # both at least 3:1 on white, unlike each other
TEXT_KEYS = (
    "title",
    "description",
    "description_year",
    "caption",
    "year",
    "evictions",
    "children",
    "applications",
    "withdrawn",
    "missing",
    "summary",
    "withdrawn_sentence",
    "sources",
    "source",
)


def statistics_context(rows: list[statistics.Row], config: MkDocsConfig, id_prefix: str) -> dict:
    """What overrides/partials/statistics.html needs: texts, figures in the page's language, bars."""
    regional = regional_language(config)
    texts = {key: ui_text(config, f"statistics.{key}", "hooks/statistics.py") for key in TEXT_KEYS}

    def number(value: int | None) -> str:
        return format_decimal(value, locale=babel_locale(regional)) if value is not None else texts["missing"]

    def percent(value: int | None) -> str:
        if value is None:
            return texts["missing"]
        return format_percent(value / 100, locale=babel_locale(regional))

    table = [
        {
            "year": str(row.year),
            "evictions": number(row.evictions),
            "children": number(row.children),
            "applications": number(row.applications),
            "withdrawn": percent(row.withdrawn_percent),
        }
        for row in rows
    ]
    first, last = table[0], table[-1]
    sentences = [
        texts["summary"].format(
            first_year=first["year"],
            first_evictions=first["evictions"],
            first_children=first["children"],
            last_year=last["year"],
            last_evictions=last["evictions"],
            last_children=last["children"],
        )
    ]
    withdrawn = [row for row in rows if row.withdrawn_percent is not None]
    if withdrawn:
        latest = withdrawn[-1]
        sentences.append(
            texts["withdrawn_sentence"].format(year=latest.year, percent=percent(latest.withdrawn_percent))
        )
    description = " ".join(
        [texts["description"]] + [texts["description_year"].format(**figures) for figures in table]
    )
    return {
        "id": id_prefix,
        "texts": texts,
        "description": description,
        "sentences": sentences,
        "table": table,
        "sources": _sources(rows, regional),
        "bars": [
            {"bar": bar, "label": number(bar.value), "colour": COLOURS[bar.series]}
            for bar in statistics.bars(rows)
        ],
        "years": [
            {"year": str(row.year), "x": round(statistics.SIDE + statistics.group_width(rows) * (i + 0.5), 1)}
            for i, row in enumerate(rows)
        ],
        "colours": COLOURS,
        "width": statistics.WIDTH,
        "height": statistics.HEIGHT,
        "baseline": statistics.HEIGHT - statistics.BOTTOM,
    }


def _sources(rows: list[statistics.Row], regional: str) -> list[dict]:
    """Each source once, with the years whose figures come from it."""
    sources: dict[tuple[str, str, str], list[str]] = {}
    for row in rows:
        sources.setdefault((row.source_title, row.source_date, row.source_url), []).append(str(row.year))
    return [
        {"title": title, "date": date_in_words(date, regional), "url": url, "years": ", ".join(years)}
        for (title, date, url), years in sources.items()
    ]


def _shown_as(config: MkDocsConfig) -> str:
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent if config.config_file_path else docs.parent
    try:
        return (docs / DATA_FILE).relative_to(root).as_posix()
    except ValueError:
        return f"docs/{DATA_FILE}"
