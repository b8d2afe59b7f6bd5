"""
The Content-Security-Policy in deploy/, written from what the build makes.

Its script-src allows the site's own files and, by their SHA-256 hashes, the
few inline scripts the templates write (Material's storage helpers, the
survey check before first paint, the loader of Material's script); its
frame-src names the hosts whose film players the film component embeds
(forebygg.film.hosts). Both are written here, never by hand:

    make csp

builds the specimen (tests/specimen/: every component on, so every inline
script is there) and runs `python -m forebygg.csp SITE` in the project's
folder, which writes the hashes of SITE's inline scripts and the film hosts
into deploy/security-headers.conf (nginx) and deploy/_headers (other hosts).
tests/test_quality_gates.py checks that they are current.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
from pathlib import Path

import lxml.html

from forebygg.film.hosts import PROVIDERS

DEPLOY = Path("deploy")  # of the project, where `make csp` runs
FILES = ("security-headers.conf", "_headers")
SCRIPT_SRC = re.compile(r"(script-src 'self')[^;\"]*")
FRAME_SRC = re.compile(r"(frame-src)[^;\"]*")
# The script types a browser runs; others are data (the search's settings as JSON, the
# placeholders of the scripts that overrides/main.html starts after the first paint).
RUN = ("", "text/javascript", "application/javascript", "module")


def inline_script_hashes(site: Path) -> list[str]:
    """`'sha256-…'` of each inline script in the built site's pages, each once, sorted."""
    found = set()
    for page in site.rglob("*.html"):
        for script in lxml.html.parse(str(page)).getroot().xpath("//script[not(@src)]"):
            if script.get("type", "text/javascript") in RUN:  # not data (JSON, a placeholder)
                found.add(source_hash(script.text or ""))
    return sorted(found)


def source_hash(text: str) -> str:
    """The CSP's `'sha256-…'` that allows an inline script or style whose text is `text`."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def with_sources(text: str, hashes: list[str]) -> str:
    """A deploy file's text with the CSP's script-src hashes and frame-src hosts as the build needs them."""
    hosts = [provider.origin for provider in PROVIDERS]

    def policy(line: str) -> str:
        if "Content-Security-Policy" not in line or line.lstrip().startswith("#"):
            return line
        line = SCRIPT_SRC.sub(lambda match: " ".join([match[1], *hashes]), line)
        return FRAME_SRC.sub(lambda match: " ".join([match[1], *hosts]), line)

    return "".join(policy(line) for line in text.splitlines(keepends=True))


def main(arguments: list[str]) -> int:
    if len(arguments) != 1 or not (Path(arguments[0]) / "index.html").is_file():
        print(
            "usage: python -m forebygg.csp BUILT_SITE (make csp builds the specimen for it)", file=sys.stderr
        )
        return 2
    hashes = inline_script_hashes(Path(arguments[0]))
    for name in FILES:
        path = DEPLOY / name
        text = path.read_text(encoding="utf-8")
        if with_sources(text, hashes) != text:
            path.write_text(with_sources(text, hashes), encoding="utf-8")
            print(f"deploy/{name}: the CSP written anew – copy it to the web server")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
