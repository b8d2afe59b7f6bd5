"""
The template forms – the letter of intent and the consent form – as files.

Editors keep the text of each form in one Markdown file per language,
`forms/<language>/<id>.md` (the format is described in forms/README.md).
This module reads such a file and makes from it

- the example shown on a page, as an HTML fragment (`to_html`),
- the downloads: Word (`to_docx`), OpenDocument (`to_odt`) and a PDF whose
  blanks can be filled in on screen (`to_pdf`).

Every download is reproducible: the same template gives the same bytes, so a
rebuilt site has changed files only where a text changed.

Not a hook itself: hooks/forms.py calls it. Nothing here imports MkDocs.
"""

from __future__ import annotations

import base64
import functools
import html
import logging
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

import markdown
import yaml

FIELD_TYPES = ("text", "date", "personnummer", "signature")

# The date every download claims as created, modified and printed: a fixed
# one, so that two builds of the same text give the same bytes.
FIXED_DATE = datetime(2000, 1, 1, tzinfo=timezone.utc)

# The name of each language in messages to editors.
LANGUAGE_NAMES = {"sv": "Swedish", "en": "English"}

# Language tags with a region, which word processors need for spelling.
REGIONAL_LANGUAGES = {"sv": "sv-SE", "en": "en-GB"}


class FormError(Exception):
    """A mistake in a template; the message is `path:line: what is wrong – how to fix it`."""


@dataclass(frozen=True)
class Field:
    """One blank to fill in. `name` is unique in its template and names the PDF field."""

    name: str
    label: str
    type: str
    line: int


@dataclass(frozen=True)
class Heading:
    level: int  # as in the Markdown: `##` is 2 (the title is 1)
    html: str


@dataclass(frozen=True)
class Paragraph:
    html: str


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[str, ...]  # each item's inline HTML
    start: int = 1


@dataclass(frozen=True)
class FieldGroup:
    fields: tuple[Field, ...]


Block = Heading | Paragraph | ListBlock | FieldGroup


@dataclass(frozen=True)
class FormTemplate:
    id: str  # the file name without .md, the same in every language
    language: str  # the name of the template's folder: sv, en
    file: str  # the downloads' base name in this language
    title: str  # plain text
    description: str
    blocks: tuple[Block, ...]  # the text and blanks after the title, in order
    fields: tuple[Field, ...]
    source: Path


# -----------------------------------------------------------------------------
# Reading templates
# -----------------------------------------------------------------------------


def parse_template(path: Path, root: Path) -> FormTemplate:
    """Read one template; raise FormError for a mistake in it.

    `root` is the folder that holds forms/; messages name the file relative to it.
    """
    return _parse_text(path.read_text(encoding="utf-8-sig"), path, root)


# Each language's build, and each rebuild of `mkdocs serve`, reads every
# template again; only a changed text is parsed again.
@functools.lru_cache(maxsize=256)
def _parse_text(text: str, path: Path, root: Path) -> FormTemplate:
    where = _display_path(path, root)
    lines = text.splitlines()
    meta, body_start = _front_matter(lines, where)
    title, title_index = _title(lines, body_start, where)

    blocks: list[Block] = []
    fields: list[Field] = []
    names: set[str] = set()
    for kind, start, chunk in _chunks(lines, title_index):
        if kind == "text":
            blocks += _text_blocks(chunk, start, where)
            continue
        group = []
        for number, line in enumerate(chunk, start):
            field = _field(line, number, names, where)
            names.add(field.name)
            group.append(field)
        blocks.append(FieldGroup(tuple(group)))
        fields += group

    return FormTemplate(
        id=path.stem,
        language=path.parent.name,
        file=meta["file"],
        title=title,
        description=meta.get("description") or "",
        blocks=tuple(blocks),
        fields=tuple(fields),
        source=path,
    )


def load_templates(root: Path, language: str) -> list[FormTemplate]:
    """Every template of one language, forms/<language>/*.md, by id."""
    folder = root / "forms" / language
    return [parse_template(p, root) for p in sorted(folder.glob("*.md"))]


