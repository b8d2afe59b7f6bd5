"""
The edits an editor makes to the site, as EDITING.md tells them, done to a copy of the project.

tests/test_editor_edits.py makes every one of them and runs the project's own
tests and gates on the result: a test that pins today's content (a date, a
sentence, a count of pages) fails there, as it would after the editor's
first edit. Each function does what the handbook's section says, and no more.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from mutagen.mp4 import MP4

# What a copy needs to build the site and run the tests; node_modules/ is linked, not copied.
PROJECT_FILES = (
    "mkdocs.yml",
    "docs",
    "forms",
    "overrides",
    "src",
    "tests",
    "deploy",
    "scripts",
    "Makefile",
    "pyproject.toml",
    "pytest.ini",
    "package.json",
)
NEW_LANGUAGE, NEW_LANGUAGE_NAME = "de", "Deutsch"
# What a text "translated" in the tests gets, so that it is no longer a copy of another language's.
MARK = "(Deutsch)"


def copy_project(project: Path, target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = project / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", ".output"))
        else:
            shutil.copy2(source, target / name)
    (target / "node_modules").symlink_to(project / "node_modules")
    return target


def pages(project: Path, language: str) -> list[Path]:
    return sorted((project / "docs" / language).rglob("*.md"))


def languages(project: Path) -> list[str]:
    return sorted(
        p.name for p in (project / "docs").iterdir() if p.is_dir() and p.name not in ("assets", "data")
    )


# -----------------------------------------------------------------------------
# The edits (EDITING.md)
# -----------------------------------------------------------------------------


def review_the_pages(project: Path) -> None:
    """ "Change a review date": the facts of every page checked again, and each page's date changed."""
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"^reviewed: .*$", 'reviewed: "2027-01-15"', text, count=1, flags=re.M))


def write_above_a_film(project: Path) -> None:
    """ "Change the text of a page": a paragraph written above a film moves every line after it."""
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if "![type:video]" in text:
            text = text.replace("![type:video]", "Ett nytt stycke.\n\nOch ett till.\n\n![type:video]", 1)
            page.write_text(text, encoding="utf-8")


def add_a_page(project: Path) -> None:
    """ "Add a page in every language": the page in every language, and its file name in nav:."""
    for language in languages(project):
        (project / "docs" / language / "nyheter.md").write_text(
            f'---\ndescription: "Nyheter ({language})."\nreviewed: "2027-01-15"\n---\n\n'
            f"# Nyheter {language}\n\nEn ny sida med en [länk till startsidan](index.md).\n",
            encoding="utf-8",
        )
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("\nnav:\n", "\nnav:\n  - nyheter.md\n", 1), encoding="utf-8")


def switch_the_survey_off(project: Path) -> None:
    """ "The survey invitation": enabled: false, as `make build` itself suggests before launch."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text, count = re.subn(r"(\n  survey:\n(?:    .*\n|\s*#.*\n)*?    enabled:) true", r"\1 false", text)
    assert count == 1, "mkdocs.yml has no extra.survey.enabled: true"
    config.write_text(text, encoding="utf-8")


def give_the_site_its_address_under_a_path(project: Path) -> None:
    """ "Set the site's address": site_url, here a folder of the authority's own site."""
    config = project / "mkdocs.yml"
    text = re.sub(
        r'^(site_url: !ENV \[SITE_URL, )"[^"]*"\]',
        r'\1"https://www.myndigheten.se/vrakningar/"]',
        config.read_text(encoding="utf-8"),
        flags=re.M,
    )
    config.write_text(text, encoding="utf-8")


def name_the_organisation(project: Path) -> None:
    """The organisation's real name, colour, e-mail, phone and address (EDITING.md: "Change the
    organisation's name, e-mail, phone or address"; "Change the logo, the colour or the browser icon")."""
    values = {
        r"(\n    name:\n      sv: )\"[^\"]*\"": r"\1Länsstyrelsen i Exempellän",
        r"(\n    name:\n(?:      .*\n)*?      en: )\"[^\"]*\"": r"\1The County Administrative Board of Example",
        r"(\n    colour: )\"[^\"]*\"": r'\1"#1f4e3d"',
        r"(\n    email: )\"[^\"]*\"": r"\1registrator@exempellan.se",
        r"(\n    phone: )\"[^\"]*\"": r'\1"010-123 45 67"',
        r"(\n    address:\n      sv: )\"[^\"]*\"": r'\1"Länsstyrelsen, 100 00 Exempelstad"',
        r"(\n    address:\n(?:      .*\n)*?      en: )\"[^\"]*\"": r'\1"County Administrative Board, SE-100 00 Example"',
    }
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for pattern, value in values.items():
        text = re.sub(pattern, value, text, count=1)
    config.write_text(text, encoding="utf-8")


