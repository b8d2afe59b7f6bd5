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
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError

from forebygg.source_lines import front_matter_end
from forebygg.translations.copies import KEY

CODE = re.compile(r"[a-z]{2,3}")
MATERIAL_LANGUAGES = "https://squidfunk.github.io/mkdocs-material/setup/changing-the-language/"


class LanguageError(Exception):
    """Why the language cannot be added, and what to do: printed as it is."""


@dataclass
class ConfigFile:
    """One file of mkdocs.yml's INHERIT chain, its lines, and the lines to put in, by line index."""

    path: Path
    lines: list[str]
    node: yaml.MappingNode
    inserts: dict[int, list[str]] = field(default_factory=dict)

    def insert_after(self, index: int, new: list[str]) -> None:
        self.inserts.setdefault(index + 1, []).extend(new)

    def write(self) -> None:
        lines = list(self.lines)
        ending = (
            "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
        )  # as the file has them (Notepad: CRLF)
        for index in sorted(self.inserts, reverse=True):
            lines[index:index] = [line.replace("\n", ending) for line in self.inserts[index]]
        self.path.write_text("".join(_ended(lines)), encoding="utf-8", newline="")


def add_language(project: Path, code: str, name: str = "", source: str = "") -> list[str]:
    """Add the language `code` to the project at `project`; what was written, for the editor."""
    files = _config_files(project / "mkdocs.yml")
    languages_node = _languages_node(files)
    if languages_node is None:
        raise LanguageError(
            "mkdocs.yml: no languages under plugins → i18n → languages – add the i18n plugin first"
        )
    file, items = languages_node
    locales = [_scalar(item, "locale") for item in items.value]
    default = next(
        (_scalar(item, "locale") for item in items.value if _scalar(item, "default") == "true"), locales[0]
    )
    source = source or ("en" if "en" in locales else default)
    _check(project, code, locales, source)
    name = name or Locale.parse(code).get_display_name(code)
    written = []

    _add_language_block(file, items, code, name, source, default, files)
    country = _country(files, default)
    for config in files:
        extra = _value(config.node, "extra")
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
        count = _copy_pages(project / folder / source, project / folder / code, source)
        if count:
            written.append(
                f"{folder}/{code}/: {count} files, copies of {folder}/{source}/ marked {KEY}: {source}"
            )
    glossary = project / "docs" / "data" / "glossary.yml"
    if glossary.is_file():
        count = _add_glossary_parts(glossary, code, source, locales)
        written.append(
            f"docs/data/glossary.yml: a part {code}: in {count} entries, copies of the parts {source}:"
        )
    for captions in _add_captions(project / "docs", code, source, default, locales):
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
        parent = _value(node, "INHERIT")
        if not isinstance(parent, yaml.ScalarNode):
            break
        path = path.parent / parent.value
    if not files:
        raise LanguageError("mkdocs.yml: not found – run the command in the project's folder")
    return files


def _languages_node(files: list[ConfigFile]) -> tuple[ConfigFile, yaml.SequenceNode] | None:
    for config in files:
        plugins = _value(config.node, "plugins")
        for plugin in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
            listed = _value(_value(plugin, "i18n"), "languages")
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
    source_item = next(item for item in items.value if _scalar(item, "locale") == source)

    def text_of(key: str) -> str:
        if source == default:
            return next((_scalar(f.node, key) for f in files if _scalar(f.node, key)), "")
        return _scalar(source_item, key)

    block = [f"{indent}- locale: {code}\n", f"{indent}  name: {_yaml(name)}\n"]
    for key in ("site_name", "site_description"):
        if text_of(key):
            block.append(f"{indent}  {key}: {_yaml(_bracketed(text_of(key)))}\n")
    translations = _value(source_item, "nav_translations")
    # The menu of the first file that has one: a file's nav: replaces the one it INHERITs.
    nav = next((_value(f.node, "nav") for f in files if _value(f.node, "nav") is not None), None)
    titles = list(_nav_titles(nav))
    if titles:
        block.append(f"{indent}  nav_translations:\n")
        for title in dict.fromkeys(titles):
            translated = _scalar(translations, title) if source != default else title
            block.append(f"{indent}    {_yaml(title)}: {_yaml(_bracketed(translated or title))}\n")
    config.insert_after(_last_line(last, config.lines), block)


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
            _last_line(node.value[-1][1], config.lines), [f"{indent}{code}: {_yaml(value)}\n"]
        )
        return
    for key, value in node.value:
        _add_extra_values(config, value, (*keys, key.value), code, source, locales, country)


def _country(files: list[ConfigFile], default: str) -> str:
    """The country of the default language's regional language: SE for sv-SE."""
    for config in files:
        tag = _scalar(_value(_value(config.node, "extra"), "regional_language"), default)
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


# -----------------------------------------------------------------------------
# Pages, forms, glossary, captions
# -----------------------------------------------------------------------------


