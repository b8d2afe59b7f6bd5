"""
The site's MkDocs plugin, `forebygg` in mkdocs.yml: every component of
forebygg.components, each event's handlers in the priorities the manifest gives.

MkDocs makes a new instance of a plugin each time it loads mkdocs.yml – every
`mkdocs build`, and every rebuild of `mkdocs serve` – unless the plugin has
an `on_startup` or `on_shutdown` handler, so this plugin has neither: each
build starts with new components, and nothing one build kept can reach the
next. mkdocs-static-i18n builds the other languages inside the first build's
on_post_build, with the same configuration and the same plugin instance;
a component resets what it keeps per language in its own on_config.
"""

from __future__ import annotations

from mkdocs.plugins import EVENTS, BasePlugin, CombinedEvent

from forebygg.components import COMPONENTS, Component

# Handlers for these would make MkDocs keep one instance for a whole `mkdocs serve`.
ONCE_PER_PROCESS = ("startup", "shutdown")


class ForebyggPlugin(BasePlugin):
    def __init__(self) -> None:
        self.components = {row.name: row.load() for row in COMPONENTS if row.build}
        for event in EVENTS:
            handlers = [
                _handler(row, self.components[row.name], event)
                for row in COMPONENTS
                if row.build and hasattr(self.components[row.name], f"on_{event}")
            ]
            if handlers and event in ONCE_PER_PROCESS:
                raise TypeError(f"forebygg.{handlers[0].component_name}: no component may handle on_{event}")
            if handlers:
                setattr(self, f"on_{event}", CombinedEvent(*handlers))


def _handler(row: Component, component, event: str):
    """The component's handler of `event`, with the priority that the manifest gives it."""
    method = getattr(component, f"on_{event}")

    def handler(*args, **kwargs):
        return method(*args, **kwargs)

    handler.mkdocs_priority = row.priorities.get(event, 0)
    handler.component_name = row.name  # how a test fixture takes a component out (tests/fixture_hooks.py)
    handler.__qualname__ = f"{type(component).__qualname__}.on_{event}"
    return handler
