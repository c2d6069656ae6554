"""Message policy: timing windows, once per order, order id, length limits and the buyer's language."""
from __future__ import annotations

import sys
import types
from datetime import date, timedelta

import pytest

from composer import check_text
from composer.context import Context, EarlierMessage
from composer.policy import policy_findings
from composer.reasons import get_reason

ORDER = "112-1234567-1234567"
TEXT = f"Your order {ORDER} will arrive later than we promised, due to a delay at the carrier."
ORDERED = date(2026, 5, 1)


def rules_of(findings) -> set[str]:
    return {f.rule for f in findings}


def policy(text=TEXT, reason="shipment_delay_notice", locale="en", **context):
    return policy_findings(text, reason=get_reason(reason) if reason else None, locale=locale,
                           context=Context(**context))


@pytest.fixture
def no_detector(monkeypatch):
    """Language detection unavailable: the policy falls back to the declared language."""
    monkeypatch.setitem(sys.modules, "composer.language", None)


@pytest.fixture
def detector(monkeypatch):
    """A stand-in composer.language whose answer each test sets."""
    module = types.ModuleType("composer.language")
    module.answer = ("en", 0.99)
    module.detect_language = lambda text: module.answer
    monkeypatch.setitem(sys.modules, "composer.language", module)
    return module


@pytest.mark.parametrize("days, late", [(0, False), (30, False), (31, True), (90, True)])
def test_proactive_messages_only_within_30_days(days, late):
    findings = policy(order_date=ORDERED, today=ORDERED + timedelta(days=days))
    assert ("policy.timing.proactive-window" in rules_of(findings)) == late
    if late:
        finding = next(f for f in findings if f.rule == "policy.timing.proactive-window")
        assert finding.category == "timing" and finding.severity == "error" and finding.scope == "message"
        assert "2026-05-31" in finding.message and "reply" in finding.fix_hint


def test_the_window_counts_from_delivery_when_known():
    findings = policy(order_date=ORDERED, delivery_date=ORDERED + timedelta(days=10),
                      today=ORDERED + timedelta(days=35))
    assert "policy.timing.proactive-window" not in rules_of(findings)


def test_replies_have_no_window():
    findings = policy(reason="reply_to_buyer", text="The cable is 2 metres long.", order_date=ORDERED,
                      today=ORDERED + timedelta(days=200))
    assert findings == []


@pytest.mark.parametrize("days, problem", [(4, "Too early"), (5, None), (30, None), (31, "Too late")])
def test_review_requests_from_5_to_30_days_after_delivery(days, problem):
    delivered = date(2026, 5, 10)
    findings = [f for f in policy(reason="review_feedback_request", delivery_date=delivered,
                                  today=delivered + timedelta(days=days)) if f.rule == "policy.timing.review-window"]
    if problem is None:
        assert findings == []
    else:
        assert len(findings) == 1 and findings[0].message.startswith(problem)
        assert findings[0].category == "timing"


def test_review_request_only_once_per_order():
    earlier = (EarlierMessage("shipment_delay_notice", date(2026, 5, 2)),)
    assert "policy.timing.repeat-review" not in rules_of(
        policy(reason="review_feedback_request", earlier_messages=earlier, today=date(2026, 5, 20)))
    earlier += (EarlierMessage("review_feedback_request", date(2026, 5, 16)),)
    findings = policy(reason="review_feedback_request", earlier_messages=earlier, today=date(2026, 5, 20))
    repeat = [f for f in findings if f.rule == "policy.timing.repeat-review"]
    assert len(repeat) == 1 and "2026-05-16" in repeat[0].message and repeat[0].severity == "error"


def test_proactive_message_needs_the_order_id():
    findings = policy(text="Your order will arrive later than we promised, due to a delay at the carrier.")
    missing = [f for f in findings if f.rule == "policy.order-id.missing"]
    assert len(missing) == 1 and missing[0].category == "order-id" and missing[0].severity == "error"
    assert "112-1234567-1234567" in missing[0].fix_hint
    assert "policy.order-id.missing" not in rules_of(policy())


def test_full_width_order_id_still_counts():
    assert "policy.order-id.missing" not in rules_of(policy(text="Order １１２-１２３４５６７-１２３４５６７ is late."))


def test_a_reply_needs_no_order_id():
    assert policy(reason="reply_to_buyer", text="The cable is 2 metres long.") == []


