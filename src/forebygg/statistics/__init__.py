"""
Kronofogden's figures on evictions as a chart and a table, where a page says

    <!-- md:statistics -->

The figures live in docs/data/statistics.yml (kept off the published site by
`exclude_docs` in mkdocs.yml), one row a year with its source. The component reads
and checks the file as each language's build starts, and overrides/partials/statistics.html
draws a bar chart (inline SVG, no script) and a table with the same figures,
with a sentence or two saying what they mean, in the page's language.

The years run from the first to the last without a break: a year or a figure
the file does not give shows as "uppgift saknas" / "no figure". The sentence
comes from the latest year, and says whom the figures are "enligt": Kronofogden,
or Kronofogden as a publication quotes it (quoted_in), whose years carry a mark.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.markers import pattern
from forebygg.site_config import shown_as, theme_template
from forebygg.source_lines import page_line
from forebygg.statistics import rows as statistics
from forebygg.statistics.context import statistics_context

DATA_FILE = "data/statistics.yml"  # in docs/
MARKER = pattern("statistics")


class Statistics:
    def __init__(self) -> None:
        self.rows: list[statistics.Row] | None = None

    # Each language's build reads the file again: an editor may have changed it while serving.
    def on_config(self, config: MkDocsConfig):
        path = Path(config.docs_dir) / DATA_FILE
        self.rows = None
        if path.is_file():
            try:
                self.rows = statistics.read_rows(path, shown_as(config, Path(config.docs_dir) / DATA_FILE))
            except statistics.StatisticsError as error:
                raise PluginError(str(error)) from None

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        count = 0

        def replace(match: re.Match) -> str:
            nonlocal count
            if not self.rows:
                where = f"docs/{page.file.src_uri}:{page_line(page, markdown, match.start())}"
                data = shown_as(config, Path(config.docs_dir) / DATA_FILE)
                raise PluginError(
                    f"{where}: there are no figures to show – write them in {data}, "
                    "one row a year (EDITING.md: Statistics)"
                )
            count += 1
            html = theme_template(config, "partials/statistics.html").render(
                **statistics_context(self.rows, config, f"statistics-{count}")
            )
            # Blank lines around it: Markdown passes a block of raw HTML through as it is.
            return f"\n\n{html.strip()}\n\n"

        return MARKER.sub(replace, markdown)
