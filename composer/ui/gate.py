"""The export gate as plain data: what blocks copying, what needs a confirmation, what the status line says."""
from __future__ import annotations

from dataclasses import dataclass

from composer.model import Finding


def ignore_keys(findings, text: str) -> dict[Finding, tuple[str, str, int]]:
    """Key each finding by rule, matched words and which occurrence of them it is.

    Offsets would change with every edit before the finding; words and occurrence number do not,
    so "ignore once" keeps this one occurrence ignored while the seller edits elsewhere, and only it.
    """
    seen: dict[tuple[str, str], int] = {}
    keys = {}
    for finding in sorted(findings, key=lambda f: (f.start, f.end, f.rule)):
        words = text[finding.start:finding.end] if finding.scope == "span" else ""
        nth = seen.get((finding.rule, words), 0)
        seen[(finding.rule, words)] = nth + 1
        keys[finding] = (finding.rule, words, nth)
    return keys


CHOOSE_REASON = "Choose a reason first"
NOTHING_YET = "Nothing to copy yet"
FIRST_STEPS = (CHOOSE_REASON, NOTHING_YET)


@dataclass(frozen=True)
class Gate:
    errors: int
    warnings: int
    suggestions: int
    checked: bool = True
    missing: str = ""  # what must happen before anything can be copied, e.g. "Choose a reason first"

    @property
    def can_copy(self) -> bool:
        return self.checked and self.errors == 0 and not self.missing

    @property
    def needs_confirmation(self) -> bool:
        return self.warnings > 0

    @property
    def label(self) -> str:
        if not self.checked:
            return "Checking…"
        if self.missing in FIRST_STEPS:
            return self.missing  # the reason decides the rules: findings before it are premature
        if self.errors:
            return f"{self.errors} blocking issue{'s' if self.errors != 1 else ''}"
        if self.missing:
            return self.missing
        if self.warnings:
            return f"Ready to copy ({self.warnings} warning{'s' if self.warnings != 1 else ''} to confirm)"
        return "Ready to copy"


def visible_findings(findings, ignored: set, text: str) -> tuple[Finding, ...]:
    """Findings minus those the seller chose to ignore; errors can never be ignored."""
    if not ignored:
        return tuple(findings)
    keys = ignore_keys(findings, text)
    return tuple(f for f in findings if f.severity == "error" or keys[f] not in ignored)


def gate_for(findings, *, checked: bool = True, missing: str = "") -> Gate:
    count = {"error": 0, "warning": 0, "suggestion": 0}
    for finding in findings:
        count[finding.severity] = count.get(finding.severity, 0) + 1
    return Gate(count["error"], count["warning"], count["suggestion"], checked, missing)


def missing_for(reason, text: str, field_errors: dict[str, str] | None = None) -> str:
    """What still stands between the seller and a copy, besides findings; "" when nothing does."""
    if reason is None:
        return CHOOSE_REASON
    if not text.strip():
        return NOTHING_YET
    if field_errors:
        # An empty or bad field leaves a "[Label]" placeholder in the template text.
        labels = {spec.name: spec.label for spec in reason.fields}
        names = ", ".join(labels.get(name, name) for name in field_errors)
        return f"Complete the order details: {names}"
    return ""


def character_count_label(length: int, limit: int | None) -> str:
    if limit:
        over = " (too long)" if length > limit else ""
        return f"{length:,} / {limit:,} characters{over}"
    return f"{length:,} characters"
