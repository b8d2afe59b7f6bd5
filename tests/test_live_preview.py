"""
The live preview (`make serve`): an edit in any folder the build reads shows
up in the served site without restarting the server.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from site_build import copy_specimen
from site_server import free_port

# It runs `mkdocs serve`, so `make test-fast` leaves it to `make test`.
pytestmark = pytest.mark.server

WAIT = 60  # seconds: a first build, or a rebuild that makes the form's PDF anew


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


def test_a_tab_saved_into_mkdocs_yml_while_previewing_is_named_with_its_line(tmp_path):
    """MkDocs reads mkdocs.yml again for the rebuild, before any hook: the hook checks the file first."""
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
