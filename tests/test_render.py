"""Rendering: every template with its examples passes the checker; the sandbox keeps field values as data."""
from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.exceptions import SecurityError, UndefinedError

import composer.render as render_module
from composer import check_text
from composer.context import Context
from composer.reasons import all_reasons, get_reason
from composer.render import FieldErrors, Rendered, example_values, preview, render

# A context in which every reason's timing window is open.
OPEN_WINDOW = Context(order_date=date(2026, 5, 20), delivery_date=date(2026, 5, 25), today=date(2026, 6, 1),
                      buyer_locale="en-US", order_id="112-1234567-1234567")


def _all_filled(reason) -> dict[str, str]:
    """Examples, plus a value for every optional field that has none."""
    values = example_values(reason.id)
    for spec in reason.fields:
        values.setdefault(spec.name, {"money": "20.00", "date": "2026-06-20", "text": "Extra note.",
                                      "order_id": "112-1234567-1234567"}.get(spec.type, ""))
    return values


@pytest.mark.parametrize("reason", all_reasons(), ids=lambda r: r.id)
def test_every_template_renders_to_approved_text(reason):
    rendered = render(reason.id, example_values(reason.id))
    assert isinstance(rendered, Rendered) and rendered.locale == "en" and rendered.subject == reason.subject
    report = check_text(rendered.text, reason=reason.id, locale="en", context=OPEN_WINDOW)
    assert report.verdict == "approve", [f"{f.rule}: {f.message}" for f in report.errors]
    if reason.proactive:
        assert "112-1234567-1234567" in rendered.text


@pytest.mark.parametrize("reason", all_reasons(), ids=lambda r: r.id)
def test_templates_are_clean_with_optional_fields_empty_or_filled(reason):
    required_only = {k: v for k, v in example_values(reason.id).items() if reason.field(k).required}
    for values in (required_only, _all_filled(reason)):
        text = render(reason.id, values).text
        assert not re.search(r"\n{3,}", text), "at most two consecutive line breaks"
        assert not re.search(r"[ \t]$", text, flags=re.M)
        assert "{{" not in text and "{%" not in text and "[" not in text
        assert "  " not in text


@pytest.mark.parametrize(
    "reason_id, field",
    [(r.id, f.name) for r in all_reasons() for f in r.fields if f.type == "choice"],
)
def test_every_choice_has_wording_in_the_template(reason_id, field):
    texts = {render(reason_id, {**example_values(reason_id), field: c}).text
             for c in get_reason(reason_id).field(field).choices}
    assert len(texts) == len(get_reason(reason_id).field(field).choices)


def test_a_choice_without_wording_is_an_error_not_a_raw_id():
    env = render_module._environment(render_module.templates_root())
    template = env.from_string("{{ c|choice({'weather': 'bad weather'}) }}")
    assert template.render(c="weather") == "bad weather"
    with pytest.raises(KeyError, match="no wording for choice 'customs'"):
        template.render(c="customs")


@pytest.mark.parametrize("payload", ["{{ 7*7 }}", "{% for x in y %}boom{% endfor %}", "{{ ''.__class__ }}",
                                     "{# comment #}", "{{ order_id }}"])
def test_field_values_are_data_never_template_code(payload):
    values = {**example_values("reply_to_buyer"), "answer": payload}
    text = render("reply_to_buyer", values).text
    assert payload in text
    assert "49" not in text


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_any_field_text_arrives_verbatim(value):
    text = render("reply_to_buyer", {"answer": value}).text
    assert value.strip() in text


def test_the_environment_is_sandboxed_and_strict():
    env = render_module._environment(render_module.templates_root())
    with pytest.raises(SecurityError):
        env.from_string("{{ x.__class__.__mro__[1].__subclasses__() }}").render(x="")
    with pytest.raises(UndefinedError):
        env.from_string("{{ order_idd }}").render(order_id="1")
    assert env.from_string("{{ v }}").render(v="<b>&</b>") == "<b>&</b>"  # plain text: no autoescape


def test_all_bad_fields_are_reported_at_once():
    with pytest.raises(FieldErrors) as info:
        render("shipment_delay_notice", {"order_id": "123", "delay_reason": "rain", "colour": "red"})
    errors = info.value.errors
    assert set(errors) == {"order_id", "delay_reason", "new_delivery_date", "original_amount", "colour"}
    assert "has no field 'colour'" in errors["colour"]
    assert "is required" in errors["original_amount"]


