"""Strict rule loading: each problem names file and line, and a broken file never stops the others."""
from __future__ import annotations

import textwrap

from composer.checker import check
from composer.loader import load_rules

GOOD_RULE = """\
kind: existence
tokens: [coupon code]
message: "Coupon: {match}"
severity: error
category: marketing
why: Marketing is forbidden.
fix: Remove it.
evidence: {source: "[S1]", level: A}
examples:
  bad: ["Use coupon code X"]
  good: ["Your refund is done"]
"""


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_rule_id_comes_from_folder_and_file_name(tmp_path):
    write(tmp_path, "marketing/coupon.yaml", GOOD_RULE)
    ruleset = load_rules(tmp_path)
    assert ruleset.errors == []
    assert list(ruleset.rules) == ["marketing.coupon"]


def test_unknown_key_is_reported_with_its_line_and_others_still_load(tmp_path):
    write(tmp_path, "a/good.yaml", GOOD_RULE)
    write(tmp_path, "a/bad.yaml", GOOD_RULE.replace("fix: Remove it.", "fix: Remove it.\nsevirity: error"))
    ruleset = load_rules(tmp_path)
    assert "a.good" in ruleset.rules and "a.bad" not in ruleset.rules
    [error] = ruleset.errors
    assert error.path.endswith("bad.yaml")
    assert error.line == 8
    assert "sevirity" in error.message


def test_bad_kind_severity_category_and_regex_each_named(tmp_path):
    write(tmp_path, "kind.yaml", GOOD_RULE.replace("kind: existence", "kind: exists"))
    write(tmp_path, "sev.yaml", GOOD_RULE.replace("severity: error", "severity: fatal"))
    write(tmp_path, "cat.yaml", GOOD_RULE.replace("category: marketing", "category: promo"))
    write(tmp_path, "regex.yaml", GOOD_RULE.replace("tokens: [coupon code]", "patterns: ['(?<=x)y']"))
    write(tmp_path, "yaml.yaml", "kind: [unclosed\n")
    write(tmp_path, "notes.txt", "hello")
    errors = {e.path.rsplit("/", 1)[-1]: e for e in load_rules(tmp_path).errors}
    assert "unknown kind 'exists'" in errors["kind.yaml"].message and errors["kind.yaml"].line == 1
    assert "severity must be one of" in errors["sev.yaml"].message and errors["sev.yaml"].line == 4
    assert "unknown category 'promo'" in errors["cat.yaml"].message and errors["cat.yaml"].line == 5
    assert "RE2" in errors["regex.yaml"].message and errors["regex.yaml"].line == 2
    assert "not valid YAML" in errors["yaml.yaml"].message
    assert "end in .yaml" in errors["notes.txt"].message


def test_missing_required_keys_are_listed(tmp_path):
    write(tmp_path, "r.yaml", "kind: existence\ntokens: [x]\n")
    messages = " ".join(e.message for e in load_rules(tmp_path).errors)
    for key in ("message", "severity", "category", "why", "fix", "evidence", "examples"):
        assert f"missing required key '{key}'" in messages


def test_later_folder_overrides_rule_with_same_id(tmp_path):
    write(tmp_path / "shipped", "m/coupon.yaml", GOOD_RULE)
    write(tmp_path / "user", "m/coupon.yaml", GOOD_RULE.replace("severity: error", "severity: warning"))
    ruleset = load_rules(tmp_path / "shipped", tmp_path / "user")
    assert ruleset.rules["m.coupon"].severity == "warning"
    report = check("Use coupon code X", rules=ruleset)
    assert report.verdict == "approve" and report.findings[0].severity == "warning"


def test_unknown_detector_option_is_an_error(tmp_path):
    rule = GOOD_RULE.replace("kind: existence\ntokens: [coupon code]", "kind: detector\ndetector: url\noptions: {allow: [x]}")
    write(tmp_path, "u.yaml", rule)
    [error] = load_rules(tmp_path).errors
    assert "unknown option(s) allow" in error.message and error.line == 3


def test_existence_unless_after_excuses_negated_matches(tmp_path):
    rule = GOOD_RULE.replace("tokens: [coupon code]", "tokens: [request a cancellation]\nunless_after: [do not need to]")
    write(tmp_path, "c.yaml", rule)
    ruleset = load_rules(tmp_path)
    assert ruleset.errors == []
    assert check("You do not need to request a cancellation.", rules=ruleset).findings == ()
    assert check("Please request a cancellation.", rules=ruleset).verdict == "block"
    # the negation must be close and in the same sentence
    assert check("You do not need to worry. Please request a cancellation.", rules=ruleset).verdict == "block"


def test_a_negation_holding_the_whole_match_excuses_it(tmp_path):
    # The negation list holds "aucun cadeau"; the rule's token is "cadeau". They share a word.
    rule = GOOD_RULE.replace("tokens: [coupon code]", "tokens: [cadeau]\nunless_after: [aucun cadeau]")
    write(tmp_path, "c.yaml", rule)
    ruleset = load_rules(tmp_path)
    assert check("Nous n'offrons aucun cadeau contre un avis.", rules=ruleset).findings == ()
    assert check("Un cadeau pour votre avis !", rules=ruleset).verdict == "block"


