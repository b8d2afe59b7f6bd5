"""
Typographic quotes and invisible characters in YAML that was read: a name with
an invisible character in it, a text in typographic quotes, and a value that
names something (an address, a colour, a language, a date) with an invisible
character, each with its line and the line to write instead. The mistakes that
stop YAML from being read at all are in forebygg.yaml_mistakes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from forebygg.typography import (
    described,
    invisible_characters,
    is_invisible,
    starts_with_typographic_quote,
    visible,
    without_outer_quotes,
    wrapped_in_typographic_quotes,
    yaml_double_quoted,
)

# A value that names something rather than says something: an address, a colour, a language or a date.
# (A file's name is checked where the file is looked for: a name with an invisible character may be
# the file's real name.)
REFERENCE = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://\S*|(?:mailto|tel):\S*|[^\s@]+@[^\s@]+\.\w+|#[0-9A-Fa-f]{3,8}"
    r"|[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?|\d{4}-\d{1,2}-\d{1,2})"
)


def is_reference(text: str) -> bool:
    """A value that names something (an address, a colour, a language or a date) and is not text."""
    return bool(REFERENCE.fullmatch("".join(c for c in text if not is_invisible(c)).strip()))


def node_problems(root: yaml.Node | None, text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, message) for each name with an invisible character, each text in typographic quotes, and
    each value that names something (is_reference()) with an invisible character, in YAML `text`."""
    return sorted(_walk(root, text.split("\n"), first_line))


def _walk(node, lines: list[str], first_line: int) -> Iterator[tuple[int, str]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield from _key_problems(key, value, lines, first_line)
            yield from _walk(value, lines, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _walk(item, lines, first_line)
    elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and not node.tag.startswith("!"):
        yield from _value_problems(node, lines, first_line)


def _key_problems(
    key: yaml.ScalarNode, value, lines: list[str], first_line: int
) -> Iterator[tuple[int, str]]:
    line = key.start_mark.line + first_line
    if invisible_characters(key.value):
        name = visible(key.value).strip()
        yield line, f"the name '{name}' has {described(key.value)} – type the name again without it: {name}:"
    elif key.style is None and starts_with_typographic_quote(key.value):
        if wrapped_in_typographic_quotes(key.value):
            name = without_outer_quotes(key.value)
            yield (
                line,
                (
                    f"the name {key.value} is in typographic quotes, which YAML reads as part of the name – "
                    f'write straight quotes (") instead: {yaml_double_quoted(name)}:'
                ),
            )
            return
        # A text in typographic quotes with ': ' inside: YAML took the part before the colon as a name.
        source = lines[key.start_mark.line]
        end = value.end_mark if value.end_mark.line == key.start_mark.line else None
        written = source[key.start_mark.column : end.column if end else len(source)].rstrip()
        yield (
            line,
            (
                f"the text {written} starts with a typographic quote ({key.value[0]}), which YAML does not read "
                "as a quote, so it takes the colon inside the text for the end of a name – "
                + _straight_quoted_line(
                    source, key.start_mark.column, key.start_mark.column + len(written), written
                )
            ),
        )


def _value_problems(node: yaml.ScalarNode, lines: list[str], first_line: int) -> Iterator[tuple[int, str]]:
    line = node.start_mark.line + first_line
    source = lines[node.start_mark.line]
    start = node.start_mark.column
    end = node.end_mark.column if node.end_mark.line == node.start_mark.line else len(source)
    if node.style is None and wrapped_in_typographic_quotes(node.value):
        yield (
            line,
            (
                f"the text {node.value} is in typographic quotes ({node.value[0]}…{node.value[-1]}), which YAML reads "
                "as part of the text, so they would be published – "
                + _straight_quoted_line(source, start, end, node.value)
                + " (if the quotes belong to the text, put straight quotes around it all: "
                + f"{_replaced(source, start, end, yaml_double_quoted(node.value))})"
            ),
        )
    elif invisible_characters(node.value) and is_reference(node.value):
        # An address, a colour or a code has no space of any kind: each invisible character goes.
        meant = "".join(c for c in node.value if not is_invisible(c))
        retyped = _replaced(source, start, end, yaml_double_quoted(meant) if node.style else meant)
        yield (
            line,
            (
                f"'{visible(node.value)}' has {described(node.value)}, so it does not work as it looks – "
                f"delete it, or type the value again: {retyped}"
            ),
        )


def _straight_quoted_line(source: str, start: int, end: int, written: str) -> str:
    meant = without_outer_quotes(written)
    return f'write straight quotes (") around it instead: {_replaced(source, start, end, yaml_double_quoted(meant))}'


def _replaced(source: str, start: int, end: int, new: str) -> str:
    """The line `source` with its columns start to end replaced by `new`, without its indent."""
    return (source[:start] + new + source[end:]).strip()
