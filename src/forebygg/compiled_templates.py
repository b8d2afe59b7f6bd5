"""
The theme's templates, compiled once per Python process.

MkDocs makes a new Jinja environment for each build, and mkdocs-static-i18n
one more for each further language, so every template of Material and
overrides/ was parsed and compiled again each time: a third of a build, and
most of a rebuild in `mkdocs serve`. With this cache an environment takes the
compiled code of a template whose source it has seen before.

The code is kept under the template's name, a checksum of its source and what
the compiler reads from the environment (its filters, tests, extensions and
settings), so a changed template, or one compiled for another kind of
environment, is compiled anew. Jinja checks the checksum again when it loads.
"""

from __future__ import annotations

import hashlib

import jinja2
import jinja2.bccache


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled template code in memory, for every environment that uses it."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> jinja2.bccache.Bucket:
        checksum = self.get_source_checksum(source)
        bucket = jinja2.bccache.Bucket(environment, f"{name}:{checksum}:{_kind(environment)}", checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _kind(environment: jinja2.Environment) -> str:
    """What the compiled code depends on besides the source."""
    settings = (
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
        environment.block_start_string,
        environment.variable_start_string,
        environment.comment_start_string,
    )
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:16]


COMPILED_TEMPLATES = CompiledTemplates()


def compile_once(environment: jinja2.Environment) -> jinja2.Environment:
    """`environment`, taking and keeping its templates' compiled code in COMPILED_TEMPLATES."""
    environment.bytecode_cache = COMPILED_TEMPLATES
    return environment
