"""Locate the shipped data folders (rules/, templates/, assets/) and the user's data folders."""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent


def _shipped(name: str) -> Path:
    # In a wheel the folders sit inside the package as composer/_data/<name>; in a source
    # checkout (and an editable install) they are top-level folders beside composer/.
    packaged = Path(str(resources.files("composer"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    return _REPO_ROOT / name


def rules_dir() -> Path:
    return _shipped("rules")


def templates_dir() -> Path:
    return _shipped("templates")


def assets_dir() -> Path:
    return _shipped("assets")


def user_data_dir() -> Path:
    """Drafts, history, settings and user rules. SELLER_COMPOSER_HOME overrides (tests use it)."""
    override = os.environ.get("SELLER_COMPOSER_HOME")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("seller-message-composer", appauthor=False))


def user_rules_dir() -> Path:
    return user_data_dir() / "rules"
