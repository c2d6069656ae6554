"""Plain data the checker produces and every front end consumes: findings and reports."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "suggestion")

# The fixed vocabulary of the CLI output; rule files may use only these.
CATEGORIES = (
    "external-link",
    "contact-info",
    "off-amazon",
    "marketing",
    "review-manipulation",
    "opt-out",
    "personal-data",
    "message-purpose",
    "critical-notice",
    "objectionable",
    "html-or-media",
    "emoji",
    "formatting",
    "order-id",
    "language",
    "placeholder",
    "length",
    "timing",
    "spelling",
)


@dataclass(frozen=True)
class Fix:
    """A one-click change: replace text[start:end] with `replacement`."""

    label: str
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Finding:
    """One problem. start == end == 0 with `scope == "message"` marks a message-level finding."""

    rule: str
    category: str
    severity: str
    start: int
    end: int
    message: str
    why: str = ""
    fix_hint: str = ""
    link: str = ""
    evidence: str = ""
    fixes: tuple[Fix, ...] = ()
    scope: str = "span"  # "span" or "message"

    def to_dict(self) -> dict:
        data = asdict(self)
        data["fixes"] = [asdict(f) for f in self.fixes]
        return data


@dataclass(frozen=True)
class Report:
    """The result of one check. Blocked exactly when any finding is an error."""

    text: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def verdict(self) -> str:
        return "block" if self.errors else "approve"

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    def by_rule(self, rule: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule == rule)
