"""
The authority's look from mkdocs.yml: `extra.organisation.colour` (the header's
colour, behind white text) and `extra.organisation.logo` (a file under docs/).

The colour reaches the pages through site.css, never a style attribute (the
Content-Security-Policy forbids those) nor a third style sheet (two may block
the first paint): site.css declares `--organisation-colour` with a default, and
after the build this hook writes the configured colour into the built copy.
A colour too light for white text (below 4.5:1) fails the build with its line
(src/forebygg/identity.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from forebygg.identity import DEFAULT_COLOUR, DEFAULT_LOGO, colour_problems, logo_problems
from forebygg.source_lines import config_line

# The one declaration in docs/assets/css/site.css that this hook rewrites.
DECLARATION = re.compile(r"--organisation-colour: #[0-9a-fA-F]{6};")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig):
    colour, logo = _organisation(config)
    problems = colour_problems(colour) + logo_problems(logo, Path(config.docs_dir))
    if problems:
        raise PluginError(
            "\n".join(
                f"mkdocs.yml:{config_line(config.config_file_path, ['extra', 'organisation', setting])}: {text}"
                for setting, text in problems
            )
        )
    config.theme["logo"] = logo
    return config


def on_post_build(config: MkDocsConfig):
    colour, _ = _organisation(config)
    css = Path(config.site_dir) / "assets" / "css" / "site.css"
    if css.exists():
        css.write_text(
            DECLARATION.sub(f"--organisation-colour: {colour};", css.read_text("utf-8"), 1), "utf-8"
        )


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _organisation(config: MkDocsConfig) -> tuple[str, str]:
    organisation = config.extra.get("organisation") or {}
    return str(organisation.get("colour", DEFAULT_COLOUR)), str(organisation.get("logo", DEFAULT_LOGO))
