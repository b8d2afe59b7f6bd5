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
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# `path:line: message`, as the build prints each mistake: alone (`make build`'s check of mkdocs.yml,
# or a line after the first of a message) or after the level ("ERROR   -  ").
MESSAGE = re.compile(
    r"^(?:(?P<level>[A-Z]+) +- +)?(?P<path>[\w./-]+\.(?:md|yml)):(?P<line>\d+): (?P<text>.+)$"
)
LEVEL = re.compile(r"^(?P<level>[A-Z]+) +- +")
# The line to write instead, at the end of a message; a second choice in brackets after it is not taken.
SUGGESTED_LINE = re.compile(
    r"(?:instead|in straight quotes \(\"\)|type the value again|make it): (?P<line>.+?)"
    r"(?: \(if the quotes belong to the text, .*\))?$"
)
SPACES = re.compile(r"indent it with (?P<spaces>\d+) spaces")
NAME_AGAIN = re.compile(r"type the name again without it: (?P<name>.+):$")
# A file whose name looks like the one written: "there is no file docs/A, only docs/B, which looks the same".
RENAME = re.compile(r"there is no file docs/(?P<wanted>.+?), only docs/.+ – rename it, typing")
# A component's marker as the editor wrote it: <!-- md:deadline -->.
MARKER = re.compile(r"<!--\s*md:[^>]*-->")
# What the editor wrote, quoted by the message: "the link '…'", "the menu (nav:) lists '…'".
WRITTEN = re.compile(r"^the (?:link|image|menu \(nav:\) lists) '(?P<written>[^']+)'")


@dataclass
class Advice:
    path: str
    line: int
    text: str


def advice_in(output: str) -> list[Advice]:
    """Each mistake the build names in `output`, without what it only notes (INFO)."""
    found, level = [], "ERROR"
    for line in output.splitlines():
        if prefix := LEVEL.match(line):
            level = prefix["level"]
        if (match := MESSAGE.match(line)) and level in ("WARNING", "ERROR"):
            found.append(Advice(match["path"], int(match["line"]), match["text"]))
    return found


def follow(project: Path, advice: Advice) -> None:
    """Change line `advice.line` of the file as the message says, or the file's name."""
    if match := RENAME.search(advice.text):
        _rename_look_alike(project / "docs" / match["wanted"])
        return
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
    elif "put the marker on a line of its own, with a blank line above and below it" in advice.text:
        marker = MARKER.search(old)
        around = [old[: marker.start()].rstrip(), marker.group(0), old[marker.end() :].strip()]
        new = "\n\n".join(part for part in around if part)
    elif "remove the spaces before the marker" in advice.text:
        new = old.lstrip(" \t")
    elif "remove this one" in advice.text:
        new = MARKER.sub("", old, count=1).rstrip()
    elif match := SUGGESTED_LINE.search(advice.text):
        new = indent + match["line"]
    elif (match := WRITTEN.match(advice.text)) and re.search(
        r"– (delete it|type it as an ordinary space)\b", advice.text
    ):
        written = match["written"]
        if "type it as an ordinary space" in advice.text:
            meant = "".join(" " if unicodedata.category(c) == "Zs" else c for c in written)
        else:
            meant = "".join(c for c in written if unicodedata.category(c) != "Cf")
        if written not in old and meant in old:  # the same mistake named again, in another language's build
            return
        new = old.replace(written, meant)
    else:
        raise AssertionError(f"no advice to follow in: {advice.path}:{advice.line}: {advice.text}")
    lines[advice.line - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def _rename_look_alike(wanted: Path) -> None:
    """Give the file that looks like `wanted` the name `wanted`, as if its name were typed again."""
    if wanted.exists():  # renamed already: the same mistake named again
        return
    same = [p for p in wanted.parent.iterdir() if _looks(p.name) == _looks(wanted.name)]
    assert len(same) == 1, f"no single file that looks like {wanted}: {same}"
    same[0].rename(wanted)


def _looks(name: str) -> str:
    shown = "".join(
        " " if unicodedata.category(c) == "Zs" else c for c in name if unicodedata.category(c) != "Cf"
    )
    return unicodedata.normalize("NFC", shown)


def follow_all(project: Path, output: str) -> list[Advice]:
    """Follow every message in `output`; the messages followed."""
    found = advice_in(output)
    assert found, f"no message of the form path:line: … in:\n{output}"
    for advice in found:
        follow(project, advice)
    return found
