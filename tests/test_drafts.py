"""Tests for composer.drafts: atomic autosave and crash restore."""
import json
import os

import pytest

from composer.drafts import Draft, DraftStore, atomic_write_text


@pytest.fixture
def store(tmp_path):
    return DraftStore(tmp_path)


def test_round_trip(store):
    draft = Draft(text="Hello", reason="shipment_delay_notice", fields={"order_id": "112-1234567-1234567"},
                  marketplace="DE", locale="de", rendered="Hallo", order_dates={"delivery_date": "2026-06-01"})
    store.save(draft)
    loaded = store.load()
    assert (loaded.text, loaded.reason, loaded.fields, loaded.marketplace, loaded.locale, loaded.rendered) == (
        "Hello", "shipment_delay_notice", {"order_id": "112-1234567-1234567"}, "DE", "de", "Hallo")
    assert loaded.order_dates == {"delivery_date": "2026-06-01"}
    assert loaded.saved_at > 0


def test_autosaved_draft_counts_as_crashed_until_clean_close(store):
    store.save(Draft(text="typed before the crash"))
    assert store.crashed_draft().text == "typed before the crash"
    store.save(Draft(text="closed normally"), clean_exit=True)
    assert store.crashed_draft() is None
    assert store.load().text == "closed normally"


def test_empty_draft_is_not_offered(store):
    store.save(Draft(text="   \n"))
    assert store.crashed_draft() is None


def test_corrupt_or_missing_file_gives_none(store):
    assert store.load() is None
    store.path.write_text("{not json", encoding="utf-8")
    assert store.load() is None
    store.path.write_text("[1, 2]", encoding="utf-8")
    assert store.load() is None


def test_unknown_keys_are_ignored(store):
    store.path.write_text(json.dumps({"text": "hi", "from_the_future": 1}), encoding="utf-8")
    assert store.load().text == "hi"


def test_atomic_write_leaves_old_file_when_writing_fails(tmp_path, monkeypatch):
    target = tmp_path / "f.json"
    atomic_write_text(target, "old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]  # no temp file left behind


def test_clear(store):
    store.save(Draft(text="x"))
    store.clear()
    assert store.load() is None
    store.clear()  # clearing twice is fine


def test_default_location_is_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SELLER_COMPOSER_HOME", str(tmp_path / "home"))
    DraftStore().save(Draft(text="x"))
    assert (tmp_path / "home" / "draft.json").is_file()
