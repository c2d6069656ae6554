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
