"""
The project's own style sheets, published without their comments and spaces.

docs/assets/css/site.css explains each rule for the next developer; its
comments and indentation were more than half of the file (36 KB, 10.7 KB
compressed; the same rules take 17 KB, 4.3 KB compressed), and every reader
downloads it before the first paint. After the build has written each style
sheet from docs/ (and forebygg.identity the organisation's colour into
site.css: its row comes first in forebygg.components), rcssmin, a CSS
minifier, writes it again without comments and needless spaces; what the
rules say is unchanged (tests/test_style_sheets.py). Material's own style
sheets are published minified already (*.min.css), and are left alone. The
files are read and written as bytes, as rcssmin takes them, whatever their
encoding. In `make serve` the browser's developer tools show the minified
rules: the comments are in docs/.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


class StyleSheets:
    def __init__(self):
        self.sheets: list[str] = []

    def on_files(self, files: Files, config: MkDocsConfig):
        docs = Path(config.docs_dir).resolve()
        self.sheets = sorted(
            file.dest_uri
            for file in files
            if file.dest_uri.endswith(".css")
            and not file.dest_uri.endswith(".min.css")
            and file.abs_src_path
            and Path(file.abs_src_path).resolve().is_relative_to(docs)
        )
        return files

    def on_post_build(self, config: MkDocsConfig):
        for uri in self.sheets:
            written = Path(config.site_dir) / uri
            if written.is_file():
                text = written.read_bytes()
                minified = rcssmin.cssmin(text)
                if minified != text:
                    written.write_bytes(minified)
