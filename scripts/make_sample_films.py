#!/usr/bin/env python3
"""Make the two sample training films from their manuscripts.

For each manuscript scripts/films/SLUG.yml this writes, in docs/assets/films/:

    SLUG.mp4     H.264 + AAC, text slides with Swedish narration
    SLUG.sv.vtt  Swedish captions, one cue per narration sentence
    SLUG.en.vtt  English captions, same cue times
    SLUG.jpg     poster: the first slide (the title)

The narration is synthesised sentence by sentence with espeak-ng, and the
cue times come from the measured length of each sentence's audio. Every
slide stays on screen while its sentences are spoken, plus a short pause.

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
from dataclasses import dataclass
from pathlib import Path

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

# Audio and timing.
VOICE = "sv"
SPEED = 150  # espeak-ng words per minute
LEAD_IN = 0.6  # silence before the first sentence, seconds
SENTENCE_GAP = 0.4  # silence between sentences on the same slide
SLIDE_PAUSE = 0.9  # silence after the last sentence of a slide (at least)
AUDIO_BITRATE = "48k"
MAX_MP4_BYTES = 2_000_000
MAX_POSTER_BYTES = 30_000  # a poster is part of the page weight (150 KB budget)
MIN_SECONDS, MAX_SECONDS = 60, 90

# Captions.
CAPTION_LINE = 42
CAPTION_LINES = 2


class ManuscriptError(Exception):
    pass


@dataclass
class Sentence:
    sv: str
    en: str
    say: str  # what espeak-ng reads; normally the same as sv
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


def wrap_caption(text: str) -> list[str]:
    """Split a caption into at most two balanced lines of CAPTION_LINE chars."""
    text = " ".join(text.split())
    if len(text) <= CAPTION_LINE:
        return [text]
    best: tuple[int, list[str]] | None = None
    for match in re.finditer(" ", text):
        first, second = text[: match.start()], text[match.end() :]
        longest = max(len(first), len(second))
        if longest <= CAPTION_LINE and (best is None or longest < best[0]):
            best = (longest, [first, second])
    if best is None:
        raise ManuscriptError(
            f"caption too long for {CAPTION_LINES} lines of {CAPTION_LINE} "
            f"characters; split the sentence: {text!r}"
        )
    return best[1]


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


def load_manuscript(path: Path) -> tuple[str, list[Slide]]:
    try:
        import yaml  # PyYAML, from the project's virtual environment
    except ImportError:
        sys.exit("make_sample_films.py: PyYAML is missing; run it with .venv/bin/python")

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT)
    if not isinstance(data, dict) or not isinstance(data.get("slides"), list):
        raise ManuscriptError(f"{where}: expected a mapping with a 'slides' list")
    film_title = str(data.get("title", "")).strip()
    slides: list[Slide] = []
    for number, raw in enumerate(data["slides"], start=1):
        here = f"{where}, slide {number}"
        if not isinstance(raw, dict):
            raise ManuscriptError(f"{here}: expected a mapping")
        title = str(raw.get("title") or "").strip()
        lines = [str(line).strip() for line in raw.get("lines") or []]
        if not title:
            raise ManuscriptError(f"{here}: 'title' is missing")
        if not 1 <= len(lines) <= 3 or not all(lines):
            raise ManuscriptError(f"{here}: give 1 to 3 non-empty 'lines'")
        narration: list[Sentence] = []
        for item in raw.get("narration") or []:
            if not isinstance(item, dict) or not item.get("sv") or not item.get("en"):
                raise ManuscriptError(f"{here}: each narration item needs 'sv' and 'en'")
            sv, en = str(item["sv"]).strip(), str(item["en"]).strip()
            say = str(item.get("say") or sv).strip()
            try:
                wrap_caption(sv)
                wrap_caption(en)
            except ManuscriptError as error:
                raise ManuscriptError(f"{here}: {error}") from None
            narration.append(Sentence(sv=sv, en=en, say=say))
        if not narration:
            raise ManuscriptError(f"{here}: 'narration' is empty")
        # Everything on screen must be spoken, so that the narration alone
        # gives the whole content (no separate audio description needed).
        spoken = set(words(" ".join(s.sv for s in narration)))
        unspoken = [w for w in words(" ".join([title, *lines])) if w not in spoken]
        if unspoken:
            raise ManuscriptError(
                f"{here}: words on the slide are not in its narration: " + ", ".join(sorted(set(unspoken)))
            )
        slides.append(Slide(title=title, lines=lines, narration=narration))
    if not slides:
        raise ManuscriptError(f"{where}: no slides")
    if film_title and slides[0].title != film_title:
        raise ManuscriptError(f"{where}: the first slide must show the film title")
    return film_title, slides


# ---------------------------------------------------------------- audio


def run(args: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-3000:])
        raise SystemExit(f"make_sample_films.py: command failed: {args[0]} (exit {result.returncode})")


def synthesise(slides: list[Slide], tmp: Path) -> Path:
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
            run(["espeak-ng", "-v", VOICE, "-s", str(SPEED), "-w", str(wav_path), sentence.say])
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


def encode_film(slides: list[Slide], pictures: list[Path], audio: Path, out: Path, tmp: Path) -> None:
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
        "-metadata:s:a:0",
        "language=swe",
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


def timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def write_vtt(slides: list[Slide], language: str, out: Path) -> int:
    blocks = ["WEBVTT"]
    number = 0
    for slide in slides:
        for sentence in slide.narration:
            number += 1
            caption = "\n".join(wrap_caption(getattr(sentence, language)))
            blocks.append(f"{number}\n{timestamp(sentence.start)} --> {timestamp(sentence.end)}\n{caption}")
    out.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return number


# ---------------------------------------------------------------- main


def make_film(slug: str, out_dir: Path) -> None:
    manuscript = MANUSCRIPTS / f"{slug}.yml"
    _, slides = load_manuscript(manuscript)
    with tempfile.TemporaryDirectory(prefix=f"sample-film-{slug}-") as name:
        tmp = Path(name)
        audio = synthesise(slides, tmp)
        length = slides[-1].end
        if not MIN_SECONDS <= length <= MAX_SECONDS:
            print(
                f"warning: {slug} is {length:.1f} s, outside {MIN_SECONDS}-{MAX_SECONDS} s; "
                "change the manuscript",
                file=sys.stderr,
            )
        pictures = [render_slide(s, n, n == 0, tmp) for n, s in enumerate(slides)]
        out_dir.mkdir(parents=True, exist_ok=True)
        mp4 = out_dir / f"{slug}.mp4"
        encode_film(slides, pictures, audio, mp4, tmp)
        write_poster(pictures[0], out_dir / f"{slug}.jpg", tmp)
    cues = write_vtt(slides, "sv", out_dir / f"{slug}.sv.vtt")
    write_vtt(slides, "en", out_dir / f"{slug}.en.vtt")
    size = mp4.stat().st_size
    print(
        f"{slug}: {length:.1f} s, {len(slides)} slides, {cues} cues, "
        f"{size / 1e6:.2f} MB -> {mp4.relative_to(ROOT) if mp4.is_relative_to(ROOT) else mp4}"
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
