"""
What is not yet translated: the copies that `make add-language` made and an
editor has not translated yet, and any page, form, glossary part or caption
file whose text is another language's.

A copy says so itself, with the code of the language whose text it still has:

- a page or form in its front matter: `untranslated: en`;
- a caption file in a comment under its first line: `NOTE untranslated: sv`.

The editor deletes that line once the text is translated. A page or form
with the same text as another language's (a folder copied by hand), a
glossary part with another language's explanation or law name, and a caption
file with another language's text (film/checks.py) are copies too, with or
without the line. Nothing here needs MkDocs' files: the launch build
(forebygg.launch) refuses every copy when it starts, and a preview says how
many there are (forebygg.translations).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from forebygg.front_matter import front_matter_values
from forebygg.glossary import entries as glossary
from forebygg.source_lines import composed, front_matter_end

# The front matter's line in a page or form, and the comment in a caption file.
KEY = "untranslated"
CAPTION_MARK = re.compile(r"^NOTE untranslated: *(?P<language>[\w-]+) *$", re.M)


@dataclass(frozen=True)
class Copy:
    path: str  # as messages name it, from the project's folder: docs/ar/kurs.md
    line: int  # the line that marks it, or 0
    language: str  # the language the copy is in (its folder's)
    source: str  # the file whose text it still has, or the language's code for a glossary part
    marked: bool  # it says so itself (untranslated: en)
    what: str  # "page", "form", "glossary", "captions"

    def message(self, name: str) -> str:
        """What the launch build says, with `name`, the language's name in itself."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.what == "glossary":
            return f"{where}: {self.source} – write it in {name} ({self.language})"
        marked = self.source.split("/")[1] if "/" in self.source else self.source
        if self.marked and self.what == "captions":
            marked = self.source.rsplit(".", 2)[-2]
            fix = f"then delete the line NOTE untranslated: {marked}"
        elif self.marked:
            fix = f"then delete the line {KEY}: {marked}"
        else:
            fix = "or delete the file in every language"
        verb = "are" if self.what == "captions" else "is"
        return (
            f"{where}: the {self.what} {verb} not yet translated: {'they have' if verb == 'are' else 'it has'} "
            f"the text of {self.source} – translate {'them' if verb == 'are' else 'it'} into {name} "
            f"({self.language}), {fix}"
        )


def untranslated(root: Path, docs: Path, locales: list[str]) -> list[Copy]:
    """Every copy in the project at `root` (docs/ at `docs`), for the languages `locales`, the default first."""
    found = _markdown_copies(docs, "docs", "page", locales, root)
    found += _markdown_copies(root / "forms", "forms", "form", locales, root)
    found += _glossary_copies(docs / "data" / "glossary.yml", locales, root)
    found += _caption_copies(docs / "assets", locales, root)
    return found


def mark_problems(folder: Path, shown: str, locales: list[str]) -> list[str]:
    """Each `untranslated:` in the pages or forms under `folder` that names no other language of the site."""
    problems = []
    for locale in locales:
        for path in sorted((folder / locale).rglob("*.md")):
            source = path.read_text(encoding="utf-8-sig")
            if KEY not in _front_matter(source):
                continue
            marked = marked_language(source)
            if marked not in locales or marked == locale:
                others = [code for code in locales if code != locale]
                problems.append(
                    f"{shown}/{path.relative_to(folder).as_posix()}:{untranslated_line(source)}: "
                    f"{KEY} is '{marked or ''}', which is not another language of the site – write the code "
                    f"of the language whose text the file still has ({', '.join(others)}), as in "
                    f"{KEY}: {others[0] if others else 'en'}, or delete the line once it is translated"
                )
    return problems


def marked_language(source: str) -> str | None:
    """The `untranslated:` of a page's or form's front matter, or None."""
    value = _front_matter(source).get(KEY)
    return str(value.value).strip() if isinstance(value, yaml.ScalarNode) and value.value else None


