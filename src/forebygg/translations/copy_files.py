"""
The files `make add-language` (add_language.py) copies for a new language:
pages and forms with `untranslated: LANGUAGE` in their front matter, the
glossary's parts, and the captions of each film with `NOTE untranslated: LANGUAGE`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from forebygg.source_lines import front_matter_end
from forebygg.translations.copies import KEY
from forebygg.translations.yaml_text import as_yaml, ended, last_line

# -----------------------------------------------------------------------------
# Pages, forms, glossary, captions
# -----------------------------------------------------------------------------


def copy_pages(source: Path, target: Path, language: str) -> int:
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


def add_glossary_parts(path: Path, code: str, source: str, locales: list[str]) -> int:
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
        first, last = key.start_mark.line, last_line(value, lines)
        copied = [lines[first].replace(f"{source}:", f"{code}:", 1), *lines[first + 1 : last + 1]]
        languages = [v for k, v in entry.value if k.value in locales]
        inserts.setdefault(last_line(languages[-1], lines) + 1, []).extend(ended(copied))
        count += 1
        law = parts.get("source", (None, None))[1]
        if isinstance(law, yaml.MappingNode):
            names = {k.value: (k, v) for k, v in law.value}
            if source in names and code not in names:
                name_key, name_value = names[source]
                indent = " " * name_key.start_mark.column
                line = [f"{indent}{code}: {as_yaml(name_value.value)}\n"]
                inserts.setdefault(last_line(law.value[-1][1], lines) + 1, []).extend(line)
    for index in sorted(inserts, reverse=True):
        lines[index:index] = inserts[index]
    path.write_text("".join(ended(lines)), encoding="utf-8")
    return count


def add_captions(docs: Path, code: str, source: str, default: str, locales: list[str]) -> list[str]:
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
