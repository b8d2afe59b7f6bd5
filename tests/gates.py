"""
The quality gates, as functions that return a readable list of problems,
and the page weight count that tests/test_page_weight.py and bench/run.py share.

tests/test_quality_gates.py runs each on the real site, whatever its pages
say, and on a fixture with a planted fault to show that the gate catches it.
"""

from __future__ import annotations

import filecmp
import functools
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

from site_actions import MATERIAL_STARTED, SETTLED, search, visit
from site_build import PROJECT, fill_in_pages, missing_pages, pages

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
VNU_IGNORED = PROJECT / "tests" / "vnu-ignored.txt"
# The checker runs for a few seconds: Java's quick compiler alone starts it a
# second sooner. With it the checker's recursion needs a larger stack than 512k.
JAVA_OPTIONS = ("-XX:TieredStopAtLevel=1", "-Xss16m")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


# -----------------------------------------------------------------------------
# Accessibility: axe-core in the browser
# -----------------------------------------------------------------------------


def axe_violations(page, state: str = "") -> list[str]:
    """Every axe violation on the page as it is now: rule, impact, page, element.

    axe is run through the browser's developer protocol, not as a script of
    the page: the site's CSP stays in force, as a reader has it.
    """
    if not AXE.exists():
        raise RuntimeError(f"{AXE} is missing – run `make test`, which runs npm ci")
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(_axe_source() + ";0")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    where = urlsplit(page.url).path + (f" [{state}]" if state else "")
    return [
        f"{violation['id']} ({violation['impact']}) on {where}: {node['target']} – {violation['help']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


@functools.cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


# -----------------------------------------------------------------------------
# HTML validity: the Nu Html Checker
# -----------------------------------------------------------------------------


def html_errors_in(sites: dict[Path, list[str] | None]) -> dict[Path, list[str]]:
    """Every error the Nu Html Checker finds in built sites, less the listed ones, by site root.

    `sites`: each root with the files to check under it (e.g. 'vad-gor-vi/index.html'),
    or None for all. One run of the checker for all of them: Java takes two seconds to start.
    """
    if not VNU.exists():
        raise RuntimeError(f"{VNU} is missing – run `make test`, which runs npm ci")
    files = [
        str(path)
        for root, pages in sites.items()
        for path in (sorted(root.rglob("*.html")) if pages is None else [root / p for p in pages])
    ]
    result = subprocess.run(
        ["java", *JAVA_OPTIONS, "-jar", str(VNU), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ignored = ignored_html_messages()
    errors: dict[Path, list[str]] = {root: [] for root in sites}
    for m in messages:
        if m.get("type") != "error" or any(p.search(m["message"]) for p in ignored):
            continue
        path = Path(unquote(urlsplit(m["url"]).path))
        root = next(root for root in sites if path.is_relative_to(root))
        errors[root].append(
            f"{m['message']} on {path.relative_to(root)}"
            f":{m.get('lastLine', '?')} – {' '.join(m.get('extract', '').split())[:120]}"
        )
    return errors


def ignored_html_messages() -> list[re.Pattern]:
    """tests/vnu-ignored.txt: one regular expression a line, after its reason in a comment."""
    lines = VNU_IGNORED.read_text(encoding="utf-8").splitlines() if VNU_IGNORED.exists() else []
    return [re.compile(line) for line in lines if line.strip() and not line.startswith("#")]


# -----------------------------------------------------------------------------
# Privacy: requests to other hosts
# -----------------------------------------------------------------------------


def foreign_requests(requests: list[str], origin: str) -> list[str]:
    return sorted(
        {url for url in requests if not url.startswith(origin + "/") and not url.startswith("data:")}
    )


# -----------------------------------------------------------------------------
# Accessibility, privacy and the CSP, in one visit to each page
# -----------------------------------------------------------------------------

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}
# Records each CSP violation in the page, before any of its own scripts run.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
"""
GATES = ("accessibility", "privacy", "csp")


def browser_gates(
    browser, origin: str, root: Path, paths: list[str], fill_ins: list[str]
) -> dict[str, list[str]]:
    """What axe, the privacy check and the CSP find on these pages of the site served at `origin`.

    Each page is opened once on a desktop and once on a phone, under the
    site's own CSP, in each state a reader meets: as loaded (with the survey
    invitation, if the page has one), with search open and a result shown,
    and on the phone with the menu open. A fill-in page is checked as loaded
    and with a wrong personnummer explained. Problems by gate, each naming its page.
    """
    found: dict[str, list[str]] = {gate: [] for gate in GATES}
    storage: set[str] = set()
    contexts = []
    for viewport in (DESKTOP, PHONE):
        context = browser.new_context(base_url=origin, viewport=viewport, is_mobile=viewport is PHONE)
        context.set_default_timeout(10_000)
        context.add_init_script(CSP_LISTENER)
        contexts.append(context)
        for path in paths + fill_ins:
            page = context.new_page()
            requests: list[str] = []
            page.on("request", lambda request, requests=requests: requests.append(request.url))
            if path in fill_ins:
                found["accessibility"] += _fill_in_page_states(page, path)
            else:
                found["accessibility"] += _page_states(page, path, root, phone=viewport is PHONE)
            found["privacy"] += [f"{path}: {url}" for url in foreign_requests(requests, origin)]
            found["csp"] += [f"{path}: {violation}" for violation in page.evaluate("() => window.__csp")]
            storage |= set(
                page.evaluate("() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]")
            )
            page.close()
    for context in contexts:
        found["privacy"] += [f"cookie set: {cookie['name']}" for cookie in context.cookies()]
        context.close()
    named = privacy_page_text(root)
    found["privacy"] += [
        f"'{key}' is kept in the browser but not named on the privacy page"
        for key in sorted(storage)
        if f"<code>{key}</code>" not in named
    ]
    return found


def _page_states(page, path: str, root: Path, phone: bool) -> list[str]:
    visit(page, path)
    problems = []
    if page.locator(".survey-banner").count() and not page.locator(".survey-banner").is_visible():
        problems.append(f"{path}: the survey invitation is not shown, so axe cannot check it")
    problems += axe_violations(page, "phone" if phone else "")
    if phone:
        page.locator(".menu-button").click()
        page.locator(".md-sidebar--primary").wait_for(state="visible")
        # The click also fetched Material's script (overrides/main.html): axe sees the menu once it has started.
        page.wait_for_function(MATERIAL_STARTED)
        _settle(page)
        problems += axe_violations(page, "phone, menu open")
        contents = page.locator(".md-sidebar--primary label.md-nav__link[for='__toc']")
        if contents.is_visible():
            contents.click()
            _settle(page)
            problems += axe_violations(page, "phone, menu open, the page's contents")
        return problems
    # What the menu leads to without JavaScript: the list of every page (site.css and the
    # script hide it where scripts run); and the language list open. Both only add to the
    # page, the one at its foot and the other under the header: axe sees them at once.
    page.evaluate(
        "() => { const list = document.getElementById('site-pages');"
        " if (list) { list.hidden = false; list.style.display = 'block'; } }"
    )
    page.locator(".md-header .language-switch").click()
    _settle(page)
    problems += axe_violations(page, "language list open, and the list of pages shown as without JavaScript")
    word = search_word(root, path)
    if not search(page, word):
        problems.append(f"{path}: searching for {word!r}, a word of the site's first page, found nothing")
    _settle(page)
    return problems + axe_violations(page, "search open")


def _fill_in_page_states(page, path: str) -> list[str]:
    page.goto(path)
    problems = axe_violations(page)
    field = page.locator("input[data-check=personnummer]")
    if field.count():
        field.first.fill("19811218-9875")  # a wrong check digit
        page.keyboard.press("Tab")
        if not page.locator(".form-fill__error").first.is_visible():
            problems.append(f"{path}: the personnummer check did not run")
        problems += axe_violations(page, "with an error")
    return problems


def _settle(page) -> None:
    """Until no animation runs: axe must see the colours where they end, not half-way."""
    page.wait_for_function(SETTLED)


def search_word(root: Path, path: str) -> str:
    """A word from the title of the first page in the language's own search index (of the page at `path`)."""
    folder = root / path.strip("/").split("/")[0]
    index = (
        folder / "search" / "search_index.json"
        if (folder / "search").is_dir()
        else root / "search" / "search_index.json"
    )
    title = json.loads(index.read_text(encoding="utf-8"))["docs"][0]["title"]
    return max(re.findall(r"\w+", title), key=len)


def privacy_page_text(root: Path) -> str:
    """The page that the start page's footer links to as the privacy page, as HTML ('' if none)."""
    start = lxml.html.parse(str(root / "index.html")).getroot()
    # The footer's links: accessibility, privacy, contact (overrides/partials/copyright.html).
    links = start.xpath("//*[contains(@class, 'site-footer__links')]//a/@href")
    target, _ = _file_for(root, urljoin("http://site/", links[1])) if len(links) > 1 else (None, "")
    return target.read_text(encoding="utf-8") if target else ""


# -----------------------------------------------------------------------------
# Links: every reference in the built HTML resolves
# -----------------------------------------------------------------------------

REFERENCES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "track": "src",
    "iframe": "src",
    "embed": "src",
    "object": "data",
}


