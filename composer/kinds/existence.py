"""existence: flag every occurrence of any token or pattern."""
from __future__ import annotations

from composer.kinds._common import matcher_from

KEYS = {"tokens": False, "patterns": False}


def build(spec: dict):
    from composer.kinds import Hit

    matcher = matcher_from(spec)

    def find(doc, reason):
        return [Hit(s, e) for s, e in matcher.spans(doc)]

    return find
