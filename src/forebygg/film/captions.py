"""
WebVTT caption files, read as a browser reads them, but loud.

A browser silently drops a cue whose time line it cannot parse, a block with
no time line, and a whole file that is not WebVTT. Here each of these is a
CaptionError with the line in the .vtt file and what to do, following the
WebVTT spec's parsing rules (https://www.w3.org/TR/webvtt1/#file-parsing).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass


class CaptionError(ValueError):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # as written, with its line breaks and tags
    line: int  # the cue's time line in the file

    @property
    def words(self) -> str:
        """What a reader sees: no tags, entities decoded, on one line."""
        return " ".join(html.unescape(re.sub(r"<[^>]*>", "", self.text)).split())


# The spec's timestamp: [hours:]mm:ss.ttt, minutes and seconds two digits, three decimals.
TIMESTAMP = re.compile(r"(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})")
TIME_LINE = re.compile(rf"[ \t]*({TIMESTAMP.pattern})[ \t]*-->[ \t]*({TIMESTAMP.pattern})(?:[ \t]|$)")
SRT_TIME_LINE = re.compile(r"^\s*\d+:\d{2}:\d{2},\d{3}\s*-->")
EXAMPLE = "00:00:01.000 --> 00:00:04.500"


def parse(data: bytes) -> list[Cue]:
    """The cues of a WebVTT file, or a CaptionError for the first thing a browser would not show."""
    lines = _lines(data)
    if not re.fullmatch(r"WEBVTT([ \t].*)?", lines[0]):
        raise CaptionError(1, _not_webvtt(lines))
    cues: list[Cue] = []
    for block in _blocks(lines):
        cue = _cue(block, seen_cue=bool(cues))
        if cue:
            cues.append(cue)
    if not cues:
        message = "the caption file has no cues – under WEBVTT and an empty line, add a time line such as "
        raise CaptionError(1, message + f"{EXAMPLE} and under it the words")
    return cues


def _lines(data: bytes) -> list[str]:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = (
            "the caption file is not saved as UTF-8 (a letter on this line is in another encoding, "
            "such as Windows-1252 or Latin-1) – open it in a text editor and save it as UTF-8"
        )
        raise CaptionError(line, message) from None
    return re.split(r"\r\n|\r|\n", text.removeprefix("\ufeff").replace("\0", "\ufffd"))


def _not_webvtt(lines: list[str]) -> str:
    if any(SRT_TIME_LINE.match(line) for line in lines[:3]):
        return (
            "this is an SRT file – convert it to WebVTT: add WEBVTT as the first line and write times "
            "with a dot (00:00:01.000, not 00:00:01,000)"
        )
    return "the caption file does not start with WEBVTT – make WEBVTT the first line, then a blank line"


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """The file's blocks after the header: runs of lines between empty lines, each with its number."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, 1):
        if line:
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    # A time line right under the header begins the first cue, as in a browser.
    header = blocks.pop(0)
    arrow = next((index for index, (_, line) in enumerate(header) if "-->" in line), None)
    return ([header[arrow:]] if arrow is not None else []) + blocks


def _cue(block: list[tuple[int, str]], seen_cue: bool) -> Cue | None:
    first = block[0][1]
    if re.match(r"NOTE([ \t]|$)", first) or (not seen_cue and re.fullmatch(r"(STYLE|REGION)[ \t]*", first)):
        return None  # a comment, or style and regions, which come before the cues
    arrows = [index for index, (_, line) in enumerate(block) if "-->" in line]
    if not arrows or arrows[0] > 1:
        # A browser reads this as a block with no time line, and never shows it.
        number, line = next(((n, text) for n, text in block[:2] if _looks_like_time(text)), block[0])
        if _looks_like_time(line):
            message = f"the time line '{line.strip()}' cannot be read, so browsers drop this cue – "
            raise CaptionError(number, message + f"write the arrow as --> with a space each side: {EXAMPLE}")
        message = "this text has no time line, so browsers never show it – put a time line such as "
        raise CaptionError(number, message + f"{EXAMPLE} above it, or start it with NOTE if it is a comment")
    number, line = block[arrows[0]]
    start, end = _timings(number, line)
    text = block[arrows[0] + 1 : arrows[1] if len(arrows) > 1 else None]
    if not any(words.strip() for _, words in text):
        message = "this cue has no text – write what is said under the time line, or delete the cue"
        raise CaptionError(number, message)
    if len(arrows) > 1:
        message = (
            "this time line follows the cue before with no empty line between them, so browsers show "
            "the line above it as part of that cue – put an empty line before each cue (a line of "
            "spaces is not empty)"
        )
        raise CaptionError(block[arrows[1]][0], message)
    if end <= start:
        raise CaptionError(
            number,
            f"the cue ends ({clock(end)}) before it starts ({clock(start)}) – "
            f"the second time must be later than the first",
        )
    return Cue(start, end, "\n".join(words for _, words in text), number)


def _looks_like_time(line: str) -> bool:
    """Something an editor meant as a time line: it starts with a time and has another."""
    return bool(re.match(r"\s*\d", line)) and len(re.findall(r"\d+:\d+", line)) >= 2


def _timings(number: int, line: str) -> tuple[float, float]:
    match = TIME_LINE.match(line)
    times = [_seconds(match.group(1)), _seconds(match.group(6))] if match else [None]
    if None not in times:
        return times[0], times[1]
    if re.search(r"\d,\d", line):
        fix = "write the milliseconds after a dot, not a comma"
    else:
        fix = (
            "write each time as hours:minutes:seconds.milliseconds, with two digits for minutes and "
            "seconds (up to 59) and three for milliseconds"
        )
    message = f"the time line '{line.strip()}' cannot be read, so browsers drop this cue – {fix}: {EXAMPLE}"
    raise CaptionError(number, message)


def _seconds(timestamp: str) -> float | None:
    hours, minutes, seconds, millis = TIMESTAMP.fullmatch(timestamp).groups()
    if int(minutes) > 59 or int(seconds) > 59:
        return None
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def clock(seconds: float) -> str:
    """A time as caption files write it: 00:01:02.500."""
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    whole, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}.{millis:03d}"
