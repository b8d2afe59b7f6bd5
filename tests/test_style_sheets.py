"""
The project's style sheets are published minified (forebygg.style_sheets): the same rules, fewer bytes.
"""

from __future__ import annotations

import gzip

import pytest
import tinycss2

from site_build import PROJECT

# The project's own style sheets (docs/assets/css/, the specimen's too), as the specimen publishes them.
SHEETS = ["assets/css/site.css", "assets/css/form-fill.css"]
# The one value the build changes on purpose: the organisation's colour (forebygg.identity).
COLOUR = "--organisation-colour"


def rules(text: str, around: str = "") -> list[tuple]:
    """Each rule as (the at-rules around it, its selector, its declarations), read by tinycss2."""
    found = []
    for rule in tinycss2.parse_stylesheet(text, skip_whitespace=True, skip_comments=True):
        if rule.type == "qualified-rule":
            declarations = [
                (d.lower_name, tokens(d.value), d.important)
                for d in tinycss2.parse_declaration_list(
                    rule.content, skip_whitespace=True, skip_comments=True
                )
                if d.type == "declaration" and d.lower_name != COLOUR
            ]
            found.append((around, tokens(rule.prelude, SELECTOR), declarations))
        elif rule.type == "at-rule":
            at = f"{around}@{rule.lower_at_keyword} {tokens(rule.prelude)} "
            found += rules(tinycss2.serialize(rule.content), at) if rule.content else [(at,)]
        else:
            found.append((around, rule.type))
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
    assert len(gzip.compress(published.encode())) < 0.7 * len(gzip.compress(source.encode()))