def check_languages(root: Path, languages: list[str]) -> list[str]:
    """Problems across templates, one message each; empty when all is well.

    A template must exist in every language, with as many blanks of the same
    types in the same order; two templates of one language must not share a
    download name. A template that cannot be read gives its FormError message.
    The first language is the one the others are compared with.
    """
    problems: list[str] = []
    templates: dict[tuple[str, str], FormTemplate] = {}
    ids: set[str] = set()
    for language in languages:
        for path in sorted((root / "forms" / language).glob("*.md")):
            ids.add(path.stem)
            try:
                templates[language, path.stem] = parse_template(path, root)
            except FormError as error:
                problems.append(str(error))

    for id_ in sorted(ids):
        present = [lang for lang in languages if (root / "forms" / lang / f"{id_}.md").exists()]
        for language in languages:
            if language not in present:
                have = present[0]
                problems.append(
                    f"forms/{have}/{id_}.md:1: no {_language_name(language)} version "
                    f"forms/{language}/{id_}.md – add it, with the same blanks, or remove "
                    f"the {_language_name(have)} one"
                )
        readable = [templates[lang, id_] for lang in present if (lang, id_) in templates]
        for other in readable[1:]:
            problems += _different_fields(readable[0], other, root)

    # Two templates with one download name would overwrite each other's files.
    for language in languages:
        owners: dict[str, FormTemplate] = {}
        for (lang, _), t in sorted(templates.items()):
            if lang == language and t.file in owners:
                problems.append(
                    f"{_display_path(t.source, root)}:1: the download name 'file: {t.file}' is "
                    f"also used by {_display_path(owners[t.file].source, root)} – give each "
                    f"template its own"
                )
            elif lang == language:
                owners[t.file] = t
    return problems


# -----------------------------------------------------------------------------
# Writing: the page's example and the downloads
# -----------------------------------------------------------------------------


def to_html(t: FormTemplate, heading_level: int = 2) -> str:
    """The example for a page: an <article> whose title is an <h`heading_level`>.

    Blanks are `<ul class="form-fields">` lists; each `<li class="form-field
    form-field--TYPE">` holds an empty `<span class="form-field-line">`, to be
    drawn as a line by the site's CSS, and the label in `<span
    class="form-field-label">` after it, the way a paper form has it.
    """
    if not 1 <= heading_level <= 6:
        raise ValueError(f"heading_level must be 1 to 6, not {heading_level}")

    def blank(field: Field) -> str:
        return (
            f'<li class="form-field form-field--{field.type}">'
            f'<span class="form-field-line"></span>'
            f'<span class="form-field-label">{html.escape(field.label)}</span></li>'
        )

    body = blocks_html(t, heading_level, blank, 'class="form-fields"')
    return (
        f'<article class="form-template" lang="{html.escape(t.language)}">\n'
        f"{_heading(heading_level, html.escape(t.title))}\n{body}</article>\n"
    )


