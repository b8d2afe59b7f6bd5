"""
Template forms on the site: the example, the downloads, and the on-screen form.

Each form's text is one Markdown file per language in forms/ (see
forms/README.md); the package forebygg.form_documents reads it and makes
the DOCX, ODT and PDF, and Jinja partials draw the example
(overrides/partials/form-example.html) and the fill-in page
(overrides/form-fill.html). A page shows a form where an editor writes the marker

    <!-- md:form samtycke -->

as the example, download links with format and size, and a link to the
page where it can be filled in on screen and printed. A leaflet (`leaflet:
true`), a text to hand over, shows as its title, description and downloads
only. The documents are made once per template and language, and published
under forms/ (sv) and en/forms/ (en).

A link in a template to a page of the site is written as the page's file in
docs/<language>/ (`[webbplatsen](riskerar-du-att-bli-vrakt/index.md)`); it
leads to the page's full address, from site_url, in the documents and on the
site, and on paper the address follows the link's text.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from forebygg import form_documents
from forebygg.build_cache import cache_folder
from forebygg.file_sizes import human_size
from forebygg.form_documents.reproducible import DOCUMENT_FONT
from forebygg.hyphenation import soft_hyphens_in_headings
from forebygg.markers import pattern
from forebygg.site_config import (
    current_language,
    language_prefix,
    locales,
    page_url,
    project_root,
    regional_language,
    shown_as,
    text_direction,
    texts,
    theme_template,
)
from forebygg.source_lines import page_line

log = get_plugin_logger(__name__)


class Forms:
    def __init__(self) -> None:
        # Of the language being built: its templates by id, and the pages that show them.
        self.templates: dict[str, form_documents.FormTemplate] = {}
        self.shown_on: dict[str, Page] = {}

    # After i18n, which sets the language of this build.
    def on_config(self, config: MkDocsConfig):
        root = project_root(config)
        kept_in = cache_folder(root, "form-templates")  # what reading a template made, for the next build
        problems = form_documents.check_languages(root, locales(config), kept_in)
        if problems:
            raise PluginError("\n".join(problems))
        self.templates.clear()
        self.shown_on.clear()
        for template in form_documents.load_templates(root, config.theme["language"], kept_in):
            # A copy not yet translated is spelt as the language whose text it still has.
            regional = regional_language(config, template.text_language)
            addresses = page_addresses(template, config)
            self.templates[template.id] = form_documents.with_addresses(
                dataclasses.replace(template, regional=regional, addresses=addresses)
            )

    # After i18n, which keeps only the current language's files.
    def on_files(self, files: Files, config: MkDocsConfig):
        for template in self.templates.values():
            try:
                documents = _documents(template)
            except form_documents.FormError as error:
                raise PluginError(str(error)) from None
            for name, content in documents.items():
                files.append(File.generated(config, _published(config, name), content=content))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        def replace(match: re.Match) -> str:
            form_id = match.group(1)
            if form_id not in self.templates:
                where = f"docs/{page.file.src_uri}:{page_line(page, markdown, match.start())}"
                known = ", ".join(sorted(self.templates)) or "none"
                raise PluginError(
                    f"{where}: there is no form '{form_id}' in forms/{current_language(config)}/ – known: {known}"
                )
            self.shown_on[form_id] = page
            return form_on_page(self.templates[form_id], page, config)

        return MARKER.sub(replace, markdown)

    # MkDocs 1.6 reads every page's Markdown before on_env, so shown_on is complete here.
    def on_env(self, env, config: MkDocsConfig, files: Files):
        for template in self.templates.values():
            path = _published(config, f"{template.file}.html")
            page = self.shown_on.get(template.id)
            if page is None:
                log.warning(
                    f"forms/{template.language}/{template.id}.md: no page shows this form – add "
                    f"<!-- md:form {template.id} --> to a page in docs/{template.language}/, or delete the form"
                )
            context = fill_in_context(template, path, page, config)
            # For the site's footer (partials/copyright.html): extra(), as every page has it.
            context["extra"] = env.globals["extra"]
            content = theme_template(config, "form-fill.html").render(**context)
            content = soft_hyphens_in_headings(content, template.language, project_root(config))
            files.append(File.generated(config, path, content=content))
        return env


MARKER = pattern("form")
FORMATS = ("docx", "odt", "pdf")


def page_addresses(
    template: form_documents.FormTemplate, config: MkDocsConfig
) -> tuple[tuple[str, str], ...]:
    """Each link of `template` to a page of the site, with the page's full address: (link, address).

    The page's file is read from docs/<language>/, and its address made as MkDocs makes it.
    """
    folder = Path(config.docs_dir) / template.language
    found = []
    for link in form_documents.page_links(template):
        file, _, anchor = link.partition("#")
        if not (folder / file).is_file():
            where = shown_as(config, template.source)
            line = _line_with(template.source, f"]({link}")
            raise PluginError(
                f"{where}:{line}: the link '{link}' leads to no page: there is no docs/{template.language}/{file} "
                f"– write the page's file as it is in docs/{template.language}/, for example index.md"
            )
        url = File(file, str(folder), config.site_dir, config.use_directory_urls).url
        address = (config.site_url or "/") + language_prefix(config, template.language) + url
        found.append((link, address + (f"#{anchor}" if anchor else "")))
    return tuple(found)


def _line_with(source: Path, text: str) -> int:
    """The first line of `source` that holds `text`; 1 when none does."""
    for number, line in enumerate(source.read_text(encoding="utf-8-sig").splitlines(), 1):
        if text in line:
            return number
    return 1


def form_on_page(template: form_documents.FormTemplate, page: Page, config: MkDocsConfig) -> str:
    """The example, its downloads and the link to fill it in, as raw HTML for Markdown;
    for a leaflet its title, description and downloads."""
    documents = _documents(template)
    downloads = [
        {
            "url": page_url(page, _published(config, f"{template.file}.{extension}")),
            "extension": extension,
            "size": human_size(len(documents[f"{template.file}.{extension}"]), template.regional),
        }
        for extension in FORMATS
    ]
    partial = "partials/form-leaflet.html" if template.leaflet else "partials/form-example.html"
    html = theme_template(config, partial).render(
        template=template,
        heading_level=3,
        texts=_texts(config),
        downloads=downloads,
        fill_in_url=page_url(page, _published(config, f"{template.file}.html")),
    )
    # Blank lines around it: Markdown passes a block of raw HTML through as it is.
    return f"\n\n{html.strip()}\n\n"


def fill_in_context(
    template: form_documents.FormTemplate, path: str, page: Page | None, config: MkDocsConfig
) -> dict:
    """What overrides/form-fill.html needs to draw the on-screen form."""
    base = get_relative_url(".", path)  # the site's root, seen from the form
    return {
        "template": template,
        "direction": text_direction(current_language(config)),
        "texts": _texts(config),
        "site_name": config.site_name,
        # For the site's footer (partials/copyright.html): the root of the form's language.
        "config": config,
        "language_base_url": get_relative_url(language_prefix(config, current_language(config)) or ".", path),
        "stylesheet": f"{base}/assets/css/form-fill.css",
        "script": f"{base}/assets/js/form-fill.js",
        "back_url": get_relative_url(page.url, path) if page else base,
        "back_title": page.title if page else config.site_name,
    }


def _documents(template: form_documents.FormTemplate) -> dict[str, bytes]:
    return _made(template.source, template.source.stat().st_mtime, template.regional, template.addresses)


@functools.cache
def _made(
    source: Path, mtime: float, regional: str, addresses: tuple[tuple[str, str], ...]
) -> dict[str, bytes]:
    """DOCX, ODT and PDF of one template: made once per file, change, regional form and
    addresses of the pages it links to.

    Making all the forms' documents takes seconds, mostly WeasyPrint's PDFs, so they are also
    kept in .cache/forms/, under a key that changes with the template, its regional form, the
    addresses, the code that makes them, the font the PDF embeds and the libraries'
    versions. Delete the folder to make them all again.
    """
    root = source.parent.parent.parent
    key = _cache_key(source, regional, addresses)
    folder = root / ".cache" / "forms" / f"{source.parent.name}-{source.stem}-{key}"
    if folder.is_dir():
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}
    template = dataclasses.replace(
        form_documents.parse_template(source, root), regional=regional, addresses=addresses
    )
    documents = form_documents.documents(template)
    partial = folder.with_name(folder.name + ".partial")
    partial.mkdir(parents=True, exist_ok=True)
    for name, content in documents.items():
        (partial / name).write_bytes(content)
    partial.replace(folder)
    return documents


def _cache_key(source: Path, regional: str, addresses: tuple[tuple[str, str], ...] = ()) -> str:
    digest = hashlib.sha256(source.read_bytes())
    digest.update(f"\0{regional}\0".encode())
    for link, address in addresses:
        digest.update(f"{link}\0{address}\0".encode())
    digest.update(_code_key())
    # The font of a language whose letters the document font lacks (Arabic: pdf.text_font).
    digest.update(_font_key(regional.split("-")[0] or source.parent.name))
    return digest.hexdigest()[:16]


@functools.cache
def _font_key(language: str) -> bytes:
    family, file = form_documents.text_font(language)
    if family == DOCUMENT_FONT:
        return b""
    return hashlib.sha256(file.read_bytes() if file else family.encode()).digest()


# Looked up once per process: reading the versions and finding the font is slow.
@functools.cache
def _code_key() -> bytes:
    package = Path(form_documents.__file__).parent
    return form_documents.code_key(package, form_documents.document_font_file())


def _texts(config: MkDocsConfig) -> dict[str, str]:
    return texts(config, "forms", "forebygg/forms.py")


def _published(config: MkDocsConfig, name: str) -> str:
    return f"{language_prefix(config, current_language(config))}forms/{name}"
