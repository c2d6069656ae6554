"""Shared fixtures: every test gets its own user-data folder; Qt runs headless."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    """No test touches the real user's drafts, history, settings or rules."""
    home = tmp_path / "user-data"
    home.mkdir()
    monkeypatch.setenv("SELLER_COMPOSER_HOME", str(home))
    return home
