"""detector: library-backed code (links, emails, phones, emoji, HTML...) configured by data."""
from __future__ import annotations

from composer.kinds._common import SpecError

KEYS = {"detector": True, "options": False}


def build(spec: dict):
    from composer.detectors import DETECTORS

    name = spec.get("detector")
    if name not in DETECTORS:
        raise SpecError(f"unknown detector {name!r}; known: {', '.join(sorted(DETECTORS))}", "detector")
    options = spec.get("options") or {}
    if not isinstance(options, dict):
        raise SpecError("'options' must be a mapping", "options")
    module = DETECTORS[name]
    unknown = sorted(set(options) - set(module.OPTIONS))
    if unknown:
        allowed = ", ".join(sorted(module.OPTIONS)) or "none"
        raise SpecError(f"unknown option(s) {', '.join(unknown)} for detector {name!r} (allowed: {allowed})", "options")
    try:
        return module.build(options)
    except (TypeError, ValueError) as exc:
        raise SpecError(f"detector {name!r}: {exc}", "options") from None
