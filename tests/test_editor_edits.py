"""
The site is a generator that editors change every month: after every edit the
editor's handbook (EDITING.md) describes, the project's own tests and its
gates still pass.

A copy of the project gets every edit of tests/editor_edits.py at once: a
review date changed, a paragraph above a film, a new page, the survey
switched off, site_url under a path, the organisation's own name, colour and
contacts, a real film in place of the samples, and a third language. Then
the copy's own tests that need no browser run on it, and the gates check the
pages that the edits made or changed. A test that pins today's content – a
date, a sentence, a number of pages – fails here.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import editor_edits
from gates import broken_links, browser_gates, html_errors_in
from site_build import PROJECT, build, fill_in_pages
from site_server import free_port, served

# It runs the project's own tests again, in a copy: `make test` runs it, `make test-fast` does not.
pytestmark = pytest.mark.suite


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("edited")
    project = editor_edits.copy_project(PROJECT, workdir / "project")
    for edit in editor_edits.EDITS:
        edit(project)
    return project


def test_the_projects_own_tests_pass_after_the_editors_edits(edited):
    """The tests that need no browser, in the edited copy: their expectations come from the content."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "SITE_"))}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "-n",
            "2",
            "--dist",
            "loadgroup",
            "-m",
            "not browser and not server",
            "--deselect",
            "tests/test_editor_edits.py",
        ],
        cwd=edited,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    report = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR"))]
    assert result.returncode == 0, "\n".join(report) or result.stdout[-4000:] + result.stderr[-2000:]


def test_the_gates_pass_on_the_pages_the_edits_made(edited, browser, tmp_path):
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    result = build(edited, tmp_path / "site", site_url=origin + "/")
    assert result.returncode == 0, result.output
    assert "WARNING" not in result.output, result.output
    root = tmp_path / "site"
    new = editor_edits.NEW_LANGUAGE
    assert broken_links(root, origin) == []
    assert html_errors_in({root: None})[root] == []
    paths = ["/nyheter/", "/en/nyheter/", f"/{new}/", f"/{new}/nyheter/", f"/{new}/finns-inte/"]
    with served(root, port):
        found = browser_gates(
            browser, origin, root, paths, [p for p in fill_in_pages(root) if p.startswith(f"/{new}/")][:1]
        )
    report = [f"{gate}: {problem}" for gate, problems in found.items() for problem in problems]
    assert not report, "\n".join(report)