def broken_links(root: Path, origin: str, pages: list[str] | None = None) -> list[str]:
    """Every internal link, anchor, image, script, download, media file and track that fails.

    `origin`: the site's address, with its path if it is served under one
    (http://127.0.0.1:8000/vrakningar). A link to the same host outside that
    path leads out of the site, and is a problem too.
    `pages`: only the references in these files under `root` (e.g. 'vad-gor-vi/index.html'),
    to any file of the site; in every file by default.
    """
    host = "{0.scheme}://{0.netloc}/".format(urlsplit(origin))
    ids: dict[Path, set[str]] = {}
    problems = []
    files = sorted(root.rglob("*.html")) if pages is None else [root / page for page in pages]
    for file in files:
        document = lxml.html.parse(str(file)).getroot()
        page_url = origin + "/" + file.relative_to(root).as_posix().removesuffix("index.html")
        references = [
            (e.tag, e.get(a)) for tag, a in REFERENCES.items() for e in document.iter(tag) if e.get(a)
        ]
        references += [("video", e.get("poster")) for e in document.iter("video") if e.get("poster")]
        # Material's script, which overrides/main.html loads after first paint.
        references += [("script", e.get("data-src")) for e in document.iter("script") if e.get("data-src")]
        for tag, reference in references:
            url = urljoin(page_url, reference)
            if not url.startswith(origin + "/"):
                if url.startswith(host):
                    problems.append(
                        f"{file.relative_to(root)}: <{tag}> {reference} – outside the site's address"
                    )
                continue
            target, fragment = _file_for(root, url, origin)
            where = f"{file.relative_to(root)}: <{tag}> {reference}"
            if target is None:
                problems.append(f"{where} – no such file")
            elif fragment and fragment not in ids.setdefault(target, _ids(target)):
                problems.append(f"{where} – no element with id '{fragment}'")
    return problems


