"""Typed message fields: parse what the seller typed into order ids, money, dates, choices and text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import (
    NumberFormatError,
    format_currency,
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    parse_decimal,
)

from composer.reasons import FieldSpec

ORDER_ID_RE = re.compile(r"^\d{3}-\d{7}-\d{7}$")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]+")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER_CHARS = re.compile(r"^[\d.,'\s\u00a0\u202f]+$")
_PLAIN_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_CURRENCY_SIGNS = "$€£¥￥₹₺₩₪"


class FieldError(ValueError):
    """One bad field value. `field` is the field name, `message` says what to type instead."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Money:
    """An amount in one currency; prints formatted for the locale (Babel)."""

    amount: Decimal
    currency: str
    locale: str = "en"

    def __str__(self) -> str:
        return format_currency(self.amount, self.currency, locale=self.locale)

    # Templates compare amounts ("partial refund" when less than the original).
    def __lt__(self, other: "Money") -> bool:
        return self.amount < other.amount

    def __le__(self, other: "Money") -> bool:
        return self.amount <= other.amount

    def __gt__(self, other: "Money") -> bool:
        return self.amount > other.amount

    def __ge__(self, other: "Money") -> bool:
        return self.amount >= other.amount


@dataclass(frozen=True)
class LocalDate:
    """A date that prints in the locale's long form ("June 12, 2026", "12. Juni 2026")."""

    value: date
    locale: str = "en"

    def __str__(self) -> str:
        return format_date(self.value, format="long", locale=self.locale)

    def __lt__(self, other: "LocalDate") -> bool:
        return self.value < other.value

    def __le__(self, other: "LocalDate") -> bool:
        return self.value <= other.value

    def __gt__(self, other: "LocalDate") -> bool:
        return self.value > other.value

    def __ge__(self, other: "LocalDate") -> bool:
        return self.value >= other.value


def _babel(locale: str) -> str:
    try:
        Locale.parse(locale.replace("-", "_"))
        return locale.replace("-", "_")
    except (UnknownLocaleError, ValueError):
        return "en"


def parse_order_id(raw: str, field: str = "order_id") -> str:
    """Accept 3-7-7 digits with dashes, spaces or nothing between the groups; return 123-1234567-1234567."""
    digits = _SEPARATORS.sub("", raw.strip())
    if not digits.isdigit() or len(digits) != 17 or not ORDER_ID_RE.match(_order_form(raw, digits)):
        raise FieldError(
            field,
            f"{raw.strip()!r} is not an Amazon order ID; it has 17 digits in the form 123-1234567-1234567",
        )
    return f"{digits[:3]}-{digits[3:10]}-{digits[10:]}"


def _order_form(raw: str, digits: str) -> str:
    # Digits typed in groups must be grouped 3-7-7; a run of 17 digits is fine as it is.
    groups = [g for g in _SEPARATORS.split(raw.strip()) if g]
    if len(groups) == 1:
        return f"{digits[:3]}-{digits[3:10]}-{digits[10:]}"
    return "-".join(groups)


def parse_money(raw: str, *, locale: str, currency: str, field: str = "amount") -> Money:
    loc = _babel(locale)
    text = raw.strip()
    symbols = {currency, get_currency_symbol(currency, loc), get_currency_symbol(currency, "en")}
    # Remove this currency's code and symbols; anything currency-like left over is another currency.
    for symbol in sorted(symbols, key=len, reverse=True):
        text = re.sub(re.escape(symbol), " ", text, flags=re.IGNORECASE)
    text = text.strip()
    if any(sign in text for sign in _CURRENCY_SIGNS) or re.search(r"[A-Za-z]", text):
        raise FieldError(field, f"{raw.strip()!r} is not an amount in {currency}; type the number, e.g. 24.99")
    if text.startswith(("-", "\u2212")):
        raise FieldError(field, "an amount cannot be negative")
    if not text or not _NUMBER_CHARS.match(text):
        raise FieldError(field, f"{raw.strip()!r} is not an amount; type the number, e.g. 24.99")
    try:
        amount = parse_decimal(text.replace(" ", ""), locale=loc, strict=True)
    except NumberFormatError:
        amount = None
    if amount is None and _PLAIN_NUMBER.match(text):
        # The plain machine form (24.99) is accepted in every locale: scripts and examples use it.
        amount = Decimal(text)
    if amount is None:
        mark = get_decimal_symbol(loc)
        raise FieldError(
            field, f"{raw.strip()!r} is not a number in the {loc} format; write decimals with {mark!r}, e.g. 24{mark}99"
        )
    places = get_currency_precision(currency)
    if amount != amount.quantize(Decimal(1).scaleb(-places)):  # 24.990 is fine, 24.995 is not
        raise FieldError(field, f"{currency} amounts have at most {places} decimal places; {raw.strip()!r} has more")
    return Money(amount, currency, loc)


def parse_date(raw: str, *, locale: str, field: str = "date") -> LocalDate:
    text = raw.strip()
    # ISO only: "03/04/2026" means different days in different stores, so it is refused, not guessed.
    if not _ISO_DATE.match(text):
        raise FieldError(field, f"{text!r} is not a date; use YYYY-MM-DD, e.g. 2026-06-12")
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise FieldError(field, f"{text!r} is not a real calendar date") from None
    return LocalDate(value, _babel(locale))


def choice_key(raw: str) -> str:
    """"Carrier delay", "carrier-delay" and "carrier_delay" all name the same choice."""
    return re.sub(r"[\s\-]+", "_", raw.strip().lower())


def parse_choice(raw: str, choices: tuple[str, ...], field: str = "choice") -> str:
    key = choice_key(raw)
    if key in choices:
        return key
    raise FieldError(field, f"{raw.strip()!r} is not a valid choice; use one of {', '.join(choices)}")


def parse_text(raw: str, field: str = "text") -> str:
    # Kept as typed (trimmed): the checker examines it inside the whole message.
    text = raw.strip()
    if not text:
        raise FieldError(field, "is empty")
    return text


def parse_field(spec: FieldSpec, raw: str, *, locale: str = "en", currency: str = "USD") -> object:
    """Parse one raw value for `spec`. Raises FieldError naming the field and what to type instead."""
    if raw is None or not str(raw).strip():
        example = f" (e.g. {spec.example})" if spec.example else ""
        raise FieldError(spec.name, f"{spec.label} is required{example}")
    raw = str(raw)
    if spec.type == "order_id":
        return parse_order_id(raw, spec.name)
    if spec.type == "money":
        return parse_money(raw, locale=locale, currency=currency, field=spec.name)
    if spec.type == "date":
        return parse_date(raw, locale=locale, field=spec.name)
    if spec.type == "choice":
        return parse_choice(raw, spec.choices, spec.name)
    if spec.type == "text":
        return parse_text(raw, spec.name)
    raise FieldError(spec.name, f"unknown field type {spec.type!r}")
