"""`seller-composer render` (text, json, spapi; exit 0/1/2) and the shared order-context options."""
from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest

from composer.cli import main
from composer.cli._context import context_from_args
from composer.context import Context, EarlierMessage
from composer.reasons import reason_ids
from composer.render import example_values

TODAY = ["--today", "2026-06-01"]


def fields(reason_id: str) -> list[str]:
    args = []
    for name, value in example_values(reason_id).items():
        args += ["--field", f"{name}={value}"]
    return args


@pytest.fixture(autouse=True)
def declared_language_only(monkeypatch):
    """Keep language detection out of these tests (the policy then uses the declared language)."""
    import sys

    monkeypatch.setitem(sys.modules, "composer.language", None)


@pytest.mark.parametrize("reason_id", reason_ids())
def test_every_reason_renders_and_is_approved(reason_id, capsys):
    assert main(["render", reason_id, *fields(reason_id), *TODAY]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Subject: ")
    assert "Kind regards" in out


def test_json_output(capsys):
    assert main(["render", "shipment_delay_notice", *fields("shipment_delay_notice"), "--format", "json", *TODAY]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"reason", "subject", "text", "verdict", "findings"}
    assert data["reason"] == "shipment_delay_notice" and data["verdict"] == "approve"
    assert data["subject"] == "Your order is delayed" and "$24.99" in data["text"]


def test_spapi_output_has_order_and_marketplace_in_the_path(capsys):
    code = main(["render", "verify_custom_design", "--example", "--format", "spapi", "--marketplace", "UK",
                 "--locale", "en-GB", "--attachment", "dest-1:proof.png", *TODAY])
    out = capsys.readouterr().out
    assert code == 0
    request = json.loads(out)
    assert request["method"] == "POST"
    assert request["path"] == ("/messaging/v1/orders/112-1234567-1234567/messages/confirmCustomizationDetails"
                               "?marketplaceIds=A1F83G8C2ARO7P")
    assert request["body"]["attachments"] == [{"uploadDestinationId": "dest-1", "fileName": "proof.png"}]
    assert "5 June 2026" in request["body"]["text"]


def test_spapi_for_a_reason_without_a_text_action_exits_2(capsys):
    assert main(["render", "send_invoice", "--example", "--format", "spapi"]) == 2
    assert "sendInvoice takes no text" in capsys.readouterr().err


def test_blocked_text_exits_1_and_is_not_exported(capsys):
    code = main(["render", "resolve_fulfillment_issue", "--example", "--field",
                 "next_steps=Visit www.myshop.com for a 20% discount code.", "--format", "spapi", *TODAY])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert "blocked" in captured.err


def test_blocked_text_exits_1_in_text_format_with_findings_on_stderr(capsys):
    code = main(["render", "resolve_fulfillment_issue", "--example", "--field",
                 "problem=Email me at seller@example.com.", *TODAY])
    captured = capsys.readouterr()
    assert code == 1
    assert "seller@example.com" in captured.out
    assert "error" in captured.err


def test_missing_and_invalid_fields_exit_2_with_one_message_each(capsys):
    code = main(["render", "shipment_delay_notice", "--field", "order_id=123", "--field", "delay_reason=rain"])
    err = capsys.readouterr().err
    assert code == 2
    lines = [line for line in err.splitlines() if line.startswith("seller-composer render: field ")]
    assert len(lines) == 4
    assert {line.split(":")[1].split()[-1] for line in lines} == {
        "order_id", "delay_reason", "new_delivery_date", "original_amount"}


def test_field_without_equals_sign_exits_2(capsys):
    assert main(["render", "reply_to_buyer", "--field", "answer"]) == 2
    assert "use NAME=VALUE" in capsys.readouterr().err


def test_unknown_reason_exits_2(capsys):
    assert main(["render", "coupon_blast", "--field", "a=b"]) == 2
    assert "valid reasons" in capsys.readouterr().err


def test_context_makes_a_late_message_blocked(capsys):
    code = main(["render", "shipment_delay_notice", "--example", "--format", "json",
                 "--order-date", "2026-01-01", "--today", "2026-03-01"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    assert "policy.timing.proactive-window" in {f["rule"] for f in data["findings"]}


def test_review_request_twice_is_blocked(capsys):
    code = main(["render", "review_feedback_request", "--example", "--delivery-date", "2026-05-20", *TODAY,
                 "--earlier", "review_feedback_request@2026-05-26"])
    assert code == 1
    assert "policy.timing.repeat-review" in capsys.readouterr().err


def test_buyer_locale_sets_the_language_and_falls_back_visibly(capsys, tmp_path, monkeypatch):
    import composer.render as render_module

    monkeypatch.setattr(render_module, "templates_root", lambda: _english_only(tmp_path))
    code = main(["render", "shipment_delay_notice", "--example", "--buyer-locale", "de-DE", *TODAY])
    captured = capsys.readouterr()
    assert "note: no de-DE template" in captured.err
    # The wrong language is a warning (identification can err): it asks for a confirmation, it does not block.
    assert "warning policy.language" in captured.err and code == 0


def _english_only(tmp_path):
    import shutil

    from composer import resources

    root = tmp_path / "templates"
    if not root.exists():
        root.mkdir()
        shutil.copytree(resources.templates_dir() / "en", root / "en")
    return root


def test_bad_context_option_exits_2(capsys):
    assert main(["render", "shipment_delay_notice", "--example", "--today", "01/06/2026"]) == 2
    assert "--today" in capsys.readouterr().err


def test_check_command_applies_the_reason_and_context(capsys, tmp_path):
    message = tmp_path / "m.txt"
    message.write_text("Your order will be late.", encoding="utf-8")
    code = main(["check", str(message), "--reason", "shipment_delay_notice", "--format", "json",
                 "--order-date", "2026-01-01", "--today", "2026-03-01", "--buyer-locale", "en-US"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1
    categories = {f["category"] for f in data["findings"]}
    assert {"critical-notice", "timing", "order-id"} <= categories


def test_context_from_args_builds_the_context():
    args = SimpleNamespace(order_date="2026-05-01", delivery_date=None, today="2026-05-20", buyer_locale="de-DE",
                           marketplace="amazon.de", order_id="11212345671234567",
                           earlier=["review_feedback_request@2026-05-10"])
    context = context_from_args(args)
    assert context == Context(
        order_id="112-1234567-1234567", order_date=date(2026, 5, 1),
        today=date(2026, 5, 20), buyer_locale="de-DE", marketplace="DE",
        earlier_messages=(EarlierMessage("review_feedback_request", date(2026, 5, 10)),),
    )


@pytest.mark.parametrize("option, value, expected", [
    ("order_date", "May 1", "--order-date"),
    ("buyer_locale", "German!", "--buyer-locale"),
    ("marketplace", "XX", "--marketplace"),
    ("order_id", "123", "--order-id"),
    ("earlier", ["review"], "--earlier"),
])
def test_context_from_args_names_the_bad_option(option, value, expected):
    args = SimpleNamespace(**{option: value})
    with pytest.raises(ValueError, match=expected):
        context_from_args(args)
