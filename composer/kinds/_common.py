"""Helpers shared by the kinds: reading token/pattern lists into a Matcher."""
from __future__ import annotations

from bisect import bisect_left

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
    """Read `unless_after` / `unless_followed_by` / `unless_within` into `guard(doc) -> negated(start, end)`.

    A negation from `unless_after` counts when it sits shortly before the span in the same sentence
    ("You do not need to request a cancellation"), inside it ("we can neither edit nor delete a
    review") or around it ("aucun cadeau" negates "cadeau"); one from `unless_followed_by` when
    it comes shortly after, as Japanese puts it ("レビューの削除はできかねます"). Returns None when
    the rule lists no negations.
    """
    before = string_list(spec, "unless_after")
    after = string_list(spec, "unless_followed_by")
    within = positive_int(spec, "unless_within", 4)
    if "unless_within" in spec and not (before or after):
        raise SpecError("'unless_within' needs 'unless_after' or 'unless_followed_by'", "unless_within")
    if not (before or after):
        return None
    before_matcher = Matcher(before) if before else None
    after_matcher = Matcher(after) if after else None

    def guard(doc):
        preceding = before_matcher.spans(doc) if before_matcher else []
        preceding_starts = [n[0] for n in preceding]
        following_starts = [n[0] for n in after_matcher.spans(doc)] if after_matcher else []

        def close(start: int, end: int) -> bool:
            return not doc.sentence_breaks(start, end, stop=1) and doc.count_words(start, end, stop=within + 1) <= within

        def negated(start: int, end: int) -> bool:
            # Only the nearest negations can count, so a long text with many of them stays linear.
            i = bisect_left(preceding_starts, end)
            for n_start, n_end in reversed(preceding[max(0, i - 3):i]):
                # inside the span, around it ("aucun cadeau" holds "cadeau"), or shortly before it. One that only
                # overlaps its start does not count: "n'est pas" must not excuse "pas notre problème".
                if n_start >= start or n_end >= end or (n_end <= start and close(n_end, start)):
                    return True
            j = bisect_left(following_starts, end)
            return j < len(following_starts) and close(end, following_starts[j])

        return negated

    return guard
