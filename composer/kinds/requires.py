"""requires: the message must contain one of the tokens or patterns (a message-level finding)."""
from __future__ import annotations

from composer.kinds._common import matcher_from

KEYS = {"tokens": False, "patterns": False}


def build(spec: dict):
    from composer.kinds import Hit

    matcher = matcher_from(spec)

    def find(doc, reason):
        if matcher.search(doc):
            return []
        return [Hit(0, 0, scope="message")]

    return find
