"""
The authority's look, from `extra.organisation` in mkdocs.yml: is the header's
colour dark enough for its white text, and is the logo there?
"""

from __future__ import annotations

import re
from pathlib import Path

DEFAULT_COLOUR = "#2b3a4a"
DEFAULT_LOGO = "assets/images/logo.svg"
HEX = re.compile(r"#[0-9a-fA-F]{6}")
# WCAG 2.1 1.4.3: normal text needs 4.5:1 against its background.
LEAST_CONTRAST = 4.5


def colour_problems(colour: str) -> list[tuple[str, str]]:
    """(setting, what is wrong – how to fix it) for `extra.organisation.colour`."""
    if not HEX.fullmatch(colour):
        return [
            (
                "colour",
                f"extra.organisation.colour is '{colour}', not a colour – write it as # and six "
                f'hex digits, in quotes: colour: "{DEFAULT_COLOUR}"',
            )
        ]
    ratio = contrast_with_white(colour)
    if ratio < LEAST_CONTRAST:
        return [
            (
                "colour",
                f"extra.organisation.colour {colour} is too light for the white text on it "
                f"({ratio:.1f}:1, at least {LEAST_CONTRAST}:1 is needed) – choose a darker colour",
            )
        ]
    return []


def logo_problems(logo: str, docs: Path) -> list[tuple[str, str]]:
    """(setting, what is wrong – how to fix it) for `extra.organisation.logo`, a file under docs/."""
    if not (docs / logo).is_file():
        return [
            (
                "logo",
                f"extra.organisation.logo is '{logo}', but there is no such file in docs/ – "
                f"put the logo there, e.g. docs/{DEFAULT_LOGO}",
            )
        ]
    return []


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of white on `colour` ('#rrggbb')."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
