"""
Caption text broken where a reader would pause.

A spoken sentence becomes one or more caption cues of at most two lines of
42 characters (the common limit for subtitles, and what fits a phone). The
breaks fall, in this order of preference:

1. after a full stop, question mark or exclamation mark;
2. after a comma, semicolon, colon or dash;
3. before a conjunction or a word that starts a clause (och, men, att, som,
   när, eftersom … / and, but, that, which, when, because …);
4. before a preposition (i, på, till, med … / in, on, to, with …);
5. anywhere else between two words.

A line never ends, where another break is possible, on a word that leans on
the next one: an article, a determiner, a possessive, a number, a
preposition or a conjunction (en, den, sin, två, många, på, och … / a, the,
their, two, many, on, and …), nor on a hyphen that joins two words ("budget-
och skuldrådgivningen"). So an article or a number stays with its noun. Nor
does it break after the word that follows an article, as in "en ny |
samverkan": that word is most likely an adjective before its noun (unless
a conjunction or a preposition comes next).

Among the ways that keep to that, the one with the fewest cues wins, then
the one with even lines. A cue of a few words that ends mid-sentence counts
as a poor one, since it flashes by. An editor can force a break: ` | ` in the text is
a line break, ` || ` starts a new cue. Neither is spoken.

Used by scripts/make_sample_films.py; tested in tests/test_caption_lines.py.
"""

from __future__ import annotations

import re

WIDTH = 42  # characters a line
LINE_BREAK = "|"
CUE_BREAK = "||"

# Words that start a clause: a line may well begin with them.
CONJUNCTIONS = {
    "sv": set(
        "och men eller samt att som när om så eftersom innan medan tills då därför fast "
        "där hur vad vem vilka vilken vilket varför utan".split()
    ),
    "en": set(
        "and but or nor that which who whom whose when where while if so because before "
        "until unless since as though although whether how what why than".split()
    ),
}
PREPOSITIONS = {
    "sv": set(
        "i på till från med av för om under efter hos vid inom utan mot genom över enligt "
        "mellan inför kring runt bland före bakom utom".split()
    ),
    "en": set(
        "in on to from with for of at by within without after under about into over "
        "through between during per via across against towards".split()
    ),
}
# Words that lean on the word after them: a line should not end on one.
BOUND = {
    "sv": set(
        "en ett den det de denna detta dessa min mitt mina din ditt dina sin sitt sina vår vårt "
        "våra er ert era hans hennes deras dess varje alla några någon något ingen inget inga "
        "samma hela nästa båda två tre fyra fem sex sju åtta nio tio första andra många få "
        "fler flera mer mest".split()
    ),
    "en": set(
        "a an the this these those my your his her its our their each every some any no all "
        "both same whole next two three four five six seven eight nine ten first second many much "
        "few more most".split()
    ),
}

# Articles, demonstratives and possessives: the word after one is most often
# an adjective or the noun itself.
ARTICLES = {
    "sv": set(
        "en ett den det de denna detta dessa min mitt mina din ditt dina sin sitt sina er ert era".split()
    ),
    "en": set("a an the this these those my your his her its our their".split()),
}

# The cost of each kind of break; lower is better.
SENTENCE_END, CLAUSE_END, BEFORE_CLAUSE, BEFORE_PREPOSITION, ELSEWHERE = 0, 1, 2, 3, 6
LEANING = 10  # added when the line would end on a word that leans on the next
ADJECTIVE = 6  # added when it would end on the word after an article
SHORT_CUE = 15  # characters; a cue shorter than this that ends mid-sentence …
SHORT_CUE_COST = 6  # … costs this much more
NEW_CUE = 5  # each cue; so a sentence takes no more cues than it needs
CUE_WEIGHT = 2  # a break between cues costs this many times a break between lines
EVENNESS = 1 / 8  # per character of difference between a cue's two lines


class CaptionLineError(ValueError):
    pass


def spoken(text: str) -> str:
    """The text without the editor's break marks, on one line: what is said and shown."""
    return " ".join(word for word in text.split() if word not in (LINE_BREAK, CUE_BREAK))


