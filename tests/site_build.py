"""
Building the site, the specimen site, or a broken copy of it, for a test.

Two sites are built:
- the project itself (`build(PROJECT, …)`): the quality gates check every real
  page, whatever an editor has written;
- the specimen, tests/specimen/: a small site of its own, built with the
  project's machinery (overrides/, src/, the site's style sheets and
  scripts, and mkdocs.yml as mkdocs.project.yml, which the specimen's
  mkdocs.yml INHERITs). What a test expects of the generator – a page's
  wording, a film's captions, a form's blanks – comes from the specimen, so an
  editor's edit of the real pages or mkdocs.yml never breaks a test.

A fixture in tests/fixtures/NAME/ is a small change to the specimen: its files
are laid over a copy of it, and the paths listed in its DELETE file, if any,
are removed. A fixture with a file ADD_LANGUAGE ("ar العربية") has that
language added to the copy by `make add-language` first, its files laid over
that. A fixture's mkdocs.yml starts with `INHERIT: mkdocs.base.yml` (the
specimen's) and holds only what it changes. A fixture's own
hooks/NAME.py is added to `hooks:` (a planted fault, or a component switched off).
"""

from __future__ import annotations

import contextlib
import fcntl
import fnmatch
import functools
import io
import logging
import os
import pickle
import re
import shutil
import subprocess
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
import mkdocs.utils.yaml
import yaml
from mkdocs import utils as mkdocs_utils
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = PROJECT / "tests" / "fixtures"
SPECIMEN = PROJECT / "tests" / "specimen"
# A language of mkdocs-static-i18n in a mkdocs.yml: "        - locale: sv".
LOCALE = re.compile(r"^ *- locale: *([\w-]+)", re.M)
SOURCES = ("mkdocs.yml", "docs", "forms", "overrides", "src")
# What the site is made with, as opposed to what an editor writes: the specimen is built with these.
# A build imports the plugin installed into the tests' .venv (the project's src/, editable),
# not the copy's src/.
MACHINERY = ("overrides", "src", "docs/assets/css", "docs/assets/js", "docs/assets/javascripts")
# The project's mkdocs.yml in a copy of the specimen, which INHERITs it (project_machinery).
PROJECT_CONFIG = "mkdocs.project.yml"


@dataclass
class BuildResult:
    returncode: int
    output: str


def build(project: Path, dest: Path, site_url: str | None = None) -> BuildResult:
    """`mkdocs build --strict --clean` of `project` into `dest`, with what it logs.

    The build runs in the test's own process, as `mkdocs serve` runs its
    rebuilds: the same load_config() and build() that the command line calls,
    without starting Python and importing MkDocs, Material and WeasyPrint
    again for each of the hundred fixtures. The command line itself is tested
    by `make build` (test_deployment_build.py) and `mkdocs serve` (test_live_preview.py).
    """
    _keep_what_builds_share()
    with one_build_at_a_time(project), _build_environment(project, site_url), _captured_log() as log:
        try:
            config = load_config(config_file=str(project / "mkdocs.yml"), strict=True, site_dir=str(dest))
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build.build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except Abort as abort:  # what the command line prints before it exits with 1
            print(abort.format_message(), file=log)
            return BuildResult(1, log.getvalue())
        except Exception:  # noqa: BLE001 – the command line would print the traceback and exit with 1
            traceback.print_exc(file=log)
            return BuildResult(1, log.getvalue())
        finally:
            keep_new_cache_entries(project)
        return BuildResult(0, log.getvalue())


