"""
The markers an editor may write in a page, `<!-- md:NAME ARGUMENT -->`: the
one list of them, with what each one's argument must look like.

hooks/markers.py checks every marker in a page against this list before any
hook has changed the page; the hooks that replace markers find theirs with
`pattern(NAME)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Marker:
    argument: str  # a regular expression for the argument; "" for a marker that takes none
    means: str  # what the argument names, for messages
    example: str


MARKERS = {
    "extra": Marker(
        r"[\w.-]+", "a setting under extra: in mkdocs.yml", "<!-- md:extra organisation.email -->"
    ),
    "form": Marker(r"[\w-]+", "a form's file name in forms/, without .md", "<!-- md:form samtycke -->"),
    # No argument: the list of every term in docs/data/glossary.yml.
    "glossary": Marker("", "nothing after its name", "<!-- md:glossary -->"),
    # The self-check at the end of a course part (src/forebygg/self_check/questions.py); the overview of the course.
    "self-check": Marker(r"", "nothing", "<!-- md:self-check -->"),
    "course": Marker(r"", "nothing", "<!-- md:course -->"),
    "statistics": Marker("", "nothing after its name", "<!-- md:statistics -->"),
}

# Anything that starts like a marker, up to the end of its comment (or of the line).
ANY_MARKER = re.compile(r"<!--\s*md:(?P<name>[^\s>]*)(?P<rest>.*?)(?:-->|$)", re.MULTILINE)


def pattern(name: str) -> re.Pattern:
    """Finds the marker NAME; group 1 is its argument ('' for a marker that takes none)."""
    argument = MARKERS[name].argument
    if not argument:
        return re.compile(rf"<!--\s*md:{name}()\s*-->")
    return re.compile(rf"<!--\s*md:{name}\s+({argument})\s*-->")


def marker_problems(markdown: str) -> list[tuple[int, str]]:
    """(position, what is wrong – how to fix it) for each marker the build cannot use."""
    known = ", ".join(f"md:{name}" for name in MARKERS)
    problems = []
    for match in ANY_MARKER.finditer(markdown):
        name, written = match.group("name"), match.group(0)
        marker = MARKERS.get(name)
        if marker is None:
            problems.append(
                (match.start(), f"unknown marker 'md:{name}' – check its spelling (known: {known})")
            )
        elif not written.endswith("-->"):
            problems.append(
                (
                    match.start(),
                    f"the marker 'md:{name}' is not closed – end it with -->, as in {marker.example}",
                )
            )
        elif not pattern(name).fullmatch(written):
            argument = match.group("rest").strip() or "nothing"
            problems.append(
                (
                    match.start(),
                    f"the marker 'md:{name}' needs {marker.means}, not {argument} – write it as {marker.example}",
                )
            )
    return problems
