"""
`make add-language CODE=ar NAME=العربية`: a new language for the site, ready to translate.

EDITING.md, "Add a language", is the editor's guide. This writes, in the
project's folder (where mkdocs.yml is), everything a language needs, each
text a copy of another language's (English, or FROM=sv) marked as not yet
translated, so that a preview (`make serve`, `make check`) builds at once:

- in mkdocs.yml (and a file it INHERITs), the language's block under
  plugins → i18n → languages, after the last one, and a line for the
  language beside every setting under extra: that has one per language;
  each text in square brackets, the project's mark for a placeholder
  ("[Menu]"), an address as it is, and the regional language the language
  in the default language's country (ar-SE); the lines are put in, nothing
  else in the file changes, its comments neither;
- docs/CODE/ and forms/CODE/, copies with `untranslated: en` in the front matter;
- in docs/data/glossary.yml, a CODE: part in every entry and a CODE: name
  in every source:, copies of the source language's;
- beside each film, NAME.CODE.vtt, a copy of the captions timed to the film
  that the new language's pages show, with `NOTE untranslated: sv` under
  its first line.

`make build` refuses every copy and placeholder until it is translated,
each named with its file and line (forebygg.launch, copies.py).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from forebygg.translations.copies import KEY
from forebygg.translations.copy_files import add_captions, add_glossary_parts, copy_pages
from forebygg.translations.yaml_text import ConfigFile, as_yaml, last_line, scalar, value_of

CODE = re.compile(r"[a-z]{2,3}")
MATERIAL_LANGUAGES = "https://squidfunk.github.io/mkdocs-material/setup/changing-the-language/"


class LanguageError(Exception):
    """Why the language cannot be added, and what to do: printed as it is."""


def add_language(project: Path, code: str, name: str = "", source: str = "") -> list[str]:
    """Add the language `code` to the project at `project`; what was written, for the editor."""
    files = _config_files(project / "mkdocs.yml")
    languages_node = _languages_node(files)
    if languages_node is None:
        raise LanguageError(
            "mkdocs.yml: no languages under plugins → i18n → languages – add the i18n plugin first"
        )
    file, items = languages_node
    locales = [scalar(item, "locale") for item in items.value]
    default = next(
        (scalar(item, "locale") for item in items.value if scalar(item, "default") == "true"), locales[0]
    )
    source = source or ("en" if "en" in locales else default)
    _check(project, code, locales, source)
    name = name or Locale.parse(code).get_display_name(code)
    written = []

    _add_language_block(file, items, code, name, source, default, files)
    country = _country(files, default)
    for config in files:
        extra = value_of(config.node, "extra")
        if isinstance(extra, yaml.MappingNode):
            _add_extra_values(config, extra, ("extra",), code, source, locales, country)
    for config in files:
        if config.inserts:
            config.write()
            block = "the language under plugins → i18n → languages, and " if config is file else ""
            written.append(
                f"{config.path.name}: {block}a line {code}: beside each setting under extra: that has one per "
                "language, each text in [square brackets]"
            )

    for folder in ("docs", "forms"):
        count = copy_pages(project / folder / source, project / folder / code, source)
        if count:
            written.append(
                f"{folder}/{code}/: {count} files, copies of {folder}/{source}/ marked {KEY}: {source}"
            )
    glossary = project / "docs" / "data" / "glossary.yml"
    if glossary.is_file():
        count = add_glossary_parts(glossary, code, source, locales)
        written.append(
            f"docs/data/glossary.yml: a part {code}: in {count} entries, copies of the parts {source}:"
        )
    for captions in add_captions(project / "docs", code, source, default, locales):
        written.append(f"{captions}: a copy of the captions that the film shows, marked NOTE untranslated")
    return written


# -----------------------------------------------------------------------------
# mkdocs.yml
# -----------------------------------------------------------------------------


def _config_files(path: Path) -> list[ConfigFile]:
    files = []
    while path.is_file() and len(files) < 10:
        text = path.read_text(encoding="utf-8-sig")
        try:
            node = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as error:
            raise LanguageError(
                f"{path.name}: not valid YAML ({error}) – run `make check` and fix it first"
            ) from None
        if not isinstance(node, yaml.MappingNode):
            break
        files.append(ConfigFile(path, text.splitlines(keepends=True), node))
        parent = value_of(node, "INHERIT")
        if not isinstance(parent, yaml.ScalarNode):
            break
        path = path.parent / parent.value
    if not files:
        raise LanguageError("mkdocs.yml: not found – run the command in the project's folder")
    return files


def _languages_node(files: list[ConfigFile]) -> tuple[ConfigFile, yaml.SequenceNode] | None:
    for config in files:
        plugins = value_of(config.node, "plugins")
        for plugin in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
            listed = value_of(value_of(plugin, "i18n"), "languages")
            if isinstance(listed, yaml.SequenceNode) and listed.value:
                return config, listed
    return None


def _check(project: Path, code: str, locales: list[str], source: str) -> None:
    if not CODE.fullmatch(code):
        raise LanguageError(
            f"'{code}' is not a language code – write the language's two-letter code (ISO 639-1), in small "
            f"letters, as Material lists it ({MATERIAL_LANGUAGES}): make add-language CODE=ar NAME=العربية"
        )
    if code in locales:
        raise LanguageError(f"mkdocs.yml: the site has the language '{code}' already")
    if source not in locales:
        raise LanguageError(
            f"FROM={source}: the site has no language '{source}' – use one of {', '.join(locales)}"
        )
    for folder in ("docs", "forms"):
        if (project / folder / code).exists():
            raise LanguageError(
                f"{folder}/{code}/ exists already – move it away, or add the language by hand"
            )
    try:
        Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise LanguageError(
            f"'{code}' is not a language that Babel (the build's dates and numbers) knows"
        ) from None
    texts = f"partials/languages/{code}.html"
    material = Path(__import__("material").__file__).parent / "templates"
    if not (material / texts).is_file() and not (project / "overrides" / texts).is_file():
        raise LanguageError(
            f"Material for MkDocs has no interface texts (menu, search, buttons) for the language '{code}' – use "
            f"a code from {MATERIAL_LANGUAGES}, or ask a developer to add overrides/{texts}"
        )


def _add_language_block(
    config: ConfigFile, items: yaml.SequenceNode, code: str, name: str, source: str, default: str, files
) -> None:
    last = items.value[-1]
    dash = config.lines[last.start_mark.line].index("-")
    indent = " " * dash
    source_item = next(item for item in items.value if scalar(item, "locale") == source)

    def text_of(key: str) -> str:
        if source == default:
            return next((scalar(f.node, key) for f in files if scalar(f.node, key)), "")
        return scalar(source_item, key)

    block = [f"{indent}- locale: {code}\n", f"{indent}  name: {as_yaml(name)}\n"]
    for key in ("site_name", "site_description"):
        if text_of(key):
            block.append(f"{indent}  {key}: {as_yaml(_bracketed(text_of(key)))}\n")
    translations = value_of(source_item, "nav_translations")
    # The menu of the first file that has one: a file's nav: replaces the one it INHERITs.
    nav = next((value_of(f.node, "nav") for f in files if value_of(f.node, "nav") is not None), None)
    titles = list(_nav_titles(nav))
    if titles:
        block.append(f"{indent}  nav_translations:\n")
        for title in dict.fromkeys(titles):
            translated = scalar(translations, title) if source != default else title
            block.append(f"{indent}    {as_yaml(title)}: {as_yaml(_bracketed(translated or title))}\n")
    config.insert_after(last_line(last, config.lines), block)


def _add_extra_values(config, node, keys, code, source, locales, country) -> None:
    """A `code:` line after the last language of each setting that has one line per language."""
    if not isinstance(node, yaml.MappingNode):
        return
    names = [key.value for key, _ in node.value]
    if source in names and set(names) <= set(locales):
        source_key, source_value = next((k, v) for k, v in node.value if k.value == source)
        if keys == ("extra", "regional_language"):
            value = f"{code}-{country}" if country else code
        else:
            value = _copied(source_value.value if isinstance(source_value, yaml.ScalarNode) else "")
        indent = " " * source_key.start_mark.column
        config.insert_after(
            last_line(node.value[-1][1], config.lines), [f"{indent}{code}: {as_yaml(value)}\n"]
        )
        return
    for key, value in node.value:
        _add_extra_values(config, value, (*keys, key.value), code, source, locales, country)


def _country(files: list[ConfigFile], default: str) -> str:
    """The country of the default language's regional language: SE for sv-SE."""
    for config in files:
        tag = scalar(value_of(value_of(config.node, "extra"), "regional_language"), default)
        if tag and "-" in tag:
            return tag.rsplit("-", 1)[1]
    return ""


