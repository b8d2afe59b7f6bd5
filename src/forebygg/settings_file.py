"""
mkdocs.yml as the editor wrote it, checked before MkDocs reads it.

MkDocs reads mkdocs.yml before it loads any plugin, and stops at a YAML
mistake with PyYAML's own words ("found character '\\t' that cannot start any
token"); a setting's name with an invisible character in it stops MkDocs'
own check of the settings, also before any plugin. So this check runs first:
`make serve` and `make build` run it (`python -m forebygg.settings_file`)
before MkDocs, and the component SettingsFile below runs it again before each
rebuild of `make serve` (`on_serve`: the rebuild reads the file anew) and at
the start of every build (`on_config`), for what MkDocs reads without
complaint. It names every mistake with its line and the fix:

- a tab, typographic quotes (”…”) or an invisible character
  (src/forebygg/yaml_mistakes.py);
- a page listed twice in the menu (nav:), which MkDocs publishes without a
  word: the page then has two places in the menu, and its "previous" and
  "next" links lead in circles.

Each file that mkdocs.yml INHERITs is checked too.
"""

from __future__ import annotations

import posixpath
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from mkdocs.exceptions import Abort, PluginError

from forebygg.build_cache import cache_folder
from forebygg.source_lines import composed, keep_yaml_in, yaml_error_line
from forebygg.typography import visible
from forebygg.yaml_mistakes import quoting_advice, syntax_problems
from forebygg.yaml_values import node_problems

# How many files deep INHERIT is followed (MkDocs itself would loop for ever).
MOST_FILES = 10


class SettingsFile:
    # First of all: the other components' checks of the settings assume a file that reads as meant.
    def on_config(self, config):
        keep_yaml_in(cache_folder(Path(config.config_file_path or "mkdocs.yml").resolve().parent, "yaml"))
        problems = settings_problems(config.config_file_path)
        if problems:
            raise PluginError("\n".join(problems))

    def on_serve(self, server, config, builder):
        """Check mkdocs.yml before each rebuild loads it: `mkdocs serve` prints an Abort's message as it is."""
        rebuild = server.builder
        config_file = config.config_file_path

        def checked_rebuild():
            problems = settings_problems(config_file)
            if problems:
                raise Abort("\n".join(problems))
            return rebuild()

        server.builder = checked_rebuild
        return server


def settings_problems(config_file: str | Path | None = None) -> list[str]:
    """`file:line: what is wrong – how to fix it` for each mistake in mkdocs.yml and the files it INHERITs."""
    problems: list[str] = []
    path, nav_checked = Path(config_file or "mkdocs.yml"), False
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
        if "nav" in values and not nav_checked:
            problems += [f"{name}:{line}: {message}" for line, message in twice_in_the_menu(values["nav"])]
            nav_checked = True
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
# The menu
# -----------------------------------------------------------------------------


def twice_in_the_menu(nav: yaml.Node) -> list[tuple[int, str]]:
    """(line, message) for each entry of `nav` whose page another entry lists too."""
    entries: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for line, written in _pages(nav):
        entries[posixpath.normpath(visible(written).strip()).lstrip("/")].append((line, written))
    problems = []
    for listed in entries.values():
        for line, written in listed if len(listed) > 1 else ():
            others = [str(other) for other, _ in listed if other != line]
            where = f"line {others[0]}" if len(others) == 1 else f"lines {', '.join(others)}"
            problems.append(
                (
                    line,
                    f"the menu (nav:) lists the page '{written}' more than once: here and on {where} – "
                    "a page has one place in the menu: delete the line where it does not belong",
                )
            )
    return sorted(problems)


def _pages(node: yaml.Node):
    """(line, file name) of each page in a nav: list, at any depth; addresses of other sites are no pages."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _pages(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _pages(value)
    elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str) and node.value.strip():
        parts = urlsplit(node.value.strip())
        if not parts.scheme and not parts.netloc:
            yield node.start_mark.line + 1, node.value


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
