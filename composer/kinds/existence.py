"""existence: flag every occurrence of any token or pattern, unless a listed phrase comes just before."""
from __future__ import annotations

from composer.kinds._common import SpecError, matcher_from, positive_int, string_list
from composer.patterns import Matcher

KEYS = {"tokens": False, "patterns": False, "unless_after": False, "unless_within": False}


def build(spec: dict):
    from composer.kinds import Hit

    matcher = matcher_from(spec)
    negations = string_list(spec, "unless_after")
    within = positive_int(spec, "unless_within", 4)
    if "unless_within" in spec and not negations:
        raise SpecError("'unless_within' needs 'unless_after'", "unless_within")
    before = Matcher(negations) if negations else None

    def excused(doc, start: int, negation_spans) -> bool:
        # "You do not need to request a cancellation": a negation shortly before, same sentence.
        for n_start, n_end in negation_spans:
            if n_end <= start and not doc.sentence_breaks(n_end, start) and doc.count_words(n_end, start) <= within:
                return True
        return False

    def find(doc, reason):
        spans = matcher.spans(doc)
        if not spans:
            return []
        negation_spans = before.spans(doc) if before else ()
        return [Hit(s, e) for s, e in spans if not (negation_spans and excused(doc, s, negation_spans))]

    return find
