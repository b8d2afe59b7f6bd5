"""
Building the site, or a broken copy of it, for a test.

A fixture in tests/fixtures/NAME/ is a small change to the real project:
its files are laid over a copy of mkdocs.yml, docs/, forms/, hooks/, overrides/ and src/,
and the paths listed in its DELETE file, if any, are removed. A fixture's
mkdocs.yml starts with `INHERIT: mkdocs.base.yml` (the real one) and holds
only what it changes. A fixture's own hooks/NAME.py is added to `hooks:`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT / "tests" / "fixtures"
SOURCES = ("mkdocs.yml", "docs", "forms", "hooks", "overrides", "src")


@dataclass
class BuildResult:
    returncode: int
    output: str


def build(project: Path, dest: Path, site_url: str | None = None) -> BuildResult:
    """`mkdocs build --strict` of `project` into `dest`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_DEPLOY", None)  # a test build is a preview: placeholders are allowed
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(dest)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr)


def copy_sources(project: Path, with_cache: bool = False) -> Path:
    """A copy of what the build reads; the forms cache too, if asked (it is keyed by content)."""
    cache = (".cache",) if with_cache and (PROJECT / ".cache").is_dir() else ()
    for source in SOURCES + cache:
        if (PROJECT / source).is_dir():
            shutil.copytree(PROJECT / source, project / source, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy(PROJECT / source, project / source)
    return project


def project_with_fixture(name: str, workdir: Path, with_cache: bool = True) -> Path:
    """A copy of the project with fixture `name` laid over it."""
    project = copy_sources(workdir / "project", with_cache=with_cache)
    fixture = FIXTURES / name
    if not fixture.is_dir():
        raise FileNotFoundError(f"no fixture {fixture}")
    if (fixture / "mkdocs.yml").exists():
        shutil.copy(project / "mkdocs.yml", project / "mkdocs.base.yml")
    for path in fixture.rglob("*"):
        relative = path.relative_to(fixture)
        if path.is_file() and relative.as_posix() != "DELETE":
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, project / relative)
    new_hooks = [
        p.name for p in (fixture / "hooks").glob("*.py") if not (PROJECT / "hooks" / p.name).exists()
    ]
    if new_hooks:
        config = project / ("mkdocs.base.yml" if (project / "mkdocs.base.yml").exists() else "mkdocs.yml")
        text = config.read_text(encoding="utf-8")
        listed = "".join(f"  - hooks/{name}\n" for name in new_hooks)
        config.write_text(text.replace("\nhooks:\n", f"\nhooks:\n{listed}", 1), encoding="utf-8")
    delete = fixture / "DELETE"
    if delete.exists():
        for line in delete.read_text().split():
            target = project / line
            shutil.rmtree(target) if target.is_dir() else target.unlink()
    return project


def assert_build_fails(fixture: str, workdir: Path, expected: list[str]) -> None:
    """Building the project with `fixture` fails, and the output says each of `expected`."""
    result = build(project_with_fixture(fixture, workdir), workdir / "site")
    assert result.returncode != 0, f"the {fixture} fixture built:\n{result.output}"
    for text in expected:
        assert text in result.output, result.output