def test_a_token_ending_in_an_apostrophe_matches_before_the_next_word(tmp_path):
    rule = GOOD_RULE.replace("tokens: [coupon code]", "tokens: [\"carte d'\"]")
    write(tmp_path, "c.yaml", rule)
    ruleset = load_rules(tmp_path)
    assert check("Envoyez une copie de votre carte d'identité.", rules=ruleset).verdict == "block"
    assert check("Votre carte cadeau Amazon.", rules=ruleset).findings == ()


PROXIMITY_RULE = GOOD_RULE.replace(
    "kind: existence\ntokens: [coupon code]",
    "kind: proximity\nfirst: [stars]\nsecond: [adjust]\nwithin: 6",
)


def test_proximity_stays_in_one_sentence_unless_told(tmp_path):
    text = "You gave us two stars. Would you adjust that?"
    write(tmp_path / "one", "p.yaml", PROXIMITY_RULE)
    write(tmp_path / "two", "p.yaml", PROXIMITY_RULE.replace("within: 6", "within: 6\nsentences: 2"))
    assert check(text, rules=load_rules(tmp_path / "one")).findings == ()
    assert check(text, rules=load_rules(tmp_path / "two")).verdict == "block"
    # still bounded by words
    far = "You gave us two stars. We hope the rest of the long week goes well and then adjust."
    assert check(far, rules=load_rules(tmp_path / "two")).findings == ()


def test_proximity_unless_after_excuses_a_negated_pair(tmp_path):
    rule = PROXIMITY_RULE.replace("within: 6", "within: 6\nunless_after: [cannot, neither]")
    write(tmp_path, "p.yaml", rule)
    rules = load_rules(tmp_path)
    assert rules.errors == []
    # negation before the pair, and negation between its two words
    assert check("Sellers cannot adjust stars.", rules=rules).findings == ()
    assert check("The stars we can neither adjust nor hide.", rules=rules).findings == ()
    assert check("Could you adjust the stars?", rules=rules).verdict == "block"
    # a negation in an earlier sentence does not excuse the request
    assert check("We cannot wait. Could you adjust the stars?", rules=rules).verdict == "block"


def test_a_negation_that_follows_excuses_a_match(tmp_path):
    rule = PROXIMITY_RULE.replace("first: [stars]\nsecond: [adjust]", "first: [レビュー]\nsecond: [削除]").replace(
        "within: 6", "within: 12\nunless_followed_by: [できかねます]\nunless_within: 8")
    write(tmp_path, "p.yaml", rule)
    rules = load_rules(tmp_path)
    assert rules.errors == []
    assert check("出品者はレビューの削除はできかねます。", rules=rules, locale="ja").findings == ()
    assert check("レビューを削除してください。", rules=rules, locale="ja").verdict == "block"
    # the negation must be in the same sentence
    assert check("レビューを削除してください。返品はできかねます。", rules=rules, locale="ja").verdict == "block"


def test_overlapping_findings_of_one_category_are_listed_once(tmp_path):
    write(tmp_path, "a/coupon.yaml", GOOD_RULE)
    write(tmp_path, "a/code.yaml", GOOD_RULE.replace("tokens: [coupon code]", "tokens: [code X]"))
    write(tmp_path, "b/code.yaml", GOOD_RULE.replace("tokens: [coupon code]", "tokens: [code X]").replace(
        "category: marketing", "category: contact-info"))
    report = check("Use coupon code X today, and coupon code X again.", rules=load_rules(tmp_path))
    # one marketing finding per phrase, but the other category keeps its own
    assert [(f.rule, f.start) for f in report.findings] == [
        ("a.coupon", 4), ("b.code", 11), ("a.coupon", 29), ("b.code", 36),
    ]


def test_shared_word_lists_are_named_with_an_at_sign_and_nearest_folder_wins(tmp_path):
    write(tmp_path, "_lists.yaml", "negation: [never]\nreward: [gift card]\n")
    write(tmp_path, "de/_lists.yaml", "negation: [keine Möglichkeit, weder]\n")
    rule = GOOD_RULE.replace("tokens: [coupon code]", "tokens: ['@reward', voucher]\nunless_after: ['@negation']")
    write(tmp_path, "top.yaml", rule)
    write(tmp_path, "de/inner.yaml", rule)
    rules = load_rules(tmp_path)
    assert rules.errors == []
    assert check("We have a gift card for you.", rules=rules).verdict == "block"
    # each rule is excused by its own folder's @negation list only
    assert [f.rule for f in check("We will never send a voucher.", rules=rules).findings] == ["de.inner"]
    assert [f.rule for f in check("Wir haben keine Möglichkeit, voucher.", rules=rules).findings] == ["top"]


def test_an_unknown_word_list_is_an_error_with_its_line(tmp_path):
    write(tmp_path, "a.yaml", GOOD_RULE.replace("tokens: [coupon code]", "tokens: ['@nope']"))
    write(tmp_path, "_lists.yaml", "- not a mapping\n")
    errors = {e.path.rsplit("/", 1)[-1]: e for e in load_rules(tmp_path).errors}
    assert "unknown word list '@nope'" in errors["a.yaml"].message and errors["a.yaml"].line == 2
    assert "maps names to lists" in errors["_lists.yaml"].message
