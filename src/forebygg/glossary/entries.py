"""
The glossary: one YAML file of concepts, each with its terms and a short explanation in
every language (docs/data/glossary.yml), read and checked here with the line of each mistake.

The component (forebygg.glossary) shows the list on the page with `<!-- md:glossary -->` and
lets the first use of each term on the other pages explain itself; this module only reads,
checks, sorts and finds terms, so it can be tested without a build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from forebygg.glossary.order import slug
from forebygg.source_lines import composed, yaml_error_line
from forebygg.yaml_mistakes import syntax_problems

SOURCE = "docs/data/glossary.yml"
LANGUAGE_KEYS = {"terms", "forms", "explanation"}


class GlossaryError(ValueError):
    """A mistake in the glossary file: each problem is `path:line: what is wrong – how to fix it`."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Source:
    url: str  # the law at riksdagen.se
    names: dict[str, str]  # the link's text per language
    section: str | None = None  # the same section where a page has an anchor for it (lagen.nu), if any


@dataclass(frozen=True)
class Entry:
    line: int
    terms: dict[str, list[str]]  # language → terms, the first is the concept's name
    forms: dict[str, list[str]]  # language → other forms that pages use (not listed)
    explanations: dict[str, str]
    source: Source | None
    lines: dict[tuple[str, str], int]  # (language, word in small letters) → its line in the file

    def anchor(self, language: str) -> str:
        return slug(self.terms[language][0])

    def words(self, language: str) -> list[str]:
        return self.terms[language] + self.forms[language]


# -----------------------------------------------------------------------------
# Reading and checking
# -----------------------------------------------------------------------------


def read(text: str, languages: list[str], path: str = SOURCE) -> list[Entry]:
    """The entries of the glossary `text`; GlossaryError lists every mistake with its line."""
    try:
        root = composed(text)
    except yaml.YAMLError as error:
        unseen = syntax_problems(text, error)
        if unseen:
            raise GlossaryError(
                [f"{path}:{line}: this is not valid YAML: {message}" for line, message in unseen]
            ) from None
        line = yaml_error_line(error)
        raise GlossaryError(
            [
                f"{path}:{line}: this is not valid YAML ({getattr(error, 'problem', error)}) "
                f"– compare it with the entries around it"
            ]
        ) from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise GlossaryError(
            [
                f"{path}:{_line(root)}: the glossary is a list of entries, each starting "
                f"with '- sv:' – see the first entry"
            ]
        )
    problems: list[str] = []
    entries = [entry for node in root.value if (entry := _entry(node, languages, path, problems))]
    problems += _duplicates(entries, languages, path)
    if problems:
        raise GlossaryError(problems)
    return entries


def _entry(node, languages: list[str], path: str, problems: list[str]) -> Entry | None:
    where = f"{path}:{_line(node)}"
    if not isinstance(node, yaml.MappingNode):
        problems.append(
            f"{where}: an entry must have {', '.join(f'{code}:' for code in languages)} "
            f"parts – write it like the other entries"
        )
        return None
    parts = {key.value: (key, value) for key, value in node.value}
    for name, (key, _) in parts.items():
        if name not in (*languages, "source"):
            problems.append(
                f"{path}:{_line(key)}: unknown part '{name}' – an entry has "
                f"{', '.join(f'{code}:' for code in languages)} and, for a law, source:"
            )
    named = _first_term(parts, languages)
    terms, forms, explanations, lines = {}, {}, {}, {}
    for language in languages:
        if language not in parts:
            problems.append(
                f"{where}: the term {named} has no '{language}' part – add {language}: "
                f"with terms: and explanation: in that language"
            )
            continue
        key, value = parts[language]
        if not isinstance(value, yaml.MappingNode):
            problems.append(f"{path}:{_line(key)}: '{language}:' needs terms: and explanation: under it")
            continue
        fields = {k.value: (k, v) for k, v in value.value}
        for name, (k, _) in fields.items():
            if name not in LANGUAGE_KEYS:
                problems.append(
                    f"{path}:{_line(k)}: unknown part '{name}' – write terms:, forms: or explanation:"
                )
        line = _line(key)
        terms[language] = _words(fields.get("terms"), path, line, "terms", problems, True, lines, language)
        forms[language] = _words(fields.get("forms"), path, line, "forms", problems, False, lines, language)
        explanations[language] = _explanation(
            fields.get("explanation"), path, _line(key), named, language, problems
        )
    source = _source(parts.get("source"), languages, path, problems)
    if len(terms) != len(languages) or not all(terms.values()):
        return None
    return Entry(_line(node), terms, forms, explanations, source, lines)


