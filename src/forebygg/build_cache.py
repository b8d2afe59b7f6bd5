"""
What a build keeps in the project's .cache/ for the next build, beside the
forms' documents (forebygg.forms): the compiled templates
(forebygg.compiled_templates) and the hyphenation dictionaries as Pyphen
reads them (forebygg.hyphenation). Each entry is named by everything that
makes it, so a change makes it anew; `make clean` deletes them all.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

Made = TypeVar("Made")


def cache_folder(project: Path, name: str) -> Path:
    """The folder of one kind of entry: .cache/NAME/ in the project's folder."""
    return project / ".cache" / name


def write_whole(path: Path, content: bytes) -> None:
    """`content` into `path` whole or not at all: a build beside this one may read it.
    An unwritable cache is left as it is: it only makes the next build slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".partial", delete=False) as stream:
            stream.write(content)
        os.replace(stream.name, path)
    except OSError:
        pass


MODULE_NAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")


def kept(folder: Path | None, values: tuple, make: Callable[[], Made], code: tuple[str, ...] = ()) -> Made:
    """make(), kept in `folder` for the next build under entry_key(*values, code=code); made anew
    where nothing is kept yet, or `folder` is None. A make() that raises keeps nothing: a mistake
    fails every build."""
    key = entry_key(*values, code=code) if folder is not None else None
    if key is None:
        return make()
    path = folder / f"{key}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 – nothing kept yet, or unreadable: made anew
        pass
    made = make()
    write_whole(path, pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
    return made


class Unstable(Exception):
    """A value whose description would differ from one Python process to the next."""


def entry_key(*values, code: tuple[str, ...] = ()) -> str | None:
    """A name for an entry made from `values` (texts, settings, Python-Markdown's extensions and
    what they are set with) by the code of forebygg, Python-Markdown, lxml, the packages named
    in `code` and every package the values come from; None where a value cannot be described
    alike in every build."""
    modules = {"forebygg", "markdown", "lxml", *code}
    try:
        description = _described(values, modules)
    except Unstable:
        return None
    digest = hashlib.sha256(description.encode())
    digest.update(repr(sys.version_info[:2]).encode())
    for module in sorted(modules):
        digest.update(code_fingerprint(module))
    return digest.hexdigest()[:32]


def _described(value, modules: set[str]) -> str:
    if value is None or isinstance(value, str | int | float | bool):
        if isinstance(value, str) and MODULE_NAME.fullmatch(value):
            modules.add(value.split(".")[0])  # an extension named by its module: pymdownx.details
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(_described(item, modules) for item in value) + "]"
    if isinstance(value, dict):
        items = sorted((_described(key, modules), _described(item, modules)) for key, item in value.items())
        return "{" + ",".join(f"{key}:{item}" for key, item in items) + "}"
    named = isinstance(value, type) or (callable(value) and hasattr(value, "__qualname__"))
    kind = value if named else type(value)
    module = getattr(kind, "__module__", None)
    bound = getattr(value, "__self__", None)
    if (
        not module
        or "<" in kind.__qualname__  # a lambda, or a function made inside another: no name of its own
        or (named and bound is not None and not _is_module(bound))
    ):
        raise Unstable(repr(value))
    modules.add(module.split(".")[0])
    if kind is not value and hasattr(value, "getConfigs"):  # a Python-Markdown extension
        state = {name: item for name, item in vars(value).items() if name != "config"}
        configs = _described([value.getConfigs(), state], modules)
        return f"{module}.{kind.__qualname__}({configs})"
    if kind is not value:
        raise Unstable(repr(value))
    return f"{module}.{kind.__qualname__}"


def _is_module(value) -> bool:
    return type(value) is type(sys)


@functools.cache
def code_fingerprint(module: str) -> bytes:
    """What the code of the top-level `module` is: where it is installed, the name and version of
    every package installed beside it (…dist-info); elsewhere (forebygg, from src/), its files."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin or not Path(spec.origin).is_file():
        return f"{module}: {spec.origin if spec else 'not found'}".encode()  # built into Python, or none
    folder = Path(spec.origin).parent
    packages = folder.parent if spec.submodule_search_locations else folder
    installed = sorted(path.name for path in packages.glob("*.dist-info"))
    if installed:
        return "\n".join([module, *installed]).encode()
    digest = hashlib.sha256(module.encode())
    for path in sorted(folder.rglob("*.py")) if spec.submodule_search_locations else [Path(spec.origin)]:
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()