def caption_cues(text: str, language: str, width: int = WIDTH) -> list[list[str]]:
    """The cues for `text`, each a list of one or two lines of at most `width` characters."""
    words: list[str] = []
    forced: dict[int, str] = {}  # position (index of the word after the break) -> LINE_BREAK or CUE_BREAK
    for token in text.split():
        if token in (LINE_BREAK, CUE_BREAK):
            if words:
                # Two marks in a row: the stronger one counts.
                forced[len(words)] = CUE_BREAK if CUE_BREAK in (token, forced.get(len(words))) else token
        else:
            words.append(token)
    forced.pop(len(words), None)
    if not words:
        return []
    too_long = [word for word in words if len(word) > width]
    if too_long:
        raise CaptionLineError(f"the word {too_long[0]!r} is longer than a caption line ({width} characters)")
    quality = [0.0] + [_break_cost(words, p, language) for p in range(1, len(words))]
    for position in forced:
        quality[position] = 0.0  # the editor's choice

    def fits(start: int, end: int) -> bool:
        return len(" ".join(words[start:end])) <= width

    def cue(start: int, end: int) -> tuple[float, list[list[str]]] | None:
        """The best way to show words[start:end] as one cue, or None."""
        inside = [p for p in forced if start < p < end]
        if any(forced[p] == CUE_BREAK for p in inside) or len(inside) > 1:
            return None
        if not inside and fits(start, end):
            return 0.0, [words[start:end]]
        best = None
        for k in inside or range(start + 1, end):
            if fits(start, k) and fits(k, end):
                first, second = len(" ".join(words[start:k])), len(" ".join(words[k:end]))
                cost = quality[k] + abs(first - second) * EVENNESS
                if best is None or cost < best[0]:
                    best = (cost, [words[start:k], words[k:end]])
        return best

    # best[i]: the cheapest cues for words[i:], as (cost, cues).
    best: list[tuple[float, list[list[list[str]]]] | None] = [None] * (len(words) + 1)
    best[len(words)] = (0.0, [])
    for start in range(len(words) - 1, -1, -1):
        for end in range(start + 1, len(words) + 1):
            if best[end] is None:
                continue
            shown = cue(start, end)
            if shown is None:
                continue
            joint = 0.0 if end == len(words) else quality[end] * CUE_WEIGHT
            if (
                end < len(words)
                and quality[end] > SENTENCE_END
                and len(" ".join(words[start:end])) < SHORT_CUE
            ):
                joint += SHORT_CUE_COST
            cost = NEW_CUE + shown[0] + joint + best[end][0]
            if best[start] is None or cost < best[start][0]:
                best[start] = (cost, [shown[1], *best[end][1]])
    if best[0] is None:
        raise CaptionLineError(
            f"the text cannot be shown in lines of {width} characters with the breaks marked: {text!r}"
        )
    return [[" ".join(line) for line in shown] for shown in best[0][1]]


def _break_cost(words: list[str], position: int, language: str) -> float:
    """How good a break is before words[position]."""
    before, after = words[position - 1], words[position]
    if re.search(r"[.?!…][\"'”)]*$", before):
        return SENTENCE_END
    if re.search(r"[,;:][\"'”)]*$", before) or before in ("–", "—"):
        return CLAUSE_END
    if after in ("–", "—"):
        return CLAUSE_END + 1
    plain_before = before.lower().strip("\"'“”()")
    plain_after = after.lower().strip("\"'“”()")
    leaning = (
        plain_before in BOUND.get(language, ())
        or plain_before in PREPOSITIONS.get(language, ())
        or plain_before in CONJUNCTIONS.get(language, ())
        or before.endswith("-")
        or plain_before.isdigit()
    )
    if plain_after in CONJUNCTIONS.get(language, ()):
        cost = BEFORE_CLAUSE
    elif plain_after in PREPOSITIONS.get(language, ()):
        cost = BEFORE_PREPOSITION
    else:
        cost = ELSEWHERE
        article = words[position - 2].lower() if position >= 2 else ""
        if article in ARTICLES.get(language, ()) and not leaning:
            cost += ADJECTIVE
    return cost + (LEANING if leaning else 0)
