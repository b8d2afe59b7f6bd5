"""
What overrides/partials/statistics.html needs to draw the chart, the table and
their sentences: the texts, every figure written as the page's language writes
numbers, the bars, and the sources.
"""

from __future__ import annotations

from babel.lists import format_list
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig

from forebygg.dates import date_in_words
from forebygg.site_config import babel_locale, current_language, regional_language, text_direction
from forebygg.site_config import texts as component_texts
from forebygg.statistics import chart
from forebygg.statistics import rows as statistics

COLOURS = {"evictions": "#1a237e", "children": "#b35900"}  # both at least 3:1 on white, unlike each other
MARK = "*"  # after the year of a row whose figures a publication quotes (quoted_in)


def statistics_context(rows: list[statistics.Row], config: MkDocsConfig, id_prefix: str) -> dict:
    """What overrides/partials/statistics.html needs: texts, figures in the page's language, bars."""
    regional = regional_language(config)
    locale = babel_locale(regional)
    texts = component_texts(config, "statistics", "forebygg/statistics/context.py")
    years = statistics.all_years(rows)

    def number(value: int | None) -> str:
        return format_decimal(value, locale=locale) if value is not None else texts["missing"]

    def percent(value: int | None) -> str:
        if value is None:
            return texts["missing"]
        return format_percent(value / 100, locale=locale)

    def according(row: statistics.Row) -> str:
        if row.quoted_in is None:
            return texts["according"]
        quoted = row.quoted_in
        if quoted.date is None:
            return texts["according_quoted_undated"].format(publication=quoted.publication)
        return texts["according_quoted"].format(
            publication=quoted.publication, date=date_in_words(quoted.date, regional)
        )

    table = [
        {
            "year": str(row.year),
            "quoted": row.quoted_in is not None,
            "evictions": number(row.evictions),
            "children": number(row.children),
            "applications": number(row.applications),
            "withdrawn": percent(row.withdrawn_percent),
        }
        for row in years
    ]
    latest = rows[-1]
    summary = {
        (True, True): "summary",
        (True, False): "summary_evictions",
        (False, True): "summary_children",
    }[(latest.evictions is not None, latest.children is not None)]
    sentences = [
        texts[summary].format(
            year=latest.year,
            evictions=number(latest.evictions),
            children=number(latest.children),
            according=according(latest),
        )
    ]
    withdrawn = [row for row in rows if row.withdrawn_percent is not None]
    if withdrawn:
        last = withdrawn[-1]
        sentences.append(
            texts["withdrawn_same" if last is latest else "withdrawn_sentence"].format(
                year=last.year, percent=percent(last.withdrawn_percent), according=according(last)
            )
        )
    quoted = [row for row in rows if row.quoted_in is not None]
    note = ""
    if quoted:
        by_publication: dict[str, list[str]] = {}
        for row in quoted:
            by_publication.setdefault(row.quoted_in.publication, []).append(str(row.year))
        named = [f"{name} ({', '.join(quoted_years)})" for name, quoted_years in by_publication.items()]
        note = texts["quoted_note"].format(mark=MARK, publications=format_list(named, locale=locale))
    description = " ".join(
        [texts["description"]]
        + [
            texts["description_year"].format(
                year=figures["year"] + (MARK if figures["quoted"] else ""),
                evictions=figures["evictions"],
                children=figures["children"],
            )
            for figures in table
        ]
        + ([note] if note else [])
    )
    # Right to left (Arabic): the chart mirrored, its bars growing leftwards from an axis on the
    # right, each label's start (its right end, in that direction) where its left end would be.
    right_to_left = text_direction(current_language(config)) == "rtl"

    def x(value: float, width: float = 0) -> float:
        return round(chart.WIDTH - value - width, 1) if right_to_left else value

    drawn = [
        {
            "bar": bar,
            "x": x(bar.x, bar.width),
            "label": number(bar.value),
            "colour": COLOURS[bar.series],
            "text_x": x(round(bar.x + bar.width + 4, 1)),
            "missing_x": x(bar.x + 4),
            "text_y": round(bar.y + chart.BAR - 3.5, 1),
        }
        for bar in chart.bars(years)
    ]
    legend = chart.LABEL
    return {
        "id": id_prefix,
        "direction": "rtl" if right_to_left else "",
        "texts": texts,
        "mark": MARK,
        "note": note,
        "description": description,
        "sentences": sentences,
        "table": table,
        "sources": _sources(rows, regional, texts),
        "bars": drawn,
        "years": [
            {"year": str(row.year) + (MARK if row.quoted_in else ""), "y": chart.year_label_y(i)}
            for i, row in enumerate(years)
        ],
        "year_x": x(chart.YEAR_X),
        "legend": [
            {"series": series, "square_x": x(legend + offset, 14), "text_x": x(legend + offset + 20)}
            for series, offset in zip(chart.SERIES, (0, chart.LEGEND_GAP), strict=True)
        ],
        "colours": COLOURS,
        "width": chart.WIDTH,
        "height": chart.height(years),
        "axis_x": x(chart.LABEL),
        "bar_size": chart.BAR,
    }


def _sources(rows: list[statistics.Row], regional: str, texts: dict) -> list[Markup]:
    """Each source once, with the years whose figures come from it: its list item's HTML, the
    texts escaped and a link (to the page, in Swedish) where the text says {link}."""
    sources: dict[tuple, list[str]] = {}
    for row in rows:
        if row.quoted_in is not None:
            q = row.quoted_in
            key = ("quoted", q.title, q.date, q.url, q.publication)
        else:
            key = ("own", row.source_title, row.source_date, row.source_url, "")
        sources.setdefault(key, []).append(str(row.year))

    def text(kind: str, date: str | None) -> str:
        if kind == "own":
            return texts["source"]
        return texts["source_quoted" if date else "source_quoted_undated"]

    # Markup's replace() escapes what it puts in, unless that is Markup too.
    return [
        escape(text(kind, date))
        .replace("{link}", Markup('<a href="{}" lang="sv">{}</a>').format(url, title))
        .replace("{date}", date_in_words(date, regional) if date else "")
        .replace("{years}", ", ".join(years))
        .replace("{publication}", publication)
        for (kind, title, date, url, publication), years in sources.items()
    ]
