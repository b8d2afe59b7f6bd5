"""
A trial for issue 32, run by `bench/run.py paint`: each measured page drawn from its HTML alone.

Not how the site is built. A trial page is the built page with the rules its
first screen needs on a phone in a `<style>` of its own and without its two
style sheets, served from a copy of the site whose CSP allows that `<style>`
by its hash. What it shows is how near ×1.15 of the bare text a page comes
once the first paint waits for no style sheet, and how many bytes its rules
take (CONTRIBUTING.md, Performance, says why it is not the site's way yet).

The rules are found as the browser lays the page out, at PHONE:
- the elements within the first screen, and the elements that contain them;
- what comes before the first screen's last element in the page but is not
  shown (the closed menu, the folded search, a glossary term's explanation):
  its outermost element, whose rules hide it;
- then every rule of the page's style sheets that matches one of them
  (cssselect2; a selector's states, :hover and the like, left out, so that
  it matches as the element stands), in media queries that hold at PHONE's
  width, and the custom properties those rules use.
`differing_pixels` compares the trial's first screen with the page's own.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import cssselect2
import lxml.html
import tinycss2

from forebygg.csp import source_hash

# Lighthouse's mobile screen, in CSS pixels.
PHONE = {"width": 412, "height": 823}
# The marks the browser leaves on the elements the first screen needs.
MARK = "data-first-screen"
# A selector's states and pseudo-elements: left out, so that it matches the element as it stands.
STATES = re.compile(
    r"::?(-webkit-|-moz-|-ms-)?(hover|focus-visible|focus-within|focus|active|visited|target|before|after"
    r"|marker|placeholder-shown|placeholder|selection|first-letter|first-line|scrollbar[-a-z]*|backdrop"
    r"|disabled|enabled|indeterminate|invalid|valid|open|modal|popover-open|-webkit-[a-z-]+|-moz-[a-z-]+)"
    r"(\([^()]*\))?"
)
WIDTH = re.compile(r"\((min|max)-width:\s*([\d.]+)(em|px)\)")
MARK_SCRIPT = """mark => {
  const shown = e => {
    const box = e.getBoundingClientRect(), style = getComputedStyle(e);
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
      && box.right > 0 && box.left < innerWidth && style.visibility !== 'hidden';
  };
  const all = [...document.querySelectorAll('body *')];
  const marked = new Set();
  for (const e of all) if (shown(e)) for (let up = e; up; up = up.parentElement) marked.add(up);
  const last = all.filter(shown).pop() || document.body;
  for (const e of all)
    if (!marked.has(e) && e.compareDocumentPosition(last) & Node.DOCUMENT_POSITION_FOLLOWING
        && e.parentElement && marked.has(e.parentElement)) marked.add(e);
  for (const e of marked) e.setAttribute(mark, '');
  return document.documentElement.outerHTML;
}"""


def first_screen_rules(page, url: str, site: Path) -> str:
    """The rules the first screen of the page at `url` needs on a phone (see above), as CSS."""
    page.set_viewport_size(PHONE)
    page.goto(url, wait_until="load")
    root = lxml.html.fromstring(page.evaluate(MARK_SCRIPT, MARK))
    document = cssselect2.ElementWrapper.from_html_root(root)
    sheets = [
        site / (urlpart(url) + link.get("href")).lstrip("/")
        for link in root.xpath("//head/link[@rel='stylesheet']")
    ]
    rules = []
    for sheet in sheets:
        css = sheet.resolve().read_text(encoding="utf-8")
        rules += _matching(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), document)
    return _with_used_properties("".join(rules))


def urlpart(url: str) -> str:
    """The folder of `url` within its site: '/riskerar-du-att-bli-vrakt/' of 'http://…/riskerar-du-att-bli-vrakt/'."""
    return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"


def _matching(rules: list, document, known: dict | None = None) -> list[str]:
    known = {} if known is None else known
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
            matching = [s for s in selectors if _matches(s, document, known)]
            if matching:
                kept.append(",".join(matching) + "{" + tinycss2.serialize(rule.content).strip() + "}")
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content:
            prelude = tinycss2.serialize(rule.prelude).strip()
            if rule.lower_at_keyword == "media" and not _holds_on_a_phone(prelude):
                continue
            inner = tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True)
            found = _matching(inner, document, known)
            if found:
                kept.append(f"@{rule.lower_at_keyword} {prelude}{{{''.join(found)}}}")
    return kept


def _matches(selector: str, document, known: dict) -> bool:
    bare = STATES.sub("", selector).strip() or "*"
    if bare not in known:
        try:
            compiled = cssselect2.compile_selector_list(bare)
        except cssselect2.SelectorError:
            known[bare] = True  # a selector cssselect2 cannot read: kept
        else:
            known[bare] = any(
                element.etree_element.get(MARK) is not None
                for selector in compiled
                for element in document.query_all(selector)
            )
    return known[bare]


def _holds_on_a_phone(prelude: str) -> bool:
    if "print" in prelude and "screen" not in prelude:
        return False
    for bound, value, unit in WIDTH.findall(prelude):
        width = float(value) * (16 if unit == "em" else 1)
        if (bound == "min" and PHONE["width"] < width) or (bound == "max" and PHONE["width"] > width):
            return False
    return True


def _with_used_properties(css: str) -> str:
    """`css` without the custom properties (--name) that no kept rule uses, however indirectly."""
    for _ in range(8):
        used = set(re.findall(r"var\((--[\w-]+)", css))
        pruned = "".join(
            _pruned(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True), used)
        )
        if pruned == css:
            return css
        css = pruned
    return css


def _pruned(rules: list, used: set) -> list[str]:
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = [
                d
                for d in tinycss2.parse_declaration_list(
                    rule.content, skip_whitespace=True, skip_comments=True
                )
                if d.type == "declaration" and (not d.name.startswith("--") or d.name in used)
            ]
            if declarations:
                body = ";".join(
                    f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                    for d in declarations
                )
                out.append(f"{tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
        elif rule.type == "at-rule" and rule.content:
            inner = _pruned(
                tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True), used
            )
            if inner:
                out.append(
                    f"@{rule.lower_at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{''.join(inner)}}}"
                )
    return out


def write_trial_page(site: Path, trial: Path, path: str, rules: str) -> str:
    """The page at `path` in the copy `trial` of `site`: its rules in a `<style>`, its style sheets
    gone; the `'sha256-…'` that allows the `<style>`."""
    target = trial / path.lstrip("/") / "index.html"
    html = (site / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
    html, links = re.subn(r'<link rel="stylesheet" href="[^"]*">\s*', "", html)
    if not links:
        raise RuntimeError(f"{path}: no style sheet to leave out – has overrides/main.html changed?")
    target.write_text(html.replace("</head>", f"<style>{rules}</style></head>", 1), encoding="utf-8")
    return source_hash(rules)


def trial_deploy(deploy: Path, folder: Path, hashes: list[str]) -> Path:
    """A copy of `deploy` in `folder` whose CSP allows the trial pages' `<style>`s by their hashes."""
    shutil.copytree(deploy, folder)
    headers = folder / "security-headers.conf"
    text = headers.read_text(encoding="utf-8")
    if text.count("style-src 'self'") != 1:
        raise RuntimeError(
            f"{headers}: expected one style-src 'self' in the CSP, to add the trial's hashes to"
        )
    headers.write_text(
        text.replace("style-src 'self'", " ".join(["style-src 'self'", *hashes])), encoding="utf-8"
    )
    return folder


def differing_pixels(browser, page_url: str, trial_url: str) -> int:
    """The pixels of a phone's first screen that differ between the page and its trial."""
    from PIL import Image, ImageChops

    shots = []
    for url in (page_url, trial_url):
        tab = browser.new_page(viewport=PHONE)
        tab.goto(url, wait_until="load")
        tab.wait_for_timeout(500)  # the after-paint scripts have run
        shots.append(Image.open(io.BytesIO(tab.screenshot())).convert("L"))
        tab.close()
    difference = ImageChops.difference(*shots).point(lambda value: 255 if value else 0)
    return difference.histogram()[255]
