"""
Can the tests fail? Each component of the forebygg plugin switched off in turn:
some test must fail for each. Run by hand (it takes a while), from the project:

    .venv/bin/python tests/switch_off.py [COMPONENT ...]

For each component (all with build code in src/forebygg/components.py, or those
named) it runs the fast tests with FOREBYGG_WITHOUT=COMPONENT, stopping at the
first failure; if none fails, the browser and server tests too. The builds of
those test processes leave the component out (leave_out(), called by
conftest.py). What failed first goes into tests/SWITCH-OFF.md, a row per component.

A test process's own builds only: a build in a subprocess (`make build`, the
editor-edits suite) keeps every component.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
RESULTS = PROJECT / "tests" / "SWITCH-OFF.md"
PYTEST = [
    sys.executable,
    "-m",
    "pytest",
    "-p",
    "no:cacheprovider",
    "-q",
    "-x",
    "-n",
    "2",
    "--dist",
    "loadgroup",
]
# Not the reproducibility gate: it compares this process's build with one made in another
# process, which keeps every component – it would fail for each one, and tell nothing.
RUNS = {
    "fast": ["-m", "not browser and not server and not suite", "-k", "not byte_identical"],
    "browser": ["-m", "(browser or server) and not suite"],
}


def leave_out(component: str) -> None:
    """Every forebygg plugin made in this process runs without `component`'s handlers."""
    from forebygg import components, plugin

    if component not in components.BY_NAME or not components.BY_NAME[component].build:
        known = ", ".join(row.name for row in components.COMPONENTS if row.build)
        raise SystemExit(f"FOREBYGG_WITHOUT={component}: no such component with build code – one of {known}")
    made = plugin.ForebyggPlugin.__init__

    def without(self) -> None:
        made(self)
        for name, value in list(vars(self).items()):
            if isinstance(value, plugin.CombinedEvent):
                kept = [handler for handler in value.methods if handler.component_name != component]
                if kept:
                    setattr(self, name, plugin.CombinedEvent(*kept))
                else:
                    delattr(self, name)

    plugin.ForebyggPlugin.__init__ = without


def check(component: str) -> tuple[str, str]:
    """('fast' or 'browser', the first test that failed), or ('', '') if none did."""
    environment = {**os.environ, "FOREBYGG_WITHOUT": component}
    for run, arguments in RUNS.items():
        result = subprocess.run(
            [*PYTEST, *arguments], cwd=PROJECT, env=environment, capture_output=True, text=True, check=False
        )
        failed = re.search(r"^(?:FAILED|ERROR) (\S+)", result.stdout, re.MULTILINE)
        if failed:  # pytest-xdist says 'interrupted' (2) when -x stops it
            return run, failed.group(1)
        if result.returncode != 0:
            raise SystemExit(
                f"{component}: pytest stopped with {result.returncode}:\n{result.stdout}{result.stderr}"
            )
    return "", ""


def main(names: list[str]) -> int:
    sys.path.insert(0, str(PROJECT / "src"))
    from forebygg.components import COMPONENTS

    known = [row.name for row in COMPONENTS if row.build]
    names = names or known
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True, text=True
    )
    when = f"{commit.stdout.strip()}, {time.strftime('%Y-%m-%d')}"
    rows = _rows_written()
    silent = []
    for name in names:
        started = time.monotonic()
        run, failed = check(name)
        seconds = round(time.monotonic() - started)
        print(f"{name}: {failed or 'NO TEST FAILED'} ({run or 'all'}, {seconds} s)", flush=True)
        rows[name] = f"| `{name}` | {run or '–'} | {f'`{failed}`' if failed else '**none**'} | {when} |"
        silent += [] if failed else [name]
    RESULTS.write_text(
        "# Each component switched off: the first test that fails\n\n"
        "Written by `tests/switch_off.py`; a run for some components rewrites their rows only.\n"
        "The fast tests run first; the browser and server tests only if none of them failed.\n\n"
        "| Component switched off | Run | First failing test | Commit, date |\n|---|---|---|---|\n"
        + "\n".join(rows.get(name, f"| `{name}` | – | not run yet | – |") for name in known)
        + "\n",
        encoding="utf-8",
    )
    if silent:
        print("No test failed without: " + ", ".join(silent))
    return 1 if silent else 0


def _rows_written() -> dict[str, str]:
    """The rows tests/SWITCH-OFF.md holds now, by component (those of earlier runs stay)."""
    if not RESULTS.exists():
        return {}
    lines = re.finditer(r"^\| `(\w+)` \|.*$", RESULTS.read_text(encoding="utf-8"), re.MULTILINE)
    return {line.group(1): line.group(0) for line in lines}


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
