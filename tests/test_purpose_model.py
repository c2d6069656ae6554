"""The sole-purpose wording models: what they read, where they come from, and how a broken one is reported."""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

from composer.checker import check
from composer.loader import load_rules
from composer.purpose_model import PurposeModel, features, models_dir

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from train_purpose_model import HELD_OUT  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "de", "fr", "it", "es", "ja")


def test_features_fold_numbers_and_order_ids_so_no_single_order_is_learnt():
    found = features("Order 112-1234567-1234567 ships on 14 March.", "en")
    assert {"ordid", "ships on", "0"} <= found
    assert not any("1234567" in f for f in found)


def test_japanese_is_read_in_character_pairs_and_triples():
    found = features("ご注文ありがとう", "ja")
    assert {"ご注", "注文", "ありが", "がとう"} <= found


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_model_was_trained_on_the_current_corpora_and_never_on_the_held_out_exam(language):
    data = json.loads((models_dir() / f"purpose-{language}.json").read_text(encoding="utf-8"))
    trained_on = data["meta"]["trained_on"]
    assert trained_on, "the model names the files it was trained on"
    for name, digest in trained_on.items():
        assert Path(name).parent.name not in HELD_OUT, "the newest exam measures the finished checker; it stays unseen"
        current = hashlib.sha256((ROOT / name).read_bytes()).hexdigest()
        assert current == digest, f"{name} changed since the model was trained: run benchmarks/train_purpose_model.py"


@pytest.mark.parametrize("language", LANGUAGES)
def test_shipped_model_scores_sole_purpose_above_a_real_problem(language):
    model = PurposeModel.from_file(models_dir() / f"purpose-{language}.json")
    rule = load_rules(ROOT / "rules").rules[("" if language == "en" else f"{language}.") + "purpose.sole-purpose-model"]
    [thanks] = rule.examples["bad"]
    [problem] = rule.examples["good"]
    assert model.probability(thanks) > model.threshold > model.probability(problem)


def test_finding_is_message_level_and_says_how_sure_the_model_is():
    findings = check(
        "Thank you so much for your order 112-4455667-8899001! We truly hope you enjoy your new reading lamp.\n\nWarm wishes,\nLumen & Co.",
        locale="en_US",
    ).findings
    [finding] = [f for f in findings if f.rule == "purpose.sole-purpose-model"]
    assert finding.scope == "message" and finding.severity == "error"
    assert "% sure" in finding.message


RULE = """\
kind: detector
detector: purpose_model
options: {model: MODEL}
message: "Sole purpose"
severity: error
category: message-purpose
why: Amazon forbids it.
fix: Do not send it.
evidence: {source: "[T4]", level: A}
examples: {bad: [], good: []}
"""


def test_unknown_model_is_a_load_error_naming_the_file_and_the_known_models(tmp_path):
    (tmp_path / "p.yaml").write_text(RULE.replace("MODEL", "xx"), encoding="utf-8")
    ruleset = load_rules(tmp_path)
    [error] = ruleset.errors
    assert "p.yaml" in str(error) and "'xx'" in str(error) and "de" in str(error)
    assert ruleset.rules == {}


def test_broken_model_file_is_reported_with_its_path(tmp_path):
    broken = tmp_path / "purpose-zz.json"
    broken.write_text('{"language": "zz", "weights": ', encoding="utf-8")
    with pytest.raises(ValueError, match="purpose-zz.json"):
        PurposeModel.from_file(broken)


def test_model_skips_pastes_far_over_amazons_limit_which_the_length_rule_blocks_anyway():
    thanks = "Thank you so much for your order 112-4455667-8899001! We truly hope you enjoy your new lamp. "
    report = check(thanks * 60, locale="en_US")
    assert not [f for f in report.findings if f.rule == "purpose.sole-purpose-model"]
    assert report.verdict == "block"
