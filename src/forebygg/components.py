"""
The site's components, one row each: the one place that names what a component is made of.

A component's build code is its module or package in src/forebygg/, with the
same name, and its MkDocs events are the `on_*` methods of the class named in
`build`. MkDocs keeps templates in overrides/ and scripts in docs/, so the
row names those files too, with what else other code and tests need to know
about the component: its marker, the class that wraps what it puts in a page,
its texts under `extra.text`, its storage keys and its event priorities.
forebygg.plugin runs the components; the markers, the exemptions of the HTML
check, the texts the components ask for and the list of storage keys are
read from here, and tests/test_components.py checks that every file named
here exists.

To add a component: its module in src/forebygg/, its files in overrides/ and
docs/assets/, and its row below, in the place where its events should run
among equals (README.md, "Where each component lives").
"""

from __future__ import annotations

from forebygg.component_row import (
    AFTER_I18N,
    EARLY,
    FILM,
    FIRST,
    LAST,
    PAGE_CHECKS,
    REPEATED,
    SELF_CHECK,
    TABLES,
    Component,
    Marker,
)

COMPONENTS = (
    Component(
        "settings_file",
        "SettingsFile",
        priorities={"config": FIRST},
    ),
    Component(
        "languages",
        "Languages",
        priorities={"files": AFTER_I18N, "post_template": LAST, "post_build": AFTER_I18N},
        partials=("404.html", "sitemap.xml"),
        texts="not_found",
        text_keys=("title", "body", "home"),
    ),
    # Before the components that read a language's pages, forms and captions: it checks what
    # marks a copy not yet translated (untranslated: en).
    Component(
        "translations",
        "Translations",
        priorities={"config": AFTER_I18N, "page_content": LAST},
        partials=("partials/untranslated.html",),
        css=".untranslated",
        texts="untranslated",
        text_keys=("notice",),
    ),
    Component(
        "extra_values",
        "ExtraValues",
        marker=Marker(
            "extra",
            r"[\w.-]+",
            "a setting under extra: in mkdocs.yml",
            "<!-- md:extra organisation.email -->",
        ),
    ),
    Component("markers", "Markers", priorities={"page_markdown": FIRST}),
    Component("headings", "Headings", priorities={"page_markdown": FIRST}),
    # Before i18n (-100) keeps only the pages of the language being built: every language's pages are checked.
    Component("front_matter", "FrontMatter"),
    Component(
        "page_reviewed",
        "PageReviewed",
        partials=("partials/page-reviewed.html",),
        css=".page-reviewed",
        texts="page_reviewed",
        text_keys=("label",),
    ),
    Component("valid_html", "ValidHtml"),
    # Before the other components' on_env: languages loads a template there.
    Component("theme_assets", "ThemeAssets", priorities={"env": FIRST}, partials=("main.html",)),
    Component(
        "survey_banner",
        "SurveyBanner",
        priorities={"config": AFTER_I18N},
        partials=("partials/survey-banner.html", "partials/survey-banner-head.html"),
        scripts=("assets/js/survey-banner.js",),
        css=".survey-banner",
        texts="survey",
        text_keys=("name", "question", "yes", "no", "new_window"),
        storage=("vf-enkat",),
    ),
    Component(
        "identity",
        "Identity",
        partials=("partials/copyright.html", "partials/alternate.html", "partials/logo.html"),
        css=".site-footer",
        texts="footer",
        text_keys=("accessibility", "privacy", "contact"),
    ),
    # After identity, which writes the organisation's colour into the built site.css; its
    # files after i18n, which has given each language's files their published paths.
    Component("style_sheets", "StyleSheets", priorities={"files": AFTER_I18N}),
    Component(
        "film",
        "FilmPlayer",
        priorities={"page_content": FILM},
        wrapper="film",
        partials=("partials/film.html",),
        scripts=("assets/js/film.js",),
        css=".film",
        texts="film",
        text_keys=(
            "length",
            "length_minutes",
            "length_seconds",
            "transcript",
            "download_film",
            "download_captions",
            "play",
            "play_hosted",
            "hosted_by",
            "sample",
        ),
    ),
    Component(
        "self_check",
        "SelfCheckQuestions",
        priorities={"page_markdown": EARLY, "page_content": SELF_CHECK},
        marker=Marker("self-check", "", "nothing", "<!-- md:self-check -->"),
        partials=("partials/self-check.html",),
        scripts=("assets/js/self-check.js",),
        css=".self-check",
        texts="self_check",
        text_keys=("check", "right", "wrong", "choose", "answers", "right_answer", "wrong_answer"),
    ),
    Component(
        "course",
        "Course",
        priorities={"config": AFTER_I18N, "page_content": PAGE_CHECKS},
        marker=Marker("course", "", "nothing", "<!-- md:course -->"),
        partials=("partials/course-part.html", "partials/course-overview.html", "partials/footer.html"),
        css=".course",
        texts="course",
        text_keys=(
            "part",
            "time",
            "time_one",
            "goals",
            "previous",
            "next",
            "overview",
            "nav",
            "total",
            "start",
            "end",
            "saved",
        ),
    ),
    Component(
        "forms",
        "Forms",
        priorities={"config": AFTER_I18N, "files": AFTER_I18N},
        marker=Marker(
            "form", r"[\w-]+", "a form's file name in forms/, without .md", "<!-- md:form samtycke -->"
        ),
        wrapper="form-example",
        partials=(
            "partials/form-example.html",
            "partials/form-blocks.html",
            "form-fill.html",
            "partials/form-fill-fields.html",
            "partials/form-leaflet.html",
        ),
        scripts=("assets/js/form-fill.js", "assets/css/form-fill.css"),
        css=".form-example",
        texts="form",
        text_keys=(
            "fill_in",
            "download",
            "format_docx",
            "format_odt",
            "format_pdf",
            "fill_in_description",
            "fill_in_intro",
            "back",
            "print",
            "error_format",
            "error_date",
            "error_checksum",
            # The hints under kinds of blank (forebygg.form_documents.FIELD_TYPES names which).
            "hint_date",
            "hint_personnummer",
            "sign_by_hand",
            "leaflet_download",
            "format_pdf_print",
        ),
    ),
    Component(
        "glossary",
        "Glossary",
        priorities={"config": AFTER_I18N, "files": AFTER_I18N},
        marker=Marker("glossary", "", "nothing after its name", "<!-- md:glossary -->"),
        wrapper="glossary",
        partials=("partials/glossary.html", "partials/glossary-term.html"),
        scripts=("assets/js/glossary.js",),
        css=".glossary",
        texts="glossary",
        text_keys=("in_language", "source", "whole_law"),
    ),
    Component(
        "statistics",
        "Statistics",
        marker=Marker("statistics", "", "nothing after its name", "<!-- md:statistics -->"),
        wrapper="statistics",
        partials=("partials/statistics.html",),
        css=".statistics",
        texts="statistics",
        text_keys=(
            "title",
            "description",
            "description_year",
            "caption",
            "year",
            "evictions",
            "children",
            "applications",
            "withdrawn",
            "missing",
            "summary",
            "summary_evictions",
            "summary_children",
            "according",
            "according_quoted",
            "according_quoted_undated",
            "withdrawn_sentence",
            "withdrawn_same",
            "quoted_note",
            "sources",
            "source",
            "source_quoted",
            "source_quoted_undated",
        ),
    ),
    Component(
        "deadline",
        "Deadline",
        marker=Marker("deadline", "", "nothing after its name", "<!-- md:deadline -->"),
        partials=("partials/deadline.html",),
        scripts=("assets/js/deadline.js",),
        css=".deadline",
        texts="deadline",
        text_keys=("label", "hint", "calculate", "result", "past", "choose"),
    ),
    Component(
        "timeline",
        "Timeline",
        priorities={"page_content": REPEATED},
        marker=Marker("timeline", "", "nothing after its name", "<!-- md:timeline -->"),
        partials=("partials/timeline.html",),
        css=".timeline",
    ),
    Component("launch", "LaunchCheck", priorities={"config": AFTER_I18N}),
    Component("page_html", "PageHtml", priorities={"page_content": PAGE_CHECKS}),
    Component("tables", "Tables", priorities={"page_content": TABLES}, css=".table-scroll"),
    Component("links", "Links", priorities={"files": AFTER_I18N, "post_build": AFTER_I18N}),
    Component("hyphenation", "Hyphenation"),
    # Templates, scripts and style only.
    Component(
        "keyboard",
        partials=("partials/header.html", "partials/site-pages.html", "partials/nav-item.html"),
        scripts=("assets/js/menu-button.js", "assets/js/search.js", "assets/js/language-switch.js"),
        css=".menu-button",
        texts="menu",
        text_keys=("open", "pages"),
    ),
    Component("search", scripts=("assets/javascripts/workers/search-stemmed.js",)),
)

BY_NAME = {component.name: component for component in COMPONENTS}
MARKERS = {component.marker.name: component.marker for component in COMPONENTS if component.marker}
# What the HTML check leaves alone: the components' own markup.
WRAPPERS = frozenset(component.wrapper for component in COMPONENTS if component.wrapper)
