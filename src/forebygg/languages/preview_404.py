"""
The preview's "page not found" page in the language of the address asked for.

`mkdocs serve` answers every missing address with the site folder's 404.html,
the first language's: /ar/no-such-page/ showed "Sidan finns inte". The
published site answers with each language's own (deploy/), and so does the
preview now: an address under a folder that has a 404.html of its own
(/en/, /ar/) gets that one.
"""

from __future__ import annotations

import threading
from pathlib import Path


def serve_each_languages_404(server, site_dir: str):
    """Make `server` (MkDocs' LiveReloadServer) answer a 404 with the 404.html of the address's
    first folder where that folder has one, and otherwise as before."""
    asked = threading.local()
    serve, fallback = server.serve_request, server.error_handler

    def request(environ, start_response):
        asked.path = environ.get("PATH_INFO", "")
        return serve(environ, start_response)

    def error_page(code: int) -> bytes | None:
        path = getattr(asked, "path", "")
        if code == 404 and path.startswith(server.mount_path):
            folder = path[len(server.mount_path) :].split("/", 1)[0]
            page = Path(site_dir) / folder / "404.html"
            if folder and page.is_file():
                return page.read_bytes()
        return fallback(code)

    server.error_handler = error_page
    server.set_app(request)
    return server
