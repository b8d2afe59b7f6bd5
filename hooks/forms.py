"""
Template forms on the site: the example, the downloads, and the on-screen form.

Each form's text is one Markdown file per language in forms/ (see
forms/README.md); hooks/form_documents.py turns it into HTML, DOCX, ODT and
PDF. A page shows a form where an editor writes the marker

    <!-- md:form samtycke -->

as the example, download links with format and size, and a link to the
page where it can be filled in on screen and printed. The documents are made
once per template and language, and published under forms/ (sv) and
en/forms/ (en).
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from importlib import metadata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from forebygg import form_documents
from forebygg.markers import pattern
from forebygg.site_config import current_language, language_prefix, locales, lookup
from forebygg.file_sizes import human_size
from forebygg.source_lines import page_line

log = get_plugin_logger(__name__)

# The current build's templates by id, and the pages that show them.
_templates: dict[str, form_documents.FormTemplate] = {}
_shown_on: dict[str, Page] = {}

# -----------------------------------------------------------------------------
# Hooks
# -----------------------------------------------------------------------------


# After i18n (-100), which sets the language of this build.
@event_priority(-110)
def on_config(config: MkDocsConfig):
    root = _root(config)
    problems = form_documents.check_languages(root, locales(config))
    if problems:
        raise PluginError("\n".join(problems))
    _templates.clear()
    _shown_on.clear()
    for template in form_documents.load_templates(root, config.theme["language"]):
        _templates[template.id] = template


# After i18n (-100), which keeps only the current language's files.
@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig):
    for template in _templates.values():
        for name, content in _documents(template.source, template.source.stat().st_mtime).items():
            files.append(File.generated(config, _published(config, name), content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files):
    def replace(match: re.Match) -> str:
        form_id = match.group(1)
        if form_id not in _templates:
            where = f"docs/{page.file.src_uri}:{page_line(page, markdown, match.start())}"
            known = ", ".join(sorted(_templates)) or "none"
            raise PluginError(f"{where}: there is no form '{form_id}' in forms/{config.theme['language']}/ – known: {known}")
        _shown_on[form_id] = page
        return form_on_page(_templates[form_id], page, config)

    return MARKER.sub(replace, markdown)


def on_env(env, config: MkDocsConfig, files: Files):
    for template in _templates.values():
        path = _published(config, f"{template.file}.html")
        page = _shown_on.get(template.id)
        if page is None:
            log.warning(
                f"forms/{template.language}/{template.id}.md: no page shows this form – add "
                f"<!-- md:form {template.id} --> to a page in docs/{template.language}/, or delete the form"
            )
        content = env.get_template("form_fill.html").render(
            **fill_in_context(template, path, page, config)
        )
        files.append(File.generated(config, path, content=content))
    return env


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------

MARKER = pattern("form")
FORMATS = ("docx", "odt", "pdf")


def form_on_page(template, page: Page, config: MkDocsConfig) -> str:
    """The example, its downloads and the link to fill it in, as raw HTML for Markdown."""
    language = config.theme["language"]
    text = functools.partial(_text, config.extra, language)
    name = template.title.split(" – ")[0]
    documents = _documents(template.source, template.source.stat().st_mtime)
    items = []
    for extension in FORMATS:
        path = _published(config, f"{template.file}.{extension}")
        size = len(documents[f"{template.file}.{extension}"])
        label = text(f"format_{extension}")
        items.append(
            f'<li><a href="{_url(page, path)}" download>{html.escape(name)} – {html.escape(label)}</a> '
            f"({extension.upper()}, {human_size(size, language)})</li>"
        )
    fill_in = _url(page, _published(config, f"{template.file}.html"))
    return (
        f'\n\n<div class="form-example">\n'
        f"{form_documents.to_html(template, heading_level=3)}"
        f'<p class="form-example__fill-in"><a href="{fill_in}">{html.escape(text("fill_in"))}</a></p>\n'
        f'<p class="form-example__downloads-intro">{html.escape(text("download"))}</p>\n'
        f'<ul class="form-example__downloads">{"".join(items)}</ul>\n'
        f"</div>\n\n"
    )


def fill_in_context(template, path: str, page: Page | None, config: MkDocsConfig) -> dict:
    """What overrides/form_fill.html needs to draw the on-screen form."""
    language = config.theme["language"]
    text = functools.partial(_text, config.extra, language)
    base = get_relative_url(".", path)  # the site's root, seen from the form

    def blank(field) -> str:
        ident = f"field-{field.name}"
        label = html.escape(field.label)
        if field.type == "signature":
            return (
                f'<li class="fill-field fill-field--signature"><span class="fill-field__line"></span>'
                f'<span class="fill-field__label">{label}</span>'
                f'<span class="fill-field__hint no-print">{html.escape(text("sign_by_hand"))}</span></li>'
            )
        hint = {"date": text("hint_date"), "personnummer": text("hint_personnummer")}.get(field.type)
        described = f' aria-describedby="{ident}-hint"' if hint else ""
        extra = error = ""
        if field.type == "personnummer":
            error = f'<span class="fill-field__error" id="{ident}-error" hidden></span>'
            extra = (
                f' inputmode="numeric" data-check="personnummer"'
                f' data-message-format="{html.escape(text("error_format"))}"'
                f' data-message-date="{html.escape(text("error_date"))}"'
                f' data-message-checksum="{html.escape(text("error_checksum"))}"'
            )
        return (
            f'<li class="fill-field fill-field--{field.type}"><label class="fill-field__label" for="{ident}">{label}</label>'
            + (f'<span class="fill-field__hint" id="{ident}-hint">{html.escape(hint)}</span>' if hint else "")
            + f'<input class="fill-field__input" type="text" id="{ident}" name="{field.name}" autocomplete="off"{described}{extra}>'
            f"{error}</li>"
        )

    back = get_relative_url(page.url, path) if page else base
    return {
        "language": language,
        "title": template.title,
        "site_name": config.site_name,
        "description": text("fill_in_description").replace("{name}", template.title.split(" – ")[0]),
        "body": form_documents.blocks_html(template, 1, blank, 'class="fill-fields"'),
        "stylesheet": f"{base}/assets/css/form-fill.css",
        "script": f"{base}/assets/js/form-fill.js",
        "back_url": back,
        "back_text": text("back").replace("{page}", page.title if page else config.site_name),
        "print_text": text("print"),
        "intro": text("fill_in_intro"),
    }


@functools.lru_cache(maxsize=None)
def _documents(source: Path, mtime: float) -> dict[str, bytes]:
    """DOCX, ODT and PDF of one template: made once per file and change.

    Making a PDF takes WeasyPrint most of a second, so the documents are also
    kept in .cache/forms/, under a key that changes with the template, the
    code that makes them and its libraries' versions. Delete the folder to
    make them all again.
    """
    root = source.parent.parent.parent
    folder = root / ".cache" / "forms" / f"{source.parent.name}-{source.stem}-{_cache_key(source)}"
    if folder.is_dir():
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}
    documents = form_documents.documents(form_documents.parse_template(source, root))
    partial = folder.with_name(folder.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    for name, content in documents.items():
        (partial / name).write_bytes(content)
    partial.replace(folder)
    return documents


def _cache_key(source: Path) -> str:
    digest = hashlib.sha256(source.read_bytes())
    digest.update(_code_key())
    return digest.hexdigest()[:16]


@functools.lru_cache(maxsize=None)
def _code_key() -> bytes:
    """The code that makes the documents and its libraries' versions (looked up once: slow)."""
    digest = hashlib.sha256(Path(form_documents.__file__).read_bytes())
    for package in ("weasyprint", "pydyf", "fonttools", "python-docx", "odfpy", "markdown"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.digest()


def _published(config: MkDocsConfig, name: str) -> str:
    return f"{language_prefix(config, current_language(config))}forms/{name}"


def _url(page: Page, path: str) -> str:
    return html.escape(get_relative_url(path, page.url))


def _text(extra, language: str, key: str) -> str:
    return lookup(extra, f"text.form.{key}", language, "overrides/")


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path or "mkdocs.yml").resolve().parent