def to_docx(t: FormTemplate) -> bytes:
    """The template as a Word document, for editing and printing."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.shared import Mm, Pt

    document = docx.Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
    _docx_language(document, REGIONAL_LANGUAGES.get(t.language, t.language))
    # python-docx's own template carries a picture of some other document, and
    # a second copy of its styles for Word 2010, still in American English.
    for rels in (document.part.package.rels, document.part.rels):
        for key, relationship in list(rels.items()):
            if relationship.reltype in (RELATIONSHIP_TYPE.THUMBNAIL, STYLES_WITH_EFFECTS):
                del rels[key]
    _docx_properties(document.core_properties, t)

    def add_runs(paragraph, inline_html: str) -> None:
        for text, bold, italic in _runs(inline_html):
            if text == "\n":
                paragraph.add_run().add_break(WD_BREAK.LINE)
                continue
            run = paragraph.add_run(text)
            run.bold = bold or None
            run.italic = italic or None

    document.add_heading(t.title, level=1)
    for block in t.blocks:
        if isinstance(block, Heading):
            add_runs(document.add_heading(level=min(block.level, 9)), block.html)
        elif isinstance(block, Paragraph):
            add_runs(document.add_paragraph(), block.html)
        elif isinstance(block, ListBlock):
            style = "List Number" if block.ordered else "List Bullet"
            # Each numbered list counts from its own start, not on from the last.
            number = _docx_new_numbering(document, style, block.start) if block.ordered else None
            for item in block.items:
                paragraph = document.add_paragraph(style=style)
                if number is not None:
                    _docx_numbering(paragraph, number)
                add_runs(paragraph, item)
        else:
            for i, field in enumerate(block.fields):
                last = i == len(block.fields) - 1
                line = document.add_paragraph()
                _docx_bottom_border(line)
                line.paragraph_format.space_before = Pt(40 if field.type == "signature" else 26)
                line.paragraph_format.space_after = Pt(0)
                line.paragraph_format.keep_with_next = True
                if field.type in ("date", "personnummer"):
                    line.paragraph_format.right_indent = Mm(80)
                label = document.add_paragraph()
                label.add_run(field.label).font.size = Pt(9)
                label.paragraph_format.space_before = Pt(2)
                label.paragraph_format.space_after = Pt(14 if last else 0)
                label.paragraph_format.keep_with_next = not last

    output = BytesIO()
    document.save(output)
    return _reproducible_zip(output.getvalue())


def to_odt(t: FormTemplate) -> bytes:
    """The template as an OpenDocument text (LibreOffice), for editing and printing."""
    from odf import dc
    from odf import meta as odf_meta
    from odf.opendocument import OpenDocumentText
    from odf.text import H, LineBreak, List, ListItem, P, Span

    document = OpenDocumentText()
    _odt_styles(document, t.language)
    document.meta.addElement(dc.Title(text=t.title))
    document.meta.addElement(dc.Language(text=t.language))
    if t.description:
        document.meta.addElement(dc.Description(text=t.description))
    fixed = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%S")
    document.meta.addElement(odf_meta.CreationDate(text=fixed))
    document.meta.addElement(dc.Date(text=fixed))

    def add_runs(element, inline_html: str):
        for text, bold, italic in _runs(inline_html):
            if text == "\n":
                element.addElement(LineBreak())
            elif bold or italic:
                style = {(True, False): "Bold", (False, True): "Italic"}.get((bold, italic), "BoldItalic")
                element.addElement(Span(stylename=style, text=text))
            else:
                element.addText(text)
        return element

    body = document.text
    body.addElement(H(outlinelevel=1, stylename="Heading_20_1", text=t.title))
    for block in t.blocks:
        if isinstance(block, Heading):
            level = min(block.level, 6)
            body.addElement(add_runs(H(outlinelevel=level, stylename=f"Heading_20_{level}"), block.html))
        elif isinstance(block, Paragraph):
            body.addElement(add_runs(P(stylename="Text_20_body"), block.html))
        elif isinstance(block, ListBlock):
            odf_list = List(stylename="Numbering_20_123" if block.ordered else "List_20_1")
            for i, item in enumerate(block.items):
                list_item = ListItem(startvalue=block.start) if i == 0 and block.ordered else ListItem()
                list_item.addElement(add_runs(P(stylename="List_20_Contents"), item))
                odf_list.addElement(list_item)
            body.addElement(odf_list)
        else:
            for i, field in enumerate(block.fields):
                last = i == len(block.fields) - 1
                body.addElement(P(stylename=ODT_LINE_STYLES[field.type]))
                label_style = "Form_20_Label_20_End" if last else "Form_20_Label"
                body.addElement(P(stylename=label_style, text=field.label))
    return _reproducible_zip(_odt_bytes(document))


def to_pdf(t: FormTemplate) -> bytes:
    """The template as a tagged PDF (PDF/UA-1) whose blanks are fillable fields.

    Each blank is an AcroForm text field named after the field's `name`, with
    its label as the field's tooltip (TU). The fields use a small Latin subset
    of the text font: WeasyPrint embeds a field's font whole, which would make
    each PDF 100 kB or more instead of about 40.
    """
    import weasyprint

    return weasyprint.HTML(string=_pdf_document_html(t)).write_pdf(
        pdf_variant="pdf/ua-1",
        pdf_forms=True,
        # /ID from a hash of the content: the same for the same text.
        pdf_identifier=True,
    )


def documents(t: FormTemplate) -> dict[str, bytes]:
    """Every download of a template by its file name: {'samtycke.pdf': ..., ...}."""
    return {
        f"{t.file}.docx": to_docx(t),
        f"{t.file}.odt": to_odt(t),
        f"{t.file}.pdf": to_pdf(t),
    }


# -----------------------------------------------------------------------------
# Helper functions: reading
# -----------------------------------------------------------------------------

FIELD_LINE = re.compile(r"^ {0,3}_{3,}(?:\s+(?P<rest>.*))?$")
FIELD_TYPE = re.compile(r"\{\s*(?P<type>[^{}]*?)\s*\}\s*$")
# A Markdown H1 (`# Title`, also `#Title`), not a `##` heading.
H1_LINE = re.compile(r"^ {0,3}#(?!#)\s*(?P<title>.*?)(?:\s+#+)?\s*$")
DOWNLOAD_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FRONT_MATTER_KEYS = ("file", "description")
UNSUPPORTED = {
    "hr": "a horizontal line (--- or ***)",
    "blockquote": "a quote (>)",
    "pre": "a code block",
    "table": "a table",
}


def _display_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"'{code}'")


def _different_fields(first: FormTemplate, other: FormTemplate, root: Path) -> list[str]:
    """How `other`'s blanks differ from those of `first`, its version in another language."""
    here, there = _display_path(other.source, root), _display_path(first.source, root)
    how = "give every language the same blanks in the same order"
    if len(other.fields) != len(first.fields):
        line = other.fields[-1].line if other.fields else 1
        return [
            f"{here}:{line}: {_blanks(len(other.fields))}, but {there} has "
            f"{_blanks(len(first.fields))} – {how}"
        ]
    return [
        f"{here}:{b.line}: blank {n} '{b.label}' is {{{b.type}}}, but in {there}:{a.line} "
        f"'{a.label}' is {{{a.type}}} – {how}"
        for n, (a, b) in enumerate(zip(first.fields, other.fields), 1)
        if a.type != b.type
    ]


