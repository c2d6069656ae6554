"""Helpers shared by the kinds: reading token/pattern lists into a Matcher."""
from __future__ import annotations

from composer.patterns import Matcher


class SpecError(ValueError):
    """A rule file's content is wrong; `key` names where, for the loader's line number."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


def string_list(spec: dict, key: str) -> list[str]:
    value = spec.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise SpecError(f"'{key}' must be a list of strings", key)
    return [str(v) for v in value]


def matcher_from(spec: dict, *, need: bool = True) -> Matcher:
    tokens = string_list(spec, "tokens")
    patterns = string_list(spec, "patterns")
    if need and not tokens and not patterns:
        raise SpecError("needs 'tokens' or 'patterns'", "kind")
    try:
        return Matcher(tokens, patterns)
    except ValueError as exc:
        raise SpecError(str(exc), "patterns") from None


def positive_int(spec: dict, key: str, default: int | None = None) -> int | None:
    value = spec.get(key, default)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise SpecError(f"'{key}' must be a whole number >= 0", key)
    return value


def negation_guard(spec: dict):
    """Read `unless_after` / `unless_within` into a test: is the span [start, end) negated?

    A negation counts when it sits shortly before the span in the same sentence ("You do not need
    to request a cancellation") or inside it ("we can neither edit nor delete a review").
    Returns None when the rule lists no negations.
    """
    negations = string_list(spec, "unless_after")
    within = positive_int(spec, "unless_within", 4)
    if "unless_within" in spec and not negations:
        raise SpecError("'unless_within' needs 'unless_after'", "unless_within")
    if not negations:
        return None
    matcher = Matcher(negations)

    def spans(doc):
        return matcher.spans(doc)

    def negated(doc, start: int, end: int, negation_spans) -> bool:
        for n_start, n_end in negation_spans:
            if n_start >= end:
                break
            if n_start >= start:
                return True  # inside the span
            if n_end <= start and not doc.sentence_breaks(n_end, start) and doc.count_words(n_end, start) <= within:
                return True
        return False

    return spans, negated
