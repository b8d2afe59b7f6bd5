"""
What a fixture's own hooks/NAME.py may need (tests/site_build.py lists it under
`hooks:`; the tests build in their own process, so a hook can import this).
"""

from __future__ import annotations

from mkdocs.plugins import event_priority


def without(component: str):
    """An on_config hook that takes `component`'s handlers out of the forebygg plugin's build.

    It runs before every plugin's on_config, so none of the component's handlers runs.
    """

    @event_priority(200)
    def on_config(config):
        events = config.plugins.events
        for name in events:
            events[name][:] = [
                handler for handler in events[name] if getattr(handler, "component_name", None) != component
            ]

    return on_config
