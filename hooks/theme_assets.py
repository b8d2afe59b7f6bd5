"""
The installed Material's script name and version, for overrides/main.html.

`material_bundle` is the path of Material's script (bundle.HASH.min.js),
read from the installed Material (src/forebygg/theme_assets.py), so that an
upgrade of Material needs no edit to load the new one. `material_version`
is the release, for the generator tag.

The build's environment also keeps its templates' compiled code for the next
language and the next rebuild (src/forebygg/compiled_templates.py).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from forebygg.compiled_templates import compile_once
from forebygg.theme_assets import bundle_path, material_templates, material_version


# Before the other hooks' on_env: hooks/languages.py loads a template there, which
# without the cache was compiled anew in every build.
@event_priority(100)
def on_env(env, config: MkDocsConfig, files):
    env.globals["material_bundle"] = bundle_path(material_templates())
    env.globals["material_version"] = material_version()
    return compile_once(env)
