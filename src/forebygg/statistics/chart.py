"""
The bar chart of the statistics: where each bar and label goes, in the
coordinates of overrides/partials/statistics.html's SVG, from left to right
(context.py mirrors them for a language written from right to left).
"""

from __future__ import annotations

from dataclasses import dataclass

from forebygg.statistics.rows import Row

# A horizontal bar chart: one band a year, from the top, with a bar for the
# evictions and one for the children. It grows downwards as years are added,
# so a phone can still read its labels however many years there are.
WIDTH = 400
TOP = 34  # room for the legend
LABEL = 64  # the year, left of the bars
BAR, BAR_GAP, BAND_GAP = 16, 3, 14
VALUE_ROOM = 52  # right of the longest bar, for its figure
YEAR_X = 8  # where a year's label starts
LEGEND_GAP = 150  # from the first series' square in the legend to the second's
SERIES = ("evictions", "children")


@dataclass(frozen=True)
class Bar:
    series: str  # "evictions" or "children"
    value: int | None  # None: no figure for that year, a gap with a note instead of a bar
    x: float
    y: float
    width: float
    height: float


def band_height() -> float:
    return 2 * BAR + BAR_GAP + BAND_GAP


def height(rows: list[Row]) -> float:
    """The chart's height for `rows` (every year, as all_years gives them)."""
    return TOP + band_height() * len(rows) + 4


def bars(rows: list[Row]) -> list[Bar]:
    """Two bars a year, evictions then children, scaled so that the longest fills the chart's width."""
    highest = max((getattr(row, s) or 0 for row in rows for s in SERIES), default=0) or 1
    room = WIDTH - LABEL - VALUE_ROOM
    drawn = []
    for index, row in enumerate(rows):
        top = TOP + band_height() * index
        for offset, series in enumerate(SERIES):
            value = getattr(row, series)
            width = round(room * value / highest, 1) if value is not None else 0.0
            drawn.append(Bar(series, value, LABEL, round(top + offset * (BAR + BAR_GAP), 1), width, BAR))
    return drawn


def year_label_y(index: int) -> float:
    """Where the year's label sits: level with the middle of its band."""
    return round(TOP + band_height() * index + BAR + BAR_GAP / 2 + 5, 1)