def _first_term(parts: dict, languages: list[str]) -> str:
    """The entry's name for messages: its first term in the first language it has."""
    for language in languages:
        value = parts.get(language, (None, None))[1]
        if isinstance(value, yaml.MappingNode):
            for key, inner in value.value:
                if key.value == "terms" and isinstance(inner, yaml.SequenceNode) and inner.value:
                    return f"'{inner.value[0].value}'"
    return "here"


def _words(
    field,
    path: str,
    parent_line: int,
    name: str,
    problems: list[str],
    required: bool,
    lines: dict,
    language: str,
) -> list[str]:
    if field is None:
        if required:
            problems.append(f"{path}:{parent_line}: no terms: – add the term, as in terms: [förverkande]")
        return []
    key, value = field
    items = value.value if isinstance(value, yaml.SequenceNode) else None
    if items is None or any(not isinstance(v, yaml.ScalarNode) for v in items):
        problems.append(f"{path}:{_line(key)}: {name}: is a list in square brackets, as in {name}: [ord]")
        return []
    words = [" ".join(v.value.split()) for v in value.value]
    for word, v in zip(words, value.value, strict=True):
        lines.setdefault((language, word.casefold()), _line(v))
    if required and not any(words):
        problems.append(f"{path}:{_line(key)}: terms: is empty – write the term in it")
    return [word for word in words if word]


def _explanation(field, path: str, parent_line: int, named: str, language: str, problems: list[str]) -> str:
    if field is None:
        problems.append(
            f"{path}:{parent_line}: the term {named} has no explanation in '{language}' "
            f"– add explanation: with one or two plain sentences"
        )
        return ""
    key, value = field
    text = " ".join(str(value.value).split()) if isinstance(value, yaml.ScalarNode) else ""
    if not text:
        problems.append(
            f"{path}:{_line(key)}: the explanation of {named} in '{language}' is empty "
            f"– write one or two plain sentences"
        )
    return text


def _source(field, languages: list[str], path: str, problems: list[str]) -> Source | None:
    if field is None:
        return None
    key, value = field
    fields = {k.value: v for k, v in value.value} if isinstance(value, yaml.MappingNode) else {}
    url = fields.get("url")
    url = url.value.strip() if isinstance(url, yaml.ScalarNode) else ""
    if not url.startswith("https://") or re.search(r"[\s\"'<>]", url):
        problems.append(
            f"{path}:{_line(key)}: source: needs url: with the law's address, starting with "
            f"https://, and its name in each language ({', '.join(f'{code}:' for code in languages)})"
        )
        return None
    section = fields.get("section")
    section = section.value.strip() if isinstance(section, yaml.ScalarNode) else None
    if section is not None and (not section.startswith("https://") or re.search(r"[\s\"'<>]", section)):
        problems.append(
            f"{path}:{_line(key)}: source: section: must be the section's address, starting with https://, "
            "as in section: https://lagen.nu/1970:994#K12P44"
        )
        section = None
    names = {}
    for language in languages:
        name = fields.get(language)
        names[language] = " ".join(name.value.split()) if isinstance(name, yaml.ScalarNode) else ""
    # The example is this source's own name in a language that has one.
    example = next((f"{language}: {name}" for language, name in names.items() if name), None)
    for language in (language for language, name in names.items() if not name):
        problems.append(
            f"{path}:{_line(key)}: source: has no name in '{language}' – add {language}: "
            f"with the law's name in {language}"
            + (f", as this source has {example}" if example else ", for example sv: 12 kap. 42 § jordabalken")
        )
    return Source(url, names, section)


def _duplicates(entries: list[Entry], languages: list[str], path: str) -> list[str]:
    """A word (term or form) may explain only one concept, and only once; each term's link name once."""
    problems = []
    for language in languages:
        seen: dict[str, int] = {}
        anchors: dict[str, int] = {}
        for entry in entries:
            for word in entry.words(language):
                folded = word.casefold()
                line = entry.lines.get((language, folded), entry.line)
                if folded in seen:
                    problems.append(
                        f"{path}:{line}: '{word}' ({language}) is listed twice, also on line "
                        f"{seen[folded]} – keep it in one entry, once"
                    )
                else:
                    seen[folded] = line
            anchor, first = entry.anchor(language), entry.terms[language][0]
            line = entry.lines.get((language, first.casefold()), entry.line)
            if anchor in anchors and anchors[anchor] != seen.get(first.casefold()):
                problems.append(
                    f"{path}:{line}: the term '{first}' gets the same link name #{anchor} as "
                    f"the term on line {anchors[anchor]} – name one of them differently"
                )
            anchors.setdefault(anchor, line)
    return problems


def _line(node) -> int:
    return node.start_mark.line + 1