def _file_for(root: Path, url: str, origin: str = "") -> tuple[Path | None, str]:
    parts = urlsplit(url)
    base = urlsplit(origin).path.rstrip("/")
    path = root / unquote(parts.path).removeprefix(base).lstrip("/")
    if path.is_dir():
        path = path / "index.html"
    return (path if path.is_file() else None), unquote(parts.fragment)


def _ids(file: Path) -> set[str]:
    if file.suffix != ".html":
        return set()
    document = lxml.html.parse(str(file)).getroot()
    return {e.get("id") for e in document.iter() if e.get("id")} | {
        e.get("name") for e in document.iter("a") if e.get("name")
    }


# -----------------------------------------------------------------------------
# Law links: an anchor on a law page exists in its stored copy, and a link that
# names a section opens at it. Address and anchor forms, as the stored copies
# show them (tests/law-anchors.yml has the sources and the anchors per law):
#   lagen.nu      https://lagen.nu/1970:994#K12P44 (chapter 12, section 44),
#                 https://lagen.nu/1960:729#P9 (a law without chapters, lagen.nu's own example)
#   riksdagen.se  https://www.riksdagen.se/sv/dokument-och-lagar/dokument/
#                 svensk-forfattningssamling/jordabalk-1970994_sfs-1970-994/ –
#                 no section anchors in its stored copy, so the law, not a section
# -----------------------------------------------------------------------------

