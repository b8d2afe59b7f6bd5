"""
A template as an OpenDocument text (ODT, LibreOffice), for editing and printing.

Unlike the Word file, every paragraph has a named style, so a reader can
restyle the form in LibreOffice.
"""

from __future__ import annotations

from io import BytesIO

from .model import FieldType, FormTemplate, Heading, Inline, ListBlock, Paragraph
from .reproducible import DOCUMENT_FONT, FIXED_DATE, reproducible_zip
from .runs import printed_runs


def to_odt(template: FormTemplate) -> bytes:
    """The template as an OpenDocument text (LibreOffice), for editing and printing."""
    from odf import dc
    from odf import meta as odf_meta
    from odf.opendocument import OpenDocumentText
    from odf.text import H, List, ListItem, P

    document = OpenDocumentText()
    _styles(document, template.text_language, template.regional, template.direction)
    document.meta.addElement(dc.Title(text=template.title))
    document.meta.addElement(dc.Language(text=template.text_language))
    if template.description:
        document.meta.addElement(dc.Description(text=template.description))
    fixed = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%S")
    document.meta.addElement(odf_meta.CreationDate(text=fixed))
    document.meta.addElement(dc.Date(text=fixed))

    body = document.text
    body.addElement(H(outlinelevel=1, stylename="Heading_20_1", text=template.title))
    for block in template.blocks:
        if isinstance(block, Heading):
            level = min(block.level, 6)
            body.addElement(_with_runs(H(outlinelevel=level, stylename=f"Heading_20_{level}"), block.runs))
        elif isinstance(block, Paragraph):
            body.addElement(_with_runs(P(stylename="Text_20_body"), block.runs))
        elif isinstance(block, ListBlock):
            odf_list = List(stylename="Numbering_20_123" if block.ordered else "List_20_1")
            for i, item in enumerate(block.items):
                list_item = ListItem(startvalue=block.start) if i == 0 and block.ordered else ListItem()
                list_item.addElement(_with_runs(P(stylename="List_20_Contents"), item))
                odf_list.addElement(list_item)
            body.addElement(odf_list)
        else:
            if block.heading:
                level = min(block.heading.level, 6)
                heading = H(outlinelevel=level, stylename=f"Heading_20_{level}")
                body.addElement(_with_runs(heading, block.heading.runs))
            for i, field in enumerate(block.fields):
                last = i == len(block.fields) - 1
                body.addElement(P(stylename=_line_style(field.kind)))
                label_style = "Form_20_Label_20_End" if last else "Form_20_Label"
                body.addElement(P(stylename=label_style, text=field.label))
    return reproducible_zip(_odt_bytes(document))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _with_runs(element, runs: Inline):
    from odf.text import LineBreak, Span

    for text, bold, italic in printed_runs(runs):
        if text == "\n":
            element.addElement(LineBreak())
        elif bold or italic:
            style = {(True, False): "Bold", (False, True): "Italic"}.get((bold, italic), "BoldItalic")
            element.addElement(Span(stylename=style, text=text))
        else:
            element.addText(text)
    return element


def _line_style(kind: FieldType) -> str:
    """The paragraph style of a blank's line: more space above wins over a short line."""
    if kind.spaced:
        return "Form_20_Signature_20_Line"
    return "Form_20_Line_20_Short" if kind.short else "Form_20_Line"


