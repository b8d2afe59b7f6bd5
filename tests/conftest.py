"""
The test harness shared by every test.

- `site`: the project built once with `mkdocs build --strict`, with `site_url`
  set to the test server's own address, as the real host would have it. The
  quality gates check each of its pages, whatever an editor has written, and
  what a test expects of it comes from the content itself.
- `server`: that build served by nginx through deploy/site.conf, the same
  headers, error pages and HTTP Range support as on the real host.
- `specimen`, `specimen_server`: the same for tests/specimen/, the site of the
  tests' own (tests/site_build.py): what a component does with known content.
- `browser`, `page` and `specimen_page`: Debian's Chromium driven by Playwright.

A test that uses `browser` or `page` is marked `browser`, one that uses
`server` is marked `server`, by the fixtures it needs (directly or through
another fixture): `make test-fast` runs the rest, but for tests/test_editor_edits.py (marked suite).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest

import site_build
import switch_off
from site_browser import CHROMIUM_PATH, launched
from site_build import PROJECT, build, copy_specimen, project_with_fixture
from site_server import free_port, served

# tests/switch_off.py: this process's builds leave out the component it names.
if os.environ.get("FOREBYGG_WITHOUT"):
    switch_off.leave_out(os.environ["FOREBYGG_WITHOUT"])

# What a test needs, by the fixtures it uses: the marker is its name in pytest.ini.
# test_languages.py's third_language and norwegian serve their build with nginx.
NEEDS = {
    "browser": "browser",
    "page": "browser",
    "specimen_page": "browser",
    "server": "server",
    "specimen_server": "server",
    "third_language": "server",
    "norwegian": "server",
    "arabic_server": "server",
}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        needs = sorted({NEEDS[name] for name in item.fixturenames if name in NEEDS})
        for marker in needs:
            item.add_marker(marker)
        # `make test-fast` (--dist loadgroup) builds the specimen once, in one process.
        if "specimen" in item.fixturenames and not needs and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group("specimen"))


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


@dataclass
class BuiltSite:
    root: Path
    origin: str
    log: str

    def pages(self) -> list[str]:
        """Every page's path, e.g. '/' and '/en/vad-gor-vi/'."""
        return site_build.pages(self.root)

    def fill_in_pages(self) -> list[str]:
        """The on-screen forms, e.g. '/forms/samtycke.html'."""
        return site_build.fill_in_pages(self.root)

    def missing_pages(self) -> list[str]:
        """An address that is no page, in each language: its 404 page, e.g. '/en/finns-inte/'."""
        return site_build.missing_pages(self.root)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    origin = f"http://127.0.0.1:{free_port()}"
    root = tmp_path_factory.mktemp("site")
    result = build(PROJECT, root, site_url=origin + "/")
    assert result.returncode == 0, f"the strict build failed:\n{result.output}"
    return BuiltSite(root=root, origin=origin, log=result.output)


@pytest.fixture(scope="session")
def specimen(tmp_path_factory) -> BuiltSite:
    """tests/specimen/ built with the project's machinery. Mark a fast test that uses it
    `@pytest.mark.xdist_group("specimen")`, so that `make test-fast` builds it once."""
    origin = f"http://127.0.0.1:{free_port()}"
    workdir = tmp_path_factory.mktemp("specimen")
    result = build(copy_specimen(workdir / "project"), workdir / "site", site_url=origin + "/")
    assert result.returncode == 0, f"the strict build of tests/specimen/ failed:\n{result.output}"
    return BuiltSite(root=workdir / "site", origin=origin, log=result.output)


@pytest.fixture(scope="session")
def unusual_but_right(tmp_path_factory) -> Path:
    """The built site of tests/fixtures/unusual-but-right/: what an editor may write that is unusual but right.

    Quotes, `<` and `&` in the site's name, the organisation's name, the
    survey question, a page's title and description, films' titles and a
    form's title and label; a hosted and an unlisted Vimeo film, a decorative
    image, links to the other language's pages; and real films in place of
    the samples (a film without the sample's comment). One build that must
    pass, each test checking its own part: mark a test that uses it
    `@pytest.mark.xdist_group("unusual-but-right")`, so that `make test-fast`
    builds it once.
    """
    from mutagen.mp4 import MP4

    workdir = tmp_path_factory.mktemp("unusual-but-right")
    project = project_with_fixture("unusual-but-right", workdir)
    for name in ("starta.mp4", "starta.en.mp4"):
        MP4(str(project / "docs" / "assets" / "films" / name)).delete()
    result = build(project, workdir / "site")
    assert result.returncode == 0, f"the build of tests/fixtures/unusual-but-right failed:\n{result.output}"
    return workdir / "site"


@pytest.fixture(scope="session")
def server(site: BuiltSite):
    with served(site.root, int(site.origin.rsplit(":", 1)[1])):
        yield site


@pytest.fixture(scope="session")
def specimen_server(specimen: BuiltSite):
    with served(specimen.root, int(specimen.origin.rsplit(":", 1)[1])):
        yield specimen


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM_PATH).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM_PATH} – run `make test` (it installs Debian's chromium) "
            "or set CHROMIUM_PATH"
        )
    with launched() as browser:
        yield browser


@pytest.fixture
def page(browser, server):
    """A desktop browser tab on the test server of the project's site."""
    context = browser.new_context(base_url=server.origin, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def specimen_page(browser, specimen_server):
    """A desktop browser tab on the test server of the specimen site."""
    context = browser.new_context(base_url=specimen_server.origin, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()
