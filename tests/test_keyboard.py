"""
Keyboard use at every width: the menu, visible focus, search and the language switch.

WCAG 2.1.1 (everything by keyboard), 2.4.3 (focus order), 2.4.7 (focus visible) and
2.4.11 (focus not obscured). Where the menu is a drawer (below 1220 px: a phone, a
laptop, a desktop zoomed to 150 %), a closed panel – a section's pages, the page's
contents, the folded search, the language list – takes no focus until it opens.
"""

from __future__ import annotations

import pytest
from mkdocs.utils import yaml_load
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from site_actions import MATERIAL_STARTED, SETTLED, settle_without_scripts, visit
from site_build import PROJECT, languages

# On every page of the project (the two tabbing tests); what the menu, search and language
# switch do, on the specimen (tests/specimen/), whose menu has a section of pages.
CONFIG = yaml_load((PROJECT / "mkdocs.yml").open(encoding="utf-8"))
MENU_NAME = CONFIG["extra"]["text"]["menu"]["open"]
PREFIXES = {language["locale"]: f"/{language['locale']}/" for language in languages(CONFIG)[1:]}

PHONE = {"width": 390, "height": 844}
# A 1280 × 800 desktop zoomed to 150 %: 853 CSS px, below Material's 60em, where the
# page's contents are a panel inside the menu and the search field is folded away.
ZOOMED = {"viewport": {"width": 853, "height": 533}, "device_scale_factor": 1.5}
WIDTHS = {
    "phone": {"viewport": PHONE, "device_scale_factor": 3, "is_mobile": True, "has_touch": True},
    "zoomed-150": ZOOMED,
}

# Where focus is and how it shows: its box, whether it is seen, and its outline.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const x = Math.min(Math.max(box.x + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.y + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  // What the ring is drawn on: outside the element (offset >= 0) its parent's background, else its own;
  // translucent backgrounds laid over each other down to an opaque one (or the white page).
  const layers = [];
  let node = parseFloat(style.outlineOffset) >= 0 ? el.parentElement : el;
  for (; node; node = node.parentElement) {
    const parts = getComputedStyle(node).backgroundColor.match(/[\\d.]+/g).map(Number);
    const alpha = parts.length === 4 ? parts[3] : 1;
    if (alpha > 0) layers.push([parts[0], parts[1], parts[2], alpha]);
    if (alpha === 1) break;
  }
  let colour = [255, 255, 255];
  for (const [r, g, b, a] of layers.reverse()) {
    colour = [r * a + colour[0] * (1 - a), g * a + colour[1] * (1 - a), b * a + colour[2] * (1 - a)];
  }
  const background = 'rgb(' + colour.map(Math.round).join(', ') + ')';
  return {
    name: el.tagName + ' "' + (el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 30) + '"',
    inViewport: box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight,
    seen: el.checkVisibility({visibilityProperty: true, opacityProperty: true}),
    onTop: !!top && (top === el || el.contains(top) || top.contains(el)),
    coveredBy: top ? top.tagName + (top.className && typeof top.className === 'string'
      ? '.' + top.className.trim().split(/\\s+/).join('.') : '') : '',
    outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    outlineColour: style.outlineColor, background,
    inMenu: !!el.closest('.md-sidebar--primary'),
    menuOpen: document.getElementById('__drawer')?.checked ?? false,
  };
}"""
# Says where focus is once nothing moves that could move it, hide it, or change how its
# ring is measured: every transition on the focused element and its ancestors (but for a
# link's colour fading in), and elsewhere those that move or hide a box (an overlay
# sliding in). Each such transition is brought to its end at once (Animation.finish()),
# which gives the state it would come to, without waiting for it frame by frame; then
# one frame for what the page's scripts do when it ends, and a transition that starts
# then is ended in turn. Colours and shadows elsewhere, such
# as the header's shadow fading in on scrolling, are left to run. The browser scrolls
# focus into view at once.
FOCUS_WHEN_STILL = f"""async () => {{
  const moves = new RegExp('^(transform|translate|scale|rotate|opacity|visibility|display|clip-path'
    + '|inset|top|right|bottom|left|width|height|max-height|max-width|margin.*|padding.*)$');
  const moving = () => document.getAnimations().filter(a => {{
    if (a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity) return false;
    const property = a.transitionProperty || '', target = a.effect.target;
    if (target && target.contains(document.activeElement)) return property !== 'color';
    return !property || moves.test(property);
  }});
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  for (let i = 0, running = moving(); i < 20 && running.length; i++, running = moving()) {{
    running.forEach(a => a.finish());
    await frame();  // what the page does when they end (transitionend), before looking again
  }}
  return ({FOCUS})();
}}"""


IN_MENU = "() => !!document.activeElement?.closest('.md-sidebar--primary')"


def rgb(colour: str) -> tuple[float, ...]:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' as red, green, blue over white."""
    parts = [float(p) for p in colour[colour.index("(") + 1 : -1].split(",")]
    alpha = parts[3] if len(parts) == 4 else 1.0
    return tuple(c * alpha + 255 * (1 - alpha) for c in parts[:3])