LAW_ANCHORS = PROJECT / "tests" / "law-anchors.yml"
# https://lagen.nu/1970:994 – the law's SFS number is the path.
LAGEN_NU = re.compile(r"^/(?P<sfs>\d{4}:\d+)$")
# https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/jordabalk-1970994_sfs-1970-994/
RIKSDAGEN = re.compile(r"/svensk-forfattningssamling/(?:[^/]*_)?sfs-(?P<year>\d{4})-(?P<number>\d+)/?$")
# The first section a link's text names: "12 kap. 44 §", "12 kap. 42 och 43 §§", "25 § lagen",
# "chapter 12, section 44", "Chapter 12, Sections 42 and 43", "section 25".
NAMED_SV = re.compile(
    r"(?:(?P<chapter>\d+)\s*kap\.\s*)?(?P<section>\d+(?:\s?[a-z](?![a-z]))?)(?=(?:\s*(?:[–-]|,|och)\s*\d+(?:\s?[a-z])?)*\s*§)"
)
NAMED_EN = re.compile(
    r"(?:chapter\s+(?P<chapter>\d+),?\s*)?sections?\s+(?P<section>\d+(?:\s?[a-z](?![a-z]))?)",
    re.IGNORECASE,
)


def law_anchors(file: Path = LAW_ANCHORS) -> dict[str, dict[str, set[str]]]:
    """{host: {SFS number: the anchors its stored copy shows}} from tests/law-anchors.yml."""
    import yaml

    data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
    return {
        host: {str(sfs): set(law.get("anchors") or []) for sfs, law in (laws or {}).items()}
        for host, laws in data.items()
    }


def law_page(url: str) -> tuple[str, str] | None:
    """(host, SFS number) of a link to a law's page at lagen.nu or riksdagen.se, else None."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    if host == "lagen.nu" and (match := LAGEN_NU.match(unquote(parts.path))):
        return "lagen.nu", match["sfs"]
    if host == "riksdagen.se" and (match := RIKSDAGEN.search(parts.path)):
        return "riksdagen.se", f"{match['year']}:{match['number']}"
    return None


def named_section(text: str) -> str | None:
    """The anchor of the first section a link's text names ('K12P44', 'P25'), or None."""
    text = " ".join(text.split())
    found = NAMED_SV.search(text) or NAMED_EN.search(text)
    if not found:
        return None
    section = found["section"].replace(" ", "")
    return f"K{found['chapter']}P{section}" if found["chapter"] else f"P{section}"


def law_link_problems(root: Path, known: dict, pages: list[str] | None = None) -> list[str]:
    """Every link to a law page whose anchor no stored copy shows, or that names a section
    with a known anchor but opens elsewhere (at the top of the law, or at another section)."""
    problems = []
    files = sorted(root.rglob("*.html")) if pages is None else [root / page for page in pages]
    for file in files:
        document = lxml.html.parse(str(file)).getroot()
        for link in document.iter("a"):
            href = link.get("href") or ""
            law = law_page(href)
            if law is None:
                continue
            host, sfs = law
            fragment = unquote(urlsplit(href).fragment)
            text = " ".join(link.text_content().split())
            where = f"{file.relative_to(root)}: <a> '{text}' {href}"
            anchors = known.get(host, {}).get(sfs)
            if fragment and anchors is None:
                problems.append(
                    f"{where} – no stored copy of this {host} page shows section anchors: link the law "
                    f"without #{fragment}, or list the page and its anchors in tests/law-anchors.yml"
                )
                continue
            if fragment and fragment not in anchors:
                problems.append(
                    f"{where} – #{fragment} is not an anchor of {host}/{sfs} in tests/law-anchors.yml "
                    f"({', '.join(sorted(anchors))})"
                )
                continue
            named = named_section(text)
            if named is None:
                continue
            if fragment and named.startswith("P") and fragment.endswith(named):
                continue  # "44 §" with #K12P44: the text leaves the chapter to the sentence
            if fragment and fragment != named:
                problems.append(f"{where} – the text names #{named}, but the link opens at #{fragment}")
                continue
            lagen_nu = known.get("lagen.nu", {}).get(sfs, set())
            if not fragment and named in lagen_nu:
                problems.append(
                    f"{where} – the text names a section, but the link opens at the top of the law: "
                    f"link the section, https://lagen.nu/{sfs}#{named}, and the law's name to {host}"
                )
    return problems


# -----------------------------------------------------------------------------
# Security headers
# -----------------------------------------------------------------------------


def nginx_headers(conf: Path) -> dict[str, str]:
    """The add_header lines of an nginx file: name → value."""
    pattern = re.compile(r'^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;', re.M)
    return {name.lower(): value for name, value in pattern.findall(conf.read_text())}


