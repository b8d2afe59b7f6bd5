"""
Kronofogden's yearly figures on evictions, read from the data file that
editors keep (docs/data/statistics.yml), and the bar chart drawn from them.

Each row is one year: the evictions carried out and the children affected,
where known, the applications and the share withdrawn, with the source the
figures were read in – Kronofogden's own publication (source_…), or a
publication that quotes Kronofogden (quoted_in). A mistake in the file is
reported with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from forebygg.dates import is_date, is_real_date
from forebygg.source_lines import composed, yaml_error_line
from forebygg.yaml_mistakes import syntax_problems

FIGURES = ("year", "evictions", "children", "applications", "withdrawn_percent")
SOURCE = ("source_title", "source_date", "source_url")
QUOTED_IN = "quoted_in"
QUOTED_KEYS = ("publication", "title", "date", "url")
QUOTED_OPTIONAL = ("date",)  # a printed issue may not say its day
KEYS = (*FIGURES, *SOURCE, QUOTED_IN)
EXAMPLE_ROW = (
    '- year: 2023, evictions: 2768, children: 674, source_title: "…", source_date: "2024-02-06", '
    "source_url: https://…"
)
EXAMPLE_QUOTED = (
    'quoted_in: {publication: Fastighetstidningen, title: "…", date: "2026-02-02", url: https://…}'
)


class StatisticsError(ValueError):
    """The data file has mistakes: each line of the message is `path:line: what – how to fix it`."""


@dataclass(frozen=True)
class QuotedIn:
    """A publication that quotes Kronofogden's figures: the figures are "enligt Kronofogden, återgivet i …"."""

    publication: str
    title: str
    date: str | None  # YYYY-MM-DD, or None when the publication gives no day
    url: str


@dataclass(frozen=True)
class Row:
    year: int
    evictions: int | None
    children: int | None
    applications: int | None
    withdrawn_percent: int | None
    # Kronofogden's own publication, or else the publication that quotes it.
    source_title: str | None = None
    source_date: str | None = None
    source_url: str | None = None
    quoted_in: QuotedIn | None = None


def read_rows(path: Path, shown_as: str) -> list[Row]:
    """The rows of the data file at `path`, by year; `shown_as` names the file in messages."""
    text = path.read_text(encoding="utf-8")
    try:
        node = composed(text)
    except yaml.YAMLError as error:
        unseen = syntax_problems(text, error)
        if unseen:
            raise StatisticsError(
                "\n".join(
                    f"{shown_as}:{line}: the file is not valid YAML: {message}" for line, message in unseen
                )
            ) from None
        line = yaml_error_line(error)
        raise StatisticsError(
            f"{shown_as}:{line}: the file is not valid YAML – write each row as {EXAMPLE_ROW}"
        ) from None
    if not isinstance(node, yaml.SequenceNode):
        raise StatisticsError(f"{shown_as}:1: the file must be a list of rows, each as {EXAMPLE_ROW}")
    rows, problems, years = [], [], {}
    for item in node.value:
        row, row_problems = _row(item)
        problems += [f"{shown_as}:{line}: {message}" for line, message in row_problems]
        if row is None:
            continue
        if row.year in years:
            line = _key_line(item, "year")
            problems.append(
                f"{shown_as}:{line}: the year {row.year} is given twice (also on line {years[row.year]}) "
                "– keep one row per year"
            )
            continue
        years[row.year] = _key_line(item, "year")
        rows.append(row)
    if problems:
        raise StatisticsError("\n".join(problems))
    return sorted(rows, key=lambda row: row.year)


def all_years(rows: list[Row]) -> list[Row]:
    """One row for every year from the first to the last: a year the file leaves out is a row without figures."""
    if not rows:
        return []
    given = {row.year: row for row in rows}
    return [
        given.get(year) or Row(year, None, None, None, None)
        for year in range(rows[0].year, rows[-1].year + 1)
    ]