def test_unknown_reason_is_a_key_error():
    with pytest.raises(KeyError, match="valid reasons"):
        render("say_hello", {})


def test_delay_notice_states_the_amount_change_or_that_it_does_not_change():
    same = render("shipment_delay_notice", example_values("shipment_delay_notice")).text
    assert "The original amount of your order was $24.99, and the amount does not change." in same
    changed = render("shipment_delay_notice", {**example_values("shipment_delay_notice"), "new_amount": "20"}).text
    assert "The new amount is $20.00" in changed and "does not change" not in changed


def test_cannot_ship_requires_the_full_refund():
    with pytest.raises(FieldErrors) as info:
        render("problem_with_order", {**example_values("problem_with_order"), "refunded_amount": "10.00"})
    assert "refund the full order amount ($24.99)" in info.value.errors["refunded_amount"]


def test_refund_notice_says_partial_only_when_partial():
    values = example_values("refund_notice")
    assert "partial refund of $5.00" in render("refund_notice", values).text
    full = render("refund_notice", {**values, "refund_amount": "24.99"}).text
    assert "issued a refund of $24.99" in full
    with pytest.raises(FieldErrors, match="more than the original amount"):
        render("refund_notice", {**values, "refund_amount": "30"})


def test_warranty_end_must_follow_start():
    with pytest.raises(FieldErrors, match="after the date the coverage starts"):
        render("warranty_info", {**example_values("warranty_info"), "coverage_end": "2026-01-01"})


def test_marketplace_sets_currency_and_locale_formatting():
    text = render("shipment_delay_notice", example_values("shipment_delay_notice"), locale="en-GB",
                  marketplace="UK").text
    assert "£24.99" in text and "12 June 2026" in text
    text = render("shipment_delay_notice", example_values("shipment_delay_notice"), marketplace="DE").text
    assert "€24.99" in text


def test_preview_shows_placeholders_for_missing_fields():
    rendered, errors = preview("shipment_delay_notice", {"order_id": "112-1234567-1234567"})
    assert "[Original order amount]" in rendered.text and "[New expected delivery date]" in rendered.text
    assert set(errors) == {"delay_reason", "new_delivery_date", "original_amount"}


@pytest.fixture
def german_templates(tmp_path, monkeypatch):
    """A templates folder with only one German template and subject beside the shipped English ones."""
    root = tmp_path / "templates"
    shutil.copytree(render_module.templates_root(), root)
    shutil.rmtree(root / "de", ignore_errors=True)  # the shipped German set, if any, is replaced by this one
    (root / "de").mkdir()
    (root / "de" / "send_invoice.txt.j2").write_text(
        "Hallo,\n\nanbei die Rechnung {{ invoice_number }} zu Ihrer Bestellung {{ order_id }}.\n\nMit freundlichen Grüßen\n",
        encoding="utf-8")
    (root / "de" / "subjects.yaml").write_text("send_invoice: Rechnung zu Ihrer Bestellung\n", encoding="utf-8")
    monkeypatch.setattr(render_module, "templates_root", lambda: root)
    return root


def test_a_language_folder_drops_in_with_its_subjects(german_templates):
    rendered = render("send_invoice", example_values("send_invoice"), locale="de-DE")
    assert rendered.locale == "de" and not rendered.fell_back
    assert rendered.subject == "Rechnung zu Ihrer Bestellung"
    assert rendered.text.startswith("Hallo,")
    (german_templates / "nl").mkdir(exist_ok=True)  # an empty folder is no language
    languages = render_module.available_languages("send_invoice")
    assert {"de", "en"} <= set(languages) and "nl" not in languages
    assert "de" not in render_module.available_languages("shipment_delay_notice")


def test_a_missing_language_falls_back_to_english_visibly(german_templates):
    rendered = render("shipment_delay_notice", example_values("shipment_delay_notice"), locale="de-DE")
    assert rendered.locale == "en" and rendered.requested_locale == "de-DE" and rendered.fell_back
    assert rendered.subject == get_reason("shipment_delay_notice").subject
    assert "€24.99" in rendered.text  # English formatting, the German store's currency


