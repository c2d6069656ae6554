"""Seller Message Composer: compose messages to Amazon buyers that Amazon will deliver.

The Python API: `check_text(text, *, reason=None, locale=None, context=None) -> Report`.
"""
from __future__ import annotations

from composer.context import Context, EarlierMessage
from composer.model import CATEGORIES, SEVERITIES, Finding, Fix, Report

__version__ = "0.1.0"
__all__ = ["check_text", "Context", "EarlierMessage", "Finding", "Fix", "Report", "CATEGORIES", "SEVERITIES"]


def check_text(text: str, *, reason: str | None = None, locale: str | None = None, context: Context | None = None) -> Report:
    """Check a message; `report.verdict` is "block" exactly when a finding is an error."""
    from composer.checker import check

    return check(text, reason=reason, locale=locale, context=context)
