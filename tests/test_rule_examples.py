"""Every shipped rule's examples are its tests: bad ones flagged, good ones not, both present."""
from __future__ import annotations

import pytest

from composer.cli.rules import example_failures
from composer.loader import load_rules
from composer.resources import rules_dir

RULESET = load_rules(rules_dir())


def test_shipped_rules_load_without_errors():
    assert [str(e) for e in RULESET.errors] == []
    assert len(RULESET) > 0


@pytest.mark.parametrize("rule", list(RULESET), ids=lambda r: r.id)
def test_rule_examples(rule):
    assert example_failures(rule) == []