def netlify_headers(file: Path) -> dict[str, str]:
    """The headers a `_headers` file sets for every path (`/*`)."""
    headers, current = {}, None
    for line in file.read_text().splitlines():
        if line and not line[0].isspace():
            current = line.strip()
        elif current == "/*" and ":" in line:
            name, value = line.strip().split(":", 1)
            headers[name.lower()] = value.strip()
    return headers


# -----------------------------------------------------------------------------
# Reproducible build
# -----------------------------------------------------------------------------


def differing_files(first: Path, second: Path, allowed: set[str] = frozenset()) -> list[str]:
    """Files that are not byte-identical in two builds, or exist in one only."""
    differences = []

    def compare(comparison: filecmp.dircmp, prefix: str):
        for name in comparison.left_only + comparison.right_only:
            differences.append(f"{prefix}{name}: in one build only")
        for name in comparison.common_files:
            relative = prefix + name
            if relative not in allowed and not filecmp.cmp(
                Path(comparison.left) / name, Path(comparison.right) / name, shallow=False
            ):
                differences.append(f"{relative}: differs")
        for name, sub in comparison.subdirs.items():
            compare(sub, f"{prefix}{name}/")

    compare(filecmp.dircmp(first, second), "")
    return differences


# -----------------------------------------------------------------------------
# Page weight: what a phone downloads to show a page (tests/test_page_weight.py,
# and bench/run.py for its table)
# -----------------------------------------------------------------------------


def weighed_pages(root: Path) -> list[str]:
    """Every page of the built site at `root`, the 404 page of each language and the on-screen forms."""
    return pages(root) + missing_pages(root) + fill_in_pages(root)


# At most this many compressed bytes per page (tests/test_page_weight.py), its language's
# search index not counted: that has a budget of its own, for it grows with the whole site's
# text, is fetched once for all the language's pages, and only once the reader uses a page.
BUDGET = 150_000
SEARCH_INDEX_BUDGET = 80_000
SEARCH_INDEX = "search/search_index.json"


def weigh(browser, origin: str, path: str, prepare=None) -> tuple[int, list[tuple[int, str]]]:
    """The bytes `path` loads once the reader has used it, counted once everything has arrived,
    its language's search index left out; and each response, largest first (the index too).

    Used: a key is pressed, which fetches Material's script and with it the
    search index (overrides/main.html), and every image that loads lazily (a
    film's poster) is fetched, as for a reader who scrolls to the end. A
    reader who only reads the first screen loads less. `prepare(context)`, if
    given, is called before the page is opened (a test changes the page).
    """
    context = browser.new_context(base_url=origin)
    if prepare:
        prepare(context)
    loaded: list[tuple[int, str]] = []
    pending: set = set()

    def finished(request) -> None:
        pending.discard(request)
        if request.resource_type != "media":
            loaded.append((request.sizes()["responseBodySize"], request.url))

    context.on("request", lambda request: pending.add(request))
    context.on("requestfinished", finished)
    context.on("requestfailed", lambda request: pending.discard(request))
    page = context.new_page()
    visit(page, path)
    page.keyboard.press("Shift")
    page.evaluate(
        "() => document.querySelectorAll('img[loading=lazy]').forEach(image => image.loading = 'eager')"
    )
    if page.locator(".md-search-result__meta").count():
        # Material's search worker loads its scripts and the index after the
        # page; it says it is ready by leaving "Initializing search".
        page.wait_for_function(
            "() => !/Initiali[sz]/.test(document.querySelector('.md-search-result__meta').textContent)"
        )
    _wait_until_quiet(page, pending)
    context.close()
    return sum(size for size, url in loaded if not url.endswith(SEARCH_INDEX)), sorted(loaded, reverse=True)


def _wait_until_quiet(page, pending: set, quiet_ms: int = 300, limit_ms: int = 10_000) -> None:
    """Until no request has been in flight for `quiet_ms` (films load nothing: preload="none").

    By then the page has loaded, a key has fetched Material's script, and search has said
    it is ready, so every script has run: what comes later would be a request that a
    script makes on its own after 300 ms with nothing in flight. None does: on 7 December 2026
    every page of the site weighed the same after 300 ms as after 1 500 ms."""
    quiet = waited = 0
    while quiet < quiet_ms and waited < limit_ms:
        page.wait_for_timeout(100)
        waited += 100
        quiet = quiet + 100 if not pending else 0
