"""
A template's Markdown file (format: forms/README.md) as a FormTemplate.

The file is front matter, one `# Title` line, then text and blanks. Lines
of blanks (`___ Label {type}`) are read here; the text between them goes to
text_blocks.py. Every mistake is a FormError `path:line: what – how to fix it`.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

import yaml

from ..build_cache import kept
from ..reading_levels import READING_LEVELS
from ..source_lines import (
    FRONT_MATTER_OPENS,
    composed,
    front_matter_end,
    merge_conflicts,
    shown_path,
    yaml_error_line,
    yaml_line,
)
from ..yaml_mistakes import quoting_advice, syntax_problems
from ..yaml_values import node_problems
from .model import FIELD_TYPES, Block, Field, FieldGroup, FormError, FormTemplate, Heading
from .text_blocks import text_blocks, title_text

FIELD_LINE = re.compile(r"^ {0,3}_{3,}(?:\s+(?P<rest>.*))?$")
FIELD_TYPE = re.compile(r"\{\s*(?P<type>[^{}]*?)\s*\}\s*$")
# A line meant as a blank but written otherwise: one or two underscores and a
# space ("__ Datum"), or underscores run into the label ("___Datum"), which
# Markdown would print as text. "___bold italic___ text" closes its underscores.
ALMOST_A_FIELD = re.compile(r"^ {0,3}(?:_{1,2} +\S|_{3,}[^_\s][^_]*$)")
# A Markdown H1 (`# Title`, also `#Title`), not a `##` heading.
H1_LINE = re.compile(r"^ {0,3}#(?!#)\s*(?P<title>.*?)(?:\s+#+)?\s*$")
HEADING_LINE = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:\s|$)")
DOWNLOAD_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER_KEYS = ("file", "description", "untranslated", "leaflet", "readability")


def parse_template(path: Path, root: Path, kept_in: Path | None = None) -> FormTemplate:
    """Read one template; raise FormError for a mistake in it.

    `root` is the folder that holds forms/; messages name the file relative to it. A template
    read before is taken from `kept_in` (a build's .cache/form-templates/), if it is given.
    """
    text = path.read_text(encoding="utf-8-sig")
    return kept(kept_in, (text, str(path), str(root)), lambda: _parse_text(text, path, root))


def load_templates(root: Path, language: str, kept_in: Path | None = None) -> list[FormTemplate]:
    """Every template of one language, forms/<language>/*.md, by id."""
    return [parse_template(p, root, kept_in) for p in sorted((root / "forms" / language).glob("*.md"))]


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)  # each language's build reads every template again
def _parse_text(text: str, path: Path, root: Path) -> FormTemplate:
    where = shown_path(path, root)
    for line, message in merge_conflicts(text, "form"):
        raise FormError(f"{where}:{line}: {message}")
    lines = text.splitlines()
    meta, body_start = _front_matter(lines, where)
    title, title_index = _title(lines, body_start, where)
    _heading_order(lines, title_index, where)

    blocks: list[Block] = []
    fields: list[Field] = []
    names: set[str] = set()
    for kind, start, chunk in _chunks(lines, title_index):
        if kind == "text":
            _no_almost_blanks(chunk, start, where)
            blocks += text_blocks(chunk, start, where)
            continue
        # A heading with nothing but blank lines between it and the blanks names their group.
        heading = blocks.pop() if blocks and isinstance(blocks[-1], Heading) else None
        context = _plain_text(heading) if heading else ""
        group = []
        for number, line in enumerate(chunk, start):
            field = _field(line, number, context, names, where)
            names.add(field.name)
            group.append(field)
        blocks.append(FieldGroup(tuple(group), heading))
        fields += group
    _check_distinct(fields, where)

    return FormTemplate(
        id=path.stem,
        language=path.parent.name,
        file=meta["file"],
        title=title,
        description=meta.get("description") or "",
        leaflet=meta.get("leaflet", False),
        readability=meta.get("readability"),
        blocks=tuple(blocks),
        fields=tuple(fields),
        source=path,
        untranslated=str(meta.get("untranslated") or ""),
    )


def _front_matter(lines: list[str], where: str) -> tuple[dict, int]:
    """The front matter's values, and the index of the first line after it."""
    how = "start the file with a line '---', then 'file: NAME' and a line '---'"
    if not lines or not FRONT_MATTER_OPENS.fullmatch(lines[0]):
        raise FormError(f"{where}:1: no front matter with 'file:' – {how}")
    end = front_matter_end(lines)
    if end is None:
        raise FormError(f"{where}:1: the front matter has no closing '---' – {how}")
    text = "\n".join(lines[1:end])
    try:
        values = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        unseen = syntax_problems(text, error, first_line=2)
        if unseen:
            raise FormError(
                "\n".join(
                    f"{where}:{line}: the front matter is not valid YAML: {message}"
                    for line, message in unseen
                )
            ) from None
        line = yaml_error_line(error, first_line=2)
        advice = quoting_advice(lines[line - 1])
        raise FormError(f"{where}:{line}: the front matter is not valid YAML – {advice}") from None
    unseen = node_problems(composed(text), text, first_line=2)
    if unseen:
        raise FormError("\n".join(f"{where}:{line}: {message}" for line, message in unseen))
    if not isinstance(values, dict):
        raise FormError(f"{where}:2: the front matter is not 'key: value' lines – {how}")

    def line_of(key: str) -> int:
        # The front matter starts on the file's second line.
        found = yaml_line(text, [str(key)])
        return found + 1 if found else 1

    for key in values:
        if key not in FRONT_MATTER_KEYS:
            raise FormError(
                f"{where}:{line_of(key)}: unknown front matter key '{key}' – use "
                f"{', '.join(FRONT_MATTER_KEYS[:-1])} or {FRONT_MATTER_KEYS[-1]}"
            )
    name = values.get("file")
    if name is None or name == "":
        raise FormError(
            f"{where}:1: missing 'file:' – add the downloads' name in this language to the "
            f"front matter, for example 'file: samtycke'"
        )
    if not isinstance(name, str) or not DOWNLOAD_NAME.match(name):
        raise FormError(
            f"{where}:{line_of('file')}: 'file: {name}' is not a usable download name – use "
            f"lowercase letters a–z, digits and hyphens, without an extension"
        )
    description = values.get("description")
    if description is not None and not isinstance(description, str):
        raise FormError(f"{where}:{line_of('description')}: 'description:' must be one sentence of text")
    if "leaflet" in values and not isinstance(values["leaflet"], bool):
        raise FormError(
            f"{where}:{line_of('leaflet')}: 'leaflet: {values['leaflet']}' is neither true nor false – write "
            "leaflet: true for a text to hand over on one A4 sheet, or leave the line out"
        )
    level = values.get("readability")
    if "readability" in values and (not isinstance(level, str) or level not in READING_LEVELS):
        levels = "; ".join(f"readability: {name} ({meaning})" for name, meaning in READING_LEVELS.items())
        raise FormError(
            f"{where}:{line_of('readability')}: 'readability: {level}' is no reading level – write {levels}"
        )
    return values, end + 1


def _title(lines: list[str], first: int, where: str) -> tuple[str, int]:
    """The plain text of the one `# Title` line, and the line's index."""
    how = "begin the text with one line '# Title'"
    content = [i for i in range(first, len(lines)) if lines[i].strip()]
    titles = [i for i in content if H1_LINE.match(lines[i])]
    if not titles:
        line = content[0] + 1 if content else first + 1 if first < len(lines) else 1
        raise FormError(f"{where}:{line}: no title – {how}")
    if content[0] != titles[0]:
        raise FormError(f"{where}:{content[0] + 1}: text before the title – {how}")
    if len(titles) > 1:
        raise FormError(
            f"{where}:{titles[1] + 1}: a second '# ' title – a form has one title; "
            f"use '## ' for a heading inside it"
        )
    title = title_text(lines[titles[0]], titles[0] + 1, where)
    if not title:
        raise FormError(f"{where}:{titles[0] + 1}: the title is empty – write it after '# '")
    return title, titles[0]


def _heading_order(lines: list[str], title_index: int, where: str) -> None:
    """Each heading at most one level below the one before it, the title being level 1 (WCAG 1.3.1).

    A form has no code and no HTML (text_blocks.py refuses both), so each `#` line is a heading.
    """
    previous, previous_line = 1, title_index + 1
    for index in range(title_index + 1, len(lines)):
        match = HEADING_LINE.match(lines[index])
        if not match:
            continue
        level = len(match["hashes"])
        if level > previous + 1:
            fixed = "#" * (previous + 1) + lines[index].strip()[level:]
            raise FormError(
                f"{where}:{index + 1}: the heading '{lines[index].strip()}' is level {level}, right after the "
                f"level-{previous} heading on line {previous_line} – headings go one level down at a time, so "
                "that a screen reader's list of headings shows how the form is built (WCAG 1.3.1): add a "
                f"level-{previous + 1} heading between them, or make this one level {previous + 1} instead: {fixed}"
            )
        previous, previous_line = level, index + 1


def _chunks(lines: list[str], title_index: int) -> list[tuple[str, int, list[str]]]:
    """The lines after the title as ('text' or 'fields', number of the first line, lines).

    Blank lines belong to the text, so a blank line ends a group of blanks.
    """
    chunks: list[tuple[str, int, list[str]]] = []
    for i in range(title_index + 1, len(lines)):
        kind = "fields" if FIELD_LINE.match(lines[i]) else "text"
        if chunks and chunks[-1][0] == kind:
            chunks[-1][2].append(lines[i])
        else:
            chunks.append((kind, i + 1, [lines[i]]))
    return [c for c in chunks if any(line.strip() for line in c[2])]


def _no_almost_blanks(lines: list[str], first: int, where: str) -> None:
    for number, line in enumerate(lines, first):
        if ALMOST_A_FIELD.match(line):
            label = line.strip().lstrip("_").strip()
            raise FormError(
                f"{where}:{number}: '{line.strip()}' looks like a blank but is not written as one, so it "
                f"would be printed as text – write three underscores, a space and the label: '___ {label}'"
            )


def _field(line: str, number: int, context: str, taken: set[str], where: str) -> Field:
    rest = (FIELD_LINE.match(line)["rest"] or "").strip()
    kind = "text"
    if match := FIELD_TYPE.search(rest):
        kind = match["type"].lower()
        rest = rest[: match.start()].strip()
        if kind not in FIELD_TYPES:
            names = list(FIELD_TYPES)
            raise FormError(
                f"{where}:{number}: unknown field type '{match['type']}' – use "
                f"{', '.join(names[:-1])} or {names[-1]}"
            )
    if "{" in rest or "}" in rest:
        raise FormError(
            f"{where}:{number}: the type of the blank '{rest}' is not written in a pair of braces – "
            f"end the line with the type in {{ and }}, for example '___ Datum {{date}}'"
        )
    if not rest:
        raise FormError(
            f"{where}:{number}: a blank without a label – write what goes on the line after "
            f"'___ ', for example '___ Datum {{date}}'"
        )
    base = _field_name(f"{context} {rest}")
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return Field(name=name, label=rest, type=kind, line=number, group=context)


def _plain_text(heading: Heading) -> str:
    return re.sub(r"\s+", " ", "".join(run.text for run in heading.runs)).strip()


def _check_distinct(fields: list[Field], where: str) -> None:
    """Two blanks with one label under one heading (or none) sound alike to a screen reader."""
    seen: dict[str, Field] = {}
    for field in fields:
        key = field.spoken_label.casefold()
        if key in seen:
            raise FormError(
                f"{where}:{field.line}: a second blank '{field.spoken_label}' (the first is on line "
                f"{seen[key].line}) – a reader of the on-screen form cannot tell them apart; put a "
                f"heading directly above each group, for example '## För kommunen', or give the "
                f"blanks different labels"
            )
        seen[key] = field


def _field_name(label: str) -> str:
    """A stable identifier from a label: 'Namn/Underskrift' is namn_underskrift."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_") or "field"