def _row(item: yaml.Node) -> tuple[Row | None, list[tuple[int, str]]]:
    line = item.start_mark.line + 1
    if not isinstance(item, yaml.MappingNode):
        return None, [(line, f"a row must be keys and values – write it as {EXAMPLE_ROW}")]
    values = {key.value: (key, value) for key, value in item.value}
    problems = [
        (key.start_mark.line + 1, f"unknown key '{name}' – the keys are {', '.join(KEYS)}")
        for name, (key, _) in values.items()
        if name not in KEYS
    ]
    year = values.get("year", (None, None))[1]
    label = f"the row for {year.value}" if isinstance(year, yaml.ScalarNode) else "the row"
    if "year" not in values:
        problems.append((line, f"{label} has no year – add year: {_hint('year')}"))
    if "evictions" not in values and "children" not in values:
        problems.append(
            (
                line,
                f"{label} has no figure – add evictions: and/or children:, or leave the year out "
                "(a year without figures shows as 'no figure' by itself)",
            )
        )
    given_source = [name for name in SOURCE if name in values]
    if QUOTED_IN in values and given_source:
        problems.append(
            (
                _line(values[QUOTED_IN][0]),
                f"{label} has both source_… (Kronofogden's own publication) and quoted_in: (a publication "
                "that quotes Kronofogden) – keep source_… if you have read Kronofogden's own publication, "
                "otherwise keep quoted_in:",
            )
        )
    elif QUOTED_IN not in values:
        for name in SOURCE:
            if name not in values:
                problems.append(
                    (
                        line,
                        f"{label} has no {name} – add {name}: {_hint(name)}, or, where you read the figures "
                        f"in a publication that quotes Kronofogden, {EXAMPLE_QUOTED}",
                    )
                )
    read: dict = {}
    for name, (key, value) in values.items():
        key_line = key.start_mark.line + 1
        written = value.value if isinstance(value, yaml.ScalarNode) else "a list"
        if name in FIGURES:
            if not isinstance(value, yaml.ScalarNode) or not written.isdecimal() or not written.isascii():
                problems.append(
                    (
                        key_line,
                        f"{name} is '{written}', not a whole number – write digits only, "
                        f"without spaces or decimals: {name}: {_hint(name)}",
                    )
                )
                continue
            read[name] = int(written)
            if name == "withdrawn_percent" and read[name] > 100:
                problems.append(
                    (
                        key_line,
                        f"withdrawn_percent is {written}, more than 100 – write the share in "
                        "per cent: withdrawn_percent: 60",
                    )
                )
        elif name in SOURCE:
            text, text_problems = _text(name, key, value, name)
            problems += text_problems
            if text is not None:
                read[name] = text
        elif name == QUOTED_IN:
            quoted, quoted_problems = _quoted_in(key, value, label)
            problems += quoted_problems
            read[name] = quoted
    if problems:
        return None, problems
    return Row(**{name: read.get(name) for name in KEYS}), []


def _text(
    name: str, key: yaml.Node, value: yaml.Node, shown: str
) -> tuple[str | None, list[tuple[int, str]]]:
    """A source's title, date or address (`name` as in SOURCE or QUOTED_KEYS); `shown` names it in messages."""
    key_line = _line(key)
    written = value.value if isinstance(value, yaml.ScalarNode) else "a list"
    if not isinstance(value, yaml.ScalarNode) or not written.strip():
        return None, [(key_line, f"{shown} is empty – write it: {shown.split('.')[-1]}: {_hint(name)}")]
    if name.endswith("date") and not (is_date(written) and is_real_date(written)):
        return None, [
            (
                key_line,
                f"{shown} is '{written}', not a date in the calendar written "
                f'YYYY-MM-DD – write it as {shown.split(".")[-1]}: "2024-02-06"',
            )
        ]
    if name.endswith("url") and not written.startswith("https://"):
        return None, [
            (
                key_line,
                f"{shown} is '{written}', not a web address starting with https:// "
                "– copy the address of the source's page",
            )
        ]
    return written.strip(), []


def _quoted_in(key: yaml.Node, value: yaml.Node, label: str) -> tuple[QuotedIn | None, list[tuple[int, str]]]:
    if not isinstance(value, yaml.MappingNode):
        return None, [(_line(key), f"quoted_in must be keys and values – write it as {EXAMPLE_QUOTED}")]
    fields = {k.value: (k, v) for k, v in value.value}
    problems = [
        (_line(k), f"unknown key 'quoted_in.{name}' – quoted_in has {', '.join(QUOTED_KEYS)}")
        for name, (k, _) in fields.items()
        if name not in QUOTED_KEYS
    ]
    read = {}
    for name in QUOTED_KEYS:
        if name not in fields and name in QUOTED_OPTIONAL:
            read[name] = None
            continue
        if name not in fields:
            problems.append(
                (_line(key), f"{label}: quoted_in has no {name} – add {name}: {_hint('quoted_' + name)}")
            )
            continue
        text, text_problems = _text(name, *fields[name], f"quoted_in.{name}")
        problems += text_problems
        read[name] = text
    if problems:
        return None, problems
    return QuotedIn(**read), []


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _key_line(item: yaml.MappingNode, name: str) -> int:
    return next(key.start_mark.line + 1 for key, _ in item.value if key.value == name)


def _hint(name: str) -> str:
    return {
        "year": "2023",
        "evictions": "2768",
        "children": "674",
        "applications": "6923",
        "withdrawn_percent": "60",
        "source_title": '"The title of the press release"',
        "source_date": '"2024-02-06"',
        "source_url": "https://…",
        "publication": "Fastighetstidningen",
        "title": '"The title of the article"',
        "date": '"2026-02-02"',
        "url": "https://…",
        "quoted_publication": "Fastighetstidningen",
        "quoted_title": '"The title of the article"',
        "quoted_date": '"2026-02-02"',
        "quoted_url": "https://…",
    }[name]
