"""
The markers an editor may write in a page, `<!-- md:NAME ARGUMENT -->`: each
component's marker, with what its argument must look like, is in its row of
forebygg.components.

Every `<!-- md:... -->` in a page must be one the build knows, written as it
must be. A marker the build does not know would vanish from the published
page without a trace, so it fails the build instead. The component Markers
checks the page as the editor wrote it, before any other component has
changed it, so that each message names the editor's own line; the
components that replace markers find theirs with `pattern(NAME)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.components import MARKERS
from forebygg.source_lines import page_line

# Anything that starts like a marker, up to the end of its comment (or of the line).
ANY_MARKER = re.compile(r"<!--\s*md:(?P<name>[^\s>]*)(?P<rest>.*?)(?:-->|$)", re.MULTILINE)


class Markers:
    # First of all, before any plugin: the Markdown is still the editor's.
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        problems = [
            f"docs/{page.file.src_uri}:{page_line(page, markdown, position)}: {message}"
            for position, message in marker_problems(markdown)
        ]
        if problems:
            raise PluginError("\n".join(problems))
        return markdown


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


def placement_messages(
    page: Page, markdown: str, found: list[re.Match], what: str, once: bool = False
) -> list[str]:
    """`docs/<file>:<line>: what is wrong – how to fix it` for each marker in `found` that cannot stand
    where it is in `page` (block_placement_problems), its line counted in the page's file."""
    where = f"docs/{page.file.src_uri}"

    def line_of(position: int) -> int:
        return page_line(page, markdown, position)

    return [
        f"{where}:{line_of(match.start())}: {problem}"
        for match, problem in block_placement_problems(markdown, found, what, line_of, once=once)
    ]


def block_placement_problems(
    markdown: str, found: list[re.Match], what: str, line_of: Callable[[int], int], once: bool = False
) -> list[tuple[re.Match, str]]:
    """(marker, what is wrong – how to fix it) for each marker in `found` that cannot stand where it is.

    A marker that a component replaces with a block of its own (`what`: "calculator", "timeline")
    stands on a line of its own, not indented: inside a list, a quote or a box the block would
    break what it stands in. With `once`, a page has one. `line_of` gives the line in the page's
    file of a position in `markdown`.
    """
    problems = []
    for number, match in enumerate(found):
        written = match.group(0)
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        before = markdown[line_start : match.start()]
        after = markdown[match.end() : line_end if line_end >= 0 else len(markdown)]
        if once and number > 0:
            problem = (
                f"a second {written} on the page (the first is on line {line_of(found[0].start())}) – "
                f"a page has one {what}: remove this one"
            )
        elif before.strip() or after.strip():
            problem = (
                f"{written} shares its line with text – put the marker on a line of its own, with a "
                "blank line above and below it"
            )
        elif before:
            problem = (
                f"{written} is indented, so it stands inside a list, a quote or a box, where the {what} "
                "would break it – remove the spaces before the marker and put it between two paragraphs, "
                "with a blank line above and below it"
            )
        else:
            continue
        problems.append((match, problem))
    return problems
