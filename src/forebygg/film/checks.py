"""
Which files a film in a page is, and whether they are right: its poster, its
caption files in every language, each cue within the film's length, and no
language's captions the same text as another's.

A missing or broken file, an unknown host or an address with no real film id,
and any cue a browser would drop or never show, stops the build with the
page's or the caption file's line.
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mutagen.mp4 import MP4, MP4StreamInfoError

from forebygg.film.captions import CaptionError, Cue, clock, parse
from forebygg.film.files import FilmFileError, film_files, hosted_poster
from forebygg.film.hosts import AddressError, Provider, player
from forebygg.translations.copies import caption_mark


@dataclass
class Film:
    base: str  # the path of the captions in docs/, without language and extension
    poster: str  # the poster in docs/
    captions: tuple[str, ...]  # the languages of the captions that go with this film
    video: str | None  # the film file in docs/, for a film of our own
    hosted: tuple[Provider, str, str] | None  # provider, watch address, player address


def local_film(src: str, page: Page, docs: Path, where: str, language: str, languages) -> Film:
    # mkdocs-video gives the address relative to the page's address; shared
    # files are published at their path in docs/.
    path = docs_path(posixpath.join(page.url, src))
    if not path.endswith(".mp4"):
        raise PluginError(
            f"{where}: the film {src} is not an .mp4 file – films of our own are MP4 (H.264/AAC)"
        )
    try:
        files = film_files(docs, path, language, languages)
    except FilmFileError as error:
        raise PluginError(f"{where}: {error}") from None
    base = path[: -len(".mp4")]
    return Film(base=base, poster=files.poster, captions=files.captions, video=files.video, hosted=None)


def hosted_film(
    src: str, files: str | None, page: Page, docs: Path, where: str, language: str, languages
) -> Film:
    try:
        provider, embed = player(src)
    except AddressError as error:
        raise PluginError(f"{where}: {error}") from None
    if not files:
        raise PluginError(
            f'{where}: the hosted film {src} needs {{: files="../assets/films/NAME" }} to find its poster and captions'
        )
    # `files` is written as in the page's Markdown: relative to the page's file in docs/.
    base = docs_path(posixpath.join(posixpath.dirname(page.file.src_uri), files))
    return Film(
        base=base,
        poster=hosted_poster(docs, base, language),
        captions=tuple(code for code, _ in languages),
        video=None,
        hosted=(provider, src, embed),
    )


def check_film_files(film: Film, docs: Path, languages, where: str) -> None:
    docs_files = [film.poster] + [f"{film.base}.{code}.vtt" for code in film.captions]
    for path in docs_files:
        if not (docs / path).is_file():
            kind = "poster" if path.endswith(".jpg") else f"{path.rsplit('.', 2)[-2]} caption file"
            raise PluginError(f"{where}: the film's {kind} docs/{path} does not exist – add it")
    length = film_info(film, docs, where)[0] if film.video else None
    texts: dict[tuple[str, ...], str] = {}
    # Every language's captions are compared, also those of another language's own film.
    for code, name in languages:
        path = f"{film.base}.{code}.vtt"
        if code not in film.captions and not (docs / path).is_file():
            continue
        cues = captions(docs, path)
        timed = code in film.captions
        late = next((cue for cue in cues if timed and length is not None and cue.start >= length), None)
        if late:
            ends = f"after the film docs/{film.video} ends ({clock(length)})"
            raise PluginError(
                f"docs/{path}:{late.line}: this cue starts at {clock(late.start)}, {ends} – "
                f"correct the time, or check that the captions are this film's"
            )
        # A caption file copied from another language and not yet translated, unless it says so
        # (NOTE untranslated: sv, as `make add-language` writes it): the launch build refuses that.
        words = tuple(cue.words for cue in cues)
        if words in texts and not caption_mark(
            (docs / path).read_text(encoding="utf-8-sig", errors="replace")
        ):
            raise PluginError(
                f"docs/{path}:{cues[0].line + 1}: the captions have the same text as "
                f"docs/{texts[words]} – write them in {name}"
            )
        texts[words] = path


def captions(docs: Path, path: str) -> tuple[Cue, ...]:
    """The cues of a WebVTT file in docs/. Read once per file and change."""
    try:
        return _read_captions(docs / path, (docs / path).stat().st_mtime)
    except CaptionError as error:
        raise PluginError(f"docs/{path}:{error.line}: {error.message}") from None


@functools.cache
def _read_captions(path: Path, mtime: float) -> tuple[Cue, ...]:
    return tuple(parse(path.read_bytes()))


def film_info(film: Film, docs: Path, where: str) -> tuple[float, str | None]:
    """A film of our own's length in seconds and its MP4 comment (the sample films have one)."""
    try:
        return _mp4_info(docs / film.video, (docs / film.video).stat().st_mtime)
    except MP4StreamInfoError as error:
        raise PluginError(f"{where}: docs/{film.video} is not a readable MP4 film ({error})") from None


@functools.cache
def _mp4_info(path: Path, mtime: float) -> tuple[float, str | None]:
    mp4 = MP4(str(path))
    comment = (mp4.tags or {}).get("\xa9cmt")
    return mp4.info.length, (str(comment[0]) if comment else None)


def film_length(film: Film, docs: Path, where: str, language: str = "") -> float:
    """A film of our own's length, or a hosted film's: the end of its last caption in `language`."""
    if film.video:
        return film_info(film, docs, where)[0]
    return captions(docs, f"{film.base}.{language}.vtt")[-1].end


def docs_path(path: str) -> str:
    """A path in docs/ (as published): no '.', and no '..' that would climb above docs/."""
    parts = posixpath.normpath(path).split("/")
    while parts and parts[0] == "..":
        parts.pop(0)
    return "/".join(part for part in parts if part != ".")
