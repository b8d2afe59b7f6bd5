"""
What an editor writes in a page: its front matter, raw HTML, images and links.

Each mistake fails the build with the line in the editor's own file and how
to fix it (hooks/front_matter.py, hooks/page_html.py, hooks/links.py).
"""

from __future__ import annotations

import pytest

from site_build import assert_build_fails

# -----------------------------------------------------------------------------
# Front matter
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("fixture, expected", [
    # B21c: before, the front matter was published as a heading, without a word.
    ("front-matter-colon", [
        "docs/sv/vad-gor-vi.md:2: the front matter is not valid YAML",
        'put the text in quotes: description: "Vad gör vi: en översikt av arbetet."',
    ]),
    ("front-matter-not-closed", [
        "docs/en/vad-gor-vi.md:1: the front matter that starts here is never closed",
    ]),
    ("description-missing", ["docs/en/vad-gor-vi.md:1: the page has no description – add description:"]),
    ("description-not-text", ["docs/sv/vad-gor-vi.md:3: the description is not a text – put it in quotes"]),
])
def test_front_matter_must_be_yaml_with_a_description(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)
