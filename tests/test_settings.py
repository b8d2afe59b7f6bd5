"""
The settings in mkdocs.yml: read as the editor meant them, and shown in the
pages exactly as written.
"""

from __future__ import annotations

import pytest

from site_build import assert_build_fails


@pytest.mark.parametrize("fixture, expected", [
    ("extra-values-misread", [
        "mkdocs.yml:5: extra.organisation.name.sv is no, which YAML reads as true or false, not as text"
        " – put it in quotes: sv: \"no\"",
        "mkdocs.yml:7: extra.organisation.phone is 0701234567, which YAML reads as a number, not as text"
        " – put it in quotes: phone: \"0701234567\"",
        "mkdocs.yml:9: extra.organisation.address.sv is empty – write its text after the colon, in quotes",
        "mkdocs.yml:12: extra.accessibility.assessed is 2026-11-25, which YAML reads as a date, not as text"
        " – put it in quotes: assessed: \"2026-11-25\"",
        "mkdocs.yml:13: extra.accessibility.updated is 1.10, which YAML reads as a number, not as text"
        " – put it in quotes: updated: \"1.10\"",
        "mkdocs.yml:15: extra.survey.version is empty – give it a value",
        "mkdocs.yml:16: extra.survey.hide_days is '90', not a whole number – write one without quotes",
        "mkdocs.yml:17: extra.survey.enabled is 'nej', not true or false – write enabled: true or enabled: false",
        "mkdocs.yml:20: the name no under extra.text.survey is read as true or false – put it in quotes: \"no\":",
    ]),
    ("extra-addresses-malformed", [
        "mkdocs.yml:4: extra.organisation.email is 'registrator(at)myndigheten.se', which is not an e-mail"
        " address – write it as name@myndigheten.se",
        "mkdocs.yml:7: extra.survey.url.sv is 'https://enkat.myndigheten.se/vräkningar sv', which is not a web"
        " address – write it whole, starting with https://, with no spaces or quotes",
        "mkdocs.yml:8: extra.survey.url.en is 'https://enkat.myndigheten.se/en\" onmouseover=\"alert(1)', which",
    ]),
])
def test_a_setting_read_as_something_else_fails_with_its_line(tmp_path, fixture, expected):
    assert_build_fails(fixture, tmp_path, expected)
