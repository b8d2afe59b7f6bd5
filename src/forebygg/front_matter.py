"""
A page's front matter, read from the file as the editor wrote it.

MkDocs treats front matter that is not valid YAML as ordinary text: the page
then shows "description: …" as a heading and loses its description, and
nothing is logged. So the file is parsed here again, and every page must have
a `description:` that is a text (it becomes the page's meta description), and
a `reviewed:` date, YYYY-MM-DD, in quotes or not (the page shows when its
facts were last checked).

Two settings are optional, and checked when they are there:
- `survey: false` leaves the survey invitation out of the page (a page for
  someone in a crisis); `true`, the default, shows it. Only true or false:
  "no" or "nej" would be read as something else than the editor meant.
- `readability:` the reading level the page is written to, one of
  READING_LEVELS. tests/test_readability.py measures every page that declares
  one (LIX, from the built page's text) and fails on a page that reads harder.

The component FrontMatter checks every page of every language when the build
starts, before any page is built, and names every problem at once: a mistake
in an English page does not wait for the Swedish pages to be built first. It
also finds a merge conflict left by git (<<<<<<< … >>>>>>>), which would be
published as text. Pages without a file of their own (the 404 page,
generated pages) have no front matter to check.
"""

from __future__ import annotations

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from forebygg.dates import is_date, is_real_date
from forebygg.reading_levels import READING_LEVELS
from forebygg.site_config import i18n_plugin
from forebygg.source_lines import (
    FRONT_MATTER_OPENS,
    composed,
    front_matter_end,
    merge_conflicts,
    source_text,
    yaml_error_line,
)
from forebygg.yaml_mistakes import quoting_advice, syntax_problems
from forebygg.yaml_values import node_problems

EXAMPLE = 'description: "One or two sentences about the page."'
REVIEWED_EXAMPLE = 'reviewed: "YYYY-MM-DD"'
BOOLEAN = "tag:yaml.org,2002:bool"


class FrontMatter:
    # Before i18n (-100) leaves in `files` only the pages of the language being built.
    def on_files(self, files: Files, config: MkDocsConfig):
        if i18n_plugin(config).building:  # the other languages' builds: checked already
            return files
        problems = []
        for file in files.documentation_pages():
            source = source_text(file)
            if source is None:
                continue
            where = f"docs/{file.src_uri}"
            problems += [f"{where}:{line}: {message}" for line, message in front_matter_problems(source)]
            problems += [f"{where}:{line}: {message}" for line, message in merge_conflicts(source, "page")]
        if problems:
            raise PluginError("\n".join(problems))
        return files


def front_matter_problems(source: str) -> list[tuple[int, str]]:
    """(line, message) for each problem with the front matter at the top of `source`."""
    lines = source.splitlines()
    if not lines or not FRONT_MATTER_OPENS.fullmatch(lines[0]):
        return [(1, f"the page has no front matter – start the file with the lines ---, {EXAMPLE}, ---")]
    end = front_matter_end(lines)
    if end is None:
        return [(1, "the front matter that starts here is never closed – add a line --- after its last line")]
    text = "\n".join(lines[1:end])
    try:
        node = composed(text)
    except yaml.YAMLError as error:
        unseen = syntax_problems(text, error, first_line=2)
        if unseen:
            return [(line, f"the front matter is not valid YAML: {message}") for line, message in unseen]
        line = yaml_error_line(error, first_line=2)
        advice = quoting_advice(lines[line - 1])
        return [(line, f"the front matter is not valid YAML ({_problem(error)}) – {advice}")]
    if node is None or not isinstance(node, yaml.MappingNode):
        return [(2, f"the front matter must be lines of 'key: value' – for example {EXAMPLE}")]
    unseen = node_problems(node, text, first_line=2)
    if unseen:
        return unseen
    values = {key.value: (key, value) for key, value in node.value}
    if "description" not in values:
        return [(1, f"the page has no description – add {EXAMPLE} to its front matter (lines 1–{end + 1})")]
    return (
        _description_problems(*values["description"])
        + _review_date_problems(values)
        + _survey_problems(values)
        + _reading_level_problems(values)
    )


def reading_level(source: str) -> str | None:
    """The page's `readability:` level, one of READING_LEVELS, or None where it declares none."""
    value = front_matter_values(source).get("readability")
    if isinstance(value, yaml.ScalarNode) and value.value in READING_LEVELS:
        return value.value
    return None


def front_matter_values(source: str) -> dict[str, yaml.Node]:
    """The front matter's values as YAML nodes, by key; empty where it has none that is right."""
    lines = source.splitlines()
    end = front_matter_end(lines)
    if end is None:
        return {}
    try:
        node = composed("\n".join(lines[1:end]))
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value}


def _description_problems(key: yaml.Node, value: yaml.Node) -> list[tuple[int, str]]:
    line = key.start_mark.line + 2
    if not isinstance(value, yaml.ScalarNode) or (value.tag != "tag:yaml.org,2002:str" and value.value):
        return [(line, f"the description is not a text – put it in quotes: {EXAMPLE}")]
    if not value.value.strip():
        return [(line, f"the description is empty – write one or two sentences about the page: {EXAMPLE}")]
    return []


def _review_date_problems(values: dict) -> list[tuple[int, str]]:
    if "reviewed" not in values:
        return [(1, f"the page has no review date – add {REVIEWED_EXAMPLE} to its front matter")]
    key, value = values["reviewed"]
    line = key.start_mark.line + 2
    written = value.value if isinstance(value, yaml.ScalarNode) else "a list"
    if not isinstance(value, yaml.ScalarNode) or not is_date(value.value):
        return [
            (line, f"the review date '{written}' is not written YYYY-MM-DD – write it as {REVIEWED_EXAMPLE}")
        ]
    if not is_real_date(value.value):
        return [
            (
                line,
                f"the review date '{written}' is not a date in the calendar – check it: {REVIEWED_EXAMPLE}",
            )
        ]
    return []


def _survey_problems(values: dict) -> list[tuple[int, str]]:
    if "survey" not in values:
        return []
    key, value = values["survey"]
    if (
        isinstance(value, yaml.ScalarNode)
        and value.tag == BOOLEAN
        and value.value.lower() in ("true", "false")
    ):
        return []
    written = value.value if isinstance(value, yaml.ScalarNode) else "a list"
    return [
        (
            key.start_mark.line + 2,
            f"survey is '{written}' – write survey: false to leave the survey invitation out of this page, "
            "or survey: true to show it (without quotes)",
        )
    ]


def _reading_level_problems(values: dict) -> list[tuple[int, str]]:
    if "readability" not in values:
        return []
    key, value = values["readability"]
    if isinstance(value, yaml.ScalarNode) and value.value in READING_LEVELS:
        return []
    written = value.value if isinstance(value, yaml.ScalarNode) else "a list"
    levels = "; ".join(f"readability: {name} ({meaning})" for name, meaning in READING_LEVELS.items())
    return [
        (
            key.start_mark.line + 2,
            f"readability is '{written}', which is no reading level – write {levels}, or leave the line out",
        )
    ]


def _problem(error: yaml.YAMLError) -> str:
    return getattr(error, "problem", None) or "a syntax error"
