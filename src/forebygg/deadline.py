"""
The deadline calculator: the last day of the three weeks in which a tenant
given notice for unpaid rent can pay and stay (jordabalken 12 kap. 44 §),
where a page says

    <!-- md:deadline -->

The reader enters the day they received the notice (underrättelsen); the
page says, in its own language, the day the three weeks end, as lag
(1930:173) om beräkning av lagstadgad tid 1 § counts them: a time in weeks
ends on the day with the same name in the week as the day it began. So
three weeks from a Wednesday end on a Wednesday, 21 days later. The rule of
2 § (a last day on a Saturday, Sunday or holiday moves to the next weekday)
is never used: the calculator promises no day the law might not give.

overrides/partials/deadline.html draws the form, hidden until
docs/assets/js/deadline.js shows it: without JavaScript the page shows the
rule and the worked example the editor writes around the marker. The script
counts in the reader's browser, sends nothing and stores nothing; its
texts are under extra.text.deadline in mkdocs.yml, and it writes dates as
extra.regional_language says.

The marker stands on a line of its own, not indented (inside a list, a quote
or a box the form would break the block it stands in), once a page.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.markers import pattern, placement_messages
from forebygg.site_config import page_url, regional_language, texts, theme_template

MARKER = pattern("deadline")
# Jordabalken 12 kap. 44 §: three weeks from the day the tenant received the notice.
WEEKS = 3
SCRIPT = "assets/js/deadline.js"


class Deadline:
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        found = list(MARKER.finditer(markdown))
        if not found:
            return markdown
        where = f"docs/{page.file.src_uri}"
        problems = placement_messages(page, markdown, found, "calculator", once=True)
        if problems:
            raise PluginError("\n".join(problems))
        match = found[0]
        html = theme_template(config, "partials/deadline.html").render(
            deadline={
                "text": texts(config, "deadline", where),
                "locale": regional_language(config),
                "days": WEEKS * 7,
                "script_url": page_url(page, SCRIPT),
            }
        )
        # Blank lines around it: Markdown passes a block of raw HTML through as it is.
        return f"{markdown[: match.start()]}\n\n{html.strip()}\n\n{markdown[match.end() :]}"