def contrast(a: str, b: str) -> float:
    def luminance(colour):
        channels = [c / 255 for c in rgb(colour)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def focus_problems(focus: dict) -> list[str]:
    problems = []
    if not focus["inViewport"]:
        problems.append("is off screen")
    elif not focus["seen"]:
        problems.append("cannot be seen (hidden or transparent)")
    elif not focus["onTop"]:
        problems.append(f"is covered by {focus['coveredBy']}")
    if focus["outlineStyle"] == "none" or focus["outlineWidth"] < 2:
        problems.append(f"outline {focus['outlineStyle']} {focus['outlineWidth']}px")
    elif contrast(focus["outlineColour"], focus["background"]) < 3:
        problems.append(f"outline {focus['outlineColour']} on {focus['background']} is below 3:1")
    return problems


def focus_now(page) -> dict | None:
    return page.evaluate(FOCUS_WHEN_STILL)


def tab_through(page, limit: int = 400, until=lambda focus: focus is None) -> list[str]:
    """Press Tab until `until(focus)` (by default: focus has left the page); every stop where
    focus could not be seen, or not seen well, the last one included."""
    problems = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = focus_now(page)
        if focus is not None:
            problems += [f"{focus['name']}: {problem}" for problem in focus_problems(focus)]
        if until(focus):
            return problems
    return problems + [f"still tabbing after {limit} stops"]


def language_of(path: str) -> str:
    """The language of a page by its folder: the default language's pages have none."""
    return next(
        (code for code, prefix in PREFIXES.items() if path.startswith(prefix)), languages(CONFIG)[0]["locale"]
    )


def menu_button(page, path):
    return page.get_by_role("button", name=MENU_NAME[language_of(path)], exact=True)


def every_page(server) -> list[str]:
    return server.pages() + server.missing_pages()


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def narrow(request, browser, server):
    """A tab on a phone or on a desktop zoomed to 150 %, on the project's site."""
    context = browser.new_context(base_url=server.origin, **WIDTHS[request.param])
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def narrow_specimen(request, browser, specimen_server):
    """A tab on a phone or on a desktop zoomed to 150 %, on the specimen."""
    context = browser.new_context(base_url=specimen_server.origin, **WIDTHS[request.param])
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_tabbing_through_every_page_always_shows_where_focus_is(narrow, server):
    page, problems = narrow, []
    for path in every_page(server) + server.fill_in_pages():
        # A fill-in page has no Material script to wait for.
        page.goto(path) if path.endswith(".html") else visit(page, path)
        problems += [f"{path}: {problem}" for problem in tab_through(page)]
    assert not problems, "where focus could not be seen, or not seen well:\n" + "\n".join(problems)


def test_tabbing_through_the_open_menu_on_every_page_always_shows_where_focus_is(narrow, server):
    page, problems = narrow, []
    for path in every_page(server):
        visit(page, path)
        menu_button(page, path).focus()
        page.keyboard.press("Enter")
        try:  # the menu's script moves focus into it a frame after it opens
            page.wait_for_function(IN_MENU, timeout=3_000)
        except PlaywrightTimeoutError:
            pytest.fail(f"{path}: focus stayed behind the open menu")
        first = focus_now(page)
        where = [f"{first['name']}: {p}" for p in focus_problems(first)]
        # On until focus leaves the menu: the menu has closed by then, and covers nothing.
        where += tab_through(page, until=lambda focus: focus is None or not focus["inMenu"])
        closed = page.evaluate("() => !document.getElementById('__drawer').checked")
        problems += [f"{path}, menu open: {problem}" for problem in where]
        problems += [] if closed else [f"{path}: the menu stayed open when focus left it"]
    assert not problems, "where focus could not be seen, or not seen well:\n" + "\n".join(problems)


# Faults planted in a page by script (the CSP lets a script set an element's style):
# what the focus check must find in each, and the fault.
PLANTED = {
    "no ring": (
        "() => document.querySelectorAll('a, button, input, label[tabindex], [tabindex=\"0\"]')"
        ".forEach(el => el.style.setProperty('outline', 'none', 'important'))",
        "outline none",
    ),
    "under a bar": (
        """() => { const bar = document.createElement('div');
                   Object.assign(bar.style, {position: 'fixed', inset: '0', zIndex: '10', background: '#fff'});
                   document.body.append(bar); }""",
        "is covered by DIV",
    ),
    # An overlay that slides in over the page, in two seconds, each time focus moves: seen
    # only if the check measures focus where the transition ends.
    "under a bar that slides in": (
        """() => { const bar = document.createElement('div');
                   Object.assign(bar.style, {position: 'fixed', inset: '0', zIndex: '10', background: '#fff'});
                   document.body.append(bar);
                   const away = () => Object.assign(bar.style, {transition: 'none', transform: 'translateX(100%)'});
                   away();
                   document.addEventListener('focusin', () => {
                     away();
                     bar.getBoundingClientRect();
                     Object.assign(bar.style, {transition: 'transform 2s', transform: 'none'});
                   }); }""",
        "is covered by DIV",
    ),
}


@pytest.mark.parametrize("fault", list(PLANTED))
def test_the_focus_check_finds_a_planted_fault(narrow_specimen, fault):
    page = narrow_specimen
    plant, expected = PLANTED[fault]
    visit(page, "/")
    assert tab_through(page) == [], "the specimen's own page should pass before the fault is planted"
    visit(page, "/")
    page.evaluate(plant)
    problems = tab_through(page)
    assert any(expected in problem for problem in problems), problems


def test_shift_tab_out_of_the_open_menu_closes_it_and_focus_is_seen(narrow_specimen):
    page = narrow_specimen
    for path in ["/", "/en/"]:
        visit(page, path)
        menu_button(page, path).focus()
        page.keyboard.press("Enter")
        page.wait_for_function(IN_MENU)
        page.keyboard.press("Shift+Tab")
        focus = focus_now(page)
        assert focus is not None and not focus["inMenu"], f"{path}: focus stayed in the menu"
        assert not focus["menuOpen"], f"{path}: the menu stayed open behind focus"
        assert focus_problems(focus) == [], f"{path}: {focus['name']}"


def test_the_folded_search_field_takes_focus_only_from_its_button(narrow_specimen):
    page = narrow_specimen
    for path in ["/", "/en/"]:
        visit(page, path)
        page.keyboard.press("Tab")
        field_reached = False
        while page.evaluate("() => !!document.activeElement.closest('.md-header, .md-skip, .survey-banner')"):
            field_reached |= page.evaluate("() => document.activeElement.matches('.md-search__input')")
            page.keyboard.press("Tab")
        assert not field_reached, f"{path}: Tab went into the search field while the search was closed"
        assert page.locator(".md-header .search-button").is_visible()


@pytest.mark.parametrize("material", ["arrived", "not yet arrived"])
def test_escape_in_a_sections_panel_goes_back_to_the_menu_then_closes_it(narrow_specimen, material):
    # A section (a title in mkdocs.yml's nav with pages under it) opens as a panel over the menu,
    # with Enter also before Material's script, fetched on the first key press, has arrived
    # (held back here): until then menu-button.js opens it.
    page = narrow_specimen
    if material == "not yet arrived":
        page.context.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    visit(page, "/")
    sections = page.locator(".md-sidebar--primary label.md-nav__link[tabindex='0']")
    assert sections.count(), "the menu has no section to open"
    opener_id = sections.first.get_attribute("id")
    menu_button(page, "/").focus()
    page.keyboard.press("Enter")
    if material == "arrived":  # Material's own Enter opens it, and menu-button.js leaves it alone
        page.wait_for_function(MATERIAL_STARTED)
    while page.evaluate("() => document.activeElement.id") != opener_id:
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    # The section's pages: the list beside the opener's checkbox, in the opener's own item.
    # The menu's script moves focus there once the panel has begun to open: awaited, not
    # looked for once (a check right after the key press failed now and then).
    try:
        page.wait_for_function(
            """id => { const opener = document.getElementById(id);
                       const list = document.getElementById(opener.htmlFor).parentElement.querySelector(':scope > nav');
                       return list.contains(document.activeElement); }""",
            arg=opener_id,
            timeout=3_000,
        )
    except PlaywrightTimeoutError:
        pytest.fail("focus did not go into the section's pages")
    page.wait_for_function(SETTLED)
    page.keyboard.press("Escape")
    page.wait_for_function(SETTLED)
    assert page.evaluate("() => document.activeElement.id") == opener_id
    assert focus_problems(focus_now(page)) == []
    page.keyboard.press("Escape")
    page.wait_for_function(SETTLED)
    assert page.evaluate("() => document.getElementById('__drawer').checked") is False
    assert page.evaluate("() => document.activeElement.classList.contains('menu-button')")


@pytest.mark.parametrize("path", ["/", "/en/vad-gor-vi/"])
def test_the_menu_opens_and_closes_by_keyboard_on_a_phone(browser, specimen_server, path):
    context = browser.new_context(base_url=specimen_server.origin, viewport=PHONE)
    page = context.new_page()
    visit(page, path)
    drawer = page.locator(".md-sidebar--primary")
    first_link = drawer.locator("a.md-nav__link[href$='kurs/']")  # the specimen's course overview
    button = menu_button(page, path)
    assert button.get_attribute("aria-expanded") == "false"
    assert not first_link.is_visible()

    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(SETTLED)
    assert button.get_attribute("aria-expanded") == "true"
    assert first_link.is_visible()
    assert page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"), (
        "focus stayed behind"
    )
    page.keyboard.press("Escape")
    page.wait_for_function(SETTLED)
    assert not first_link.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-expanded')") == "false", (
        "focus lost"
    )

    page.keyboard.press("Space")
    page.wait_for_function(SETTLED)
    assert first_link.is_visible()
    button.focus()
    page.keyboard.press("Space")
    page.wait_for_function(SETTLED)
    assert not first_link.is_visible()
    context.close()


