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
NEW_LANGUAGE = "de"


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
    """ "Add a language": German, with every step of the handbook, its text marked as translated."""
    code, english = NEW_LANGUAGE, "en"
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    # Step 1: the language, after the last one, with the titles of the menu's sections.
    sections = re.findall(r"^  - ([^\n:]+):\n", text.split("\nnav:\n", 1)[1].split("\n\n", 1)[0], re.M)
    block = (
        f"        - locale: {code}\n          name: Deutsch\n          site_name: Räumungen verhindern\n"
        "          site_description: Leitfaden zum Verhindern von Räumungen.\n"
        + (
            "          nav_translations:\n" + "".join(f"            {s}: {s} (Deutsch)\n" for s in sections)
            if sections
            else ""
        )
    )
    text = re.sub(r"(\n      languages:\n(?:        .*\n)+)", lambda m: m.group(1) + block, text, count=1)
    # Step 5: a German value beside each English one under extra:, the regional language its own.
    head, extra = text.split("\nextra:\n", 1)
    extra = re.sub(
        r"^(\s+)en: (.*)$",
        lambda m: f"{m.group(0)}\n{m.group(1)}{code}: {_marked(m.group(2))}",
        extra,
        flags=re.M,
    )
    extra = re.sub(rf"^(\s+){code}: en-GB$", rf"\g<1>{code}: de-DE", extra, flags=re.M)
    config.write_text(head + "\nextra:\n" + extra, encoding="utf-8")
    # Steps 2 and 3: every page and form, translated (here: their titles marked).
    for folder in ("docs", "forms"):
        shutil.copytree(project / folder / english, project / folder / code)
        for page in (project / folder / code).rglob("*.md"):
            page.write_text(
                re.sub(r"^# (.+)$", r"# \1 (Deutsch)", page.read_text(encoding="utf-8"), flags=re.M)
            )
    # Step 3: a German part in every term of the glossary, after the English one.
    glossary = project / "docs" / "data" / "glossary.yml"
    if glossary.exists():
        entries = glossary.read_text(encoding="utf-8")
        entries = re.sub(
            r"(\n  en:\n((?:    .*\n|      .*\n)+))",
            lambda m: m.group(1) + f"  {code}:\n" + _marked_terms(m.group(2)),
            entries,
        )
        entries = re.sub(
            r"^(    )en: (.*)$",
            lambda m: f"{m.group(0)}\n{m.group(1)}{code}: {m.group(2)} (Deutsch)",
            entries,
            flags=re.M,
        )
        glossary.write_text(entries, encoding="utf-8")
    # Step 4: the captions of each shared film, translated.
    films = project / "docs" / "assets" / "films"
    for film in [*films.glob("*.mp4"), *films.glob("*.jpg")]:
        if "." in film.stem or (films / f"{film.stem}.{code}.vtt").exists():
            continue
        shown = next(
            (
                films / f"{film.stem}.{language}.vtt"
                for language in ("sv", english)
                if (films / f"{film.stem}.{language}.vtt").exists()
                and not (films / f"{film.stem}.{language}.mp4").exists()
            ),
            None,
        )
        if shown:
            cues = re.sub(
                r"^(?!WEBVTT|NOTE|\d+$|\d[\d:.]* --> )(\S.*)$",
                r"DE \1",
                shown.read_text(encoding="utf-8"),
                flags=re.M,
            )
            (films / f"{film.stem}.{code}.vtt").write_text(cues, encoding="utf-8")


def _marked(value: str) -> str:
    """A value of mkdocs.yml in 'German': an address as it is, a text with the language's mark."""
    if re.match(r'^"?(https?://|\d{4}-\d{2}-\d{2}|[^\s]+@|[a-z]{2,3}-[A-Z]{2}$)', value) or value in (
        "true",
        "false",
    ):
        return value
    if value.startswith('"') and value.endswith('"'):
        return value[:-1] + ' (de)"'
    return f"{value} (de)"


def _marked_terms(part: str) -> str:
    """A glossary part's lines with each term and form marked as German, so none is listed twice."""

    def mark(match):
        words = [word.strip() for word in match.group(2).split(",")]
        return f"{match.group(1)}[{', '.join(f'{word} (de)' for word in words)}]"

    lines = re.sub(r"^(    (?:terms|forms): )\[(.*)\]$", mark, part, flags=re.M)
    return lines


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