def make_build(project: Path) -> subprocess.CompletedProcess:
    """`make build`, the Makefile's own target, in `project` (a copy), with the .venv the tests run in.

    `-o` marks the install stamp as up to date, so make never installs into the
    .venv (an editable install from the copy would point it there).
    """
    for needed in ("Makefile", "deploy"):
        source = PROJECT / needed
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / needed)
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SITE_DEPLOY")}
    venv = Path(sys.prefix)
    return subprocess.run(
        ["make", "--no-print-directory", "build", f"VENV={venv}", "-o", f"{venv}/bin/.site-installed"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def build_in_another_process(project: Path, dest: Path, site_url: str, hash_seed: int) -> BuildResult:
    """`mkdocs build --strict --clean` on the command line, in a Python with its own hash seed.

    For the reproducibility gate: a build whose output depends on the order
    of a set, or on anything else of the process, differs from one in the tests' process.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL=site_url, PYTHONHASHSEED=str(hash_seed))
    env.pop("SITE_DEPLOY", None)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(dest)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    return BuildResult(result.returncode, result.stdout + result.stderr)


@contextlib.contextmanager
def _build_environment(project: Path, site_url: str | None):
    """The working folder and environment that `mkdocs build` would have in `project`.

    A test build is a preview: placeholders are allowed (no SITE_DEPLOY).
    Afterwards everything is as it was, also what mkdocs-static-i18n changes
    in MkDocs while it builds the other languages, if that build fails.
    """
    saved_environment, saved_folder = dict(os.environ), os.getcwd()
    saved_clean_directory = mkdocs_utils.clean_directory
    build_log = logging.getLogger("mkdocs.commands.build")
    saved_filters = list(build_log.filters)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.environ.pop("SITE_DEPLOY", None)
    if site_url:
        os.environ["SITE_URL"] = site_url
    os.chdir(project)
    try:
        yield
    finally:
        os.chdir(saved_folder)
        os.environ.clear()
        os.environ.update(saved_environment)
        mkdocs_utils.clean_directory = saved_clean_directory
        build_log.filters[:] = saved_filters


@contextlib.contextmanager
def _captured_log():
    """What the build logs and prints, as the command line shows it: 'WARNING -  message'."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            yield output
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def _list_templates(loader: jinja2.FileSystemLoader) -> list[str]:
    """The theme's files, with the installed packages' folders listed once per test process.

    Each build lists every file of Material's templates, ten thousand icons
    among them. A package does not change while the tests run; a project's
    own overrides/ is listed each time.
    """
    found: set[str] = set()
    for folder in loader.searchpath:
        if Path(folder).is_relative_to(sys.prefix):
            found.update(_installed_templates(folder, loader.followlinks))
        else:
            found.update(_list_uncached(jinja2.FileSystemLoader(folder, followlinks=loader.followlinks)))
    return sorted(found)


@functools.cache
def _installed_templates(folder: str, followlinks: bool) -> tuple[str, ...]:
    return tuple(_list_uncached(jinja2.FileSystemLoader(folder, followlinks=followlinks)))


_list_uncached = jinja2.FileSystemLoader.list_templates


def _add_files_from_theme(files: Files, env: jinja2.Environment, config) -> None:
    """MkDocs' Files.add_files_from_theme, with each installed theme folder's files sorted out once.

    MkDocs matches each of Material's 14,000 file names against its patterns
    (templates, Python and dot files are not copied), a tenth of a fixture's
    build. The names of an installed package's folder are matched once per
    test process, a project's own overrides/ each time. The first build in a
    process also runs MkDocs' own method and stops the tests if the two differ.
    """
    expected = None
    if not _theme_files_checked:
        _theme_files_checked.append(True)
        expected = Files(list(files))
        _mkdocs_add_files_from_theme(expected, env, config)
    static_templates = tuple(config.theme.static_templates)
    names = {folder: _theme_file_names(folder, static_templates) for folder in config.theme.dirs}
    for path in sorted(set().union(*names.values())):
        if files.get_file_from_path(path) is None:
            folder = next(folder for folder in config.theme.dirs if path in names[folder])
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))
    if expected is not None and [f.abs_src_path for f in files] != [f.abs_src_path for f in expected]:
        raise AssertionError("tests/site_build.py lists the theme's files unlike MkDocs – update it")


_mkdocs_add_files_from_theme = Files.add_files_from_theme
_theme_files_checked: list[bool] = []


def _theme_file_names(folder: str, static_templates: tuple[str, ...]) -> frozenset[str]:
    if Path(folder).is_relative_to(sys.prefix):
        return _installed_theme_file_names(folder, static_templates)
    return _matching_names(folder, static_templates)


@functools.cache
def _installed_theme_file_names(folder: str, static_templates: tuple[str, ...]) -> frozenset[str]:
    return _matching_names(folder, static_templates)


def _matching_names(folder: str, static_templates: tuple[str, ...]) -> frozenset[str]:
    """The files of a theme folder that MkDocs copies to the site (its patterns, mkdocs/structure/files.py)."""
    patterns = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*"]
    patterns += [f"*{extension}" for extension in mkdocs_utils.markdown_extensions]
    patterns += static_templates
    return frozenset(
        name
        for name in _list_templates(jinja2.FileSystemLoader(folder))
        if not any(fnmatch.fnmatch(name.lower(), pattern) for pattern in patterns)
    )


