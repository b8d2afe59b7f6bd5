"""
Caption lines break where a reader would pause (src/forebygg/film/caption_lines.py).

The expected values are written from the rule in the module's docstring:
after a sentence, then after a comma or colon, then before a conjunction,
then before a preposition; never after an article, a number, a preposition
or a conjunction where another break fits; at most two lines of 42
characters a cue; the fewest cues, then even lines. ` | ` and ` || ` are the
editor's own line and cue breaks.
"""

from __future__ import annotations

import pytest

from forebygg.film.caption_lines import CaptionLineError, caption_cues, spoken


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # Short enough for one line: no break at all.
        ("Familjen Berg har två barn.", "sv", [["Familjen Berg har två barn."]]),
        # After the comma, not anywhere else.
        (
            "Om hyran inte har kommit in, ringer Kim familjen samma vecka.",
            "sv",
            [["Om hyran inte har kommit in,", "ringer Kim familjen samma vecka."]],
        ),
        # Before the conjunction "och".
        (
            "Familjen gör upp en betalningsplan och kan bo kvar i lägenheten.",
            "sv",
            [["Familjen gör upp en betalningsplan", "och kan bo kvar i lägenheten."]],
        ),
        # Before the preposition, never after "the".
        (
            "She calls the tenant on the first working day.",
            "en",
            [["She calls the tenant", "on the first working day."]],
        ),
        # Before the preposition "med", rather than between two words where no phrase ends.
        (
            "Sara erbjuder en familj med två barn ett möte samma vecka.",
            "sv",
            [["Sara erbjuder en familj", "med två barn ett möte samma vecka."]],
        ),
        # "a new partnership" is not split after the adjective when "because" offers a break.
        (
            "They started a new partnership because evictions were rising.",
            "en",
            [["They started a new partnership", "because evictions were rising."]],
        ),
        # A suspended compound stays together: not "budget-" at the end of a line,
        # though "och" would otherwise be the better place.
        (
            "Familjen får hjälp av budget- och skuldrådgivningen.",
            "sv",
            [["Familjen får hjälp", "av budget- och skuldrådgivningen."]],
        ),
        # Too long for one cue: two cues, broken after the sentence.
        (
            "Kim ringer familjen samma vecka och berättar om stödet. Sara tar över ärendet "
            "när familjen har hört av sig till socialtjänsten.",
            "sv",
            [
                ["Kim ringer familjen samma vecka", "och berättar om stödet."],
                ["Sara tar över ärendet när familjen", "har hört av sig till socialtjänsten."],
            ],
        ),
        # The editor's line break, even where the text would fit one line.
        ("Ring familjen | samma vecka.", "sv", [["Ring familjen", "samma vecka."]]),
        # The editor's cue break.
        ("Kim ringer. || Sara skriver.", "sv", [["Kim ringer."], ["Sara skriver."]]),
    ],
)
def test_a_caption_breaks_at_the_strongest_boundary_that_fits(text, language, expected):
    assert caption_cues(text, language) == expected


def test_the_break_marks_are_not_spoken():
    assert (
        spoken("Ring familjen | samma vecka. || Sara skriver.") == "Ring familjen samma vecka. Sara skriver."
    )


def test_a_word_longer_than_a_line_is_refused():
    with pytest.raises(CaptionLineError, match="longer than a caption line"):
        caption_cues("Vräkningsförebyggandesamverkansöverenskommelsedokumentet", "sv")
