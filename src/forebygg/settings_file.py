"""
mkdocs.yml as the editor wrote it, checked before MkDocs reads it.

MkDocs reads mkdocs.yml before it loads any hook, and stops at a YAML
mistake with PyYAML's own words ("found character '\\t' that cannot start any
token"); a setting's name with an invisible character in it stops MkDocs'
own check of the settings, also before any hook. So this check runs first:
`make serve` and `make build` run it (`python -m forebygg.settings_file`)
before MkDocs, hooks/settings_file.py runs it again before each rebuild of
`make serve` and at the start of every build. It names every mistake with
its line and the fix: a tab, typographic quotes (”…”) or an invisible
character (src/forebygg/yaml_mistakes.py).

Each file that mkdocs.yml INHERITs is checked too.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from forebygg.source_lines import composed, yaml_error_line
from forebygg.yaml_mistakes import node_problems, quoting_advice, syntax_problems

# How many files deep INHERIT is followed (MkDocs itself would loop for ever).
MOST_FILES = 10


def settings_problems(config_file: str | Path | None = None) -> list[str]:
    """`file:line: what is wrong – how to fix it` for each mistake in mkdocs.yml and the files it INHERITs."""
    problems: list[str] = []
    path = Path(config_file or "mkdocs.yml")
    for _ in range(MOST_FILES):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return problems  # MkDocs says that the file is missing or unreadable
        name = path.name
        try:
            root = composed(text)
        except yaml.YAMLError as error:
            return problems + _syntax_messages(name, text, error)
        problems += [f"{name}:{line}: {message}" for line, message in node_problems(root, text)]
        if not isinstance(root, yaml.MappingNode):
            return problems
        values = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}
        parent = values.get("INHERIT")
        if not isinstance(parent, yaml.ScalarNode):
            return problems
        path = path.parent / parent.value
    return problems


def _syntax_messages(name: str, text: str, error: yaml.YAMLError) -> list[str]:
    unseen = syntax_problems(text, error)
    if unseen:
        return [f"{name}:{line}: the settings are not valid YAML: {message}" for line, message in unseen]
    line = yaml_error_line(error)
    lines = text.split("\n")
    advice = quoting_advice(lines[line - 1] if 0 < line <= len(lines) else "")
    problem = getattr(error, "problem", None) or "a syntax error"
    return [f"{name}:{line}: the settings are not valid YAML ({problem}) – {advice}"]


# -----------------------------------------------------------------------------
# On the command line, before MkDocs
# -----------------------------------------------------------------------------


def main(arguments: list[str]) -> int:
    problems = settings_problems(arguments[0] if arguments else None)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
