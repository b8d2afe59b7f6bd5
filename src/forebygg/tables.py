"""
Tables that stay readable on a phone: each table in a box of its own that
scrolls sideways when the table is wider than the screen, so that no word in
a cell is broken ("Må/nad"), and the page itself never scrolls sideways.

WCAG 1.4.10 (reflow) allows a data table to scroll in two directions. The
box can be reached and scrolled with the keyboard (tabindex="0"), and a
screen reader names it: it is a region labelled by the table's caption or,
without one, by the heading above the table (the same label twice on a page
gets a number). docs/assets/css/site.css (`.table-scroll`) draws it, with a
shadow at each edge where the table goes on. Before, tables wrapped their
text anywhere to fit a phone: "Må/nad", "janu/ari".
"""

from __future__ import annotations

import html
import re
from collections import Counter

import lxml.html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

CLASS = "table-scroll"
TABLE_TAG = re.compile(r"<(/?)table\b[^>]*>", re.I)
COMMENT = re.compile(r"<!--.*?-->", re.S)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What a heading holds that is not its text: a glossary term's explanation, a permalink.
NOT_TEXT = "[@role='tooltip' or contains(concat(' ', @class, ' '), ' headerlink ')]"


class Tables:
    # After every component that makes a table (statistics) or checks the editor's markup (page_html).
    def on_page_content(self, content: str, page: Page, config: MkDocsConfig, files):
        return scrollable_tables(content, re.sub(r"<[^>]+>", "", page.title or ""))


def scrollable_tables(content: str, page_title: str) -> str:
    """`content` (a page's HTML) with each table, not inside another, in a labelled scroll box."""
    labels = table_labels(content, page_title)
    if not labels:
        return content
    spans = _top_level_tables(content)
    if len(spans) != len(labels):  # HTML this cannot read alike twice: leave it as it is
        return content
    pieces, last = [], 0
    for (start, end), label in zip(spans, labels, strict=True):
        opening = f'<div class="{CLASS}" role="region" tabindex="0" aria-label="{html.escape(label)}">'
        pieces += [content[last:start], opening, content[start:end], "</div>"]
        last = end
    return "".join(pieces) + content[last:]


def table_labels(content: str, page_title: str) -> list[str]:
    """The label of each table not inside another, in the page's order: its caption, or the heading above it."""
    if "<table" not in content.lower():
        return []
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    labels, seen = [], Counter()
    heading = page_title
    for element in root.iter(*HEADINGS, "table"):
        if element.tag in HEADINGS:
            heading = _text(element) or heading
            continue
        if any(ancestor.tag == "table" for ancestor in element.iterancestors()):
            continue
        caption = element.find("caption")
        label = (_text(caption) if caption is not None else "") or heading
        seen[label] += 1
        labels.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return labels


def _text(element) -> str:
    copy = lxml.html.fromstring(lxml.html.tostring(element, encoding="unicode"))
    for extra in copy.xpath(f".//*{NOT_TEXT}"):
        extra.drop_tree()
    # Without the soft hyphens that forebygg.hyphenation puts into long words of headings.
    return " ".join(copy.text_content().replace("\u00ad", "").split())


def _top_level_tables(content: str) -> list[tuple[int, int]]:
    """(start, end) of each <table>…</table> not inside another, outside comments."""
    text = COMMENT.sub(lambda m: " " * len(m.group()), content)
    spans, depth, start = [], 0, 0
    for match in TABLE_TAG.finditer(text):
        if not match.group(1):
            if depth == 0:
                start = match.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, match.end()))
    return spans