def test_the_menu_button_is_not_shown_where_the_menu_is_always_open(specimen_page):
    page = specimen_page
    visit(page, "/")
    page.set_viewport_size({"width": 1366, "height": 900})
    assert not menu_button(page, "/").is_visible()
    assert page.locator(".md-sidebar--primary a.md-nav__link").first.is_visible()


# Without JavaScript: a phone, a laptop, a desktop zoomed to 150 % (the menu is a drawer on
# each) and a wide desktop, where the menu is always shown.
NO_SCRIPT_WIDTHS = [PHONE, ZOOMED["viewport"], {"width": 1093, "height": 800}, {"width": 1366, "height": 900}]


@pytest.mark.parametrize("viewport", NO_SCRIPT_WIDTHS, ids=lambda v: str(v["width"]))
def test_without_javascript_the_menu_leads_to_every_page(browser, specimen_server, viewport):
    server = specimen_server
    context = browser.new_context(
        base_url=server.origin, viewport=viewport, java_script_enabled=False, has_touch=viewport == PHONE
    )
    page = context.new_page()
    for path in ["/", "/en/"]:
        page.goto(path)
        menu = page.locator(".md-header .menu-button")
        if menu.is_visible():
            menu.tap() if viewport == PHONE else menu.click()
        else:  # the menu beside the page: its sections open by a click, as Material's do
            for section in page.locator(".md-sidebar--primary label.md-nav__link[for^='__nav']").all():
                section.click()
        settle_without_scripts(page)
        # Every page of the language can be reached: each has a visible link, within the
        # screen's width (scrolling down to it is fine; the page's own list may be long).
        expected = {p for p in server.pages() if p.startswith("/en/") == (path == "/en/")}
        shown = set(
            page.evaluate(
                """() => [...document.querySelectorAll('a[href]')]
                     .filter(a => a.checkVisibility({visibilityProperty: true, opacityProperty: true}))
                     .filter(a => { const b = a.getBoundingClientRect();
                                    return b.width > 0 && b.right > 0 && b.left < innerWidth; })
                     .map(a => new URL(a.href).pathname)"""
            )
        )
        missing = sorted(expected - shown)
        assert not missing, f"{path} at {viewport['width']} px, menu used: no link on screen to {missing}"
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1366, "height": 900}], ids=["phone", "desktop"])
def test_escape_in_search_gives_focus_back(browser, specimen_server, viewport):
    context = browser.new_context(base_url=specimen_server.origin, viewport=viewport)
    page = context.new_page()
    visit(page, "/vad-gor-vi/")
    field = page.locator("input.md-search__input")
    button = page.locator(".search-button")
    page.locator(".md-header .md-select button").focus()
    # Tab on to the search (its button, where the field is folded away), marking where focus was just before.
    while not page.evaluate("() => document.activeElement.matches('input.md-search__input, .search-button')"):
        page.evaluate(
            "() => { document.querySelector('[data-before]')?.removeAttribute('data-before');"
            " document.activeElement.setAttribute('data-before', ''); }"
        )
        page.keyboard.press("Tab")
    if button.is_visible():
        page.evaluate("() => document.querySelector('[data-before]')?.removeAttribute('data-before')")
        button.evaluate("el => el.setAttribute('data-before', '')")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
        assert button.get_attribute("aria-expanded") == "true"
    page.keyboard.type("samverkan")
    page.wait_for_function(SETTLED)
    page.keyboard.press("Escape")
    page.wait_for_function(SETTLED)
    assert page.evaluate("() => document.activeElement.hasAttribute('data-before')"), (
        "focus went to " + page.evaluate("() => document.activeElement.tagName")
    )
    assert not field.is_visible() or viewport["width"] > 1220
    context.close()


