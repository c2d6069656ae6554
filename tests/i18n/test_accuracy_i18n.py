"""Accuracy of each language's rules on its held-out corpus, checked in that language.

Same bar as English (tests/test_accuracy.py): block at least 95% of the messages labelled bad and at
most 5% of those labelled good. The corpora were written before the rules; do not relabel entries to
make the checker pass.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from composer import check_text

CORPUS_DIR = Path(__file__).parent.parent / "corpus"
LANGUAGES = ("de", "fr", "it", "es", "ja")
MIN_BAD_BLOCKED = 0.95
MAX_GOOD_BLOCKED = 0.05


def _entries(language: str, split: str = "holdout") -> list[dict]:
    return yaml.safe_load((CORPUS_DIR / language / f"{split}.yaml").read_text(encoding="utf-8"))


def _describe(entry: dict, report) -> str:
    lines = [f"- {entry['id']} ({entry['label']}, {entry['violation']}) -> {report.verdict}"]
    lines += [f"    [{f.severity}] {f.rule}: {f.message}" for f in report.findings]
    return "\n".join(lines)


def measure(language: str, split: str = "holdout") -> tuple[float, float, list[str]]:
    """(share of bad blocked, share of good blocked, descriptions of the misclassified)."""
    entries = _entries(language, split)
    wrong, bad_blocked, good_blocked = [], 0, 0
    for entry in entries:
        report = check_text(entry["text"], reason=entry["reason"], locale=language)
        blocked = report.verdict == "block"
        if entry["label"] == "bad":
            bad_blocked += blocked
        else:
            good_blocked += blocked
        if blocked != (entry["label"] == "bad"):
            wrong.append(_describe(entry, report))
    n_bad = sum(e["label"] == "bad" for e in entries)
    n_good = len(entries) - n_bad
    return bad_blocked / n_bad, good_blocked / n_good, wrong


@pytest.mark.parametrize("split", ["holdout", "dev"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_accuracy_bar_per_language(language, split):
    caught, false_alarms, wrong = measure(language, split)
    summary = f"{language}/{split}: bad blocked {caught:.1%} (need >= 95%), good blocked {false_alarms:.1%} (need <= 5%)"
    print(summary)
    assert caught >= MIN_BAD_BLOCKED and false_alarms <= MAX_GOOD_BLOCKED, "\n".join([summary, *wrong])


@pytest.mark.parametrize("language", LANGUAGES)
def test_corpus_covers_the_violation_families(language):
    violations = {e["violation"] for e in _entries(language) if e["label"] == "bad"}
    for family in ("marketing-promo", "review-incentive", "positive-review-request", "review-gating",
                   "review-change-or-removal", "feedback-pressure", "off-amazon-diversion", "opt-out-link",
                   "ask-buyer-to-cancel", "personal-data-request", "thank-you-only", "here-to-help-only"):
        assert family in violations, f"{language} corpus has no {family} message"
