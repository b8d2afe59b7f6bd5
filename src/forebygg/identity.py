"""
The authority's look from mkdocs.yml: `extra.organisation.colour` (the header's
colour, behind white text) and `extra.organisation.logo` (a file under docs/).

The colour reaches the pages through site.css, never a style attribute (the
Content-Security-Policy forbids those) nor a third style sheet (two may block
the first paint): site.css declares `--organisation-colour` with a default, and
after the build the component Identity writes the configured colour into the
built copy. A colour too light for white text (below 4.5:1), or a logo that is
not there, fails the build with its line.

An SVG logo is written into the page (`organisation_logo_svg`, in partials/logo.html)
instead of fetched: on Lighthouse's slow phone its request held back the largest
paint (CONTRIBUTING.md, "Performance"). Only one the page can carry as it is: the
CSP would block a <style> or script in it, and it is on the page twice (header and
menu), so no ids; any other logo stays an <img>.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.etree
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from forebygg.source_lines import config_line

DEFAULT_COLOUR = "#2b3a4a"
DEFAULT_LOGO = "assets/images/logo.svg"
HEX = re.compile(r"#[0-9a-fA-F]{6}")
# WCAG 2.1 1.4.3: normal text needs 4.5:1 against its background.
LEAST_CONTRAST = 4.5
# The one declaration in docs/assets/css/site.css that the build rewrites.
# As written in docs/, or as forebygg.style_sheets publishes it (a build into a site/ it
# does not copy anew: `mkdocs build --dirty`).
DECLARATION = re.compile(r"--organisation-colour:\s*#[0-9a-fA-F]{6}\b")
# What an SVG written into the page must not have (see above).
NOT_INLINE_TAGS = {"style", "script", "foreignObject", "image", "use", "a", "iframe"}
NOT_INLINE_ATTRIBUTE = re.compile(r"^(id|style|on.*|(\{.*\})?href)$", re.I)


class Identity:
    def on_config(self, config: MkDocsConfig):
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

    def on_env(self, env, config: MkDocsConfig, files):
        _, logo = _organisation(config)
        env.globals["organisation_logo_svg"] = inline_svg(Path(config.docs_dir) / logo)
        return env

    def on_post_build(self, config: MkDocsConfig):
        colour, _ = _organisation(config)
        css = Path(config.site_dir) / "assets" / "css" / "site.css"
        if css.exists():
            css.write_text(
                DECLARATION.sub(f"--organisation-colour: {colour}", css.read_text("utf-8"), 1), "utf-8"
            )


def _organisation(config: MkDocsConfig) -> tuple[str, str]:
    organisation = config.extra.get("organisation") or {}
    return str(organisation.get("colour", DEFAULT_COLOUR)), str(organisation.get("logo", DEFAULT_LOGO))


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


def inline_svg(path: Path) -> str | None:
    """The SVG at `path` as markup to write into a page, or None where it must stay a file."""
    if path.suffix.lower() != ".svg":
        return None
    try:
        root = lxml.etree.parse(str(path), lxml.etree.XMLParser(remove_comments=True, resolve_entities=False))
    except lxml.etree.XMLSyntaxError:
        return None
    for element in root.iter():
        if not isinstance(element.tag, str) or lxml.etree.QName(element).localname in NOT_INLINE_TAGS:
            return None
        if any(NOT_INLINE_ATTRIBUTE.match(name) for name in element.attrib):
            return None
    if lxml.etree.QName(root.getroot()).localname != "svg":
        return None
    return lxml.etree.tostring(root.getroot(), encoding="unicode").strip()


def contrast_with_white(colour: str) -> float:
    """WCAG 2 contrast ratio of white on `colour` ('#rrggbb')."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
