"""
mkdocs.yml as the editor wrote it: no tab, no typographic quotes around a
text, no invisible character in a name or an address, and no page twice in
the menu (src/forebygg/settings_file.py).

MkDocs reads mkdocs.yml before it loads this hook, and stops at a YAML
mistake with PyYAML's words. So `make serve` and `make build` run the same
check before MkDocs starts, and during `make serve` the check runs before
each rebuild reads the file again (`on_serve`): an edit with a tab is then
named with its line, as at the start. At the start of every build the check
runs once more (`on_config`), for what MkDocs reads without complaint: text in
typographic quotes, and a page listed twice.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority

from forebygg.settings_file import settings_problems

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# Before every other hook: their checks of the settings assume a file that reads as meant.
@event_priority(100)
def on_config(config: MkDocsConfig):
    problems = settings_problems(config.config_file_path)
    if problems:
        raise PluginError("\n".join(problems))


def on_serve(server, config: MkDocsConfig, builder):
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
