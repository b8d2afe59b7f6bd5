"""
The test harness shared by every test.

- `site`: the site built once with `mkdocs build --strict`, with `site_url`
  set to the test server's own address, as the real host would have it.
- `server`: that build served by nginx through deploy/site.conf, the same
  headers, error pages and HTTP Range support as on the real host.
- `browser` and `page`: Debian's Chromium driven by Playwright; `page`
  records every request it makes.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from site_build import PROJECT, build

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# -----------------------------------------------------------------------------
# Fixtures
# -----------------------------------------------------------------------------


@dataclass
class BuiltSite:
    root: Path
    origin: str
    log: str

    def pages(self) -> list[str]:
        """Every page's path, e.g. '/' and '/en/vad-gor-vi/'."""
        return sorted(
            "/" + p.parent.relative_to(self.root).as_posix().removeprefix(".") + "/"
            if p.parent != self.root
            else "/"
            for p in self.root.rglob("index.html")
        )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> BuiltSite:
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    root = tmp_path_factory.mktemp("site")
    result = build(PROJECT, root, site_url=origin + "/")
    assert result.returncode == 0, f"the strict build failed:\n{result.output}"
    return BuiltSite(root=root, origin=origin, log=result.output)


@pytest.fixture(scope="session")
def server(site: BuiltSite, tmp_path_factory):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        pytest.fail("nginx is missing – run `make test`, which installs Debian's nginx-light")
    prefix = tmp_path_factory.mktemp("nginx")
    port = int(site.origin.rsplit(":", 1)[1])
    for name in ("site.conf", "security-headers.conf"):
        shutil.copy(PROJECT / "deploy" / name, prefix / name)
    conf = prefix / "nginx.conf"
    conf.write_text(_nginx_conf(prefix, site.root, port))
    process = subprocess.Popen(
        [nginx, "-p", str(prefix), "-c", str(conf), "-e", "stderr"],
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_for_port(port, process)
    yield site
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.exists(path):
        pytest.fail(
            f"Chromium is not at {path} – run `make test` (it installs Debian's chromium) "
            "or set CHROMIUM_PATH"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class RecordingPage:
    """A browser tab that remembers every request and console message."""

    page: object
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


@pytest.fixture
def tab(browser, server):
    context = browser.new_context(base_url=server.origin, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    recording = RecordingPage(page)
    page.on("request", lambda request: recording.requests.append(request.url))
    page.on("console", lambda message: recording.console.append(f"{message.type}: {message.text}"))
    yield recording
    context.close()


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped: {process.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on 127.0.0.1:{port}")


def _nginx_conf(prefix: Path, root: Path, port: int) -> str:
    temp = {name: prefix / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir()
    # As root, nginx's workers would be 'nobody', who cannot read pytest's private temp dirs.
    user = "user root;" if os.geteuid() == 0 else ""
    return f"""
{user}
worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp['body']};
    proxy_temp_path {temp['proxy']};
    fastcgi_temp_path {temp['fastcgi']};
    uwsgi_temp_path {temp['uwsgi']};
    scgi_temp_path {temp['scgi']};
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include site.conf;
    }}
}}
"""
