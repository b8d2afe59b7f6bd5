"""
A form's Markdown text as headings, paragraphs and lists of runs.

Python-Markdown parses the text; a tree processor that runs last hands over
its finished element tree, which is read here into the model's blocks. What a
form cannot hold on paper – raw HTML, quotes, tables, images, nested lists –
is a FormError naming the line.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, HTML_PLACEHOLDER_RE

from .model import LINE_BREAK, Block, FormError, Heading, Inline, ListBlock, Paragraph, Run

HOW = "use paragraphs, '## ' headings, numbered or bulleted lists, **bold** and *italic*"
UNSUPPORTED = {
    "hr": "a horizontal line (--- or ***)",
    "blockquote": "a quote (>)",
    "pre": "a code block",
    "table": "a table",
    "img": "an image",
}
# Python-Markdown stashes an entity such as &amp; like raw HTML, and writes the
# characters of an e-mail link as entities behind AMP_SUBSTITUTE.
ENTITY = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z0-9]+);")
SUBSTITUTED_ENTITY = re.compile(re.escape(AMP_SUBSTITUTE) + r"(#[0-9]+;|#x[0-9a-fA-F]+;|[a-zA-Z0-9]+;)")


def text_blocks(lines: list[str], first: int, where: str) -> list[Block]:
    """The blocks of Markdown `lines`, whose first line is line `first` of the file `where`."""
    try:
        return _blocks("\n".join(lines))
    except _Unsupported as problem:
        raise FormError(f"{where}:{_line_of(lines, first, str(problem))}: {problem}") from None


def title_text(line: str, number: int, where: str) -> str:
    """The plain text of the title line `# …`, which is line `number`."""
    try:
        root, stash = _tree(line)
        runs = _runs(root[0], stash) if root is not None and len(root) else []
    except _Unsupported as problem:
        raise FormError(f"{where}:{number}: {problem}") from None
    return re.sub(r"\s+", " ", "".join(run.text for run in runs)).strip()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


class _Unsupported(Exception):
    """What is wrong and how to fix it, without the line: the caller finds that."""


class _KeepTree(Treeprocessor):
    """Keeps the finished tree: registered last, after inline markup and unescaping."""

    root: etree.Element | None = None

    def run(self, root: etree.Element) -> None:
        self.root = root


def _tree(text: str) -> tuple[etree.Element | None, list]:
    """Python-Markdown's element tree of `text` (None when empty), and its stash of raw HTML."""
    # tables: so that a table is read as one, and refused, instead of printed as text.
    md = markdown.Markdown(extensions=["sane_lists", "tables"])
    keep = _KeepTree(md)
    md.treeprocessors.register(keep, "form_tree", -1)
    md.convert(text)
    return keep.root, md.htmlStash.rawHtmlBlocks


def _blocks(text: str) -> list[Block]:
    root, stash = _tree(text)
    if root is None:
        return []
    blocks: list[Block] = []
    for node in root:
        tag = node.tag
        if tag == "h1":
            raise _Unsupported("a second title – a form has one title; use '## ' for a heading inside it")
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            runs = _runs(node, stash)
            if not any(run.text.strip() for run in runs):
                raise _Unsupported("an empty heading – write its text after the '#' signs")
            blocks.append(Heading(int(tag[1]), runs))
        elif tag == "p":
            blocks.append(Paragraph(_runs(node, stash)))
        elif tag in ("ol", "ul"):
            items = tuple(_item(item, stash) for item in node if item.tag == "li")
            start = node.get("start") or "1"
            blocks.append(ListBlock(tag == "ol", items, int(start) if start.isdigit() else 1))
        else:
            raise _Unsupported(_not_supported(tag))
    return blocks


def _item(item: etree.Element, stash: list) -> Inline:
    """A list item's runs; a loose list's item is paragraphs, joined by a space."""
    if any(child.tag in ("ol", "ul") for child in item):
        raise _Unsupported("a list inside a list – a form's lists have one level")
    if not any(child.tag == "p" for child in item):
        return _runs(item, stash)
    runs: list[Run] = []
    for child in item:
        if child.tag != "p":
            raise _Unsupported(_not_supported(child.tag))
        paragraph = _runs(child, stash)
        if runs and paragraph:
            runs.append(Run(" "))
        runs += paragraph
    return tuple(runs)


def _runs(element: etree.Element, stash: list) -> Inline:
    """The inline content of a block, as runs without space at either end."""
    runs: list[Run] = []
    _walk(element, stash, runs, False, False, None)
    merged: list[Run] = []
    for run in runs:
        same = merged and not run.line_break and not merged[-1].line_break
        if same and (merged[-1].bold, merged[-1].italic, merged[-1].link) == (run.bold, run.italic, run.link):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.link)
        else:
            merged.append(run)
    if merged and not merged[0].line_break:
        merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic, merged[0].link)
    if merged and not merged[-1].line_break:
        merged[-1] = Run(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic, merged[-1].link)
    return tuple(run for run in merged if run.text or run.line_break)


def _walk(element, stash, runs: list[Run], bold: bool, italic: bool, link: str | None) -> None:
    if element.text:
        runs.append(Run(_plain(element.text, stash), bold, italic, link))
    for child in element:
        if child.tag == "br":
            runs.append(LINE_BREAK)
        elif child.tag in ("strong", "em", "code", "a"):
            href = _plain(child.get("href") or "", stash) if child.tag == "a" else link
            _walk(child, stash, runs, bold or child.tag == "strong", italic or child.tag == "em", href)
        else:
            raise _Unsupported(_not_supported(child.tag))
        if child.tail:
            runs.append(Run(_plain(child.tail, stash), bold, italic, link))


def _not_supported(tag: str) -> str:
    return f"{UNSUPPORTED.get(tag, f'HTML <{tag}>')} is not supported in a form – {HOW}"


def _plain(text: str, stash: list) -> str:
    """Text with Python-Markdown's placeholders for entities replaced; raw HTML is a mistake."""

    def stashed(match: re.Match) -> str:
        raw = stash[int(match.group(1))]
        if isinstance(raw, str) and ENTITY.fullmatch(raw):
            return html.unescape(raw)
        shown = re.sub(r"\s+", " ", str(raw)).strip()
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        raise _Unsupported(f"HTML ('{shown}') is not supported in a form – {HOW}")

    text = HTML_PLACEHOLDER_RE.sub(stashed, text)
    return SUBSTITUTED_ENTITY.sub(lambda m: html.unescape("&" + m.group(1)), text)


def _line_of(lines: list[str], first: int, problem: str) -> int:
    """The line where the paragraph (lines between blank lines) with `problem` begins.

    Parses the text a paragraph at a time; used only to name the line in a message.
    """
    starts = [i for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip())]
    for i in starts:
        end = next((j for j in range(i, len(lines)) if not lines[j].strip()), len(lines))
        try:
            _blocks("\n".join(lines[i:end]))
        except _Unsupported as found:
            if str(found) == problem:
                return first + i
    return first + (starts[0] if starts else 0)
