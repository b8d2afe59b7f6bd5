"""
Kronofogden's yearly figures on evictions, read from the data file that
editors keep (docs/data/statistics.yml), and the bar chart drawn from them.

Each row is one year: the evictions carried out, the children affected and,
where known, the applications and the share withdrawn, with the source the
figures were read in. A mistake in the file is reported with its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from forebygg.dates import is_date, is_real_date
from forebygg.source_lines import composed, yaml_error_line
from forebygg.yaml_mistakes import syntax_problems

FIGURES = ("year", "evictions", "children", "applications", "withdrawn_percent")
REQUIRED = ("year", "evictions", "children", "source_title", "source_date", "source_url")
KEYS = (*FIGURES, "source_title", "source_date", "source_url")
EXAMPLE_ROW = (
    '- year: 2023, evictions: 2768, children: 674, source_title: "…", source_date: "2024-02-06", '
    "source_url: https://…"
)


class StatisticsError(ValueError):
    """The data file has mistakes: each line of the message is `path:line: what – how to fix it`."""


@dataclass(frozen=True)
class Row:
    year: int
    evictions: int
    children: int
    applications: int | None
    withdrawn_percent: int | None
    source_title: str
    source_date: str
    source_url: str


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
    for name in REQUIRED:
        if name not in values:
            problems.append((line, f"{label} has no {name} – add {name}: {_hint(name)}"))
    read = {}
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
        elif name in KEYS:
            if not isinstance(value, yaml.ScalarNode) or not written.strip():
                problems.append((key_line, f"{name} is empty – write it: {name}: {_hint(name)}"))
                continue
            if name == "source_date" and not (is_date(written) and is_real_date(written)):
                problems.append(
                    (
                        key_line,
                        f"source_date is '{written}', not a date in the calendar written "
                        'YYYY-MM-DD – write it as source_date: "2024-02-06"',
                    )
                )
            if name == "source_url" and not written.startswith("https://"):
                problems.append(
                    (
                        key_line,
                        f"source_url is '{written}', not a web address starting with https:// "
                        "– copy the address of the source's page",
                    )
                )
            read[name] = written
    if problems:
        return None, problems
    return Row(**{name: read.get(name) for name in KEYS}), []


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
    }[name]


# -----------------------------------------------------------------------------
# The chart
# -----------------------------------------------------------------------------

WIDTH, HEIGHT = 400, 260
TOP, BOTTOM, SIDE = 44, 28, 8  # room for the legend and the value labels; for the years
BAR_GAP = 4


@dataclass(frozen=True)
class Bar:
    series: str  # "evictions" or "children"
    value: int
    x: float
    y: float
    width: float
    height: float


def bars(rows: list[Row]) -> list[Bar]:
    """Two bars a year, evictions then children, scaled so that the highest fills the chart."""
    highest = max((max(row.evictions, row.children) for row in rows), default=0) or 1
    group = group_width(rows)
    width = min(group * 0.35, 48)
    room = HEIGHT - TOP - BOTTOM
    drawn = []
    for index, row in enumerate(rows):
        middle = SIDE + group * (index + 0.5)
        for series, x in (("evictions", middle - width - BAR_GAP / 2), ("children", middle + BAR_GAP / 2)):
            value = getattr(row, series)
            height = round(room * value / highest, 1)
            top = round(HEIGHT - BOTTOM - height, 1)
            drawn.append(Bar(series, value, round(x, 1), top, round(width, 1), height))
    return drawn


def group_width(rows: list[Row]) -> float:
    """The width each year's pair of bars has, its middle at SIDE + group_width * (index + 0.5)."""
    return (WIDTH - 2 * SIDE) / max(len(rows), 1)
