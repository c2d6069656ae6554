"""Tests for composer.settings: remembered store name and default marketplace."""
import json

from composer.settings import Settings, SettingsStore


def test_defaults_when_nothing_saved(tmp_path):
    assert SettingsStore(tmp_path).load() == Settings()


def test_round_trip(tmp_path):
    SettingsStore(tmp_path).save(Settings(store_name="Acme Mugs", default_marketplace="DE"))
    loaded = SettingsStore(tmp_path).load()
    assert (loaded.store_name, loaded.default_marketplace) == ("Acme Mugs", "DE")


def test_bad_values_fall_back_to_defaults(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"store_name": 5, "default_marketplace": "UK"}))
    loaded = SettingsStore(tmp_path).load()
    assert (loaded.store_name, loaded.default_marketplace) == ("", "UK")


def test_corrupt_file_gives_defaults(tmp_path):
    (tmp_path / "settings.json").write_text("{{{")
    assert SettingsStore(tmp_path).load() == Settings()


def test_default_location_is_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SELLER_COMPOSER_HOME", str(tmp_path))
    SettingsStore().save(Settings(store_name="X"))
    assert json.loads((tmp_path / "settings.json").read_text())["store_name"] == "X"
