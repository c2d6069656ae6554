"""occurrence: too many (max) or too few (min) matches of the tokens or patterns."""
from __future__ import annotations

from composer.kinds._common import SpecError, matcher_from, positive_int

KEYS = {"tokens": False, "patterns": False, "max": False, "min": False}


def build(spec: dict):
    from composer.kinds import Hit

    matcher = matcher_from(spec)
    most, least = positive_int(spec, "max"), positive_int(spec, "min")
    if most is None and least is None:
        raise SpecError("needs 'max' or 'min'", "kind")

    def find(doc, reason):
        spans = matcher.spans(doc)
        hits = []
        if most is not None and len(spans) > most:
            hits.extend(Hit(s, e) for s, e in spans[most:])
        if least is not None and len(spans) < least:
            hits.append(Hit(0, 0, scope="message"))
        return hits

    return find
