"""
The course: a path through the guide, its parts listed in order under
`extra: course: parts:` in mkdocs.yml, and the page after the last part
under `extra: course: end:`.

Each part shows "Del 2 av 4", a time worked out from the length of its text and
films, and the learning goals its editor wrote in the front matter (`goals:`).
The overview adds up the parts' times.
"""

from __future__ import annotations

import math
from pathlib import Path

import yaml

from forebygg.source_lines import composed, front_matter_end

# Plain web text, read attentively on a phone: below the 238 words a minute that
# Brysbaert (2019, J. Memory and Language 109) found for silent reading of
# English non-fiction, since Swedish words are longer and a learner rereads.
WORDS_PER_MINUTE = 200
GOALS_EXAMPLE = "goals:, then one line per goal: - förklara när socialnämnden ska underrättas"


def parts(extra) -> list[str]:
    """The file names of the course's parts, in order; [] when the site has no course."""
    course = extra.get("course") or {}
    return [str(part) for part in course.get("parts") or []] if isinstance(course, dict) else []


def end_page(extra) -> str | None:
    """The file name of the page after the last part (`extra.course.end`); None when there is none."""
    course = extra.get("course") or {}
    end = course.get("end") if isinstance(course, dict) else None
    return str(end) if end else None


def total_minutes(minutes: list[int]) -> int:
    """The whole course's time: the sum of the times that the parts show, so the overview adds up."""
    return sum(minutes)


def steps(number: int | None, total: int) -> list[str]:
    """Each part's state as seen from part `number` (None: the page after the last part):
    'done', 'current' or 'ahead', for the progress bar."""
    if number is None:
        return ["done"] * total
    return ["done" if n < number else "current" if n == number else "ahead" for n in range(1, total + 1)]


def part_lines(config_file: str) -> list[int]:
    """The line in mkdocs.yml of each part under extra.course.parts (0 when not found)."""
    try:
        node = composed(Path(config_file).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return []
    for key in ("extra", "course", "parts"):
        if not isinstance(node, yaml.MappingNode):
            return []
        node = next((value for name, value in node.value if name.value == key), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def minutes(words: int, film_seconds: float) -> int:
    """The time a part takes, rounded to whole minutes, at least one."""
    seconds = words / WORDS_PER_MINUTE * 60 + film_seconds
    return max(1, math.floor(seconds / 60 + 0.5))


def goals_problem(source: str, goals) -> tuple[int, str] | None:
    """(line, what is wrong – how to fix it) when a part's front matter lacks a list of goals."""
    lines = source.splitlines()
    end = front_matter_end(lines) or 0
    line = next((n + 1 for n in range(1, end) if lines[n].startswith("goals:")), None)
    if line is None:
        missing = "the page is a part of the course but has no learning goals"
        return 1, f"{missing} – add to its front matter {GOALS_EXAMPLE}"
    if not isinstance(goals, list) or not goals:
        return line, f"goals: is not a list – write one goal per line below it: - … ({GOALS_EXAMPLE})"
    for offset, goal in enumerate(goals, 1):
        if not isinstance(goal, str) or not goal.strip():
            how = "write it after the dash, in quotes if it has a colon"
            return line + offset, f"a goal is empty or not a text – {how}"
    return None
