"""
Serving a built site as the real host does: nginx with deploy/site.conf.

That gives the tests the deployed security headers, the error page of each
language and HTTP Range requests (which video needs), on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from site_build import PROJECT, build, project_with_fixture


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(root: Path, port: int, path: str = "/", deploy: Path = PROJECT / "deploy"):
    """Serve `root` at http://127.0.0.1:PORT + `path` (a folder of the host, '/vrakningar/') until the
    block ends, with the configuration in `deploy` (bench/run.py serves a trial with a copy of its own)."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        raise RuntimeError("nginx is missing – run `make test`, which installs Debian's nginx-light")
    with tempfile.TemporaryDirectory(prefix="nginx-") as prefix:
        prefix = Path(prefix)
        for name in ("site.conf", "security-headers.conf"):
            shutil.copy(deploy / name, prefix / name)
        if path != "/":  # the host's own folders, with the site in one of them
            (prefix / "www" / path.strip("/")).parent.mkdir(parents=True)
            (prefix / "www" / path.strip("/")).symlink_to(root)
            root = prefix / "www"
        conf = prefix / "nginx.conf"
        conf.write_text(_nginx_conf(prefix, root, port))
        process = subprocess.Popen(
            [nginx, "-p", str(prefix), "-c", str(conf), "-e", "stderr"],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            _wait_for_port(port, process)
            yield f"http://127.0.0.1:{port}{path.rstrip('/')}"
        finally:
            process.terminate()
            process.wait(timeout=10)


@contextmanager
def served_fixture(name: str, workdir: Path):
    """The project with fixture `name`, built strictly for its own port, and served."""
    port = free_port()
    project = project_with_fixture(name, workdir)
    result = build(project, workdir / "site", site_url=f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.output
    with served(workdir / "site", port) as origin:
        yield origin


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
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    server {{
        listen 127.0.0.1:{port};
        root {root};
        include site.conf;
    }}
}}
"""


def fetch(url: str) -> tuple[int, str]:
    """The status and text of `url`, also when the server answers with an error page."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
