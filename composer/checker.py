"""The one `check` every front end uses: rules + reason requirements + message policy -> Report."""
from __future__ import annotations

import threading
from pathlib import Path

from composer.context import Context
from composer.document import Document
from composer.loader import Rule, RuleSet, load_rules
from composer.model import Finding, Fix, Report
from composer.resources import rules_dir, user_rules_dir

_SEVERITY_ORDER = {"error": 0, "warning": 1, "suggestion": 2}
_lock = threading.Lock()
_default: RuleSet | None = None


def default_rules() -> RuleSet:
    """Shipped rules plus the user's rules folder (user rules override by id). Loaded once."""
    global _default
    with _lock:
        if _default is None:
            dirs = [rules_dir()]
            if user_rules_dir().is_dir():
                dirs.append(user_rules_dir())
            _default = load_rules(*dirs)
        return _default


def reload_rules() -> RuleSet:
    global _default
    with _lock:
        _default = None
    return default_rules()


def warm_up(locale: str | None = None) -> None:
    """Load the rules and build the language's prefilter now (about a second), so that the first
    check a user waits for is as quick as the rest. The window calls this in a background thread."""
    check("Warm-up text for order 112-1234567-1234567.", locale=locale)


def rules_from(extra_dirs: list[Path] | None) -> RuleSet:
    """The default rules, with extra folders (`--rules DIR`) layered on top."""
    if not extra_dirs:
        return default_rules()
    base = default_rules()
    extra = load_rules(*extra_dirs)
    merged = RuleSet(rules={**base.rules, **extra.rules}, errors=[*base.errors, *extra.errors])
    return merged


def language_of(locale: str | None) -> str | None:
    """'de-DE', 'de_DE' or 'de' -> 'de'."""
    if not locale:
        return None
    return locale.replace("_", "-").split("-")[0].lower() or None


def _marketplace_locale(marketplace: str | None) -> str | None:
    """The marketplace's default language, when neither --locale nor the buyer's language is known."""
    if not marketplace:
        return None
    from composer.marketplaces import get_marketplace

    try:
        return get_marketplace(marketplace).default_locale
    except KeyError:
        return None


def _finding(rule: Rule, hit, doc: Document) -> Finding:
    if hit.scope == "message":
        start = end = 0
        matched = ""
    else:
        start, end = doc.hit_span(hit)
        matched = doc.original[start:end]
    message = hit.message or rule.message
    message = message.replace("{match}", matched.strip()).replace("{value}", hit.value or "")
    fixes = tuple(Fix(label, start, end, replacement) for label, replacement in hit.replacements if hit.scope != "message")
    return Finding(
        rule=rule.id,
        category=rule.category,
        severity=hit.severity or rule.severity,
        start=start,
        end=end,
        message=message,
        why=rule.why,
        fix_hint=rule.fix,
        link=rule.link,
        evidence=rule.evidence,
        fixes=fixes,
        scope=hit.scope,
    )


def run_rules(doc: Document, rules, reason: str | None, language: str | None) -> list[Finding]:
    findings = []
    chosen = rules.applicable(reason, language) if isinstance(rules, RuleSet) else [
        r for r in rules if r.applies(reason, language)
    ]
    for rule in chosen:
        for hit in rule.find(doc, reason):
            findings.append(_finding(rule, hit, doc))
    return findings


def check(
    text: str,
    *,
    reason: str | None = None,
    locale: str | None = None,
    context: Context | None = None,
    rules: RuleSet | None = None,
) -> Report:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    reason_obj = None
    if reason is not None:
        from composer.reasons import get_reason

        reason_obj = get_reason(reason)  # KeyError names the valid ids
    if locale is None and context is not None:
        locale = context.buyer_locale or _marketplace_locale(context.marketplace)
    ruleset = rules if rules is not None else default_rules()
    language = language_of(locale) or "en"
    doc = Document(text, ruleset.prefilter_for(language))
    findings = run_rules(doc, ruleset, reason, language)
    if reason_obj is not None or context is not None:
        from composer.policy import policy_findings

        findings.extend(policy_findings(text, reason=reason_obj, locale=locale, context=context))
    findings.sort(key=lambda f: (f.start, _SEVERITY_ORDER.get(f.severity, 3), not f.fixes, f.rule))
    return Report(text=text, findings=tuple(merge_overlaps(findings)))


def merge_overlaps(findings: list[Finding]) -> list[Finding]:
    """Drop a span finding that overlaps an earlier one of the same category and severity.

    Several rules often catch one phrase ("5-Sterne-Bewertung" is both a star count and a positive
    review word); the seller needs one underline and one entry, preferably the one with a one-click fix.
    Expects the findings sorted by start, then severity, then fix-first.
    """
    kept: list[Finding] = []
    reach: dict[tuple[str, str], int] = {}  # (category, severity) -> end of the last kept span
    for f in findings:
        if f.scope == "span":
            key = (f.category, f.severity)
            if f.start < reach.get(key, -1):
                continue
            reach[key] = f.end
        kept.append(f)
    return kept
