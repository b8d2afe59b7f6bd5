"""
The project's copies of Material's files match the installed Material.

overrides/ holds templates copied from one Material release, and the search
worker wrapper names that release's worker file. A Material upgrade (its pin
in requirements/build.in) can change the originals; these tests fail until
the copies have been compared with the new release and COPIED_FROM is raised.
"""

from __future__ import annotations

import re

import lxml.html
import pytest
from mkdocs.exceptions import PluginError

from forebygg.theme_assets import bundle_path, material_templates, material_version
from site_build import PROJECT

# The Material release that the files in COPIES were copied from or written against.
COPIED_FROM = "9.8.2"
COPIES = {
    "overrides/main.html": "the blocks site_meta, config and scripts of Material's base.html",
    "overrides/partials/search.html": "Material's partials/search.html",
    "overrides/partials/header.html": "Material's partials/header.html (menu button, search button, escaping)",
    "overrides/partials/alternate.html": "Material's partials/alternate.html (languages named in text, a disclosure)",
    "overrides/partials/nav.html": "Material's partials/nav.html (escaping)",
    "overrides/partials/nav-item.html": "Material's partials/nav-item.html (escaping)",
    "overrides/partials/content.html": "Material's partials/content.html (escaping)",
    "overrides/partials/footer.html": "Material's partials/footer.html (escaping)",
    "overrides/partials/copyright.html": "Material's partials/copyright.html (footer links, print line)",
    "overrides/partials/logo.html": "Material's partials/logo.html (an SVG logo written into the page)",
    "overrides/404.html": "Material's 404.html (the page in each language)",
    "overrides/partials/javascripts/base.html": "Material's partials/javascripts/base.html",
    "overrides/partials/javascripts/palette.html": "Material's partials/javascripts/palette.html (empty)",
    "docs/assets/javascripts/workers/search-stemmed.js": (
        "the name of Material's search worker, assets/javascripts/workers/search.*.min.js, "
        "and its use of lunr.Index.prototype.search"
    ),
}
WRAPPER = PROJECT / "docs/assets/javascripts/workers/search-stemmed.js"


def test_the_copies_of_materials_files_come_from_the_installed_release():
    installed = material_version()
    files = "\n".join(f"  {path}: {what}" for path, what in COPIES.items())
    assert installed == COPIED_FROM, (
        f"Material {installed} is installed, but these files were copied from Material {COPIED_FROM}. "
        f"Compare each with the installed Material's templates ({material_templates()}), "
        f"carry over its changes, then set COPIED_FROM in tests/test_material_version.py to "
        f"{installed!r}:\n{files}"
    )


def test_every_copy_is_there():
    missing = [path for path in COPIES if not (PROJECT / path).is_file()]
    assert not missing, f"COPIES in tests/test_material_version.py names files that are gone: {missing}"


def test_every_template_that_overrides_one_of_materials_is_listed():
    # A file in overrides/ with the name of one of Material's templates replaces it.
    templates = material_templates()
    overriding = sorted(
        path.relative_to(PROJECT).as_posix()
        for path in (PROJECT / "overrides").rglob("*.html")
        if (templates / path.relative_to(PROJECT / "overrides")).is_file()
    )
    unlisted = [path for path in overriding if path not in COPIES]
    assert not unlisted, f"add these copies of Material's templates to COPIES: {unlisted}"


def test_the_search_worker_wrapper_loads_the_installed_materials_worker():
    loaded = re.findall(r'importScripts\("([^"]+)"\)', WRAPPER.read_text(encoding="utf-8"))
    templates = material_templates()
    workers = sorted(p.name for p in (templates / "assets/javascripts/workers").glob("search.*.min.js"))
    named = re.findall(
        r"assets/javascripts/workers/(search\.[0-9a-f]+\.min\.js)", (templates / "base.html").read_text()
    )
    assert loaded == named == workers, (
        f"{WRAPPER.relative_to(PROJECT)} loads {loaded}, but the installed Material "
        f"{material_version()} ships the search worker {workers} (its base.html names {named}): "
        "put that name in importScripts(...)"
    )


def test_every_page_loads_the_installed_materials_script(site):
    """overrides/main.html takes the name from forebygg.theme_assets, not from a copy.

    The name expected is the one script bundle that the installed Material ships.
    """
    [bundle] = [
        path.relative_to(material_templates()).as_posix()
        for path in (material_templates() / "assets" / "javascripts").glob("bundle.*.min.js")
    ]
    assert (site.root / bundle).is_file(), f"{bundle} is not in the built site"
    for file in sorted(site.root.rglob("index.html")) + sorted(site.root.rglob("404.html")):
        path = file.relative_to(site.root).as_posix()
        document = lxml.html.parse(str(file)).getroot()
        sources = [script.get("data-src") for script in document.iter("script") if script.get("data-src")]
        assert len(sources) == 1 and sources[0].endswith(bundle), (
            f"{path} loads Material's script from {sources}"
        )


def test_a_material_that_loads_its_script_differently_stops_the_build(tmp_path):
    (tmp_path / "base.html").write_text('<script type="module" src="{{ \'assets/app.js\' | url }}"></script>')
    with pytest.raises(PluginError, match="overrides/main.html copies its scripts block"):
        bundle_path(tmp_path)
