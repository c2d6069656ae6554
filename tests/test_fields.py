"""Typed fields: every type parses good values and refuses bad ones with a message that says what to type."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.fields import FieldError, LocalDate, Money, choice_key, parse_field
from composer.reasons import FieldSpec

ORDER = FieldSpec("order_id", "order_id", "Order ID", True, example="112-1234567-1234567")
AMOUNT = FieldSpec("original_amount", "money", "Original order amount", True, example="24.99")
WHEN = FieldSpec("new_delivery_date", "date", "New expected delivery date", True)
WHY = FieldSpec("delay_reason", "choice", "Reason for the delay", True, choices=("carrier_delay", "weather"))
NOTE = FieldSpec("details", "text", "Details", False)


@pytest.mark.parametrize("raw", ["112-1234567-1234567", " 112-1234567-1234567 ", "11212345671234567",
                                 "112 1234567 1234567", "112–1234567–1234567"])
def test_order_id_accepts_3_7_7_forms(raw):
    assert parse_field(ORDER, raw) == "112-1234567-1234567"


@pytest.mark.parametrize("raw", ["123-456", "1121-234567-1234567", "112-1234567-123456X", "112-1234567-12345678"])
def test_order_id_refuses_other_forms(raw):
    with pytest.raises(FieldError) as info:
        parse_field(ORDER, raw)
    assert info.value.field == "order_id"
    assert "123-1234567-1234567" in info.value.message


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_any_17_digits_become_3_7_7(digits):
    value = parse_field(ORDER, digits)
    assert value.replace("-", "") == digits
    assert [len(part) for part in value.split("-")] == [3, 7, 7]


@pytest.mark.parametrize("raw, locale, currency, shown", [
    ("24.99", "en_US", "USD", "$24.99"),
    ("$24.99", "en_US", "USD", "$24.99"),
    ("1,299.50", "en_GB", "GBP", "£1,299.50"),
    ("24,99", "de_DE", "EUR", "24,99\xa0€"),
    ("24,99 €", "de_DE", "EUR", "24,99\xa0€"),
    ("EUR 12.50", "en", "EUR", "€12.50"),
    ("2499", "ja_JP", "JPY", "￥2,499"),
    ("24.99", "de_DE", "EUR", "24,99\xa0€"),  # the plain machine form works in every locale
    ("1.299", "de_DE", "EUR", "1.299,00\xa0€"),  # but the locale's own reading wins
])
def test_money_parses_and_formats_for_the_locale(raw, locale, currency, shown):
    value = parse_field(AMOUNT, raw, locale=locale, currency=currency)
    assert isinstance(value, Money)
    assert str(value) == shown


@pytest.mark.parametrize("raw, currency, expected", [
    ("€5", "USD", "not an amount in USD"),
    ("24.999", "USD", "at most 2 decimal places"),
    ("2499.5", "JPY", "at most 0 decimal places"),
    ("-3", "USD", "cannot be negative"),
    ("twenty", "USD", "not an amount"),
    ("1.299,00", "USD", "write decimals with '.'"),
])
def test_money_refuses_bad_amounts(raw, currency, expected):
    with pytest.raises(FieldError) as info:
        parse_field(AMOUNT, raw, locale="en", currency=currency)
    assert info.value.field == "original_amount"
    assert expected in info.value.message


def test_money_compares_by_amount():
    small = parse_field(AMOUNT, "5.00", currency="USD")
    large = parse_field(AMOUNT, "24.99", currency="USD")
    assert small < large and large > small and small <= small
    assert parse_field(AMOUNT, "24.990", currency="USD").amount == Decimal("24.99")


def test_date_is_iso_and_formats_for_the_locale():
    value = parse_field(WHEN, "2026-06-12", locale="en_US")
    assert isinstance(value, LocalDate) and value.value == date(2026, 6, 12)
    assert str(value) == "June 12, 2026"
    assert str(parse_field(WHEN, "2026-06-12", locale="en_GB")) == "12 June 2026"
    assert str(parse_field(WHEN, "2026-06-12", locale="de_DE")) == "12. Juni 2026"


@pytest.mark.parametrize("raw, expected", [("12/06/2026", "use YYYY-MM-DD"), ("2026-02-30", "not a real calendar date"),
                                           ("next week", "use YYYY-MM-DD")])
def test_date_refuses_ambiguous_or_impossible_dates(raw, expected):
    with pytest.raises(FieldError) as info:
        parse_field(WHEN, raw)
    assert expected in info.value.message


@pytest.mark.parametrize("raw", ["carrier_delay", "Carrier delay", "carrier-delay", " CARRIER DELAY "])
def test_choice_accepts_spellings_of_the_same_choice(raw):
    assert parse_field(WHY, raw) == "carrier_delay"
    assert choice_key(raw) == "carrier_delay"


def test_choice_refusal_lists_the_choices():
    with pytest.raises(FieldError) as info:
        parse_field(WHY, "rain")
    assert "carrier_delay, weather" in info.value.message


def test_text_is_trimmed_and_kept_as_typed():
    assert parse_field(NOTE, "  {{ 7*7 }} flat 4  ") == "{{ 7*7 }} flat 4"


@pytest.mark.parametrize("spec", [ORDER, AMOUNT, WHEN, WHY, NOTE], ids=lambda s: s.type)
def test_blank_value_names_the_field(spec):
    with pytest.raises(FieldError) as info:
        parse_field(spec, "   ")
    assert info.value.field == spec.name
    assert "is required" in info.value.message
    assert str(info.value).startswith(f"{spec.name}: ")


def test_required_message_shows_the_example():
    with pytest.raises(FieldError, match=r"\(e\.g\. 24\.99\)"):
        parse_field(AMOUNT, "")


@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_any_non_blank_text_is_accepted_verbatim(raw):
    assert parse_field(NOTE, raw) == raw.strip()
