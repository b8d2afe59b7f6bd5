"""
The quality gates, on every page of both languages, and each shown to fail.

1. accessibility (axe-core)   2. HTML validity (Nu Html Checker)
3. privacy (no other host)    4. links        5. security headers and CSP
6. reproducible build
"""

from __future__ import annotations

import base64
import hashlib
import urllib.request
from pathlib import Path

import lxml.html
import pytest

from gates import (
    axe_violations,
    broken_links,
    differing_files,
    foreign_requests,
    html_errors_in,
    netlify_headers,
    nginx_headers,
)
from site_actions import MATERIAL_STARTED, SETTLED, search, visit
from site_build import MISSING, PROJECT, build, build_in_another_process, copy_sources, project_with_fixture
from site_server import served_fixture

DEPLOY = PROJECT / "deploy"
PHONE = {"width": 375, "height": 812}
SEARCH_WORDS = {"sv": "samverkan", "en": "cooperation"}


def all_pages(site) -> list[str]:
    return site.pages() + MISSING


def language_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "sv"


def open_menu(page) -> None:
    page.locator(".menu-button").click()
    page.locator(".md-sidebar--primary").wait_for(state="visible")
    # The click also fetched Material's script (overrides/main.html): axe sees the menu once it has started.
    page.wait_for_function(MATERIAL_STARTED)
    # The drawer slides in and its colours fade: axe must see the end state.
    settled(page)


def open_search(page, path: str) -> None:
    search(page, SEARCH_WORDS[language_of(path)])
    # The results fade in: axe must see them shown.
    settled(page)


def settled(page) -> None:
    page.wait_for_function(SETTLED)


def open_the_language_list(page) -> None:
    page.locator(".md-header .language-switch").click()
    settled(page)


def open_the_contents_in_the_menu(page) -> bool:
    """On a phone, the page's contents in the open menu, if the page has any."""
    opener = page.locator(".md-sidebar--primary label.md-nav__link[for='__toc']")
    if not opener.is_visible():
        return False
    opener.click()
    settled(page)
    return True


def show_the_list_of_pages(page) -> None:
    """What the menu leads to without JavaScript, shown (the script hides it)."""
    page.evaluate("() => { document.getElementById('site-pages').hidden = false; }")


def enter_a_wrong_personnummer(page) -> bool:
    """Type a personnummer with a wrong check digit, if the form asks for one."""
    field = page.locator("input[data-check=personnummer]")
    if not field.count():
        return False
    field.fill("19811218-9875")
    page.keyboard.press("Tab")
    return True


# -----------------------------------------------------------------------------
# 1. Accessibility
# -----------------------------------------------------------------------------


def test_no_page_has_an_accessibility_violation(browser, server):
    problems = []
    desktop = browser.new_context(base_url=server.origin, bypass_csp=True)
    phone = browser.new_context(base_url=server.origin, bypass_csp=True, viewport=PHONE, is_mobile=True)
    for path in all_pages(server):
        page = desktop.new_page()
        visit(page, path)
        assert page.locator(".survey-banner").is_visible(), f"{path}: axe must see the survey invitation"
        show_the_list_of_pages(page)
        problems += axe_violations(page, "with the list of pages shown without JavaScript")
        open_the_language_list(page)
        problems += axe_violations(page, "language list open")
        open_search(page, path)
        problems += axe_violations(page, "search open")
        page.close()
        page = phone.new_page()
        visit(page, path)
        problems += axe_violations(page, "phone")
        open_menu(page)
        problems += axe_violations(page, "phone, menu open")
        if open_the_contents_in_the_menu(page):
            problems += axe_violations(page, "phone, menu open, the page's contents")
        page.close()
    for path in server.fill_in_pages():
        for context in (desktop, phone):
            page = context.new_page()
            page.goto(path)
            problems += axe_violations(page)
            if enter_a_wrong_personnummer(page):
                problems += axe_violations(page, "with an error")
            page.close()
    desktop.close()
    phone.close()
    assert not problems, "axe found:\n" + "\n".join(problems)


