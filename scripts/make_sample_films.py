#!/usr/bin/env python3
"""Make the two sample training films from their manuscripts.

For each manuscript scripts/films/SLUG.yml this writes, in docs/assets/films/,
one film per language:

    SLUG.mp4, SLUG.jpg        the Swedish film and its poster (the shared
                              file, which a language without a film of its own shows)
    SLUG.en.mp4, SLUG.en.jpg  the English film and its poster
    SLUG.sv.vtt, SLUG.en.vtt  the captions, each timed to its language's film

Each film is H.264 + AAC: text slides in its language with narration in its
language. The narration is synthesised sentence by sentence with espeak-ng,
and the cue times come from the measured length of each sentence's audio.
Every slide stays on screen while its sentences are spoken, plus a short
pause. The captions break at grammatical boundaries (forebygg.film.caption_lines).
Each MP4 says in its metadata that it is a sample film, and the page then
says so under it (src/forebygg/film/).

Run from the repository root:

    .venv/bin/python scripts/make_sample_films.py [--only SLUG]

Needs ffmpeg, espeak-ng and fonts-dejavu-core (Debian packages) and PyYAML.
See scripts/README.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import wave
from dataclasses import dataclass, field
from pathlib import Path

try:  # the project's package, installed in .venv
    from forebygg.film.caption_lines import CaptionLineError, caption_cues, spoken
    from forebygg.film.captions import clock
    from forebygg.film.files import SAMPLE_COMMENT
except ImportError:
    sys.exit("make_sample_films.py: the project's package is missing; run it with .venv/bin/python")

ROOT = Path(__file__).resolve().parent.parent
MANUSCRIPTS = Path(__file__).resolve().parent / "films"
OUT_DIR = ROOT / "docs" / "assets" / "films"

# Video.
WIDTH, HEIGHT = 854, 480
FPS = 10
BACKGROUND = "0x1a237e"  # dark blue
TEXT_COLOUR = "white"
ACCENT = "0xffca28"  # amber bar under the title
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
MARGIN_X = 60
TITLE_SIZE = 42
BODY_SIZE = 34
COVER_TITLE_SIZE = 46
# Rough widest average glyph width of DejaVu Sans, as a share of the font
# size, used to wrap slide text that would not fit the width.
GLYPH_WIDTH = 0.56
GLYPH_WIDTH_BOLD = 0.62
# Keep the lowest part of the picture free for captions and player controls.
TEXT_BOTTOM = HEIGHT - 110

# The languages, each with its espeak-ng voice and the ISO 639-2 code of the
# sound track. The first is the site's first language: its film is the shared
# file SLUG.mp4, which a language without a film of its own shows.
LANGUAGES = {"sv": ("sv", "swe"), "en": ("en-gb", "eng")}

# Audio and timing.
SPEED = 165  # espeak-ng words per minute
LEAD_IN = 0.6  # silence before the first sentence, seconds
SENTENCE_GAP = 0.4  # silence between sentences on the same slide
SLIDE_PAUSE = 0.9  # silence after the last sentence of a slide (at least)
AUDIO_BITRATE = "48k"
MAX_MP4_BYTES = 2_000_000
MAX_POSTER_BYTES = 30_000  # a poster is part of the page weight (150 KB budget)
MIN_SECONDS, MAX_SECONDS = 60, 120


class ManuscriptError(Exception):
    pass


@dataclass
class Sentence:
    text: str  # as written in the manuscript, with its break marks
    say: str  # what espeak-ng reads; normally the text without break marks
    cues: list[list[str]] = field(default_factory=list)  # the caption lines of each cue
    start: float = 0.0
    end: float = 0.0


@dataclass
class Slide:
    title: str
    lines: list[str]
    narration: list[Sentence]
    start: float = 0.0
    end: float = 0.0


# ---------------------------------------------------------------- checks


def check_tools() -> None:
    missing = [tool for tool in ("ffmpeg", "espeak-ng") if shutil.which(tool) is None]
    if missing:
        sys.exit(
            f"make_sample_films.py: {' and '.join(missing)} not found; run: apt-get install ffmpeg espeak-ng"
        )
    if not (FONT.is_file() and FONT_BOLD.is_file()):
        sys.exit(
            f"make_sample_films.py: DejaVu fonts not found in {FONT_DIR}; "
            "run: apt-get install fonts-dejavu-core"
        )


def words(text: str) -> list[str]:
    return re.findall(r"[\w]+(?:[-/][\w]+)*", text.lower())


def wrap_slide_line(text: str, size: int, bold: bool) -> list[str]:
    width = GLYPH_WIDTH_BOLD if bold else GLYPH_WIDTH
    limit = int((WIDTH - 2 * MARGIN_X) / (size * width))
    out: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > limit:
            out.append(current)
            current = word
        else:
            current = candidate
    if current:
        out.append(current)
    return out


def load_manuscript(path: Path) -> dict[str, tuple[str, list[Slide]]]:
    """The film in each language: its title and slides."""
    try:
        import yaml  # PyYAML, from the project's virtual environment
    except ImportError:
        sys.exit("make_sample_films.py: PyYAML is missing; run it with .venv/bin/python")

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    if not isinstance(data, dict) or not isinstance(data.get("slides"), list) or not data["slides"]:
        raise ManuscriptError(f"{where}: expected a mapping with a 'slides' list")
    titles = data.get("title")
    if not isinstance(titles, dict) or set(titles) != set(LANGUAGES):
        raise ManuscriptError(f"{where}: 'title' needs one line per language: {', '.join(LANGUAGES)}")
    films: dict[str, tuple[str, list[Slide]]] = {}
    for language in LANGUAGES:
        film_title = str(titles[language]).strip()
        slides = [_slide(raw, language, f"{where}, slide {n}") for n, raw in enumerate(data["slides"], 1)]
        if slides[0].title != film_title:
            raise ManuscriptError(f"{where}: the first slide must show the film title in {language}")
        films[language] = (film_title, slides)
    return films


def _slide(raw, language: str, here: str) -> Slide:
    if not isinstance(raw, dict) or not isinstance(raw.get(language), dict):
        raise ManuscriptError(f"{here}: give the slide's 'title' and 'lines' under '{language}:'")
    title = str(raw[language].get("title") or "").strip()
    lines = [str(line).strip() for line in raw[language].get("lines") or []]
    if not title:
        raise ManuscriptError(f"{here}: '{language}: title' is missing")
    if not 1 <= len(lines) <= 3 or not all(lines):
        raise ManuscriptError(f"{here}: give 1 to 3 non-empty '{language}: lines'")
    narration: list[Sentence] = []
    for item in raw.get("narration") or []:
        if not isinstance(item, dict) or not all(item.get(code) for code in LANGUAGES):
            raise ManuscriptError(f"{here}: each narration item needs {' and '.join(LANGUAGES)}")
        text = str(item[language]).strip()
        say = item.get("say") or {}
        if not isinstance(say, dict):
            raise ManuscriptError(f"{here}: write 'say:' per language, such as say: {{sv: …}}")
        say = str(say.get(language) or "").strip() or spoken(text)
        try:
            cues = caption_cues(text, language)
        except CaptionLineError as error:
            raise ManuscriptError(f"{here}: {error}") from None
        narration.append(Sentence(text=text, say=say, cues=cues))
    if not narration:
        raise ManuscriptError(f"{here}: 'narration' is empty")
    # Everything on screen must be spoken, so that the narration alone
    # gives the whole content (no separate audio description needed).
    said = set(words(" ".join(spoken(s.text) for s in narration)))
    unspoken = [w for w in words(" ".join([title, *lines])) if w not in said]
    if unspoken:
        raise ManuscriptError(
            f"{here}: words on the {language} slide are not in its narration: "
            + ", ".join(sorted(set(unspoken)))
        )
    return Slide(title=title, lines=lines, narration=narration)


# ---------------------------------------------------------------- audio


def run(args: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"make_sample_films.py: command failed: {args[0]} (exit {result.returncode})")


def synthesise(slides: list[Slide], voice: str, tmp: Path) -> Path:
    """Speak each sentence, lay them out in time and write one WAV file.

    Sets the start and end of every sentence and slide, in seconds, from the
    measured length of each sentence's audio. Slide boundaries fall on whole
    video frames, so pictures and sound line up.
    """
    spoken: list[list[bytes]] = []
    params = None
    for s_index, slide in enumerate(slides):
        spoken.append([])
        for n_index, sentence in enumerate(slide.narration):
            wav_path = tmp / f"s{s_index:02d}_{n_index:02d}.wav"
            run(["espeak-ng", "-v", voice, "-s", str(SPEED), "-w", str(wav_path), sentence.say])
            with wave.open(str(wav_path), "rb") as wav:
                shape = (wav.getframerate(), wav.getsampwidth(), wav.getnchannels())
                if params is None:
                    params = wav.getparams()
                elif shape != (params.framerate, params.sampwidth, params.nchannels):
                    raise SystemExit("make_sample_films.py: espeak-ng changed its audio format")
                spoken[-1].append(wav.readframes(wav.getnframes()))

    rate = params.framerate
    frame_bytes = params.sampwidth * params.nchannels
    samples_per_video_frame = rate // FPS
    if samples_per_video_frame * FPS != rate:
        raise SystemExit(f"make_sample_films.py: {rate} Hz audio does not divide into {FPS} fps")
    chunks: list[bytes] = []
    position = 0  # in audio samples

    def pad(samples: int) -> None:
        nonlocal position
        chunks.append(b"\x00" * (samples * frame_bytes))
        position += samples

    pad(round(LEAD_IN * rate))  # the first slide starts at 0, before the lead-in
    for slide, pcms in zip(slides, spoken, strict=True):
        slide.start = 0.0 if slide is slides[0] else position / rate
        for n_index, (sentence, pcm) in enumerate(zip(slide.narration, pcms, strict=True)):
            if n_index:
                pad(round(SENTENCE_GAP * rate))
            sentence.start = position / rate
            chunks.append(pcm)
            position += len(pcm) // frame_bytes
            sentence.end = position / rate
        # Pause after the slide, stretched to the next whole video frame.
        target = position + round(SLIDE_PAUSE * rate)
        slide_end = -(-target // samples_per_video_frame) * samples_per_video_frame
        pad(slide_end - position)
        slide.end = position / rate
    out = tmp / "narration.wav"
    with wave.open(str(out), "wb") as wav:
        wav.setparams(params)
        wav.writeframes(b"".join(chunks))
    return out


# ---------------------------------------------------------------- video


def render_slide(slide: Slide, index: int, cover: bool, tmp: Path) -> Path:
    """Draw one slide as a PNG with ffmpeg's drawtext filter."""
    filters: list[str] = []

    def text(line: str, name: str, font: Path, size: int, x: str, y: int) -> None:
        # The text goes through a file so that no character needs escaping.
        (tmp / name).write_text(line, encoding="utf-8")
        filters.append(
            f"drawtext=fontfile={font}:textfile={name}:expansion=none:"
            f"fontsize={size}:fontcolor={TEXT_COLOUR}:x={x}:y={y}"
        )

    if cover:
        title_lines = wrap_slide_line(slide.title, COVER_TITLE_SIZE, bold=True)
        body = [part for line in slide.lines for part in wrap_slide_line(line, BODY_SIZE, False)]
        title_step, body_step = round(COVER_TITLE_SIZE * 1.3), round(BODY_SIZE * 1.45)
        height = len(title_lines) * title_step + 40 + len(body) * body_step
        y = max(40, (TEXT_BOTTOM - height) // 2)
        for n, line in enumerate(title_lines):
            text(line, f"t{index:02d}_{n}.txt", FONT_BOLD, COVER_TITLE_SIZE, "(w-text_w)/2", y)
            y += title_step
        filters.append(f"drawbox=x=(iw-160)/2:y={y + 4}:w=160:h=6:color={ACCENT}:t=fill")
        y += 40
        for n, line in enumerate(body):
            text(line, f"b{index:02d}_{n}.txt", FONT, BODY_SIZE, "(w-text_w)/2", y)
            y += body_step
    else:
        title_lines = wrap_slide_line(slide.title, TITLE_SIZE, bold=True)
        body = [part for line in slide.lines for part in wrap_slide_line(line, BODY_SIZE, False)]
        y = 48
        for n, line in enumerate(title_lines):
            text(line, f"t{index:02d}_{n}.txt", FONT_BOLD, TITLE_SIZE, str(MARGIN_X), y)
            y += round(TITLE_SIZE * 1.3)
        filters.append(f"drawbox=x={MARGIN_X}:y={y + 4}:w=120:h=6:color={ACCENT}:t=fill")
        y += 44
        for n, line in enumerate(body):
            text(line, f"b{index:02d}_{n}.txt", FONT, BODY_SIZE, str(MARGIN_X), y)
            y += round(BODY_SIZE * 1.5)
        y -= round(BODY_SIZE * 0.5)
    if y > TEXT_BOTTOM:
        raise ManuscriptError(f"slide {index + 1} ({slide.title!r}) has too much text")
    out = tmp / f"slide{index:02d}.png"
    run(
        [
            "ffmpeg",
            "-nostdin",
            "-y",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            f"color=c={BACKGROUND}:s={WIDTH}x{HEIGHT}",
            "-vf",
            ",".join(filters),
            "-frames:v",
            "1",
            out.name,
        ],
        cwd=tmp,
    )
    return out


def encode_film(
    slides: list[Slide], pictures: list[Path], audio: Path, sound_language: str, out: Path, tmp: Path
) -> None:
    args = ["ffmpeg", "-nostdin", "-y", "-v", "error"]
    for slide, picture in zip(slides, pictures, strict=True):
        duration = slide.end - slide.start
        args += ["-loop", "1", "-framerate", str(FPS), "-t", f"{duration:.3f}", "-i", picture.name]
    args += ["-i", audio.name]
    streams = "".join(f"[{n}:v]" for n in range(len(slides)))
    graph = f"{streams}concat=n={len(slides)}:v=1:a=0,format=yuv420p[v]"
    args += [
        "-filter_complex",
        graph,
        "-map",
        "[v]",
        "-map",
        f"{len(slides)}:a",
        "-c:v",
        "libx264",
        "-preset",
        "slow",
        "-tune",
        "stillimage",
        "-crf",
        "28",
        "-r",
        str(FPS),
        "-g",
        str(FPS * 10),
        "-pix_fmt",
        "yuv420p",
        "-profile:v",
        "main",
        "-level",
        "3.1",
        "-c:a",
        "aac",
        "-b:a",
        AUDIO_BITRATE,
        "-ac",
        "1",
        "-ar",
        "22050",
        "-map_metadata",
        "-1",
        "-fflags",
        "+bitexact",
        "-flags:v",
        "+bitexact",
        "-flags:a",
        "+bitexact",
        "-metadata",
        f"comment={SAMPLE_COMMENT}",
        "-metadata:s:a:0",
        f"language={sound_language}",
        "-movflags",
        "+faststart",
        str(tmp / "film.mp4"),
    ]
    run(args, cwd=tmp)
    shutil.move(str(tmp / "film.mp4"), out)


def write_poster(picture: Path, out: Path, tmp: Path) -> None:
    for quality in range(3, 16):
        run(
            [
                "ffmpeg",
                "-nostdin",
                "-y",
                "-v",
                "error",
                "-i",
                picture.name,
                "-q:v",
                str(quality),
                "-pix_fmt",
                "yuvj420p",
                "poster.jpg",
            ],
            cwd=tmp,
        )
        if (tmp / "poster.jpg").stat().st_size < MAX_POSTER_BYTES:
            break
    shutil.move(str(tmp / "poster.jpg"), out)


# ---------------------------------------------------------------- captions


def write_vtt(slides: list[Slide], out: Path) -> int:
    """The captions: each sentence's cues share its time in proportion to their length."""
    blocks = ["WEBVTT"]
    number = 0
    for slide in slides:
        for sentence in slide.narration:
            lengths = [len(" ".join(lines)) for lines in sentence.cues]
            start = sentence.start
            for n, lines in enumerate(sentence.cues):
                share = sum(lengths[: n + 1]) / sum(lengths)
                end = sentence.start + (sentence.end - sentence.start) * share
                number += 1
                blocks.append(f"{number}\n{clock(start)} --> {clock(end)}\n" + "\n".join(lines))
                start = end
    out.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return number


def film_names(slug: str, language: str) -> tuple[str, str]:
    """The film's and the poster's file names: the first language's are the shared ones."""
    stem = slug if language == next(iter(LANGUAGES)) else f"{slug}.{language}"
    return f"{stem}.mp4", f"{stem}.jpg"


# ---------------------------------------------------------------- main


def make_film(slug: str, out_dir: Path) -> None:
    films = load_manuscript(MANUSCRIPTS / f"{slug}.yml")
    out_dir.mkdir(parents=True, exist_ok=True)
    for language, (_, slides) in films.items():
        voice, sound_language = LANGUAGES[language]
        film_name, poster_name = film_names(slug, language)
        mp4 = out_dir / film_name
        with tempfile.TemporaryDirectory(prefix=f"sample-film-{slug}-{language}-") as name:
            tmp = Path(name)
            audio = synthesise(slides, voice, tmp)
            length = slides[-1].end
            if not MIN_SECONDS <= length <= MAX_SECONDS:
                print(
                    f"warning: {film_name} is {length:.1f} s, outside {MIN_SECONDS}-{MAX_SECONDS} s; "
                    "change the manuscript",
                    file=sys.stderr,
                )
            pictures = [render_slide(s, n, n == 0, tmp) for n, s in enumerate(slides)]
            encode_film(slides, pictures, audio, sound_language, mp4, tmp)
            write_poster(pictures[0], out_dir / poster_name, tmp)
        cues = write_vtt(slides, out_dir / f"{slug}.{language}.vtt")
        size = mp4.stat().st_size
        print(
            f"{film_name}: {length:.1f} s, {len(slides)} slides, {cues} cues, {size} bytes, "
            f"poster {(out_dir / poster_name).stat().st_size} bytes"
        )
        if size >= MAX_MP4_BYTES:
            print(f"warning: {mp4.name} is not under {MAX_MP4_BYTES / 1e6:.0f} MB", file=sys.stderr)


def main() -> None:
    slugs = sorted(p.stem for p in MANUSCRIPTS.glob("*.yml"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--only",
        choices=slugs,
        action="append",
        metavar="SLUG",
        help=f"make only this film (one of: {', '.join(slugs)}); may be repeated",
    )
    parser.add_argument(
        "--out", type=Path, default=OUT_DIR, help="output folder (default: docs/assets/films)"
    )
    parser.add_argument("--check", action="store_true", help="only check the manuscripts; make nothing")
    options = parser.parse_args()
    chosen = options.only or slugs
    try:
        if options.check:
            for slug in chosen:
                load_manuscript(MANUSCRIPTS / f"{slug}.yml")
            print(f"manuscripts OK: {', '.join(chosen)}")
            return
        check_tools()
        for slug in chosen:
            make_film(slug, options.out.resolve())
    except ManuscriptError as error:
        sys.exit(f"make_sample_films.py: {error}")


if __name__ == "__main__":
    main()
