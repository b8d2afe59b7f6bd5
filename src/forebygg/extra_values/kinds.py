"""
The settings under `extra:` in mkdocs.yml, checked as the editor typed them.

YAML reads some unquoted values as something other than text: `0812345` as
a number (without its leading 0), `no`, `yes`, `on` and `off` as true or
false, `2026-11-25` as a date, an empty value as nothing. So each value is
checked in the YAML node, before it is read, against the kind of value its
setting takes: text unless listed in KINDS. Addresses are checked too, as
they are written into the pages' HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import yaml

from forebygg.launch import BRACKETED
from forebygg.site_config import each_setting

TEXT, ANY_VALUE, WHOLE_NUMBER, TRUE_OR_FALSE = "text", "any value", "whole number", "true or false"
PAGE_LIST = "a list of pages"
KINDS = {
    "survey.version": ANY_VALUE,
    "survey.hide_days": WHOLE_NUMBER,
    "survey.enabled": TRUE_OR_FALSE,
    "course.parts": PAGE_LIST,
}
# Settings given per language where a language may lack its value (or leave it empty):
# forebygg.survey_banner warns and shows that language no invitation.
MAY_LACK_A_LANGUAGE = {"survey.url"}

TAG = "tag:yaml.org,2002:"
READ_AS = {
    "int": "a number",
    "float": "a number",
    "bool": "true or false",
    "timestamp": "a date",
    "null": "empty",
}
EMAIL = re.compile(r"^[^@\s\"'<>()\[\],;:]+@[^@\s\"'<>()\[\],;:]+\.[A-Za-z]{2,}$")
URL = re.compile(r"^https?://[^\s\"'<>]+$")


def setting_problems(documents: list[tuple[str, yaml.MappingNode]]) -> list[str]:
    """`file:line: what is wrong – how to fix it` for each setting under extra: in each file."""
    problems = []
    for file_name, root in documents:
        extra = next((v for k, v in root.value if k.value == "extra"), None)
        if isinstance(extra, yaml.MappingNode):
            problems += [f"{file_name}:{line}: {problem}" for line, problem in _problems(extra, [])]
    return problems


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _problems(mapping: yaml.MappingNode, keys: list[str]) -> Iterator[tuple[int, str]]:
    for key, value in mapping.value:
        line = key.start_mark.line + 1
        name = "extra." + ".".join(keys) if keys else "extra:"
        if key.tag != TAG + "str":
            kind = READ_AS.get(key.tag.removeprefix(TAG), "not a name")
            how = f'put it in quotes: "{key.value}":'
            yield line, f"the name {key.value} under {name} is read as {kind} – {how}"
            continue
        path = [*keys, key.value]
        if KINDS.get(".".join(path)) == PAGE_LIST:
            yield from _page_list_problems(".".join(path), value, line)
        elif isinstance(value, yaml.MappingNode):
            yield from _problems(value, path)
        elif isinstance(value, yaml.ScalarNode) and not value.tag.startswith("!"):
            yield from ((line, problem) for problem in _scalar_problems(path, value))


def _page_list_problems(dotted: str, node, line: int) -> Iterator[tuple[int, str]]:
    """A list of pages' file names, one per line: `- lokal-samverkan-starta.md`."""
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        how = "write each page's file name on a line of its own: - NAME.md"
        yield line, f"extra.{dotted} is not a list of pages – {how}"
        return
    for item in node.value:
        if not isinstance(item, yaml.ScalarNode) or item.tag != TAG + "str" or not item.value.endswith(".md"):
            what = f"extra.{dotted} lists something that is not a page's file name"
            yield item.start_mark.line + 1, f"{what} – write it as - NAME.md"


def _scalar_problems(path: list[str], node: yaml.ScalarNode) -> Iterator[str]:
    dotted, key, text = ".".join(path), path[-1], node.value
    kind = KINDS.get(dotted, TEXT)
    read_as = node.tag.removeprefix(TAG)
    if kind == TEXT and read_as == "null":
        if ".".join(path[:-1]) not in MAY_LACK_A_LANGUAGE:
            yield f'extra.{dotted} is empty – write its text after the colon, in quotes: {key}: "…"'
    elif kind == TEXT and read_as != "str":
        read = READ_AS.get(read_as, "not text")
        how = f'put it in quotes: {key}: "{text}"'
        yield f"extra.{dotted} is {text}, which YAML reads as {read}, not as text – {how}"
    elif kind == TEXT:
        yield from _address_problems(dotted, key, text)
    elif kind == ANY_VALUE and read_as == "null":
        yield f"extra.{dotted} is empty – give it a value, such as {key}: 1"
    elif kind == WHOLE_NUMBER and read_as != "int":
        yield f"extra.{dotted} is '{text}', not a whole number – write one without quotes, such as {key}: 90"
    elif kind == TRUE_OR_FALSE and read_as != "bool":
        yield f"extra.{dotted} is '{text}', not true or false – write {key}: true or {key}: false"


def _address_problems(dotted: str, key: str, text: str) -> Iterator[str]:
    """E-mail and web addresses, unless still a [placeholder]: `make build` refuses those."""
    if BRACKETED.match(text):
        return
    # The setting's own name, or the one above its language codes.
    parts = dotted.split(".")[-2:]
    if "email" in parts and not EMAIL.match(text):
        yield f"extra.{dotted} is '{text}', which is not an e-mail address – write it as name@myndigheten.se"
    is_url = any(part == "url" or part.endswith("_url") for part in parts)
    if (is_url or re.match(r"(?i)https?:|www\.", text)) and not URL.match(text):
        yield (
            f"extra.{dotted} is '{text}', which is not a web address – write it whole, starting with "
            "https://, with no spaces or quotes"
        )


PLACEHOLDER = re.compile(r"\{(\w+)\}")


def placeholders_that_differ(text: Mapping, locales: list[str], place) -> list[str]:
    """A text of the page frame (extra.text) names the same {placeholders} in every language.

    The build fills in the ones it knows, {year} or {page}; one that a
    translation misspells or keeps from an older wording would be shown as
    written, or stop the build without a word on where. `place(keys)` is the
    'file:line' of a setting.
    """
    problems = []
    for keys, value in each_setting(text, ("text",)):
        if not isinstance(value, Mapping):
            continue
        given = {code: value[code] for code in locales if isinstance(value.get(code), str)}
        if len(given) < 2:
            continue
        named = {code: set(PLACEHOLDER.findall(text)) for code, text in given.items()}
        first, *others = locales
        for code in others:
            if code in named and first in named and named[code] != named[first]:
                extra, missing = named[code] - named[first], named[first] - named[code]
                differs = [f"names {_braces(extra)}, which the {first} text does not"] if extra else []
                differs += [f"lacks {_braces(missing)}"] if missing else []
                problems.append(
                    f"{place([*keys, code])}: extra.{'.'.join(keys)}.{code} {', and '.join(differs)} – write the "
                    f"same {{…}} as in {first}: {_braces(named[first])}; the build fills them in"
                )
    return problems


def _braces(names: set[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))