@pytest.mark.parametrize("path", ["/", "/en/"])
def test_on_a_phone_using_the_search_keeps_the_page_as_wide_as_the_screen(browser, specimen_server, path):
    # Material folds the language switch while the search is open; what stuck out of it
    # once made the page wider than the phone, and every line ran off the screen (WCAG 1.4.10).
    context = browser.new_context(
        base_url=specimen_server.origin, viewport=PHONE, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    visit(page, path)
    widths = []
    while not page.evaluate("() => document.activeElement.matches('.search-button')"):
        page.keyboard.press("Tab")
        widths.append(page.evaluate("() => [innerWidth, document.documentElement.scrollWidth]"))
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('input.md-search__input')")
    for _ in range(3):  # out of the search again, while Material unfolds the switch
        page.keyboard.press("Tab")
        page.wait_for_function(SETTLED)
        widths.append(page.evaluate("() => [innerWidth, document.documentElement.scrollWidth]"))
    context.close()
    assert {width for pair in widths for width in pair} == {PHONE["width"]}, widths


@pytest.mark.parametrize(
    ("path", "current", "other"), [("/", "Svenska", "English"), ("/en/", "English", "Svenska")]
)
def test_the_language_switch_names_the_languages_and_marks_the_current_one(
    specimen_page, path, current, other
):
    page = specimen_page
    visit(page, path)
    switch = page.locator(".md-header .md-select button")
    assert switch.inner_text().strip() == other, "the switch is an icon only"
    switch.focus()
    page.keyboard.press("Enter")
    links = page.locator(".md-select__link")
    assert links.all_inner_texts() == ["Svenska", "English"]
    assert page.locator(".md-select__link[aria-current]").inner_text() == current
    assert page.locator(f".md-select__link:text-is('{other}')").get_attribute("aria-current") is None


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_the_language_list_opens_with_enter_and_space_and_closes_with_escape(specimen_page, key):
    page = specimen_page
    visit(page, "/vad-gor-vi/")
    switch = page.locator(".md-header .language-switch")
    links = page.locator(".md-header .md-select__link")
    assert switch.get_attribute("aria-expanded") == "false"
    switch.focus()
    page.keyboard.press(key)
    page.wait_for_function(SETTLED)
    assert switch.get_attribute("aria-expanded") == "true"
    assert all(link.is_visible() for link in links.all())
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-select__link')")
    page.keyboard.press("Escape")
    page.wait_for_function(SETTLED)
    assert switch.get_attribute("aria-expanded") == "false"
    assert not any(link.is_visible() for link in links.all())
    assert page.evaluate("() => document.activeElement.classList.contains('language-switch')"), "focus lost"
    # Closed, the list is passed over: Tab goes from the switch to what follows it.
    page.keyboard.press("Tab")
    assert not page.evaluate("() => document.activeElement.classList.contains('md-select__link')")
