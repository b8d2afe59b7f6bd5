"""
The installed Material's script name and version, for overrides/main.html.

Material's script has a content hash in its name (assets/javascripts/
bundle.HASH.min.js) that changes with every release. overrides/main.html
loads it in its own way, so it cannot use Material's <script> tag; it takes
the name, `material_bundle`, from here, read from the installed Material, and
it is never typed by hand. `material_version` is the release, for the
generator tag.

The build's environment also keeps its templates' compiled code for the next
language, the next rebuild and the next build (forebygg.compiled_templates).
"""

from __future__ import annotations

import re
from importlib import metadata, resources
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from forebygg.compiled_templates import compile_once
from forebygg.site_config import project_root

# How Material's base.html loads its script: {{ 'assets/javascripts/bundle.HASH.min.js' | url }}
BUNDLE = re.compile(r"""['"](assets/javascripts/bundle\.[0-9a-f]+\.min\.js)['"]""")


class ThemeAssets:
    # Before the other components' on_env: languages loads a template there, which without
    # the cache was compiled anew in every build.
    def on_env(self, env, config: MkDocsConfig, files):
        env.globals["material_bundle"] = bundle_path(material_templates())
        env.globals["material_version"] = material_version()
        return compile_once(env, project_root(config))


def material_templates() -> Path:
    """The installed Material's templates folder (its theme's files)."""
    return Path(str(resources.files("material") / "templates"))


def material_version() -> str:
    return metadata.version("mkdocs-material")


def bundle_path(templates: Path) -> str:
    """The path of Material's script in the built site, e.g. 'assets/javascripts/bundle.a5f9d56c.min.js',
    as Material's own base.html in `templates` names it; the file must be there too."""
    base = templates / "base.html"
    names = sorted(set(BUNDLE.findall(base.read_text(encoding="utf-8")))) if base.is_file() else []
    if len(names) != 1:
        raise PluginError(
            f"{base}: expected Material's base.html to name one script assets/javascripts/bundle.*.min.js, "
            f"found {names or 'none'} – has Material changed how it loads its script? "
            "overrides/main.html copies its scripts block."
        )
    if not (templates / names[0]).is_file():
        raise PluginError(f"{base} names {names[0]}, which Material does not ship in {templates}")
    return names[0]
