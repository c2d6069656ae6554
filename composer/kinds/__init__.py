"""The registry of rule kinds: one module per kind, each with KEYS and build(spec) -> finder."""
from __future__ import annotations

from dataclasses import dataclass

from composer.kinds import detector, existence, metric, occurrence, proximity, requires, substitution


@dataclass(frozen=True)
class Hit:
    """What a finder reports, in normalised-text offsets; None fields fall back to the rule's own."""

    start: int
    end: int
    severity: str | None = None
    message: str | None = None
    replacements: tuple[tuple[str, str], ...] = ()  # (label, replacement) for this span
    scope: str = "span"
    value: str | None = None  # fills {value} in the rule message (metrics)
    on_original: bool = False  # offsets already refer to the original text


# kind name -> module; the loader reads KEYS (allowed keys: required?) and calls build().
KINDS = {
    "existence": existence,
    "substitution": substitution,
    "proximity": proximity,
    "requires": requires,
    "occurrence": occurrence,
    "metric": metric,
    "detector": detector,
}
