"""
The markup an editor writes in a page: nothing the site's security policy
blocks (scripts, styles, frames), nothing loaded from another host, and
images with alt text that exist (problems.py).

The check reads the page's HTML after every component has made its own markup, so
that it sees what is published: markup shown as code is text there, and
Markdown images are `<img>`. It runs after the film player (forebygg.film),
because mkdocs-video first writes each film as a `<video>` or `<iframe>` that
the film player then replaces. The line of each problem is found in the page's
file as the editor wrote it, with code blocks and spans left out.

Reading the Markdown with an HTML tokenizer instead would have to know every
way Markdown makes code (fences, indented blocks, inside lists and
admonitions) to avoid false alarms, and would not see Markdown images or
`{: style=… }` attributes as markup; the published HTML knows both.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from forebygg.page_html.problems import locate, page_problems
from forebygg.source_lines import source_text
from forebygg.typography import look_alike_note


class PageHtml:
    # After the film player, which replaces mkdocs-video's players with its own.
    def on_page_content(self, content: str, page: Page, config: MkDocsConfig, files: Files):
        published = {file.dest_uri for file in files}
        problems = page_problems(
            content,
            lambda url: _published_path(page, url) in published,
            # A file of docs/ is published at the same path: assets/x.png.
            lambda url: look_alike_note(Path(config.docs_dir), _published_path(page, url), url, "image"),
        )
        source = source_text(page.file)
        if not problems or source is None:
            return content
        where = f"docs/{page.file.src_uri}"
        messages = [
            f"{where}:{line}: {message}" if line else f"{where}: {message}"
            for line, message in locate(problems, source)
        ]
        if messages:
            raise PluginError("\n".join(messages))
        return content


def _published_path(page: Page, url: str) -> str:
    """The path in the built site that `url`, in the page's HTML, leads to."""
    path = unquote(urlsplit(url).path)
    if not path.startswith("/"):
        path = posixpath.join("/" + posixpath.dirname(page.url), path)
    return posixpath.normpath(path).lstrip("/")
