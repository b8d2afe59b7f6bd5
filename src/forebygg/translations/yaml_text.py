"""
YAML as an editor wrote it, for `make add-language` (add_language.py): values
read from PyYAML's node tree, and lines put in after a node, so that nothing
else in the file changes, its comments neither.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml


@dataclass
class ConfigFile:
    """One file of mkdocs.yml's INHERIT chain, its lines, and the lines to put in, by line index."""

    path: Path
    lines: list[str]
    node: yaml.MappingNode
    inserts: dict[int, list[str]] = field(default_factory=dict)

    def insert_after(self, index: int, new: list[str]) -> None:
        self.inserts.setdefault(index + 1, []).extend(new)

    def write(self) -> None:
        lines = list(self.lines)
        ending = (
            "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
        )  # as the file has them (Notepad: CRLF)
        for index in sorted(self.inserts, reverse=True):
            lines[index:index] = [line.replace("\n", ending) for line in self.inserts[index]]
        self.path.write_text("".join(ended(lines)), encoding="utf-8", newline="")


# -----------------------------------------------------------------------------
# YAML as written
# -----------------------------------------------------------------------------


def value_of(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if k.value == key), None)


def scalar(node, key: str) -> str:
    value = value_of(node, key)
    return str(value.value) if isinstance(value, yaml.ScalarNode) else ""


def last_line(node, lines: list[str]) -> int:
    """The index of the last line that `node` is written on (not the comments or blank lines after it)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    end = node.end_mark
    index = end.line if end.column > 0 else end.line - 1
    index = min(index, len(lines) - 1)
    while index > node.start_mark.line and (
        not lines[index].strip() or lines[index].lstrip().startswith("#")
    ):
        index -= 1
    return index


def as_yaml(text: str) -> str:
    """`text` as one YAML value: plain where YAML reads it back as the same text, else in double quotes."""
    if text and "\n" not in text and text[0] not in "[{\"'&*!|>%@`#":
        try:
            if yaml.safe_load(f"key: {text}") == {"key": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def ended(lines: list[str]) -> list[str]:
    return [line if line.endswith("\n") else line + "\n" for line in lines]
