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
from collections.abc import Iterator

import yaml

from forebygg.launch import BRACKETED

TEXT, ANY_VALUE, WHOLE_NUMBER, TRUE_OR_FALSE = "text", "any value", "whole number", "true or false"
KINDS = {"survey.version": ANY_VALUE, "survey.hide_days": WHOLE_NUMBER, "survey.enabled": TRUE_OR_FALSE}
# A language may lack one of these: hooks/survey_banner.py warns and shows no invitation.
MAY_BE_EMPTY = re.compile(r"^survey\.url\.[^.]+$")

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
        if isinstance(value, yaml.MappingNode):
            yield from _problems(value, path)
        elif isinstance(value, yaml.ScalarNode) and not value.tag.startswith("!"):
            yield from ((line, problem) for problem in _scalar_problems(path, value))


def _scalar_problems(path: list[str], node: yaml.ScalarNode) -> Iterator[str]:
    dotted, key, text = ".".join(path), path[-1], node.value
    kind = KINDS.get(dotted, TEXT)
    read_as = node.tag.removeprefix(TAG)
    if kind == TEXT and read_as == "null":
        if not MAY_BE_EMPTY.match(dotted):
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