def test_german_store_formats_money_and_dates_in_german(german_templates):
    (german_templates / "de" / "refund_notice.txt.j2").write_text(
        "Erstattung {{ refund_amount }} von {{ original_amount }} ({{ order_id }}).", encoding="utf-8")
    text = render("refund_notice", {**example_values("refund_notice"), "refund_amount": "5,00",
                                     "original_amount": "24,99"}, locale="de").text
    assert text == "Erstattung 5,00\xa0€ von 24,99\xa0€ (112-1234567-1234567)."


CRITICAL = [("shipment_delay_notice", "The original amount of your order was $24.99, and the amount does not change.",
             ["critical.original-amount", "critical.new-amount"]),
            ("shipment_delay_notice", ", due to a delay at the carrier", ["critical.reason-stated"]),
            ("problem_with_order", " We have already refunded the full amount of $24.99, so you do not need to do anything.",
             ["critical.new-amount", "critical.full-refund-confirmed"]),
            ("problem_with_order", " because the item is out of stock and we cannot restock it in time",
             ["critical.reason-stated"])]


@pytest.mark.parametrize("reason_id, removed, rules", CRITICAL)
def test_critical_requirements_are_checked_on_the_final_text(reason_id, removed, rules):
    text = render(reason_id, example_values(reason_id)).text
    assert removed in text
    edited = text.replace(removed, "")
    report = check_text(edited, reason=reason_id, locale="en", context=OPEN_WINDOW)
    flagged = {f.rule for f in report.errors if f.category == "critical-notice"}
    assert set(rules) <= flagged
    assert report.verdict == "block"
    # Put it back: the errors go away again.
    assert check_text(text, reason=reason_id, locale="en", context=OPEN_WINDOW).verdict == "approve"


def test_leaving_the_cancellation_to_the_buyer_blocks_a_cannot_ship_notice():
    text = render("problem_with_order", example_values("problem_with_order")).text
    edited = text.replace("so you do not need to do anything", "and you can cancel the order in Your Orders")
    report = check_text(edited, reason="problem_with_order", locale="en", context=OPEN_WINDOW)
    flagged = [f for f in report.errors if f.rule == "critical.cannot-ship-buyer-cancel"]
    assert len(flagged) == 1 and edited[flagged[0].start:flagged[0].end] == "you can cancel"
    # In a delay notice the same offer is the buyer's free choice, and allowed.
    delay = render("shipment_delay_notice", example_values("shipment_delay_notice")).text
    assert "you are free to cancel" in delay
    assert check_text(delay, reason="shipment_delay_notice", locale="en", context=OPEN_WINDOW).verdict == "approve"


SHIPPED_LANGUAGES = [lang for lang in render_module.available_languages() if lang != "en"]


@pytest.mark.parametrize("language", SHIPPED_LANGUAGES)
def test_every_shipped_language_renders_previews_and_passes(language):
    currency = render_module.resolve_marketplace(language, None).currency
    for reason in all_reasons():
        rendered = render(reason.id, example_values(reason.id, currency=currency), locale=language)
        assert rendered.locale == language and not rendered.fell_back
        assert not re.search(r"\n{3,}", rendered.text)
        assert not re.search(r"[ \t]$", rendered.text, flags=re.M)
        report = check_text(rendered.text, reason=reason.id, locale=language)
        assert report.verdict == "approve", (reason.id, [f.rule for f in report.errors])
        draft, errors = preview(reason.id, {}, locale=language)
        assert "[" in draft.text and set(errors) == {f.name for f in reason.fields if f.required}


def test_preview_fills_choice_tables_written_as_lookups(tmp_path, monkeypatch):
    root = tmp_path / "templates"
    shutil.copytree(render_module.templates_root() / "en", root / "en")
    (root / "en" / "shipping_address_issue.txt.j2").write_text(
        "{% set p = {'missing_unit_number': 'no flat number'} %}{{ order_id }}: {{ p[address_problem] }}",
        encoding="utf-8")
    monkeypatch.setattr(render_module, "templates_root", lambda: root)
    draft, _ = preview("shipping_address_issue", {})
    assert draft.text == "[Order ID]: [What is wrong with the address]"


def test_examples_stay_valid_for_a_currency_without_decimals():
    values = example_values("shipment_delay_notice", currency="JPY")
    assert values["original_amount"] == "2499"
    assert "￥2,499" in render("shipment_delay_notice", values, locale="ja", marketplace="JP").text
