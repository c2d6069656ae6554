"""existence: flag every occurrence of any token or pattern, unless a listed phrase comes just before."""
from __future__ import annotations

from composer.kinds._common import matcher_from, negation_guard

KEYS = {"tokens": False, "patterns": False, "unless_after": False, "unless_followed_by": False, "unless_within": False}


def build(spec: dict):
    from composer.kinds import Hit

    matcher = matcher_from(spec)
    guard = negation_guard(spec)

    def find(doc, reason):
        spans = matcher.spans(doc)
        if not spans:
            return []
        if guard is None:
            return [Hit(s, e) for s, e in spans]
        negated = guard(doc)
        return [Hit(s, e) for s, e in spans if not negated(s, e)]

    return find
