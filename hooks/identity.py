"""
The authority's look from mkdocs.yml: `extra.organisation.colour` (the header's
colour, behind white text) and `extra.organisation.logo` (a file under docs/).

The colour reaches the pages through site.css, never a style attribute (the
Content-Security-Policy forbids those) nor a third style sheet (two may block
the first paint): site.css declares `--organisation-colour` with a default, and
after the build this hook writes the configured colour into the built copy.
A colour too light for white text (below 4.5:1) fails the build with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from forebygg.source_lines import config_line

DEFAULT_COLOUR = "#2b3a4a"
DEFAULT_LOGO = "assets/images/logo.svg"
HEX = re.compile(r"#[0-9a-fA-F]{6}")
# The one declaration in docs/assets/css/site.css that this hook rewrites.
DECLARATION = re.compile(r"--organisation-colour: #[0-9a-fA-F]{6};")

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


def on_config(config: MkDocsConfig):
    organisation = config.extra.get("organisation") or {}
    colour = str(organisation.get("colour", DEFAULT_COLOUR))
    logo = str(organisation.get("logo", DEFAULT_LOGO))
    problems = colour_problems(colour) + logo_problems(logo, Path(config.docs_dir))
    if problems:
        line = config_line(config.config_file_path, ["extra", "organisation", problems[0][0]])
        raise PluginError("\n".join(f"mkdocs.yml:{line}: {text}" for _, text in problems))
    config.theme["logo"] = logo
    return config


def on_post_build(config: MkDocsConfig):
    colour = str((config.extra.get("organisation") or {}).get("colour", DEFAULT_COLOUR))
    css = Path(config.site_dir) / "assets" / "css" / "site.css"
    if css.exists():
        css.write_text(DECLARATION.sub(f"--organisation-colour: {colour};", css.read_text("utf-8"), 1), "utf-8")


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def colour_problems(colour: str) -> list[tuple[str, str]]:
    if not HEX.fullmatch(colour):
        return [("colour", f"extra.organisation.colour is '{colour}', not a colour – write it as # and six "
                           f'hex digits, in quotes: colour: "{DEFAULT_COLOUR}"')]
    ratio = contrast_with_white(colour)
    if ratio < 4.5:
        return [("colour", f"extra.organisation.colour {colour} is too light for the white text on it "
                           f"({ratio:.1f}:1, at least 4.5:1 is needed) – choose a darker colour")]
    return []


def logo_problems(logo: str, docs: Path) -> list[tuple[str, str]]:
    if not (docs / logo).is_file():
        return [("logo", f"extra.organisation.logo is '{logo}', but there is no such file in docs/ – "
                         f"put the logo there, e.g. docs/{DEFAULT_LOGO}")]
    return []


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of white on `colour` ('#rrggbb')."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
