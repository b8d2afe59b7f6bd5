"""
`make build`, the build for the web server: it refuses placeholders, and a
failed build leaves no site/ that could be published by mistake.

The tests run the Makefile's own target in a copy of the project, with this
project's .venv (site_build.make_build).
"""

from __future__ import annotations

import re
from pathlib import Path

from site_build import PROJECT, SPECIMEN, copy_specimen, make_build, project_with_fixture

# A value in [brackets], or an address at a domain kept for examples.
PLACEHOLDER = re.compile(
    r"""^\s*([\w-]+): *(?:"\[.*\]"|.*\bexample\.(?:org|com|net)\b.*|.*@\S*example\b.*)$"""
)


def placeholder_lines(config: Path) -> list[tuple[int, str]]:
    """(line, key) of each setting in mkdocs.yml that still holds a placeholder."""
    lines = config.read_text(encoding="utf-8").splitlines()
    matches = ((number, PLACEHOLDER.match(text)) for number, text in enumerate(lines, 1))
    return [(number, match.group(1)) for number, match in matches if match]


def test_make_build_refuses_every_placeholder_and_leaves_no_site(tmp_path):
    """The specimen keeps the placeholders that the project's mkdocs.yml ships with."""
    expected = placeholder_lines(SPECIMEN / "mkdocs.yml")
    assert expected, "tests/specimen/mkdocs.yml has no placeholder"
    project = copy_specimen(tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("an old build")

    result = make_build(project)

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for line, key in expected:
        message = rf"^(ERROR +- +)?mkdocs\.yml:{line}: \S*\b{key}\b\S* is still the placeholder"
        assert re.search(message, output, re.M), f"mkdocs.yml:{line} ({key}) not named:\n{output}"
    assert "site_url" in [key for _, key in expected]
    assert not (project / "site").exists(), "a failed build left site/ behind"
    assert not (project / "site.partial").exists()


def test_make_build_with_real_values_publishes_site(tmp_path):
    project = project_with_fixture("launch-ready", tmp_path)

    result = make_build(project)

    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "en" / "index.html").is_file()
    assert (project / "site" / "_headers").read_text() == (PROJECT / "deploy" / "_headers").read_text()
    assert not (project / "site.partial").exists()
    assert "placeholders are allowed" not in result.stdout + result.stderr


def test_a_preview_build_accepts_the_placeholders_and_says_so_once(specimen):
    expected = placeholder_lines(SPECIMEN / "mkdocs.yml")
    assert expected, "tests/specimen/mkdocs.yml has no placeholder"
    said = [
        line
        for line in specimen.log.splitlines()
        if "placeholders are allowed in this preview build:" in line
    ]
    assert len(said) == 1, specimen.log
    assert said[0].startswith("INFO")
    # The tests set SITE_URL, so site_url is the test server's address here.
    for _, key in expected:
        assert key == "site_url" or re.search(rf"\b{key}\b", said[0]), (key, said[0])
