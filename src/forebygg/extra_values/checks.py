"""
The values under `extra:` checked as MkDocs has read them: every language's
value given, each language's regional form known, and every date a real one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from forebygg.dates import is_date, is_real_date
from forebygg.extra_values.kinds import MAY_LACK_A_LANGUAGE
from forebygg.site_config import babel_locale, each_setting, general_rules_for
from forebygg.source_lines import config_line, config_place


def untranslated_values(extra: dict, locales: list[str], config_file: str | None) -> list[str]:
    """A value given for one language must be given for every language."""
    problems = []
    for keys, value in each_setting(extra):
        key = ".".join(keys)
        if isinstance(value, Mapping) and key not in MAY_LACK_A_LANGUAGE and set(value) & set(locales):
            for locale in locales:
                if locale not in value:
                    place = config_place(config_file, ["extra", *keys])
                    problems.append(f"{place}: extra.{key} has no '{locale}' value – add {locale}: under it")
    return problems


def unknown_regional_languages(extra: dict, locales: list[str], config_file: str | None) -> list[str]:
    """Each language names the regional form whose numbers and dates its pages use, e.g. en-GB."""
    tags = extra.get("regional_language")
    if not isinstance(tags, Mapping):
        line = config_line(config_file, ["extra"])
        return [
            f"mkdocs.yml:{line}: extra.regional_language is missing – add it under extra:, with one "
            f"line per language, for example {', '.join(f'{code}: {_example_tag(code)}' for code in locales)}"
        ]
    problems = []
    for locale in locales:
        tag = tags.get(locale)
        if tag is None:
            continue  # untranslated_values reports it
        line = config_line(config_file, ["extra", "regional_language", locale])
        try:
            known = babel_locale(str(tag)).language == locale.split("-")[0].split("_")[0].lower()
        except ValueError:
            known = False
        if not known:
            problems.append(
                f"mkdocs.yml:{line}: extra.regional_language.{locale} is '{tag}', not a known regional form "
                f"of '{locale}' – write the language code, a hyphen and the country, "
                f"for example {_example_tag(locale)}"
            )
    return problems


def regional_languages_by_general_rules(
    extra: dict, locales: list[str], config_file: str | None
) -> list[str]:
    """A note for each language whose country Babel has no rules of its own for (ar-SE): its dates
    and numbers follow the language's general rules."""
    tags = extra.get("regional_language")
    notes = []
    for locale in locales:
        tag = str(tags.get(locale)) if isinstance(tags, Mapping) and tags.get(locale) is not None else ""
        try:
            Locale.parse(tag.replace("-", "_"))
            continue
        except (UnknownLocaleError, ValueError, TypeError):
            general = general_rules_for(tag)
        if general is None:
            continue
        english = Locale("en")
        country = tag.replace("_", "-").split("-")[-1].upper()
        place = config_place(config_file, ["extra", "regional_language", locale])
        notes.append(
            f"{place}: extra.regional_language.{locale} is '{tag}': Babel has no rules of its own for "
            f"{general.get_display_name('en')} in {english.territories[country]}, so dates and numbers follow "
            f"the general rules of {general.get_display_name('en')} ({general}), and the forms' Word and "
            f"OpenDocument files are marked {tag} – to follow one country's rules instead, name a country that "
            f"Babel has rules for, such as {_example_tag(locale)}"
        )
    return notes


# Something an editor meant as a date: four digits, then month and day.
LOOSE_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def dates_not_in_the_calendar(extra: dict, config_file: str | None) -> list[str]:
    """A value that looks like a date must be a real one, written YYYY-MM-DD, or it is shown as typed."""
    problems = []
    for keys, value in each_setting(extra):
        if isinstance(value, str) and LOOSE_DATE.fullmatch(value.strip()):
            if not (is_date(value) and is_real_date(value)):
                line = config_line(config_file, ["extra", *keys])
                problems.append(
                    f"mkdocs.yml:{line}: extra.{'.'.join(keys)} is '{value}', which is not a real date written as "
                    f"YYYY-MM-DD – write it like 2026-11-25"
                )
    return problems


def _example_tag(locale: str) -> str:
    """A tag for the language's most likely country, as an example: de → de-DE."""
    likely = get_global("likely_subtags").get(locale.lower(), "")
    return f"{locale}-{likely.split('_')[-1]}" if "_" in likely else f"{locale}-XX"