def _blanks(count: int) -> str:
    return f"{count} blank" if count == 1 else f"{count} blanks"


def _front_matter(lines: list[str], where: str) -> tuple[dict, int]:
    """The front matter's values, and the index of the first line after it."""
    how = "start the file with a line '---', then 'file: NAME' and a line '---'"
    if not lines or lines[0].strip() != "---":
        raise FormError(f"{where}:1: no front matter with 'file:' – {how}")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise FormError(f"{where}:1: the front matter has no closing '---' – {how}")
    try:
        values = yaml.safe_load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise FormError(
            f"{where}:{line}: the front matter is not valid YAML – write 'key: value' lines"
        ) from None
    if not isinstance(values, dict):
        raise FormError(f"{where}:2: the front matter is not 'key: value' lines – {how}")

    def line_of(key: str) -> int:
        pattern = re.compile(rf"^\s*{re.escape(str(key))}\s*:")
        return next((i + 1 for i in range(1, end) if pattern.match(lines[i])), 1)

    for key in values:
        if key not in FRONT_MATTER_KEYS:
            raise FormError(
                f"{where}:{line_of(key)}: unknown front matter key '{key}' – use "
                f"{' or '.join(FRONT_MATTER_KEYS)}"
            )
    name = values.get("file")
    if name is None or name == "":
        raise FormError(
            f"{where}:1: missing 'file:' – add the downloads' name in this language to the "
            f"front matter, for example 'file: samtycke'"
        )
    if not isinstance(name, str) or not DOWNLOAD_NAME.match(name):
        raise FormError(
            f"{where}:{line_of('file')}: 'file: {name}' is not a usable download name – use "
            f"lowercase letters a–z, digits and hyphens, without an extension"
        )
    description = values.get("description")
    if description is not None and not isinstance(description, str):
        raise FormError(f"{where}:{line_of('description')}: 'description:' must be one sentence of text")
    return values, end + 1


def _title(lines: list[str], first: int, where: str) -> tuple[str, int]:
    """The plain text of the one `# Title` line, and the line's index."""
    how = "begin the text with one line '# Title'"
    content = [i for i in range(first, len(lines)) if lines[i].strip()]
    titles = [i for i in content if H1_LINE.match(lines[i])]
    if not titles:
        line = content[0] + 1 if content else first + 1 if first < len(lines) else 1
        raise FormError(f"{where}:{line}: no title – {how}")
    if content[0] != titles[0]:
        raise FormError(f"{where}:{content[0] + 1}: text before the title – {how}")
    if len(titles) > 1:
        raise FormError(
            f"{where}:{titles[1] + 1}: a second '# ' title – a form has one title; "
            f"use '## ' for a heading inside it"
        )
    title = _text(_parse_html(markdown.markdown(H1_LINE.match(lines[titles[0]])["title"])))
    if not title:
        raise FormError(f"{where}:{titles[0] + 1}: the title is empty – write it after '# '")
    return title, titles[0]


def _chunks(lines: list[str], title_index: int) -> list[tuple[str, int, list[str]]]:
    """The lines after the title as ('text' or 'fields', number of the first line, lines).

    Blank lines belong to the text, so a blank line ends a group of blanks.
    """
    chunks: list[tuple[str, int, list[str]]] = []
    for i in range(title_index + 1, len(lines)):
        kind = "fields" if FIELD_LINE.match(lines[i]) else "text"
        if chunks and chunks[-1][0] == kind:
            chunks[-1][2].append(lines[i])
        else:
            chunks.append((kind, i + 1, [lines[i]]))
    return [c for c in chunks if any(line.strip() for line in c[2])]


def _field(line: str, number: int, taken: set[str], where: str) -> Field:
    rest = (FIELD_LINE.match(line)["rest"] or "").strip()
    kind = "text"
    if match := FIELD_TYPE.search(rest):
        kind = match["type"].lower()
        rest = rest[: match.start()].strip()
        if kind not in FIELD_TYPES:
            raise FormError(
                f"{where}:{number}: unknown field type '{match['type']}' – use "
                f"{', '.join(FIELD_TYPES[:-1])} or {FIELD_TYPES[-1]}"
            )
    if not rest:
        raise FormError(
            f"{where}:{number}: a blank without a label – write what goes on the line after "
            f"'___ ', for example '___ Datum {{date}}'"
        )
    base = _field_name(rest)
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return Field(name=name, label=rest, type=kind, line=number)


