"""
Checks across templates: every form in every language, with the same blanks,
and one download name per form.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, UnknownLocaleError

from ..source_lines import shown_path
from .model import FormError, FormTemplate
from .reading import parse_template


def check_languages(root: Path, languages: list[str], kept_in: Path | None = None) -> list[str]:
    """Problems across templates, one message each; empty when all is well.

    A template must exist in every language, with as many blanks of the same
    types in the same order, a leaflet in every language or in none; two templates of one language must not share a
    download name. A template that cannot be read gives its FormError message.
    The first language is the one the others are compared with. A template read before is
    taken from `kept_in` (forebygg.form_documents.reading.parse_template), if it is given.
    """
    problems: list[str] = []
    templates: dict[tuple[str, str], FormTemplate] = {}
    ids: set[str] = set()
    for language in languages:
        for path in sorted((root / "forms" / language).glob("*.md")):
            ids.add(path.stem)
            try:
                templates[language, path.stem] = parse_template(path, root, kept_in)
            except FormError as error:
                problems.append(str(error))

    for id_ in sorted(ids):
        present = [lang for lang in languages if (root / "forms" / lang / f"{id_}.md").exists()]
        for language in languages:
            if language not in present:
                have = present[0]
                problems.append(
                    f"forms/{have}/{id_}.md:1: no {_language_name(language)} version "
                    f"forms/{language}/{id_}.md – add it, with the same blanks, or remove "
                    f"the {_language_name(have)} one"
                )
        readable = [templates[lang, id_] for lang in present if (lang, id_) in templates]
        for other in readable[1:]:
            problems += _different_fields(readable[0], other, root)
            if other.leaflet != readable[0].leaflet:
                leaflet, form = (other, readable[0]) if other.leaflet else (readable[0], other)
                problems.append(
                    f"{shown_path(form.source, root)}:1: {shown_path(leaflet.source, root)} is a leaflet "
                    "(leaflet: true) and this one is not – write the same 'leaflet:' in every language"
                )

    # Two templates with one download name would overwrite each other's files.
    for language in languages:
        owners: dict[str, FormTemplate] = {}
        for (lang, _), template in sorted(templates.items()):
            if lang == language and template.file in owners:
                problems.append(
                    f"{shown_path(template.source, root)}:1: the download name "
                    f"'file: {template.file}' is also used by "
                    f"{shown_path(owners[template.file].source, root)} – give each template its own"
                )
            elif lang == language:
                owners[template.file] = template
    return problems


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _language_name(code: str) -> str:
    """The language's name in English, in messages to editors: 'Swedish' for sv."""
    try:
        return Locale.parse(code).get_display_name("en") or f"'{code}'"
    except (UnknownLocaleError, ValueError):
        return f"'{code}'"


def _different_fields(first: FormTemplate, other: FormTemplate, root: Path) -> list[str]:
    """How `other`'s blanks differ from those of `first`, its version in another language."""
    here, there = shown_path(other.source, root), shown_path(first.source, root)
    how = "give every language the same blanks in the same order"
    if len(other.fields) != len(first.fields):
        line = other.fields[-1].line if other.fields else 1
        return [
            f"{here}:{line}: {_blanks(len(other.fields))}, but {there} has "
            f"{_blanks(len(first.fields))} – {how}"
        ]
    return [
        f"{here}:{b.line}: blank {n} '{b.label}' is {{{b.type}}}, but in {there}:{a.line} "
        f"'{a.label}' is {{{a.type}}} – {how}"
        # Equal lengths: checked above.
        for n, (a, b) in enumerate(zip(first.fields, other.fields, strict=True), 1)
        if a.type != b.type
    ]


def _blanks(count: int) -> str:
    return f"{count} blank" if count == 1 else f"{count} blanks"