def untranslated_line(source: str) -> int:
    """The file's line of `untranslated:` in the front matter, or 0."""
    for number, line in enumerate(source.splitlines()[: (front_matter_end(source.splitlines()) or 0)], 1):
        if re.match(rf"{KEY}\s*:", line):
            return number
    return 0


def body(source: str) -> str:
    """A page's or form's text after its front matter, with its spacing evened out."""
    lines = source.lstrip("\ufeff").splitlines()
    end = front_matter_end(lines)
    return " ".join(" ".join(lines[end + 1 if end is not None else 0 :]).split())


def caption_mark(text: str) -> str | None:
    """The language of `NOTE untranslated: sv` in a caption file, or None."""
    match = CAPTION_MARK.search(text)
    return match["language"] if match else None


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _markdown_copies(folder: Path, shown: str, what: str, locales: list[str], root: Path) -> list[Copy]:
    texts: dict[str, dict[str, str]] = {}
    for locale in locales:
        for path in sorted((folder / locale).rglob("*.md")):
            texts.setdefault(path.relative_to(folder / locale).as_posix(), {})[locale] = path.read_text(
                encoding="utf-8-sig"
            )
    found = []
    for name, by_language in texts.items():
        for index, locale in enumerate(locales):
            source = by_language.get(locale)
            if source is None:
                continue
            path = f"{shown}/{locale}/{name}"
            marked = marked_language(source)
            if marked:
                found.append(
                    Copy(path, untranslated_line(source), locale, f"{shown}/{marked}/{name}", True, what)
                )
                continue
            same = next((o for o in locales[:index] if body(by_language.get(o, "")) == body(source)), None)
            if same and body(source):
                found.append(Copy(path, 0, locale, f"{shown}/{same}/{name}", False, what))
    return found


def _glossary_copies(path: Path, locales: list[str], root: Path) -> list[Copy]:
    if not path.is_file():
        return []
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    try:
        entries = glossary.read(path.read_text(encoding="utf-8-sig"), locales, shown)
    except glossary.GlossaryError:
        return []  # the glossary component names the mistakes
    found = []
    for entry in entries:
        for index, locale in enumerate(locales):
            first = entry.terms[locale][0]
            line = entry.lines.get((locale, first.casefold()), entry.line)
            same = next(
                (o for o in locales[:index] if entry.explanations[o] == entry.explanations[locale]), None
            )
            if same:
                what = f"the explanation of '{first}' is still the {same} one"
                found.append(Copy(shown, line, locale, what, False, "glossary"))
            names = entry.source.names if entry.source else {}
            same = next((o for o in locales[:index] if names.get(o) and names[o] == names.get(locale)), None)
            if same:
                what = f"the law's name under source:, '{names[locale]}', is still the {same} one"
                found.append(Copy(shown, _source_line(entry, path, locale), locale, what, False, "glossary"))
    return found


def _source_line(entry: glossary.Entry, path: Path, locale: str) -> int:
    """The line of an entry's source: name in `locale`."""
    root = composed(path.read_text(encoding="utf-8-sig"))
    for node in root.value:
        if node.start_mark.line + 1 == entry.line and isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == "source" and isinstance(value, yaml.MappingNode):
                    for inner, _ in value.value:
                        if inner.value == locale:
                            return inner.start_mark.line + 1
    return entry.line


def _caption_copies(assets: Path, locales: list[str], root: Path) -> list[Copy]:
    found = []
    for path in sorted(assets.rglob("*.vtt")):
        language = path.name.rsplit(".", 2)[-2] if path.name.count(".") >= 2 else ""
        if language not in locales:
            continue
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        marked = caption_mark(text)
        if marked:
            line = text.count("\n", 0, CAPTION_MARK.search(text).start()) + 1
            source = path.with_name(path.name.replace(f".{language}.vtt", f".{marked}.vtt"))
            shown = source.relative_to(root).as_posix() if source.is_relative_to(root) else source.name
            found.append(Copy(_shown(path, root), line, language, shown, True, "captions"))
    return found


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _front_matter(source: str) -> dict[str, yaml.Node]:
    return front_matter_values(source.lstrip("\ufeff"))