def _field_name(label: str) -> str:
    """A stable identifier from a label: 'Namn/Underskrift' is namn_underskrift."""
    plain = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_") or "field"


def _text_blocks(lines: list[str], first: int, where: str) -> list[Block]:
    """Headings, paragraphs and lists from Markdown text, via Python-Markdown's HTML.

    `first` is the number of the first of `lines` in the file, for messages.
    """
    how = "use paragraphs, '## ' headings, numbered or bulleted lists, **bold** and *italic*"

    def error(what: str, found) -> FormError:
        return FormError(f"{where}:{_line_of(lines, first, found)}: {what}")

    blocks: list[Block] = []
    for node in _markdown_blocks("\n".join(lines)):
        if isinstance(node, str):
            raise error(f"text outside a paragraph (HTML?) – {how}", lambda n: isinstance(n, str))
        tag = node.tag
        if tag == "h1":
            raise error(
                "a second title – a form has one title; use '## ' for a heading inside it",
                lambda n: getattr(n, "tag", "") == "h1",
            )
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            if not _text(node):
                raise error(
                    "an empty heading – write its text after the '#' signs",
                    lambda n: getattr(n, "tag", "") == tag and not _text(n),
                )
            blocks.append(Heading(int(tag[1]), _inner_html(node)))
        elif tag == "p":
            blocks.append(Paragraph(_inner_html(node)))
        elif tag in ("ol", "ul"):
            if _nested_list(node):
                raise error("a list inside a list – a form's lists have one level", _nested_list)
            items = []
            for item in node.children:
                if isinstance(item, str):
                    continue
                # A loose list wraps each item in <p>: keep the item's text only.
                parts = [_inner_html(c) if getattr(c, "tag", "") == "p" else _html(c) for c in item.children]
                items.append(" ".join(p.strip() for p in parts if p.strip()))
            start = node.get("start") or "1"
            blocks.append(ListBlock(tag == "ol", tuple(items), int(start) if start.isdigit() else 1))
        else:
            what = UNSUPPORTED.get(tag, f"HTML <{tag}>")
            raise error(
                f"{what} is not supported in a form – {how}", lambda n: getattr(n, "tag", "") == tag
            )
    return blocks


def _markdown_blocks(text: str) -> list:
    """The top-level elements of Python-Markdown's HTML for `text`; no whitespace between them."""
    root = _parse_html(markdown.markdown(text, extensions=["sane_lists"]))
    return [c for c in root.children if not isinstance(c, str) or c.strip()]


def _nested_list(node) -> bool:
    return getattr(node, "tag", "") in ("ol", "ul") and any(
        getattr(c, "tag", "") in ("ol", "ul") for item in node.children if not isinstance(item, str)
        for c in item.children
    )


def _line_of(lines: list[str], first: int, found) -> int:
    """The number of the line where the text that gives a `found(element)` element begins.

    Renders the text a paragraph (lines between blank lines) at a time; used
    only to name the line in a message.
    """
    starts = [i for i, line in enumerate(lines) if line.strip() and (i == 0 or not lines[i - 1].strip())]
    for i in starts:
        end = next((j for j in range(i, len(lines)) if not lines[j].strip()), len(lines))
        if any(found(node) for node in _markdown_blocks("\n".join(lines[i:end]))):
            return first + i
    return first + (starts[0] if starts else 0)


# ---- A small HTML tree, of Python-Markdown's output ----


@dataclass
class _Element:
    tag: str
    attrs: list[tuple[str, str | None]]
    children: list  # of _Element and str

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.attrs if k == name), None)


VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
}


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element("root", [], [])
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, attrs, [])
        self.open[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.open[-1].children.append(_Element(tag, attrs, []))

    def handle_endtag(self, tag):
        # Close the innermost open element of that name; ignore a stray end tag.
        for i in range(len(self.open) - 1, 0, -1):
            if self.open[i].tag == tag:
                del self.open[i:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def _parse_html(text: str) -> _Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def _html(node) -> str:
    if isinstance(node, str):
        return html.escape(node, quote=False)
    attrs = "".join(f' {k}="{html.escape(v or "")}"' for k, v in node.attrs)
    if node.tag in VOID_ELEMENTS:
        return f"<{node.tag}{attrs}>"
    return f"<{node.tag}{attrs}>{_inner_html(node)}</{node.tag}>"


def _inner_html(node: _Element) -> str:
    return "".join(_html(c) for c in node.children).strip()


def _text(node) -> str:
    def walk(n):
        if isinstance(n, str):
            yield n
        else:
            for c in n.children:
                yield from walk(c)

    return re.sub(r"\s+", " ", "".join(walk(node))).strip()


def _runs(inline_html: str) -> list[tuple[str, bool, bool]]:
    """Inline HTML as (text, bold, italic) runs, whitespace collapsed; '\\n' is a line break."""
    runs: list[tuple[str, bool, bool]] = []

    def walk(node, bold, italic):
        if isinstance(node, str):
            runs.append((re.sub(r"\s+", " ", node), bold, italic))
            return
        if node.tag == "br":
            runs.append(("\n", bold, italic))
            return
        bold = bold or node.tag in ("strong", "b")
        italic = italic or node.tag in ("em", "i")
        for child in node.children:
            walk(child, bold, italic)
        # A link on paper: its address after its text.
        href = node.get("href") if node.tag == "a" else None
        if href and href != _text(node) and re.match(r"^(https?:|mailto:)", href):
            runs.append((f" ({href.removeprefix('mailto:')})", bold, italic))

    for child in _parse_html(inline_html).children:
        walk(child, False, False)

    merged: list[tuple[str, bool, bool]] = []
    for text, bold, italic in runs:
        if merged and text != "\n" and merged[-1][0] != "\n" and merged[-1][1:] == (bold, italic):
            merged[-1] = (merged[-1][0] + text, bold, italic)
        else:
            merged.append((text, bold, italic))
    # No space at the start or end of a line.
    cleaned = []
    for i, (text, bold, italic) in enumerate(merged):
        if text != "\n":
            if i == 0 or merged[i - 1][0] == "\n":
                text = text.lstrip()
            if i == len(merged) - 1 or merged[i + 1][0] == "\n":
                text = text.rstrip()
        if text:
            cleaned.append((re.sub(r"  +", " ", text), bold, italic))
    return cleaned


# -----------------------------------------------------------------------------
# Helper functions: writing
# -----------------------------------------------------------------------------


def _heading(level: int, inner: str) -> str:
    return f"<h{level}>{inner}</h{level}>"


def blocks_html(t: FormTemplate, title_level: int, blank, fields_attrs: str) -> str:
    """The blocks after the title as HTML; `blank(field)` gives each blank's <li>."""
    out = []
    for block in t.blocks:
        if isinstance(block, Heading):
            out.append(_heading(min(block.level + title_level - 1, 6), block.html))
        elif isinstance(block, Paragraph):
            out.append(f"<p>{block.html}</p>")
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            items = "".join(f"<li>{item}</li>" for item in block.items)
            out.append(f"<{tag}{start}>{items}</{tag}>")
        else:
            out.append(f"<ul {fields_attrs}>" + "".join(blank(f) for f in block.fields) + "</ul>")
    return "".join(f"{part}\n" for part in out)


# ---- PDF ----

# The PDF's text font; its Latin subset is the fields' font.
PDF_FONT = "Liberation Sans"

# What a name, date or address in a European language needs, and punctuation.
FIELD_FONT_CHARACTERS = [
    *range(0x20, 0x7F),
    *range(0xA0, 0x250),
    *range(0x2010, 0x2027),
    0x20AC,
]

PDF_CSS = """
@page { size: A4; margin: 25mm 25mm 22mm; }
html { font-family: "%(font)s", sans-serif; font-size: 11pt; line-height: 1.4; color: #000; }
body { margin: 0; }
h1 { font-size: 17pt; line-height: 1.25; margin: 0 0 14pt; }
h2, h3, h4, h5, h6 { font-size: 12pt; margin: 14pt 0 6pt; break-after: avoid; }
p { margin: 0 0 8pt; }
ol, ul { margin: 0 0 8pt; padding-left: 18pt; }
li { margin-bottom: 4pt; }
ul.fields { list-style: none; padding: 0; margin: 6pt 0 16pt; break-inside: avoid; }
ul.fields li { margin: 0 0 8pt; break-inside: avoid; }
input {
  display: block; box-sizing: border-box; width: 100%%; height: 28pt; margin: 0; padding: 0 2pt;
  border: 0; border-bottom: 0.75pt solid #000; background: none;
  font-family: "Form field", "%(font)s", sans-serif; font-size: 11pt; color: #000;
}
li.date input, li.personnummer input { width: 50%%; }
li.signature input { height: 40pt; }
label { display: block; font-size: 9pt; margin-top: 2pt; }
"""


def _pdf_document_html(t: FormTemplate) -> str:
    def blank(field: Field) -> str:
        # 13 characters: YYYYMMDD-NNNN.
        limit = ' maxlength="13"' if field.type == "personnummer" else ""
        return (
            f'<li class="{field.type}"><input type="text" id="{field.name}" name="{field.name}"{limit}>'
            f'<label for="{field.name}">{html.escape(field.label)}</label></li>'
        )

    description = (
        f'<meta name="description" content="{html.escape(t.description)}">' if t.description else ""
    )
    css = _field_font_face() + PDF_CSS % {"font": PDF_FONT}
    # The <form> lets WeasyPrint take each field's tooltip from its <label>.
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(t.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(t.title)}</title>\n{description}<style>{css}</style>\n</head>\n"
        f"<body><form>\n<h1>{html.escape(t.title)}</h1>\n"
        f"{blocks_html(t, 1, blank, 'class=fields')}</form></body>\n</html>\n"
    )


@functools.cache
def _field_font_face() -> str:
    """CSS @font-face for 'Form field': a Latin subset of PDF_FONT, or '' when it is not found.

    Without it the fields fall back to the text font, which WeasyPrint embeds
    whole: the PDF still works, at some 100 kB more.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont

    try:
        found = subprocess.run(
            ["fc-match", "--format=%{file}", f"{PDF_FONT}:style=Regular"],
            capture_output=True, text=True, check=True, timeout=30,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""
    if not found.lower().endswith((".ttf", ".otf")):
        return ""
    # recalcTimestamp=False: otherwise the font, and so the PDF, carries today's date.
    font = TTFont(found, recalcTimestamp=False)
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.notdef_outline = True
    options.drop_tables += ["DSIG", "FFTM", "GDEF", "GPOS", "GSUB", "kern"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=FIELD_FONT_CHARACTERS)
    # fontTools reports every glyph it keeps; that is not news in a site build.
    log = logging.getLogger("fontTools.subset")
    level = log.level
    log.setLevel(logging.WARNING)
    try:
        subsetter.subset(font)
    finally:
        log.setLevel(level)
    data = BytesIO()
    font.save(data)
    kind, media = ("opentype", "otf") if found.lower().endswith(".otf") else ("truetype", "ttf")
    url = f"data:font/{media};base64,{base64.b64encode(data.getvalue()).decode()}"
    return f'@font-face {{ font-family: "Form field"; src: url({url}) format("{kind}"); }}\n'


# ---- DOCX ----


def _docx_properties(properties, t: FormTemplate) -> None:
    properties.title = t.title
    properties.subject = t.description
    properties.language = t.language
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = FIXED_DATE.replace(tzinfo=None)


def _docx_language(document, tag: str) -> None:
    """The language every run has unless it says otherwise: spelling, hyphenation, speech."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)


STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"

PPR_AFTER_BORDER = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def _docx_bottom_border(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    # WordprocessingML wants pPr's children in order: these come after pBdr.
    properties.insert_element_before(border, *PPR_AFTER_BORDER)


def _docx_new_numbering(document, style: str, start: int) -> int:
    """A new numbering of `style`'s list, counting from `start`; its numId."""
    numbering = document.part.numbering_part.element
    style_num = document.styles[style].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _docx_numbering(paragraph, num_id: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id


# ---- ODT ----

ODT_LINE_STYLES = {
    "text": "Form_20_Line",
    "date": "Form_20_Line_20_Short",
    "personnummer": "Form_20_Line_20_Short",
    "signature": "Form_20_Signature_20_Line",
}


def _odt_styles(document, language: str) -> None:
    from odf.style import (
        DefaultStyle,
        FontFace,
        ListLevelProperties,
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        ParagraphProperties,
        Style,
        TextProperties,
    )
    from odf.text import ListLevelStyleBullet, ListLevelStyleNumber, ListStyle

    country = REGIONAL_LANGUAGES.get(language, language).partition("-")[2]
    document.fontfacedecls.addElement(
        FontFace(name=PDF_FONT, fontfamily=f"'{PDF_FONT}'", fontfamilygeneric="swiss", fontpitch="variable")
    )
    default = DefaultStyle(family="paragraph")
    default.addElement(
        TextProperties(fontname=PDF_FONT, fontsize="11pt", language=language, country=country or "none")
    )
    document.styles.addElement(default)

    def paragraph_style(name: str, display: str, paragraph: dict, text: dict | None = None, **extra) -> None:
        style = Style(name=name, displayname=display, family="paragraph", **extra)
        style.addElement(ParagraphProperties(**paragraph))
        if text:
            style.addElement(TextProperties(**text))
        document.styles.addElement(style)

    paragraph_style("Standard", "Default Paragraph Style", {}, None, attributes={"class": "text"})
    paragraph_style("Text_20_body", "Body Text", {"margintop": "0cm", "marginbottom": "0.25cm"},
                    parentstylename="Standard", attributes={"class": "text"})
    paragraph_style("List_20_Contents", "List Contents", {"margintop": "0cm", "marginbottom": "0.12cm"},
                    parentstylename="Standard", attributes={"class": "list"})
    for level, size in zip(range(1, 7), ("17pt", "13pt", "12pt", "11pt", "11pt", "11pt")):
        paragraph_style(
            f"Heading_20_{level}", f"Heading {level}",
            {"margintop": "0.1cm" if level == 1 else "0.4cm", "marginbottom": "0.3cm",
             "keepwithnext": "always"},
            {"fontsize": size, "fontweight": "bold"},
            parentstylename="Standard", defaultoutlinelevel=str(level), attributes={"class": "text"},
        )
    # A blank is an empty paragraph with a line under it. join-border false:
    # LibreOffice otherwise draws bordered paragraphs in a row as one box.
    line = {"borderbottom": "0.5pt solid #000000", "joinborder": "false", "padding": "0cm",
            "marginbottom": "0cm", "keepwithnext": "always"}
    paragraph_style("Form_20_Line", "Form line", {**line, "margintop": "0.9cm"}, parentstylename="Standard")
    paragraph_style("Form_20_Line_20_Short", "Form line, short",
                    {**line, "margintop": "0.9cm", "marginright": "8cm"}, parentstylename="Standard")
    paragraph_style("Form_20_Signature_20_Line", "Form signature line",
                    {**line, "margintop": "1.4cm"}, parentstylename="Standard")
    paragraph_style("Form_20_Label", "Form label", {"margintop": "0.07cm", "marginbottom": "0cm",
                    "keepwithnext": "always"}, {"fontsize": "9pt"}, parentstylename="Standard")
    paragraph_style("Form_20_Label_20_End", "Form label, last",
                    {"margintop": "0.07cm", "marginbottom": "0.5cm"},
                    {"fontsize": "9pt"}, parentstylename="Standard")

    for name, text in (("Bold", {"fontweight": "bold"}), ("Italic", {"fontstyle": "italic"}),
                       ("BoldItalic", {"fontweight": "bold", "fontstyle": "italic"})):
        style = Style(name=name, family="text")
        style.addElement(TextProperties(**text))
        document.automaticstyles.addElement(style)

    numbers = ListStyle(name="Numbering_20_123", displayname="Numbering 123")
    number = ListLevelStyleNumber(level=1, numformat="1", numsuffix=".")
    number.addElement(ListLevelProperties(spacebefore="0.2cm", minlabelwidth="0.6cm"))
    numbers.addElement(number)
    document.styles.addElement(numbers)
    bullets = ListStyle(name="List_20_1", displayname="List 1")
    bullet = ListLevelStyleBullet(level=1, bulletchar="•")
    bullet.addElement(ListLevelProperties(spacebefore="0.2cm", minlabelwidth="0.6cm"))
    bullets.addElement(bullet)
    document.styles.addElement(bullets)

    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(
        pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
        margintop="2.5cm", marginbottom="2.2cm", marginleft="2.5cm", marginright="2.5cm",
    ))
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))