def test_the_accessibility_gate_catches_a_missing_alt_text(browser, tmp_path):
    with served_fixture("missing-alt-text", tmp_path) as origin:
        context = browser.new_context(base_url=origin, bypass_csp=True)
        page = context.new_page()
        visit(page, "/vad-gor-vi/")
        problems = axe_violations(page)
        context.close()
    assert any(p.startswith("image-alt ") and "/vad-gor-vi/" in p for p in problems), problems


# -----------------------------------------------------------------------------
# 2. HTML validity
# -----------------------------------------------------------------------------


@pytest.mark.xdist_group("planted-faults")
def test_every_page_is_valid_html(site, html_checked):
    errors = html_checked[site.root]
    assert not errors, "the Nu Html Checker found:\n" + "\n".join(errors)


# The page with the planted faults, and one without: a gate's own test need not read the whole site.
FAULTY_PAGES = ["vad-gor-vi/index.html", "index.html"]


@pytest.fixture(scope="module")
def planted_faults(tmp_path_factory) -> Path:
    """The site with an invalid element and a link to no anchor in one page, for the HTML and link gates.

    The two faults are in separate paragraphs: neither gate sees the other's as one of its own.
    """
    workdir = tmp_path_factory.mktemp("planted-faults")
    result = build(project_with_fixture("planted-html-faults", workdir), workdir / "site")
    assert result.returncode == 0, result.output
    return workdir / "site"


@pytest.fixture(scope="module")
def html_checked(site, planted_faults) -> dict[Path, list[str]]:
    """The checker's errors in every page of `site` and in the planted faults' pages, by root:
    one run of the checker for both tests."""
    return html_errors_in({site.root: None, planted_faults: FAULTY_PAGES})


@pytest.mark.xdist_group("planted-faults")
def test_the_html_gate_catches_an_invalid_element(planted_faults, html_checked):
    errors = html_checked[planted_faults]
    assert any("div" in e and "vad-gor-vi/index.html" in e for e in errors), errors
    assert not [e for e in errors if "vad-gor-vi" not in e], errors


# -----------------------------------------------------------------------------
# 3. Privacy
# -----------------------------------------------------------------------------


def test_no_page_requests_another_host_or_sets_a_cookie(browser, server):
    problems, storage = [], set()
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        context = browser.new_context(base_url=server.origin, viewport=viewport)
        for path in all_pages(server):
            page = context.new_page()
            requests = []
            page.on("request", lambda request, requests=requests: requests.append(request.url))
            visit(page, path)
            if viewport == PHONE:
                open_menu(page)
            else:
                open_search(page, path)
            problems += [f"{path}: {url}" for url in foreign_requests(requests, server.origin)]
            storage |= set(
                page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
            )
            page.close()
        for path in server.fill_in_pages():
            page = context.new_page()
            requests = []
            page.on("request", lambda request, requests=requests: requests.append(request.url))
            page.goto(path)
            problems += [f"{path}: {url}" for url in foreign_requests(requests, server.origin)]
            page.close()
        problems += [f"cookie set: {c['name']}" for c in context.cookies()]
        context.close()
    assert not problems, "requests to other hosts, or cookies:\n" + "\n".join(problems)
    privacy_page = (server.root / "om-webbplatsen/personuppgifter-och-kakor/index.html").read_text()
    undocumented = [key for key in storage if f"<code>{key}</code>" not in privacy_page]
    assert not undocumented, f"kept in browser storage but not named on the privacy page: {undocumented}"


def test_the_privacy_gate_catches_an_external_font(browser, tmp_path):
    with served_fixture("external-font", tmp_path) as origin:
        context = browser.new_context(base_url=origin)
        page = context.new_page()
        requests = []
        page.on("request", lambda request, requests=requests: requests.append(request.url))
        page.goto("/", wait_until="load")
        context.close()
    assert any("fonts.googleapis.com" in url for url in foreign_requests(requests, origin)), requests


# -----------------------------------------------------------------------------
# 4. Links
# -----------------------------------------------------------------------------


