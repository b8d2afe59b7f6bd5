"""
The steps of a timeline, as the editor writes them below its marker: a
numbered list, each step's name in bold at its start, then what can still
stop it, in Markdown.

    <!-- md:timeline -->

    1. **Hyran är sen.** Betala så fort du kan.
    2. **Du blir uppsagd.** Betala inom tre veckor.

A step goes on over the lines indented under it; a step holds no list of its
own. Every mistake is a TimelineError with the line of the editor's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ITEM = re.compile(r"(?P<number>\d{1,9})[.)][ \t]+(?P<text>\S.*)")
# A list inside a step: a line indented under it that starts a list item.
INNER_LIST = re.compile(r"[ \t]+(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
# The step's name: bold at its very start, ** or __ on both sides.
NAME = re.compile(r"(\*\*|__)(?P<name>\S.*?)(?<=\S)\1")
EXAMPLE = "1. **Hyran är sen.** Betala så fort du kan."


class TimelineError(Exception):
    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.position = position  # in the Markdown, for the line in the editor's file
        self.message = message


@dataclass(frozen=True)
class Step:
    name: str  # the bold name as written in Markdown, without its stars
    position: int


def read_steps(markdown: str, start: int) -> list[Step]:
    """The steps of the numbered list that starts after blank lines at `start` (the marker's end)."""
    lines = _lines_from(markdown, start)
    while lines and not lines[0][1].strip():
        lines.pop(0)
    if not lines or not ITEM.fullmatch(lines[0][1]):
        position = lines[0][0] if lines else start
        raise TimelineError(
            position,
            "the timeline has no steps – write them as a numbered list right below the marker, "
            f"each starting with its name in bold: {EXAMPLE}",
        )
    steps: list[Step] = []
    blank = False
    for position, line in lines:
        item = ITEM.fullmatch(line)
        if item:
            text = item["text"]
            name = NAME.match(text)
            if not name:
                raise TimelineError(
                    position,
                    f"step {len(steps) + 1} does not start with its name in bold – begin it with the "
                    f"name between two pairs of stars, as in {EXAMPLE}",
                )
            steps.append(Step(name["name"], position))
        elif not line.strip():
            blank = True
            continue
        elif line[0] in " \t":
            if INNER_LIST.match(line):
                raise TimelineError(
                    position,
                    f"step {len(steps)} has a list inside it – write the step as sentences, "
                    "or make each point a step of its own",
                )
        elif blank:
            break  # a paragraph after the list
        blank = False
    if len(steps) < 2:
        raise TimelineError(
            steps[0].position,
            "the timeline has one step – a timeline needs two or more: add the next one below it, "
            "as in 2. **Du blir uppsagd.** Betala inom tre veckor.",
        )
    return steps


def _lines_from(markdown: str, start: int) -> list[tuple[int, str]]:
    """Each line after the one `start` is on, with the position where it begins."""
    lines = []
    position = markdown.find("\n", start)
    while position != -1:
        end = markdown.find("\n", position + 1)
        text = markdown[position + 1 : end if end != -1 else len(markdown)]
        lines.append((position + 1, text))
        position = end
    return lines
