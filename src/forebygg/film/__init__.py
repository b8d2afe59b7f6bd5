"""
Films: mkdocs-video's output made into an accessible, private film player.

An editor writes a film as mkdocs-video does, with the film's title:

    ![type:video](../assets/films/starta.mp4 "Lokal samverkan – starta")

Beside the film, by naming convention: `starta.jpg` (poster) and one caption
file per language, `starta.sv.vtt` and `starta.en.vtt`. A language may have
a film of its own, `starta.en.mp4` with its poster `starta.en.jpg`, which its
pages show instead (src/forebygg/films.py). A film hosted
elsewhere is written with its address, and `files` says where its poster
and captions are:

    ![type:video](https://www.youtube.com/watch?v=ID "Title"){: files="../assets/films/starta" }

The component turns each into a figure with a 16:9 player with native controls,
preload="none" and a poster (or, for a hosted film, a button that loads the
provider's player only when pressed), its length, downloads with format and
size, a transcript made from the captions in the page's language, and, under
a sample film, a note that it is a sample.
A missing or broken file, an unknown host or an address with no real film
id, and any cue a browser would drop or never show, stops the build.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import lxml.html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mutagen.mp4 import MP4, MP4StreamInfoError

from forebygg.file_sizes import human_size
from forebygg.film.captions import CaptionError, Cue, parse
from forebygg.film.files import FilmFileError, film_files, hosted_poster, is_sample
from forebygg.film.hosts import AddressError, Provider, player
from forebygg.site_config import languages as site_languages
from forebygg.site_config import page_url, texts, theme_template
from forebygg.source_lines import page_line


class FilmPlayer:
    # After mkdocs-video, which turns the Markdown image into a <video>/<iframe>.
    def on_page_content(self, content: str, page: Page, config: MkDocsConfig, files):
        if "video-container" not in content:
            return content
        languages = [(language.locale, language.name) for language in site_languages(config)]
        return films_in_page(content, page, config, languages)


def films_in_page(content: str, page: Page, config: MkDocsConfig, languages) -> str:
    tree = lxml.html.fragment_fromstring(content, create_parent="div")
    language = config.theme["language"]
    text = texts(config, "film", f"docs/{page.file.src_uri}").__getitem__
    docs = Path(config.docs_dir)
    # The theme's environment finds overrides/partials/ first, as for every page.
    template = theme_template(config, "partials/film.html")
    figures = {}
    for number, container in enumerate(tree.xpath('//div[@class="video-container"]'), 1):
        player = container[0]
        src = player.get("src") or player.xpath("string(.//source/@src)")
        where = f"docs/{page.file.src_uri}:{_line_of(page, src if urlsplit(src).scheme else PurePosixPath(src).name)}"
        title = (player.get("title") or "").strip()
        if not title:
            name = src if urlsplit(src).scheme else PurePosixPath(src).name
            raise PluginError(
                f'{where}: the film {name} has no title – add it in quotes after the address: ![type:video](… "Title")'
            )
        if urlsplit(src).scheme:
            film = hosted_film(src, player.get("files"), page, docs, where, language, languages)
        else:
            film = local_film(src, page, docs, where, language, languages)
        check_film_files(film, docs, languages, where)
        slot = f"film-slot-{number}"
        # The first film in the page brings the script that plays them all.
        figures[f"<!--{slot}-->"] = render_film(
            template, film, docs, title, f"film-{number}", language, languages, page, text, number == 1
        )
        _replace(container, lxml.html.HtmlComment(slot))
    # The figure is put in after lxml, whose HTML parser does not know <source>
    # and <track> are void elements and would nest them.
    result = (tree.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in tree)
    for slot, figure in figures.items():
        result = result.replace(slot, figure)
    return result


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
    path = _normalised(PurePosixPath(page.url) / src)
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
    base = _docs_path(files, page)
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
    length = film_length(film, docs, where) if film.video else None
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
            ends = f"after the film docs/{film.video} ends ({_clock(length)})"
            raise PluginError(
                f"docs/{path}:{late.line}: this cue starts at {_clock(late.start)}, {ends} – "
                f"correct the time, or check that the captions are this film's"
            )
        # A caption file copied from another language and not yet translated.
        words = tuple(cue.words for cue in cues)
        if words in texts:
            raise PluginError(
                f"docs/{path}:{cues[0].line + 1}: the captions have the same text as "
                f"docs/{texts[words]} – write them in {name}"
            )
        texts[words] = path


@functools.cache
def _read_captions(path: Path, mtime: float) -> tuple[Cue, ...]:
    return tuple(parse(path.read_bytes()))


def captions(docs: Path, path: str) -> tuple[Cue, ...]:
    """The cues of a WebVTT file in docs/. Read once per file and change."""
    try:
        return _read_captions(docs / path, (docs / path).stat().st_mtime)
    except CaptionError as error:
        raise PluginError(f"docs/{path}:{error.line}: {error.message}") from None


@functools.cache
def _film_info(path: Path, mtime: float) -> tuple[float, str | None]:
    """An MP4's length in seconds and its comment (the sample films have one)."""
    film = MP4(str(path))
    comment = (film.tags or {}).get("\xa9cmt")
    return film.info.length, (str(comment[0]) if comment else None)


