"""
The course: a path through the guide, its parts in the order of
`extra: course: parts:` in mkdocs.yml, and after the last part the page
named by `extra: course: end:` (a summary and a checklist).

Each part shows, below its title, "Del 2 av 4", a bar of the parts with this
one marked, about how long it takes (its words at
parts.WORDS_PER_MINUTE plus its films' length, worked out at build
time) and its learning goals from the front matter (`goals:`); at its end,
links to the part before and after (after the last part: the end page) and to
the course overview. The end page shows the bar full and links back. On these
pages the course's links are the only "previous" and "next": Material's
footer links, which follow the menu, are left out (overrides/partials/footer.html).
The page that says `<!-- md:course -->` shows the overview: the whole course's
time (the sum of the parts' times), a link to start with part 1, and every
part with its time and goals. All of it is drawn by
overrides/partials/course-part.html and course-overview.html. A part or end
page missing in docs/, a part without goals, or an end page that is also a
part stops the build.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from forebygg.components import BY_NAME
from forebygg.course import parts as course
from forebygg.markers import pattern
from forebygg.site_config import current_language, locales, page_url, texts, theme_template
from forebygg.source_lines import config_line, source_text
from forebygg.typography import look_alike_note

SLOT = "<!--course-overview-slot-->"
# The film player's wrapper, which says each film's length (data-seconds, partials/film.html).
FILM = BY_NAME["film"].wrapper


class Course:
    def __init__(self) -> None:
        # Of the language being built: each part's minutes, every page by its file, and the
        # page with the overview.
        self.minutes: dict[str, int] = {}
        self.pages: dict[str, Page] = {}
        self.overview: Page | None = None

    # After i18n, which sets the language of this build.
    def on_config(self, config: MkDocsConfig):
        self.minutes.clear()
        self.pages.clear()
        self.overview = None
        parts = course.parts(config.extra)
        lines = course.part_lines(config.config_file_path)
        for number, part in enumerate(parts):
            for locale in locales(config):
                if not (Path(config.docs_dir) / locale / part).is_file():
                    line = lines[number] if number < len(lines) else 0
                    missing = f"extra.course.parts names {part}, but docs/{locale}/{part} does not exist"
                    if note := look_alike_note(Path(config.docs_dir), f"{locale}/{part}", part, "setting"):
                        raise PluginError(
                            f"mkdocs.yml:{line}: extra.course.parts names {part}, which is no page: {note}"
                        )
                    raise PluginError(
                        f"mkdocs.yml:{line}: {missing} – correct the file name, or add the page"
                    )
        end = course.end_page(config.extra)
        if end is not None:
            line = config_line(config.config_file_path, ["extra", "course", "end"])
            if end in parts:
                raise PluginError(
                    f"mkdocs.yml:{line}: extra.course.end names {end}, which is also a part of the course – "
                    "the end page comes after the last part: remove it from parts:, or name another page"
                )
            for locale in locales(config):
                if not (Path(config.docs_dir) / locale / end).is_file():
                    missing = f"extra.course.end names {end}, but docs/{locale}/{end} does not exist"
                    raise PluginError(
                        f"mkdocs.yml:{line}: {missing} – correct the file name, or add the page"
                    )
        return config

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files):
        self.pages[page.file.src_uri] = page
        if _part_name(page) in course.parts(config.extra):
            problem = course.goals_problem(source_text(page.file) or "", page.meta.get("goals"))
            if problem:
                raise PluginError(f"docs/{page.file.src_uri}:{problem[0]}: {problem[1]}")
        if pattern("course").search(markdown):
            self.overview = page
            return pattern("course").sub(f"\n\n{SLOT}\n\n", markdown, count=1)
        return markdown

    # After the film player and the self-check: their text and length count.
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files):
        if _part_name(page) in course.parts(config.extra):
            tree = lxml.html.fragment_fromstring(html, create_parent="div")
            films = tree.xpath(f'//div[contains(concat(" ", @class, " "), " {FILM} ")]')
            seconds = sum(float(film.get("data-seconds") or 0) for film in films)
            for film in films:
                film.drop_tree()  # the transcript is the film's words, already counted in its length
            self.minutes[page.file.src_uri] = course.minutes(len(tree.text_content().split()), seconds)
        return html

    # Every page's title, goals and time are known once all pages are read.
    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        parts = course.parts(config.extra)
        name = _part_name(page)
        if name in parts or (name == course.end_page(config.extra) and parts):
            data = self.part_data(page, config, parts)
            template = theme_template(config, "partials/course-part.html")
            intro = template.render(course=data, place="intro")
            end = template.render(course=data, place="end")
            heading_end = page.content.find("</h1>")
            at = heading_end + len("</h1>") if heading_end >= 0 else 0
            page.content = page.content[:at] + intro + page.content[at:] + end
            # overrides/partials/footer.html: the course's own links are the page's "previous" and "next".
            context["course_page"] = True
        if SLOT in (page.content or ""):
            data = self.part_data(page, config, parts)
            overview = theme_template(config, "partials/course-overview.html").render(course=data)
            page.content = page.content.replace(SLOT, overview, 1)
        return context

    def part_data(self, page: Page, config: MkDocsConfig, parts: list[str]) -> dict:
        """The course as seen from `page`: every part with its number, address, title, time and goals,
        the whole course's time, the end page, and where `page` is in it."""
        where = f"docs/{page.file.src_uri}"
        text = texts(config, "course", where)
        language = current_language(config)
        listed = []
        for number, part in enumerate(parts, 1):
            other = self.pages[f"{language}/{part}"]  # on_config made sure that every part exists
            minutes = self.minutes.get(other.file.src_uri, 1)
            listed.append(
                {
                    "number": number,
                    "label": text["part"]
                    .replace("{number}", str(number))
                    .replace("{total}", str(len(parts))),
                    "title": other.title,
                    "url": page_url(page, other.url),
                    "minutes": minutes,
                    "time": _time(text, minutes),
                    "goals": [str(goal) for goal in other.meta.get("goals") or []],
                    "current": other is page,
                }
            )
        current = next((index for index, part in enumerate(listed) if part["current"]), None)
        end = self._end_page(page, config, text)
        is_end = end is not None and end["current"]
        total = course.total_minutes([part["minutes"] for part in listed])
        overview = self.overview
        if current is not None:
            following = listed[current + 1] if current + 1 < len(listed) else end
        else:
            following = None
        return {
            "parts": listed,
            "part": listed[current] if current is not None else None,
            "previous": listed[current - 1] if current else (listed[-1] if is_end and listed else None),
            "next": following,
            "end": end,
            "steps": course.steps(current + 1 if current is not None else None, len(listed)),
            "total": text["total"].replace("{minutes}", str(total)),
            "first": listed[0] if listed else None,
            "overview_url": page_url(page, overview.url) if overview not in (None, page) else None,
            "text": text,
        }

    def _end_page(self, page: Page, config: MkDocsConfig, text: dict) -> dict | None:
        """The page after the last part, as a link from `page`; None when the course has none."""
        end = course.end_page(config.extra)
        if end is None:
            return None
        other = self.pages[f"{current_language(config)}/{end}"]  # on_config made sure that it exists
        return {
            "label": text["end"],
            "title": other.title,
            "url": page_url(page, other.url),
            "current": other is page,
        }


def _time(text: dict, minutes: int) -> str:
    return (text["time_one"] if minutes == 1 else text["time"]).replace("{minutes}", str(minutes))


def _part_name(page: Page) -> str:
    """The page's file name within its language's folder: 'sv/kurs.md' is 'kurs.md'."""
    return page.file.src_uri.split("/", 1)[-1]
