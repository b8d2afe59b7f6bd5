"""
Targets large enough to hit (WCAG 2.5.8, target size minimum): on every page,
404 page and fill-in form, on a phone and on a desktop.

A control or link is at least 24 × 24 px, or far enough from the others that a
24 px circle on its centre touches no other target and no other small target's
circle. A link in a sentence is exempt, as WCAG allows: its line is its size.
The footer's links (accessibility, privacy, contact) are 24 px high in any case.
"""

from __future__ import annotations

import pytest

from site_actions import visit

TARGETS = """() => {
  const SELECTOR = 'a[href], button, input:not([type=hidden]), select, textarea, summary,'
    + ' label[for][tabindex], [role=button], [tabindex="0"]';
  const inline = el => {
    if (el.tagName !== 'A') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    const text = node => node.textContent.replace(/\\s+/g, ' ').trim();
    return !!block && text(block) !== text(el);  // there is text around it: it is in a sentence
  };
  const targets = [...document.querySelectorAll(SELECTOR)]
    .filter(el => el.checkVisibility({visibilityProperty: true, opacityProperty: true}))
    .filter(el => !el.closest('[aria-hidden="true"], .glossary__tip'))
    .map(el => ({el, box: el.getBoundingClientRect()}))
    .filter(({box}) => box.width > 0 && box.height > 0);
  const small = targets.filter(({el, box}) => (box.width < 24 || box.height < 24) && !inline(el));
  const centre = box => [box.left + box.width / 2, box.top + box.height / 2];
  // Distance from a point to a box: 0 inside it.
  const distance = ([x, y], box) => Math.hypot(
    Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => '.' + c).join('')
    + ' "' + (el.textContent || el.getAttribute('aria-label') || '').replace(/\\s+/g, ' ').trim().slice(0, 30) + '"';
  const problems = [];
  for (const {el, box} of small) {
    const c = centre(box);
    const near = targets.filter(other => other.el !== el && !other.el.contains(el) && !el.contains(other.el))
      .filter(other => distance(c, other.box) < 12
        || (small.includes(other) && Math.hypot(c[0] - centre(other.box)[0], c[1] - centre(other.box)[1]) < 24));
    if (near.length) {
      problems.push(`${name(el)} is ${Math.round(box.width)} × ${Math.round(box.height)} px, `
        + `${near.length} target(s) within its 24 px circle, such as ${name(near[0].el)}`);
    }
  }
  return problems;
}"""

FOOTER_LINKS = """() => [...document.querySelectorAll('footer .site-footer__links a')]
  .map(a => [a.textContent.trim(), a.getBoundingClientRect().toJSON()])"""
# A small Android phone (where the footer's links stack), an iPhone, and a desktop.
WIDTHS = {
    "phone-360": {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True},
    "phone-390": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_every_target_is_24_px_or_has_room_around_it(browser, server, width):
    context = browser.new_context(base_url=server.origin, **WIDTHS[width])
    page = context.new_page()
    problems = []
    for path in server.pages() + server.missing_pages() + server.fill_in_pages():
        visit(page, path)
        problems += [f"{path}: {problem}" for problem in page.evaluate(TARGETS)]
        # The footer's links stand alone, and are at least 24 px whatever the room around them.
        for text, box in page.evaluate(FOOTER_LINKS):
            if box["width"] < 24 or box["height"] < 24:
                problems.append(
                    f"{path}: the footer link {text!r} is {box['width']:.0f} × {box['height']:.0f} px"
                )
    context.close()
    assert not problems, f"targets too small and too close ({width}, WCAG 2.5.8):\n" + "\n".join(problems)