def _copy_pages(source: Path, target: Path, language: str) -> int:
    if not source.is_dir():
        return 0
    count = 0
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        copy = target / path.relative_to(source)
        copy.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            copy.write_text(marked_copy(path.read_text(encoding="utf-8-sig"), language), encoding="utf-8")
        else:
            shutil.copy2(path, copy)
        count += 1
    return count


def marked_copy(text: str, language: str) -> str:
    """A page's or form's text with `untranslated: LANGUAGE` as the last line of its front matter."""
    lines = text.splitlines(keepends=True)
    end = front_matter_end([line.rstrip("\r\n") for line in lines])
    mark = f"{KEY}: {language}\n"
    if end is None:
        return f"---\n{mark}---\n\n{text}"
    lines.insert(end, mark)
    return "".join(lines)


def _add_glossary_parts(path: Path, code: str, source: str, locales: list[str]) -> int:
    text = path.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    inserts: dict[int, list[str]] = {}
    count = 0
    for entry in root.value if isinstance(root, yaml.SequenceNode) else []:
        if not isinstance(entry, yaml.MappingNode):
            continue
        parts = {key.value: (key, value) for key, value in entry.value}
        if source not in parts or code in parts:
            continue
        key, value = parts[source]
        first, last = key.start_mark.line, _last_line(value, lines)
        copied = [lines[first].replace(f"{source}:", f"{code}:", 1), *lines[first + 1 : last + 1]]
        languages = [v for k, v in entry.value if k.value in locales]
        inserts.setdefault(_last_line(languages[-1], lines) + 1, []).extend(_ended(copied))
        count += 1
        law = parts.get("source", (None, None))[1]
        if isinstance(law, yaml.MappingNode):
            names = {k.value: (k, v) for k, v in law.value}
            if source in names and code not in names:
                name_key, name_value = names[source]
                indent = " " * name_key.start_mark.column
                line = [f"{indent}{code}: {_yaml(name_value.value)}\n"]
                inserts.setdefault(_last_line(law.value[-1][1], lines) + 1, []).extend(line)
    for index in sorted(inserts, reverse=True):
        lines[index:index] = inserts[index]
    path.write_text("".join(_ended(lines)), encoding="utf-8")
    return count


def _add_captions(docs: Path, code: str, source: str, default: str, locales: list[str]) -> list[str]:
    """NAME.CODE.vtt beside each film: the captions of the film the new language's pages show."""
    written = []
    bases = sorted({path.with_name(path.name.split(".")[0]) for path in docs.rglob("*.vtt")})
    for base in bases:
        if base.with_name(f"{base.name}.{code}.vtt").exists():
            continue
        shared = base.with_name(f"{base.name}.mp4").exists()
        # The captions timed to the shared film are those of a language without a film of its own.
        candidates = [source, default, *locales]
        language = next(
            (
                lang
                for lang in candidates
                if base.with_name(f"{base.name}.{lang}.vtt").is_file()
                and not (shared and base.with_name(f"{base.name}.{lang}.mp4").exists())
            ),
            None,
        )
        if language is None:
            continue
        text = base.with_name(f"{base.name}.{language}.vtt").read_text(encoding="utf-8-sig")
        target = base.with_name(f"{base.name}.{code}.vtt")
        target.write_text(_marked_captions(text, language), encoding="utf-8")
        written.append(target.relative_to(docs.parent).as_posix())
    return written


def _marked_captions(text: str, language: str) -> str:
    """Captions with a comment `NOTE untranslated: LANGUAGE` after the WEBVTT header."""
    text = text.replace("\r\n", "\n")
    header, blank, rest = text.partition("\n\n")
    return (
        f"{header}\n\nNOTE untranslated: {language}\n\n{rest}"
        if blank
        else f"{header}\n\nNOTE untranslated: {language}\n"
    )


# -----------------------------------------------------------------------------
# YAML as written
# -----------------------------------------------------------------------------


def _value(node, key: str):
    if not isinstance(node, yaml.MappingNode):
        return None
    return next((value for k, value in node.value if k.value == key), None)


def _scalar(node, key: str) -> str:
    value = _value(node, key)
    return str(value.value) if isinstance(value, yaml.ScalarNode) else ""


def _last_line(node, lines: list[str]) -> int:
    """The index of the last line that `node` is written on (not the comments or blank lines after it)."""
    while isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    end = node.end_mark
    index = end.line if end.column > 0 else end.line - 1
    index = min(index, len(lines) - 1)
    while index > node.start_mark.line and (
        not lines[index].strip() or lines[index].lstrip().startswith("#")
    ):
        index -= 1
    return index


def _yaml(text: str) -> str:
    """`text` as one YAML value: plain where YAML reads it back as the same text, else in double quotes."""
    if text and "\n" not in text and text[0] not in "[{\"'&*!|>%@`#":
        try:
            if yaml.safe_load(f"key: {text}") == {"key": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _ended(lines: list[str]) -> list[str]:
    return [line if line.endswith("\n") else line + "\n" for line in lines]


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
