"""
Mistakes in YAML that an editor cannot see, said so that the editor can fix
them: a tab (YAML indents with spaces only), typographic quotes (”…”, which
YAML reads as part of the text, not as quotes) and invisible characters in a
name. This module names what stops YAML from reading the text at all;
forebygg.yaml_values what YAML read otherwise than the editor meant. The
same rules hold in every YAML an editor writes: mkdocs.yml, a page's or a
form's front matter, the glossary and the statistics file.

Where a message suggests a line, the line is made so that it reads back as the
text the editor meant: the tests paste each suggestion and build again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from forebygg.source_lines import composed, yaml_error_line
from forebygg.typography import (
    character_name,
    is_invisible,
    starts_with_typographic_quote,
    where_in,
    without_outer_quotes,
    yaml_double_quoted,
)

KEY_LINE = re.compile(r"(?P<indent>\s*(?:-\s+)?)(?P<key>[^\s:#\"'][^:#]*?)\s*:(?:\s+(?P<value>.*))?")
# How far a tab-indented line is searched for its fix: one suggestion per tab, at most this many.
MOST_TABS = 30


def syntax_problems(text: str, error: yaml.YAMLError, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for the mistakes an editor cannot see in YAML `text`, which did not parse.

    Every line indented with a tab, or a typographic quote or an invisible
    character where the YAML broke; [] for any other mistake, which the caller
    says in its own words. `first_line` is the file's line of the text's first line.
    """
    tabs = tab_problems(text, first_line)
    if tabs:
        return tabs
    lines = text.split("\n")
    mark = getattr(error, "problem_mark", None)
    if mark is not None and mark.index < len(text) and is_invisible(text[mark.index]):
        line_text = lines[mark.line] if mark.line < len(lines) else ""
        return [
            (
                mark.line + first_line,
                f"the line has {character_name(text[mark.index])} {where_in(line_text, mark.column)}, "
                "which YAML cannot read – delete it (type that part of the line again)",
            )
        ]
    line = yaml_error_line(error, first_line)
    line_text = lines[line - first_line] if 0 <= line - first_line < len(lines) else ""
    advice = typographic_quote_advice(line_text)
    return [(line, advice)] if advice else []


def quoting_advice(line: str) -> str:
    """How to write `line`, 'key: value', so that YAML reads the value as one text."""
    match = KEY_LINE.fullmatch(line)
    if not match or match["value"] is None:
        return "write each line as 'key: value', with the text in quotes"
    key, value = match["key"], match["value"].strip()
    if starts_with_typographic_quote(value):
        return _straight_quotes(match["indent"], key, value)
    if value.startswith('"') and not value.endswith('"'):
        return f'end the text with a quotation mark too: {key}: {value}"'
    value = value.strip('"')
    inside = ', with \\" for each quotation mark inside it' if '"' in value else ""
    return f"put the text in quotes{inside}: {key}: {yaml_double_quoted(value)}"


def typographic_quote_advice(line: str) -> str | None:
    """The message for a line whose text starts with a typographic quote, or None."""
    match = KEY_LINE.fullmatch(line)
    if not match or not starts_with_typographic_quote((match["value"] or "").strip()):
        return None
    value = match["value"].strip()
    return (
        f"the text starts with a typographic quote ({value[0]}), which YAML does not read as a quote, so the text "
        f"stops at the colon inside it – {_straight_quotes(match['indent'], match['key'], value)}"
    )


def _straight_quotes(indent: str, key: str, value: str) -> str:
    meant = without_outer_quotes(value)
    line = f"{indent.strip()} {key}: {yaml_double_quoted(meant)}".strip()
    if meant != value:
        return f'write straight quotes (") around it instead: {line}'
    return f'put the whole text in straight quotes ("): {line}'


# -----------------------------------------------------------------------------
# Tabs
# -----------------------------------------------------------------------------


