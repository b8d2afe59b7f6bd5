"""
The project's style sheets are published minified (forebygg.style_sheets): the same rules, fewer bytes.
"""

from __future__ import annotations

import pytest
import tinycss2

from site_build import PROJECT

# The project's own style sheets (docs/assets/css/, the specimen's too), as the specimen publishes them.
SHEETS = sorted(
    path.relative_to(PROJECT / "docs").as_posix()
    for path in (PROJECT / "docs" / "assets" / "css").glob("*.css")
)
assert SHEETS, "no style sheet in docs/assets/css/"
# At-rules that hold rules; the others (@page, @font-face) hold declarations.
GROUPING = {"media", "supports", "layer", "container", "starting-style", "scope"}
# The one value the build changes on purpose: the organisation's colour (forebygg.identity).
COLOUR = "--organisation-colour"


def rules(text: str, around: str = "") -> list[tuple]:
    """Each rule as (the at-rules around it, its selector, its declarations), read by tinycss2."""
    found = []
    for rule in tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True):
        if rule.type == "qualified-rule":
            found.append((around, tokens(rule.prelude, SELECTOR), declarations(rule.content)))
        elif rule.type == "at-rule":
            at = f"{around}@{rule.lower_at_keyword} {tokens(rule.prelude)} "
            if rule.content is None:
                found.append((at,))
            elif rule.lower_at_keyword in GROUPING:
                found += rules(tinycss2.serialize(rule.content), at)
            else:
                found.append((at, declarations(rule.content)))
        else:
            found.append((around, rule.type))
    return found


def declarations(content: list) -> list[tuple]:
    """A block's declarations as (name, value, !important), and the at-rules in it (@page's margins)."""
    found = []
    for item in tinycss2.parse_blocks_contents(content, skip_whitespace=True, skip_comments=True):
        if item.type == "declaration" and item.lower_name != COLOUR:
            found.append((item.lower_name, tokens(item.value), item.important))
        elif item.type == "at-rule":
            found.append((item.lower_at_keyword, tokens(item.prelude), declarations(item.content or [])))
        elif item.type == "qualified-rule":  # nested
            found.append((tokens(item.prelude, SELECTOR), declarations(item.content)))
        elif item.type != "declaration":
            found.append((item.type, tinycss2.serialize([item])))
    return found


def tokens(values: list, loose: str = "") -> str:
    """`values` as CSS reads them: comments dropped, and the spaces that mean nothing – after a
    comma, a colon or an opening bracket, before a closing one or a comma, and around the characters in
    `loose` (a selector's combinators). Those that mean something stay, as one space each: the
    descendant combinator before `:is()`, the spaces around + in calc()."""
    kept = []
    for token in values:  # a comment goes; the spaces on either side of it are one space
        if token.type != "comment" and not (
            token.type == "whitespace" and kept and kept[-1].type == "whitespace"
        ):
            kept.append(token)
    out = []
    for index, token in enumerate(kept):
        if token.type == "whitespace":
            before = kept[index - 1] if index else None
            after = kept[index + 1] if index + 1 < len(kept) else None
            if before is None or after is None:
                continue
            if _literal(before) in (",", "(", ":", *loose) or _literal(after) in (",", ")", *loose):
                continue
            out.append(" ")
        elif token.type in ("() block", "[] block", "{} block", "function"):
            inside = tokens(token.arguments if token.type == "function" else token.content, loose)
            opening = f"{token.lower_name}(" if token.type == "function" else token.type[0]
            out.append(f"{opening}{inside}{token.type[1] if token.type != 'function' else ')'}")
        else:
            out.append(tinycss2.serialize([token]))
    return "".join(out)


def _literal(token) -> str:
    return token.value if token.type == "literal" else ""


# A selector's combinators, around which spaces mean nothing.
SELECTOR = ">+~"


@pytest.mark.xdist_group("specimen")
@pytest.mark.parametrize("sheet", SHEETS)
def test_a_published_style_sheet_has_the_sources_rules_in_fewer_bytes(specimen, sheet):
    source = (PROJECT / "docs" / sheet).read_text(encoding="utf-8")
    published = (specimen.root / sheet).read_text(encoding="utf-8")
    assert rules(published) == rules(source)
    assert "/*" not in published, "a comment was published"
    assert len(published.encode()) < len(source.encode())
