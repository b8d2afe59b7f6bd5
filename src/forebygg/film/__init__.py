"""
Films: mkdocs-video's output made into an accessible, private film player.

An editor writes a film as mkdocs-video does, with the film's title:

    ![type:video](../assets/films/starta.mp4 "Lokal samverkan – starta")

Beside the film, by naming convention: `starta.jpg` (poster) and one caption
file per language, `starta.sv.vtt` and `starta.en.vtt`. A language may have
a film of its own, `starta.en.mp4` with its poster `starta.en.jpg`, which its
pages show instead (files.py). A film hosted elsewhere is written with its
address, and `files` says where its poster and captions are:

    ![type:video](https://www.youtube.com/watch?v=ID "Title"){: files="../assets/films/starta" }

The component (FilmPlayer) turns each into overrides/partials/film.html: a
figure with a 16:9 player with native controls, preload="none" and a poster
(or, for a hosted film, a button that loads the provider's player only when
pressed), its length, downloads with format and size, a transcript made from
the captions in the page's language (transcript.py), and, under a sample
film, a note that it is a sample. Its files are checked first (checks.py).

mkdocs-video has already made each film a `<div class="video-container">`
with a `<video>` in it, and written the page out with lxml; the player takes
the place of each such block in that text, without reading the page again,
and out of the paragraph the block is in.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import jinja2
import lxml.html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.file_sizes import human_size
from forebygg.film.checks import (
    Film,
    captions,
    check_film_files,
    film_info,
    film_length,
    hosted_film,
    local_film,
)
from forebygg.film.files import is_sample
from forebygg.film.transcript import transcript
from forebygg.site_config import current_language, page_url, regional_language, texts, theme_template
from forebygg.site_config import languages as site_languages
from forebygg.source_lines import page_line

# mkdocs-video's block for a film, as lxml writes it: the <video> holds no <div>.
CONTAINER = re.compile(r'<div class="video-container">(?P<player>.*?)</div>', re.S)
PARAGRAPH = re.compile(r"(?P<open><p(?:\s[^>]*)?>)(?P<body>.*?)</p>", re.S)
SLOT = re.compile(r"<!--film-slot-\d+-->")
# A film in the page's Markdown, with its attributes, if any: ![type:video](…){: files=… }
FILM_MARKDOWN = re.compile(r"!\[type:video\]\([^)\n]*\)(?:\{[^}\n]*\})?")
PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\Z")


class FilmPlayer:
    # After mkdocs-video, which turns the Markdown image into a <video>/<iframe>.
    def on_page_content(self, content: str, page: Page, config: MkDocsConfig, files):
        if "video-container" not in content:
            return content
        nothing_after_a_film(page)
        return films_in_page(content, Shown(page, config))


class Shown:
    """Where films are shown: the page, in the language being built, and what every film in it needs."""

    page: Page
    language: str
    regional: str  # how the page's language writes numbers (the files' sizes)
    languages: list[tuple[str, str]]  # every language's code and name, the default first
    docs: Path
    text: dict[str, str]  # extra.text.film
    template: jinja2.Template

    def __init__(self, page: Page, config: MkDocsConfig) -> None:
        self.page = page
        self.language = current_language(config)
        self.regional = regional_language(config)
        self.languages = [(language.locale, language.name) for language in site_languages(config)]
        self.docs = Path(config.docs_dir)
        self.text = texts(config, "film", f"docs/{page.file.src_uri}")
        # The theme's environment finds overrides/partials/ first, as for every page.
        self.template = theme_template(config, "partials/film.html")


def films_in_page(content: str, shown: Shown) -> str:
    page, docs, language, languages = shown.page, shown.docs, shown.language, shown.languages
    figures: dict[str, str] = {}
    for number, container in enumerate(CONTAINER.finditer(content), 1):
        player = lxml.html.fragment_fromstring(container["player"])
        src = player.get("src") or player.xpath("string(.//source/@src)")
        name = src if urlsplit(src).scheme else PurePosixPath(src).name
        where = f"docs/{page.file.src_uri}:{_line_of(page, name)}"
        title = (player.get("title") or "").strip()
        if not title:
            raise PluginError(
                f'{where}: the film {name} has no title – add it in quotes after the address: ![type:video](… "Title")'
            )
        if urlsplit(src).scheme:
            film = hosted_film(src, player.get("files"), page, docs, where, language, languages)
        else:
            film = local_film(src, page, docs, where, language, languages)
        check_film_files(film, docs, languages, where)
        figures[f"<!--film-slot-{number}-->"] = render_film(shown, film, title, number)
    numbers = itertools.count(1)
    slotted = CONTAINER.sub(lambda match: f"<!--film-slot-{next(numbers)}-->", content)
    result = PARAGRAPH.sub(_out_of_paragraph, slotted)
    return SLOT.sub(lambda match: figures[match.group()], result)


def nothing_after_a_film(page: Page) -> None:
    """Text after a film in its paragraph, which mkdocs-video leaves out of the page, stops the build."""
    markdown = page.markdown or ""
    for film in FILM_MARKDOWN.finditer(markdown):
        rest = markdown[film.end() : PARAGRAPH_END.search(markdown, film.end()).start()]
        if FILM_MARKDOWN.sub("", rest).strip():
            line = page_line(page, markdown, film.start())
            raise PluginError(
                f"docs/{page.file.src_uri}:{line}: text follows the film in its paragraph, and mkdocs-video "
                "leaves it out of the page – put a blank line after the film"
            )


def _out_of_paragraph(paragraph: re.Match) -> str:
    """A paragraph with films in it, as figures between the paragraph's other parts, if any:
    a <figure> may not sit in a <p>."""
    if not SLOT.search(paragraph["body"]):
        return paragraph.group()
    parts = re.split(f"({SLOT.pattern})", paragraph["body"])
    return "".join(
        part if SLOT.fullmatch(part) or not part.strip() else f"{paragraph['open']}{part}</p>"
        for part in parts
    )


def render_film(shown: Shown, film: Film, title: str, number: int) -> str:
    """The player, its downloads and transcript, drawn by overrides/partials/film.html."""
    page, docs, language, text = shown.page, shown.docs, shown.language, shown.text
    where = f"docs/{page.file.src_uri}"
    seconds = film_length(film, docs, where, language)
    data = {
        "id": f"film-{number}",
        "title": title,
        "language": language,
        "poster_url": page_url(page, film.poster),
        "length": _duration(seconds, text),
        "seconds": round(seconds),  # for the course's time (forebygg.course)
        "tracks": [
            {
                "code": code,
                "name": name,
                "url": page_url(page, f"{film.base}.{code}.vtt"),
                "default": code == language,
            }
            for code, name in shown.languages
            if code in film.captions
        ],
        "downloads": [],
        "transcript": transcript(captions(docs, f"{film.base}.{language}.vtt")),
        "text": {key: text[key] for key in ("length", "transcript", "download_film")},
        "sample": bool(film.video) and is_sample(film_info(film, docs, where)[1]),
    }
    if data["sample"]:
        data["text"]["sample"] = text["sample"]
    if film.video:
        data["video_url"] = page_url(page, film.video)
        data["downloads"].append(_download(shown, film.video, text["download_film"], "MP4"))
        data["text"]["play"] = text["play"]
    else:
        provider, data["watch_url"], data["embed_url"] = film.hosted
        data["text"]["play_hosted"] = text["play_hosted"].replace("{provider}", provider.name)
        data["text"]["hosted_by"] = text["hosted_by"].replace("{provider}", provider.name)
    if number == 1:  # the first film in the page brings the script that plays them all
        data["script_url"] = page_url(page, "assets/js/film.js")
    for code, name in shown.languages:
        if code not in film.captions:
            continue
        label = text["download_captions"].replace("{language}", name)
        data["downloads"].append(_download(shown, f"{film.base}.{code}.vtt", label, "WebVTT"))
    return shown.template.render(film=data)


def _download(shown: Shown, path: str, label: str, kind: str) -> dict:
    """A download, its size written as the page's language writes numbers ("1,2 MB")."""
    size = (shown.docs / path).stat().st_size
    return {
        "url": page_url(shown.page, path),
        "label": label,
        "kind": kind,
        "size": human_size(size, shown.regional),
    }


def _duration(seconds: float, text: dict[str, str]) -> str:
    """The film's length in the page's language: extra.text.film.length_minutes ("{minutes} min
    {seconds} s"), or length_seconds under a minute."""
    minutes, rest = divmod(round(seconds), 60)
    written = text["length_minutes"] if minutes else text["length_seconds"]
    return written.replace("{minutes}", str(minutes)).replace("{seconds}", str(rest))


def _line_of(page: Page, needle: str) -> int:
    markdown = page.markdown or ""
    position = markdown.find(needle)
    return page_line(page, markdown, position) if position >= 0 else 0
