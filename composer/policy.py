"""Message policy with order context: timing windows, once-per-order, order id, length and language."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

from composer.context import Context
from composer.marketplaces import get_marketplace, language_of
from composer.model import Finding
from composer.reasons import Reason, as_reason

PROACTIVE_WINDOW_DAYS = 30  # [S1 via T5][T4][T29]
REVIEW_EARLIEST_DAYS = 5  # Solicitations window [S26][S27]
REVIEW_LATEST_DAYS = 30
FREE_TEXT_LIMIT = 2000  # no Amazon limit found for Seller Central; (e)5 suggests the SP-API's 2000
REVIEW_REASON = "review_feedback_request"
ORDER_ID_RE = re.compile(r"(?<!\d)\d{3}-\d{7}-\d{7}(?!\d)")
# Short texts and low confidence make language guesses unreliable; below these the check stays silent.
MIN_LETTERS_FOR_DETECTION = 40
MIN_CONFIDENCE = 0.8


def policy_findings(
    text: str, *, reason: "Reason | str | None", locale: str | None, context: Context | None
) -> list[Finding]:
    """Timing, order-id, length and language findings for `text` (the checker adds these to the rules')."""
    reason = as_reason(reason)
    context = context or Context()
    return [
        *timing_findings(reason, context),
        *order_id_findings(text, reason, context),
        *length_findings(text, reason),
        *language_findings(text, reason, locale, context),
    ]


def _message_finding(rule: str, category: str, message: str, why: str, fix: str, evidence: str,
                     severity: str = "error") -> Finding:
    return Finding(rule=rule, category=category, severity=severity, start=0, end=0, message=message,
                   why=why, fix_hint=fix, evidence=evidence, scope="message")


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"


def timing_findings(reason: Reason | None, context: Context) -> list[Finding]:
    if reason is None or not reason.proactive:
        return []
    today = context.today or date.today()
    findings = []
    # "Order completion" is not defined by Amazon (e)6: delivery when known, otherwise the order date.
    completed = context.delivery_date or context.order_date
    if completed is not None and (today - completed).days > PROACTIVE_WINDOW_DAYS:
        last_day = completed + timedelta(days=PROACTIVE_WINDOW_DAYS)
        findings.append(_message_finding(
            "policy.timing.proactive-window", "timing",
            f"Too late for a proactive message: the order was completed on {completed.isoformat()}, "
            f"{_days((today - completed).days)} ago, and the 30-day window closed on {last_day.isoformat()}.",
            "Amazon allows messages you start only within 30 days of order completion.",
            "Do not send it. If the buyer writes to you, answer on their thread (reason: reply to a buyer).",
            "[S1][T5] A",
        ))
    if reason.id == REVIEW_REASON:
        findings.extend(_review_findings(today, context))
    return findings


def _review_findings(today: date, context: Context) -> list[Finding]:
    findings = []
    delivered = context.delivery_date
    if delivered is not None:
        opens = delivered + timedelta(days=REVIEW_EARLIEST_DAYS)
        closes = delivered + timedelta(days=REVIEW_LATEST_DAYS)
        if today < opens:
            findings.append(_message_finding(
                "policy.timing.review-window", "timing",
                f"Too early for a review request: the order was delivered on {delivered.isoformat()}; "
                f"requests are possible from {opens.isoformat()}.",
                "Amazon accepts review and feedback requests from 5 days after delivery to 30 days after it.",
                f"Wait until {opens.isoformat()} and send it then.",
                "[S26][S27] A",
            ))
        elif today > closes:
            findings.append(_message_finding(
                "policy.timing.review-window", "timing",
                f"Too late for a review request: the window closed on {closes.isoformat()}, "
                f"30 days after delivery on {delivered.isoformat()}.",
                "Amazon accepts review and feedback requests from 5 days after delivery to 30 days after it.",
                "Do not send it; Amazon also requests reviews by itself.",
                "[S26][S27] A",
            ))
    earlier = [m for m in context.earlier_messages if m.reason == REVIEW_REASON]
    if earlier:
        findings.append(_message_finding(
            "policy.timing.repeat-review", "timing",
            f"A review or feedback request was already sent for this order on {earlier[0].sent_on.isoformat()}.",
            "Amazon allows one review or feedback request per order; a reminder counts as a second one.",
            "Do not send another request for this order.",
            "[S21][S29][T4] A",
        ))
    return findings


def order_ids_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, id) of each 3-7-7 order id in the text."""
    return [(m.start(), m.end(), m.group()) for m in ORDER_ID_RE.finditer(text)]


def order_id_findings(text: str, reason: Reason | None, context: Context) -> list[Finding]:
    found = order_ids_in(text)
    findings = []
    if reason is not None and reason.proactive and not found:
        # Full-width digits still name the order once normalised; only a truly absent id is an error.
        if not ORDER_ID_RE.search(unicodedata.normalize("NFKC", text)):
            digits = re.sub(r"\D", "", context.order_id or "")
            example = f"{digits[:3]}-{digits[3:10]}-{digits[10:]}" if len(digits) == 17 else "112-1234567-1234567"
            findings.append(_message_finding(
                "policy.order-id.missing", "order-id",
                "The message does not contain the 17-digit order ID.",
                "Amazon requires the order ID in every message you start.",
                f"Add the order ID in the form {example}, e.g. \"Regarding your order {example}\".",
                "[T5][T4][S2] A",
            ))
    expected = re.sub(r"\D", "", context.order_id or "")
    if len(expected) == 17:  # compare digits: the context may hold "11212345671234567" as typed
        shown = f"{expected[:3]}-{expected[3:10]}-{expected[10:]}"
        for start, end, order_id in found:
            if order_id.replace("-", "") != expected:
                findings.append(Finding(
                    rule="policy.order-id.mismatch", category="order-id", severity="error",
                    start=start, end=end,
                    message=f"This message is for order {shown}, but the text names order {order_id}.",
                    why="A message about the wrong order confuses the buyer and may disclose another order.",
                    fix_hint=f"Use {shown}.", evidence="Inf",
                ))
    return findings


def length_findings(text: str, reason: Reason | None) -> list[Finding]:
    if reason is None:
        return []
    size = len(text)
    if reason.max_length is not None and size > reason.max_length:
        return [_message_finding(
            "policy.length.spapi", "length",
            f"The text has {size} characters; {reason.spapi_action} accepts at most {reason.max_length}.",
            "The Messaging API rejects longer text for this message type.",
            f"Shorten it by {size - reason.max_length} characters.",
            "[S20] A",
        )]
    if reason.max_length is None and size > FREE_TEXT_LIMIT:
        return [_message_finding(
            "policy.length.free-text", "length",
            f"The text has {size} characters, more than {FREE_TEXT_LIMIT}.",
            "Amazon documents no limit here, but its API caps free text at 2000 characters.",
            f"Shorten it by {size - FREE_TEXT_LIMIT} characters.",
            "[S20] A; limit for this reason Inf", severity="warning",
        )]
    return []


def _language_name(code: str) -> str:
    try:
        from babel import Locale

        return Locale.parse(code).get_display_name("en")
    except Exception:  # an unknown code is still worth naming as it is
        return code


def _target_language(context: Context) -> tuple[str | None, str]:
    if context.buyer_locale:
        return language_of(context.buyer_locale), f"the buyer's language ({context.buyer_locale})"
    if context.marketplace:
        try:
            market = get_marketplace(context.marketplace)
        except KeyError:
            return None, ""
        return market.language, f"the default language of {market.domain}"
    return None, ""


def _detect(text: str) -> tuple[str | None, float]:
    letters = sum(ch.isalpha() for ch in ORDER_ID_RE.sub("", text))
    if letters < MIN_LETTERS_FOR_DETECTION:
        return None, 0.0
    try:
        from composer.language import detect_language
    except ImportError:  # the detector module is optional; the declared language is used instead
        return None, 0.0
    code, confidence = detect_language(text)
    return (language_of(code) if code else None), confidence


def language_findings(text: str, reason: Reason | None, locale: str | None, context: Context) -> list[Finding]:
    target, described = _target_language(context)
    if not target:
        return []
    detected, confidence = _detect(text)
    if detected and confidence >= MIN_CONFIDENCE:
        written, how = detected, "appears to be"
    elif locale:
        written, how = language_of(locale), "is written in"
    else:
        return []
    if written == target:
        return []
    # A warning, not an error: language identification can be wrong on short or mixed text, so the
    # seller confirms instead of being blocked.
    return [_message_finding(
        "policy.language", "language",
        f"The text {how} {_language_name(written)}, but {described} is {_language_name(target)}.",
        "Amazon requires messages in the buyer's language of preference; Amazon does not translate text you type.",
        f"Write the message in {_language_name(target)} (render the template with --locale {target}).",
        "[S20][T5][S2] A",
        severity="warning",
    )]
