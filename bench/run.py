"""
Performance figures for the site, measured by hand and written to bench/RESULTS.md.

    make test                     # once: installs what the site and tests need
    (cd bench && npm ci)          # once: Lighthouse
    .venv/bin/python bench/run.py            # all, about 20 minutes
    .venv/bin/python bench/run.py browser    # only page weight and Lighthouse
    .venv/bin/python bench/run.py paint      # only first paint against its limit
    .venv/bin/python bench/run.py build      # only the build cost

It measures, on this machine:
1. the full build against the same Markdown built by plain MkDocs and
   Material without the project's plugin (forebygg) and overrides (median of runs,
   the two taking turns), and the seconds each handler of the plugin takes;
2. the build with 0 to 500 generated pages per language, to see that its
   cost grows linearly with the number of pages;
3. `mkdocs serve`: how long a rebuild takes after one page is edited;
4. each page's weight (the test's count: `weigh` in tests/gates.py);
5. Lighthouse (mobile) on the start page, a film page, the forms page and
   the 404, in both languages, three runs each;
6. first paint against its limit: the start page, the tenant section's
   first page and a film page, each beside its "limit", the same page's text
   as bare HTML (no style sheet, no script, no image), served alike, in one
   run: Lighthouse's mobile FCP and LCP, the median of three runs each, and
   their ratios to the limit's; the bytes of each response as the browser
   received them and the TCP round trips they take on Lighthouse's network;
   and a trial of each page drawn from its HTML alone (bench/first_screen.py)
   in the same turns (`run.py paint` measures only this).
Run it on an otherwise idle machine: the timings are wall-clock seconds.
Lighthouse simulates the slow phone and network (its default "simulate"
throttling, Lantern) from one unthrottled load: the network part of its
timings does not depend on the machine's load, the CPU part does (each
observed task counts four times).
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
import platform
import queue
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import yaml
from mkdocs.utils import yaml_load

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
sys.path.insert(0, str(PROJECT / "tests"))

import first_screen  # noqa: E402

from gates import BUDGET, weigh, weighed_pages  # noqa: E402
from site_browser import CHROMIUM_ARGS, CHROMIUM_PATH, launched  # noqa: E402
from site_build import copy_sources as copy_project  # noqa: E402
from site_server import free_port, served  # noqa: E402

PYTHON = sys.executable
RUNS = 9
SIZES = [0, 125, 250, 500]
# The 404 page at its own address: Lighthouse counts a 404 status against SEO by design.
LIGHTHOUSE_PAGES = ["/", "/lokal-samverkan-starta/", "/avtal-och-samtycke/", "/404.html"]
# Lighthouse's scores vary from run to run; each page is measured this many times.
LIGHTHOUSE_RUNS = 3
# First paint against its limit (issue 32): the start page, the tenant section's first
# page and a film page, each beside the same page's text as bare HTML.
PAINT_PAGES = ["/", "/riskerar-du-att-bli-vrakt/", "/lokal-samverkan-starta/"]
# Lantern's TCP (Lighthouse's simulated network): 10 segments of 1,460 bytes in the first round trip.
SEGMENT = 1_460
INITIAL_WINDOW = 10 * SEGMENT
# Where the bare-text copies are served, beside the site's own pages.
LIMIT = "/_limit"
# What the bare text leaves out: style, scripts, and what is not text.
NOT_TEXT = "//script|//style|//link|//noscript|//template|//img|//svg|//picture|//video|//audio|//iframe"
METRICS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")
GZIP_LEVEL = int(re.search(r"gzip_comp_level (\d+);", (PROJECT / "deploy" / "site.conf").read_text())[1])


def main() -> None:
    """All steps; `run.py browser` redoes only page weight and Lighthouse, keeping the rest."""
    only = sys.argv[1] if sys.argv[1:] in (["browser"], ["paint"], ["build"]) else None
    if sys.argv[1:] and not only:
        raise SystemExit("usage: run.py [browser | paint | build]")
    results = json.loads((BENCH / "results.json").read_text()) if only else {}
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    results.update({f"when_{only}" if only else "when": now, "machine": machine()})
    if not only:
        for step in ("browser", "paint", "build"):
            results.pop(f"when_{step}", None)
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        work = Path(work)
        if only in (None, "build"):
            print("1/6 build cost", flush=True)
            results["build"] = build_cost(work)
        if not only:
            print("2/6 scaling", flush=True)
            results["scaling"] = scaling(work)
            print("3/6 mkdocs serve", flush=True)
            results["serve"] = serve_rebuild(work)
        if only in (None, "browser"):
            print("4/6 page weight and 5/6 Lighthouse", flush=True)
            results["weight"], results["lighthouse"] = in_the_browser(work)
        if only in (None, "paint"):
            print("6/6 first paint against its limit", flush=True)
            results["paint"] = paint_against_limit(work)
    (BENCH / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    written = (BENCH / "RESULTS.md").read_text(encoding="utf-8") if (BENCH / "RESULTS.md").exists() else ""
    (BENCH / "RESULTS.md").write_text(with_hand_written(report(results), written), encoding="utf-8")
    print((BENCH / "RESULTS.md").read_text(encoding="utf-8"))


# Sections of RESULTS.md written by hand, not by report(): kept where they are, after the header.
HAND_WRITTEN = ("## The test suite on a fresh clone",)


def with_hand_written(made: str, written: str) -> str:
    """`made` (report()'s text) with the hand-written sections of `written` (RESULTS.md as it was)
    after its header, before the first section that report() writes."""
    sections = re.split(r"(?m)^(?=## )", written)
    kept = "".join(section for section in sections if section.startswith(HAND_WRITTEN))
    if not kept:
        return made
    first = re.search(r"(?m)^## ", made)
    at = first.start() if first else len(made)
    return made[:at] + kept + made[at:]


# -----------------------------------------------------------------------------
# 1. Build cost
# -----------------------------------------------------------------------------


def build_cost(work: Path) -> dict:
    project = copy_project(work / "project")
    baseline = copy_project(work / "baseline")
    write_baseline_config(baseline)
    compile_plugin()
    build_once(project)  # fills .cache/ (forms, templates, hyphenation, headings)
    ours, plain, ours_cpu, plain_cpu = alternately(project, baseline, RUNS)
    cold = []
    for _ in range(3):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold.append(build_once(project))
    return {
        "ours": statistics.median(ours),
        "plain": statistics.median(plain),
        "cold": statistics.median(cold),
        "ours_runs": ours,
        "plain_runs": plain,
        "cold_runs": cold,
        "overhead": statistics.median(ours) / statistics.median(plain) - 1,
        "ours_cpu": statistics.median(ours_cpu),
        "plain_cpu": statistics.median(plain_cpu),
        "ours_cpu_runs": ours_cpu,
        "plain_cpu_runs": plain_cpu,
        "overhead_cpu": statistics.median(ours_cpu) / statistics.median(plain_cpu) - 1,
        "components": component_times(project),
    }


def compile_plugin() -> None:
    """The plugin's bytecode (src/forebygg/**/__pycache__), as pip writes Material's when it installs it.

    The plugin is installed editable, so Python writes its bytecode on the first
    import, unless PYTHONDONTWRITEBYTECODE is set, as it is where the bench ran
    in December 2026: every build then compiled the plugin's 80 modules anew,
    0.05 s of the difference from plain Material (which always had its bytecode).
    """
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(PROJECT / "src")], check=True, env=ENV)


# Run in a Python of its own: a build with each handler of the forebygg plugin timed, in
# seconds of the processor's time (time.thread_time), which other programs on the machine
# change less than the seconds on the clock.
TIMED_BUILD = """
import json, sys, time
from collections import defaultdict
import forebygg.plugin
from mkdocs.commands.build import build
from mkdocs.config import load_config

spent = defaultdict(float)
made = forebygg.plugin._handler

def timed(row, component, event):
    handler = made(row, component, event)
    method = getattr(component, f"on_{event}")
    def wrapper(*args, **kwargs):
        start = time.thread_time()
        try:
            return method(*args, **kwargs)
        finally:
            spent[f"{row.name}.on_{event}"] += time.thread_time() - start
    for name in ("mkdocs_priority", "component_name", "__qualname__"):
        setattr(wrapper, name, getattr(handler, name))
    return wrapper

forebygg.plugin._handler = timed
start = time.thread_time()
build(load_config("mkdocs.yml", site_dir=sys.argv[1]))
spent["(the whole build)"] = time.thread_time() - start
print(json.dumps(spent))
"""


def component_times(project: Path, runs: int = 3) -> dict[str, float]:
    """Seconds in each forebygg component's handlers during a build (median of `runs`), the
    whole build's under "(the whole build)": where the plugin's time goes."""
    times = []
    for _ in range(runs):
        result = subprocess.run(
            [PYTHON, "-c", TIMED_BUILD, str(project / "site")],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise RuntimeError(f"timed build of {project} failed:\n{result.stderr}")
        times.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {name: statistics.median(run.get(name, 0.0) for run in times) for name in times[0]}


def alternately(project: Path, baseline: Path, runs: int) -> tuple[list[float], ...]:
    """Build times of the site and of its plain baseline, taking turns, so that
    a slower or faster spell of the machine falls on both alike: seconds on the
    clock (ours, plain), then seconds of processor time (ours, plain).

    The processor time of a build, user and system, is what it costs the machine;
    other programs running beside it stretch its seconds on the clock far more
    (on 2 cores shared with other agents, the same plain build took 1.2 to 4.4 s).
    """
    ours, plain, ours_cpu, plain_cpu = [], [], [], []
    for _ in range(runs):
        before = processor_seconds()
        ours.append(build_once(project))
        middle = processor_seconds()
        plain.append(build_once(baseline, strict=False))
        ours_cpu.append(middle - before)
        plain_cpu.append(processor_seconds() - middle)
    return ours, plain, ours_cpu, plain_cpu


def processor_seconds() -> float:
    """User and system time of the finished builds (the child processes) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def write_baseline_config(project: Path) -> None:
    """The same site without the project's plugin (forebygg) and template overrides."""
    config = yaml_load((project / "mkdocs.yml").open(encoding="utf-8"))
    config["plugins"] = [plugin for plugin in config["plugins"] if plugin != "forebygg"]
    config["theme"].pop("custom_dir", None)
    config["strict"] = False
    (project / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


# -----------------------------------------------------------------------------
# 2. Scaling with the number of pages
# -----------------------------------------------------------------------------


def scaling(work: Path) -> list[dict]:
    """The build with more pages, ours and the plain baseline's, to tell their growth apart."""
    rows = []
    for size in SIZES:
        project = copy_project(work / f"pages-{size}")
        add_generated_pages(project, size)
        baseline = copy_project(work / f"plain-{size}")
        add_generated_pages(baseline, size)
        write_baseline_config(baseline)
        build_once(project)  # fills .cache/forms
        seconds, plain = map(statistics.median, alternately(project, baseline, 3)[:2])
        rows.append(
            {"pages_per_language": size, "seconds": seconds, "plain": plain, "forebygg": seconds - plain}
        )
    for row in rows[1:]:
        pages = 2 * row["pages_per_language"]
        row["ms_per_page"] = (row["seconds"] - rows[0]["seconds"]) / pages * 1000
        row["plain_ms_per_page"] = (row["plain"] - rows[0]["plain"]) / pages * 1000
        row["forebygg_ms_per_page"] = (row["forebygg"] - rows[0]["forebygg"]) / pages * 1000
    return rows


def add_generated_pages(project: Path, count: int) -> None:
    paragraph = (
        "Socialtjänsten och hyresvärdar arbetar tillsammans för att förebygga vräkningar. "
        "Modellen bygger på ett tätt samarbete med regelbunden kontakt. " * 6
    )
    entries = []
    for n in range(1, count + 1):
        for language in ("sv", "en"):
            page = project / "docs" / language / "genererat" / f"sida-{n:03}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(
                f'---\ndescription: Genererad sida {n} för mätning av byggtiden.\nreviewed: "2026-11-29"\n---\n\n'
                f"# Sida {n} ({language})\n\n"
                + "".join(f"## Avsnitt {s}\n\n{paragraph}\n\n" for s in range(1, 6)),
                encoding="utf-8",
            )
        entries.append(f"  - genererat/sida-{n:03}.md\n")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nnav:\n", "\nnav:\n" + "".join(entries), 1), encoding="utf-8")


# -----------------------------------------------------------------------------
# 3. mkdocs serve
# -----------------------------------------------------------------------------


def serve_rebuild(work: Path) -> dict:
    project = copy_project(work / "serve")
    build_once(project)  # fills .cache/forms
    port = free_port()
    process = subprocess.Popen(
        [PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # MkDocs logs to both streams; read them as one, in a thread, so that waits can time out.
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    reported, measured = [], []
    try:
        wait_for_line(lines, "Serving on")
        page = project / "docs" / "sv" / "vad-gor-vi.md"
        for n in range(RUNS):
            time.sleep(1.5)
            start = time.monotonic()
            with page.open("a", encoding="utf-8") as stream:
                stream.write(f"\nÄndring {n}.\n")
            # The end of a rebuild: i18n's log filter sometimes hides "Documentation built in".
            said = wait_for_line(lines, "Reloading browsers")
            measured.append(time.monotonic() - start)
            built = re.search(r"built in ([\d.]+) seconds", said)
            if built:
                reported.append(float(built.group(1)))
    finally:
        process.terminate()
        process.wait(timeout=10)
    return {
        "reported": statistics.median(reported) if reported else None,
        "edit_to_done": statistics.median(measured),
        "reported_runs": reported,
        "edit_to_done_runs": measured,
    }


def wait_for_line(lines: queue.Queue, text: str, timeout: float = 120) -> str:
    """Everything MkDocs said up to the first line with `text`."""
    deadline = time.monotonic() + timeout
    seen = []
    while (left := deadline - time.monotonic()) > 0:
        try:
            line = lines.get(timeout=left)
        except queue.Empty:
            break
        seen.append(line)
        if text in line:
            return "".join(seen)
    raise RuntimeError(f"no '{text}' from mkdocs serve within {timeout} s; it said:\n{''.join(seen[-20:])}")


# -----------------------------------------------------------------------------
# 4 and 5. In the browser: page weight and Lighthouse
# -----------------------------------------------------------------------------


def in_the_browser(work: Path) -> tuple[dict, list[dict]]:
    port = free_port()
    site = work / "served"
    build_once(PROJECT, site, site_url=f"http://127.0.0.1:{port}/")
    with served(site, port) as origin:
        with launched() as browser:
            weights = {path: weigh(browser, origin, path)[0] for path in weighed_pages(site)}
        lighthouse = [
            run_lighthouse(origin + prefix + path.lstrip("/"))
            for prefix in ("/", "/en/")
            for path in LIGHTHOUSE_PAGES
        ]
    return weights, lighthouse


def run_lighthouse(url: str) -> dict:
    """LIGHTHOUSE_RUNS runs of one page: every run's scores, and the audits the worst run missed."""
    runs, retries = [], 0
    while len(runs) < LIGHTHOUSE_RUNS:
        run = lighthouse_once(url)
        if run is None:
            retries += 1
            check_retries(retries, url)
            continue
        runs.append(run)
    worst = min(runs, key=lambda run: (run["performance"], -run["tbt_ms"]))
    return {"url": url, "runs": runs, "worst": worst, "retries": retries}


def lighthouse_once(url: str) -> dict | None:
    """One Lighthouse run (mobile, simulated throttling): scores, timings, the largest element and
    the audits below full score; None when Lighthouse lost its own trace and asks to be run again."""
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        raise SystemExit("Lighthouse is missing: run (cd bench && npm ci)")
    with tempfile.NamedTemporaryFile(suffix=".json") as output:
        result = subprocess.run(
            [
                str(binary),
                url,
                "--quiet",
                "--form-factor=mobile",
                f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
                "--only-categories=performance,accessibility,best-practices,seo",
                "--output=json",
                f"--output-path={output.name}",
            ],
            env=dict(ENV, CHROME_PATH=CHROMIUM_PATH),
            capture_output=True,
            text=True,
            timeout=300,
        )
        # Now and then Lighthouse loses its own trace of the load and says
        # "Please run Lighthouse again" (NO_NAVSTART).
        if result.returncode and "Please run Lighthouse again" in result.stderr:
            return None
        if result.returncode:
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr}")
        data = json.loads(Path(output.name).read_text())
    audits = data["audits"]
    return {
        **{name: round(category["score"] * 100) for name, category in data["categories"].items()},
        **{
            metric: round(audits[audit]["numericValue"], 3 if metric == "cls" else None)
            for metric, audit in METRICS.items()
        },
        "lcp_element": largest_element(audits),
        "before_lcp": not_blocking_before_lcp(audits),
        **wire_bytes(audits),
        "not_perfect": sorted(
            f"{audit['id']} ({audit.get('displayValue', audit['score'])})"
            for audit in audits.values()
            if audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        ),
    }


def check_retries(retries: int, url: str) -> None:
    """Lighthouse's lost traces are run again, but not for ever."""
    if retries > 5:
        raise RuntimeError(f"Lighthouse lost its trace of {url} {retries} times: is the machine too busy?")


def largest_element(audits: dict) -> str:
    """Lighthouse's largest contentful element: its selector and the start of its text."""
    items = audits.get("lcp-breakdown-insight", {}).get("details", {}).get("items", [])
    node = next((item for item in items if item.get("type") == "node"), None)
    return f"{node['selector']} ({node['nodeLabel'][:40]}…)" if node else "?"


def not_blocking_before_lcp(audits: dict) -> list[str]:
    """The requests other than the page and its style sheets that ended before the observed
    largest paint. Lantern's LCP (unlike its FCP) waits for every request the unthrottled load
    had finished by then, so each of these adds its round trip on the simulated network."""
    observed = audits["metrics"]["details"]["items"][0]["observedLargestContentfulPaint"]
    return sorted(
        {
            request["url"].rsplit("/", 1)[-1] or request["url"]
            for request in audits["network-requests"]["details"]["items"]
            if request["resourceType"] not in ("Document", "Stylesheet")
            and request["url"].startswith("http")
            and request.get("networkEndTime", observed + 1) <= observed
        }
    )


def wire_bytes(audits: dict) -> dict:
    """The bytes Lantern simulates: the page's own response (headers and gzip'd body, as the
    browser received it) and its style sheets' responses (render-blocking)."""
    requests = audits["network-requests"]["details"]["items"]
    return {
        "document_bytes": next(r["transferSize"] for r in requests if r["resourceType"] == "Document"),
        "style_bytes": sum(r["transferSize"] for r in requests if r["resourceType"] == "Stylesheet"),
    }


def round_trips(size: int) -> int:
    """The round trips Lantern's TCP needs for `size` bytes on a new connection: the first
    window (INITIAL_WINDOW), then each window twice the last, up to what Lighthouse's mobile
    network carries in one round trip (1.6 Mbit/s × 150 ms, in whole 1,460-byte segments)."""
    window, largest, trips = INITIAL_WINDOW // SEGMENT, (1_638_400 // 8 * 150 // 1000) // SEGMENT, 1
    sent = window * SEGMENT
    while sent < size:
        window = min(window * 2, largest)
        sent += window * SEGMENT
        trips += 1
    return trips


def paint_against_limit(work: Path) -> list[dict]:
    """FCP and LCP of PAINT_PAGES, of each one's limit, the same page's text as bare HTML, and of
    its trial, the page drawn from its HTML alone (bench/first_screen.py), served alike (nginx,
    deploy/site.conf, gzip), Lighthouse's runs of the three taking turns: the median of
    LIGHTHOUSE_RUNS runs each, and the ratios to the limit's."""
    port, trial_port = free_port(), free_port()
    site, trial = work / "paint", work / "trial"
    build_once(PROJECT, site, site_url=f"http://127.0.0.1:{port}/")
    shutil.copytree(site, trial)
    rows = [{"path": path} for path in PAINT_PAGES]
    with served(site, port) as origin:
        with launched() as browser:
            tab = browser.new_page()
            for row in rows:
                rules = first_screen.first_screen_rules(tab, origin + row["path"], site)
                row["trial_style_bytes"] = len(
                    gzip.compress(rules.encode(), compresslevel=GZIP_LEVEL, mtime=0)
                )
                row["trial_hash"] = first_screen.write_trial_page(site, trial, row["path"], rules)
        hashes = [row["trial_hash"] for row in rows]
        deploy = first_screen.trial_deploy(PROJECT / "deploy", work / "trial-deploy", hashes)
        with served(trial, trial_port, deploy=deploy) as trial_origin:
            with launched() as browser:  # closed before Lighthouse's runs, as in_the_browser does
                for row in rows:
                    row["trial_differing_pixels"] = first_screen.differing_pixels(
                        browser, origin + row["path"], trial_origin + row["path"]
                    )
            for row in rows:
                path = row["path"]
                limit = write_limit_page(site, path)
                urls = {
                    "runs": origin + path,
                    "limit_runs": origin + limit,
                    "trial_runs": trial_origin + path,
                }
                runs, retries = {key: [] for key in urls}, 0
                while any(len(done) < LIGHTHOUSE_RUNS for done in runs.values()):
                    for key, url in urls.items():
                        if len(runs[key]) < LIGHTHOUSE_RUNS:
                            run = lighthouse_once(url)
                            retries += run is None
                            check_retries(retries, url)
                            runs[key].extend([run] if run else [])
                row.update(runs, retries=retries)
                for metric in ("fcp_ms", "lcp_ms"):
                    limit_value = statistics.median(run[metric] for run in runs["limit_runs"])
                    row[f"limit_{metric}"] = limit_value
                    for prefix, key in (("", "runs"), ("trial_", "trial_runs")):
                        row[f"{prefix}{metric}"] = statistics.median(run[metric] for run in runs[key])
                        row[f"{prefix}{metric}_ratio"] = row[f"{prefix}{metric}"] / limit_value
                row["html_bytes"] = compressed_size(site / path.lstrip("/") / "index.html")
                row["limit_html_bytes"] = compressed_size(site / limit.lstrip("/") / "index.html")
                for prefix, key in (("", "runs"), ("limit_", "limit_runs"), ("trial_", "trial_runs")):
                    row[f"{prefix}document_bytes"] = runs[key][0]["document_bytes"]
                row["style_bytes"] = runs["runs"][0]["style_bytes"]
                print(
                    f"  {path}: FCP {row['fcp_ms']} ms (x{row['fcp_ms_ratio']:.2f}), "
                    f"LCP {row['lcp_ms']} ms (x{row['lcp_ms_ratio']:.2f}); trial: "
                    f"x{row['trial_fcp_ms_ratio']:.2f} / x{row['trial_lcp_ms_ratio']:.2f}, "
                    f"{row['trial_differing_pixels']} pixels differ",
                    flush=True,
                )
    return rows


def write_limit_page(site: Path, path: str) -> str:
    """The built page at `path` as bare text: its HTML without style sheets, scripts, images
    and other media (NOT_TEXT), written under LIMIT; its address."""
    root = lxml.html.parse(str(site / path.lstrip("/") / "index.html")).getroot()
    for element in root.xpath(NOT_TEXT):
        element.drop_tree()
    limit = LIMIT + path
    target = site / limit.lstrip("/") / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(lxml.html.tostring(root, doctype="<!doctype html>", encoding="utf-8"))
    return limit


def compressed_size(path: Path) -> int:
    """The bytes nginx sends for the file with deploy/site.conf's gzip level."""
    return len(gzip.compress(path.read_bytes(), compresslevel=GZIP_LEVEL, mtime=0))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def build_once(
    project: Path, site: Path | None = None, strict: bool = True, site_url: str | None = None
) -> float:
    site = site or project / "site"
    env = dict(ENV, SITE_URL=site_url) if site_url else ENV
    command = [PYTHON, "-m", "mkdocs", "build", "--quiet", "--clean", "--site-dir", str(site)]
    start = time.monotonic()
    result = subprocess.run(
        command + (["--strict"] if strict else []), cwd=project, env=env, capture_output=True, text=True
    )
    seconds = time.monotonic() - start
    if result.returncode:
        raise RuntimeError(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return seconds


def machine() -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "?",
    )
    memory = next(
        (
            line.split()[1]
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        "0",
    )
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024 / 1024, 1),
        "system": platform.platform(),
        "python": platform.python_version(),
    }


def report(r: dict) -> str:
    b, s = r["build"], r["serve"]
    lines = [
        "# Performance results",
        "",
        f"Measured {r['when']} by `.venv/bin/python bench/run.py` (see its docstring)"
        + "".join(
            f"; {what} again {r[f'when_{step}']} by `bench/run.py {step}`"
            for step, what in (
                ("build", "the build cost"),
                ("browser", "page weight and Lighthouse"),
                ("paint", "first paint against its limit"),
            )
            if r.get(f"when_{step}")
        )
        + ".",
        f"Machine: {r['machine']['cpu']}, {r['machine']['cores']} cores, {r['machine']['memory_gib']} GiB, "
        f"{r['machine']['system']}, Python {r['machine']['python']}.",
        "",
        "## Build cost (both languages, films, forms; median of runs, seconds)",
        "",
        "| build | seconds | runs |",
        "| --- | --- | --- |",
        f"| plain MkDocs + Material, same Markdown, no forebygg plugin or overrides | {b['plain']:.2f} | "
        f"{', '.join(f'{x:.2f}' for x in b['plain_runs'])} |",
        f"| this site, forms cache warm | {b['ours']:.2f} | {', '.join(f'{x:.2f}' for x in b['ours_runs'])} |",
        f"| this site, forms cache empty (.cache/ deleted) | {b['cold']:.2f} | {', '.join(f'{x:.2f}' for x in b['cold_runs'])} |",
        "",
    ]
    lines += processor_report(b)
    lines += [
        f"The forebygg plugin and overrides add **{b['overhead'] * 100:+.0f} %** to a build with the forms cache warm "
        "(target: at most +20 %), on the clock"
        + (f"; **{b['overhead_cpu'] * 100:+.0f} %** in processor time." if "overhead_cpu" in b else "."),
        "",
    ]
    lines += component_report(b)
    lines += [
        "",
        "## Growth with the number of pages",
        "",
        "| pages per language | this site, s | plain, s | forebygg's share, s | ms per added page: site / plain / forebygg |",
        "| --- | --- | --- | --- | --- |",
    ]
    lines += [
        f"| {row['pages_per_language']} | {row['seconds']:.2f} | {row['plain']:.2f} | {row['forebygg']:.2f} | "
        + (
            f"{row['ms_per_page']:.1f} / {row['plain_ms_per_page']:.1f} / {row['forebygg_ms_per_page']:.1f} |"
            if "ms_per_page" in row
            else "– |"
        )
        for row in r["scaling"]
    ]
    lines += [
        "",
        "Linear growth shows as the same cost per added page at every size. Each Material page",
        "carries the whole menu, so the plain build's own cost per page grows with the number of",
        "pages; the forebygg column shows what the project adds on top.",
        "",
        "## mkdocs serve: rebuild after editing one page",
        "",
        f"- From saving the file to the browser reload, including MkDocs noticing the change: **{s['edit_to_done']:.2f} s** "
        f"(median; runs: {', '.join(f'{x:.2f}' for x in s['edit_to_done_runs'])}); target: under 2 s.",
        f"- The rebuild itself, as MkDocs reports it: {', '.join(f'{x:.2f}' for x in s['reported_runs']) or 'not reported'} s "
        "(i18n's log filter sometimes hides the line).",
        "",
        "## Page weight (compressed bytes the page loads once a key is pressed, Material's script "
        f"and the search index included; budget {BUDGET // 1000} KB)",
        "",
        "| page | bytes |",
        "| --- | --- |",
    ]
    lines += [f"| `{path}` | {size:,} |" for path, size in r["weight"].items()]
    lines += [
        "",
        "## Lighthouse (mobile preset, Debian's Chromium)",
        "",
        f"Each page {LIGHTHOUSE_RUNS} times. Scores are listed run by run; the timings and the audits below",
        "100 are those of the page's worst run. Lighthouse simulates a slow phone on a slow network",
        "from one fast load, so its timings (ms) vary with what else the machine is doing.",
        "",
        "| page | performance | accessibility | best practices | SEO | worst run: FCP / LCP / TBT, CLS "
        "| worst run: audits not at full score |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in r["lighthouse"]:
        runs, worst = row["runs"], row["worst"]
        scores = {
            name: ", ".join(str(run[name]) for run in runs)
            for name in ("performance", "accessibility", "best-practices", "seo")
        }
        lines.append(
            f"| `{urlsplit(row['url']).path}` | {scores['performance']} | {scores['accessibility']} | "
            f"{scores['best-practices']} | {scores['seo']} | "
            f"{worst['fcp_ms']} / {worst['lcp_ms']} / {worst['tbt_ms']}, {worst['cls']} | "
            f"{', '.join(worst['not_perfect']) or '–'} |"
        )
    categories = ("performance", "accessibility", "best-practices", "seo")
    runs = [run for row in r["lighthouse"] for run in row["runs"]]
    perfect = sum(all(run[name] == 100 for name in categories) for run in runs)
    medians = [
        statistics.median(run[name] for run in row["runs"]) for row in r["lighthouse"] for name in categories
    ]
    lines += [
        "",
        f"Target 100 in all four categories: the median of each page's runs is 100 in **{sum(m == 100 for m in medians)} of "
        f"{len(medians)}** page and category pairs, and **{perfect} of {len(runs)}** single runs score 100 in all four.",
    ]
    lines += paint_report(r.get("paint", []))
    retries = sum(row["retries"] for row in r["lighthouse"]) + sum(
        row["retries"] for row in r.get("paint", [])
    )
    lines += (
        [
            "",
            f'Lighthouse lost its own trace of the load {retries} times ("Please run Lighthouse again"); '
            "those runs were repeated.",
        ]
        if retries
        else []
    )
    return "\n".join(lines) + "\n"


def processor_report(b: dict) -> list[str]:
    """The same builds' processor time (user and system), which the machine's other work changes less."""
    if "ours_cpu" not in b:
        return []
    return [
        "The same builds in processor time (user and system seconds of the build process):",
        "",
        "| build | processor seconds | runs |",
        "| --- | --- | --- |",
        f"| plain MkDocs + Material | {b['plain_cpu']:.2f} | {', '.join(f'{x:.2f}' for x in b['plain_cpu_runs'])} |",
        f"| this site, forms cache warm | {b['ours_cpu']:.2f} | {', '.join(f'{x:.2f}' for x in b['ours_cpu_runs'])} |",
        "",
    ]


def component_report(b: dict) -> list[str]:
    """Where the forebygg plugin's time goes: its handlers' seconds, the largest first."""
    times = dict(b.get("components", {}))
    if not times:
        return []
    whole = times.pop("(the whole build)")
    handlers = sum(times.values())
    lines = [
        f"Where the time goes (a build with each handler of the plugin timed in processor seconds, median of 3; "
        f"that build took {whole:.2f} s, of which {handlers:.2f} s in the plugin's handlers; the rest of the difference "
        "from the plain build is the overrides' templates and the pages and files the components add, "
        "such as the fill-in forms):",
        "",
        "| handler | processor seconds |",
        "| --- | --- |",
    ]
    lines += [
        f"| `{name}` | {seconds:.3f} |"
        for name, seconds in sorted(times.items(), key=lambda item: -item[1])
        if seconds >= 0.005
    ]
    return lines


def paint_report(rows: list[dict]) -> list[str]:
    if not rows:
        return []
    lines = [
        "",
        "## First paint against its limit (Lighthouse mobile, median of "
        f"{LIGHTHOUSE_RUNS} runs each, in one run)",
        "",
        "The limit is the same page's text as bare HTML – the built page without its style sheets,",
        "scripts, images and other media – served beside it by the same nginx with gzip",
        f"(`{LIMIT}/…`). Lighthouse simulates the slow phone and its network (throttling",
        '"simulate", Lantern) from one unthrottled load; the network part of its timings does',
        "not depend on the machine's load, the CPU part does (every observed task counts four",
        "times), so the page and its limit take turns. Target: FCP and LCP at most ×1.15 the limit's.",
        "",
        "| page | FCP ms: page / limit | FCP ratio | LCP ms: page / limit | LCP ratio "
        "| HTML bytes, gzip: page / limit | CLS | scores (perf., a11y, best pr., SEO) | largest element |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        runs = row["runs"]
        scores = " · ".join(
            "/".join(str(run[name]) for name in ("performance", "accessibility", "best-practices", "seo"))
            for run in runs
        )
        elements = sorted({run["lcp_element"] for run in runs})
        lines.append(
            f"| `{row['path']}` | {row['fcp_ms']:.0f} / {row['limit_fcp_ms']:.0f} | **×{row['fcp_ms_ratio']:.2f}** "
            f"| {row['lcp_ms']:.0f} / {row['limit_lcp_ms']:.0f} | **×{row['lcp_ms_ratio']:.2f}** "
            f"| {row['html_bytes']:,} / {row['limit_html_bytes']:,} "
            f"| {max(run['cls'] for run in runs)} | {scores} | {'; '.join(elements)} |"
        )
    lines += [
        "",
        "What Lantern's network carries before the first paint (bytes as the browser received",
        "them, headers included; round trips on a new connection, whose first carries "
        f"{INITIAL_WINDOW:,} bytes):",
        "",
        "| page | the page: bytes / round trips | its limit: bytes / round trips "
        "| style sheets, render-blocking: bytes | room left in the page's first round trip |",
        "| --- | --- | --- | --- | --- |",
        *(
            f"| `{row['path']}` | {row['document_bytes']:,} / {round_trips(row['document_bytes'])} "
            f"| {row['limit_document_bytes']:,} / {round_trips(row['limit_document_bytes'])} "
            f"| {row['style_bytes']:,} | {INITIAL_WINDOW - row['document_bytes']:,} |"
            for row in rows
            if "document_bytes" in row
        ),
        "",
        "**The trial** (`bench/first_screen.py`; not how the site is built): the page drawn from its",
        "HTML alone – the rules its first screen needs on a "
        f"{first_screen.PHONE['width']} × {first_screen.PHONE['height']} phone in a `<style>` of its own,",
        "allowed by its hash in a copy of the CSP, and no style sheet – measured in the same turns:",
        "",
        "| page | FCP ms / ratio | LCP ms / ratio | its rules, compressed | the page with them: bytes / round trips "
        "| pixels of the first screen that differ from the page's |",
        "| --- | --- | --- | --- | --- | --- |",
        *(
            f"| `{row['path']}` | {row['trial_fcp_ms']:.0f} / **×{row['trial_fcp_ms_ratio']:.2f}** "
            f"| {row['trial_lcp_ms']:.0f} / **×{row['trial_lcp_ms_ratio']:.2f}** | {row['trial_style_bytes']:,} "
            f"| {row['trial_document_bytes']:,} / {round_trips(row['trial_document_bytes'])} "
            f"| {row['trial_differing_pixels']:,} of {first_screen.PHONE['width'] * first_screen.PHONE['height']:,} |"
            for row in rows
            if "trial_runs" in row
        ),
        "",
        "Requests besides the page and its style sheets that the unthrottled load had finished",
        "by its largest paint, in any run (Lantern's LCP waits for each of them on the simulated",
        "network, its FCP for the render-blocking ones only): "
        + "; ".join(
            f"`{row['path']}` "
            + (
                ", ".join(sorted({name for run in row["runs"] for name in run.get("before_lcp", [])}))
                or "none"
            )
            for row in rows
        )
        + ".",
        "",
        "Runs (FCP/LCP ms), page, limit and trial: "
        + "; ".join(
            f"`{row['path']}` "
            + ", ".join(f"{run['fcp_ms']}/{run['lcp_ms']}" for run in row["runs"])
            + " – "
            + ", ".join(f"{run['fcp_ms']}/{run['lcp_ms']}" for run in row["limit_runs"])
            + (
                " – trial " + ", ".join(f"{run['fcp_ms']}/{run['lcp_ms']}" for run in row["trial_runs"])
                if "trial_runs" in row
                else ""
            )
            for row in rows
        )
        + ".",
    ]
    return lines


if __name__ == "__main__":
    main()
