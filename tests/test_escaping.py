"""
The project's own templates escape every value they show, without a filter in the template.

A component renders its partial through forebygg.site_config.theme_template
(the forms' fill-in page through the build's environment made to escape),
both of which escape every value; a partial that Material's templates include,
and MkDocs renders, is one {% autoescape true %} block. Only the copies of
Material's templates (tests/test_material_version.py, COPIES) escape by hand.

Each own template is rendered here as the build renders it, with a value in
every place it asks for one: text that is markup and quotes, `<b>"&'`. None of
it may come out as it is, so a new value in a template, with no filter, cannot
break the page or run in it.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from markupsafe import escape
from mkdocs.config import load_config

from forebygg.site_config import theme_template
from site_build import PROJECT
from test_material_version import COPIES

POISON = "<b>\"&'"
OVERRIDES = PROJECT / "overrides"
OWN = sorted(
    path.relative_to(OVERRIDES).as_posix()
    for path in OVERRIDES.rglob("*")
    if path.is_file() and f"overrides/{path.relative_to(OVERRIDES).as_posix()}" not in COPIES
)
REFERENCE = re.compile(r"""\{%-?\s*(?:include|import|from|extends)\s+["']([^"']+)["']""")


class Poison:
    """Whatever a template asks for: shown, it is POISON; asked for more, it is a Poison again.

    Below `depth` steps it is true and has two items; from there on it is false and empty;
    compared with a text it is equal, or not, as `equal` says. So each rendering takes other
    branches of the template's `if`s, and ends its loops.
    """

    def __init__(self, depth: int, equal: bool, steps: int = 0) -> None:
        self._depth, self._equal, self._steps = depth, equal, steps

    def _next(self, *_, **__) -> Poison:
        return Poison(self._depth, self._equal, self._steps + 1)

    def __getattr__(self, name: str) -> Poison:
        if name.startswith("_") or name.startswith("jinja"):  # no __html__: it is not markup
            raise AttributeError(name)
        return self._next()

    __getitem__ = __call__ = __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = _next

    def __str__(self) -> str:
        return POISON

    def __bool__(self) -> bool:
        return self._steps < self._depth

    def __iter__(self):
        return iter([self._next(), self._next()] if self else [])

    def __len__(self) -> int:
        return 2 if self else 0

    def __eq__(self, other) -> bool:
        return self is other or (self._equal and isinstance(other, str))

    __hash__ = object.__hash__

    def __lt__(self, other) -> bool:
        return False

    __gt__ = __le__ = __ge__ = __lt__


class Values(dict):
    """A template's context: a Poison for every name, but for the page (none: a static template)."""

    def __init__(self, depth: int, equal: bool) -> None:
        names = ("extra", "config", "language_base_url", "nav", "page_reviewed", "survey_banner")
        super().__init__({name: Poison(depth, equal) for name in names}, page=None, base_url=".")
        self.depth, self.equal = depth, equal

    def __contains__(self, name) -> bool:
        return True

    def __missing__(self, name: str) -> Poison:
        return Poison(self.depth, self.equal)


@pytest.fixture(scope="module")
def config():
    return load_config(str(PROJECT / "mkdocs.yml"))


def rendered_by_mkdocs(config) -> set[str]:
    """The own templates that MkDocs renders itself: Material's templates (or their copies here)
    include or import them, or MkDocs renders them as static templates (sitemap.xml)."""
    found = set(config.theme.static_templates)
    for folder in config.theme.dirs:
        for path in Path(folder).rglob("*.html"):
            if path.is_relative_to(OVERRIDES) and path.relative_to(OVERRIDES).as_posix() in OWN:
                continue  # what the project's own templates include, they render themselves
            found |= set(REFERENCE.findall(path.read_text(encoding="utf-8")))
    return found & set(OWN)


def test_every_own_template_is_checked(config):
    assert "partials/film.html" in OWN and "partials/survey-banner.html" in OWN
    assert "partials/survey-banner.html" in rendered_by_mkdocs(config)
    assert "partials/film.html" not in rendered_by_mkdocs(config)


@pytest.mark.parametrize("name", OWN)
def test_an_own_template_escapes_every_value_it_shows(config, name):
    by_mkdocs = rendered_by_mkdocs(config)
    if name in by_mkdocs:
        template = config.theme.get_env().get_template(name)  # as MkDocs renders it: no autoescape
    else:
        template = theme_template(config, name)
    shown = False
    for depth, equal in itertools.product(range(1, 7), (False, True)):
        values = Values(depth, equal)
        output = "".join(template.root_render_func(template.new_context(values, shared=True)))
        assert POISON not in output and "<b>" not in output, f"overrides/{name} shows a value unescaped"
        shown = shown or str(escape(POISON)) in output
    # Macros only (form-blocks.html, form-fill-fields.html): their callers show the values.
    macros_only = not re.sub(
        r"\{%-?\s*macro.*?endmacro\s*-?%\}|\{#.*?#\}|\s", "", template_source(name), flags=re.S
    )
    assert shown or macros_only, f"overrides/{name}: no value was shown – is the template rendered at all?"


def template_source(name: str) -> str:
    return (OVERRIDES / name).read_text(encoding="utf-8")