class _YamlParsedOnce:
    """PyYAML as MkDocs' config loading sees it, with each config file's text parsed once per test process.

    MkDocs parses mkdocs.yml with PyYAML's pure-Python parser: 50 ms of each
    build, and most fixtures' mkdocs.yml is the project's own. The parsed tree
    of a text is kept (pickled: each build gets its own copy) and MkDocs'
    loader builds the config from it, !ENV and all, as from a fresh parse.
    A text seen for the first time, and so every text with a mistake, is
    parsed as before, and an error names the file and line as before.
    """

    def __getattr__(self, name: str):
        return getattr(yaml, name)

    @staticmethod
    def load(stream, Loader):
        if isinstance(stream, str | bytes):
            return yaml.load(stream, Loader=Loader)
        content = stream.read()
        text = io.BytesIO(content.encode("utf-8") if isinstance(content, str) else content)
        text.name = getattr(stream, "name", "<file>")
        loader = Loader(text)
        try:
            tree = _parsed_yaml.get(text.getvalue())
            if tree is None:
                node = loader.get_single_node()
                _parsed_yaml[text.getvalue()] = pickle.dumps(node)
            else:
                node = pickle.loads(tree)
            return None if node is None else loader.construct_document(node)
        finally:
            loader.dispose()


_parsed_yaml: dict[bytes, bytes] = {}


@functools.cache
def _keep_what_builds_share() -> None:
    """From the first build in this process on, keep Material's file lists and each config's parsed YAML.

    The site keeps its compiled templates itself (src/forebygg/compiled_templates.py).

    Only the tests' own builds: importing this module (bench/ does) changes nothing.
    """
    jinja2.FileSystemLoader.list_templates = _list_templates
    Files.add_files_from_theme = _add_files_from_theme
    mkdocs.utils.yaml.yaml = _YamlParsedOnce()


@contextlib.contextmanager
def one_build_at_a_time(project: Path):
    """Holds back a second build of the same project until the first is done.

    `make test-fast` runs the tests in two processes, and each builds the
    project once. Two builds at a time would both write the same new entry
    of the forms cache (.cache/forms/, forebygg.forms), and one would fail.
    """
    lock = project / ".cache" / "build.lock"
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        yield


def pages(root: Path) -> list[str]:
    """Every page's path in the built site at `root`, e.g. '/' and '/en/vad-gor-vi/'."""
    return sorted(
        "/" + p.parent.relative_to(root).as_posix() + "/" if p.parent != root else "/"
        for p in root.rglob("index.html")
    )


def missing_pages(root: Path) -> list[str]:
    """An address that is no page in each language's folder, where its own 404.html is served."""
    return sorted(
        "/" + "".join(f"{part}/" for part in p.parent.relative_to(root).parts) + "finns-inte/"
        for p in root.rglob("404.html")
    )


def fill_in_pages(root: Path) -> list[str]:
    """The on-screen forms in the built site at `root`, e.g. '/forms/samtycke.html'."""
    return sorted("/" + p.relative_to(root).as_posix() for p in root.glob("**/forms/*.html"))


def copy_sources(project: Path, with_cache: bool = False) -> Path:
    """A copy of what the project's build reads; the forms cache too, if asked (it is keyed by content)."""
    for source in SOURCES:
        _copy(PROJECT / source, project / source)
    if with_cache:
        _link_cache(project)
    return project


def specimen_config() -> dict:
    """The specimen's settings as MkDocs reads them: the project's mkdocs.yml, and the specimen's over it."""
    import mergedeep
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load(project_machinery())
    own = yaml_load((SPECIMEN / "mkdocs.yml").read_text(encoding="utf-8"))  # text: INHERIT is left alone
    own.pop("INHERIT")
    return mergedeep.merge(config, own)


def project_machinery() -> str:
    """The project's mkdocs.yml as the specimen INHERITs it: without what an editor sets under extra:.

    Only the texts of the site's frame (extra.text) are kept, and of them only
    the specimen's languages: the specimen sets the rest itself, and a setting
    of the real site – a language an editor added to it, say – never reaches it.
    """
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    extra = next(value for key, value in root.value if key.value == "extra")
    starts = [key.start_mark.line for key, _ in extra.value] + [extra.end_mark.line]
    others = set(LOCALE.findall(text)) - set(
        LOCALE.findall((SPECIMEN / "mkdocs.yml").read_text(encoding="utf-8"))
    )
    dropped = set()
    for (key, value), start, end in zip(extra.value, starts, starts[1:], strict=False):
        if key.value != "text":
            dropped.update(range(start, end))
        else:
            dropped.update(_lines_of_languages(value, others))
    return "".join(line for index, line in enumerate(lines) if index not in dropped)


