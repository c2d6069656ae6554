"""The window's one doorway to the Qt-free core: reasons, rendering, checking, marketplaces, SP-API."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from composer.context import Context

# Display order and titles of the reason groups in the picker.
GROUPS = (
    ("replies", "Replies"),
    ("critical", "Critical notices"),
    ("completing", "Completing the order"),
    ("after_delivery", "After delivery"),
)


@dataclass
class RenderResult:
    """What the editor needs after the fields changed: the text (if any) and per-field errors."""

    text: str
    subject: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    notice: str = ""


def reasons_by_group() -> list[tuple[str, list]]:
    from composer.reasons import all_reasons

    reasons = list(all_reasons())
    grouped = []
    for key, title in GROUPS:
        members = [r for r in reasons if r.group == key]
        if members:
            grouped.append((title, members))
    known = {key for key, _ in GROUPS}
    strays = [r for r in reasons if r.group not in known]
    if strays:
        grouped.append(("Other", strays))
    return grouped


def get_reason(reason_id: str):
    from composer.reasons import get_reason as _get

    return _get(reason_id)


def marketplaces() -> list:
    from composer.marketplaces import all_marketplaces

    return all_marketplaces()


def marketplace(code: str):
    from composer.marketplaces import get_marketplace

    return get_marketplace(code)


def locale_label(locale: str) -> str:
    """"de_DE" -> "de-DE · Deutsch (Deutschland)": the code Amazon shows plus the language's own name."""
    from babel import Locale, UnknownLocaleError

    code = locale.replace("_", "-")
    # Amazon lists pairs CLDR does not know (e.g. de_US, German on amazon.com): fall back to the language.
    for candidate in (locale.replace("-", "_"), locale.replace("-", "_").split("_")[0]):
        try:
            return f"{code} · {Locale.parse(candidate).get_display_name()}"
        except (UnknownLocaleError, ValueError):
            continue
    return code


def buyer_locales(code: str) -> list[str]:
    market = marketplace(code)
    return [market.default_locale, *[loc for loc in market.other_locales if loc != market.default_locale]]


def validate_field(spec, raw: str, *, locale: str, currency: str) -> str | None:
    """The inline error for one field, or None when the value is fine (or empty and optional)."""
    from composer.fields import FieldError, parse_field

    if not raw.strip():
        return "Required." if spec.required else None
    try:
        parse_field(spec, raw, locale=locale, currency=currency)
    except FieldError as exc:
        return exc.message
    return None


def render_template(reason_id: str, values: dict[str, str], *, locale: str, marketplace_code: str,
                    store_name: str = "") -> RenderResult:
    """Render with the seller's values; missing or bad ones show as [Label] (and block the copy)."""
    from composer.render import preview

    rendered, errors = preview(reason_id, values, locale=locale, marketplace=marketplace_code)
    text = rendered.text
    if store_name.strip():
        text = f"{text}\n{store_name.strip()}"  # the signature under the template's closing line
    notice = ""
    if rendered.fell_back:
        notice = (f"No {rendered.requested_locale} template for this reason: the text is in "
                  f"{rendered.locale}. Translate it into the buyer's language before sending.")
    return RenderResult(text, rendered.subject, errors, notice)


def build_context(reason, values: dict[str, str], *, locale: str, marketplace_code: str, history,
                  dates: dict[str, date] | None = None) -> Context:
    """Order facts for the policy: the order id from the fields, order and delivery dates as the seller gave
    them, earlier messages from the history."""
    order_id = None
    dates = dict(dates or {})
    for spec in getattr(reason, "fields", ()) if reason else ():
        raw = (values.get(spec.name) or "").strip()
        if not raw:
            continue
        if spec.type == "order_id" and order_id is None:
            order_id = order_id_from(reason, values) or None
    earlier = history.earlier_messages(order_id) if (history and order_id) else ()
    return Context(
        order_id=order_id,
        order_date=dates.get("order_date"),
        delivery_date=dates.get("delivery_date"),
        today=date.today(),
        buyer_locale=locale.replace("_", "-"),
        marketplace=marketplace_code,
        earlier_messages=earlier,
    )


def order_id_from(reason, values: dict[str, str]) -> str:
    """The order id field, in Amazon's 3-7-7 form when it parses (as typed otherwise)."""
    from composer.fields import FieldError, parse_order_id

    for spec in getattr(reason, "fields", ()) if reason else ():
        if spec.type == "order_id":
            raw = (values.get(spec.name) or "").strip()
            try:
                return parse_order_id(raw) if raw else ""
            except FieldError:
                return raw
    return ""


def has_text_action(reason) -> bool:
    """True when the reason's SP-API action takes the message text (so there is a request to copy)."""
    if reason is None or not reason.spapi_action:
        return False
    from composer.spapi import action_for

    action = action_for(reason.id)
    return action is not None and action.max_text is not None


def check(text: str, *, reason: str | None, locale: str | None, context: Context | None):
    from composer import check_text

    return check_text(text, reason=reason, locale=locale, context=context)


@dataclass(frozen=True)
class CheckCall:
    """One check's settings as plain data, so it can run in a child process (it pickles)."""

    reason: str | None
    locale: str | None
    context: Context | None

    def __call__(self, text: str):
        return check(text, reason=self.reason, locale=self.locale, context=self.context)


def spapi_request_json(reason_id: str, text: str, *, order_id: str, marketplace_code: str) -> str:
    """The SP-API call as pretty JSON. Raises ValueError when the reason has no text action."""
    import json

    from composer.spapi import spapi_request

    market_id = marketplace(marketplace_code).marketplace_id
    request = spapi_request(reason_id, text, order_id=order_id, marketplace_id=market_id)
    return json.dumps(request, ensure_ascii=False, indent=2)
