"""
The theme's templates, compiled once and kept in .cache/templates/.

MkDocs makes a new Jinja environment for each build, and mkdocs-static-i18n
one more for each further language, so every template of Material and
overrides/ was parsed and compiled again each time: a third of a build, and
most of a rebuild in `mkdocs serve`. With this cache an environment takes the
compiled code of a template whose source it has seen before: from memory in
the same Python process (the next language, the next rebuild), and from the
project's .cache/templates/ in the next `mkdocs build`.

The code is kept under the template's name, a checksum of its source, what
the compiler reads from the environment (its filters, tests, extensions and
settings) and Jinja's version, so a changed template, or one compiled for
another kind of environment, is compiled anew; Jinja checks the checksum
and the Python version again when it loads the code. A template with a
mistake is never kept: it fails the build every time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import jinja2
import jinja2.bccache

from forebygg.build_cache import cache_folder, write_whole


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled template code in memory, for every environment that uses it, and in `folder`."""

    def __init__(self, folder: Path | None = None, code: dict[str, bytes] | None = None) -> None:
        self._code: dict[str, bytes] = {} if code is None else code
        self.folder = folder

    def get_bucket(self, environment, name, filename, source) -> jinja2.bccache.Bucket:
        checksum = self.get_source_checksum(source)
        bucket = jinja2.bccache.Bucket(environment, f"{name}:{checksum}:{_kind(environment)}", checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = self._file(bucket.key).read_bytes()
            except OSError:
                return
        if code is not None:
            bucket.bytecode_from_string(code)  # left empty if the checksum or Python differs
            if bucket.code is not None:
                self._code[bucket.key] = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = bucket.bytecode_to_string()
        self._code[bucket.key] = code
        if self.folder is not None:
            write_whole(self._file(bucket.key), code)

    def _file(self, key: str) -> Path:
        return self.folder / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.jinja"


def _kind(environment: jinja2.Environment) -> str:
    """What the compiled code depends on besides the source."""
    settings = (
        jinja2.__version__,
        sorted(environment.filters),
        sorted(environment.tests),
        sorted(environment.extensions),
        environment.autoescape if isinstance(environment.autoescape, bool) else "by name",
        environment.optimized,
        environment.finalize is not None,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.keep_trailing_newline,
        environment.newline_sequence,
        environment.is_async,
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
    )
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:16]


COMPILED_TEMPLATES = CompiledTemplates()


def compile_once(environment: jinja2.Environment, project: Path | None = None) -> jinja2.Environment:
    """`environment`, taking and keeping its templates' compiled code in COMPILED_TEMPLATES,
    and in the `project`'s .cache/templates/ if given."""
    environment.bytecode_cache = (
        COMPILED_TEMPLATES
        if project is None
        else CompiledTemplates(cache_folder(project, "templates"), COMPILED_TEMPLATES._code)
    )
    return environment
