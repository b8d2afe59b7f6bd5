"""
The text of a form's runs where it leaves the form: a link to a page of the
site made the page's full address (forebygg.forms gives the addresses), and
the runs as each writer prints them on paper, a link's address after its text.
"""

from __future__ import annotations

import dataclasses
import re

from .model import Block, FormTemplate, Heading, Inline, ListBlock, Paragraph

# -----------------------------------------------------------------------------
# Links to the site's pages
# -----------------------------------------------------------------------------

# A link to a page of the site: the page's file in docs/<language>/, as a page links it.
PAGE_LINK = re.compile(r"(?![a-zA-Z][a-zA-Z0-9+.-]*:|/|#)(?P<file>[^#?\s]+\.md)(?P<anchor>#[^\s]*)?")


def page_links(template: FormTemplate) -> list[str]:
    """Every link of the template to a page of the site, as written, once each, in order."""
    found: list[str] = []
    for runs in _inlines(template.blocks):
        for run in runs:
            if run.link and PAGE_LINK.fullmatch(run.link) and run.link not in found:
                found.append(run.link)
    return found


def with_addresses(template: FormTemplate) -> FormTemplate:
    """The template with each link to a page of the site leading to the page's full address."""
    addresses = dict(template.addresses)
    if not addresses:
        return template

    def relink(runs: Inline) -> Inline:
        return tuple(
            dataclasses.replace(run, link=addresses[run.link]) if run.link in addresses else run
            for run in runs
        )

    def block(item: Block) -> Block:
        if isinstance(item, (Heading, Paragraph)):
            return dataclasses.replace(item, runs=relink(item.runs))
        if isinstance(item, ListBlock):
            return dataclasses.replace(item, items=tuple(relink(runs) for runs in item.items))
        if item.heading is not None:
            return dataclasses.replace(item, heading=block(item.heading))
        return item

    return dataclasses.replace(template, blocks=tuple(block(item) for item in template.blocks))


def _inlines(blocks: tuple[Block, ...]):
    for item in blocks:
        if isinstance(item, (Heading, Paragraph)):
            yield item.runs
        elif isinstance(item, ListBlock):
            yield from item.items
        elif item.heading is not None:
            yield item.heading.runs


# -----------------------------------------------------------------------------
# Text on paper
# -----------------------------------------------------------------------------


def addresses_on_paper(runs: Inline) -> dict[int, str]:
    """Where paper, which cannot link, shows a link's address: {index of the link's last run: address}.

    An address (http, https or an e-mail address) follows the link's text,
    unless the text is the address itself.
    """
    shown_after: dict[int, str] = {}
    link_start = 0
    for i, run in enumerate(runs):
        if i == 0 or runs[i - 1].link != run.link:
            link_start = i
        last_of_link = run.link and (i == len(runs) - 1 or runs[i + 1].link != run.link)
        if last_of_link and re.match(r"^(https?:|mailto:)", run.link):
            shown = re.sub(r"\s+", " ", "".join(r.text for r in runs[link_start : i + 1])).strip()
            if run.link != shown:
                shown_after[i] = run.link.removeprefix("mailto:")
    return shown_after


def printed_runs(runs: Inline) -> list[tuple[str, bool, bool]]:
    """Runs as (text, bold, italic) for a word processor; '\\n' is a line break.

    Whitespace is collapsed as a browser would, no line starts or ends with a
    space, and a link's address follows its text, since paper cannot link.
    """
    pieces: list[tuple[str, bool, bool]] = []
    shown_after = addresses_on_paper(runs)
    link_start = 0
    for i, run in enumerate(runs):
        text = "\n" if run.line_break else re.sub(r"\s+", " ", run.text)
        pieces.append((text, run.bold, run.italic))
        if i == 0 or runs[i - 1].link != run.link:
            link_start = i
        if i in shown_after:
            link_runs = runs[link_start : i + 1]
            bold = all(r.bold for r in link_runs)
            italic = all(r.italic for r in link_runs)
            pieces.append((f" ({shown_after[i]})", bold, italic))

    merged: list[tuple[str, bool, bool]] = []
    for text, bold, italic in pieces:
        if merged and text != "\n" and merged[-1][0] != "\n" and merged[-1][1:] == (bold, italic):
            merged[-1] = (merged[-1][0] + text, bold, italic)
        else:
            merged.append((text, bold, italic))
    cleaned = []
    for i, (text, bold, italic) in enumerate(merged):
        if text != "\n":
            if i == 0 or merged[i - 1][0] == "\n":
                text = text.lstrip()
            if i == len(merged) - 1 or merged[i + 1][0] == "\n":
                text = text.rstrip()
        if text:
            cleaned.append((re.sub(r"  +", " ", text), bold, italic))
    return cleaned