def _lines_of_languages(node, codes: set[str]) -> set[int]:
    """The lines of every `code: value` under `node` whose key is one of `codes`."""
    found = set()
    for key, value in node.value if isinstance(node, yaml.MappingNode) else []:
        if key.value in codes:
            last = value.end_mark.line - (value.end_mark.column == 0)
            found.update(range(key.start_mark.line, last + 1))
        else:
            found |= _lines_of_languages(value, codes)
    return found


def languages(config: dict) -> list[dict]:
    """The site's languages as mkdocs-static-i18n has them in `config`, the default one first."""
    i18n = next(
        plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin
    )
    return sorted(i18n["languages"], key=lambda language: not language.get("default"))


def copy_specimen(project: Path, with_cache: bool = True) -> Path:
    """A copy of the specimen site with the project's machinery: what a build of the specimen reads."""
    for source in MACHINERY:
        _copy(PROJECT / source, project / source)
    for source in SPECIMEN.iterdir():
        if source.name != "README.md":
            _copy(source, project / source.name)
    (project / PROJECT_CONFIG).write_text(project_machinery(), encoding="utf-8")
    if with_cache:
        _link_cache(project)
    return project


def _copy(source: Path, target: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def _link_cache(project: Path) -> None:
    """The project's forms cache in a copy, as hard links (see keep_new_cache_entries).

    Only the forms cache: .cache/ also holds the lock tool of `make lock`, 60 MB.
    The cache's files are hard links, not copies: a build only ever adds an
    entry (written as NAME.partial, then renamed), never writes into one, and
    copying its 3 MB was most of the time of a copy.
    """
    cache = PROJECT / ".cache" / "forms"
    if cache.is_dir():
        # Not a forms-cache entry still being written (NAME.partial) by a build
        # of the project running beside this test: `make test-fast` runs two at a time.
        shutil.copytree(
            cache,
            project / ".cache" / "forms",
            ignore=shutil.ignore_patterns("*.partial", "build.lock"),
            copy_function=_link_or_copy,
        )


def keep_new_cache_entries(project: Path) -> None:
    """The forms documents that a copy's build made, linked back into the project's cache.

    The specimen's forms are the same in every copy, so a fixture's build
    finds its documents made, as the project's own build does. An entry is
    keyed by the template's text and the code that made it (forebygg.forms),
    never by where it was made, and it is put in place whole (renamed).
    """
    made, kept = project / ".cache" / "forms", PROJECT / ".cache" / "forms"
    if project == PROJECT or not made.is_dir():
        return
    for entry in made.iterdir():
        if entry.suffix == ".partial" or (kept / entry.name).exists():
            continue
        partial = kept / f"{entry.name}.{os.getpid()}.partial"
        shutil.copytree(entry, partial, copy_function=_link_or_copy)
        try:
            partial.rename(kept / entry.name)
        except OSError:  # another process put the same entry there first
            shutil.rmtree(partial, ignore_errors=True)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


def project_with_fixture(name: str, workdir: Path, with_cache: bool = True) -> Path:
    """A copy of the specimen with fixture `name` laid over it."""
    project = copy_specimen(workdir / "project", with_cache=with_cache)
    fixture = FIXTURES / name
    if not fixture.is_dir():
        raise FileNotFoundError(f"no fixture {fixture}")
    added = fixture / "ADD_LANGUAGE"
    if added.exists():  # `make add-language` first, as an editor starts a language
        from forebygg.translations.add_language import add_language

        add_language(project, *added.read_text(encoding="utf-8").split())
    if (fixture / "mkdocs.yml").exists():
        shutil.copy(project / "mkdocs.yml", project / "mkdocs.base.yml")
    for path in fixture.rglob("*"):
        relative = path.relative_to(fixture)
        if path.is_file() and relative.as_posix() not in ("DELETE", "ADD_LANGUAGE"):
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, project / relative)
    hooks = sorted(p.name for p in (fixture / "hooks").glob("*.py"))
    if hooks:
        config = project / PROJECT_CONFIG
        listed = "".join(f"  - hooks/{name}\n" for name in hooks)
        config.write_text(config.read_text(encoding="utf-8") + f"\nhooks:\n{listed}", encoding="utf-8")
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


if __name__ == "__main__":  # `make csp`: the specimen built into FOLDER/site
    folder = Path(sys.argv[1]).resolve()
    built = build(copy_specimen(folder / "project"), folder / "site")
    if built.returncode:
        sys.exit(built.output)
