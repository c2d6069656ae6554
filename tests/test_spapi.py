"""SP-API Messaging requests: paths, bodies and limits exactly as amazon-rules.md (c) gives the model."""
from __future__ import annotations

import pytest

from composer.reasons import all_reasons
from composer.render import example_values, render
from composer.spapi import ACTIONS, action_for, spapi_request

ORDER = "112-1234567-1234567"
US = "ATVPDKIKX0DER"

# amazon-rules.md c.2: operationId -> (path suffix, text limit or None, attachments).
SPEC = {
    "confirmCustomizationDetails": ("confirmCustomizationDetails", 800, "optional"),
    "createConfirmDeliveryDetails": ("confirmDeliveryDetails", 2000, "none"),
    "createLegalDisclosure": ("legalDisclosure", None, "optional"),
    "createConfirmOrderDetails": ("confirmOrderDetails", 2000, "none"),
    "createConfirmServiceDetails": ("confirmServiceDetails", 2000, "none"),
    "CreateWarranty": ("warranty", None, "required"),
    "createDigitalAccessKey": ("digitalAccessKey", 400, "optional"),
    "createUnexpectedProblem": ("unexpectedProblem", 2000, "none"),
    "sendInvoice": ("invoice", None, "required"),
}
TEXT_REASONS = [r for r in all_reasons() if r.spapi_action in SPEC and SPEC[r.spapi_action][1]]
OTHER_REASONS = [r for r in all_reasons() if r not in TEXT_REASONS]


def test_action_table_matches_the_model():
    assert {op: (a.path_name, a.max_text, a.attachments) for op, a in ACTIONS.items()} == SPEC


@pytest.mark.parametrize("reason", TEXT_REASONS, ids=lambda r: r.id)
def test_rendered_example_becomes_the_models_request(reason):
    text = render(reason.id, example_values(reason.id)).text
    request = spapi_request(reason.id, text, order_id=ORDER, marketplace_id=US)
    suffix = SPEC[reason.spapi_action][0]
    assert request == {
        "method": "POST",
        "path": f"/messaging/v1/orders/{ORDER}/messages/{suffix}?marketplaceIds={US}",
        "body": {"text": text},
    }


@pytest.mark.parametrize("reason", TEXT_REASONS, ids=lambda r: r.id)
def test_text_limits_are_enforced(reason):
    limit = SPEC[reason.spapi_action][1]
    assert spapi_request(reason.id, "x" * limit, order_id=ORDER, marketplace_id=US)["body"]["text"] == "x" * limit
    with pytest.raises(ValueError, match=f"at most {limit} characters"):
        spapi_request(reason.id, "x" * (limit + 1), order_id=ORDER, marketplace_id=US)
    with pytest.raises(ValueError, match="needs text"):
        spapi_request(reason.id, "", order_id=ORDER, marketplace_id=US)


@pytest.mark.parametrize("reason", OTHER_REASONS, ids=lambda r: r.id)
def test_reasons_without_a_text_action_raise(reason):
    with pytest.raises(ValueError, match="cannot be sent as text"):
        spapi_request(reason.id, "Hello", order_id=ORDER, marketplace_id=US)


def test_marketplace_goes_into_the_query_by_code_or_id():
    by_code = spapi_request("shipment_delay_notice", "Hi", order_id=ORDER, marketplace_id="DE")
    by_id = spapi_request("shipment_delay_notice", "Hi", order_id=ORDER, marketplace_id="A1PA6795UKMFR9")
    assert by_code == by_id
    assert by_code["path"].endswith("?marketplaceIds=A1PA6795UKMFR9")
    with pytest.raises(ValueError, match="unknown marketplace"):
        spapi_request("shipment_delay_notice", "Hi", order_id=ORDER, marketplace_id="ZZ")


@pytest.mark.parametrize("order_id", ["", "112-123", "11212345671234567", "112-1234567-1234567/x"])
def test_order_id_must_be_3_7_7(order_id):
    with pytest.raises(ValueError, match="not an Amazon order ID"):
        spapi_request("shipment_delay_notice", "Hi", order_id=order_id, marketplace_id=US)


def test_attachments_up_to_five_where_the_action_takes_them():
    five = [(f"id-{i}", f"proof{i}.png") for i in range(5)]
    request = spapi_request("verify_custom_design", "Hi", order_id=ORDER, marketplace_id=US, attachments=five)
    assert request["body"]["attachments"][0] == {"uploadDestinationId": "id-0", "fileName": "proof0.png"}
    assert len(request["body"]["attachments"]) == 5
    with pytest.raises(ValueError, match="at most 5 attachments"):
        spapi_request("verify_custom_design", "Hi", order_id=ORDER, marketplace_id=US,
                      attachments=five + [("id-5", "x.png")])


def test_attachment_dicts_and_their_required_keys():
    ok = spapi_request("digital_access_key", "Key", order_id=ORDER, marketplace_id=US,
                       attachments=[{"uploadDestinationId": "u1", "fileName": "key.txt"}])
    assert ok["body"]["attachments"] == [{"uploadDestinationId": "u1", "fileName": "key.txt"}]
    with pytest.raises(ValueError, match="needs an uploadDestinationId and a fileName"):
        spapi_request("digital_access_key", "Key", order_id=ORDER, marketplace_id=US,
                      attachments=[{"uploadDestinationId": "u1"}])
    with pytest.raises(ValueError, match="needs an extension"):
        spapi_request("digital_access_key", "Key", order_id=ORDER, marketplace_id=US, attachments=[("u1", "key")])


def test_actions_without_attachments_refuse_them():
    with pytest.raises(ValueError, match="takes no attachments"):
        spapi_request("shipment_delay_notice", "Hi", order_id=ORDER, marketplace_id=US, attachments=[("u", "a.pdf")])


def test_action_for_reason():
    assert action_for("verify_custom_design").max_text == 800
    assert action_for("send_invoice").max_text is None
    assert action_for("review_feedback_request") is None  # Solicitations API, not Messaging
    assert action_for("reply_to_buyer") is None
