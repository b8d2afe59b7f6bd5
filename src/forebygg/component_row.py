"""
What a row of the manifest, src/forebygg/components.py, holds: a component
and its marker, and the priorities its events may run at.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

# Event priorities. MkDocs runs an event's handlers from the highest priority to the
# lowest, every plugin's together; those of equal priority in the order of the plugins in
# mkdocs.yml (forebygg after i18n and mkdocs-video), and the components' in this file's order.
FIRST = 100  # the editor's own text and settings, before any plugin changes them
EARLY = 90  # after the first checks, before Markdown is read
AFTER_I18N = -110  # mkdocs-static-i18n (-100) has set the language of the build and kept its files
FILM = -50  # after mkdocs-video, which made each film a <video> or <iframe>
SELF_CHECK = -55  # after the film player
PAGE_CHECKS = -60  # after every component's own markup: the course counts it, page_html checks it
REPEATED = -65  # a picture that repeats the page's words: not checked or counted twice
TABLES = -70  # after every component that makes a table
LAST = -100  # after everything else has changed the page


@dataclass(frozen=True)
class Marker:
    """`<!-- md:NAME ARGUMENT -->` in a page: what the argument must look like."""

    name: str
    argument: str  # a regular expression for the argument; "" for a marker that takes none
    means: str  # what the argument names, for messages
    example: str


@dataclass(frozen=True)
class Component:
    name: str  # its module or package in src/forebygg/
    build: str = ""  # the class of its MkDocs events in that module; "" for templates, scripts and style only
    # Its events' priorities, by event (config, page_content …); an event not named here has 0.
    priorities: dict[str, int] = field(default_factory=dict)
    marker: Marker | None = None
    # The class of the element that holds the markup it puts in a page's content before the HTML
    # check (page_html) reads it: the check leaves the component's own markup alone.
    wrapper: str = ""
    partials: tuple[str, ...] = ()  # its templates, in overrides/
    scripts: tuple[str, ...] = ()  # its scripts, in docs/
    css: str = ""  # the selector that starts its section of docs/assets/css/site.css
    texts: str = ""  # its texts' group under extra.text in mkdocs.yml
    text_keys: tuple[str, ...] = ()  # the texts of that group it uses
    storage: tuple[str, ...] = ()  # the browser's localStorage keys it writes, named on the privacy page

    def load(self):
        """An instance of the component's class, with its own state."""
        return getattr(importlib.import_module(f"forebygg.{self.name}"), self.build)()
