"""The reason catalogue: ids from amazon-rules.md table (a), flags, SP-API limits, fields, marketplaces."""
from __future__ import annotations

import pytest

from composer.fields import parse_field
from composer.marketplaces import all_marketplaces, for_locale, get_marketplace
from composer.reasons import FIELD_TYPES, GROUPS, CatalogueError, all_reasons, get_reason, reason_ids
from composer.render import template_name, templates_root

EXPECTED_IDS = [
    "reply_to_buyer", "resolve_fulfillment_issue", "problem_with_order", "shipment_delay_notice",
    "request_order_info", "shipping_address_issue", "schedule_bulky_delivery", "schedule_home_service",
    "verify_custom_design", "return_question", "refund_notice", "send_invoice", "review_feedback_request",
    "warranty_info", "legal_disclosure", "digital_access_key", "seller_feedback_update_notice",
    "other_required_for_receipt",
]

# amazon-rules.md (c.2): operationId -> text limit (None: attachments only / no body).
SPEC_LIMITS = {
    "confirmCustomizationDetails": 800,
    "createConfirmDeliveryDetails": 2000,
    "createConfirmOrderDetails": 2000,
    "createConfirmServiceDetails": 2000,
    "createUnexpectedProblem": 2000,
    "createDigitalAccessKey": 400,
    "createLegalDisclosure": None,
    "CreateWarranty": None,
    "sendInvoice": None,
    "createProductReviewAndSellerFeedbackSolicitation": None,
}


def test_catalogue_has_every_reason_in_order():
    assert reason_ids() == EXPECTED_IDS


def test_removed_actions_are_not_offered():
    actions = {r.spapi_action for r in all_reasons()}
    assert "createNegativeFeedbackRemoval" not in actions
    assert "CreateAmazonMotors" not in actions
    assert "amazon_motors" not in reason_ids()


@pytest.mark.parametrize("reason", all_reasons(), ids=lambda r: r.id)
def test_reason_is_complete(reason):
    assert reason.title and reason.description and reason.timing and reason.subject
    assert "\n" not in reason.description
    assert reason.group in GROUPS
    assert reason.fields
    assert reason.proactive == (reason.id != "reply_to_buyer")
    if reason.spapi_action is not None:
        assert reason.spapi_action in SPEC_LIMITS
        assert reason.max_length == SPEC_LIMITS[reason.spapi_action]
    else:
        assert reason.max_length is None
    assert (templates_root() / template_name(reason.id, "en")).is_file()


@pytest.mark.parametrize("reason", all_reasons(), ids=lambda r: r.id)
def test_fields_are_typed_and_examples_parse(reason):
    names = [f.name for f in reason.fields]
    assert len(names) == len(set(names))
    for spec in reason.fields:
        assert spec.type in FIELD_TYPES
        assert bool(spec.choices) == (spec.type == "choice")
        if spec.required:
            assert spec.example, f"{reason.id}.{spec.name} needs an example"
        if spec.example:
            parse_field(spec, spec.example)


@pytest.mark.parametrize("reason", [r for r in all_reasons() if r.proactive], ids=lambda r: r.id)
def test_proactive_reasons_require_the_order_id(reason):
    assert reason.field("order_id").required
    assert reason.field("order_id").type == "order_id"


def test_critical_flags_follow_the_spec():
    critical = {r.id for r in all_reasons() if r.critical}
    assert {"resolve_fulfillment_issue", "shipping_address_issue", "schedule_bulky_delivery",
            "verify_custom_design", "legal_disclosure", "request_order_info"} <= critical
    assert not critical & {"review_feedback_request", "seller_feedback_update_notice", "reply_to_buyer"}


def test_delay_reason_choices_cover_the_issue_list():
    choices = get_reason("shipment_delay_notice").field("delay_reason").choices
    assert {"carrier_delay", "stock_shortfall", "weather", "customs", "production"} <= set(choices)


def test_unknown_reason_lists_the_valid_ids():
    with pytest.raises(KeyError) as info:
        get_reason("marketing_blast")
    assert "marketing_blast" in info.value.args[0]
    assert "shipment_delay_notice" in info.value.args[0]


def test_loader_is_strict_about_keys(tmp_path):
    bad = tmp_path / "reasons.yaml"
    bad.write_text(
        "reasons:\n"
        "  - {id: x, title: X, description: d, group: replies, proactive: false, critical: false,\n"
        "     timing: t, spapi_action: null, max_length: null, subject: s, colour: red,\n"
        "     fields: [{name: a, type: text, label: A, required: true}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="colour"):
        all_reasons(bad)


def test_loader_rejects_an_unknown_field_type(tmp_path):
    bad = tmp_path / "reasons.yaml"
    bad.write_text(
        "reasons:\n"
        "  - {id: x, title: X, description: d, group: replies, proactive: false, critical: false,\n"
        "     timing: t, spapi_action: null, max_length: null, subject: s,\n"
        "     fields: [{name: a, type: phone, label: A, required: true}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="type must be one of"):
        all_reasons(bad)


def test_marketplace_table_matches_the_spec():
    markets = {m.id: m for m in all_marketplaces()}
    assert len(markets) == 23
    assert markets["US"].marketplace_id == "ATVPDKIKX0DER" and markets["US"].currency == "USD"
    assert markets["DE"].marketplace_id == "A1PA6795UKMFR9" and markets["DE"].default_locale == "de_DE"
    assert markets["JP"].marketplace_id == "A1VC38T7YXB528" and markets["JP"].currency == "JPY"
    assert "fr_CA" in markets["CA"].other_locales


def test_marketplace_lookup_by_code_id_or_domain():
    assert get_marketplace("de").id == "DE"
    assert get_marketplace("A1F83G8C2ARO7P").id == "UK"
    assert get_marketplace("amazon.co.jp").id == "JP"
    assert get_marketplace("GB").id == "UK"
    with pytest.raises(KeyError, match="unknown marketplace"):
        get_marketplace("XX")


def test_marketplace_for_locale():
    assert for_locale("en-GB").id == "UK"
    assert for_locale("de").id == "DE"
    assert for_locale("en").id == "US"
    assert for_locale("ja_JP").id == "JP"
