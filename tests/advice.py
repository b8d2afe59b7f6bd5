"""
Doing what a build's message says, as an editor would, to show that the advice works.

A message is `path:line: what is wrong – how to fix it`. `follow` makes the
fix that the message itself spells out, in the project's copy of the file:
the line it suggests, the spaces it names, the name typed again. A message
whose advice it cannot read fails the test: advice that no one can follow
without guessing is the kind this is here to catch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# `path:line: message`, as the build prints each mistake (after "ERROR   -  " for the first).
MESSAGE = re.compile(r"^(?:ERROR +- +)?(?P<path>[\w./-]+\.(?:md|yml)):(?P<line>\d+): (?P<text>.+)$", re.M)
# The line to write instead, at the end of a message; a second choice in brackets after it is not taken.
SUGGESTED_LINE = re.compile(
    r"(?:instead|in straight quotes \(\"\)|type the value again|make it): (?P<line>.+?)"
    r"(?: \(if the quotes belong to the text, .*\))?$"
)
SPACES = re.compile(r"indent it with (?P<spaces>\d+) spaces")
NAME_AGAIN = re.compile(r"type the name again without it: (?P<name>.+):$")


@dataclass
class Advice:
    path: str
    line: int
    text: str


def advice_in(output: str) -> list[Advice]:
    return [Advice(m["path"], int(m["line"]), m["text"]) for m in MESSAGE.finditer(output)]


def follow(project: Path, advice: Advice) -> None:
    """Change line `advice.line` of the file as the message says."""
    path = project / advice.path
    lines = path.read_text(encoding="utf-8-sig").split("\n")
    old = lines[advice.line - 1]
    indent = old[: len(old) - len(old.lstrip(" \t"))]
    if match := SPACES.search(advice.text):
        new = " " * int(match["spaces"]) + old.lstrip(" \t")
    elif "delete the tab, so that the line starts at the beginning" in advice.text:
        new = old.lstrip(" \t")
    elif "replace the tab with a space" in advice.text:
        new = re.sub(r"[ \t]*\t[ \t]*", " ", old, count=1)
    elif match := NAME_AGAIN.search(advice.text):
        new = indent.replace("\t", "") + match["name"] + ":" + old.split(":", 1)[1]
    elif match := SUGGESTED_LINE.search(advice.text):
        new = indent + match["line"]
    else:
        raise AssertionError(f"no advice to follow in: {advice.path}:{advice.line}: {advice.text}")
    lines[advice.line - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def follow_all(project: Path, output: str) -> list[Advice]:
    """Follow every message in `output`; the messages followed."""
    found = advice_in(output)
    assert found, f"no message of the form path:line: … in:\n{output}"
    for advice in found:
        follow(project, advice)
    return found