def _styles(document, language: str, regional: str, direction: str = "ltr") -> None:
    """The default style, the named styles and the A4 page. A text written from right to left
    (Arabic, Persian) runs so on every paragraph and page (writing mode rl-tb), and its language is
    the one LibreOffice reads such scripts in (its 'complex text layout' language)."""
    from odf.style import (
        DefaultStyle,
        FontFace,
        MasterPage,
        PageLayout,
        PageLayoutProperties,
        ParagraphProperties,
        TextProperties,
    )

    country = regional.partition("-")[2]
    right_to_left = direction == "rtl"
    document.fontfacedecls.addElement(
        FontFace(
            name=DOCUMENT_FONT,
            fontfamily=f"'{DOCUMENT_FONT}'",
            fontfamilygeneric="swiss",
            fontpitch="variable",
        )
    )
    default = DefaultStyle(family="paragraph")
    text = {"fontname": DOCUMENT_FONT, "fontsize": "11pt", "language": language, "country": country or "none"}
    if right_to_left:
        default.addElement(ParagraphProperties(writingmode="rl-tb"))
        text.update(
            fontsizecomplex="11pt",
            languagecomplex=language,
            countrycomplex=country or "none",
        )
    default.addElement(TextProperties(**text))
    document.styles.addElement(default)
    _paragraph_styles(document)
    _text_and_list_styles(document)

    layout = PageLayout(name="A4")
    layout.addElement(
        PageLayoutProperties(
            pagewidth="21cm",
            pageheight="29.7cm",
            printorientation="portrait",
            margintop="2.5cm",
            marginbottom="2.2cm",
            marginleft="2.5cm",
            marginright="2.5cm",
            **({"writingmode": "rl-tb"} if right_to_left else {}),
        )
    )
    document.automaticstyles.addElement(layout)
    document.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))


def _paragraph_styles(document) -> None:
    from odf.style import ParagraphProperties, Style, TextProperties

    def add(name: str, display: str, paragraph: dict, text: dict | None = None, **extra) -> None:
        style = Style(name=name, displayname=display, family="paragraph", **extra)
        style.addElement(ParagraphProperties(**paragraph))
        if text:
            style.addElement(TextProperties(**text))
        document.styles.addElement(style)

    add("Standard", "Default Paragraph Style", {}, None, attributes={"class": "text"})
    add(
        "Text_20_body",
        "Body Text",
        {"margintop": "0cm", "marginbottom": "0.25cm"},
        parentstylename="Standard",
        attributes={"class": "text"},
    )
    add(
        "List_20_Contents",
        "List Contents",
        {"margintop": "0cm", "marginbottom": "0.12cm"},
        parentstylename="Standard",
        attributes={"class": "list"},
    )
    for level, size in zip(range(1, 7), ("17pt", "13pt", "12pt", "11pt", "11pt", "11pt"), strict=True):
        add(
            f"Heading_20_{level}",
            f"Heading {level}",
            {
                "margintop": "0.1cm" if level == 1 else "0.4cm",
                "marginbottom": "0.3cm",
                "keepwithnext": "always",
            },
            {"fontsize": size, "fontweight": "bold"},
            parentstylename="Standard",
            defaultoutlinelevel=str(level),
            attributes={"class": "text"},
        )
    # A blank is an empty paragraph with a line under it. join-border false:
    # LibreOffice otherwise draws bordered paragraphs in a row as one box.
    line = {
        "borderbottom": "0.5pt solid #000000",
        "joinborder": "false",
        "padding": "0cm",
        "marginbottom": "0cm",
        "keepwithnext": "always",
    }
    add("Form_20_Line", "Form line", {**line, "margintop": "0.9cm"}, parentstylename="Standard")
    add(
        "Form_20_Line_20_Short",
        "Form line, short",
        {**line, "margintop": "0.9cm", "marginright": "8cm"},
        parentstylename="Standard",
    )
    add(
        "Form_20_Signature_20_Line",
        "Form signature line",
        {**line, "margintop": "1.4cm"},
        parentstylename="Standard",
    )
    add(
        "Form_20_Label",
        "Form label",
        {"margintop": "0.07cm", "marginbottom": "0cm", "keepwithnext": "always"},
        {"fontsize": "9pt"},
        parentstylename="Standard",
    )
    add(
        "Form_20_Label_20_End",
        "Form label, last",
        {"margintop": "0.07cm", "marginbottom": "0.5cm"},
        {"fontsize": "9pt"},
        parentstylename="Standard",
    )


def _text_and_list_styles(document) -> None:
    from odf.style import ListLevelProperties, Style, TextProperties
    from odf.text import ListLevelStyleBullet, ListLevelStyleNumber, ListStyle

    for name, text in (
        ("Bold", {"fontweight": "bold"}),
        ("Italic", {"fontstyle": "italic"}),
        ("BoldItalic", {"fontweight": "bold", "fontstyle": "italic"}),
    ):
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
