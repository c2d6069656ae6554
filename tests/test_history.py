"""Tests for composer.history: recording exports, searching, and the once-per-order review rule."""
from datetime import date, datetime, timedelta, timezone

import pytest

from composer.context import EarlierMessage
from composer.history import History, RepeatRequestError

ORDER = "112-1234567-1234567"
OTHER = "113-7654321-7654321"


@pytest.fixture
def history(tmp_path):
    return History(tmp_path / "history.sqlite3")


def test_record_and_count(history):
    history.record(ORDER, "shipment_delay_notice", "Your order is delayed.")
    history.record(ORDER, "request_order_info", "Which colour?")
    assert history.count_for(ORDER) == 2
    assert history.count_for(ORDER, "shipment_delay_notice") == 1
    assert history.count_for(OTHER) == 0


def test_second_review_request_for_same_order_is_refused(history):
    history.record(ORDER, "review_feedback_request", "We'd appreciate your honest review.")
    assert history.refusal(ORDER, "review_feedback_request")
    with pytest.raises(RepeatRequestError, match="already"):
        history.record(ORDER, "review_feedback_request", "Reminder: please review.")
    assert history.count_for(ORDER, "review_feedback_request") == 1


def test_review_request_for_another_order_is_allowed(history):
    history.record(ORDER, "review_feedback_request", "Honest review?")
    assert history.refusal(OTHER, "review_feedback_request") is None
    history.record(OTHER, "review_feedback_request", "Honest review?")
    assert history.count_for(OTHER) == 1


def test_order_id_whitespace_does_not_dodge_the_rule(history):
    history.record(f"  {ORDER} ", "review_feedback_request", "Honest review?")
    with pytest.raises(RepeatRequestError):
        history.record(ORDER, "review_feedback_request", "Again")


def test_other_reasons_may_repeat(history):
    history.record(ORDER, "shipment_delay_notice", "one")
    assert history.refusal(ORDER, "shipment_delay_notice") is None
    history.record(ORDER, "shipment_delay_notice", "two")
    assert history.count_for(ORDER, "shipment_delay_notice") == 2


def test_search_matches_order_reason_and_text_newest_first(history):
    t0 = datetime(2026, 1, 1, tzinfo=timezone.utc)
    history.record(ORDER, "shipment_delay_notice", "Parcel is late", t0)
    history.record(OTHER, "verify_custom_design", "Engraving says ANNA", t0 + timedelta(days=1))
    assert [e.order_id for e in history.search()] == [OTHER, ORDER]
    assert [e.order_id for e in history.search("engraving")] == [OTHER]
    assert [e.order_id for e in history.search("112-1234")] == [ORDER]
    assert [e.reason for e in history.search("delay")] == ["shipment_delay_notice"]


def test_search_treats_like_wildcards_literally(history):
    history.record(ORDER, "reply_to_buyer", "100% refunded")
    history.record(OTHER, "reply_to_buyer", "refunded in full")
    assert [e.order_id for e in history.search("100%")] == [ORDER]
    assert history.search("1_0") == []  # "_" is not a one-character wildcard


def test_earlier_messages_feed_the_policy(history):
    history.record(ORDER, "shipment_delay_notice", "late", datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))
    history.record(ORDER, "review_feedback_request", "review?", datetime(2026, 3, 9, tzinfo=timezone.utc))
    history.record(OTHER, "reply_to_buyer", "hi")
    assert history.earlier_messages(ORDER) == (
        EarlierMessage("shipment_delay_notice", date(2026, 3, 2)),
        EarlierMessage("review_feedback_request", date(2026, 3, 9)),
    )
    assert history.earlier_messages("") == ()


def test_history_persists_across_instances(tmp_path):
    History(tmp_path / "h.sqlite3").record(ORDER, "reply_to_buyer", "kept")
    entries = History(tmp_path / "h.sqlite3").search()
    assert [(e.order_id, e.text) for e in entries] == [(ORDER, "kept")]
    assert entries[0].sent_at.tzinfo is not None


def test_default_location_is_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SELLER_COMPOSER_HOME", str(tmp_path))
    History().record(ORDER, "reply_to_buyer", "x")
    assert (tmp_path / "history.sqlite3").is_file()
