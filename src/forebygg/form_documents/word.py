"""
A template as a Word document (DOCX), for editing and printing.
"""

from __future__ import annotations

from io import BytesIO

from .model import FieldGroup, FormTemplate, Heading, Inline, ListBlock, Paragraph
from .reproducible import FIXED_DATE, reproducible_zip
from .runs import printed_runs

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def to_docx(template: FormTemplate) -> bytes:
    """The template as a Word document, for editing and printing."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.shared import Mm

    document = docx.Document()
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin = section.bottom_margin = Mm(25)
    _language(document, template.regional or template.text_language, template.direction)
    # python-docx's own template carries a picture of some other document, and
    # a second copy of its styles for Word 2010, still in American English.
    for rels in (document.part.package.rels, document.part.rels):
        for key, relationship in list(rels.items()):
            if relationship.reltype in (RELATIONSHIP_TYPE.THUMBNAIL, STYLES_WITH_EFFECTS):
                del rels[key]
    _properties(document.core_properties, template)

    document.add_heading(template.title, level=1)
    for block in template.blocks:
        if isinstance(block, Heading):
            _add_runs(document.add_heading(level=min(block.level, 9)), block.runs)
        elif isinstance(block, Paragraph):
            _add_runs(document.add_paragraph(), block.runs)
        elif isinstance(block, ListBlock):
            style = "List Number" if block.ordered else "List Bullet"
            # Each numbered list counts from its own start, not on from the last.
            number = _new_numbering(document, style, block.start) if block.ordered else None
            for item in block.items:
                paragraph = document.add_paragraph(style=style)
                if number is not None:
                    _numbering(paragraph, number)
                _add_runs(paragraph, item)
        else:
            if block.heading:
                heading = document.add_heading(level=min(block.heading.level, 9))
                heading.paragraph_format.keep_with_next = True
                _add_runs(heading, block.heading.runs)
            _add_blanks(document, block)

    if template.direction == "rtl":
        for paragraph in document.paragraphs:
            _right_to_left(paragraph)
    output = BytesIO()
    document.save(output)
    return reproducible_zip(output.getvalue())


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _add_runs(paragraph, runs: Inline) -> None:
    from docx.enum.text import WD_BREAK

    for text, bold, italic in printed_runs(runs):
        if text == "\n":
            paragraph.add_run().add_break(WD_BREAK.LINE)
            continue
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None


def _add_blanks(document, group: FieldGroup) -> None:
    """Each blank as an empty paragraph with a line under it, then its label."""
    from docx.shared import Mm, Pt

    for i, field in enumerate(group.fields):
        last = i == len(group.fields) - 1
        line = document.add_paragraph()
        _bottom_border(line)
        line.paragraph_format.space_before = Pt(40 if field.kind.spaced else 26)
        line.paragraph_format.space_after = Pt(0)
        line.paragraph_format.keep_with_next = True
        if field.kind.short:
            line.paragraph_format.right_indent = Mm(80)
        label = document.add_paragraph()
        label.add_run(field.label).font.size = Pt(9)
        label.paragraph_format.space_before = Pt(2)
        label.paragraph_format.space_after = Pt(14 if last else 0)
        label.paragraph_format.keep_with_next = not last


def _right_to_left(paragraph) -> None:
    """A paragraph that runs from right to left (w:bidi), and each of its runs (w:rtl), bold and
    italic also in the complex-script forms that Word uses for such runs."""
    from docx.oxml import OxmlElement

    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(
        OxmlElement("w:bidi"), *PPR_AFTER_BORDER[PPR_AFTER_BORDER.index("w:bidi") + 1 :]
    )
    for run in paragraph.runs:
        run.font.rtl = True
        run.font.cs_bold = run.font.bold
        run.font.cs_italic = run.font.italic


def _properties(properties, template: FormTemplate) -> None:
    properties.title = template.title
    properties.subject = template.description
    properties.language = template.text_language
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.revision = 1
    properties.created = properties.modified = properties.last_printed = FIXED_DATE.replace(tzinfo=None)


def _language(document, tag: str, direction: str = "ltr") -> None:
    """The language every run has unless it says otherwise: spelling, hyphenation, speech. A run
    written from right to left takes the language of its complex script (w:bidi) instead."""
    from docx.oxml.ns import qn

    defaults = document.styles.element.find(qn("w:docDefaults"))
    for lang in defaults.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)
        if direction == "rtl":
            lang.set(qn("w:bidi"), tag)


PPR_AFTER_BORDER = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _bottom_border(paragraph) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    # WordprocessingML wants pPr's children in order, and python-docx has no
    # order for pBdr (it deletes its _tag_seq): these come after it.
    properties.insert_element_before(border, *PPR_AFTER_BORDER)


def _new_numbering(document, style: str, start: int) -> int:
    """A new numbering of `style`'s list, counting from `start`; its numId."""
    numbering = document.part.numbering_part.element
    style_num = document.styles[style].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num = numbering.add_num(abstract)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _numbering(paragraph, num_id: int) -> None:
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id
