"""`seller-composer reasons`: the documented JSON shape and a readable text listing."""
from __future__ import annotations

import json

from composer.cli import main
from composer.reasons import reason_ids


def test_json_lists_every_reason_with_the_documented_keys(capsys):
    assert main(["reasons", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in data] == reason_ids()
    for entry in data:
        assert set(entry) == {"id", "title", "description", "proactive", "critical", "spapi_action",
                              "max_length", "fields"}
        for field in entry["fields"]:
            assert set(field) == {"name", "type", "required", "choices"}
            assert field["type"] in {"order_id", "money", "date", "choice", "text"}
            assert isinstance(field["choices"], list)
    delay = next(r for r in data if r["id"] == "shipment_delay_notice")
    assert delay["proactive"] and delay["critical"]
    assert delay["spapi_action"] == "createUnexpectedProblem" and delay["max_length"] == 2000
    reason_field = next(f for f in delay["fields"] if f["name"] == "delay_reason")
    assert reason_field["type"] == "choice" and "carrier_delay" in reason_field["choices"]


def test_text_groups_the_reasons(capsys):
    assert main(["reasons"]) == 0
    out = capsys.readouterr().out
    assert out.index("Replies:") < out.index("Critical notices:") < out.index("After delivery:")
    for reason_id in reason_ids():
        assert reason_id in out
    assert "max 800 characters" in out


def test_one_reason_in_detail(capsys):
    assert main(["reasons", "verify_custom_design"]) == 0
    out = capsys.readouterr().out
    assert "confirmCustomizationDetails, text up to 800 characters" in out
    assert "reply_by (date, optional)" in out


def test_unknown_reason_exits_2_with_the_valid_ids(capsys):
    assert main(["reasons", "coupon_blast"]) == 2
    err = capsys.readouterr().err
    assert "unknown reason 'coupon_blast'" in err and "refund_notice" in err