def _info(film: Film, docs: Path, where: str) -> tuple[float, str | None]:
    try:
        return _film_info(docs / film.video, (docs / film.video).stat().st_mtime)
    except MP4StreamInfoError as error:
        raise PluginError(f"{where}: docs/{film.video} is not a readable MP4 film ({error})") from None


def film_length(film: Film, docs: Path, where: str, language: str = "") -> float:
    if film.video:
        return _info(film, docs, where)[0]
    return captions(docs, f"{film.base}.{language}.vtt")[-1].end


def render_film(
    template,
    film: Film,
    docs: Path,
    title: str,
    ident: str,
    language: str,
    languages,
    page: Page,
    text,
    script: bool,
) -> str:
    """The player, its downloads and transcript, drawn by overrides/partials/film.html."""
    where = f"docs/{page.file.src_uri}"
    seconds = film_length(film, docs, where, language)
    data = {
        "id": ident,
        "title": title,
        "language": language,
        "poster_url": page_url(page, film.poster),
        "length": _duration(seconds),
        "seconds": round(seconds),  # for the course's time (forebygg.course)
        "tracks": [
            {
                "code": code,
                "name": name,
                "url": page_url(page, f"{film.base}.{code}.vtt"),
                "default": code == language,
            }
            for code, name in languages
            if code in film.captions
        ],
        "downloads": [],
        "transcript": transcript(captions(docs, f"{film.base}.{language}.vtt")),
        "text": {key: text(key) for key in ("length", "transcript", "download_film")},
        "sample": bool(film.video) and is_sample(_info(film, docs, where)[1]),
    }
    if data["sample"]:
        data["text"]["sample"] = text("sample")
    if film.video:
        data["video_url"] = page_url(page, film.video)
        data["downloads"].append(_download(page, docs, film.video, text("download_film"), "MP4", language))
        data["text"]["play"] = text("play")
    else:
        provider, data["watch_url"], data["embed_url"] = film.hosted
        data["text"]["play_hosted"] = text("play_hosted").replace("{provider}", provider.name)
        data["text"]["hosted_by"] = text("hosted_by").replace("{provider}", provider.name)
    if script:
        data["script_url"] = page_url(page, "assets/js/film.js")
    for code, name in languages:
        if code not in film.captions:
            continue
        label = text("download_captions").replace("{language}", name)
        data["downloads"].append(_download(page, docs, f"{film.base}.{code}.vtt", label, "WebVTT", language))
    return template.render(film=data)


def transcript(cues) -> list[str]:
    """The captions as paragraphs: cues joined until one ends a sentence.

    A cue often holds part of a sentence; a paragraph per cue would read in fragments.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for cue in cues:
        current.append(cue.words)
        if re.search(r"[.?!…][\"'”)]*$", cue.words):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _download(page: Page, docs: Path, path: str, label: str, kind: str, language: str) -> dict:
    size = (docs / path).stat().st_size
    return {"url": page_url(page, path), "label": label, "kind": kind, "size": human_size(size, language)}


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest} s" if minutes else f"{rest} s"


def _clock(seconds: float) -> str:
    """A time as caption files write it, 00:01:02.500."""
    minutes, rest = divmod(seconds, 60)
    return f"{int(minutes // 60):02}:{int(minutes % 60):02}:{rest:06.3f}"


def _docs_path(reference: str, page: Page) -> str:
    """A path written in a page's Markdown, as a path inside docs/."""
    return _normalised(PurePosixPath(page.file.src_uri).parent / reference)


def _normalised(joined: PurePosixPath) -> str:
    parts: list[str] = []
    for part in joined.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _replace(container, slot) -> None:
    """Put the film's slot where its <p> was: a <figure> may not sit in a <p>."""
    parent = container.getparent()
    if parent.tag == "p" and len(parent) == 1 and not (parent.text or "").strip():
        slot.tail = parent.tail
        parent.getparent().replace(parent, slot)
    else:
        # lxml closes the <p> before the <div>, leaving it empty in front.
        previous = container.getprevious()
        if (
            previous is not None
            and previous.tag == "p"
            and not len(previous)
            and not (previous.text or "").strip()
        ):
            parent.remove(previous)
        slot.tail = container.tail
        parent.replace(container, slot)


def _line_of(page: Page, needle: str) -> int:
    markdown = page.markdown or ""
    position = markdown.find(needle)
    return page_line(page, markdown, position) if position >= 0 else 0