def test_every_link_image_download_and_media_file_resolves(site):
    problems = broken_links(site.root, site.origin)
    assert not problems, "broken references:\n" + "\n".join(problems)


@pytest.mark.xdist_group("planted-faults")
def test_the_link_gate_catches_a_broken_anchor(planted_faults):
    problems = broken_links(planted_faults, "http://127.0.0.1", FAULTY_PAGES)
    assert any("vad-gor-vi/index.html" in p and "ingenstans" in p for p in problems), problems
    assert not [p for p in problems if "vad-gor-vi" not in p], problems


# -----------------------------------------------------------------------------
# 5. Security headers and CSP
# -----------------------------------------------------------------------------

REQUIRED_HEADERS = [
    "content-security-policy",
    "referrer-policy",
    "x-content-type-options",
    "permissions-policy",
    "strict-transport-security",
]


def csp_directives(csp: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}


def test_nginx_and_the_headers_file_set_the_same_strict_headers():
    nginx = nginx_headers(DEPLOY / "security-headers.conf")
    assert nginx == netlify_headers(DEPLOY / "_headers")
    assert set(REQUIRED_HEADERS) <= set(nginx)
    csp = csp_directives(nginx["content-security-policy"])
    assert csp["default-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["object-src"] == ["'none'"]


def test_every_response_carries_the_headers(server):
    expected = nginx_headers(DEPLOY / "security-headers.conf")
    for path in ["/", "/en/", "/assets/css/site.css", "/finns-inte/", "/en/does-not-exist/"]:
        try:
            response = urllib.request.urlopen(server.origin + path)
        except urllib.error.HTTPError as error:
            response = error
        for name, value in expected.items():
            assert response.headers.get(name) == value, f"{path}: {name}"


def test_the_csp_hashes_cover_every_inline_script(site):
    allowed = set(
        csp_directives(nginx_headers(DEPLOY / "security-headers.conf")["content-security-policy"])[
            "script-src"
        ]
    )
    uncovered = set()
    for file in site.root.rglob("*.html"):
        for script in lxml.html.parse(str(file)).getroot().xpath("//script[not(@src)]"):
            if script.get("type") == "application/json":
                continue
            digest = base64.b64encode(hashlib.sha256((script.text or "").encode()).digest()).decode()
            if f"'sha256-{digest}'" not in allowed:
                uncovered.add(
                    f"{file.relative_to(site.root)}: 'sha256-{digest}' for {(script.text or '')[:60]!r}"
                )
    assert not uncovered, (
        "add these to script-src in deploy/security-headers.conf and deploy/_headers:\n"
        + "\n".join(sorted(uncovered))
    )


CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""


def csp_violations(page) -> list[str]:
    return page.evaluate("() => window.__csp")


def test_under_the_csp_every_page_works_and_logs_no_violation(browser, server):
    problems = []
    context = browser.new_context(base_url=server.origin)
    context.add_init_script(CSP_LISTENER)
    for path in all_pages(server):
        page = context.new_page()
        visit(page, path)
        results = search(page, SEARCH_WORDS[language_of(path)])
        if not results:
            problems.append(f"{path}: search found nothing")
        problems += [f"{path}: {v}" for v in csp_violations(page)]
        page.close()
    for path in server.fill_in_pages():
        page = context.new_page()
        page.goto(path)
        if enter_a_wrong_personnummer(page) and not page.locator(".form-fill__error").is_visible():
            problems.append(f"{path}: the personnummer check did not run")
        problems += [f"{path}: {v}" for v in csp_violations(page)]
        page.close()
    # A film plays, with its captions.
    page = context.new_page()
    page.goto("/lokal-samverkan-starta/", wait_until="load")
    page.locator(".film__play").click()
    page.wait_for_function("() => document.querySelector('video').currentTime > 0.3", timeout=15_000)
    if not page.evaluate(
        "() => [...document.querySelector('video').textTracks].some(t => t.cues && t.cues.length)"
    ):
        problems.append("/lokal-samverkan-starta/: the captions did not load")
    problems += [f"film: {v}" for v in csp_violations(page)]
    page.close()
    # The survey invitation's "Nej, tack" still works.
    page = context.new_page()
    page.goto("/")
    page.locator(".survey-banner__no").click()
    page.reload()
    if page.locator(".survey-banner").is_visible():
        problems.append("/: the survey invitation came back after 'Nej, tack'")
    problems += csp_violations(page)
    # The language switcher still leads to the other language.
    visit(page, "/vad-gor-vi/")
    page.locator("a[hreflang='en']").first.dispatch_event("click")
    page.wait_for_url("**/en/vad-gor-vi/")
    assert page.locator("html").get_attribute("lang") == "en"
    problems += csp_violations(page)
    context.close()
    assert not problems, "\n".join(problems)


def test_the_csp_gate_catches_an_inline_script(browser, tmp_path):
    with served_fixture("inline-script", tmp_path) as origin:
        context = browser.new_context(base_url=origin)
        context.add_init_script(CSP_LISTENER)
        page = context.new_page()
        page.goto("/vad-gor-vi/")
        violations = csp_violations(page)
        context.close()
    assert any(v.startswith("script-src") and "inline" in v for v in violations), violations


# -----------------------------------------------------------------------------
# 6. Reproducible build
# -----------------------------------------------------------------------------


def test_two_clean_builds_are_byte_identical(site, tmp_path):
    """The site the other tests check, and a build of a copy in another Python, as a host would build.

    The other build has another hash seed (the tests' own is random) and no
    forms cache, so it makes every form document (DOCX, ODT, PDF) anew: a
    document that varies with the clock or the process differs from the one in `site`.
    """
    project = copy_sources(tmp_path / "project")
    other = build_in_another_process(project, tmp_path / "site", site.origin + "/", hash_seed=4711)
    assert other.returncode == 0, other.output
    differences = differing_files(site.root, tmp_path / "site")
    assert not differences, "\n".join(differences)


# The gate's own tests: a clean build of a copy with two planted faults (tests/fixtures/unreproducible/),
# a hook that writes the time of the build into the start page and one that writes it into every DOCX,
# compared with `site` as the gate compares. No forms cache, so that the build makes the documents
# itself. Nothing else may differ. (In the tests' own process: neither fault depends on the hash seed.)
DIFFERENCES = [
    "en/forms/agenda-monthly-meeting.docx: differs",
    "en/forms/annual-review.docx: differs",
    "en/forms/consent-form.docx: differs",
    "en/forms/consent-social-services-and-landlord.docx: differs",
    "en/forms/letter-of-intent.docx: differs",
    "forms/arlig-uppfoljning.docx: differs",
    "forms/avsiktsforklaring.docx: differs",
    "forms/dagordning-manadsmote.docx: differs",
    "forms/samtycke-socialtjanst-och-hyresvard.docx: differs",
    "forms/samtycke.docx: differs",
    "index.html: differs",
]


@pytest.fixture(scope="module")
def unreproducible_build(site, tmp_path_factory) -> list[str]:
    """What the reproducibility gate finds in a clean build with both faults, sorted."""
    workdir = tmp_path_factory.mktemp("unreproducible")
    project = project_with_fixture("unreproducible", workdir, with_cache=False)
    result = build(project, workdir / "site", site_url=site.origin + "/")
    assert result.returncode == 0, result.output
    return sorted(differing_files(site.root, workdir / "site"))


@pytest.mark.xdist_group("unreproducible")
def test_the_reproducibility_gate_catches_a_build_that_varies(unreproducible_build):
    assert "index.html: differs" in unreproducible_build
    assert unreproducible_build == DIFFERENCES


@pytest.mark.xdist_group("unreproducible")
def test_the_reproducibility_gate_catches_a_generated_document_that_varies(unreproducible_build):
    documents = [difference for difference in unreproducible_build if ".docx: " in difference]
    assert documents == DIFFERENCES[:-1]
    assert unreproducible_build == DIFFERENCES
