"""
A film's transcript: its captions in the page's language, as paragraphs.
"""

from __future__ import annotations

import re

from forebygg.film.captions import Cue

# The end of a sentence, after which a paragraph may end: ". ? ! …", with a closing quote or bracket.
SENTENCE_END = re.compile(r"[.?!…][\"'”)]*$")


def transcript(cues: tuple[Cue, ...]) -> list[str]:
    """The captions as paragraphs: cues joined until one ends a sentence.

    A cue often holds part of a sentence; a paragraph per cue would read in fragments.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for cue in cues:
        current.append(cue.words)
        if SENTENCE_END.search(cue.words):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs
