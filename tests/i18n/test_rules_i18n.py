"""Each language's rule folder: the right locale on every rule, every family covered, critical notices mirrored."""
from __future__ import annotations

import pytest

from composer.loader import load_rules
from composer.resources import rules_dir

RULES = load_rules(rules_dir())
LANGUAGES = ("de", "fr", "it", "es", "ja")
FAMILIES = ("marketing", "review", "offamazon", "optout", "cancel", "personal", "purpose", "objectionable", "critical")


@pytest.mark.parametrize("language", LANGUAGES)
def test_rules_in_a_language_folder_carry_its_locale(language):
    own = [r for r in RULES if r.id.startswith(language + ".")]
    assert own
    assert [r.id for r in own if r.locale != language] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_family_has_rules_in_the_language(language):
    families = {r.id.split(".")[1] for r in RULES if r.id.startswith(language + ".")}
    assert set(FAMILIES) <= families


@pytest.mark.parametrize("language", LANGUAGES)
def test_review_manipulation_forms_are_covered(language):
    ids = {r.id for r in RULES}
    for form in ("positive", "incentive", "gating", "change-removal", "feedback-pressure", "reminder"):
        assert f"{language}.review.{form}" in ids


@pytest.mark.parametrize("language", LANGUAGES)
def test_critical_requirements_mirror_the_english_ones(language):
    english = {r.id.split(".", 1)[1]: r for r in RULES if r.id.startswith("critical.") and r.kind == "requires"}
    assert english
    for name, rule in english.items():
        localised = RULES.rules.get(f"{language}.critical.{name}")
        assert localised is not None, f"{language} lacks critical.{name}"
        assert localised.kind == "requires"
        assert set(localised.applies_to) == set(rule.applies_to), name
