"""
The self-check: questions at the end of a course part, answered in the browser.

An editor writes the questions in Markdown below `<!-- md:self-check -->` (the
format is in questions.py and in EDITING.md, "Add a self-check at
the end of a part"). The component takes the block out of the Markdown, checks it,
and puts in its place a fieldset per question with radio buttons, a check
button and a live region for the feedback, drawn by
overrides/partials/self-check.html. Without JavaScript the answers and their
explanations are behind a <details> disclosure. Nothing is sent or kept:
assets/js/self-check.js only compares in the page.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.self_check.questions import SelfCheck, SelfCheckError, find, inline_html
from forebygg.site_config import current_language, locales, page_url, texts, theme_template
from forebygg.source_lines import page_line

SLOT = "<!--self-check-slot-->"


class SelfCheckQuestions:
    def __init__(self) -> None:
        # The self-check of each page being built, read from its Markdown.
        self.checks: dict[str, SelfCheck] = {}

    # After the marker check; the block is taken out before Markdown reads it.
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        where = f"docs/{page.file.src_uri}"
        try:
            check = find(markdown, page_line(page, markdown, 0))
        except SelfCheckError as error:
            raise PluginError(f"{where}:{error.line}: {error.message}") from None
        self.checks.pop(page.file.src_uri, None)
        if current_language(config) == locales(config)[0]:
            same_questions_in_every_language(check, page, config)
        if check is None:
            return markdown
        self.checks[page.file.src_uri] = check
        return f"{markdown[: check.start]}\n\n{SLOT}\n"

    # After the film player, before the course counts the page's words.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files):
        check = self.checks.pop(page.file.src_uri, None)
        if check is None or SLOT not in html:
            return html
        return html.replace(SLOT, render(check, page, config), 1)


def same_questions_in_every_language(check: SelfCheck | None, page: Page, config: MkDocsConfig) -> None:
    """Each language's copy of the page has as many questions, with as many answers each."""
    own, rest = page.file.src_uri.split("/", 1)
    for locale in locales(config)[1:]:
        path = Path(config.docs_dir) / locale / rest
        if not path.is_file():
            continue  # forebygg.languages reports a page missing in a language
        where = f"docs/{locale}/{rest}"
        try:
            other = find(path.read_text(encoding="utf-8-sig"))
        except SelfCheckError as error:
            raise PluginError(f"{where}:{error.line}: {error.message}") from None
        if other is None and check is None:
            continue
        if check is None:
            raise PluginError(
                f"{where}:{other.line}: this page has a self-check and docs/{own}/{rest} has "
                "none – add <!-- md:self-check --> with the same questions at its end"
            )
        if other is None:
            raise PluginError(
                f"{where}:1: docs/{own}/{rest}:{check.line} has a self-check and this page "
                "has none – add <!-- md:self-check --> with the same questions at the end"
            )
        if len(other.questions) != len(check.questions):
            raise PluginError(
                f"{where}:{other.line}: the self-check has {len(other.questions)} questions and "
                f"docs/{own}/{rest}:{check.line} has {len(check.questions)} – ask the same questions "
                "in every language"
            )
        for mine, theirs in zip(check.questions, other.questions, strict=True):
            if len(mine.answers) != len(theirs.answers):
                raise PluginError(
                    f"{where}:{theirs.line}: the question has {len(theirs.answers)} answers and the same "
                    f"question in docs/{own}/{rest}:{mine.line} has {len(mine.answers)} – give it the same "
                    "answers"
                )


def render(check: SelfCheck, page: Page, config: MkDocsConfig) -> str:
    """The questions as overrides/partials/self-check.html draws them."""
    questions = []
    for number, question in enumerate(check.questions, 1):
        ident = f"self-check-{number}"
        questions.append(
            {
                "id": ident,
                "html": inline_html(question.text),
                "answers": [
                    {
                        "id": f"{ident}-{index}",
                        "html": inline_html(answer.text),
                        "right": answer.right,
                        "explanation": inline_html(answer.explanation),
                    }
                    for index, answer in enumerate(question.answers, 1)
                ],
            }
        )
    where = f"docs/{page.file.src_uri}"
    data = {
        "questions": questions,
        "text": texts(config, "self_check", where),
        "script_url": page_url(page, "assets/js/self-check.js"),
    }
    return theme_template(config, "partials/self-check.html").render(self_check=data)
