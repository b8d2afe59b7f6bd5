"""
The live preview (`make serve`): an edit in any folder the build reads shows
up in the served site without restarting the server, and what an editor
removes is gone from it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from site_build import SPECIMEN, copy_specimen, project_with_fixture
from site_server import free_port

# It runs `mkdocs serve`, so `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.server

WAIT = 60  # seconds: a first build, or a rebuild that makes the form's PDF anew


def status(url: str) -> int:
    """The HTTP status of `url`: 200, or 404 for what the served site does not have."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def fetch_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, condition, what: str, log: Path) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        text = fetch_text(url)
        if text is not None and condition(text):
            return
        time.sleep(0.5)
    raise AssertionError(f"{what} within {WAIT} s; the server said:\n{log.read_text()}")


@contextmanager
def preview(project: Path, port: int, log: Path):
    """`mkdocs serve` of `project`, as `make serve` runs it, until the block ends."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            yield
        finally:
            server.terminate()
            server.wait(timeout=30)


def test_an_edited_form_shows_in_the_preview(tmp_path):
    project = copy_specimen(tmp_path / "project")
    form = project / "forms" / "sv" / "samtycke.md"
    old = "Jag kan när som helst ta tillbaka samtycket."
    new = "Jag kan alltid ångra mitt samtycke, muntligt eller skriftligt."
    assert old in form.read_text(encoding="utf-8")
    port, log = free_port(), tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}/forms/samtycke.html"

    with preview(project, port, log):
        wait_for(url, lambda html: old in html, "the fill-in page was not served", log)
        form.write_text(form.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        wait_for(url, lambda html: new in html and old not in html, "the edit did not show", log)


def test_a_missing_address_shows_the_page_not_found_of_its_language(tmp_path):
    """As the published site does (deploy/): /en/no-such-page/ in English, not the first language's."""
    project = copy_specimen(tmp_path / "project")
    port, log = free_port(), tmp_path / "serve.log"
    origin = f"http://127.0.0.1:{port}"

    def language(html: str) -> str:
        return re.search(r'<html[^>]*\blang="([^"]+)"', html)[1]

    with preview(project, port, log):
        wait_for(f"{origin}/", lambda html: "<h1" in html, "the start page was not served", log)
        start = fetch_text(f"{origin}/")
        # Each language's start page, from the language list.
        homes = sorted(set(re.findall(r'<a href="([^"]*)" hreflang="[^"]+"', start)))
        assert len(homes) >= 2, homes
        for home in homes:
            url = urllib.parse.urljoin(f"{origin}/", home)
            expected = language(fetch_text(url))
            try:
                urllib.request.urlopen(url + "no-such-page/", timeout=10)
                raise AssertionError(f"{url}no-such-page/ was found")
            except urllib.error.HTTPError as error:
                assert error.code == 404
                html = error.read().decode("utf-8")
            assert language(html) == expected, (home, expected, html[:300])


def test_a_tab_saved_into_mkdocs_yml_while_previewing_is_named_with_its_line(tmp_path):
    """MkDocs reads mkdocs.yml again for the rebuild, before any plugin: the plugin checks the file first."""
    project = copy_specimen(tmp_path / "project")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    entry = lines.index("nav:") + 1  # the menu's first entry, indented with spaces
    port, log = free_port(), tmp_path / "serve.log"

    with preview(project, port, log):
        wait_for(
            f"http://127.0.0.1:{port}/", lambda html: "<h1" in html, "the start page was not served", log
        )
        lines[entry] = "\t" + lines[entry].lstrip(" ")
        config.write_text("\n".join(lines), encoding="utf-8")
        expected = f"mkdocs.yml:{entry + 1}: the settings are not valid YAML: the line is indented with a tab"
        deadline = time.monotonic() + WAIT
        while expected not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)

    said = log.read_text()
    assert expected in said, said
    assert "found character" not in said and "Traceback" not in said, said


def test_a_removed_language_form_or_page_is_gone_after_the_rebuild(tmp_path):
    """One `mkdocs serve`, three removals, each followed by a rebuild that must publish nothing of it.

    The server runs in one process from start to end, as `make serve` does:
    whatever a build keeps from the build before must not bring the removed
    language's 404 page, sitemap or search index, a removed form's documents or
    a removed page back.
    """
    project = project_with_fixture("third-language", tmp_path)
    port, log = free_port(), tmp_path / "serve.log"
    site = f"http://127.0.0.1:{port}/"
    german = ["de/", "de/404.html", "de/sitemap.xml", "de/sitemap.xml.gz", "de/search/search_index.json"]
    form = [
        "forms/samtycke.html",
        "forms/samtycke.pdf",
        "en/forms/consent-form.docx",
        "en/forms/consent-form.odt",
    ]
    page = ["vad-gor-vi/", "en/vad-gor-vi/"]

    with preview(project, port, log):
        wait_for(site + "de/", lambda html: "<h1" in html, "the German start page was not served", log)
        assert [status(site + path) for path in german + form + page] == [200] * len(german + form + page)

        # German removed as it was added: its settings, pages, forms, captions and glossary terms.
        (project / "mkdocs.yml").write_text(
            (project / "mkdocs.base.yml").read_text(encoding="utf-8"), "utf-8"
        )
        shutil.copy(SPECIMEN / "docs" / "data" / "glossary.yml", project / "docs" / "data" / "glossary.yml")
        (project / "docs" / "assets" / "films" / "starta.de.vtt").unlink()
        shutil.rmtree(project / "forms" / "de")
        shutil.rmtree(project / "docs" / "de")
        wait_for(site, lambda html: "<h1" in html and "Deutsch" not in html, "German was still offered", log)
        assert {path: status(site + path) for path in german} == dict.fromkeys(german, 404), log.read_text()
        assert "/de/" not in fetch_text(site + "sitemap.xml")

        # A form removed: its files in every language, and the marker that showed it.
        for language in ("sv", "en"):
            (project / "forms" / language / "samtycke.md").unlink()
            shown = project / "docs" / language / "avtal-och-samtycke.md"
            shown.write_text(shown.read_text("utf-8").replace("<!-- md:form samtycke -->\n", ""), "utf-8")
        wait_for(
            site + "avtal-och-samtycke/",
            lambda html: "<h1" in html and "samtycke.pdf" not in html,
            "the form was still shown",
            log,
        )
        assert {path: status(site + path) for path in form} == dict.fromkeys(form, 404), log.read_text()

        # A page removed: its file in every language, its line in the menu, and the links to it.
        for language in ("sv", "en"):
            (project / "docs" / language / "vad-gor-vi.md").unlink()
            start = project / "docs" / language / "index.md"
            lines = start.read_text("utf-8").splitlines(keepends=True)
            start.write_text("".join(line for line in lines if "(vad-gor-vi.md)" not in line), "utf-8")
        config = project / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("  - vad-gor-vi.md\n", ""), "utf-8")
        wait_for(
            site, lambda html: "<h1" in html and "vad-gor-vi" not in html, "the page was still linked", log
        )
        assert {path: status(site + path) for path in page} == dict.fromkeys(page, 404), log.read_text()
        for index in ("sitemap.xml", "search/search_index.json", "en/search/search_index.json"):
            assert "vad-gor-vi" not in fetch_text(site + index), index
