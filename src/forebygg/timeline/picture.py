"""
The timeline's picture: where each step's dot, number and name go, in the
coordinates of overrides/partials/timeline.html's SVG.

The steps run down a line, one under another, so that the picture grows
downwards as steps are added and keeps its text size on a phone: 320 units
wide, drawn as wide as the text column up to 20rem, its names are 15 units
high, some 15 px on a 360 px phone. A name is wrapped at spaces, to lines
of at most LINE_CHARACTERS characters: wide letters take about 0.6 of the
text's height, so the longest line stays inside the picture.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

WIDTH = 320
TEXT_SIZE = 15
LINE_HEIGHT = 19
LINE_CHARACTERS = 28
DOT_X, DOT_RADIUS = 17, 13
NAME_X = 42
STEP_GAP = 16
MARGIN = 3
# From a line's middle to its baseline: about half the height of a capital.
BASELINE = 5


@dataclass(frozen=True)
class Line:
    text: str
    y: float


@dataclass(frozen=True)
class DrawnStep:
    number: int
    centre: float  # the middle of its dot
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Picture:
    steps: tuple[DrawnStep, ...]
    height: float
    width: int = WIDTH
    dot_x: int = DOT_X
    dot_radius: int = DOT_RADIUS
    name_x: int = NAME_X
    baseline: int = BASELINE

    @property
    def line_top(self) -> float:
        """The line runs from the first dot's middle to the last one's."""
        return self.steps[0].centre

    @property
    def line_bottom(self) -> float:
        return self.steps[-1].centre


def picture(names: list[str], first_number: int = 1) -> Picture:
    """The picture of the steps named `names`, numbered from `first_number`."""
    top = MARGIN
    drawn = []
    for number, name in enumerate(names, first_number):
        wrapped = textwrap.wrap(name, LINE_CHARACTERS) or [name]
        height = max(2 * DOT_RADIUS, len(wrapped) * LINE_HEIGHT)
        # The first line level with the dot, the others below it.
        centre = top + DOT_RADIUS
        lines = tuple(
            Line(text, centre + BASELINE + index * LINE_HEIGHT) for index, text in enumerate(wrapped)
        )
        drawn.append(DrawnStep(number, centre, lines))
        top += height + STEP_GAP
    return Picture(tuple(drawn), top - STEP_GAP + MARGIN)
