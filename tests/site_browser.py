"""Debian's Chromium as the tests and bench/run.py start it."""

from __future__ import annotations

import os

# Debian's Chromium: Playwright's own browser download is not used.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Headless, as root in a container, and quiet: without the background
# networking flags Chromium keeps trying to reach Google's hosts.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
