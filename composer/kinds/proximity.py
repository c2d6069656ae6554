"""proximity: a word from `first` within N words of a word from `second`, in one sentence."""
from __future__ import annotations

from composer.kinds._common import SpecError, positive_int
from composer.patterns import Matcher

KEYS = {"first": True, "second": True, "within": True, "order": False}


def build(spec: dict):
    from composer.kinds import Hit

    from composer.kinds._common import string_list

    first = Matcher(string_list(spec, "first"))
    second = Matcher(string_list(spec, "second"))
    if not first or not second:
        raise SpecError("'first' and 'second' need at least one token each", "first")
    within = positive_int(spec, "within")
    order = spec.get("order", "any")
    if order not in ("any", "first-second"):
        raise SpecError("'order' must be 'any' or 'first-second'", "order")

    def find(doc, reason):
        a_spans = first.spans(doc)
        if not a_spans:
            return []
        b_spans = second.spans(doc)
        if not b_spans:
            return []
        hits = []
        used_b: set[int] = set()
        for a_start, a_end in a_spans:
            a_word, a_sent = doc.word_number(a_start), doc.sentence_number(a_start)
            for i, (b_start, b_end) in enumerate(b_spans):
                if i in used_b or (b_start < a_end and a_start < b_end):
                    continue
                if order == "first-second" and b_start < a_start:
                    continue
                if doc.sentence_number(b_start) != a_sent:
                    continue
                # Words strictly between the two matches.
                if b_start >= a_end:
                    gap = doc.word_number(b_start) - doc.word_number(a_end - 1)
                else:
                    gap = a_word - doc.word_number(b_end - 1)
                if gap <= within:
                    used_b.add(i)
                    hits.append(Hit(min(a_start, b_start), max(a_end, b_end)))
                    break
        return hits

    return find