def swap_in_a_real_film(project: Path) -> None:
    """ "Swap a sample film for a real one": one film for every language instead of the samples.

    The English film and its poster go, the English captions are timed to the
    shared film, and the shared film is a real one: no sample's comment in it.
    """
    films = project / "docs" / "assets" / "films"
    for own in films.glob("*.en.mp4"):
        own.unlink()
        own.with_suffix(".jpg").unlink(missing_ok=True)
    for film in films.glob("*.mp4"):
        MP4(str(film)).delete()


def add_a_language(project: Path) -> None:
    """ "Add a language": German, by the handbook's steps (tests/test_arabic.py adds Arabic).

    Step 1 is its command, `make add-language CODE=de NAME=Deutsch` (run here as
    the Makefile runs it); steps 2–6 translate what it copied – here each text
    gets the language's mark – and delete each copy's mark `untranslated: …`.
    """
    subprocess.run(
        [sys.executable, "-m", "forebygg.translations.add_language", NEW_LANGUAGE, NEW_LANGUAGE_NAME],
        cwd=project,
        check=True,
        capture_output=True,
    )
    # Steps 2 and 3: each page and form translated (here its title: the anchors of the headings
    # below stay as the links have them), and its line `untranslated: en` deleted.
    for folder in ("docs", "forms"):
        for page in (project / folder / NEW_LANGUAGE).rglob("*.md"):
            text = re.sub(r"^untranslated: .*\n", "", page.read_text(encoding="utf-8"), count=1, flags=re.M)
            page.write_text(re.sub(r"^(# .+?)( \{[^}]*\})?$", rf"\1 {MARK}\2", text, count=1, flags=re.M))
    # Step 4: each part of the glossary in the language, and each law's name.
    glossary = project / "docs" / "data" / "glossary.yml"
    if glossary.exists():
        glossary.write_text(_translated_glossary(glossary.read_text(encoding="utf-8")), encoding="utf-8")
    # Step 5: the captions translated, and their line `NOTE untranslated: …` deleted.
    for captions in (project / "docs").rglob(f"*.{NEW_LANGUAGE}.vtt"):
        cues = re.sub(r"^NOTE untranslated: .*\n\n?", "", captions.read_text(encoding="utf-8"), flags=re.M)
        cues = re.sub(r"^(?!WEBVTT|NOTE|\d+$|\d[\d:.]* --> )(\S.*)$", rf"{MARK} \1", cues, flags=re.M)
        captions.write_text(cues, encoding="utf-8")
    # Step 6: each text of mkdocs.yml in square brackets, translated and written without them.
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r'"\[(.*)\]"$', rf'"\1 {MARK}"', text, flags=re.M), encoding="utf-8")


def _translated_glossary(text: str) -> str:
    """The glossary with each of the language's explanations and law names marked (its terms may stay)."""
    lines = text.splitlines(keepends=True)
    part = False
    for index, line in enumerate(lines):
        if re.match(r"^  \S", line) or line.startswith("- "):
            part = line.strip().startswith(f"{NEW_LANGUAGE}:") or line.startswith(f"- {NEW_LANGUAGE}:")
        if re.match(rf"^    {NEW_LANGUAGE}: ", line):  # the law's name, under source:
            lines[index] = line.rstrip("\n") + f" {MARK}\n"
        elif part and re.match(r"^      \S", line) and lines[index - 1].strip().startswith("explanation:"):
            lines[index] = f"      {MARK} {line.lstrip()}"
    return "".join(lines)


EDITS = (
    review_the_pages,
    write_above_a_film,
    add_a_page,
    switch_the_survey_off,
    give_the_site_its_address_under_a_path,
    name_the_organisation,
    swap_in_a_real_film,
    add_a_language,
)
