"""proximity: a word from `first` within N words of a word from `second`, in one sentence."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from composer.kinds._common import SpecError, negation_guard, positive_int
from composer.patterns import Matcher

KEYS = {
    "first": True, "second": True, "within": True, "order": False, "sentences": False,
    "unless_after": False, "unless_followed_by": False, "unless_within": False,
}


def build(spec: dict):
    from composer.kinds import Hit

    from composer.kinds._common import string_list

    first = Matcher(string_list(spec, "first"))
    second = Matcher(string_list(spec, "second"))
    if not first or not second:
        raise SpecError("'first' and 'second' need at least one token each", "first")
    within = positive_int(spec, "within")
    # 1: both words in one sentence; 2: also "You gave us two stars. Would you adjust that?"
    sentences = positive_int(spec, "sentences", 1)
    if sentences < 1:
        raise SpecError("'sentences' must be 1 or more", "sentences")
    guard = negation_guard(spec)  # "we can neither edit nor delete a review" is not a request
    order = spec.get("order", "any")
    if order not in ("any", "first-second"):
        raise SpecError("'order' must be 'any' or 'first-second'", "order")

    # No sentence has `within` words in more than this many characters; pairs further apart are
    # never compared, which keeps a long text with many matches linear.
    reach = (within + 1) * 40

    def find(doc, reason):
        a_spans = first.spans(doc)
        if not a_spans:
            return []
        b_spans = second.spans(doc)
        if not b_spans:
            return []
        b_starts = [b[0] for b in b_spans]
        negated = guard(doc) if guard else None
        hits = []
        used_b: set[int] = set()
        for a_start, a_end in a_spans:
            lo = bisect_left(b_starts, a_start - reach)
            hi = bisect_right(b_starts, a_end + reach)
            for i in range(lo, hi):
                b_start, b_end = b_spans[i]
                if i in used_b or (b_start < a_end and a_start < b_end):
                    continue
                if order == "first-second" and b_start < a_start:
                    continue
                gap = (a_end, b_start) if b_start >= a_end else (b_end, a_start)
                if doc.sentence_breaks(*gap, stop=sentences) >= sentences or doc.count_words(*gap, stop=within + 1) > within:
                    continue
                start, end = min(a_start, b_start), max(a_end, b_end)
                if negated is not None and negated(start, end):
                    continue
                used_b.add(i)
                hits.append(Hit(start, end))
                break
        return hits

    return find
