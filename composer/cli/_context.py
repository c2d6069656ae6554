"""Order-context options shared by `check` and `render`: dates, buyer locale, marketplace, earlier messages."""
from __future__ import annotations

import re
from datetime import date

from composer.context import Context, EarlierMessage

_LOCALE_RE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


def add_context_arguments(parser) -> None:
    group = parser.add_argument_group("order context (for the message policy)")
    group.add_argument("--order-date", metavar="YYYY-MM-DD", help="when the order was placed")
    group.add_argument("--delivery-date", metavar="YYYY-MM-DD", help="when the order was (or will be) delivered")
    group.add_argument("--today", metavar="YYYY-MM-DD", help="the date to check against (default: today)")
    group.add_argument("--buyer-locale", metavar="LOCALE", help="the buyer's language of preference, e.g. de-DE")
    group.add_argument("--marketplace", metavar="STORE", help="e.g. US, DE, UK, an SP-API marketplace id or a domain")
    group.add_argument("--order-id", metavar="ID", help="the order the message is for (3-7-7 digits)")
    group.add_argument(
        "--earlier", action="append", default=[], metavar="REASON@YYYY-MM-DD",
        help="a message already sent for this order (repeatable), e.g. review_feedback_request@2026-05-02",
    )


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option}: {value!r} is not a date; use YYYY-MM-DD") from None


def _earlier(value: str) -> EarlierMessage:
    reason, sep, when = value.partition("@")
    if not sep or not reason:
        raise ValueError(f"--earlier: {value!r} should look like REASON@YYYY-MM-DD")
    from composer.reasons import get_reason

    try:
        get_reason(reason)
    except KeyError as error:
        raise ValueError(f"--earlier: {error.args[0]}") from None
    return EarlierMessage(reason=reason, sent_on=_date(when, "--earlier"))


def context_from_args(args) -> Context:
    """Build the Context from parsed options. ValueError names the bad option and what to type."""
    buyer_locale = getattr(args, "buyer_locale", None)
    if buyer_locale and not _LOCALE_RE.match(buyer_locale):
        raise ValueError(f"--buyer-locale: {buyer_locale!r} is not a locale; use e.g. en-US or de-DE")
    marketplace = getattr(args, "marketplace", None)
    if marketplace:
        from composer.marketplaces import get_marketplace

        try:
            marketplace = get_marketplace(marketplace).id
        except KeyError as error:
            raise ValueError(f"--marketplace: {error.args[0]}") from None
    order_id = getattr(args, "order_id", None)
    if order_id:
        from composer.fields import FieldError, parse_order_id

        try:
            order_id = parse_order_id(order_id)
        except FieldError as error:
            raise ValueError(f"--order-id: {error.message}") from None
    return Context(
        order_id=order_id or None,
        order_date=_date(getattr(args, "order_date", None), "--order-date"),
        delivery_date=_date(getattr(args, "delivery_date", None), "--delivery-date"),
        today=_date(getattr(args, "today", None), "--today"),
        buyer_locale=buyer_locale or None,
        marketplace=marketplace or None,
        earlier_messages=tuple(_earlier(v) for v in getattr(args, "earlier", None) or ()),
    )


def has_context(context: Context) -> bool:
    """True when any fact was given (the checker runs the policy only then, or with a reason)."""
    return context != Context()
