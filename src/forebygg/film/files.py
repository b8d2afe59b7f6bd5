"""
Which film file, poster and caption files a page in a given language shows.

An editor writes a film of our own by its shared name, `starta.mp4`. Beside
it in the same folder:

- `starta.mp4`, `starta.jpg`: the shared film and its poster, shown on the
  pages of every language that has no film of its own;
- `starta.en.mp4`, `starta.en.jpg`: a language's own film (here English,
  with English slides and sound) and its poster, shown on that language's
  pages instead;
- `starta.sv.vtt`, `starta.en.vtt`: the captions, one file per language,
  each timed to the film its language's pages show.

So a language's own film has the captions in its language only, and the
shared film has those of the languages that show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from forebygg.typography import look_alike_note

# The comment that scripts/make_sample_films.py writes into each MP4 it
# makes. The page says under such a film that it is a sample; a real film
# put in its place has no such comment, so the note goes with the sample.
SAMPLE_COMMENT = "Sample film made by scripts/make_sample_films.py"


class FilmFileError(ValueError):
    pass


@dataclass(frozen=True)
class FilmFiles:
    video: str  # paths in docs/
    poster: str
    captions: tuple[str, ...]  # the languages of its caption files, in the site's order
    own: bool  # the page's language has a film of its own


def film_files(docs: Path, path: str, language: str, languages: list[tuple[str, str]]) -> FilmFiles:
    """The files a page in `language` shows for the film at `path` in docs/.

    `languages` are the site's (code, name) pairs. A FilmFileError says what
    is wrong and how to fix it.
    """
    names = dict(languages)
    base = path.removesuffix(".mp4")
    stem, _, tag = base.rpartition(".")
    if stem and tag in names:
        written, shared = PurePosixPath(base).name + ".mp4", PurePosixPath(stem).name + ".mp4"
        raise FilmFileError(
            f"the film is written as {written}, the file of the film in {names[tag]} – write the "
            f"shared name, {shared}: the build shows {written} on the pages in {names[tag]} by "
            f"itself, and {shared} on the others"
        )
    own = {code: (docs / f"{base}.{code}.mp4").is_file() for code in names}
    name = names[language]
    if own[language]:
        poster = f"{base}.{language}.jpg"
        if not (docs / poster).is_file():
            raise FilmFileError(
                f"the film in {name}, docs/{base}.{language}.mp4, has no poster: docs/{poster} does "
                f"not exist – add it (a picture from that film), so that the pages in {name} do not "
                f"show the poster of another language's film"
            )
        return FilmFiles(f"{base}.{language}.mp4", poster, (language,), own=True)
    if (docs / f"{base}.{language}.jpg").is_file():
        raise FilmFileError(
            f"docs/{base}.{language}.jpg is the poster of a film in {name}, but that film, "
            f"docs/{base}.{language}.mp4, does not exist – add the film under that name, or delete "
            f"the poster to show the shared film docs/{base}.mp4 on the pages in {name}"
        )
    if not (docs / path).is_file():
        others = [f"{PurePosixPath(base).name}.{code}.mp4" for code in names if own[code]]
        if not others:
            if note := look_alike_note(docs, path, path, "film's address"):
                raise FilmFileError(f"the film file docs/{path} does not exist: {note}")
            raise FilmFileError(f"the film file docs/{path} does not exist – add it, or correct the path")
        raise FilmFileError(
            f"there is no film for the pages in {name}: neither the shared film docs/{path} nor "
            f"the film in {name}, docs/{base}.{language}.mp4, exists (only {', '.join(others)}) – "
            f"add one of them"
        )
    captions = tuple(code for code in names if not own[code])
    return FilmFiles(path, f"{base}.jpg", captions, own=False)


def hosted_poster(docs: Path, base: str, language: str) -> str:
    """A hosted film's poster: the language's own, `NAME.en.jpg`, if there is one."""
    own = f"{base}.{language}.jpg"
    return own if (docs / own).is_file() else f"{base}.jpg"


def is_sample(comment: str | None) -> bool:
    return (comment or "").strip() == SAMPLE_COMMENT