def _copied(value: str) -> str:
    """A setting's value for the new language: an address or a placeholder as it is, a text in brackets."""
    from forebygg.launch import is_placeholder

    if (
        re.match(r"(https?://|mailto:)", value)
        or re.fullmatch(r"[^\s@]+@[^\s@]+", value)
        or is_placeholder(value)
    ):
        return value
    return _bracketed(value)


def _bracketed(text: str) -> str:
    return text if text.startswith("[") and text.endswith("]") else f"[{' '.join(text.split())}]"


def _nav_titles(node):
    for item in node.value if isinstance(node, yaml.SequenceNode) else []:
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                if isinstance(value, yaml.SequenceNode):
                    yield key.value
                    yield from _nav_titles(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make add-language",
        description="Add a language to the site, every text a copy of another language's, marked as not yet "
        "translated (EDITING.md: Add a language).",
    )
    parser.add_argument("code", help="the language's two-letter code: ar")
    parser.add_argument(
        "name", nargs="?", default="", help="its name in itself: العربية (Babel's if left out)"
    )
    parser.add_argument("--from", dest="source", default="", help="the language to copy: en (the default)")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    try:
        written = add_language(
            arguments.project, arguments.code.strip(), arguments.name.strip(), arguments.source
        )
    except LanguageError as error:
        print(f"make add-language: {error}", file=sys.stderr)
        return 1
    print("\n".join(written))
    print(
        f"\nThe language '{arguments.code}' is added, every text still in another language. `make serve` shows "
        f"it at /{arguments.code}/. Translate the files and the lines in [square brackets], as EDITING.md says "
        "(Add a language); `make build` names each that is left."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
