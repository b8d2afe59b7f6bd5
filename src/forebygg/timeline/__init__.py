"""
A timeline: the steps from a missed rent to the eviction day, drawn as a
picture beside the numbered list that says the same, where a page says

    <!-- md:timeline -->

    1. **Hyran är sen.** Betala så fort du kan.
    2. **Du blir uppsagd.** Betala inom tre veckor, så får du bo kvar.

The editor writes the steps as an ordinary numbered list below the marker,
each starting with its name in bold (steps.py reads and checks it). The list
stays the editor's Markdown – links, the glossary's terms – and is the
text: a screen reader, search and the reading-level count read it. The
picture (picture.py, drawn by overrides/partials/timeline.html) is an SVG
of the step names on a line, hidden from assistive technology and from
search, since it repeats the list's words; on paper it prints with the list.

The picture is made from the published list, after the HTML check and the
course's count of the page's words have read the page, so the words are
neither checked nor counted twice.
"""

from __future__ import annotations

import re

import lxml.html
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.markers import pattern, placement_messages
from forebygg.site_config import theme_template
from forebygg.source_lines import page_line
from forebygg.timeline.picture import picture
from forebygg.timeline.steps import TimelineError, read_steps

MARKER = pattern("timeline")
# Where a timeline's list starts in the published page: the marker's place, then Python-Markdown's <ol>.
SLOT = "<!--timeline-slot-->"
PUBLISHED = re.compile(re.escape(SLOT) + r"\s*(?P<list><ol\b.*?</ol>)", re.S)


class Timeline:
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        found = list(MARKER.finditer(markdown))
        if not found:
            return markdown
        where = f"docs/{page.file.src_uri}"
        problems = placement_messages(page, markdown, found, "timeline")
        for match in found:
            try:
                read_steps(markdown, match.end())
            except TimelineError as error:
                problems.append(f"{where}:{page_line(page, markdown, error.position)}: {error.message}")
        if problems:
            raise PluginError("\n".join(problems))
        # The same one line: the lines of what follows stay where the editor wrote them.
        return MARKER.sub(SLOT, markdown)

    # After the HTML check and the course's count (PAGE_CHECKS), before the tables.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files):
        if SLOT not in html:
            return html
        return PUBLISHED.sub(lambda match: timeline_html(match["list"], config), html)


def timeline_html(published_list: str, config: MkDocsConfig) -> str:
    """The editor's published <ol> with its picture, as overrides/partials/timeline.html draws them."""
    steps = lxml.html.fragment_fromstring(published_list)
    names = [_name(item) for item in steps.iterchildren("li")]
    steps.set("class", " ".join(filter(None, [steps.get("class"), "timeline__steps"])))
    drawn = picture(names, int(steps.get("start") or 1))
    return theme_template(config, "partials/timeline.html").render(
        picture=drawn, steps=Markup(lxml.html.tostring(steps, encoding="unicode"))
    )


def _name(item) -> str:
    """The words of a step's bold name, as a reader sees them: a glossary term's explanation left
    out, and a full stop at its end (a name in the picture is a label, not a sentence)."""
    name = next(item.iter("strong"))
    copy = lxml.html.fragment_fromstring(lxml.html.tostring(name, encoding="unicode", with_tail=False))
    for tooltip in copy.xpath(".//*[@role='tooltip']"):
        tooltip.drop_tree()
    return " ".join(copy.text_content().split()).removesuffix(".")