def test_a_different_order_id_is_flagged_where_it_is():
    other = "113-7654321-7654321"
    text = f"Your order {other} is late."
    findings = [f for f in policy(text=text, order_id=ORDER) if f.rule == "policy.order-id.mismatch"]
    assert len(findings) == 1
    assert text[findings[0].start:findings[0].end] == other and findings[0].scope == "span"
    assert "policy.order-id.mismatch" not in rules_of(policy(order_id=ORDER))
    assert "policy.order-id.mismatch" not in rules_of(policy(order_id=ORDER.replace("-", "")))
    typed = [f for f in policy(text=text, order_id=" 112 1234567 1234567") if f.rule == "policy.order-id.mismatch"]
    assert typed and ORDER in typed[0].message


@pytest.mark.parametrize("reason, limit", [("verify_custom_design", 800), ("digital_access_key", 400),
                                           ("resolve_fulfillment_issue", 2000)])
def test_text_within_the_spapi_limit(reason, limit):
    head = f"Order {ORDER}. "
    fits = head + "x" * (limit - len(head))
    assert "policy.length.spapi" not in rules_of(policy(text=fits, reason=reason))
    findings = [f for f in policy(text=fits + "y", reason=reason) if f.rule == "policy.length.spapi"]
    assert len(findings) == 1 and findings[0].category == "length" and findings[0].severity == "error"
    assert f"at most {limit}" in findings[0].message and "by 1 characters" in findings[0].fix_hint


def test_free_text_reasons_warn_past_2000_characters():
    text = f"Order {ORDER}. " + "x" * 2000
    findings = [f for f in policy(text=text, reason="return_question") if f.category == "length"]
    assert [f.severity for f in findings] == ["warning"]


def test_no_reason_means_no_reason_rules():
    assert policy(text="hello", reason=None, order_date=ORDERED, today=ORDERED + timedelta(days=99)) == []


def test_declared_language_differs_from_the_buyers(no_detector):
    findings = policy(buyer_locale="de-DE")
    language = [f for f in findings if f.rule == "policy.language"]
    assert len(language) == 1 and language[0].category == "language" and language[0].severity == "warning"
    assert "English" in language[0].message and "German" in language[0].message
    assert "--locale de" in language[0].fix_hint
    assert policy(buyer_locale="en-GB") == []


def test_detected_language_wins_over_the_declared_one(detector):
    detector.answer = ("de", 0.97)
    german = "Ihre Bestellung 112-1234567-1234567 kommt wegen einer Verzögerung beim Versanddienst später an."
    assert policy(text=german, buyer_locale="de-DE") == []
    findings = policy(text=german, buyer_locale="en-US")
    assert rules_of(findings) == {"policy.language"} and "appears to be German" in findings[0].message


def test_uncertain_detection_falls_back_to_the_declared_language(detector):
    detector.answer = ("fr", 0.4)
    assert policy(buyer_locale="en-US") == []


def test_wrong_language_in_a_reply_is_a_warning(no_detector):
    findings = policy(reason="reply_to_buyer", text="The cable is 2 metres long.", buyer_locale="es-US")
    assert [(f.rule, f.severity) for f in findings] == [("policy.language", "warning")]


def test_marketplace_default_language_is_the_target_without_a_buyer_locale(no_detector):
    assert "policy.language" in rules_of(policy(marketplace="FR"))
    assert "policy.language" not in rules_of(policy(marketplace="UK"))


def test_no_target_language_means_no_language_finding(detector):
    detector.answer = ("ja", 0.99)
    assert "policy.language" not in rules_of(policy())


def test_policy_accepts_a_reason_id_too():
    by_id = policy_findings(TEXT, reason="review_feedback_request", locale="en",
                            context=Context(earlier_messages=(EarlierMessage("review_feedback_request", ORDERED),)))
    assert "policy.timing.repeat-review" in rules_of(by_id)


def test_check_text_adds_policy_findings_to_the_report(no_detector):
    context = Context(order_date=ORDERED, today=ORDERED + timedelta(days=45), buyer_locale="en-US")
    report = check_text("Your parcel is late.", reason="shipment_delay_notice", context=context)
    categories = {f.category for f in report.errors}
    assert {"timing", "order-id", "critical-notice"} <= categories
    assert report.verdict == "block"
