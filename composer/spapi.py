"""Build SP-API Messaging requests ({"method", "path", "body"}) exactly as the Messaging API model defines them."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from composer.fields import ORDER_ID_RE
from composer.marketplaces import get_marketplace
from composer.reasons import get_reason

MAX_ATTACHMENTS = 5  # every action's attachments array: maxLength 5 (an item count) [S20]


@dataclass(frozen=True)
class Action:
    """One send operation of messaging.json (model of 2026-01-30)."""

    operation_id: str
    path_name: str  # the segment after /messages/
    max_text: int | None  # None: the body has no text field
    attachments: str  # "none", "optional" or "required" (1-5)


ACTIONS = {
    a.operation_id: a
    for a in (
        Action("confirmCustomizationDetails", "confirmCustomizationDetails", 800, "optional"),
        Action("createConfirmDeliveryDetails", "confirmDeliveryDetails", 2000, "none"),
        Action("createLegalDisclosure", "legalDisclosure", None, "optional"),
        Action("createConfirmOrderDetails", "confirmOrderDetails", 2000, "none"),
        Action("createConfirmServiceDetails", "confirmServiceDetails", 2000, "none"),
        Action("CreateWarranty", "warranty", None, "required"),
        Action("createDigitalAccessKey", "digitalAccessKey", 400, "optional"),
        Action("createUnexpectedProblem", "unexpectedProblem", 2000, "none"),
        Action("sendInvoice", "invoice", None, "required"),
    )
}


def action_for(reason_id: str) -> Action | None:
    """The Messaging API action of a reason, or None (no action, or the Solicitations API)."""
    return ACTIONS.get(get_reason(reason_id).spapi_action or "")


def _attachment(item) -> dict:
    if isinstance(item, dict):
        upload_id, file_name = item.get("uploadDestinationId"), item.get("fileName")
    else:
        upload_id, file_name = item
    if not upload_id or not file_name:
        raise ValueError("each attachment needs an uploadDestinationId and a fileName (with extension)")
    if "." not in str(file_name).strip("."):
        raise ValueError(f"attachment file name {file_name!r} needs an extension, e.g. invoice.pdf")
    return {"uploadDestinationId": str(upload_id), "fileName": str(file_name)}


def spapi_request(
    reason_id: str, text: str, *, order_id: str, marketplace_id: str, attachments=()
) -> dict:
    """The POST for a reason's Messaging API action. ValueError when the reason has no text action,
    the text is outside the action's limits, or the order id, marketplace or attachments are wrong.
    `attachments`: (uploadDestinationId, fileName) pairs or dicts with those keys."""
    reason = get_reason(reason_id)
    action = ACTIONS.get(reason.spapi_action or "")
    if action is None or action.max_text is None:
        what = f"its action {reason.spapi_action} takes no text" if reason.spapi_action else "it has no SP-API action"
        raise ValueError(f"{reason.id} cannot be sent as text through the Messaging API: {what}; "
                         "send it in Seller Central instead")
    if not ORDER_ID_RE.match(order_id or ""):
        raise ValueError(f"{order_id!r} is not an Amazon order ID (3-7-7 digits, e.g. 112-1234567-1234567)")
    try:
        market = get_marketplace(marketplace_id)
    except KeyError as error:
        raise ValueError(error.args[0]) from None
    if not text:
        raise ValueError(f"{action.operation_id} needs text (1-{action.max_text} characters)")
    if len(text) > action.max_text:
        raise ValueError(f"{action.operation_id} accepts at most {action.max_text} characters of text; "
                         f"this text has {len(text)}")
    items = [_attachment(item) for item in attachments]
    if items and action.attachments == "none":
        raise ValueError(f"{action.operation_id} takes no attachments")
    if len(items) > MAX_ATTACHMENTS:
        raise ValueError(f"{action.operation_id} accepts at most {MAX_ATTACHMENTS} attachments; got {len(items)}")
    body: dict = {"text": text}
    if items:
        body["attachments"] = items
    # marketplaceIds is a query parameter with exactly one item (maxItems: 1).
    path = (f"/messaging/v1/orders/{quote(order_id)}/messages/{action.path_name}"
            f"?marketplaceIds={quote(market.marketplace_id)}")
    return {"method": "POST", "path": path, "body": body}