def _odt_bytes(document) -> bytes:
    """The document's file.

    odfpy declares, at the top of each XML file it writes, every namespace
    that any element made in this process has used so far (a class attribute
    that only grows). Declare exactly the ones this document uses, in one
    order, so that the file does not depend on what was made before it.
    """
    from odf.element import Element
    from odf.namespaces import MANIFESTNS, METANS, nsdict

    used = {MANIFESTNS, METANS}  # the manifest and the generator, added while saving

    def walk(node):
        if node.nodeType == node.ELEMENT_NODE:
            used.add(node.qname[0])
            used.update(namespace for namespace, _ in node.attributes)
            for child in node.childNodes:
                walk(child)

    walk(document.topnode)
    before = Element.namespaces
    Element.namespaces = {ns: nsdict[ns] for ns in sorted(used, key=lambda ns: nsdict[ns])}
    try:
        output = BytesIO()
        document.save(output)
    finally:
        before.update(Element.namespaces)
        Element.namespaces = before
    return output.getvalue()


# ---- ZIP ----


def _reproducible_zip(data: bytes) -> bytes:
    """The same ZIP with fixed dates and permissions, and 'mimetype' first and uncompressed.

    python-docx and odfpy date each entry with the time of writing.
    """
    with ZipFile(BytesIO(data)) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    entries.sort(key=lambda entry: entry[0] != "mimetype")  # stable: the rest keep their order
    output = BytesIO()
    with ZipFile(output, "w") as target:
        for name, content in entries:
            info = ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = ZIP_STORED if name == "mimetype" else ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            target.writestr(info, content)
    return output.getvalue()
