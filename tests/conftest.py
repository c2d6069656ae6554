"""Shared fixtures: every test gets its own user-data folder; Qt runs headless."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory, monkeypatch):
    """No test touches the real user's drafts, history, settings or rules (nor crowds tmp_path)."""
    home = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("SELLER_COMPOSER_HOME", str(home))
    return home
