"""
Line numbers in mkdocs.yml and in pages, so that a build error can point at the line.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from forebygg.build_cache import kept


def config_line(config_file: str | None, path: list[str]) -> int:
    """The line of the key at `path` (a key of any depth when path has one key), or 0."""
    try:
        with open(config_file or "mkdocs.yml", encoding="utf-8") as stream:
            return yaml_line(stream.read(), path)
    except OSError:
        return 0


def yaml_line(text: str, path: list[str]) -> int:
    """The line in YAML `text` of the key at `path` (any depth when path has one key), or 0."""
    try:
        node = composed(text)
    except yaml.YAMLError:
        return 0
    key = _find(node, path) if len(path) > 1 else _find_anywhere(node, path[0])
    return key.start_mark.line + 1 if key is not None else 0


# Where composed() keeps what it read for the next build: the project's .cache/yaml/, which
# forebygg.settings_file names at the start of every build; None keeps nothing.
_kept_in: list[Path | None] = [None]


def keep_yaml_in(folder: Path | None) -> None:
    _kept_in[0] = folder


@lru_cache(maxsize=1024)
def composed(text: str) -> yaml.Node | None:
    """`text` read as YAML nodes, which know their lines; yaml.YAMLError if it is not YAML.

    Kept per text: a build reads the same mkdocs.yml, glossary and front
    matter many times, for each language and for each line it names. Room
    for every page's front matter and more: with less, the pages pushed
    mkdocs.yml out between one language and the next, and it was read
    three times a build (0.03 s each). The nodes are only read, never
    changed. They are kept for the next build too (keep_yaml_in): reading
    them back takes a seventh of the time (forebygg.build_cache.kept; a
    text that is not YAML is never kept, and fails every build).
    """
    return kept(_kept_in[0], (text,), lambda: yaml.compose(text, Loader=yaml.SafeLoader), code=("yaml",))


def yaml_error_line(error: yaml.YAMLError, first_line: int = 1) -> int:
    """The file's line of a YAML error, where the YAML text starts on the file's `first_line`."""
    # An unclosed quote or [ ] { } list is found only further on; the line where it opens is the one to fix.
    context = getattr(error, "context_mark", None)
    unclosed = re.search(r"quoted scalar|flow (sequence|mapping)", getattr(error, "context", None) or "")
    mark = context if context is not None and unclosed else getattr(error, "problem_mark", None)
    return mark.line + first_line if mark is not None else first_line


def config_documents(config_file: str | None) -> list[tuple[str, yaml.MappingNode]]:
    """mkdocs.yml as written, not yet read into values, then each file it INHERITs: (file name, node)."""
    documents, path = [], Path(config_file or "mkdocs.yml")
    while path.is_file() and len(documents) < 10:
        try:
            node = composed(path.read_text(encoding="utf-8"))
        except yaml.YAMLError:
            break
        if not isinstance(node, yaml.MappingNode):
            break
        documents.append((path.name, node))
        parent = next((v.value for k, v in node.value if k.value == "INHERIT"), None)
        if not isinstance(parent, str):
            break
        path = path.parent / parent
    return documents


def config_place(config_file: str | None, path: list[str]) -> str:
    """'file:line' of the key at `path` in mkdocs.yml or, if not there, in the file it INHERITs."""
    documents = config_documents(config_file)
    for name, node in documents:
        key = _find(node, path)
        if key is not None:
            return f"{name}:{key.start_mark.line + 1}"
    return f"{documents[0][0] if documents else 'mkdocs.yml'}:0"


def _find(node, path):
    for part in path:
        if not isinstance(node, yaml.MappingNode):
            return None
        match = next(((k, v) for k, v in node.value if k.value == part), None)
        if match is None:
            return None
        key, node = match
    return key


def _find_anywhere(node, name):
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                return key
            found = _find_anywhere(value, name)
            if found is not None:
                return found
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            found = _find_anywhere(item, name)
            if found is not None:
                return found
    return None


# Front matter as MkDocs reads it: a first line '---', closed by a line '---' or '...'.
FRONT_MATTER_OPENS = re.compile(r"-{3}[ \t]*")
FRONT_MATTER_CLOSES = re.compile(r"(?:-{3}|\.{3})[ \t]*")


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter at the top of `lines`: its values are
    lines[1:end]. None when the first line opens none, or when nothing closes it."""
    if not lines or not FRONT_MATTER_OPENS.fullmatch(lines[0]):
        return None
    return next(
        (number for number in range(1, len(lines)) if FRONT_MATTER_CLOSES.fullmatch(lines[number])), None
    )


def shown_path(path: Path, root: Path) -> str:
    """A file's path as messages name it: from `root`, the project's folder (where mkdocs.yml is)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def page_line(page, markdown: str, position: int) -> int:
    """The line in the page's file of `position` in its Markdown.

    MkDocs hands plugins the Markdown without its front matter, so count the
    lines that the front matter took: find where the Markdown's opening stands
    in the file. A shorter opening is tried when a component has already
    replaced a marker near the top of a short page (the opening then differs
    from the file after it).
    """
    line = markdown.count("\n", 0, position) + 1
    try:
        with open(page.file.abs_src_path, encoding="utf-8-sig") as stream:
            source = stream.read()
    except (OSError, TypeError):
        return line
    opening = markdown.lstrip()
    start = -1
    for length in (200, 80, 30):
        start = source.find(opening[:length])
        if start > 0:
            break
    skipped = len(markdown) - len(markdown.lstrip())
    return line + (source.count("\n", 0, start) - markdown.count("\n", 0, skipped) if start > 0 else 0)


def source_text(file) -> str | None:
    """A page's file as the editor wrote it, or None for a page without one (404, generated)."""
    path = getattr(file, "abs_src_path", None)
    if not path:
        return None
    try:
        with open(path, encoding="utf-8-sig") as stream:
            return stream.read()
    except OSError:
        return None


def line_at(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


# What git writes into a file where two edits of the same lines meet: text that must never be published.
CONFLICT_MARKER = re.compile(r"^(<{7}|>{7})( .*)?$", re.M)


def conflict_marker_lines(text: str) -> list[int]:
    """The lines of `text` that start or end a merge conflict (<<<<<<< or >>>>>>>), outside code."""
    return [line_at(text, match.start()) for match in CONFLICT_MARKER.finditer(without_code(text))]


def merge_conflicts(text: str, kind: str) -> list[tuple[int, str]]:
    """(line, message) for the first merge conflict left in Markdown `text`: a 'page' or a 'form'."""
    return [
        (
            line,
            f"a merge conflict is left in the {kind} (<<<<<<< … ======= … >>>>>>>) – keep the version "
            "you want and delete the marker lines",
        )
        for line in conflict_marker_lines(text)[:1]
    ]


# Code the reader sees as text, and comments: what they hold is not the page's markup or links.
FENCED_CODE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?[ \t]*\2[`~]*[ \t]*$|\Z)", re.M | re.S)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def without_code(markdown: str) -> str:
    """`markdown` with fenced code, code spans and comments blanked out, lines and positions kept."""
    for pattern in (FENCED_CODE, COMMENT, CODE_SPAN):
        markdown = pattern.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), markdown)
    return markdown


def nth_match(pattern: re.Pattern, text: str, n: int) -> re.Match | None:
    """The n-th (from 0) match of `pattern` in `text`, or None."""
    for index, match in enumerate(pattern.finditer(text)):
        if index == n:
            return match
    return None