def tab_problems(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for each tab that keeps YAML `text` from being read, with the spaces to use instead.

    Each tab is replaced as suggested and the text read again, so that every
    tab is named at once and each suggestion is one that YAML reads past.
    """
    lines = text.split("\n")
    problems: list[tuple[int, str]] = []
    for _ in range(MOST_TABS):
        index = _tab_error_line(lines)
        if index is None:
            return problems
        fixed, message = _without_tab(lines, index, first_line)
        lines[index] = fixed
        problems.append((index + first_line, message))
    return problems


def _tab_error_line(lines: list[str]) -> int | None:
    """The index of the line where a tab stops YAML, or None if YAML stops nowhere or at something else."""
    mark = _error_mark(lines)
    if mark is None or mark.line >= len(lines) or "\t" not in lines[mark.line]:
        return None
    return mark.line


def _error_mark(lines: list[str]):
    try:
        composed("\n".join(lines))
    except yaml.YAMLError as error:
        return getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return None


def _without_tab(lines: list[str], index: int, first_line: int) -> tuple[str, str]:
    """Line `index` with its tab replaced by spaces, and the message that says so."""
    line = lines[index]
    body = line.lstrip(" \t")
    if "\t" not in line[: len(line) - len(body)]:
        before = line[: line.index("\t")].strip()
        fixed = re.sub(r"[ \t]*\t[ \t]*", " ", line, count=1)
        return (
            fixed,
            f"there is a tab after '{before}' – YAML allows only spaces there: replace the tab with a space",
        )
    tried = list(dict.fromkeys(_indents(lines, index)))
    for spaces, above in tried:
        attempt = [*lines[:index], " " * spaces + body, *lines[index + 1 :]]
        mark = _error_mark(attempt)
        if mark is None or mark.line > index:
            return " " * spaces + body, _tab_message(lines, spaces, above, first_line)
    return " " * (tried[0][0] if tried else 0) + body, (
        "the line is indented with a tab – YAML indents with spaces only: indent it with spaces, "
        "lined up with the lines it belongs with"
    )


def _tab_message(lines: list[str], spaces: int, above: int | None, first_line: int) -> str:
    what = "the line is indented with a tab – YAML indents with spaces only"
    if spaces == 0:
        return f"{what}: delete the tab, so that the line starts at the beginning"
    if above is None:
        return f"{what}: indent it with {spaces} spaces"
    shown = len(lines[above]) - len(lines[above].lstrip(" "))
    line = above + first_line
    like = f"as many as line {line}" if spaces == shown else f"{spaces - shown} more than line {line}"
    return f"{what}: indent it with {spaces} spaces, {like}"


def _indents(lines: list[str], index: int) -> Iterator[tuple[int, int | None]]:
    """The indents that line `index` is likely meant to have, the likeliest first, each with the line it
    is measured by: as the line above, or further in if the line above opens a block, or as the line below."""
    above = next(
        (i for i in range(index - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")),
        None,
    )
    below = next(
        (
            i
            for i in range(index + 1, len(lines))
            if lines[i].strip() and not lines[i].lstrip().startswith("#")
        ),
        None,
    )
    if above is None:
        yield 0, None
        return
    text = lines[above]
    indent = len(text) - len(text.lstrip(" "))
    item = text.lstrip().startswith("- ")
    # A name with nothing after its colon: its value is on the lines below, further in.
    opens = bool(re.search(r":\s*(#.*)?$", text))
    if opens:
        if below is not None and "\t" not in lines[below][:1] and _indent(lines[below]) > indent:
            yield _indent(lines[below]), below
        yield indent + (4 if item else 2), above
    yield indent, above
    if item:
        yield indent + 2, above
    # The line above may be the middle of something longer (a list in [ ]): the lines before it, nearest first.
    for earlier in range(above - 1, -1, -1):
        if (
            lines[earlier].strip()
            and not lines[earlier].lstrip().startswith("#")
            and "\t" not in lines[earlier]
        ):
            yield _indent(lines[earlier]), earlier


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))
