"""
The self-check at the end of a course part, read from the editor's Markdown.

The block starts at the marker `<!-- md:self-check -->` and runs to the end of
the page. A question is a line starting with `? `; its answers follow as a
checklist, the right one ticked; each answer's explanation is the quoted line
(`> `) below it:

    ? Hur lång tid har du på dig att betala efter uppsägningen?

    - [ ] En vecka
      > Nej. …
    - [x] Tre veckor
      > Ja. …

Exactly one answer per question is right (radio buttons). Every mistake is
reported with its line in the page's file. inline_html() gives a line's
Markdown (links, emphasis) as HTML.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import markdown as python_markdown
from markupsafe import Markup

from forebygg.markers import pattern

# The marker, on a line of its own.
MARKER = re.compile(rf"^[ \t]*{pattern('self-check').pattern}[ \t]*$", re.M)
QUESTION = re.compile(r"^\?\s+(\S.*)$")
ANSWER = re.compile(r"^[-*]\s+\[([ xX])\]\s+(\S.*)$")
EXPLANATION = re.compile(r"^>\s?(.*)$")
EXAMPLE = "? Question, then - [ ] wrong answer / - [x] right answer, each with a line > explanation below it"


class SelfCheckError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(f"{line}: {message}")
        self.line, self.message = line, message


@dataclass
class Answer:
    text: str
    right: bool
    line: int
    explanation: str = ""


@dataclass
class Question:
    text: str
    line: int
    answers: list[Answer] = field(default_factory=list)


@dataclass
class SelfCheck:
    line: int  # the marker's line in the page's Markdown (1 = its first line)
    start: int  # the marker's position in the Markdown
    questions: list[Question]


def find(markdown: str, first_line: int = 1) -> SelfCheck | None:
    """The self-check in `markdown` (whose first line is the file's `first_line`), or None.

    Raises SelfCheckError with the file's line for anything the reader could not use.
    """
    match = MARKER.search(markdown)
    if match is None:
        return None
    offset = first_line + markdown.count("\n", 0, match.start())
    again = MARKER.search(markdown, match.end())
    if again:
        second = offset + markdown.count("\n", match.start(), again.start())
        raise SelfCheckError(second, "a page has one self-check – remove the second <!-- md:self-check -->")
    lines = markdown[match.end() :].split("\n")[1:]
    questions = _questions(lines, offset + 1)
    if not questions:
        raise SelfCheckError(offset, f"the self-check has no questions – write them below it: {EXAMPLE}")
    return SelfCheck(offset, match.start(), questions)


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _questions(lines: list[str], first: int) -> list[Question]:
    questions: list[Question] = []
    for number, raw in enumerate(lines, first):
        line = raw.strip()
        if not line:
            continue
        question, answer, explanation = QUESTION.match(line), ANSWER.match(line), EXPLANATION.match(line)
        if question:
            questions.append(Question(question.group(1).strip(), number))
        elif answer and questions:
            right = answer.group(1).lower() == "x"
            questions[-1].answers.append(Answer(answer.group(2).strip(), right, number))
        elif explanation and questions and questions[-1].answers:
            last = questions[-1].answers[-1]
            last.explanation = f"{last.explanation} {explanation.group(1).strip()}".strip()
        else:
            raise SelfCheckError(
                number,
                "this line is not part of a question – the self-check runs to the "
                f"end of the page and is written as: {EXAMPLE}",
            )
    for question in questions:
        _check(question)
    return questions


def _check(question: Question) -> None:
    if len(question.answers) < 2:
        raise SelfCheckError(question.line, "the question needs two answers or more: - [ ] … and - [x] …")
    right = [answer for answer in question.answers if answer.right]
    if not right:
        raise SelfCheckError(question.line, "the question has no right answer – tick it as - [x]")
    if len(right) > 1:
        raise SelfCheckError(
            right[1].line,
            f"a second right answer (line {right[0].line} is ticked too) – "
            "a question has one right answer: tick only one as - [x]",
        )
    for answer in question.answers:
        if not answer.explanation:
            raise SelfCheckError(
                answer.line,
                "the answer has no explanation – say in a line > … below it why it is right or wrong",
            )


# One converter for every line: making one is slower than converting a line.
_MARKDOWN = python_markdown.Markdown()
# A line that Python-Markdown gives back as it is: a letter first (no list, heading or code),
# then only letters, digits, spaces and punctuation that is no Markdown (no * _ ` [ ] < > & # \).
PLAIN_TEXT = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;:?!()'\"%/–—”’+=§-])*")


@functools.lru_cache(maxsize=4096)
def inline_html(text: str) -> Markup:
    """An editor's line of Markdown (links, emphasis) as HTML without its paragraph: Markup, which
    overrides/partials/self-check.html shows as it is (Python-Markdown has escaped the text).

    The same line gives the same HTML, so each is converted once a process:
    `mkdocs serve` and the tests build the same lines again and again, and a
    conversion takes a third of a millisecond (a build has some 170 lines).
    """
    if PLAIN_TEXT.fullmatch(text) and "  " not in text and not text.endswith(" "):
        return Markup(text)  # as Python-Markdown gives it back: two lines in three of a course
    html = _MARKDOWN.reset().convert(text).strip()
    return Markup(html[3:-4] if html.startswith("<p>") and html.endswith("</p>") else html)
